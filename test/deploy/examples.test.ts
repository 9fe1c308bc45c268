import { expect } from 'chai';
import fg from 'fast-glob';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { runScenario, SCENARIOS } from '../support/deploy/scenarios.js';
import type { Violation } from '../support/deploy/rules.js';
import { repoRoot } from '../support/paths.js';
import { KNOWN_VIOLATIONS } from './knownViolations.js';

/**
 * Every scenario of the deploy simulator over every committed example (out/NAME/azuredeploy.json with its
 * azuredeploy.parameters.json). The expected result is the table in knownViolations.ts: today's outputs break
 * several rules, and this test pins exactly which. ARMGEN_DEPLOYSIM_REPORT=1 prints every violation in full.
 */
const templates = fg.sync('out/*/azuredeploy.json', { cwd: repoRoot }).sort();
const report = process.env.ARMGEN_DEPLOYSIM_REPORT === '1';

const summary = (vs: readonly Violation[]): string[] => vs.map((v) => `${v.rule} @ ${v.at}`);
const detail = (vs: readonly Violation[]): string => vs.map((v) => `  ${v.rule} @ ${v.at} ${v.resource}\n    ${v.message}\n    source: ${v.source}`).join('\n');

function load(path: string): unknown {
  return JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as unknown;
}

describe('deploy simulator over the committed examples (out/*/azuredeploy.json)', () => {
  it('GIVEN the out/ folder THEN there are examples to simulate, and the table knows each of them', () => {
    expect(templates.length).to.be.greaterThan(0);
    expect(templates.map((t) => basename(dirname(t)))).to.deep.equal(Object.keys(KNOWN_VIOLATIONS).sort());
  });

  for (const path of templates) {
    const example = basename(dirname(path));
    const parametersPath = join(dirname(path), 'azuredeploy.parameters.json');
    describe(example, () => {
      for (const scenario of SCENARIOS) {
        const expected = KNOWN_VIOLATIONS[example]?.[scenario] ?? [];
        const outcome = expected.length === 0 ? 'nothing is violated' : `exactly the ${expected.length} known violation(s) are found`;
        it(`GIVEN ${example} WHEN ${scenario} THEN ${outcome}`, () => {
          const parameters = existsSync(join(repoRoot, parametersPath)) ? load(parametersPath) : undefined;
          const found = runScenario(scenario, load(path), parameters);
          if (report && found.length > 0) console.log(`${example} ${scenario}:\n${detail(found)}`);
          expect(summary(found), `${example} ${scenario} found:\n${detail(found)}`).to.deep.equal(expected);
        });
      }
    });
  }
});
