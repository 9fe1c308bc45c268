import { expect } from 'chai';
import { renderYaml, templateOf, type ArmResourceJson } from '../../helpers/render.js';
import { errorsOf } from './assetHelpers.js';

const USER = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const base = `identities:
  - { name: runner, create: true }
automationAccount:
  name: aa-anyp-01
  identity: { userAssigned: [runner] }
roleAssignments:
`;
const assignments = (t: ReturnType<typeof templateOf>) => t.resources.filter((r) => r.type === 'Microsoft.Authorization/roleAssignments');
const props = (r: ArmResourceJson) => r.properties as Record<string, string>;

describe('role assignments for any principal (issue 12 #1)', () => {
  it('grants a group a role on the account as an extension resource named from the principal ID it is given', () => {
    // GIVEN an operators group (by parameter) with Automation Job Operator on the account
    const withParam = `parameters:\n  operatorsGroupId: { type: string, defaultValue: 11111111-2222-3333-4444-555555555555 }\n${base}`;
    const t = templateOf(renderYaml(`${withParam}  - { principalId: { param: operatorsGroupId }, principalType: Group, role: Automation Job Operator, scope: { kind: automationAccount } }\n`));
    const [ra] = assignments(t);
    // THEN the principal ID is known at deployment start, so it seeds the name directly (AVM's scheme)
    expect(ra!.name).to.equal(
      "[guid(resourceId('Microsoft.Automation/automationAccounts', 'aa-anyp-01'), parameters('operatorsGroupId'), subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4fe576fe-1146-4730-92eb-48519fa6bf9f'))]",
    );
    expect(ra!.scope).to.equal("[resourceId('Microsoft.Automation/automationAccounts', 'aa-anyp-01')]");
    expect(props(ra!).principalType).to.equal('Group');
    expect(ra!.dependsOn).to.deep.equal(["[resourceId('Microsoft.Automation/automationAccounts', 'aa-anyp-01')]"]);
  });

  it('grants a user Managed Identity Operator on a created identity, waiting for the identity', () => {
    const t = templateOf(renderYaml(`${base}  - { principalId: ${USER}, principalType: User, role: Managed Identity Operator, scope: { kind: identity, name: runner } }\n`));
    const [ra] = assignments(t);
    expect(ra!.scope).to.equal("[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'runner')]");
    expect(ra!.dependsOn).to.deep.equal(["[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'runner')]"]);
  });

  it('carries an ABAC condition (version 2.0 by default), a fixed name and a description; leaves principalType out when not given', () => {
    const condition = "@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'logs'";
    const name = '0c5a1b6e-1f0d-4a53-9c8e-1a2b3c4d5e6f';
    const t = templateOf(
      renderYaml(`${base}  - principalId: ${USER}
    role: Storage Blob Data Reader
    scope: { kind: resource, type: Microsoft.Storage/storageAccounts, name: stdata01 }
    condition: "${condition}"
    name: ${name}
    description: logs only
`),
    );
    const [ra] = assignments(t);
    expect(ra!.name).to.equal(name);
    expect(props(ra!)).to.deep.include({ condition, conditionVersion: '2.0', description: 'logs only' });
    expect(props(ra!)).not.to.have.property('principalType');
  });

  it('reaches a subscription through the role-assignment module, passing only what is given', () => {
    const t = templateOf(renderYaml(`${base}  - { principalId: ${USER}, principalType: User, role: Reader, scope: { kind: subscription } }\n`));
    const d = t.resources.find((r) => r.type === 'Microsoft.Resources/deployments')!;
    const params = (d.properties as { parameters: Record<string, { value: string }> }).parameters;
    expect(Object.keys(params)).to.deep.equal(['principalId', 'roleDefinitionId', 'principalType']);
    expect(params.principalId!.value).to.equal(USER);
  });

  it('keeps names apart: the same role for two principals gets two names; a repeated triple or a reused fixed name is AG302', () => {
    const two = templateOf(renderYaml(`${base}  - { principalId: ${USER}, role: Reader, scope: { kind: resourceGroup } }\n  - { principalId: 11111111-1111-1111-1111-111111111111, role: Reader, scope: { kind: resourceGroup } }\n`));
    const [a, b] = assignments(two);
    expect(a!.name).not.to.equal(b!.name);
    const line = `  - { principalId: ${USER}, role: Reader, scope: { kind: resourceGroup } }\n`;
    expect(errorsOf(base + line + line).join('\n')).to.match(/AG302 \/roleAssignments\/1: duplicate role assignment/);
    const fixed = (role: string) => `  - { principalId: ${USER}, role: ${role}, scope: { kind: resourceGroup }, name: 0c5a1b6e-1f0d-4a53-9c8e-1a2b3c4d5e6f }\n`;
    expect(errorsOf(base + fixed('Reader') + fixed('Contributor')).join('\n')).to.match(/AG302 \/roleAssignments\/1\/name: role assignment name 0c5a1b6e/);
  });

  it('refuses identity and principalId together, conditionVersion without a condition, and neither principal', () => {
    expect(errorsOf(`${base}  - { identity: runner, principalId: ${USER}, role: Reader, scope: { kind: resourceGroup } }\n`).join('\n')).to.match(/give identity .* or principalId .*, not both/);
    expect(errorsOf(`${base}  - { principalId: ${USER}, role: Reader, conditionVersion: '2.0', scope: { kind: resourceGroup } }\n`).join('\n')).to.match(/conditionVersion applies only with a condition/);
    expect(errorsOf(`${base}  - { role: Reader, scope: { kind: resourceGroup } }\n`).join('\n')).to.match(/missing one of the keys 'identity', 'principalId'/);
  });

  it('warns on a privileged role above a single resource for any principal', () => {
    const r = renderYaml(`${base}  - { principalId: ${USER}, role: Owner, scope: { kind: resourceGroup } }\n`);
    const w = r.diagnostics.filter((d) => d.code === 'AG700').map((d) => d.message);
    expect(w).to.have.length(1);
    expect(w[0]).to.match(/'Owner' on a whole resource group gives principal aaaaaaaa-.* control of every resource in it, including the right to grant access/);
  });
});
