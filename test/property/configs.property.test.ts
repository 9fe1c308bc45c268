import { expect } from 'chai';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { generateConfig } from '../../generator/generate.js';
import { checkArtifacts } from '../../generator/lint/lint.js';
import { loadArmSchemaValidator, onlyUncopied } from '../support/armSchemas.js';
import { sharedDir } from '../support/paths.js';
import { expectSameParameters, parseBicep } from '../unit/bicep/bicepStructure.js';
import type { ArmTemplate } from '../helpers/render.js';
import { fullConfig, mutation, validConfig } from './arbitraries.js';

/**
 * Property-based tests. The number of runs is a test option: ARMGEN_FUZZ_RUNS (default 60, which keeps CI
 * fast); an overnight run uses e.g. ARMGEN_FUZZ_RUNS=10000. ARMGEN_FUZZ_SEED replays a failure.
 */
const runs = Number(process.env.ARMGEN_FUZZ_RUNS ?? 60);
const seed = process.env.ARMGEN_FUZZ_SEED === undefined ? undefined : Number(process.env.ARMGEN_FUZZ_SEED);
const params = { numRuns: runs, ...(seed === undefined ? {} : { seed }) };

function serialise(config: Record<string, unknown>, asJson: boolean): { file: string; text: string } {
  return asJson ? { file: 'fuzz.json', text: `${JSON.stringify(config, null, 2)}\n` } : { file: 'fuzz.yaml', text: stringify(config) };
}

describe(`property: random configs (${runs} runs each; ARMGEN_FUZZ_RUNS to change)`, function () {
  this.timeout(0);

  it('every valid config renders, deterministically, into parseable, lint-clean, schema-valid output', () => {
    const validator = sharedDir ? loadArmSchemaValidator(sharedDir) : undefined;
    let n = 0;
    fc.assert(
      fc.property(fullConfig, fc.boolean(), (config, asJson) => {
        const { file, text } = serialise(config, asJson);
        const first = generateConfig(file, text);
        if (!first.ok) throw new Error(`rejected a valid config:\n${first.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')}\n${text}`);
        const second = generateConfig(file, text);
        expect(second.ok && second.artifacts.map((a) => a.text)).to.deep.equal(first.artifacts.map((a) => a.text));
        for (const a of first.artifacts) if (a.path.endsWith('.json')) JSON.parse(a.text);
        // ARM and Bicep stay structurally equivalent: parameters, resource types@apiVersions, outputs.
        const arm = JSON.parse(first.artifacts.find((a) => a.path.endsWith('/azuredeploy.json'))!.text) as ArmTemplate;
        const bicep = parseBicep(first.artifacts.find((a) => a.path.endsWith('/main.bicep'))!.text);
        expectSameParameters(arm, bicep, text);
        const deployed = bicep.resources.filter((r) => !r.existing);
        expect(deployed.length, 'one Bicep symbol per ARM resource').to.equal(arm.resources.length);
        expect(deployed.filter((r) => r.keyword === 'resource').map((r) => r.target).sort()).to.deep.equal(
          arm.resources.filter((r) => r.type !== 'Microsoft.Resources/deployments').map((r) => `${r.type}@${r.apiVersion}`).sort(),
        );
        expect(bicep.outputs.map((o) => o.name)).to.deep.equal(Object.keys(arm.outputs));
        const findings = checkArtifacts(first.artifacts).filter((f) => f.severity === 'error');
        expect(findings, JSON.stringify(findings, null, 1)).to.deep.equal([]);
        // The offline schema check costs ~50 ms a template: check every fifth config.
        if (validator && n++ % 5 === 0) {
          for (const a of first.artifacts) {
            if (!a.path.endsWith('.json')) continue;
            const json = JSON.parse(a.text) as unknown;
            const errors = (a.path.includes('.parameters') ? validator.validateParameters(json) : validator.validateTemplate(json)).filter((e) => !onlyUncopied(e));
            expect(errors, `${a.path}: ${errors.join('\n')}\n${text}`).to.deep.equal([]);
          }
        }
      }),
      params,
    );
  });

  it('every broken config is rejected with at least one located diagnostic and never a thrown error', () => {
    fc.assert(
      fc.property(validConfig, mutation, fc.boolean(), (config, m, asJson) => {
        const { file, text } = serialise(JSON.parse(JSON.stringify(m.apply(config))) as Record<string, unknown>, asJson);
        const result = generateConfig(file, text);
        expect(result.ok, `${m.label} was accepted:\n${text}`).to.equal(false);
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        expect(errors.length, m.label).to.be.greaterThan(0);
        expect(errors.every((d) => d.line > 0 && d.col > 0 && /^AG\d{3}$/.test(d.code)), JSON.stringify(errors)).to.equal(true);
      }),
      params,
    );
  });
});
