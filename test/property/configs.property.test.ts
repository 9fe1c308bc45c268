import { expect } from 'chai';
import fc from 'fast-check';
import { generateConfig } from '../../generator/generate.js';
import { checkArtifacts } from '../../generator/lint/lint.js';
import { loadArmSchemaValidator } from '../support/armSchemas.js';
import { sharedDir } from '../support/paths.js';
import { expectSameParameters, parseBicep } from '../unit/bicep/bicepStructure.js';
import type { ArmTemplate } from '../helpers/render.js';
import { fullConfig, mutation, validConfig } from './arbitraries.js';
import { FUZZ_RUNS as runs, SCHEMA_EVERY, fuzzParams, serialise } from './fuzzSettings.js';
import { outputProblems } from './outputInvariant.js';

/**
 * Property-based tests over ordinary configs (hostile names and values: hostile.property.test.ts). Run sizes and
 * seeds: fuzzSettings.ts (ARMGEN_FUZZ_RUNS, default 60; ARMGEN_FUZZ_SEED replays a failure).
 */
const params = fuzzParams();

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
        // The invariant: every .json parses, no two resources with one (type, name), official schemas on every
        // SCHEMA_EVERY-th config (~50 ms a template).
        const problems = outputProblems(first.artifacts, validator && n++ % SCHEMA_EVERY === 0 ? validator : undefined);
        expect(problems, `${problems.join('\n')}\n${text}`).to.deep.equal([]);
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
