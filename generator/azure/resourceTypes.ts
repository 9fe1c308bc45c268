/**
 * The one table of resource types armgen knows, with the API version it uses for each.
 *
 * `deployed` types are the ones armgen writes. Each default is the newest *stable* version in Microsoft's
 * official ARM schemas (azure-resource-manager-schemas, see ../shared/arm-schemas/README.md), so an upgrade is a
 * one-line diff that the golden tests surface; a config may override them under `apiVersions:`.
 * `referenced` types are ones armgen only points at (role-assignment scopes, diagnostic destinations): Bicep needs
 * a type it knows at compile time for an `existing` declaration, and each entry was checked against Bicep 0.49's
 * type index (no BCP081). A reference to a type outside this table renders in ARM and is refused for Bicep (AG309).
 */
export const deployedTypes = {
  'Microsoft.Automation/automationAccounts': '2024-10-23',
  'Microsoft.Automation/automationAccounts/runbooks': '2024-10-23',
  'Microsoft.Automation/automationAccounts/modules': '2024-10-23',
  // powerShell72Modules exists only in 2023-11-01 (removed from 2024-10-23, superseded by runtime environments).
  'Microsoft.Automation/automationAccounts/powerShell72Modules': '2023-11-01',
  'Microsoft.Automation/automationAccounts/python3Packages': '2024-10-23',
  'Microsoft.Automation/automationAccounts/runtimeEnvironments': '2024-10-23',
  'Microsoft.Automation/automationAccounts/runtimeEnvironments/packages': '2024-10-23',
  'Microsoft.Automation/automationAccounts/schedules': '2024-10-23',
  'Microsoft.Automation/automationAccounts/jobSchedules': '2024-10-23',
  'Microsoft.Automation/automationAccounts/variables': '2024-10-23',
  'Microsoft.Automation/automationAccounts/credentials': '2024-10-23',
  'Microsoft.Automation/automationAccounts/webhooks': '2024-10-23',
  'Microsoft.Automation/automationAccounts/hybridRunbookWorkerGroups': '2024-10-23',
  'Microsoft.Automation/automationAccounts/hybridRunbookWorkerGroups/hybridRunbookWorkers': '2024-10-23',
  'Microsoft.Automation/automationAccounts/sourceControls': '2024-10-23',
  // The HybridWorker VM extension (hybrid worker groups, installExtension). Compute is not in the local schema subset:
  // 2026-03-01 is the newest stable version in the upstream schema index (upstream-index.json), known to Bicep 0.49.
  'Microsoft.Compute/virtualMachines/extensions': '2026-03-01',
  'Microsoft.ManagedIdentity/userAssignedIdentities': '2024-11-30',
  'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials': '2024-11-30',
  'Microsoft.Authorization/roleAssignments': '2022-04-01',
  'Microsoft.Authorization/locks': '2020-05-01',
  // No GA version of diagnosticSettings exists in the official schemas; 2021-05-01-preview is what AVM uses.
  'Microsoft.Insights/diagnosticSettings': '2021-05-01-preview',
  'Microsoft.Resources/deployments': '2025-04-01',
  // Not in ../shared/arm-schemas (its subset has no Microsoft.Network or Microsoft.OperationalInsights files): the
  // newest stable versions of upstream-index.json (schemas commit a1454431), each known to Bicep 0.49's type index.
  'Microsoft.Network/privateEndpoints': '2025-07-01',
  'Microsoft.Network/privateEndpoints/privateDnsZoneGroups': '2025-07-01',
  'Microsoft.OperationalInsights/workspaces': '2025-07-01',
  'Microsoft.OperationalInsights/workspaces/linkedServices': '2025-07-01',
} as const;

export type ResourceType = keyof typeof deployedTypes;

/** API versions for `existing` declarations of resources armgen only points at. */
const referencedTypes: Readonly<Record<string, string>> = {
  'Microsoft.App/containerApps': '2024-03-01',
  'Microsoft.Compute/virtualMachineScaleSets': '2024-07-01',
  'Microsoft.Compute/virtualMachines': '2026-03-01',
  'Microsoft.ContainerService/managedClusters': '2024-09-01',
  'Microsoft.DBforPostgreSQL/flexibleServers': '2024-08-01',
  'Microsoft.DocumentDB/databaseAccounts': '2024-11-15',
  'Microsoft.EventHub/namespaces': '2024-01-01',
  'Microsoft.KeyVault/vaults': '2024-11-01',
  'Microsoft.KeyVault/vaults/keys': '2024-11-01',
  'Microsoft.Network/privateDnsZones': '2024-06-01',
  'Microsoft.Network/virtualNetworks': '2024-05-01',
  'Microsoft.ServiceBus/namespaces': '2024-01-01',
  'Microsoft.Sql/servers': '2023-08-01',
  'Microsoft.Storage/storageAccounts': '2023-05-01',
  'Microsoft.Web/serverfarms': '2024-04-01',
  'Microsoft.Web/sites': '2024-04-01',
};

/** Every known type by its lower-cased spelling: ARM resource types are case-insensitive. */
const byLowerCase = new Map<string, { readonly type: string; readonly apiVersion: string }>(
  [...Object.entries(referencedTypes), ...Object.entries(deployedTypes)].map(([type, apiVersion]) => [type.toLowerCase(), { type, apiVersion }]),
);

/**
 * A resource type in Azure's canonical spelling with the API version armgen reads it with, looked up
 * case-insensitively; undefined for a type armgen does not know.
 */
export function knownResourceType(type: string): { readonly type: string; readonly apiVersion: string } | undefined {
  return byLowerCase.get(type.toLowerCase());
}

/** True when the config's `apiVersions:` may name this type. */
export function isDeployedType(value: string): value is ResourceType {
  return Object.hasOwn(deployedTypes, value);
}
