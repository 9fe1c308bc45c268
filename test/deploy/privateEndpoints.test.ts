import { expect } from 'chai';
import { generateConfig } from '../../generator/generate.js';
import { checkRedeployable } from '../support/deploy/index.js';
import { DEFAULT_ENVIRONMENT } from '../support/deploy/scenarios.js';
import { rulesOf, scenario, show, template } from './templates.js';

const OTHER_SUB = '33333333-3333-3333-3333-333333333333';
const subnetIn = (sub: string) => `/subscriptions/${sub}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe`;

/** A private endpoint on `subnetId`, in the deployment's resource group. */
const endpoint = (subnetId: string): object => ({
  type: 'Microsoft.Network/privateEndpoints',
  apiVersion: '2025-07-01',
  name: 'pep-test',
  location: '[resourceGroup().location]',
  properties: { subnet: { id: subnetId }, privateLinkServiceConnections: [] },
});

/** Render an armgen config and run every scenario of the simulator over it. */
function simulate(yaml: string) {
  const result = generateConfig('pe.yaml', yaml);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  const json = (suffix: string) => JSON.parse(result.artifacts.find((a) => a.path.endsWith(suffix))!.text) as unknown;
  return checkRedeployable(json('/azuredeploy.json'), json('/azuredeploy.parameters.json'));
}

describe("deploy simulator: a private endpoint lives in its subnet's subscription", () => {
  it("GIVEN an endpoint in the deployment's subscription on a subnet of that subscription THEN nothing is reported", () => {
    expect(scenario('firstDeploy', template([endpoint(subnetIn(DEFAULT_ENVIRONMENT.subscriptionId))]))).to.deep.equal([]);
  });

  it('GIVEN an endpoint on a subnet of another subscription THEN its PUT is refused (the rule can fail)', () => {
    const found = scenario('firstDeploy', template([endpoint(subnetIn(OTHER_SUB))]));
    expect(rulesOf(found), show(found)).to.deep.equal(['private-endpoint-subscription']);
    expect(found[0]!.message).to.contain(`its subnet ${subnetIn(OTHER_SUB)} is in ${OTHER_SUB}`);
  });

  it("GIVEN armgen's default placement (the deployment's group) and a subnet of another subscription THEN the simulator reports it", () => {
    const yaml = `automationAccount:\n  name: aa-pe-sim-01\nprivateEndpoints:\n  - service: Webhook\n    subnetId: ${subnetIn(OTHER_SUB)}\n`;
    expect(rulesOf(simulate(yaml))).to.include('private-endpoint-subscription');
  });

  it("GIVEN resourceGroup: WHEN armgen deploys the endpoint through a nested deployment into the subnet's subscription THEN every scenario is clean", () => {
    const yaml = [
      'automationAccount:',
      '  name: aa-pe-sim-01',
      'privateEndpoints:',
      '  - service: Webhook',
      `    subnetId: ${subnetIn(OTHER_SUB)}`,
      '    resourceGroup: rg-net',
      `    privateDnsZoneId: /subscriptions/${OTHER_SUB}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.azure-automation.net`,
      '  - service: DSCAndHybridWorker',
      `    subnetId: ${subnetIn(DEFAULT_ENVIRONMENT.subscriptionId)}`,
      '    manualApproval: true',
      'logAnalytics:',
      `  workspaceId: /subscriptions/${OTHER_SUB}/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/law-ops`,
      'lock:',
      '  level: CanNotDelete',
    ].join('\n');
    const found = simulate(yaml);
    expect(found, show(found)).to.deep.equal([]);
  });

  it('GIVEN a created workspace linked beside the account THEN every scenario is clean', () => {
    const found = simulate('automationAccount:\n  name: aa-law-sim-01\nlogAnalytics:\n  createWorkspace:\n    name: law-sim-01\n    retentionInDays: 60\n');
    expect(found, show(found)).to.deep.equal([]);
  });
});
