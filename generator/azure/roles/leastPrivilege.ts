/**
 * Least-privilege knowledge: which built-in roles are too broad where, and what to grant instead. Names must be
 * display names of generator/azure/roles/builtinRoles.json (checked by test/unit/resolve/builtinRoles.test.ts).
 */

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

