import { expect } from 'chai';
import { ARM_LIMITS, checkLimits, LIMITS_DOC, type LintFile } from '../../../generator/lint/lint.js';
import { clone, goodParameters, goodTemplate, type Json } from './lintFixtures.js';

const asFile = (path: string, v: Json): LintFile => ({ path, text: `${JSON.stringify(v, null, 2)}\n` });

function limits(mutate: (t: Json) => void, params: Json = goodParameters()) {
  const t = clone(goodTemplate());
  mutate(t);
  return checkLimits(asFile('ops/azuredeploy.json', t), [asFile('ops/azuredeploy.parameters.json', params)]);
}

const rules = (findings: readonly { rule: string }[]) => findings.map((f) => f.rule);

describe('Azure template limits (checkLimits)', () => {
  it('accepts a template exactly at each count limit', () => {
    // GIVEN 256 parameters, 800 resources and 64 outputs
    const hits = limits((t) => {
      t.parameters = { location: { type: 'string' } };
      for (let i = 1; i < 256; i++) t.parameters[`p${i}`] = { type: 'string' };
      t.resources = Array.from({ length: 800 }, (_, i) => ({ type: 'Microsoft.ManagedIdentity/userAssignedIdentities', apiVersion: '2024-11-30', name: `u${i}`, location: "[parameters('location')]" }));
      t.outputs = Object.fromEntries(Array.from({ length: 64 }, (_, i) => [`o${i}`, { type: 'int', value: i }]));
    });
    // THEN no limit is reported
    expect(hits).to.deep.equal([]);
  });

  it('reports 257 parameters, 801 resources and 65 outputs as errors that name the limit and cite the doc', () => {
    // GIVEN one over each limit
    const hits = limits((t) => {
      for (let i = 0; i < 254; i++) t.parameters[`p${i}`] = { type: 'string' };
      t.resources = Array.from({ length: 801 }, (_, i) => ({ type: 'Microsoft.ManagedIdentity/userAssignedIdentities', apiVersion: '2024-11-30', name: `u${i}` }));
      t.outputs = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`o${i}`, { type: 'int', value: i }]));
    });
    // THEN each limit is one error
    expect(rules(hits)).to.deep.equal(['limit-parameters', 'limit-resources', 'limit-outputs']);
    for (const h of hits) {
      expect(h.severity).to.equal('error');
      expect(h.message).to.include(LIMITS_DOC).and.include('limit');
    }
    expect(hits[0]?.message).to.include('257 parameters').and.include('256');
  });

  it('counts child resources and literal copy counts, and each nested template on its own', () => {
    // GIVEN 400 resources with copy 2 plus a child, and a nested template with 801
    const over = limits((t) => {
      t.resources = [{ type: 'Microsoft.Automation/automationAccounts', apiVersion: '2024-10-23', name: 'a', copy: { name: 'c', count: 800 }, resources: [{ type: 'runbooks', apiVersion: '2024-10-23', name: 'a/r' }] }];
    });
    const nested = limits((t) => {
      t.resources[4].properties.template.resources = Array.from({ length: 801 }, (_, i) => ({ type: 'Microsoft.Authorization/roleAssignments', apiVersion: '2022-04-01', name: `r${i}` }));
    });
    // THEN both templates are over the limit, and the nested one is located
    expect(rules(over)).to.deep.equal(['limit-resources']);
    expect(over[0]?.message).to.include('801 resources');
    expect(nested.map((h) => h.jsonPath)).to.deep.equal(['$.resources[4].properties.template.resources']);
  });

  it('reports a template and a parameter file over 4 MB', () => {
    // GIVEN a description and a parameter value that push both files past 4 MiB
    const big = 'x'.repeat(ARM_LIMITS.templateBytes);
    const params = clone(goodParameters());
    params.parameters.automationAccountName.value = big;
    const hits = limits((t) => (t.metadata.description = big), params);
    // THEN both sizes are reported
    expect(rules(hits)).to.deep.equal(['limit-template-size', 'limit-parameter-file-size']);
    expect(hits[0]?.message).to.include('4 MB');
  });

  it('reports an expression over 24,576 characters and accepts one at the limit', () => {
    // GIVEN expressions of 24,577 and 24,576 characters
    const expr = (n: number) => `[concat('${'a'.repeat(n - "[concat('')]".length)}')]`;
    expect(expr(24_577)).to.have.length(24_577);
    const over = limits((t) => (t.resources[1].properties.description = expr(24_577)));
    const at = limits((t) => (t.resources[1].properties.description = expr(24_576)));
    // THEN only the longer one is reported, at its path
    expect(over.map((h) => `${h.rule} ${h.jsonPath}`)).to.deep.equal(['limit-expression-length $.resources[1].properties.description']);
    expect(at).to.deep.equal([]);
  });

  it('reports a literal deployment name over 64 characters and accepts 64', () => {
    // GIVEN nested deployments named with 65 and 64 characters, and an expression name
    const over = limits((t) => (t.resources[4].name = 'd'.repeat(65)));
    const at = limits((t) => (t.resources[4].name = 'd'.repeat(64)));
    const expr = limits((t) => (t.resources[4].name = `[concat('${'d'.repeat(70)}')]`));
    // THEN only the literal 65-character name is reported
    expect(over.map((h) => `${h.rule} ${h.jsonPath}`)).to.deep.equal(['limit-deployment-name $.resources[4].name']);
    expect(over[0]?.message).to.include('65 characters').and.include('64');
    expect(at).to.deep.equal([]);
    expect(expr).to.deep.equal([]);
  });
});
