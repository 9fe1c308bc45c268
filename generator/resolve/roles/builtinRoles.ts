/**
 * Azure built-in roles that armgen knows by name, so a config can say `role: Key Vault Secrets User` instead of a GUID.
 *
 * Source: "Azure built-in roles", https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
 * (MicrosoftDocs/azure-docs `articles/role-based-access-control/built-in-roles.md` at commit
 * 00a583295ba737a5caf885472cb3bca3624e9cde, page ms.date 04/09/2026). Names and IDs are copied from that page's tables;
 * `category` is the page section the role is listed under (each section links to `built-in-roles/<category>.md`).
 * Cross-checked by test/unit/resolve/builtinRoles.test.ts against ../shared/data/builtin-roles.json (same docs commit).
 *
 * Built-in role definition IDs are the same in every tenant and cloud, which is why a fixed table is safe. Role names
 * can be renamed by Microsoft (the ID stays), so templates always emit the ID and never the name.
 *
 * Aliases are spellings people actually type: abbreviations (VM, KV, MI, UAA, RBAC, ASR) and the singular/plural slips
 * the official names invite ("Key Vault Secret User", "Key Vault Certificate Officer"). An alias must name exactly one
 * role: "Key Vault Secret Reader" is deliberately NOT an alias, because it could mean Key Vault Reader (metadata only)
 * or Key Vault Secrets User (secret values), and guessing wrong either breaks the runbook or over-grants.
 */
import { didYouMean } from '../../util/didYouMean.js';

/** The docs section a role is listed under; matches the slug of its per-category page. */
export type BuiltinRoleCategory =
  | 'privileged'
  | 'general'
  | 'compute'
  | 'networking'
  | 'storage'
  | 'web-and-mobile'
  | 'containers'
  | 'databases'
  | 'analytics'
  | 'integration'
  | 'identity'
  | 'security'
  | 'monitor'
  | 'management-and-governance';

export interface BuiltinRole {
  /** Display name exactly as the docs spell it. */
  readonly name: string;
  /** Role definition GUID, lowercase canonical form (the last segment of `.../roleDefinitions/<id>`). */
  readonly id: string;
  /** Other spellings that resolve to this role; each unique across all names and aliases. */
  readonly aliases: readonly string[];
  /**
   * True for the docs' "privileged administrator" roles: they can manage everything or grant access to others.
   * Assigning one to an automation identity deserves a warning.
   */
  readonly privileged?: boolean;
  /** The docs section the role is listed under. */
  readonly category?: BuiltinRoleCategory;
}

const entry = (category: BuiltinRoleCategory, name: string, id: string, aliases: readonly string[] = []): BuiltinRole => ({
  name,
  id,
  aliases,
  category,
  ...(category === 'privileged' ? { privileged: true } : {}),
});

/** The catalogue, grouped as on the docs page. */
export const builtinRoles: readonly BuiltinRole[] = Object.freeze([
  // Privileged
  entry('privileged', 'Contributor', 'b24988ac-6180-42a0-ab88-20f7382dd24c'),
  entry('privileged', 'Owner', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'),
  entry('privileged', 'Reservations Administrator', 'a8889054-8d42-49c9-bc1c-52486c10e7cd'),
  entry('privileged', 'Role Based Access Control Administrator', 'f58310d9-a9f6-439a-9e8d-f62e7b41a168', [
    'RBAC Admin', 'RBAC Administrator', 'Role Based Access Control Admin', 'Role-Based Access Control Administrator',
  ]),
  entry('privileged', 'User Access Administrator', '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', ['UAA', 'User Access Admin']),
  // General
  entry('general', 'Reader', 'acdd72a7-3385-48ef-bd42-f606fba81ae7'),
  // Compute
  entry('compute', 'Data Operator for Managed Disks', '959f8984-c045-4866-89c7-12bf9737be2e', ['Managed Disks Data Operator']),
  entry('compute', 'Disk Snapshot Contributor', '7efff54f-a5b4-42b5-a1c5-5411624893ce'),
  entry('compute', 'Virtual Machine Administrator Login', '1c0163c0-47e6-4577-8991-ea5c82e286e4', ['VM Administrator Login', 'VM Admin Login']),
  entry('compute', 'Virtual Machine Contributor', '9980e02c-c2be-4d73-94e8-173b1dc7cf3c', ['VM Contributor']),
  entry('compute', 'Virtual Machine User Login', 'fb879df8-f326-4884-b1cf-06f3ad86be52', ['VM User Login']),
  // Networking
  entry('networking', 'DNS Zone Contributor', 'befefa01-2a29-4197-83a8-272ff33ce314', ['DNS Contributor']),
  entry('networking', 'Network Contributor', '4d97b98b-1d4f-4787-a291-c67834d212e7', ['Virtual Network Contributor', 'VNet Contributor']),
  entry('networking', 'Private DNS Zone Contributor', 'b12aa53e-6015-4669-85d0-8515ebb3ae7f', ['Private DNS Contributor']),
  // Storage
  entry('storage', 'Backup Contributor', '5e467623-bb1f-42f4-a55d-6e525e11384b'),
  entry('storage', 'Backup Operator', '00c29273-979b-4161-815c-10b084fb9324'),
  entry('storage', 'Backup Reader', 'a795c7a0-d4a2-40c1-ae25-d81f01202912'),
  entry('storage', 'Reader and Data Access', 'c12c1c16-33a1-487b-954d-41c89c60f349'),
  entry('storage', 'Storage Account Contributor', '17d1049b-9a84-46fb-8f53-869881c3d3ab'),
  entry('storage', 'Storage Account Key Operator Service Role', '81a9662b-bebf-436f-a333-f67b29880f12', ['Storage Account Key Operator']),
  entry('storage', 'Storage Blob Data Contributor', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe', ['Blob Data Contributor', 'Storage Blob Contributor']),
  entry('storage', 'Storage Blob Data Owner', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b', ['Blob Data Owner', 'Storage Blob Owner']),
  entry('storage', 'Storage Blob Data Reader', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1', ['Blob Data Reader', 'Storage Blob Reader']),
  entry('storage', 'Storage Blob Delegator', 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a', ['Blob Delegator']),
  entry('storage', 'Storage File Data Privileged Contributor', '69566ab7-960f-475b-8e7c-b3118f30c6bd'),
  entry('storage', 'Storage File Data Privileged Reader', 'b8eda974-7b85-4f76-af95-65846b26df6d'),
  entry('storage', 'Storage File Data SMB Share Contributor', '0c867c2a-1d8c-454a-a3db-ab2ea1bdc8bb', ['SMB Share Contributor']),
  entry('storage', 'Storage File Data SMB Share Elevated Contributor', 'a7264617-510b-434b-a828-9731dc254ea7', ['SMB Share Elevated Contributor']),
  entry('storage', 'Storage File Data SMB Share Reader', 'aba4ae5f-2193-4029-9191-0cb91df5e314', ['SMB Share Reader']),
  entry('storage', 'Storage Queue Data Contributor', '974c5e8b-45b9-4653-ba55-5f855dd0fb88', ['Queue Data Contributor']),
  entry('storage', 'Storage Queue Data Message Processor', '8a0f0c08-91a1-4084-bc3d-661d67233fed', ['Queue Data Message Processor']),
  entry('storage', 'Storage Queue Data Message Sender', 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a', ['Queue Data Message Sender']),
  entry('storage', 'Storage Queue Data Reader', '19e7f393-937e-4f77-808e-94535e297925', ['Queue Data Reader']),
  entry('storage', 'Storage Table Data Contributor', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3', ['Table Data Contributor']),
  entry('storage', 'Storage Table Data Reader', '76199698-9eea-4c19-bc75-cec21354c6b6', ['Table Data Reader']),
  // Web and Mobile
  entry('web-and-mobile', 'Web Plan Contributor', '2cc479cb-7b4d-49a8-b449-8c00fd0f0a4b', ['App Service Plan Contributor']),
  entry('web-and-mobile', 'Website Contributor', 'de139f84-1756-47ae-9be6-808fbbe84772', ['Web Site Contributor', 'Web App Contributor']),
  // Containers
  entry('containers', 'AcrPull', '7f951dda-4ed3-4680-a7ca-43fe172d538d', ['ACR Pull']),
  entry('containers', 'AcrPush', '8311e382-0749-4cb8-b61a-304f252e45ec', ['ACR Push']),
  // Databases
  entry('databases', 'Cosmos DB Account Reader Role', 'fbdf93bf-df7d-467e-a4d2-9458aa1360c8', ['Cosmos DB Account Reader']),
  entry('databases', 'Cosmos DB Operator', '230815da-be43-4aae-9cb4-875f7bd000aa', ['CosmosDB Operator']),
  entry('databases', 'DocumentDB Account Contributor', '5bd9cd88-fe45-4216-938b-f97437e15450', ['Cosmos DB Account Contributor']),
  entry('databases', 'Redis Cache Contributor', 'e0f68234-74aa-48ed-b826-c38b57376e17'),
  entry('databases', 'SQL DB Contributor', '9b7fa17d-e63e-47b0-bb0a-15c516ac86ec', ['SQL Database Contributor']),
  entry('databases', 'SQL Managed Instance Contributor', '4939a1f6-9ae0-4e48-a1e0-f2cbe897382d', ['SQL MI Contributor']),
  entry('databases', 'SQL Security Manager', '056cd41c-7e88-42e1-933e-88ba6a50c9c3'),
  entry('databases', 'SQL Server Contributor', '6d8ee4ec-f05a-4a1d-8b00-a9b17e38b437'),
  // Analytics
  entry('analytics', 'Azure Event Hubs Data Owner', 'f526a384-b230-433a-b45c-95f59c4a2dec', ['Event Hubs Data Owner', 'Event Hub Data Owner']),
  entry('analytics', 'Azure Event Hubs Data Receiver', 'a638d3c7-ab3a-418d-83e6-5f17a39d4fde', ['Event Hubs Data Receiver', 'Event Hub Data Receiver']),
  entry('analytics', 'Azure Event Hubs Data Sender', '2b629674-e913-4c01-ae53-ef4638d8f975', ['Event Hubs Data Sender', 'Event Hub Data Sender']),
  // Integration
  entry('integration', 'App Configuration Contributor', 'fe86443c-f201-4fc4-9d2a-ac61149fbda0', ['App Config Contributor']),
  entry('integration', 'App Configuration Data Owner', '5ae67dd6-50cb-40e7-96ff-dc2bfa4b606b', ['App Config Data Owner']),
  entry('integration', 'App Configuration Data Reader', '516239f1-63e1-4d78-a4de-a74fb236a071', ['App Config Data Reader']),
  entry('integration', 'App Configuration Reader', '175b81b9-6e0d-490a-85e4-0d422273c10c', ['App Config Reader']),
  entry('integration', 'Azure Service Bus Data Owner', '090c5cfd-751d-490a-894a-3ce6f1109419', ['Service Bus Data Owner']),
  entry('integration', 'Azure Service Bus Data Receiver', '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0', ['Service Bus Data Receiver']),
  entry('integration', 'Azure Service Bus Data Sender', '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39', ['Service Bus Data Sender']),
  entry('integration', 'EventGrid Contributor', '1e241071-0855-49ea-94dc-649edcd759de', ['Event Grid Contributor']),
  entry('integration', 'EventGrid Data Sender', 'd5a91429-5739-47e2-a06b-3470a27159e7', ['Event Grid Data Sender']),
  entry('integration', 'Logic App Contributor', '87a39d53-fc1b-424a-814c-f7e04687dc9e', ['Logic Apps Contributor']),
  entry('integration', 'Logic App Operator', '515c2055-d9d4-4321-b1b9-bd0c9a0f79fe', ['Logic Apps Operator']),
  // Identity
  entry('identity', 'Managed Identity Contributor', 'e40ec5ca-96e0-45a2-b4ff-59039f2c2b59', ['MI Contributor']),
  entry('identity', 'Managed Identity Operator', 'f1a07417-d97a-45cb-824c-7a7467783830', ['MI Operator']),
  // Security
  entry('security', 'Key Vault Administrator', '00482a5a-887f-4fb3-b363-3b7fe8e74483', ['KV Administrator', 'KV Admin', 'Key Vault Admin']),
  entry('security', 'Key Vault Certificate User', 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba', [
    'KV Certificate User', 'Key Vault Certificates User', 'KV Certificates User',
  ]),
  entry('security', 'Key Vault Certificates Officer', 'a4417e6f-fecd-4de8-b567-7b0420556985', [
    'KV Certificates Officer', 'Key Vault Certificate Officer', 'KV Certificate Officer',
  ]),
  entry('security', 'Key Vault Contributor', 'f25e0fa2-a7c8-4377-a976-54943a77a395', ['KV Contributor']),
  entry('security', 'Key Vault Crypto Officer', '14b46e9e-c2b7-41b4-b07b-48a6ebf60603', ['KV Crypto Officer']),
  entry('security', 'Key Vault Crypto Service Encryption User', 'e147488a-f6f5-4113-8e2d-b22465e65bf6', ['KV Crypto Service Encryption User']),
  entry('security', 'Key Vault Crypto Service Release User', '08bbd89e-9f13-488c-ac41-acfcb10c90ab', ['KV Crypto Service Release User']),
  entry('security', 'Key Vault Crypto User', '12338af0-0e69-4776-bea7-57ae8d297424', ['KV Crypto User']),
  entry('security', 'Key Vault Data Access Administrator', '8b54135c-b56d-4d72-a534-26097cfdc8d8', [
    'KV Data Access Administrator', 'Key Vault Data Access Admin',
  ]),
  entry('security', 'Key Vault Reader', '21090545-7ca7-4776-b22c-e363652d74d2', ['KV Reader']),
  entry('security', 'Key Vault Secrets Officer', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7', [
    'KV Secrets Officer', 'Key Vault Secret Officer', 'KV Secret Officer',
  ]),
  entry('security', 'Key Vault Secrets User', '4633458b-17de-408a-b874-0445c86b69e6', [
    'KV Secrets User', 'Key Vault Secret User', 'KV Secret User',
  ]),
  entry('security', 'Locks Contributor', '28bf596f-4eb7-45ce-b5bc-6cf482fec137', ['Lock Contributor', 'Resource Lock Contributor']),
  entry('security', 'Security Admin', 'fb1c8493-542b-48eb-b624-b4c8fea62acd', ['Security Administrator']),
  entry('security', 'Security Reader', '39bc4728-0917-49c7-9d2c-d95423bc2eb4'),
  // Monitor
  entry('monitor', 'Application Insights Component Contributor', 'ae349356-3a1b-4a5e-921d-050484c6347e', [
    'App Insights Component Contributor', 'Application Insights Contributor', 'App Insights Contributor',
  ]),
  entry('monitor', 'Data Purger', '150f5e0c-0603-4f03-8c7f-cf70034c4e90'),
  entry('monitor', 'Log Analytics Contributor', '92aaf0da-9dab-42b6-94a3-d43ce8d16293'),
  entry('monitor', 'Log Analytics Data Reader', '3b03c2da-16b3-4a49-8834-0f8130efdd3b'),
  entry('monitor', 'Log Analytics Reader', '73c42c96-874c-492b-b04d-ab87d138a893'),
  entry('monitor', 'Monitoring Contributor', '749f88d5-cbae-40b8-bcfc-e573ddc772fa', ['Monitor Contributor']),
  entry('monitor', 'Monitoring Metrics Publisher', '3913510d-42f4-4e42-8a64-420c390055eb', ['Metrics Publisher']),
  entry('monitor', 'Monitoring Policy Contributor', '47be4a87-7950-4631-9daf-b664a405f074'),
  entry('monitor', 'Monitoring Reader', '43d0d8ad-25c7-4714-9337-8ba259a9fe05', ['Monitor Reader']),
  entry('monitor', 'Workbook Contributor', 'e8ddcd69-c73f-4f9f-9844-4100522f16ad'),
  entry('monitor', 'Workbook Reader', 'b279062a-9be3-42a0-92ae-8b3cf002ec4d'),
  // Management and governance
  entry('management-and-governance', 'Automation Contributor', 'f353d9bd-d4a6-484e-a77a-8050b599b867', ['Automation Account Contributor']),
  entry('management-and-governance', 'Automation Job Operator', '4fe576fe-1146-4730-92eb-48519fa6bf9f', ['Automation Jobs Operator']),
  entry('management-and-governance', 'Automation Operator', 'd3881f73-407a-4167-8283-e981cbba0404', ['Automation Account Operator']),
  entry('management-and-governance', 'Automation Runbook Operator', '5fb5aef8-1081-4b8e-bb16-9d5d0385bab5', ['Automation Runbooks Operator']),
  entry('management-and-governance', 'Azure Connected Machine Onboarding', 'b64e21ea-ac4e-4cdf-9dc9-5b892992bee7', ['Connected Machine Onboarding']),
  entry('management-and-governance', 'Azure Connected Machine Resource Administrator', 'cd570a14-e51a-42ad-bac8-bafd67325302', [
    'Connected Machine Resource Administrator',
  ]),
  entry('management-and-governance', 'Billing Reader', 'fa23ad8b-c56e-40d8-ac0c-ce449e1d2c64'),
  entry('management-and-governance', 'Cost Management Contributor', '434105ed-43f6-45c7-a02f-909b2ba83430'),
  entry('management-and-governance', 'Cost Management Reader', '72fafb9e-0641-4937-9268-a91bfd8191a3'),
  entry('management-and-governance', 'Management Group Contributor', '5d58bcaf-24a5-4b20-bdb6-eed9f69fbe4c'),
  entry('management-and-governance', 'Management Group Reader', 'ac63b705-f282-497d-ac71-919bf39d939d'),
  entry('management-and-governance', 'Resource Policy Contributor', '36243c78-bf99-498c-9df9-86d9f8d28608', ['Policy Contributor']),
  entry('management-and-governance', 'Scheduled Patching Contributor', 'cd08ab90-6b14-449c-ad9a-8f8e549482c6'),
  entry('management-and-governance', 'Site Recovery Contributor', '6670b86e-a3f7-4917-ac9b-5d6ab1be4567', ['ASR Contributor']),
  entry('management-and-governance', 'Site Recovery Operator', '494ae006-db33-4328-bf46-533a6560a3ca', ['ASR Operator']),
  entry('management-and-governance', 'Site Recovery Reader', 'dbaa88c4-0c30-4179-9fb3-46319faa6149', ['ASR Reader']),
  entry('management-and-governance', 'Support Request Contributor', 'cfd33db0-3dd1-45e3-aa9d-cdbdf3b6f24e'),
  entry('management-and-governance', 'Tag Contributor', '4a9ae827-6dc8-4573-8ac7-8239d42aa03f', ['Tags Contributor']),
  entry('management-and-governance', 'Template Spec Contributor', '1c9b6475-caf0-4164-b5a1-2142a7116f4b', ['Template Specs Contributor']),
  entry('management-and-governance', 'Template Spec Reader', '392ae280-861d-42bd-9ea5-08ee6d83b80e', ['Template Specs Reader']),
]);

/** A narrower built-in role, and the job it is the right fit for. */
export interface NarrowerRole {
  readonly role: string;
  readonly when: string;
}

/** Least-privilege hint for one resource type: assigning any of `broad` there usually means one of `suggest` was meant. */
export interface NarrowerRoleRule {
  readonly broad: readonly string[];
  readonly suggest: readonly NarrowerRole[];
}

/**
 * Data for the least-privilege lint, keyed by ARM resource type (compare case-insensitively: ARM types are).
 *
 * Why: a runbook identity is a long-lived credential that anyone who can edit a runbook can use. Owner/Contributor on a
 * resource grants every write and delete on it (Owner also grants role assignment), and the docs' best-practice page asks
 * for "only the access users need". For each resource kind an Automation runbook typically touches, this lists the
 * resource-specific built-in role that covers the usual job. Key Vault note: Contributor on a vault that still uses
 * access policies can grant itself data access, and Key Vault Administrator reads every secret, key and certificate, so a
 * runbook that only reads secrets should get Key Vault Secrets User. Storage note: Storage Account Contributor can list
 * account keys (and so read all data); a data role is narrower when the runbook only moves blobs, queues or tables.
 * Every role named here must be in `builtinRoles` (checked at load).
 */
export const narrowerRoleByResourceType: Readonly<Record<string, NarrowerRoleRule>> = Object.freeze({
  'Microsoft.Compute/virtualMachines': {
    broad: ['Owner', 'Contributor'],
    suggest: [
      { role: 'Virtual Machine Contributor', when: 'starting, stopping, resizing or running commands on VMs' },
      { role: 'Reader', when: 'only reading VM state' },
    ],
  },
  'Microsoft.KeyVault/vaults': {
    broad: ['Owner', 'Contributor', 'Key Vault Administrator'],
    suggest: [
      { role: 'Key Vault Secrets User', when: 'reading secret values' },
      { role: 'Key Vault Secrets Officer', when: 'creating, rotating or deleting secrets' },
      { role: 'Key Vault Crypto User', when: 'signing, encrypting or wrapping with keys' },
      { role: 'Key Vault Certificate User', when: 'reading certificates' },
      { role: 'Key Vault Reader', when: 'listing metadata without reading values' },
    ],
  },
  'Microsoft.Storage/storageAccounts': {
    broad: ['Owner', 'Contributor'],
    suggest: [
      { role: 'Storage Blob Data Reader', when: 'reading blobs' },
      { role: 'Storage Blob Data Contributor', when: 'writing or deleting blobs' },
      { role: 'Storage Queue Data Contributor', when: 'reading and writing queue messages' },
      { role: 'Storage Table Data Contributor', when: 'reading and writing table entities' },
      { role: 'Storage File Data SMB Share Contributor', when: 'reading and writing file shares' },
      { role: 'Storage Account Contributor', when: 'managing the account itself (note: it can list account keys)' },
    ],
  },
  'Microsoft.Automation/automationAccounts': {
    broad: ['Owner', 'Contributor'],
    suggest: [
      { role: 'Automation Operator', when: 'starting, stopping, suspending or resuming jobs' },
      { role: 'Automation Job Operator', when: 'creating and managing jobs' },
      { role: 'Automation Runbook Operator', when: 'reading runbook properties to start jobs' },
      { role: 'Automation Contributor', when: 'managing the account, runbooks and assets' },
    ],
  },
  'Microsoft.ManagedIdentity/userAssignedIdentities': {
    broad: ['Owner', 'Contributor'],
    suggest: [
      { role: 'Managed Identity Operator', when: 'attaching the identity to a resource' },
      { role: 'Managed Identity Contributor', when: 'creating, updating or deleting identities' },
    ],
  },
  'Microsoft.OperationalInsights/workspaces': {
    broad: ['Owner', 'Contributor'],
    suggest: [
      { role: 'Log Analytics Reader', when: 'querying logs' },
      { role: 'Log Analytics Contributor', when: 'changing workspace or monitoring settings' },
    ],
  },
  'Microsoft.Insights/components': {
    broad: ['Owner', 'Contributor'],
    suggest: [{ role: 'Application Insights Component Contributor', when: 'managing Application Insights components' }],
  },
  'Microsoft.Network/virtualNetworks': {
    broad: ['Owner', 'Contributor'],
    suggest: [{ role: 'Network Contributor', when: 'managing networks' }],
  },
  'Microsoft.Network/privateDnsZones': {
    broad: ['Owner', 'Contributor', 'Network Contributor'],
    suggest: [{ role: 'Private DNS Zone Contributor', when: 'managing private DNS records' }],
  },
  'Microsoft.Network/dnsZones': {
    broad: ['Owner', 'Contributor', 'Network Contributor'],
    suggest: [{ role: 'DNS Zone Contributor', when: 'managing DNS records' }],
  },
  'Microsoft.Web/sites': {
    broad: ['Owner', 'Contributor'],
    suggest: [{ role: 'Website Contributor', when: 'managing or restarting web apps' }],
  },
  'Microsoft.Web/serverfarms': {
    broad: ['Owner', 'Contributor'],
    suggest: [{ role: 'Web Plan Contributor', when: 'scaling App Service plans' }],
  },
  'Microsoft.Sql/servers': {
    broad: ['Owner', 'Contributor'],
    suggest: [
      { role: 'SQL DB Contributor', when: 'managing databases only' },
      { role: 'SQL Server Contributor', when: 'managing servers and databases' },
    ],
  },
  'Microsoft.ContainerRegistry/registries': {
    broad: ['Owner', 'Contributor'],
    suggest: [
      { role: 'AcrPull', when: 'pulling images' },
      { role: 'AcrPush', when: 'pushing images' },
    ],
  },
  'Microsoft.Logic/workflows': {
    broad: ['Owner', 'Contributor'],
    suggest: [
      { role: 'Logic App Operator', when: 'enabling, disabling or resubmitting runs' },
      { role: 'Logic App Contributor', when: 'editing logic apps' },
    ],
  },
  'Microsoft.EventHub/namespaces': {
    broad: ['Owner', 'Contributor', 'Azure Event Hubs Data Owner'],
    suggest: [
      { role: 'Azure Event Hubs Data Sender', when: 'sending events' },
      { role: 'Azure Event Hubs Data Receiver', when: 'receiving events' },
    ],
  },
  'Microsoft.ServiceBus/namespaces': {
    broad: ['Owner', 'Contributor', 'Azure Service Bus Data Owner'],
    suggest: [
      { role: 'Azure Service Bus Data Sender', when: 'sending messages' },
      { role: 'Azure Service Bus Data Receiver', when: 'receiving messages' },
    ],
  },
  'Microsoft.AppConfiguration/configurationStores': {
    broad: ['Owner', 'Contributor', 'App Configuration Data Owner'],
    suggest: [{ role: 'App Configuration Data Reader', when: 'reading key-values' }],
  },
  'Microsoft.DocumentDB/databaseAccounts': {
    broad: ['Owner', 'Contributor'],
    suggest: [{ role: 'Cosmos DB Operator', when: 'managing accounts without key access' }],
  },
  'Microsoft.RecoveryServices/vaults': {
    broad: ['Owner', 'Contributor'],
    suggest: [
      { role: 'Backup Operator', when: 'running backups and restores' },
      { role: 'Site Recovery Operator', when: 'failing over and back' },
    ],
  },
  'Microsoft.HybridCompute/machines': {
    broad: ['Owner', 'Contributor'],
    suggest: [{ role: 'Azure Connected Machine Resource Administrator', when: 'managing Arc-enabled servers' }],
  },
  'Microsoft.Maintenance/maintenanceConfigurations': {
    broad: ['Owner', 'Contributor'],
    suggest: [{ role: 'Scheduled Patching Contributor', when: 'managing in-guest patch schedules' }],
  },
});

/** Lookup key: case-insensitive, surrounding whitespace ignored, internal whitespace runs collapsed to one space. */
function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Lookup maps over a role table. */
export interface BuiltinRoleIndex {
  readonly byText: ReadonlyMap<string, BuiltinRole>;
  readonly byId: ReadonlyMap<string, BuiltinRole>;
}

/**
 * Index a role table by normalised name/alias and by GUID.
 * @throws Error (a bug in the table, not a user error) on a malformed GUID, or when two entries share a GUID, or a
 *   name or alias collides (after normalisation) with any other name or alias.
 */
export function indexBuiltinRoles(roles: readonly BuiltinRole[]): BuiltinRoleIndex {
  const byText = new Map<string, BuiltinRole>();
  const byId = new Map<string, BuiltinRole>();
  for (const role of roles) {
    if (!GUID.test(role.id)) throw new Error(`builtinRoles: '${role.name}' has id '${role.id}', not a lowercase canonical GUID`);
    const sameId = byId.get(role.id);
    if (sameId) throw new Error(`builtinRoles: '${role.name}' and '${sameId.name}' share id ${role.id}`);
    byId.set(role.id, role);
    for (const text of [role.name, ...role.aliases]) {
      const key = normalise(text);
      const clash = byText.get(key);
      if (clash) throw new Error(`builtinRoles: '${text}' (on '${role.name}') collides with name or alias of '${clash.name}'`);
      byText.set(key, role);
    }
  }
  return { byText, byId };
}

const index = indexBuiltinRoles(builtinRoles);

for (const [type, rule] of Object.entries(narrowerRoleByResourceType)) {
  for (const name of [...rule.broad, ...rule.suggest.map((s) => s.role)]) {
    if (index.byText.get(normalise(name))?.name !== name) {
      throw new Error(`narrowerRoleByResourceType['${type}']: '${name}' is not a built-in role display name in builtinRoles`);
    }
  }
  const circular = rule.suggest.find((s) => rule.broad.includes(s.role));
  if (circular) throw new Error(`narrowerRoleByResourceType['${type}']: '${circular.role}' is both broad and suggested`);
}

/** Every name and alias, for did-you-mean. */
const lookupTexts: readonly string[] = builtinRoles.flatMap((r) => [r.name, ...r.aliases]);

/**
 * Find a built-in role by display name or alias: case-insensitive, surrounding whitespace ignored, internal whitespace
 * runs treated as one space. O(1).
 * @returns the role, or undefined when the text names no built-in role (it may still be a custom role).
 */
export function findBuiltinRole(text: string): BuiltinRole | undefined {
  return index.byText.get(normalise(text));
}

/**
 * "Did you mean" candidates for text that {@link findBuiltinRole} did not resolve: names and aliases that
 * {@link didYouMean} finds close, reported as display names, deduplicated, best first. Roles whose whole name merely
 * appears inside the input (e.g. 'Reader' in 'Key Vault Secret Reader') rank after genuine near-misses.
 * @returns at most 3 display names; empty when nothing is close.
 */
export function suggestBuiltinRoles(text: string): string[] {
  const needle = normalise(text);
  const matches = didYouMean(needle, lookupTexts, lookupTexts.length);
  // didYouMean scores "the input contains this candidate" as a near-exact hit, so a generic role such as 'Reader'
  // would outrank 'Key Vault Secrets User' for 'Key Vault Secret Reader'. Keep those hits, but after the others.
  const containedInInput = (m: string): boolean => needle.includes(m.toLowerCase()) && needle !== m.toLowerCase();
  const ranked = [...matches.filter((m) => !containedInInput(m)), ...matches.filter(containedInInput)];
  const exact = index.byText.get(needle);
  const names: string[] = exact ? [exact.name] : [];
  for (const match of ranked) {
    const name = index.byText.get(normalise(match))?.name;
    if (name !== undefined && !names.includes(name)) names.push(name);
    if (names.length === 3) break;
  }
  return names;
}

/**
 * Find a built-in role by its role definition GUID (surrounding whitespace and letter case ignored).
 * @returns the role, or undefined for an unknown GUID (for example a custom role).
 */
export function findBuiltinRoleById(guid: string): BuiltinRole | undefined {
  return index.byId.get(guid.trim().toLowerCase());
}
