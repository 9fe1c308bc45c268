import { nameRules } from '../azure/naming.js';
import {
  AUTOMATION_GROUP_IDS,
  AUTOMATION_PRIVATE_DNS_ZONES,
  AUTOMATION_PRIVATE_LINK_DOC,
  AZURE_MONITOR_AUTOMATION_ZONE,
  SHARED_ZONE_RULE,
} from '../azure/privateLink.js';
import type { PrivateEndpoint } from '../model/config.generated.js';
import { bool, call, interp, ref, str, type Expr } from '../model/expr.js';
import type { ResourceRef } from '../model/resourceRef.js';
import type { ModuleNode, ResourceNode, TemplateModel } from '../model/resolved.js';
import type { PrivateEndpointSummary } from '../model/summary.js';
import type { AccountRef } from './children.js';
import type { ResolveContext } from './context.js';
import { givenResourceId, type GivenResourceId } from './givenIds.js';
import type { SymbolTable } from './names.js';
import { endpointModuleParameters, privateEndpointModule, privateEndpointNodes, type EndpointApis, type EndpointValues } from './network/privateEndpointResources.js';
import { tagsValue } from './values.js';

const SUBNET = { type: 'Microsoft.Network/virtualNetworks/subnets', what: 'subnet' } as const;
const ZONE = { type: 'Microsoft.Network/privateDnsZones', what: 'private DNS zone' } as const;
const DEPLOYMENT_TYPE = 'Microsoft.Resources/deployments';
/** Account API versions before 2020-01-13-preview have no `publicNetworkAccess` (official schemas, Microsoft.Automation). */
const PUBLIC_NETWORK_ACCESS_SINCE = '2020-01-13-preview';

export interface PrivateEndpointResolution {
  readonly nodes: readonly (ResourceNode | ModuleNode)[];
  readonly summaries: readonly PrivateEndpointSummary[];
}

/**
 * `privateEndpoints:` -> one `Microsoft.Network/privateEndpoints` per entry, connected to the account's sub-resource,
 * with a DNS zone group when a zone is given. Azure wants the endpoint in its virtual network's region and subscription
 * (private-endpoint-overview): by default it lives in the deployment's resource group at the account's location; with
 * `resourceGroup` a nested deployment creates it in that group of the subnet's subscription, which is then right by
 * construction. The region cannot be checked offline (armgen does not read the virtual network), so it is stated in
 * the README's prerequisites; Azure Verified Modules read it at deployment instead (reference(vnet).location), which
 * needs read access to the network and hides the value from what-if and the README.
 */
export function resolvePrivateEndpoints(ctx: ResolveContext, symbols: SymbolTable, account: AccountRef, accountTags: Expr | undefined): PrivateEndpointResolution {
  const nodes: (ResourceNode | ModuleNode)[] = [];
  const summaries: PrivateEndpointSummary[] = [];
  const entries = ctx.config.privateEndpoints ?? [];
  if (entries.length === 0) return { nodes, summaries };
  const seen = { names: new Map<string, string>(), zones: new Map<string, string>() };
  const apis: EndpointApis = { endpoint: ctx.api('Microsoft.Network/privateEndpoints'), zoneGroup: ctx.api('Microsoft.Network/privateEndpoints/privateDnsZoneGroups') };
  // One inner template per approval mode, built when an endpoint in another group first needs it.
  const modules: { auto?: TemplateModel; manual?: TemplateModel } = {};
  entries.forEach((pe, i) => {
    const pointer = `/privateEndpoints/${i}`;
    const endpoint = endpointValues(ctx, { account, accountTags, seen }, pe, pointer);
    if (!endpoint) return;
    const { values, summary, subnet } = endpoint;
    if (pe.resourceGroup === undefined) {
      const base = symbols.take('privateEndpoint', pe.service);
      nodes.push(...privateEndpointNodes(apis, { endpoint: base, zoneGroup: symbols.take(base, 'dnsZoneGroup') }, values, [account.ref]));
      summaries.push(summary);
      return;
    }
    const rg = ctx.stringValue(pe.resourceGroup, `${pointer}/resourceGroup`, nameRules.resourceGroup);
    const template = values.manualApproval ? (modules.manual ??= privateEndpointModule(apis, true)) : (modules.auto ??= privateEndpointModule(apis, false));
    nodes.push(endpointModule(ctx, symbols, { service: pe.service, account: account.ref, name: values.name, subnet, resourceGroup: rg, parameters: endpointModuleParameters(values), template, manual: values.manualApproval }));
    // A subnet given by parameter names its subscription only at deployment: the summary then says "the subnet's".
    summaries.push({ ...summary, resourceGroup: rg, ...(subnet.literalNames ? { subscriptionId: subnet.subscriptionId } : {}) });
  });
  return { nodes, summaries };
}

/** One entry's values (defaults applied) and summary, or undefined after reporting what is wrong with it. */
function endpointValues(
  ctx: ResolveContext,
  input: { account: AccountRef; accountTags: Expr | undefined; seen: { names: Map<string, string>; zones: Map<string, string> } },
  pe: PrivateEndpoint,
  pointer: string,
): { values: EndpointValues; summary: PrivateEndpointSummary; subnet: GivenResourceId } | undefined {
  const { account } = input;
  const subnet = givenResourceId(ctx, pe.subnetId, `${pointer}/subnetId`, SUBNET);
  const zone = pe.privateDnsZoneId === undefined ? undefined : dnsZone(ctx, pe.privateDnsZoneId, `${pointer}/privateDnsZoneId`);
  if (!checkNames(ctx, pe, pointer, input.seen.names) || !checkOptions(ctx, pe, pointer) || !subnet || zone === null) return undefined;
  if (zone) sharedZoneWarning(ctx, pe, pointer, zone, input.seen.zones);
  const name = pe.name === undefined ? interp('pep-', account.name, `-${AUTOMATION_GROUP_IDS[pe.service].token}`) : str(pe.name);
  const location = pe.location === undefined ? account.location : ctx.stringValue(pe.location, `${pointer}/location`);
  const tags = pe.tags === undefined ? input.accountTags : tagsValue(ctx, pe.tags, `${pointer}/tags`);
  const manualApproval = pe.manualApproval ?? false;
  const values: EndpointValues = {
    name,
    location,
    ...(tags ? { tags } : {}),
    subnetId: subnet.id,
    accountId: ref(account.ref, 'id'),
    groupId: str(pe.service),
    manualApproval,
    ...(pe.requestMessage === undefined ? {} : { requestMessage: str(pe.requestMessage) }),
    ...(zone ? { dnsZone: { id: zone.id, configName: zone.name } } : {}),
  };
  const summary: PrivateEndpointSummary = {
    service: pe.service,
    name,
    subnetId: configText(pe.subnetId),
    location,
    ...(zone ? { privateDnsZoneId: configText(pe.privateDnsZoneId!) } : {}),
    manualApproval,
  };
  return { values, summary, subnet };
}

/** The text the config gave for an ID: the literal itself, or its parameter. */
function configText(value: PrivateEndpoint['subnetId']): Expr {
  return typeof value === 'string' ? str(value) : { k: 'param', name: value.param };
}

/**
 * `publicNetworkAccess` of the account: the config's value; otherwise false as soon as a private endpoint exists (what
 * Azure Verified Modules do), so the webhook and agent endpoints stop answering from the internet; otherwise absent
 * (Azure's default: allowed). False has consequences the docs list: public calls get 401, Azure alerts cannot call
 * webhooks, cloud jobs cannot reach resources behind private endpoints (private-link-security, Limitations).
 */
export function publicNetworkAccessValue(ctx: ResolveContext, api: string, configured: Expr | undefined): Expr | undefined {
  if (configured !== undefined || (ctx.config.privateEndpoints?.length ?? 0) === 0 || api < PUBLIC_NETWORK_ACCESS_SINCE) return configured;
  ctx.info(
    '/privateEndpoints',
    'AG801',
    `publicNetworkAccess is set to false because the account has private endpoints: webhook and agent traffic from the internet is refused (HTTP 401) and Azure alerts can no longer call its webhooks. Set automationAccount.publicNetworkAccess to keep or confirm it (${AUTOMATION_PRIVATE_LINK_DOC})`,
  );
  return bool(false);
}

/** One name per endpoint (names compare case-insensitively); a default name is taken once per sub-resource. */
function checkNames(ctx: ResolveContext, pe: PrivateEndpoint, pointer: string, names: Map<string, string>): boolean {
  const key = pe.name?.toLowerCase() ?? `(default ${pe.service})`;
  const other = names.get(key);
  if (other) {
    const what = pe.name === undefined ? `the default name of a ${pe.service} endpoint` : `'${pe.name}'`;
    ctx.error(`${pointer}${pe.name === undefined ? '' : '/name'}`, 'AG302', `two private endpoints would be named ${what} (also ${other}); give each a name`);
    return false;
  }
  names.set(key, pointer);
  return true;
}

function checkOptions(ctx: ResolveContext, pe: PrivateEndpoint, pointer: string): boolean {
  if (pe.requestMessage !== undefined && pe.manualApproval !== true) {
    ctx.error(`${pointer}/requestMessage`, 'AG200', 'requestMessage applies only with manualApproval: true (an automatically approved connection has no approver to read it)');
    return false;
  }
  return true;
}

/**
 * The DNS zone: a literal must be one of Automation's private-link zones (the name is the ID's last segment); a
 * parameter is trusted. null after reporting a wrong zone.
 */
function dnsZone(ctx: ResolveContext, value: NonNullable<PrivateEndpoint['privateDnsZoneId']>, pointer: string): (GivenResourceId & { readonly name: Expr }) | null {
  const zone = givenResourceId(ctx, value, pointer, ZONE);
  if (!zone) return null;
  const literal = zone.literalNames?.[0];
  if (literal !== undefined && !AUTOMATION_PRIVATE_DNS_ZONES.includes(literal.toLowerCase())) {
    const monitor = literal.toLowerCase() === AZURE_MONITOR_AUTOMATION_ZONE ? ` (${AZURE_MONITOR_AUTOMATION_ZONE} belongs to Azure Monitor Private Link Scopes, not to the Automation account)` : '';
    ctx.error(pointer, 'AG308', `zone '${literal}' cannot resolve an Automation account's private endpoint${monitor}: use ${AUTOMATION_PRIVATE_DNS_ZONES.join(' (or, in Azure Government, ')})`);
    return null;
  }
  return zone;
}

/** Two endpoints of one sub-resource registering in the same zone overwrite each other's A record. */
function sharedZoneWarning(ctx: ResolveContext, pe: PrivateEndpoint, pointer: string, zone: GivenResourceId, zones: Map<string, string>): void {
  const key = `${pe.service}|${zone.key}`;
  const other = zones.get(key);
  if (other) ctx.warn(`${pointer}/privateDnsZoneId`, 'AG801', `this ${pe.service} endpoint registers in the same private DNS zone as ${other}: ${SHARED_ZONE_RULE}. Give one of them a zone linked to its own network`);
  else zones.set(key, pointer);
}

/** A nested deployment that creates the endpoint in `resourceGroup` of the subnet's subscription. */
function endpointModule(
  ctx: ResolveContext,
  symbols: SymbolTable,
  m: { service: string; account: ResourceRef; name: Expr; subnet: GivenResourceId; resourceGroup: Expr; parameters: { name: string; value: Expr }[]; template: ModuleNode['template']; manual: boolean },
): ModuleNode {
  // Unique per account (its ID names the deploying group) and endpoint, known at deployment start, 40 characters.
  const deploymentName = interp('pep-', call('guid', ref(m.account, 'id'), str(m.service), m.name));
  return {
    kind: 'module',
    ref: {
      symbol: symbols.take('privateEndpoint', m.service, 'module'),
      type: DEPLOYMENT_TYPE,
      apiVersion: ctx.api(DEPLOYMENT_TYPE),
      id: { kind: 'parts', subscriptionId: m.subnet.subscriptionId, resourceGroup: m.resourceGroup, names: [deploymentName] },
      created: true,
    },
    purpose: m.manual ? 'privateEndpointManual' : 'privateEndpoint',
    target: { kind: 'resourceGroup', subscriptionId: m.subnet.subscriptionId, resourceGroup: m.resourceGroup },
    template: m.template,
    parameters: m.parameters,
    dependsOn: [m.account],
  };
}
