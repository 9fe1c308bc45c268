import { expect } from 'chai';
import { lintArtifacts } from '../../../generator/lint/lint.js';
import { clone, files, goodParameters, goodTemplate, only, type Json } from './lintFixtures.js';

function lintParams(rule: string, mutate: (p: Json) => void) {
  const p = clone(goodParameters());
  mutate(p);
  return only(lintArtifacts(files(goodTemplate(), p)), rule);
}

describe('lint rule parameter-file-names', () => {
  it('fires for a parameter the template does not declare', () => {
    // GIVEN a parameter file with a misspelt name
    const hits = lintParams('parameter-file-names', (p) => (p.parameters.automationAcountName = { value: 'x' }));
    // THEN it is an error in the parameter file
    expect(hits).to.have.length(1);
    expect(hits[0]).to.include({ severity: 'error', path: 'ops/azuredeploy.parameters.json', jsonPath: '$.parameters.automationAcountName' });
  });

  it('matches names without regard to case and pairs environment files with the template of their folder', () => {
    // GIVEN a differently cased name, and an environment file beside the template
    const p = clone(goodParameters());
    p.parameters = { AUTOMATIONACCOUNTNAME: { value: 'x' } };
    const all = [...files(goodTemplate(), p), { path: 'ops/azuredeploy.parameters.prod.json', text: JSON.stringify({ ...goodParameters(), parameters: { stray: { value: 1 } } }) }];
    // WHEN they are linted
    const hits = only(lintArtifacts(all), 'parameter-file-names');
    // THEN only the stray name in the environment file is reported
    expect(hits.map((h) => `${h.path} ${h.jsonPath}`)).to.deep.equal(['ops/azuredeploy.parameters.prod.json $.parameters.stray']);
  });
});

describe('lint rule parameter-file-values', () => {
  it('fires for entries without value or reference, with both, with a bare value, or with a broken reference', () => {
    // GIVEN four malformed entries
    const hits = lintParams('parameter-file-values', (p) => {
      p.parameters.automationAccountName = { defaultValue: 'x' };
      p.parameters.runAsPassword = { value: 'x', reference: {} };
      p.parameters.location = 'westeurope';
    });
    const broken = lintParams('parameter-file-values', (p) => (p.parameters.runAsPassword = { reference: { secretName: 's' } }));
    // THEN each is reported
    expect(hits.map((h) => h.jsonPath)).to.deep.equal(['$.parameters.automationAccountName', '$.parameters.runAsPassword', '$.parameters.location']);
    expect(broken.map((h) => h.jsonPath)).to.deep.equal(['$.parameters.runAsPassword.reference']);
  });

  it('stays quiet for values (empty ones included) and Key Vault references', () => {
    // GIVEN the good file plus an empty value
    const hits = lintParams('parameter-file-values', (p) => (p.parameters.location = { value: '' }));
    // THEN nothing is reported
    expect(hits).to.deep.equal([]);
  });
});

describe('lint rule parameter-file-shape', () => {
  it('fires for a wrong $schema, a malformed contentVersion and a missing parameters object', () => {
    // GIVEN a parameter file named like one but shaped wrong
    const bad = { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#x', contentVersion: '1.0' };
    const hits = only(lintArtifacts([{ path: 'ops/azuredeploy.parameters.json', text: JSON.stringify(bad) }]), 'parameter-file-shape');
    // THEN each problem is reported
    expect(hits.map((h) => h.jsonPath)).to.deep.equal(['$.$schema', '$.contentVersion', '$.parameters']);
  });
});
