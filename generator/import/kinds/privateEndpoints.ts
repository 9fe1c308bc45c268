import { AUTOMATION_GROUP_IDS, DNS_ZONE_GROUP_NAME } from '../../azure/privateLink.js';
import { canonical, canonicalString, expressionOf, importArg, importValue } from '../armValues.js';
import { isPlainObject, type ConfigValue, type Fields, type ImportContext } from '../importContext.js';
import type { JsonPath } from '../jsonSource.js';
import { isType, takeBase, type ResourceImporter } from './common.js';
import { accountText, deploymentSeed, givenId, isAccountId, moduleParameters, sameJson } from './moduleParts.js';

const DEPLOYMENTS = 'Microsoft.Resources/deployments';
const ENDPOINTS = 'Microsoft.Network/privateEndpoints';
const ZONE_GROUPS = 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups';
const SUBNETS = 'Microsoft.Network/virtualNetworks/subnets';
const ZONES = 'Microsoft.Network/privateDnsZones';
/** The module's parameters (resolve/network/privateEndpointResources.ts ENDPOINT_MODULE_PARAMETERS). */
const MODULE_PARAMETERS = ['endpointName', 'location', 'tags', 'subnetId', 'privateLinkServiceId', 'groupId', 'requestMessage', 'privateDnsZoneId'];

type Located = { readonly value: unknown; readonly path: JsonPath };

/** The config value of the account's own setting as armgen renders it (for "same as the account": left out). */


/** armgen's default endpoint name: `pep-<account name>-<webhook|dsc>` (resolvePrivateEndpoints.ts). */
function isDefaultName(ctx: ImportContext, value: unknown, service: keyof typeof AUTOMATION_GROUP_IDS): boolean {
  const token = AUTOMATION_GROUP_IDS[service].token;
  const account = ctx.account!.name;
  const expected = account.startsWith('[') ? `[format('pep-{0}-${token}',${account.slice(1, -1)})]` : `pep-${account}-${token}`;
  return typeof value === 'string' && canonicalString(value).toLowerCase() === expected.toLowerCase();
}

/**
 * One `privateEndpoints[]` entry from the endpoint's values (the module's parameters, or the direct resource's
 * properties): the account's location and tags and the default name are left out, as armgen fills them in.
 */
function endpointEntry(ctx: ImportContext, v: Readonly<Record<string, Located>>, manual: boolean, at: JsonPath): Record<string, unknown> | undefined {
  const service = v.groupId?.value;
  if (typeof service !== 'string' || !Object.hasOwn(AUTOMATION_GROUP_IDS, service)) {
    ctx.refuse(v.groupId?.path ?? at, `a private endpoint of the account connects to ${Object.keys(AUTOMATION_GROUP_IDS).join(' or ')}`);
    return undefined;
  }
  if (!isAccountId(ctx, v.privateLinkServiceId?.value)) {
    ctx.refuse(v.privateLinkServiceId?.path ?? at, 'a private endpoint is imported only when it connects to the Automation account of this template');
    return undefined;
  }
  const entry: Record<string, unknown> = { service };
  const name = v.endpointName!;
  if (!isDefaultName(ctx, name.value, service as keyof typeof AUTOMATION_GROUP_IDS)) entry.name = importArg(ctx, name.value, name.path, 'the endpoint name');
  entry.subnetId = givenId(ctx, v.subnetId?.value, v.subnetId?.path ?? at, SUBNETS, 'the subnet ID');
  const account = ctx.draft.automationAccount ?? {};
  if (v.location && !sameJson(v.location.value, accountText(account.location, "[parameters('location')]"))) entry.location = importValue(ctx, v.location.value, v.location.path, 'the endpoint location');
  if (v.tags && !sameJson(v.tags.value, accountText(account.tags, ''))) entry.tags = importValue(ctx, v.tags.value, v.tags.path, 'the endpoint tags');
  if (v.privateDnsZoneId) entry.privateDnsZoneId = givenId(ctx, v.privateDnsZoneId.value, v.privateDnsZoneId.path, ZONES, 'the private DNS zone ID');
  if (manual) entry.manualApproval = true;
  if (v.requestMessage) entry.requestMessage = importValue(ctx, v.requestMessage.value, v.requestMessage.path, 'the request message');
  return entry;
}

/** Manual approval: the module's inner template puts the connection under manualPrivateLinkServiceConnections. */
function isManualModule(resource: Fields): boolean {
  const template = isPlainObject(resource.value.properties) ? resource.value.properties.template : undefined;
  const first = isPlainObject(template) && Array.isArray(template.resources) ? template.resources[0] : undefined;
  return isPlainObject(first) && isPlainObject(first.properties) && 'manualPrivateLinkServiceConnections' in first.properties;
}

/** armgen's `pep-` module (an endpoint in another resource group): its parameters and target resource group. */
export const privateEndpointModules: ResourceImporter = {
  kind: 'private endpoint (module)',
  claims: (r) => isType(r, DEPLOYMENTS) && deploymentSeed(r.name, 'pep-') !== undefined,
  import(ctx, resource) {
    takeBase(ctx, resource, DEPLOYMENTS);
    const seed = deploymentSeed(resource.take('name'), 'pep-')!;
    if (seed.length !== 3 || !isAccountId(ctx, `[${canonical(seed[0]!)}]`)) {
      ctx.refuse(resource.at('name'), "a pep- deployment is imported only as armgen's private-endpoint module: format('pep-{0}', guid(<the account's ID>, <service>, <endpoint name>))");
      return;
    }
    const group = resource.value.resourceGroup;
    const parameters = moduleParameters(ctx, resource, MODULE_PARAMETERS, "armgen's private-endpoint module");
    resource.finish("armgen's private-endpoint module");
    if (!parameters || !parameters.endpointName) return;
    const entry = endpointEntry(ctx, parameters, isManualModule(resource), resource.at('properties', 'parameters'));
    if (!entry) return;
    const resourceGroup = importArg(ctx, group, resource.at('resourceGroup'), "the endpoint's resource group");
    ctx.push('privateEndpoints', order({ ...entry, resourceGroup }));
  },
};

/** An endpoint armgen writes directly (no `resourceGroup`): in the deployment's group, with one connection. */
export const privateEndpoints: ResourceImporter = {
  kind: 'private endpoint',
  claims: (r) => isType(r, ENDPOINTS),
  import(ctx, resource) {
    takeBase(ctx, resource, ENDPOINTS);
    const properties = resource.object('properties');
    const subnet = properties?.object('subnet');
    const manual = properties?.has('manualPrivateLinkServiceConnections') === true;
    const list = properties?.take(manual ? 'manualPrivateLinkServiceConnections' : 'privateLinkServiceConnections');
    const listPath = properties?.at(manual ? 'manualPrivateLinkServiceConnections' : 'privateLinkServiceConnections') ?? resource.path;
    const connection = Array.isArray(list) && list.length === 1 && isPlainObject(list[0]) && isPlainObject(list[0].properties) ? list[0] : undefined;
    const c = connection?.properties as Record<string, unknown> | undefined;
    const groupIds = c?.groupIds;
    const name = resource.take('name');
    const extra = c && Object.keys(c).some((k) => !['privateLinkServiceId', 'groupIds', 'requestMessage'].includes(k));
    if (!subnet || !connection || !Array.isArray(groupIds) || groupIds.length !== 1 || extra || !sameJson(connection.name, name) || Object.keys(connection).length !== 2) {
      ctx.refuse(listPath, "a private endpoint is imported in armgen's shape only: one connection named as the endpoint, with privateLinkServiceId, one groupId and an optional requestMessage");
      return;
    }
    const at = (key: string) => [...listPath, 0, 'properties', key];
    const values: Record<string, Located> = {
      endpointName: { value: name, path: resource.at('name') },
      location: { value: resource.take('location'), path: resource.at('location') },
      subnetId: { value: subnet.take('id'), path: subnet.at('id') },
      privateLinkServiceId: { value: c!.privateLinkServiceId, path: at('privateLinkServiceId') },
      groupId: { value: groupIds[0], path: [...at('groupIds'), 0] },
      ...(resource.has('tags') ? { tags: { value: resource.take('tags'), path: resource.at('tags') } } : {}),
      ...(c!.requestMessage !== undefined ? { requestMessage: { value: c!.requestMessage, path: at('requestMessage') } } : {}),
    };
    subnet.finish("the endpoint's subnet");
    properties!.finish('the private endpoint properties');
    resource.finish('a private endpoint');
    const entry = endpointEntry(ctx, values, manual, resource.path);
    if (!entry) return;
    const ordered = order(entry);
    const known = endpointsByName.get(ctx) ?? new Map<string, Record<string, unknown>>();
    endpointsByName.set(ctx, known);
    known.set(canonicalString(String(name)).toLowerCase(), ordered);
    ctx.push('privateEndpoints', ordered);
  },
};

/** Direct endpoints by the canonical text of their name, for their DNS zone group (imported after them). */
const endpointsByName = new WeakMap<ImportContext, Map<string, Record<string, unknown>>>();

/** The DNS zone group `default` of a direct endpoint: its one zone becomes the entry's `privateDnsZoneId`. */
export const privateDnsZoneGroups: ResourceImporter = {
  kind: 'private DNS zone group',
  claims: (r) => isType(r, ZONE_GROUPS),
  import(ctx, resource) {
    takeBase(ctx, resource, ZONE_GROUPS);
    const node = expressionOf(resource.take('name'));
    const parent = node?.k === 'call' && node.args.length === 3 && node.args[2]?.k === 'str' && node.args[2].v === DNS_ZONE_GROUP_NAME ? node.args[1] : undefined;
    const raw = parent ? (parent.k === 'str' ? parent.v : `[${canonical(parent)}]`) : undefined;
    const entry = raw === undefined ? undefined : endpointsByName.get(ctx)?.get(canonicalString(raw).toLowerCase());
    const configs = isPlainObject(resource.value.properties) ? resource.value.properties.privateDnsZoneConfigs : undefined;
    const zone = Array.isArray(configs) && configs.length === 1 && isPlainObject(configs[0]) && isPlainObject(configs[0].properties) ? configs[0].properties.privateDnsZoneId : undefined;
    if (!entry || zone === undefined) {
      ctx.refuse(resource.at('name'), `a DNS zone group is imported only as armgen writes it: '${DNS_ZONE_GROUP_NAME}' of an endpoint of this template, with one zone`);
      return;
    }
    // The config's name (the zone's last segment) is armgen's: rendered again and compared.
    resource.derived('properties');
    resource.finish('a DNS zone group');
    const id: ConfigValue | undefined = givenId(ctx, zone, [...resource.at('properties', 'privateDnsZoneConfigs'), 0, 'properties', 'privateDnsZoneId'], ZONES, 'the private DNS zone ID');
    if (id !== undefined) entry.privateDnsZoneId = id;
  },
};

function order(entry: Record<string, unknown>): Record<string, unknown> {
  const keys = ['service', 'name', 'subnetId', 'resourceGroup', 'location', 'tags', 'privateDnsZoneId', 'manualApproval', 'requestMessage'];
  return Object.fromEntries(keys.filter((k) => entry[k] !== undefined).map((k) => [k, entry[k]]));
}
