import { expect } from 'chai';
import { renderYaml, templateOf, type ArmTemplate } from '../../helpers/render.js';

const account = (identity: string) => `automationAccount:\n  name: aa-identity-01\n${identity}`;
const accountResource = (t: ArmTemplate) => t.resources.find((r) => r.type === 'Microsoft.Automation/automationAccounts')!;

describe('identity variants on the account', () => {
  it('omits the identity block when no identity is enabled', () => {
    const t = templateOf(renderYaml(account('')));
    expect(accountResource(t)).not.to.have.property('identity');
    expect(t.outputs).not.to.have.property('systemAssignedPrincipalId');
  });

  it('writes SystemAssigned and its principalId output for the system identity only', () => {
    const t = templateOf(renderYaml(account('  identity:\n    systemAssigned: true\n')));
    expect(accountResource(t).identity).to.deep.equal({ type: 'SystemAssigned' });
    expect(t.outputs.systemAssignedPrincipalId!.value).to.equal(
      "[reference(resourceId('Microsoft.Automation/automationAccounts', 'aa-identity-01'), '2024-10-23', 'full').identity.principalId]",
    );
  });

  it('keys userAssignedIdentities by resource ID with empty objects for user-assigned only', () => {
    const t = templateOf(renderYaml(`identities:\n  - name: ops\n    resourceName: uai-ops\n${account('  identity:\n    userAssigned: [ops]\n')}`));
    expect(accountResource(t).identity).to.deep.equal({
      type: 'UserAssigned',
      userAssignedIdentities: { "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uai-ops')]": {} },
    });
    expect(t.outputs.opsClientId!.value).to.equal("[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uai-ops'), '2024-11-30').clientId]");
    expect(t.outputs.opsPrincipalId).to.exist;
    expect(t.outputs.opsResourceId).to.exist;
  });

  it("spells both as the API's enum 'SystemAssigned, UserAssigned' (with the space)", () => {
    const t = templateOf(renderYaml(`identities:\n  - name: ops\n${account('  identity:\n    systemAssigned: true\n    userAssigned: [ops]\n')}`));
    expect((accountResource(t).identity as { type: string }).type).to.equal('SystemAssigned, UserAssigned');
  });

  it('references an identity in another resource group with resourceId(group, type, name)', () => {
    const t = templateOf(renderYaml(`identities:\n  - name: ops\n    resourceName: uai-ops\n    resourceGroup: rg-ids\n${account('  identity:\n    userAssigned: [ops]\n')}`));
    expect(Object.keys((accountResource(t).identity as { userAssignedIdentities: object }).userAssignedIdentities)).to.deep.equal([
      "[resourceId('rg-ids', 'Microsoft.ManagedIdentity/userAssignedIdentities', 'uai-ops')]",
    ]);
  });

  it('references an identity in another subscription with resourceId(subscription, group, type, name)', () => {
    const sub = '11111111-2222-3333-4444-555555555555';
    const t = templateOf(renderYaml(`identities:\n  - name: ops\n    resourceName: uai-ops\n    resourceGroup: rg-ids\n    subscriptionId: ${sub}\n${account('  identity:\n    userAssigned: [ops]\n')}`));
    expect(Object.keys((accountResource(t).identity as { userAssignedIdentities: object }).userAssignedIdentities)).to.deep.equal([
      `[resourceId('${sub}', 'rg-ids', 'Microsoft.ManagedIdentity/userAssignedIdentities', 'uai-ops')]`,
    ]);
  });

  it('takes a full resource ID apart (in any letter case) into resourceId(subscription, group, type, name)', () => {
    const id = '/SUBSCRIPTIONS/11111111-2222-3333-4444-555555555555/resourcegroups/rg-ids/providers/microsoft.managedidentity/userassignedidentities/uai-ops';
    const t = templateOf(renderYaml(`identities:\n  - name: ops\n    resourceId: ${id}\n${account('  identity:\n    userAssigned: [ops]\n')}`));
    expect(Object.keys((accountResource(t).identity as { userAssignedIdentities: object }).userAssignedIdentities)).to.deep.equal([
      "[resourceId('11111111-2222-3333-4444-555555555555', 'rg-ids', 'Microsoft.ManagedIdentity/userAssignedIdentities', 'uai-ops')]",
    ]);
    expect(accountResource(t)).not.to.have.property('dependsOn');
  });

  it('creates an identity, makes the account depend on it, and chains federated credentials one after another', () => {
    const t = templateOf(
      renderYaml(
        `identities:\n  - name: ops\n    create: true\n    federatedCredentials:\n      - { name: fic-one, issuer: 'https://issuer', subject: a }\n      - { name: fic-two, issuer: 'https://issuer', subject: b }\n${account('  identity:\n    userAssigned: [ops]\n')}`,
      ),
    );
    const uamiId = "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'ops')]";
    expect(t.resources.map((r) => r.type)).to.deep.equal([
      'Microsoft.ManagedIdentity/userAssignedIdentities',
      'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials',
      'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials',
      'Microsoft.Automation/automationAccounts',
    ]);
    expect(t.resources[1]!.dependsOn).to.deep.equal([uamiId]);
    expect(t.resources[2]!.dependsOn).to.deep.equal(["[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials', 'ops', 'fic-one')]"]);
    expect(accountResource(t).dependsOn).to.deep.equal([uamiId]);
    expect(t.resources[0]!.location).to.equal("[parameters('location')]");
  });
});
