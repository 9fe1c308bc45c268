import { expect } from 'chai';
import { checkRedeployable, DEFAULT_ENVIRONMENT, SCENARIOS } from '../support/deploy/index.js';
import { account, accountParameter, template } from './templates.js';

describe('deploy simulator: scenarios', () => {
  it('GIVEN a template that breaks a rule only on redeployment THEN checkRedeployable tags the violation with the scenarios that hit it', () => {
    const schedule = {
      type: 'Microsoft.Automation/automationAccounts/schedules',
      apiVersion: '2024-10-23',
      name: "[format('{0}/{1}', parameters('accountName'), 'once')]",
      properties: { startTime: '2026-12-01T12:00:00Z', frequency: 'OneTime' },
      dependsOn: ["[resourceId('Microsoft.Automation/automationAccounts', parameters('accountName'))]"],
    };
    // Three hours after the first deployment: fine then and for the second account an hour later, too soon a day later.
    const found = checkRedeployable(template([account(), schedule], accountParameter), undefined);
    expect(found.map((v) => `${v.scenario} ${v.rule}`)).to.deep.equal(['redeploy schedule-start-too-soon', 'recreateIdentity schedule-start-too-soon']);
  });

  it('GIVEN the second account THEN it deploys into another resource group and location of the same subscription, after the first', () => {
    const { first, second } = DEFAULT_ENVIRONMENT;
    expect(second.resourceGroup).to.not.equal(first.resourceGroup);
    expect(second.location).to.not.equal(first.location);
    // A name built from the resource group's location only collides when both accounts share the location.
    const t = template([
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2025-04-01',
        name: "[format('ra-{0}', resourceGroup().location)]",
        subscriptionId: '[subscription().subscriptionId]',
        location: '[resourceGroup().location]',
        properties: { expressionEvaluationOptions: { scope: 'Inner' }, mode: 'Incremental', template: { $schema: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [] } },
      },
    ]);
    expect(checkRedeployable(t, undefined)).to.deep.equal([]);
    const sameLocation = { ...DEFAULT_ENVIRONMENT, second: { ...second, location: first.location } };
    expect(checkRedeployable(t, undefined, { environment: sameLocation }).map((v) => v.rule)).to.deep.equal(['deployment-name-shared']);
  });

  it('lists the four scenarios of issue 11', () => {
    expect(SCENARIOS).to.deep.equal(['firstDeploy', 'redeploy', 'recreateIdentity', 'secondAccount']);
  });
});
