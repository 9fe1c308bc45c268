import { expect } from 'chai';
import { DEFAULT_ENVIRONMENT } from '../support/deploy/scenarios.js';
import { rulesOf, scenario, show, template } from './templates.js';

/** An empty inner template at subscription scope, launched from the resource-group deployment. */
function toSubscription(name: string, location: string | undefined): object {
  return {
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2025-04-01',
    name,
    subscriptionId: '[subscription().subscriptionId]',
    ...(location === undefined ? {} : { location }),
    properties: {
      expressionEvaluationOptions: { scope: 'Inner' },
      mode: 'Incremental',
      template: { $schema: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [] },
    },
  };
}

function toResourceGroup(name: string, resourceGroup: string): object {
  return {
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2025-04-01',
    name,
    resourceGroup,
    properties: {
      expressionEvaluationOptions: { scope: 'Inner' },
      mode: 'Incremental',
      template: { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [] },
    },
  };
}

const locationParameter = { location: { type: 'string', defaultValue: '[resourceGroup().location]' } };

describe('deploy simulator: nested deployments (name unique per scope, location fixed per name)', () => {
  it('GIVEN a subscription-scope deployment without location THEN reported', () => {
    expect(rulesOf(scenario('firstDeploy', template([toSubscription('ra-x', undefined)])))).to.deep.equal(['deployment-location-missing']);
  });

  it(`GIVEN a fixed name at subscription scope and location = the resource group's WHEN a second account deploys from ${DEFAULT_ENVIRONMENT.second.location} THEN InvalidDeploymentLocation`, () => {
    const t = template([toSubscription('ra-fixed', "[parameters('location')]")], locationParameter);
    expect(scenario('firstDeploy', t)).to.deep.equal([]);
    expect(scenario('redeploy', t)).to.deep.equal([]);
    const found = scenario('secondAccount', t);
    expect(rulesOf(found), show(found)).to.deep.equal(['deployment-location-changed']);
    expect(found[0]!.message).to.match(/already exists in location 'westeurope', not 'northeurope'/);
  });

  it('GIVEN the resource group in the name THEN a second account gets its own deployment and nothing is reported', () => {
    const t = template([toSubscription("[format('ra-{0}', uniqueString(resourceGroup().id))]", "[parameters('location')]")], locationParameter);
    expect(scenario('secondAccount', t)).to.deep.equal([]);
  });

  it('GIVEN a fixed name in a shared resource group THEN a second account reports the shared name (runs conflict or overwrite)', () => {
    const t = template([toResourceGroup('ra-shared', 'rg-shared')]);
    expect(scenario('redeploy', t)).to.deep.equal([]);
    expect(rulesOf(scenario('secondAccount', t))).to.deep.equal(['deployment-name-shared']);
  });

  it('GIVEN a violation inside the inner template THEN it is located under the nested deployment', () => {
    const inner = toResourceGroup('ra-inner', 'rg-shared') as { properties: { template: { resources: object[] } } };
    inner.properties.template.resources.push({ type: 'Microsoft.ManagedIdentity/userAssignedIdentities', apiVersion: '2024-11-30', name: '[newGuid()]', location: 'westeurope' });
    const found = scenario('firstDeploy', template([inner]));
    expect(found.map((v) => v.at)).to.deep.equal(['resources[0].properties.template.resources[0]']);
  });
});
