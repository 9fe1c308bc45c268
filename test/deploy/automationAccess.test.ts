import { expect } from 'chai';
import { generateConfig } from '../../generator/generate.js';
import { ACCESS_KINDS_YAML } from '../helpers/accessKinds.js';
import { SCENARIOS } from '../support/deploy/scenarios.js';
import type { ObjectValue } from '../support/deploy/values.js';
import { account, accountId, accountParameter, rulesOf, scenario, show, template } from './templates.js';

const webhook = (properties: object): object => ({
  type: 'Microsoft.Automation/automationAccounts/webhooks',
  apiVersion: '2024-10-23',
  name: "[format('{0}/{1}', parameters('accountName'), 'hook')]",
  properties: { isEnabled: true, runbook: { name: 'r' }, ...properties },
  dependsOn: [`[${accountId}]`],
});
const groupId = "resourceId('Microsoft.Automation/automationAccounts/hybridRunbookWorkerGroups', parameters('accountName'), 'ops')";
const group = {
  type: 'Microsoft.Automation/automationAccounts/hybridRunbookWorkerGroups',
  apiVersion: '2024-10-23',
  name: "[format('{0}/{1}', parameters('accountName'), 'ops')]",
  properties: {},
  dependsOn: [`[${accountId}]`],
};
const VM = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-vms/providers/Microsoft.Compute/virtualMachines/vm-01';
const worker = (nameSeed: string): object => ({
  type: 'Microsoft.Automation/automationAccounts/hybridRunbookWorkerGroups/hybridRunbookWorkers',
  apiVersion: '2024-10-23',
  name: `[format('{0}/{1}/{2}', parameters('accountName'), 'ops', guid(${groupId}, ${nameSeed}))]`,
  properties: { vmResourceId: VM },
  dependsOn: [`[${groupId}]`],
});

describe('deploy simulator: webhooks', () => {
  it('GIVEN a webhook without uri THEN the first deployment and every redeployment succeed (Azure keeps the URI it generated)', () => {
    const t = template([account(), webhook({ expiryTime: "[parameters('expiry')]" })], { ...accountParameter, expiry: { type: 'string', defaultValue: "[dateTimeAdd(utcNow('u'), 'P1Y')]" } });
    for (const s of SCENARIOS) expect(scenario(s, t), s).to.deep.equal([]);
  });

  it('GIVEN the URI from a parameter THEN redeploying the same URI succeeds and another URI is refused ("Property \'uri\' cannot be updated")', () => {
    const t = template([account(), webhook({ expiryTime: '2030-01-01T00:00:00Z', uri: "[parameters('hookUri')]" })], { ...accountParameter, hookUri: { type: 'securestring' } });
    expect(scenario('redeploy', t, { parameters: { hookUri: { value: 'https://x/webhooks?token=one' } } })).to.deep.equal([]);
    // a URI that differs per deployment (here a new GUID each time) is a changed URI on the redeployment
    const fresh = template([account(), webhook({ expiryTime: '2030-01-01T00:00:00Z', uri: "[parameters('hookUri')]" })], { ...accountParameter, hookUri: { type: 'string', defaultValue: '[newGuid()]' } });
    expect(scenario('firstDeploy', fresh)).to.deep.equal([]);
    const found = scenario('redeploy', fresh);
    expect(rulesOf(found), show(found)).to.deep.equal(['webhook-uri-immutable']);
  });

  it('GIVEN an expiry already due (AVM\'s utcNow() default) THEN the webhook is created expired: a hazard on every deployment', () => {
    const t = template([account(), webhook({ expiryTime: "[parameters('expiry')]" })], { ...accountParameter, expiry: { type: 'string', defaultValue: "[utcNow('u')]" } });
    const found = scenario('firstDeploy', t);
    expect(rulesOf(found), show(found)).to.deep.equal(['webhook-expired-at-creation']);
  });
});

describe('deploy simulator: hybrid runbook workers', () => {
  it("GIVEN a worker named guid(group, machine) THEN every redeployment registers the same worker again, nothing new", () => {
    const t = template([account(), group, worker(`'${VM.toLowerCase()}'`)], accountParameter);
    for (const s of SCENARIOS) expect(scenario(s, t), s).to.deep.equal([]);
  });

  it("GIVEN the docs' newGuid() worker name THEN the redeployment registers the machine a second time and is refused", () => {
    const t = template([account(), group, worker("parameters('seed')")], { ...accountParameter, seed: { type: 'string', defaultValue: '[newGuid()]' } });
    expect(scenario('firstDeploy', t)).to.deep.equal([]);
    const found = scenario('redeploy', t);
    expect(rulesOf(found), show(found)).to.deep.equal(['hybrid-worker-machine-registered']);
  });
});

describe('deploy simulator: the access-kinds config as armgen renders it', () => {
  it('GIVEN webhooks, a worker group with extension modules, a job schedule on it and source control THEN no scenario violates a rule', () => {
    const result = generateConfig('access.yaml', ACCESS_KINDS_YAML);
    if (!result.ok) throw new Error('the access-kinds config must render');
    const file = (suffix: string) => JSON.parse(result.artifacts.find((a) => a.path.endsWith(suffix))!.text) as ObjectValue;
    for (const s of SCENARIOS) {
      const found = scenario(s, file('/azuredeploy.json') as ObjectValue, file('/azuredeploy.parameters.json'));
      expect(found, `${s}:\n${show(found)}`).to.deep.equal([]);
    }
  });
});
