/**
 * Azure facts about starting runbooks from outside and syncing them in: webhooks, hybrid runbook workers (and the
 * VM extension that makes a machine one), and source control. Each fact cites the page it comes from.
 */

/** learn.microsoft.com page of each fact below (quoted in diagnostics and the README). */
export const AUTOMATION_DOCS = {
  webhooks: 'https://learn.microsoft.com/azure/automation/automation-webhooks',
  disableLocalAuth: 'https://learn.microsoft.com/azure/automation/disable-local-authentication',
  hybridWorkerInstall: 'https://learn.microsoft.com/azure/automation/extension-based-hybrid-runbook-worker-install',
  sourceControl: 'https://learn.microsoft.com/azure/automation/source-control-integration',
} as const;

/**
 * Webhooks. "The URL contains a security token that allows a third-party system to invoke the runbook with no further
 * authentication... you can only view the URL in the Azure portal when creating the webhook"; "The expiration date
 * ... defaults to one year from the current date" (portal); "Using a webhook to start a Python runbook is not
 * supported" (automation-webhooks). A GET returns `"uri": ""` (Get-AzAutomationWebhook: "The WebhookUri is returned
 * as empty string due to security concerns"), so a template cannot read it back (Azure/bicep-types-az#2076).
 * A PUT with another URI fails: "Property 'uri' cannot be updated" (Azure/azure-powershell#7688).
 */
export const WEBHOOK = {
  /** The portal's default lifetime, as an ISO 8601 duration for dateTimeAdd(). */
  defaultLifetime: 'P1Y',
  /** Runbook types a webhook cannot start (Python 2 and 3, and runtime-environment Python runbooks). */
  unsupportedRunbookType: /^Python/,
  /**
   * The REST action that generates a URI before the webhook exists (operationId Webhook_GenerateUri), the only way to
   * know a template-created webhook's URI (an ARM template cannot call it: only list* actions are template functions).
   */
  generateUri: 'POST https://management.azure.com/subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.Automation/automationAccounts/<account>/webhooks/generateUri?api-version=2024-10-23',
} as const;

/**
 * `disableLocalAuth: true` stops "Starting a runbook using a webhook" (and agent-based hybrid workers; the
 * extension-based ones armgen registers keep working): disable-local-authentication, "Compatibility".
 * API versions before 2021-06-22 have no `disableLocalAuth` (official schemas, Microsoft.Automation).
 */
export const DISABLE_LOCAL_AUTH_SINCE = '2021-06-22';

/**
 * The extension that makes an Azure VM a user hybrid runbook worker (extension-based-hybrid-runbook-worker-install,
 * ARM and Bicep tabs): publisher, type per OS, handler 1.1 with minor auto-upgrade ("Hybrid Worker extension supports
 * Automatic upgrade of minor versions by default. We recommend that you enable Automatic upgrades"), and the one
 * setting `AutomationAccountURL` = the account's `automationHybridServiceUrl`. Prerequisites on the machine: "The
 * system-assigned managed identity must be enabled"; "Hybrid Runbook Worker is currently not supported for Virtual
 * Machine Scale Sets"; "A selected machine won't be added to a hybrid worker group if it is already part of another
 * hybrid worker group"; outbound 443 to *.azure-automation.net.
 */
export const HYBRID_WORKER_EXTENSION = {
  name: 'HybridWorkerExtension',
  publisher: 'Microsoft.Azure.Automation.HybridWorker',
  typeByOs: { Windows: 'HybridWorkerForWindows', Linux: 'HybridWorkerForLinux' },
  typeHandlerVersion: '1.1',
  /** The account property the extension registers with (read-only; REST GET of the account). */
  serviceUrlProperty: 'automationHybridServiceUrl',
} as const;

/** The machine types a hybrid worker's `vmResourceId` may name: an Azure VM or an Arc-enabled server. */
export const HYBRID_WORKER_MACHINE_TYPES = ['Microsoft.Compute/virtualMachines', 'Microsoft.HybridCompute/machines'] as const;

/** A worker group's `credential` exists since 2022-02-22 (2021-06-22 had no group properties: official schemas). */
export const WORKER_GROUP_CREDENTIAL_SINCE = '2022-02-22';

/**
 * Source control (official schema 2024-10-23 `SourceControlCreateOrUpdateProperties`): `sourceType` "Must be one of
 * VsoGit, VsoTfvc, GitHub, case sensitive"; repoUrl at most 2000 characters, branch and folderPath 255, description
 * 512, tokens 1024. "Branch targeting isn't available for the TFVC source control type" (source-control-integration;
 * New-AzAutomationSourceControl: "TFVC projects do not have branches"). Sync runs as the account's managed identity:
 * "The Automation account requires either a system-assigned or user assigned managed identity"; "Assign the user
 * assigned or system-assigned managed identity to the Contributor role in the Automation account"; a user-assigned
 * one is named by the variable AUTOMATION_SC_USER_ASSIGNED_IDENTITY_ID (its client ID), "If this variable is not
 * created, by default, we use the system-assigned identity".
 */
export const SOURCE_CONTROL = {
  limits: { repoUrl: 2000, branch: 255, folderPath: 255, description: 512, token: 1024 },
  userAssignedIdentityVariable: 'AUTOMATION_SC_USER_ASSIGNED_IDENTITY_ID',
  /** Contributor and Owner (role definition GUIDs): the role the docs name, and the one that contains it. */
  syncRoles: ['b24988ac-6180-42a0-ab88-20f7382dd24c', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'],
} as const;
