/**
 * Azure Private Link for an Automation account: the facts armgen's private endpoints rely on, each with its source.
 */

/** Where Automation documents its Private Link support (sub-resources, DNS, limitations). */
export const AUTOMATION_PRIVATE_LINK_DOC = 'https://learn.microsoft.com/azure/automation/how-to/private-link-security';

/**
 * The account's Private Link sub-resources (the endpoint's `groupIds`, exactly one per endpoint): "Target
 * sub-resource can either be Webhook or DSCAndHybridWorker" (private-link-security). The built-in policy
 * "Configure Azure Automation accounts with private endpoints" (Azure/azure-policy, Automation/Account_PrivateEndpoints_DINE.json)
 * creates one endpoint per group ID the same way. `token` is what armgen's default endpoint name ends with: it keeps
 * `pep-<account>-<token>` within the 64 characters Azure allows (account names are at most 50).
 */
export const AUTOMATION_GROUP_IDS = {
  Webhook: { token: 'webhook', serves: 'webhook calls (https://<id>.webhook.<region>.azure-automation.net)' },
  DSCAndHybridWorker: { token: 'dsc', serves: 'State Configuration and hybrid runbook workers (the jrds and agentsvc endpoints)' },
} as const;

export type AutomationGroupId = keyof typeof AUTOMATION_GROUP_IDS;

/**
 * The private DNS zones an Automation endpoint registers in: `privatelink.azure-automation.net` (public cloud) and
 * `privatelink.azure-automation.us` (Azure Government); Private Link for Automation exists only in those two clouds
 * (learn.microsoft.com/azure/private-link/private-endpoint-dns, "Management and Governance"; private-link-security).
 */
export const AUTOMATION_PRIVATE_DNS_ZONES: readonly string[] = ['privatelink.azure-automation.net', 'privatelink.azure-automation.us'];
export const PRIVATE_ENDPOINT_DNS_DOC = 'https://learn.microsoft.com/azure/private-link/private-endpoint-dns';

/**
 * Azure Monitor Private Link Scopes use `privatelink.agentsvc.azure-automation.net` for the monitoring agents: a
 * different resource type (Microsoft.Insights/privateLinkScopes), easily confused with the account's zone.
 */
export const AZURE_MONITOR_AUTOMATION_ZONE = 'privatelink.agentsvc.azure-automation.net';

/**
 * Where an endpoint may live: "The private endpoint must be deployed in the same region and subscription as the
 * virtual network"; the resource it connects to may be in another region (private-endpoint-overview, "Private endpoint
 * properties").
 */
export const PRIVATE_ENDPOINT_PLACEMENT_DOC = 'https://learn.microsoft.com/azure/private-link/private-endpoint-overview#private-endpoint-properties';

/**
 * "Existing Private DNS Zones linked to a single service should not be associated with two different Private
 * Endpoints": the second endpoint's A record replaces the first's (private-endpoint-dns).
 */
export const SHARED_ZONE_RULE = 'a private DNS zone keeps one A record per service host name, so the later endpoint replaces the earlier one\'s record (private-endpoint-dns: "Existing Private DNS Zones linked to a single service should not be associated with two different Private Endpoints")';

/** The DNS zone group armgen writes under each endpoint: AVM's name, one zone config named after the zone. */
export const DNS_ZONE_GROUP_NAME = 'default';
