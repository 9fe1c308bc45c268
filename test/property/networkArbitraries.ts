import fc from 'fast-check';
import { DEFAULT_ENVIRONMENT } from '../support/deploy/scenarios.js';
import { alnum, guid, hostileString, pick, rgName } from './primitives.js';

/** Valid private endpoints and a linked workspace for the config generator (arbitraries.ts). */

const networkName = fc
  .tuple(pick(alnum), fc.array(fc.oneof(pick(alnum), fc.constantFrom('-', '_', '.')), { maxLength: 20 }), pick(alnum))
  .map(([a, mid, z]) => `${a}${mid.join('')}${z}`);
const workspaceName = fc
  .tuple(pick(alnum), fc.array(fc.oneof(pick(alnum), fc.constant('-')), { minLength: 2, maxLength: 30 }), pick(alnum))
  .map(([a, mid, z]) => `${a}${mid.join('')}${z}`);

/**
 * Private endpoints, one per sub-resource (two of one sub-resource need names; sharing a zone is warned). Azure wants an
 * endpoint in its subnet's subscription: one in the deployment's group gets a subnet of the deployment's subscription
 * (the deploy simulator's), one elsewhere names its group in the subnet's (any) subscription.
 */
export const privateEndpoints = fc.uniqueArray(
  fc.record({
    service: fc.constantFrom('Webhook', 'DSCAndHybridWorker'),
    elsewhere: fc.option(fc.tuple(guid, rgName), { nil: undefined }),
    vnet: networkName,
    subnet: networkName,
    zone: fc.boolean(),
    manual: fc.option(fc.option(hostileString.filter((m) => m.length > 0 && m.length <= 140), { nil: undefined }), { nil: null }),
  }),
  { maxLength: 2, selector: (e) => e.service },
).map((list) =>
  list.map((e) => {
    const [sub, rg] = e.elsewhere ?? [DEFAULT_ENVIRONMENT.subscriptionId, 'rg-net'];
    return {
      service: e.service,
      subnetId: `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/${e.vnet}/subnets/${e.subnet}`,
      ...(e.elsewhere ? { resourceGroup: rg } : {}),
      ...(e.zone ? { privateDnsZoneId: `/subscriptions/${sub}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.azure-automation.net` } : {}),
      ...(e.manual === null ? {} : { manualApproval: true, ...(e.manual === undefined ? {} : { requestMessage: e.manual }) }),
    };
  }),
);

/** A linked workspace: an existing one by ID, or one created here. */
export const logAnalytics = fc.option(
  fc.oneof(
    fc.tuple(guid, rgName, workspaceName).map(([s, g, n]) => ({ workspaceId: `/subscriptions/${s}/resourceGroups/${g}/providers/Microsoft.OperationalInsights/workspaces/${n}` })),
    fc.record({ name: workspaceName, retentionInDays: fc.integer({ min: 30, max: 730 }) }).map((w) => ({ createWorkspace: w })),
  ),
  { nil: undefined },
);
