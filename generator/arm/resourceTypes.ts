/**
 * The one table of resource types and the API version armgen emits for each.
 * Each default is the newest *stable* version in Microsoft's official ARM schemas
 * (azure-resource-manager-schemas, see ../shared/arm-schemas/README.md), so an upgrade is a one-line diff
 * that the golden tests surface. A config may override any of them under `apiVersions:`.
 */
export const defaultApiVersions = {
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
  'Microsoft.ManagedIdentity/userAssignedIdentities': '2024-11-30',
  'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials': '2024-11-30',
  'Microsoft.Authorization/roleAssignments': '2022-04-01',
  'Microsoft.Authorization/locks': '2020-05-01',
  // No GA version of diagnosticSettings exists in the official schemas; 2021-05-01-preview is what AVM uses.
  'Microsoft.Insights/diagnosticSettings': '2021-05-01-preview',
  'Microsoft.Resources/deployments': '2025-04-01',
} as const;

export type ResourceType = keyof typeof defaultApiVersions;

export const resourceTypes = Object.keys(defaultApiVersions) as ResourceType[];

/** The types the config's `apiVersions:` map may override. */
export function isResourceType(value: string): value is ResourceType {
  return Object.prototype.hasOwnProperty.call(defaultApiVersions, value);
}

/** Schema URLs of the template files armgen writes. */
export const TEMPLATE_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
export const SUBSCRIPTION_TEMPLATE_SCHEMA = 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#';
export const PARAMETERS_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';
export const CONTENT_VERSION = '1.0.0.0';
