import { expect } from 'chai';
import { RULES } from '../support/deploy/rules.js';
import { account, accountId, accountParameter, readerFor, rulesOf, scenario, show, template, uami, uamiId, UAMI } from './templates.js';

const variable = (name: string, value: string, dependsOn: string[] = [`[${accountId}]`]): object => ({
  type: 'Microsoft.Automation/automationAccounts/variables',
  apiVersion: '2024-10-23',
  name: `[format('{0}/{1}', parameters('accountName'), '${name}')]`,
  properties: { value, isEncrypted: false },
  dependsOn,
});

describe('deploy simulator: template rules (checked when a deployment starts)', () => {
  it('every rule names its source', () => {
    for (const [id, rule] of Object.entries(RULES)) expect(rule.source.length, id).to.be.greaterThan(20);
  });

  describe('name-not-computable-at-start', () => {
    it('GIVEN names from parameters and resourceId THEN no violation', () => {
      const t = template([uami('uai-a'), readerFor('uai-a', `[guid(resourceGroup().id, ${uamiId('uai-a')})]`)]);
      expect(scenario('firstDeploy', t), show(scenario('firstDeploy', t))).to.deep.equal([]);
    });

    it("GIVEN a role-assignment name seeded with reference().principalId THEN it is reported (Bicep BCP120)", () => {
      const t = template([uami('uai-a'), readerFor('uai-a', `[guid(resourceGroup().id, reference(${uamiId('uai-a')}, '2024-11-30').principalId)]`)]);
      const found = scenario('firstDeploy', t);
      expect(rulesOf(found)).to.deep.equal(['name-not-computable-at-start']);
      expect(found[0]!.message).to.match(/reference\(/);
      expect(found[0]!.source).to.match(/BCP120/);
    });
  });

  describe('resource-defined-twice', () => {
    it('GIVEN two resources with one ID THEN reported; GIVEN the second behind a false condition THEN not', () => {
      expect(rulesOf(scenario('firstDeploy', template([uami('uai-a'), uami('UAI-A')])))).to.deep.equal(['resource-defined-twice']);
      expect(scenario('firstDeploy', template([uami('uai-a'), { ...uami('uai-a'), condition: false }]))).to.deep.equal([]);
    });
  });

  describe('dependsOn-unresolved and dependsOn-cycle', () => {
    it('GIVEN dependsOn by ID or by name of a resource in the template THEN no violation', () => {
      const t = template([uami('uai-a'), { ...uami('uai-b'), dependsOn: [`[${uamiId('uai-a')}]`] }, { ...uami('uai-c'), dependsOn: ['uai-b'] }]);
      expect(scenario('firstDeploy', t)).to.deep.equal([]);
    });

    it('GIVEN dependsOn on a resource the template does not declare THEN reported', () => {
      const t = template([{ ...uami('uai-b'), dependsOn: [`[${uamiId('uai-elsewhere')}]`] }]);
      expect(rulesOf(scenario('firstDeploy', t))).to.deep.equal(['dependsOn-unresolved']);
    });

    it('GIVEN two resources that wait for each other THEN both are reported as a cycle', () => {
      const t = template([{ ...uami('uai-a'), dependsOn: ['uai-b'] }, { ...uami('uai-b'), dependsOn: ['uai-a'] }]);
      expect(rulesOf(scenario('firstDeploy', t))).to.deep.equal(['dependsOn-cycle', 'dependsOn-cycle']);
    });
  });

  describe('reference-without-dependsOn', () => {
    const clientId = `[reference(${uamiId('uai-a')}, '2024-11-30').clientId]`;

    it('GIVEN a reference() to a deployed identity reachable through dependsOn (directly or transitively) THEN no violation', () => {
      const direct = template([uami('uai-a'), account({ dependsOn: [`[${uamiId('uai-a')}]`] }), variable('cid', clientId, [`[${accountId}]`, `[${uamiId('uai-a')}]`])], accountParameter);
      const transitive = template([uami('uai-a'), account({ dependsOn: [`[${uamiId('uai-a')}]`] }), variable('cid', clientId)], accountParameter);
      expect(scenario('firstDeploy', direct), show(scenario('firstDeploy', direct))).to.deep.equal([]);
      expect(scenario('firstDeploy', transitive)).to.deep.equal([]);
    });

    it('GIVEN a reference() by resource ID without dependsOn THEN reported (ARM adds no implicit dependency for an ID)', () => {
      const t = template([uami('uai-a'), account(), variable('cid', clientId)], accountParameter);
      const found = scenario('firstDeploy', t);
      expect(rulesOf(found), show(found)).to.include('reference-without-dependsOn');
      expect(found.find((v) => v.rule === 'reference-without-dependsOn')!.at).to.equal('resources[2]');
    });

    it('GIVEN a reference() to an identity the template does not deploy THEN no violation (it exists already)', () => {
      const t = template([account(), variable('cid', `[reference(${uamiId('uai-existing')}, '2024-11-30').clientId]`)], accountParameter);
      expect(scenario('firstDeploy', t)).to.deep.equal([]);
    });
  });

  describe('function-placement', () => {
    it('GIVEN newGuid() in a parameter default THEN no violation; GIVEN it in a resource name THEN reported', () => {
      const good = template([{ ...uami('x'), name: "[parameters('n')]" }], { n: { type: 'string', defaultValue: '[newGuid()]' } });
      const bad = template([{ ...uami('x'), name: '[newGuid()]' }]);
      expect(scenario('firstDeploy', good)).to.deep.equal([]);
      expect(rulesOf(scenario('firstDeploy', bad))).to.deep.equal(['function-placement']);
      expect(scenario('firstDeploy', bad)[0]!.message).to.match(/newGuid\(\) is used outside a parameter default/);
    });

    it('GIVEN utcNow() in a resource property THEN reported as function-placement', () => {
      const t = template([{ ...uami('x'), tags: { at: '[utcNow()]' } }]);
      expect(rulesOf(scenario('firstDeploy', t))).to.deep.equal(['function-placement']);
    });
  });

  describe('parameter-value-missing', () => {
    const t = template([{ ...uami('x'), name: "[parameters('n')]" }], { n: { type: 'string' }, pw: { type: 'securestring' } });

    it('GIVEN a required parameter the parameter file sets THEN no violation (a securestring without value gets a dummy)', () => {
      expect(scenario('firstDeploy', t, { parameters: { n: { value: 'uai-n' } } })).to.deep.equal([]);
    });

    it('GIVEN no value for a required parameter THEN reported', () => {
      expect(rulesOf(scenario('firstDeploy', t))).to.deep.equal(['parameter-value-missing']);
    });
  });

  describe('template-link-local-file', () => {
    const t = template(
      [{ ...uami('x'), tags: { script: "[uri(parameters('_artifactsLocation'), 'runbooks/a.ps1')]" } }],
      { _artifactsLocation: { type: 'string', defaultValue: '[deployment().properties.templateLink.uri]' } },
    );

    it('GIVEN a local-file deployment that falls back on templateLink THEN reported, and evaluation goes on', () => {
      const found = scenario('firstDeploy', t);
      expect(rulesOf(found)).to.deep.equal(['template-link-local-file']);
      expect(found[0]!.at).to.equal('parameters._artifactsLocation');
    });

    it('GIVEN a template-URI deployment, or the value in the parameter file THEN no violation', () => {
      expect(scenario('firstDeploy', t, undefined, { templateUri: 'https://x.example/azuredeploy.json' })).to.deep.equal([]);
      expect(scenario('firstDeploy', t, { parameters: { _artifactsLocation: { value: 'https://x.example/' } } })).to.deep.equal([]);
    });
  });

  it('GIVEN an identity type string THEN the user-assigned identity resource type constant matches ARM', () => {
    expect(UAMI).to.equal('Microsoft.ManagedIdentity/userAssignedIdentities');
  });
});
