import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { compareTemplates } from '../../generator/import/compareTemplates.js';
import { artifactReader } from '../../generator/import/importFiles.js';
import { exampleConfigs } from '../helpers/render.js';
import { repoRoot, sharedDir, SHARED_MISSING } from '../support/paths.js';
import { importText, refusalsOf, renderedFiles, renderedTemplate, sourceFile } from './helpers.js';

/**
 * Round trips of every example's own template: import(out/NAME/azuredeploy.json [+ its parameter file]) ->
 * generate -> byte-identical to out/NAME/azuredeploy.json. Examples with kinds import does not map yet are
 * listed with the reason and must be refused (with AG910 naming the first such resource), never skipped.
 */
const BYTE_IDENTICAL = new Set(['template-ua', 'system-vm', 'seed-roles', 'created-identity', 'python-runbook', 'seed-end-to-end', 'maximal', 'operations']);
const EXPECTED_TO_REFUSE: Record<string, string> = {};

describe('import round trip: every example with out/NAME/azuredeploy.json', () => {
  for (const config of exampleConfigs()) {
    const name = config.replace(/^examples\//, '').replace(/\.(ya?ml|json)$/, '');
    const templatePath = join(repoRoot, 'out', name, 'azuredeploy.json');
    if (!existsSync(templatePath)) continue;
    const parametersPath = join(repoRoot, 'out', name, 'azuredeploy.parameters.json');
    const parameters = existsSync(parametersPath) ? [sourceFile(parametersPath, `out/${name}/azuredeploy.parameters.json`)] : [];
    const original = readFileSync(templatePath, 'utf8');

    if (BYTE_IDENTICAL.has(name)) {
      it(`${name}: import -> generate is byte-identical to out/${name}/azuredeploy.json and its runbook scripts`, () => {
        // GIVEN the example's rendered template, parameter file and staged runbooks WHEN imported and rendered again,
        // the config placed in out/NAME/ (where its `file:` runbooks are)
        const imported = importText(`out/${name}/azuredeploy.json`, original, parameters, artifactReader(templatePath));
        if (!imported.ok) throw new Error(refusalsOf(imported).join('\n'));
        const files = renderedFiles(imported.text, join(repoRoot, 'out', name));
        // THEN the template is the same, byte for byte, and so is every runbook script armgen stages
        expect(files.get('azuredeploy.json')).to.equal(original);
        for (const [path, text] of files) if (path.startsWith('runbooks/')) expect(text, path).to.equal(readFileSync(join(repoRoot, 'out', name, path), 'utf8'));
      });
    } else if (Object.hasOwn(EXPECTED_TO_REFUSE, name)) {
      it(`${name}: expected to refuse (${EXPECTED_TO_REFUSE[name]})`, () => {
        const refusals = refusalsOf(importText(`out/${name}/azuredeploy.json`, original, parameters, artifactReader(templatePath)));
        expect(refusals.length).to.be.greaterThan(0);
        for (const r of refusals) expect(r).to.match(new RegExp(`^out/${name}/azuredeploy\\.json:\\d+:\\d+: error AG910: (resources|parameters|outputs)`));
      });
    } else {
      it(`${name}: is listed as byte-identical or expected-to-refuse in test/import/roundTrip.test.ts`, () => {
        const outcome = importText(`out/${name}/azuredeploy.json`, original, parameters, artifactReader(templatePath));
        const why = outcome.ok ? (renderedTemplate(outcome.text, join(repoRoot, 'out', name)) === original ? 'it round-trips byte-identically' : 'it imports') : `it is refused:\n${refusalsOf(outcome).join('\n')}`;
        expect.fail(`example '${name}' is not listed: ${why}; add it to BYTE_IDENTICAL or EXPECTED_TO_REFUSE with the reason`);
      });
    }
  }
});

describe("import round trip: the seed's template_ua.json (semantic equivalence)", () => {
  before(function () {
    if (!sharedDir) {
      console.log(`      ${SHARED_MISSING}`);
      this.skip();
    }
  });

  const seed = () => {
    const template = sourceFile(join(sharedDir!, 'fixtures/template_ua.json'), 'template_ua.json');
    const parameters = sourceFile(join(sharedDir!, 'fixtures/template_ua.parameters.json'), 'template_ua.parameters.json');
    return { template, parameters, outcome: importText('template_ua.json', readFileSync(join(sharedDir!, 'fixtures/template_ua.json'), 'utf8'), [parameters]) };
  };

  it('imports template_ua.json, pins its API version and keeps its parameter values', () => {
    const { outcome } = seed();
    if (!outcome.ok) throw new Error(refusalsOf(outcome).join('\n'));
    expect(outcome.text).to.match(/^# yaml-language-server: \$schema=/);
    expect(outcome.text).to.include('Microsoft.Automation/automationAccounts: 2020-01-13-preview');
    expect(outcome.text).to.include('value: uai-one');
    expect(outcome.text).to.include('userAssigned: [ userAssignedOne, userAssignedTwo ]');
  });

  it('renders a template semantically equal to template_ua.json, with only the known differences', () => {
    // GIVEN the seed imported WHEN the config is rendered
    const { template, outcome } = seed();
    if (!outcome.ok) throw new Error(refusalsOf(outcome).join('\n'));
    const ours = JSON.parse(renderedTemplate(outcome.text)) as Record<string, unknown>;
    // THEN compareTemplates finds no difference (same resources by type+name, same properties after normalising
    // expression spelling) ...
    expect(compareTemplates(template.value as Record<string, unknown>, ours)).to.deep.equal([]);
    // ... and the known differences are exactly: armgen's location parameter (the seed's inline
    // [resourceGroup().location] becomes its default), armgen's outputs, its metadata stamp, the blank
    // encryption.identity {} left out, and the parameter type's letter case.
    const params = ours.parameters as Record<string, { type: string; defaultValue?: unknown }>;
    expect(Object.keys(params)).to.deep.equal(['automationAccountName', 'userAssignedOne', 'userAssignedTwo', 'location']);
    expect(params.location!.defaultValue).to.equal('[resourceGroup().location]');
    expect(params.automationAccountName!.type).to.equal('string');
    expect(Object.keys(ours.outputs as object)).to.include('userAssignedOneClientId');
    const account = (ours.resources as Record<string, unknown>[])[0]!;
    expect(account.location).to.equal("[parameters('location')]");
    expect((account.properties as { encryption: unknown }).encryption).to.deep.equal({ keySource: 'Microsoft.Automation' });
  });

  it('the equivalence fails when a property differs (the comparison can fail)', () => {
    const { template, outcome } = seed();
    if (!outcome.ok) throw new Error(refusalsOf(outcome).join('\n'));
    const ours = JSON.parse(renderedTemplate(outcome.text.replace('sku: Basic', 'sku: Free'))) as Record<string, unknown>;
    const diffs = compareTemplates(template.value as Record<string, unknown>, ours);
    expect(diffs.map((d) => d.path.join('.'))).to.deep.equal(['resources.0.properties.sku.name']);
  });
});
