import { expect } from 'chai';
import { parse } from 'yaml';
import type { ArmgenConfig } from '../../../generator/model/config.generated.js';
import { param, str } from '../../../generator/model/expr.js';
import type { ModuleNode, ResourceNode } from '../../../generator/model/resolved.js';
import { resolveModel } from '../../../generator/resolve/resolveModel.js';
import { errorsOf, render, resourcesOfType } from './assetHelpers.js';

const ACCOUNT_ID = "[resourceId('Microsoft.Automation/automationAccounts', 'aa-net-01')]";

const SUB = '11111111-1111-1111-1111-111111111111';
const NET_SUB = '33333333-3333-3333-3333-333333333333';
const SUBNET = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe`;
const ZONE = `/subscriptions/${SUB}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.azure-automation.net`;
const SUBNET_EXPR = `[resourceId('${SUB}', 'rg-net', 'Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'snet-pe')]`;
const ZONE_EXPR = `[resourceId('${SUB}', 'rg-dns', 'Microsoft.Network/privateDnsZones', 'privatelink.azure-automation.net')]`;

const account = (extra = '') => `automationAccount:\n  name: aa-net-01\n  tags: { team: ops }\n${extra}`;
const endpoints = (...entries: string[]) => `privateEndpoints:\n${entries.join('')}`;
const entry = (lines: Record<string, string>) =>
  Object.entries(lines)
    .map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${v}\n`)
    .join('');

function model(yaml: string) {
  const result = resolveModel('net', parse(yaml) as ArmgenConfig);
  if (!result.ok) throw new Error(result.findings.map((f) => `${f.code} ${f.message}`).join('\n'));
  return result;
}

describe('private endpoints: the resolved model', () => {
  it("puts an endpoint without resourceGroup in the deployment's group, at the account's location, after the account", () => {
    // GIVEN one Webhook endpoint with a DNS zone
    const { model: m, findings } = model(account() + endpoints(entry({ service: 'Webhook', subnetId: SUBNET, privateDnsZoneId: ZONE })));
    const nodes = m.template.resources.filter((n): n is ResourceNode => n.kind === 'resource' && n.ref.type.startsWith('Microsoft.Network/'));
    // THEN the endpoint and its zone group are plain resources; the endpoint waits for the account and sits at its location
    expect(nodes.map((n) => n.ref.type)).to.deep.equal(['Microsoft.Network/privateEndpoints', 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups']);
    expect(nodes[0]!.location).to.deep.equal(param('location'));
    expect(nodes[0]!.dependsOn.map((r) => r.type)).to.deep.equal(['Microsoft.Automation/automationAccounts']);
    expect(nodes[1]!.ref.parent).to.equal(nodes[0]!.ref);
    // ...the summary says where it is, and publicNetworkAccess turned off is announced as a hint
    expect(m.summary.privateEndpoints).to.deep.equal([
      { service: 'Webhook', name: str('pep-aa-net-01-webhook'), subnetId: str(SUBNET), location: param('location'), privateDnsZoneId: str(ZONE), manualApproval: false },
    ]);
    expect(findings.map((f) => `${f.severity} ${f.code} ${f.pointer}`)).to.deep.equal(['info AG801 /privateEndpoints']);
  });

  it('deploys an endpoint with resourceGroup through a module into that group of the subnet subscription', () => {
    // GIVEN an endpoint whose subnet is in another subscription, with its resource group named
    const subnet = SUBNET.replace(SUB, NET_SUB);
    const { model: m } = model(account() + endpoints(entry({ service: 'DSCAndHybridWorker', subnetId: subnet, resourceGroup: 'rg-net', location: 'northeurope' })));
    const [module] = m.template.resources.filter((n): n is ModuleNode => n.kind === 'module');
    // THEN the module targets (subnet subscription, rg-net) and hands over the endpoint's values
    expect(module!.purpose).to.equal('privateEndpoint');
    expect(module!.target).to.deep.equal({ kind: 'resourceGroup', subscriptionId: str(NET_SUB), resourceGroup: str('rg-net') });
    expect(module!.parameters.map((p) => p.name)).to.deep.equal(['endpointName', 'location', 'tags', 'subnetId', 'privateLinkServiceId', 'groupId']);
    // ...at the location the config states for the endpoint (the virtual network's region), not the account's
    expect(module!.parameters.find((p) => p.name === 'location')!.value).to.deep.equal(str('northeurope'));
    expect(m.summary.privateEndpoints[0]).to.deep.include({ resourceGroup: str('rg-net'), subscriptionId: str(NET_SUB) });
  });
});

describe('private endpoints: the rendered ARM template', () => {
  it('connects the Webhook sub-resource from the given subnet, registers it in the zone, and turns public access off', () => {
    // GIVEN an endpoint with the defaults
    const { template } = render(account() + endpoints(entry({ service: 'Webhook', subnetId: SUBNET, privateDnsZoneId: ZONE })));
    const [pe] = resourcesOfType(template, 'Microsoft.Network/privateEndpoints');
    const [group] = resourcesOfType(template, 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups');
    // THEN the endpoint is named pep-<account>-webhook, tagged like the account, auto-approved on the account's ID
    expect(pe).to.deep.include({ apiVersion: '2025-07-01', name: 'pep-aa-net-01-webhook', location: "[parameters('location')]", tags: { team: 'ops' }, dependsOn: [ACCOUNT_ID] });
    expect(pe!.properties).to.deep.equal({
      subnet: { id: SUBNET_EXPR },
      privateLinkServiceConnections: [{ name: 'pep-aa-net-01-webhook', properties: { privateLinkServiceId: ACCOUNT_ID, groupIds: ['Webhook'] } }],
    });
    // ...its DNS zone group is `default`, one config named after the zone
    expect(group).to.deep.include({ name: "[format('{0}/{1}', 'pep-aa-net-01-webhook', 'default')]" });
    expect(group!.properties).to.deep.equal({ privateDnsZoneConfigs: [{ name: 'privatelink.azure-automation.net', properties: { privateDnsZoneId: ZONE_EXPR } }] });
    // ...and the account refuses public webhook and agent traffic
    expect((template.resources[0]!.properties as { publicNetworkAccess: boolean }).publicNetworkAccess).to.equal(false);
  });

  it('keeps an explicit publicNetworkAccess: true, and writes none without endpoints', () => {
    const kept = render(account('  publicNetworkAccess: true\n') + endpoints(entry({ service: 'Webhook', subnetId: SUBNET })));
    expect((kept.template.resources[0]!.properties as Record<string, unknown>).publicNetworkAccess).to.equal(true);
    expect(kept.result.diagnostics.map((d) => d.code)).not.to.include('AG801');
    expect(render(account()).template.resources[0]!.properties).not.to.have.property('publicNetworkAccess');
  });

  it('asks for manual approval with the request message, under manualPrivateLinkServiceConnections', () => {
    const { template } = render(account() + endpoints(entry({ service: 'DSCAndHybridWorker', subnetId: SUBNET, name: 'pep-custom', manualApproval: 'true', requestMessage: 'ticket 42' })));
    const [pe] = resourcesOfType(template, 'Microsoft.Network/privateEndpoints');
    expect(pe!.name).to.equal('pep-custom');
    expect(pe!.properties).to.deep.equal({
      subnet: { id: SUBNET_EXPR },
      manualPrivateLinkServiceConnections: [{ name: 'pep-custom', properties: { privateLinkServiceId: ACCOUNT_ID, groupIds: ['DSCAndHybridWorker'], requestMessage: 'ticket 42' } }],
    });
  });

  it("takes a subnet given by parameter apart at deployment for the module's subscription", () => {
    // GIVEN the subnet as a parameter and a resource group for the endpoint
    const yaml = `parameters:\n  subnetId:\n    type: string\n    defaultValue: ${SUBNET}\n${account()}${endpoints(entry({ service: 'Webhook', subnetId: '{ param: subnetId }', resourceGroup: 'rg-net' }))}`;
    const { template } = render(yaml);
    const [deployment] = resourcesOfType(template, 'Microsoft.Resources/deployments');
    // THEN the nested deployment goes to split(subnetId, '/')[2] / rg-net and passes the parameter on
    expect(deployment).to.deep.include({ subscriptionId: "[split(parameters('subnetId'), '/')[2]]", resourceGroup: 'rg-net', dependsOn: [ACCOUNT_ID] });
    expect(deployment!.name).to.equal("[format('pep-{0}', guid(" + ACCOUNT_ID.slice(1, -1) + ", 'Webhook', 'pep-aa-net-01-webhook'))]");
    const props = deployment!.properties as { parameters: Record<string, { value: unknown }>; template: { resources: { type: string; condition?: string }[] } };
    expect(props.parameters.subnetId).to.deep.equal({ value: "[parameters('subnetId')]" });
    expect(props.template.resources.map((r) => r.type)).to.deep.equal(['Microsoft.Network/privateEndpoints', 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups']);
    expect(props.template.resources[1]!.condition).to.equal("[not(empty(parameters('privateDnsZoneId')))]");
  });

  it('makes a lock wait for the endpoints, so a ReadOnly lock never blocks the connection', () => {
    const { template } = render(account() + endpoints(entry({ service: 'Webhook', subnetId: SUBNET })) + 'lock:\n  level: CanNotDelete\n');
    const [lock] = resourcesOfType(template, 'Microsoft.Authorization/locks');
    expect(lock!.dependsOn).to.include("[resourceId('Microsoft.Network/privateEndpoints', 'pep-aa-net-01-webhook')]");
  });
});

describe('private endpoints: config errors and warnings', () => {
  it('rejects a subnet ID of another type and a zone other than Automation\'s, naming the Azure Monitor zone', () => {
    const vnet = SUBNET.replace('/subnets/snet-pe', '');
    const monitor = ZONE.replace('privatelink.azure-automation.net', 'privatelink.agentsvc.azure-automation.net');
    const errors = errorsOf(account() + endpoints(entry({ service: 'Webhook', subnetId: vnet }), entry({ service: 'DSCAndHybridWorker', subnetId: SUBNET, privateDnsZoneId: monitor }))).join('\n');
    expect(errors).to.contain(`AG308 /privateEndpoints/0/subnetId: "${vnet}" is not a subnet resource ID (/subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<name>/subnets/<name>)`);
    expect(errors).to.contain("AG308 /privateEndpoints/1/privateDnsZoneId: zone 'privatelink.agentsvc.azure-automation.net' cannot resolve an Automation account's private endpoint (privatelink.agentsvc.azure-automation.net belongs to Azure Monitor Private Link Scopes");
  });

  it('rejects two endpoints that would share a name, and a request message without manual approval', () => {
    const errors = errorsOf(account() + endpoints(entry({ service: 'Webhook', subnetId: SUBNET }), entry({ service: 'Webhook', subnetId: SUBNET, requestMessage: 'hi' }))).join('\n');
    expect(errors).to.contain('AG302 /privateEndpoints/1: two private endpoints would be named the default name of a Webhook endpoint (also /privateEndpoints/0); give each a name');
    const message = errorsOf(account() + endpoints(entry({ service: 'Webhook', subnetId: SUBNET, requestMessage: 'hi' }))).join('\n');
    expect(message).to.contain('AG200 /privateEndpoints/0/requestMessage: requestMessage applies only with manualApproval: true');
  });

  it('warns when two endpoints of one sub-resource register in the same zone (the later A record replaces the earlier)', () => {
    const other = SUBNET.replace('vnet-hub', 'vnet-spoke');
    const { warnings } = render(account() + endpoints(entry({ service: 'Webhook', subnetId: SUBNET, privateDnsZoneId: ZONE }), entry({ service: 'Webhook', subnetId: other, name: 'pep-spoke', privateDnsZoneId: ZONE })));
    expect(warnings.map((w) => `${w.code} ${w.pointer}`)).to.deep.equal(['AG801 /privateEndpoints/1/privateDnsZoneId']);
    expect(warnings[0]!.message).to.contain('the same private DNS zone as /privateEndpoints/0');
  });
});
