import { expect } from 'chai';
import { diagnosticsOf, renderYaml, templateOf, type ArmResourceJson } from '../../helpers/render.js';

const SUB = '11111111-2222-3333-4444-555555555555';
const base = `identities:
  - name: ops
    resourceName: uai-ops
  - name: made
    create: true
automationAccount:
  name: aa-roles-01
  identity:
    systemAssigned: true
    userAssigned: [ops, made]
roleAssignments:
`;
const render = (entries: string) => templateOf(renderYaml(base + entries));
const props = (r: ArmResourceJson) => r.properties as Record<string, string>;
const nested = (r: ArmResourceJson) => (r.properties as { template: { resources: ArmResourceJson[] }; parameters: Record<string, { value: string }> });

describe('role assignments', () => {
  const deployments = (t: ReturnType<typeof render>) => t.resources.filter((r) => r.type === 'Microsoft.Resources/deployments');

  it('assigns on the deployment resource group through a module into the same group, named from the principal ID inside', () => {
    const t = render('  - { identity: ops, role: Reader, scope: { kind: resourceGroup } }\n');
    // THEN no role assignment sits in the main template: an identity's principal ID is known only at deployment time
    expect(t.resources.filter((r) => r.type === 'Microsoft.Authorization/roleAssignments')).to.deep.equal([]);
    const d = deployments(t)[0]!;
    expect(d).not.to.have.property('resourceGroup');
    expect(d).not.to.have.property('subscriptionId');
    const inner = nested(d).template.resources[0]!;
    expect(inner.name).to.equal("[if(empty(parameters('roleAssignmentName')), guid(resourceGroup().id, parameters('principalId'), parameters('roleDefinitionId')), parameters('roleAssignmentName'))]");
    expect(nested(d).parameters.roleDefinitionId!.value).to.equal("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')]");
    expect(nested(d).parameters.principalId!.value).to.equal("[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uai-ops'), '2024-11-30').principalId]");
    expect(d).not.to.have.property('dependsOn');
  });

  it('assigns on the account through a resource module that waits for the account and reads its system identity', () => {
    const t = render('  - { identity: system, role: Automation Contributor, scope: { kind: automationAccount } }\n');
    const d = deployments(t)[0]!;
    const accountId = "resourceId('Microsoft.Automation/automationAccounts', 'aa-roles-01')";
    expect(nested(d).parameters.scope!.value).to.equal(`[${accountId}]`);
    expect(nested(d).template.resources[0]!.scope).to.equal("[parameters('scope')]");
    expect(nested(d).parameters.principalId!.value).to.equal(`[reference(${accountId}, '2024-10-23', 'full').identity.principalId]`);
    expect(d.dependsOn).to.deep.equal([`[${accountId}]`]);
    expect(d.name).not.to.include('principalId');
  });

  it('makes the module wait for a created identity and never names the deployment from its principalId', () => {
    const t = render('  - { identity: made, role: Reader, scope: { kind: resourceGroup } }\n');
    const d = deployments(t)[0]!;
    expect(d.dependsOn).to.deep.equal(["[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'made')]"]);
    expect(d.name).not.to.match(/reference\(/);
  });

  it('reaches another resource group (and subscription) through a nested deployment with inner scope', () => {
    const t = render(`  - { identity: ops, role: Reader, scope: { kind: resourceGroup, name: rg-other, subscriptionId: ${SUB} } }\n`);
    const d = t.resources.find((r) => r.type === 'Microsoft.Resources/deployments')!;
    expect(d.resourceGroup).to.equal('rg-other');
    expect(d.subscriptionId).to.equal(SUB);
    expect((d.properties as { expressionEvaluationOptions: unknown }).expressionEvaluationOptions).to.deep.equal({ scope: 'Inner' });
    const inner = nested(d).template.resources[0]!;
    expect(inner).not.to.have.property('scope');
    // ...the inner template names the assignment from the principal ID it is handed (a recreated identity gets a new name)
    expect(props(inner).principalType).to.equal("[if(empty(parameters('principalType')), null(), parameters('principalType'))]");
    expect(nested(d).parameters.principalType!.value).to.equal('ServicePrincipal');
    expect(inner.name).to.match(/guid\(resourceGroup\(\)\.id, parameters\('principalId'\), parameters\('roleDefinitionId'\)\)/);
    // ...and the deployment's name is unique per deploying resource group and assignment, known at deployment start
    expect(d.name).to.equal(
      `[format('ra-{0}', guid(resourceGroup().id, '/subscriptions/${SUB}/resourceGroups/rg-other', resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uai-ops'), 'acdd72a7-3385-48ef-bd42-f606fba81ae7'))]`,
    );
  });

  it('reaches a subscription through a nested deployment with subscriptionId, location and a subscription template', () => {
    const t = render('  - { identity: ops, role: Reader, scope: { kind: subscription } }\n');
    const d = t.resources.find((r) => r.type === 'Microsoft.Resources/deployments')!;
    expect(d.subscriptionId).to.equal('[subscription().subscriptionId]');
    // the location Bicep gives a subscription-scope module, so both formats keep one location per deployment name
    expect(d.location).to.equal('[resourceGroup().location]');
    expect((d.properties as { template: { $schema: string } }).template.$schema).to.match(/subscriptionDeploymentTemplate\.json#$/);
  });

  it('assigns on one resource elsewhere by resource ID, passing the scope into the inner template', () => {
    const id = `/subscriptions/${SUB}/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv-ops`;
    const t = render(`  - { identity: ops, role: Key Vault Secrets User, scope: { kind: resource, resourceId: ${id} } }\n`);
    const d = t.resources.find((r) => r.type === 'Microsoft.Resources/deployments')!;
    expect([d.subscriptionId, d.resourceGroup]).to.deep.equal([SUB, 'rg-kv']);
    expect(nested(d).template.resources[0]!.scope).to.equal("[parameters('scope')]");
    expect(nested(d).parameters.scope!.value).to.equal(id);
  });

  it('assigns on a resource in this group through a resource module handed its ID', () => {
    const t = render('  - { identity: system, role: Virtual Machine Contributor, scope: { kind: resource, type: Microsoft.Compute/virtualMachines, name: vm-01 } }\n');
    const d = deployments(t)[0]!;
    expect(nested(d).parameters.scope!.value).to.equal("[resourceId('Microsoft.Compute/virtualMachines', 'vm-01')]");
  });

  it('accepts role GUIDs and full role definition IDs, naming the assignment from the same GUID', () => {
    const byName = render('  - { identity: ops, role: reader, scope: { kind: resourceGroup } }\n').resources.at(-1)!.name;
    const byGuid = render('  - { identity: ops, role: ACDD72A7-3385-48EF-BD42-F606FBA81AE7, scope: { kind: resourceGroup } }\n').resources.at(-1)!.name;
    const byId = render('  - { identity: ops, role: /providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7, scope: { kind: resourceGroup } }\n').resources.at(-1)!;
    expect(byGuid).to.equal(byName);
    expect(byId.name).to.equal(byName);
    // a full ID of a built-in role is the same role in every subscription: normalised to subscriptionResourceId()
    expect(nested(byId).parameters.roleDefinitionId!.value).to.equal("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')]");
  });

  it('names are stable for the same input and differ for a different principal', () => {
    const entry = (who: string) => `  - { identity: ${who}, role: Reader, scope: { kind: resourceGroup } }\n`;
    const a1 = render(entry('ops')).resources.at(-1)!.name;
    const a2 = render(entry('ops')).resources.at(-1)!.name;
    const b = render(entry('made')).resources.at(-1)!.name;
    expect(a1).to.equal(a2);
    expect(a1).not.to.equal(b);
  });

  it('rejects a duplicate assignment', () => {
    const line = '  - { identity: ops, role: Reader, scope: { kind: resourceGroup } }\n';
    expect(diagnosticsOf(base + line + line).join('\n')).to.match(/AG302: \/roleAssignments\/1: duplicate role assignment/);
  });

  it('warns (not fails) on Owner, Contributor or User Access Administrator at subscription scope and on broad roles on one resource', () => {
    const result = renderYaml(
      `${base}  - { identity: ops, role: Owner, scope: { kind: subscription } }\n  - { identity: system, role: Contributor, scope: { kind: resource, type: Microsoft.KeyVault/vaults, name: kv-01 } }\n`,
    );
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message);
    expect(warnings).to.have.length(2);
    expect(warnings[0]).to.match(/'Owner' on a whole subscription/);
    expect(warnings[1]).to.match(/Key Vault Secrets User/);
  });
});
