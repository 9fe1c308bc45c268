import { expect } from 'chai';
import { renderReadme } from '../../../generator/render/readme/renderReadme.js';
import { renderYaml, templateOf, type ArmResourceJson, type ArmTemplate } from '../../helpers/render.js';
import { errorsOf, officialSchemaErrors } from './assetHelpers.js';

const USER = '00000000-0000-0000-0000-0000000000aa';
const UAMI = 'Microsoft.ManagedIdentity/userAssignedIdentities';
const RUNNER_ID = `[resourceId('${UAMI}', 'uai-runner')]`;
const LOCK = 'Microsoft.Authorization/locks';

/** A created identity `runner` (with the given extra lines) attached to an account (with `account` lines). */
function yaml(identity: string, account = '', rest = '', systemAssigned = false): string {
  return [
    'identities:',
    '  - name: runner',
    '    resourceName: uai-runner',
    '    create: true',
    ...identity.split('\n').filter((l) => l !== '').map((l) => `    ${l}`),
    'automationAccount:',
    '  name: aa-identity-01',
    ...account.split('\n').filter((l) => l !== '').map((l) => `  ${l}`),
    '  identity:',
    ...(systemAssigned ? ['    systemAssigned: true'] : []),
    '    userAssigned: [runner]',
    rest,
  ].join('\n');
}

const render = (text: string) => templateOf(renderYaml(text));
const identityOf = (t: ArmTemplate): ArmResourceJson => t.resources.find((r) => r.type === UAMI)!;
const locksOf = (t: ArmTemplate): ArmResourceJson[] => t.resources.filter((r) => r.type === LOCK);
const warningsOf = (text: string) => renderYaml(text).diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.code} ${d.message}`);

describe('identity options: location, tags and isolation scope of a created identity', () => {
  it('writes its own location and tags, and an empty properties object when no isolation scope is set', () => {
    // GIVEN a created identity with a location and tags
    const t = render(yaml('location: northeurope\ntags: { team: ops }'));
    // THEN the identity resource carries both, and properties stays {} (required by the 2024-11-30 schema)
    expect(identityOf(t)).to.deep.include({ location: 'northeurope', tags: { team: 'ops' }, properties: {} });
    expect(officialSchemaErrors(t)).to.deep.equal([]);
  });

  it('puts a Regional identity in the account region when it names none (not in the location parameter)', () => {
    // GIVEN an account in westeurope and a Regional identity without a location
    const t = render(yaml('isolationScope: Regional', 'location: westeurope'));
    // THEN the identity follows the account, and the location parameter is not declared for it
    expect(identityOf(t)).to.deep.include({ location: 'westeurope', properties: { isolationScope: 'Regional' } });
    expect(t.parameters).not.to.have.property('location');
    expect(officialSchemaErrors(t)).to.deep.equal([]);
  });

  it('accepts a Regional identity whose location names the account region in another spelling', () => {
    const t = render(yaml('isolationScope: Regional\nlocation: West Europe', 'location: westeurope'));
    expect(identityOf(t).location).to.equal('West Europe');
  });

  it('writes isolationScope None as given', () => {
    expect(identityOf(render(yaml('isolationScope: None'))).properties).to.deep.equal({ isolationScope: 'None' });
  });

  it('warns (AG308) when a Regional identity and the account take their regions from different places', () => {
    // GIVEN a Regional identity in a literal region while the account takes the location parameter
    const warnings = warningsOf(yaml('isolationScope: Regional\nlocation: westeurope'));
    // THEN armgen cannot check it and says how to make it safe
    expect(warnings.join('\n')).to.contain("AG308 /identities/0/location: identity 'runner' is Regional and in westeurope, the account in the 'location' parameter");
    expect(warnings.join('\n')).to.contain('Leave location out');
  });

  describe('config errors', () => {
    it('rejects a Regional identity in another region than the account (AG308)', () => {
      const errors = errorsOf(yaml('isolationScope: Regional\nlocation: northeurope', 'location: westeurope'));
      expect(errors.join('\n')).to.contain("AG308 /identities/0/location: identity 'runner' is in northeurope but the Automation account is in westeurope");
    });

    it('rejects isolationScope with an API version before 2024-11-30 (AG304)', () => {
      const errors = errorsOf(`apiVersions:\n  ${UAMI}: '2023-01-31'\n${yaml('isolationScope: None')}`);
      expect(errors).to.include(`AG304 /identities/0/isolationScope: isolationScope needs ${UAMI} 2024-11-30 or later (apiVersions pins 2023-01-31)`);
    });

    it('rejects settings of the identity resource on an existing identity (AG200)', () => {
      const text = 'identities:\n  - name: ops\n    location: westeurope\n    isolationScope: Regional\n    lock: { level: CanNotDelete }\nautomationAccount:\n  name: aa-identity-01\n';
      expect(errorsOf(text)).to.include("AG200 /identities/0: identity 'ops': location, isolationScope and lock apply only to identities the template creates (create: true)");
    });
  });
});

describe('identity options: a lock on a created identity', () => {
  it('locks the identity as lock-<name> after the identity and its federated credentials', () => {
    // GIVEN a locked identity with one federated credential
    const t = render(yaml("lock: { level: CanNotDelete }\nfederatedCredentials:\n  - { name: github-main, issuer: 'https://token.actions.githubusercontent.com', subject: 'repo:c/o:ref:refs/heads/main' }"));
    const [lock] = locksOf(t);
    // THEN the lock is an extension resource on the identity that waits for the credential
    expect(lock).to.deep.include({ apiVersion: '2020-05-01', name: 'lock-uai-runner', scope: RUNNER_ID });
    expect(lock!.properties).to.deep.equal({ level: 'CanNotDelete', notes: 'Cannot delete resource or child resources.' });
    expect(lock!.dependsOn).to.deep.equal([RUNNER_ID, `[resourceId('${UAMI}/federatedIdentityCredentials', 'uai-runner', 'github-main')]`]);
    expect(t.resources.at(-1)).to.equal(lock);
    expect(officialSchemaErrors(t)).to.deep.equal([]);
  });

  it('waits for role assignments on the identity: an extension resource and a role-assignment module alike', () => {
    // GIVEN a ReadOnly-locked identity that a user (principal ID known at start) and the account's system identity get roles on
    const roles = [
      'roleAssignments:',
      `  - { principalId: '${USER}', principalType: User, role: Managed Identity Operator, scope: { kind: identity, name: runner } }`,
      '  - { identity: system, role: Reader, scope: { kind: identity, name: runner } }',
    ].join('\n');
    const t = render(yaml('lock: { level: ReadOnly, readOnlyAcknowledged: true, name: runner-frozen }', '', roles, true));
    const [lock] = locksOf(t);
    // THEN the lock waits for the assignment extension resource and for the module, so neither PUT races it
    const operator = "subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'f1a07417-d97a-45cb-824c-7a7467783830')";
    const runner = `resourceId('${UAMI}', 'uai-runner')`;
    expect(lock).to.deep.include({ name: 'runner-frozen', scope: RUNNER_ID, properties: { level: 'ReadOnly', notes: 'Cannot delete or modify the resource or child resources.' } });
    expect(lock!.dependsOn).to.deep.equal([
      RUNNER_ID,
      `[extensionResourceId(${runner}, 'Microsoft.Authorization/roleAssignments', guid(${runner}, '${USER}', ${operator}))]`,
      `[resourceId('Microsoft.Resources/deployments', format('ra-{0}', guid(resourceGroup().id, ${runner}, resourceId('Microsoft.Automation/automationAccounts', 'aa-identity-01'), 'acdd72a7-3385-48ef-bd42-f606fba81ae7')))]`,
    ]);
    expect(officialSchemaErrors(t)).to.deep.equal([]);
  });

  it('shows the lock and the isolation scope in the README picture and the deployer permissions', () => {
    const result = renderYaml(yaml('isolationScope: Regional\nlock: { level: CanNotDelete }', 'location: westeurope'));
    const readme = renderReadme(result.model).text;
    expect(readme).to.contain('Regional isolation');
    expect(readme).to.contain('lock: CanNotDelete');
    expect(readme).to.contain('put a CanNotDelete lock on identity runner');
  });

  describe('config errors', () => {
    it('rejects a ReadOnly lock without the acknowledgment, with the same rule as the account lock (AG308)', () => {
      const errors = errorsOf(yaml('lock: { level: ReadOnly }'));
      expect(errors.join('\n')).to.contain("AG308 /identities/0/lock/level: a ReadOnly lock blocks every later PUT under identity 'runner'");
      expect(errors.join('\n')).to.contain('set readOnlyAcknowledged: true');
    });

    it('rejects readOnlyAcknowledged on a CanNotDelete lock (AG200)', () => {
      expect(errorsOf(yaml('lock: { level: CanNotDelete, readOnlyAcknowledged: true }'))).to.include('AG200 /identities/0/lock/readOnlyAcknowledged: readOnlyAcknowledged applies only to level ReadOnly');
    });
  });
});
