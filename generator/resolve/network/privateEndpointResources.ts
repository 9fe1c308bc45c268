import { DNS_ZONE_GROUP_NAME } from '../../azure/privateLink.js';
import { arr, call, cond, obj, param, str, type Expr } from '../../model/expr.js';
import { createdRef, type ResourceRef } from '../../model/resourceRef.js';
import type { ResourceNode, TemplateModel, TemplateParameter } from '../../model/resolved.js';

export const ENDPOINT_TYPE = 'Microsoft.Network/privateEndpoints';
export const ZONE_GROUP_TYPE = 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups';

/** What one endpoint is made of, as values of the template it is written in (literals, or the module's parameters). */
export interface EndpointValues {
  readonly name: Expr;
  readonly location: Expr;
  readonly tags?: Expr;
  readonly subnetId: Expr;
  /** The Automation account's resource ID (the private link service). */
  readonly accountId: Expr;
  readonly groupId: Expr;
  readonly manualApproval: boolean;
  readonly requestMessage?: Expr;
  /** The DNS zone group's zone; `condition` when only known at deployment whether there is one. */
  readonly dnsZone?: { readonly id: Expr; readonly configName: Expr; readonly condition?: Expr };
}

export interface EndpointApis {
  readonly endpoint: string;
  readonly zoneGroup: string;
}

/**
 * The endpoint and its DNS zone group. The connection goes under `privateLinkServiceConnections` (approved at once
 * when the deployer may approve connections on the account) or `manualPrivateLinkServiceConnections` (pending until
 * the account's owner approves it): learn.microsoft.com/azure/private-link/private-endpoint-overview#access-to-a-private-link-resource-using-approval-workflow.
 */
export function privateEndpointNodes(apis: EndpointApis, symbols: { readonly endpoint: string; readonly zoneGroup: string }, v: EndpointValues, dependsOn: readonly ResourceRef[]): ResourceNode[] {
  const endpoint = createdRef({ symbol: symbols.endpoint, type: ENDPOINT_TYPE, apiVersion: apis.endpoint, name: v.name });
  const connection = obj({ name: v.name, properties: obj({ privateLinkServiceId: v.accountId, groupIds: arr([v.groupId]), requestMessage: v.requestMessage }) });
  const m = v.manualApproval;
  const connections = { privateLinkServiceConnections: m ? undefined : arr([connection]), manualPrivateLinkServiceConnections: m ? arr([connection]) : undefined };
  const nodes: ResourceNode[] = [
    {
      kind: 'resource',
      ref: endpoint,
      location: v.location,
      ...(v.tags ? { tags: v.tags } : {}),
      properties: obj({ subnet: obj({ id: v.subnetId }), ...connections }),
      dependsOn,
    },
  ];
  const zone = v.dnsZone;
  if (zone) {
    nodes.push({
      kind: 'resource',
      ref: createdRef({ symbol: symbols.zoneGroup, type: ZONE_GROUP_TYPE, apiVersion: apis.zoneGroup, name: str(DNS_ZONE_GROUP_NAME), parent: endpoint }),
      ...(zone.condition ? { condition: zone.condition } : {}),
      properties: obj({ privateDnsZoneConfigs: arr([obj({ name: zone.configName, properties: obj({ privateDnsZoneId: zone.id }) })]) }),
      dependsOn: [endpoint],
    });
  }
  return nodes;
}

/**
 * The parameters of the private-endpoint module, the one table both the ARM nested deployment and the Bicep module
 * file are printed from. Optional values default to '' (left out when empty), so every endpoint shares one module file
 * per approval mode (`privateEndpoint` / `privateEndpointManual`: the connection goes under another property).
 */
export const ENDPOINT_MODULE_PARAMETERS = {
  endpointName: 'Name of the private endpoint.',
  location: "Region of the private endpoint: the virtual network's region.",
  tags: 'Tags of the private endpoint.',
  subnetId: 'Resource ID of the subnet the endpoint joins.',
  privateLinkServiceId: 'Resource ID of the Automation account.',
  groupId: 'The Automation sub-resource: Webhook or DSCAndHybridWorker.',
  requestMessage: 'Message to the approver of a manual connection; empty for none.',
  privateDnsZoneId: 'Resource ID of the private DNS zone the endpoint registers in; empty for no DNS zone group.',
} as const;

export type EndpointModuleParameter = keyof typeof ENDPOINT_MODULE_PARAMETERS;

/** What a module call hands to the inner template for these values (defaults left to the inner template). */
export function endpointModuleParameters(v: EndpointValues): { name: EndpointModuleParameter; value: Expr }[] {
  const out: { name: EndpointModuleParameter; value: Expr | undefined }[] = [
    { name: 'endpointName', value: v.name },
    { name: 'location', value: v.location },
    { name: 'tags', value: v.tags },
    { name: 'subnetId', value: v.subnetId },
    { name: 'privateLinkServiceId', value: v.accountId },
    { name: 'groupId', value: v.groupId },
    { name: 'requestMessage', value: v.requestMessage },
    { name: 'privateDnsZoneId', value: v.dnsZone?.id },
  ];
  return out.filter((p): p is { name: EndpointModuleParameter; value: Expr } => p.value !== undefined);
}

/** The inner template of an endpoint in another resource group (or subscription): the endpoint and its DNS zone group. */
export function privateEndpointModule(apis: EndpointApis, manualApproval: boolean): TemplateModel {
  const p = (name: EndpointModuleParameter, type: TemplateParameter['type'], defaultValue?: Expr): TemplateParameter => ({
    name,
    type,
    description: ENDPOINT_MODULE_PARAMETERS[name],
    ...(defaultValue ? { defaultValue } : {}),
  });
  const parameters = [
    p('endpointName', 'string'),
    p('location', 'string'),
    p('tags', 'object', obj({})),
    p('subnetId', 'string'),
    p('privateLinkServiceId', 'string'),
    p('groupId', 'string'),
    ...(manualApproval ? [p('requestMessage', 'string', str(''))] : []),
    p('privateDnsZoneId', 'string', str('')),
  ];
  const zoneId = param('privateDnsZoneId');
  const resources = privateEndpointNodes(
    apis,
    { endpoint: 'privateEndpoint', zoneGroup: 'privateDnsZoneGroup' },
    {
      name: param('endpointName'),
      location: param('location'),
      tags: param('tags'),
      subnetId: param('subnetId'),
      accountId: param('privateLinkServiceId'),
      groupId: param('groupId'),
      manualApproval,
      ...(manualApproval ? { requestMessage: cond(call('empty', param('requestMessage')), { k: 'null' }, param('requestMessage')) } : {}),
      dnsZone: { id: zoneId, configName: call('last', call('split', zoneId, str('/'))), condition: call('not', call('empty', zoneId)) },
    },
    [],
  );
  return { scope: 'resourceGroup', parameters, resources, outputs: [], existing: [] };
}
