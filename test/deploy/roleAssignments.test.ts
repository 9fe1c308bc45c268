import { expect } from 'chai';
import { READER, readerFor, ROLE_ASSIGNMENT, rulesOf, scenario, show, template, uami, uamiId } from './templates.js';

/**
 * The good pattern: the principal ID is passed into an inner-scoped nested deployment, where it is a parameter,
 * known when that deployment starts, so the name can be guid(scope, principalId, role).
 */
function nestedReader(identity: string, deploymentName: string): object {
  return {
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2025-04-01',
    name: deploymentName,
    properties: {
      expressionEvaluationOptions: { scope: 'Inner' },
      mode: 'Incremental',
      parameters: { principalId: { value: `[reference(${uamiId(identity)}, '2024-11-30').principalId]` } },
      template: {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        parameters: { principalId: { type: 'string' } },
        resources: [
          {
            type: ROLE_ASSIGNMENT,
            apiVersion: '2022-04-01',
            name: `[guid(resourceGroup().id, parameters('principalId'), '${READER}')]`,
            properties: {
              roleDefinitionId: `[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${READER}')]`,
              principalId: "[parameters('principalId')]",
              principalType: 'ServicePrincipal',
            },
          },
        ],
      },
    },
    dependsOn: [`[${uamiId(identity)}]`],
  };
}

describe('deploy simulator: role assignments (scope, principal, role) -> one name', () => {
  const seededById = template([uami('uai-a'), readerFor('uai-a', `[guid(resourceGroup().id, ${uamiId('uai-a')}, '${READER}')]`)]);
  const seededByPrincipal = template([uami('uai-a'), nestedReader('uai-a', "[format('ra-{0}', guid(resourceGroup().id, 'uai-a'))]")]);

  it('GIVEN a deterministic name THEN the first deployment and a redeployment succeed (an identical PUT is idempotent)', () => {
    for (const s of ['firstDeploy', 'redeploy'] as const) expect(scenario(s, seededById), s).to.deep.equal([]);
  });

  it('GIVEN a name seeded with the identity resource ID WHEN the identity is recreated THEN RoleAssignmentUpdateNotPermitted', () => {
    const found = scenario('recreateIdentity', seededById);
    expect(rulesOf(found), show(found)).to.deep.equal(['role-assignment-update-not-permitted']);
    expect(found[0]!.message).to.match(/principal .* -> /);
  });

  it('GIVEN a name seeded with the principal ID (inside a nested deployment) WHEN the identity is recreated THEN no violation', () => {
    for (const s of ['firstDeploy', 'redeploy', 'recreateIdentity'] as const) {
      const found = scenario(s, seededByPrincipal);
      expect(found, `${s}\n${show(found)}`).to.deep.equal([]);
    }
  });

  it('GIVEN a name that changes on every deployment (newGuid) WHEN redeployed THEN RoleAssignmentExists for the same triple', () => {
    const fresh = template([uami('uai-a'), readerFor('uai-a', "[parameters('raName')]")], { raName: { type: 'string', defaultValue: '[newGuid()]' } });
    expect(scenario('firstDeploy', fresh)).to.deep.equal([]);
    expect(rulesOf(scenario('redeploy', fresh))).to.deep.equal(['role-assignment-exists']);
  });

  it('GIVEN one name for two assignments in another scope THEN the second is refused (names are unique tenant-wide)', () => {
    const name = `[guid('fixed')]`;
    const t = template([uami('uai-a'), readerFor('uai-a', name), readerFor('uai-a', name, { scope: `[${uamiId('uai-a')}]` })]);
    expect(rulesOf(scenario('firstDeploy', t))).to.deep.equal(['role-assignment-update-not-permitted']);
  });
});
