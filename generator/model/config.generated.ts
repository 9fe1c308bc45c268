/* Generated from schemas/armgen.schema.json by `npm run gen:types`. Do not edit. */

/**
 * Any JSON value.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "jsonValue".
 */
export type JsonValue = string | number | boolean | {} | unknown[] | null;
/**
 * Any JSON value.
 */
export type JsonValue1 = string | number | boolean | {} | unknown[] | null;
/**
 * The config name of a user-assigned identity (not necessarily its Azure name).
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "identityName".
 */
export type IdentityName = string;
/**
 * An ARM parameter name: a letter, then letters, digits or underscores.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "parameterName".
 */
export type ParameterName = string;
/**
 * Resource tags (at most 50; names 1-512 characters without < > % & \ ? /, values up to 256), or `{ param: NAME }` of type object (its values are checked the same way).
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "tags".
 */
export type Tags =
  | {
      [k: string]: string | undefined;
    }
  | ParamRef;
/**
 * A literal string, or `{ param: NAME }`.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "stringOrParam".
 */
export type StringOrParam = string | ParamRef;
/**
 * Grant a role to one of the account's identities (`identity`) or to any principal (`principalId`: a user, group or service principal) on a scope.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "roleAssignment".
 */
export type RoleAssignment = RoleAssignment1 & {
  /**
   * `system` for the system-assigned identity, or the name of an attached user-assigned identity.
   */
  identity?: string;
  /**
   * Object ID of the principal (an Entra user, group or service principal), a GUID or `{ param: NAME }`; instead of `identity`.
   */
  principalId?: string | ParamRef;
  /**
   * Type of `principalId` (the API enum). Recommended: ARM then skips an Entra lookup that can race replication of a new principal. Identities are always ServicePrincipal.
   */
  principalType?: 'User' | 'Group' | 'ServicePrincipal' | 'ForeignGroup' | 'Device';
  /**
   * A built-in role name (case-insensitive, common aliases accepted), a role definition GUID, or a full role definition ID.
   */
  role: string;
  scope: Scope;
  /**
   * A fixed name (GUID) for the assignment, e.g. to adopt an existing one. Default: `guid(scope, principalId, roleDefinitionId)`.
   */
  name?: string;
  description?: string;
  /**
   * An ABAC condition that limits the assignment (e.g. to one blob container); see learn.microsoft.com/azure/role-based-access-control/conditions-overview.
   */
  condition?: string;
  /**
   * Version of the condition language; only with `condition`. Default 2.0.
   */
  conditionVersion?: '2.0';
  /**
   * A literal string, or `{ param: NAME }`.
   */
  delegatedManagedIdentityResourceId?: string | ParamRef;
};
export type RoleAssignment1 = {
  [k: string]: unknown | undefined;
};
/**
 * Where the role applies, chosen by `kind`.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "scope".
 */
export type Scope = ScopeResourceGroup | ScopeSubscription | ScopeResource | ScopeAutomationAccount | ScopeIdentity;
/**
 * Runbook name: 1-63 characters, letters, digits, underscores and hyphens, starting with a letter.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "runbookName".
 */
export type RunbookName = string;
/**
 * Link a Log Analytics workspace to the account (the workspace's linked service `Automation`): an existing workspace by `workspaceId`, or one this template creates (`createWorkspace`). An account has at most one linked workspace. The link served the solution-based features (Update Management, Change Tracking v1), now retired; job logs and streams reach a workspace through `diagnosticSettings`.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "logAnalytics".
 */
export type LogAnalytics = LogAnalytics1 & {
  /**
   * A literal string, or `{ param: NAME }`.
   */
  workspaceId?: string | ParamRef;
  createWorkspace?: CreatedWorkspace;
};
export type LogAnalytics1 = {
  [k: string]: unknown | undefined;
};
/**
 * A literal boolean, or `{ param: NAME }`.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "booleanOrParam".
 */
export type BooleanOrParam = boolean | ParamRef;

/**
 * One armgen config: an Azure Automation account, its managed identities, their role assignments, runbooks, modules, runtime environments, schedules, variables, credentials, lock, diagnostic settings and the template parameters that vary per environment.
 */
export interface ArmgenConfig {
  /**
   * Path or URL of this schema, for editor completion. Ignored by armgen.
   */
  $schema?: string;
  /**
   * Free text about this config, shown at the top of the generated README.md. It changes nothing in the templates.
   */
  description?: string;
  /**
   * Override the API version armgen emits for a resource type. Keys are resource types, values date-shaped API versions.
   */
  apiVersions?: {
    [k: string]: string | undefined;
  };
  /**
   * Template parameters. A value anywhere in the config becomes a parameter reference with `{ param: NAME }`; everything else is fixed in the template. A `location` parameter (default: the resource group's location) is always added.
   */
  parameters?: {
    [k: string]: Parameter | undefined;
  };
  /**
   * User-assigned managed identities, created by the template or referenced as existing. Attach them to the account with `automationAccount.identity.userAssigned`.
   */
  identities?: UserAssignedIdentity[];
  automationAccount: AutomationAccount;
  /**
   * Azure RBAC roles granted to the account's identities.
   */
  roleAssignments?: RoleAssignment[];
  /**
   * Per-environment parameter values. Each environment gets its own parameter files (`azuredeploy.parameters.<env>.json`, `main.<env>.bicepparam`); the template is shared.
   */
  environments?: {
    [k: string]: Environment | undefined;
  };
  artifacts?: Artifacts;
  /**
   * Runbooks of the account (`Microsoft.Automation/automationAccounts/runbooks`). Content comes from a URI, a local script file copied next to the template, or a starter script armgen generates.
   */
  runbooks?: Runbook[];
  /**
   * PowerShell 5.1 modules (`automationAccounts/modules`). Not visible to PowerShell 7.x runbooks: use `powerShell72Modules` or a runtime environment for those.
   */
  modules?: Module[];
  /**
   * PowerShell 7.2 modules (`automationAccounts/powerShell72Modules`, API 2023-11-01; superseded by runtime environments).
   */
  powerShell72Modules?: Module[];
  /**
   * Python 3 packages (`automationAccounts/python3Packages`).
   */
  python3Packages?: PythonPackage[];
  /**
   * Runtime environments (API 2024-10-23): a language, its version and its packages. Runbooks pick one with `runtimeEnvironment`.
   */
  runtimeEnvironments?: RuntimeEnvironment[];
  /**
   * Schedules (`automationAccounts/schedules`).
   */
  schedules?: Schedule[];
  /**
   * Links between runbooks and schedules (`automationAccounts/jobSchedules`). Names are deterministic GUIDs from (account, runbook, schedule).
   */
  jobSchedules?: JobSchedule[];
  /**
   * Automation variables. armgen JSON-encodes the value itself (strings get quotes).
   */
  variables?: Variable[];
  /**
   * Automation credentials: a user name and a password that comes from a securestring parameter.
   */
  credentials?: Credential[];
  /**
   * Webhooks that start a runbook from an HTTP POST (`automationAccounts/webhooks`). A webhook URI is a secret that Azure shows only when it creates the webhook: armgen never writes one in clear. Webhooks need local authentication on the account (`disableLocalAuth: false`).
   */
  webhooks?: Webhook[];
  /**
   * Hybrid runbook worker groups (`automationAccounts/hybridRunbookWorkerGroups`) and their workers: Azure VMs or Arc-enabled servers that run runbooks in your network. Worker names are GUIDs derived from the group and the machine ID, stable across redeployments.
   */
  hybridWorkerGroups?: HybridWorkerGroup[];
  /**
   * Source control (`automationAccounts/sourceControls`): runbooks synced one way from a GitHub or Azure DevOps repository. The access token comes from a securestring parameter (Key Vault in parameter files), never in clear.
   */
  sourceControls?: SourceControl[];
  lock?: Lock;
  /**
   * Diagnostic settings on the account (`Microsoft.Insights/diagnosticSettings`, an extension resource).
   */
  diagnosticSettings?: DiagnosticSetting[];
  /**
   * Private endpoints for the account (`Microsoft.Network/privateEndpoints`), one per sub-resource and subnet, each with a DNS zone group when `privateDnsZoneId` is given. With any endpoint, `automationAccount.publicNetworkAccess` defaults to false. See learn.microsoft.com/azure/automation/how-to/private-link-security.
   */
  privateEndpoints?: PrivateEndpoint[];
  logAnalytics?: LogAnalytics;
}
/**
 * One template parameter.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "parameter".
 */
export interface Parameter {
  /**
   * The ARM parameter type.
   */
  type: 'string' | 'securestring' | 'int' | 'bool' | 'object' | 'secureObject' | 'array';
  /**
   * Shown by the portal and as `@description` in Bicep; becomes `metadata.description`.
   */
  description?: string;
  /**
   * Default value in the template, or `{ expr: ... }` for a value computed at deployment (see deployTimeExpression). Not allowed for secure types (ARM would keep the secret in the template), except `{ expr: newGuid() }`. A literal string that looks like an ARM expression (`[utcNow()]`) stays a literal and is warned.
   */
  defaultValue?: DeployTimeExpression | JsonValue;
  value?: JsonValue1;
  keyVaultReference?: KeyVaultReference;
  /**
   * The only values ARM accepts for this parameter.
   *
   * @minItems 1
   */
  allowedValues?: JsonValue[];
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
}
/**
 * A value computed at deployment: ARM expression syntax without the brackets, e.g. `{ expr: "dateTimeAdd(utcNow('u'), 'P1D')" }`. Allowed only as a parameter's defaultValue, with utcNow, newGuid, dateTimeAdd/FromEpoch/ToEpoch, resourceGroup(), subscription(), tenant(), deployment(), environment(), string, conversion and `parameters('name')` functions (ARM: utcNow and newGuid work only in parameter defaults; reference and list* not in parameters). A secure parameter's default may only be `newGuid()`.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "deployTimeExpression".
 */
export interface DeployTimeExpression {
  expr: string;
}
/**
 * Take a securestring parameter's value from a Key Vault secret at deployment time (a secret is a string: a secureObject cannot take one). Written into the parameter file as `reference.keyVault.id` + `secretName`; the vault needs `enabledForTemplateDeployment`.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "keyVaultReference".
 */
export interface KeyVaultReference {
  /**
   * Full resource ID of the vault: /subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name> (keywords in any letter case, as Azure reads them).
   */
  vaultId: string;
  secretName: string;
  secretVersion?: string;
}
/**
 * A user-assigned managed identity. Existing: by `resourceName` (+ optional `resourceGroup`, `subscriptionId`) or by `resourceId`. Created: `create: true`, with optional `location`, `isolationScope`, `tags`, `lock` and `federatedCredentials`.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "userAssignedIdentity".
 */
export interface UserAssignedIdentity {
  name: IdentityName;
  /**
   * Azure name of the identity (3-128 characters: letters, digits, hyphens, underscores; starts with a letter or digit). Default: `name`.
   */
  resourceName?: string | ParamRef;
  /**
   * Resource group of an existing identity. Default: the deployment's.
   */
  resourceGroup?: string | ParamRef;
  /**
   * Subscription of an existing identity (same tenant). Needs `resourceGroup`.
   */
  subscriptionId?: string | ParamRef;
  /**
   * Full resource ID of an existing identity, instead of name/group/subscription.
   */
  resourceId?: string | ParamRef;
  /**
   * Create the identity in the deployment's resource group.
   */
  create?: boolean;
  /**
   * Azure region of a created identity. Default: the `location` template parameter (the resource group's location), or the account's region for an identity with `isolationScope: Regional`.
   */
  location?: string | ParamRef;
  /**
   * Where a created identity may be used (userAssignedIdentities 2024-11-30). `Regional`: only by resources in the identity's own region, so it must be in the Automation account's region; `None` (Azure's default): anywhere.
   */
  isolationScope?: 'None' | 'Regional';
  /**
   * Tags of a created identity.
   */
  tags?:
    | {
        [k: string]: string | undefined;
      }
    | ParamRef;
  lock?: IdentityLock;
  /**
   * Federated identity credentials on a created identity (at most 20). Written one after another: Azure rejects concurrent writes.
   *
   * @maxItems 20
   */
  federatedCredentials?: {
    name: string;
    issuer: string;
    subject: string;
    /**
     * @minItems 1
     */
    audiences?: string[];
  }[];
}
/**
 * Use the value of a template parameter declared under `parameters:`.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "paramRef".
 */
export interface ParamRef {
  param: ParameterName;
}
/**
 * A management lock on a created identity (`Microsoft.Authorization/locks`), created after the identity, its federated credentials and the role assignments on it. Deployers need Owner or User Access Administrator (learn.microsoft.com/azure/azure-resource-manager/management/lock-resources).
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "identityLock".
 */
export interface IdentityLock {
  /**
   * CanNotDelete: the identity and its federated credentials cannot be deleted. ReadOnly: they cannot be changed either, which blocks every later deployment of this template and new role assignments on the identity; it needs readOnlyAcknowledged: true.
   */
  level: 'CanNotDelete' | 'ReadOnly';
  /**
   * Default: `lock-<identity name>`.
   */
  name?: string;
  notes?: string;
  /**
   * Set to true to confirm a ReadOnly lock: every later PUT on the identity fails (redeployments, federated credentials, role assignments on it).
   */
  readOnlyAcknowledged?: boolean;
}
/**
 * The Azure Automation account (`Microsoft.Automation/automationAccounts`).
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "automationAccount".
 */
export interface AutomationAccount {
  /**
   * Account name: 6-50 characters, letters, digits and hyphens, starting with a letter and ending with a letter or digit.
   */
  name: string | ParamRef;
  /**
   * Azure region. Default: the `location` template parameter, whose default is the resource group's location.
   */
  location?: string | ParamRef;
  /**
   * Pricing tier.
   */
  sku?: ('Basic' | 'Free') | ParamRef;
  tags?: Tags;
  /**
   * Allow traffic on the non-ARM endpoints (webhooks, agents) from the public internet. Not emitted unless set (Azure's default: allowed).
   */
  publicNetworkAccess?: boolean | ParamRef;
  /**
   * Block non-Entra (local) authentication. Secure default: true. Omitted for API versions older than 2021-06-22, which lack it.
   */
  disableLocalAuth?: boolean | ParamRef;
  /**
   * Managed identities of the account.
   */
  identity?: {
    /**
     * Turn the system-assigned identity on.
     */
    systemAssigned?: boolean;
    /**
     * Names (from `identities:`) of the user-assigned identities to attach.
     */
    userAssigned?: IdentityName[];
  };
  encryption?: Encryption;
}
/**
 * Encryption of the account's assets: Microsoft-managed keys, or a customer-managed key in Key Vault read by a user-assigned identity.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "encryption".
 */
export interface Encryption {
  /**
   * The API's enum, spelled `Microsoft.Keyvault` (lower-case v).
   */
  keySource: 'Microsoft.Automation' | 'Microsoft.Keyvault';
  /**
   * Vault URI, e.g. https://kv-ops.vault.azure.net/ (give this or keyVaultResourceId).
   */
  keyVaultUri?: string | ParamRef;
  /**
   * Resource ID of the vault. With it, armgen reads the vault's URI and, when keyVersion is not given, the key's current version at deployment (as Azure Verified Modules do), and checks that a role assignment lets the identity use the key.
   */
  keyVaultResourceId?: string | ParamRef;
  keyName?: StringOrParam;
  /**
   * A literal string, or `{ param: NAME }`.
   */
  keyVersion?: string | ParamRef;
  /**
   * The config name of a user-assigned identity (not necessarily its Azure name).
   */
  identity?: string;
}
/**
 * The deployment's resource group, or another one by `name` (+ `subscriptionId`).
 */
export interface ScopeResourceGroup {
  kind: 'resourceGroup';
  name?: StringOrParam;
  subscriptionId?: StringOrParam;
}
/**
 * The deployment's subscription, or another one by `subscriptionId`.
 */
export interface ScopeSubscription {
  kind: 'subscription';
  subscriptionId?: StringOrParam;
}
/**
 * One resource: by full `resourceId`, or by `type` + `name` (+ `resourceGroup`, `subscriptionId`).
 */
export interface ScopeResource {
  kind: 'resource';
  resourceId?: StringOrParam;
  type?: string;
  name?: StringOrParam;
  resourceGroup?: StringOrParam;
  subscriptionId?: StringOrParam;
}
/**
 * The Automation account itself.
 */
export interface ScopeAutomationAccount {
  kind: 'automationAccount';
}
/**
 * A user-assigned identity of this config, by its name under `identities` (e.g. Managed Identity Operator for a deployer).
 */
export interface ScopeIdentity {
  kind: 'identity';
  name: IdentityName;
}
/**
 * Values of declared parameters for one environment, and its artifacts location and SAS token (each falls back to the top-level `artifacts`).
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "environment".
 */
export interface Environment {
  /**
   * Parameter name -> value. Only declared parameters may be set: anything else would change the template, not its parameters.
   */
  parameters?: {
    [k: string]:
      | (
          | JsonValue
          | {
              keyVaultReference: KeyVaultReference;
            }
        )
      | undefined;
  };
  artifacts?: Artifacts;
}
/**
 * Where the deployment finds the files armgen stages next to the template (runbook files, in `folder`): the values of the template's `_artifactsLocation` and `_artifactsLocationSasToken` parameters for the parameter files. Needed for a local deployment (`--template-file`, and every Bicep deployment): the parameter's default, the URI the template was deployed from, exists only for `--template-uri` deployments.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "artifacts".
 */
export interface Artifacts {
  /**
   * Folder of `out/NAME/` that runbook files are staged in, and linked from (`uri(_artifactsLocation, '<folder>/<file>')`). Top level only (the template is the same for every environment); not `modules` (armgen's Bicep modules).
   */
  folder?: string;
  /**
   * Base URI of the uploaded output folder, ending with `/` (for example the blob container folder you upload out/NAME/ to): `<folder>/<file>` is resolved against it.
   */
  location?: string;
  /**
   * A SAS token for a private container, from Key Vault (never in clear in a committed file). The token must start with `?`.
   */
  sasToken?: {
    keyVaultReference: KeyVaultReference;
  };
}
/**
 * One runbook. Give exactly one of `uri`, `file` or `generate`. Give `type`, except for a runbook that names a `runtimeEnvironment` (the type follows its language) or a generated one (it then runs in armgen's default runtime environment: PowerShell 7.4 with Az 12.3.0, or Python 3.10).
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "runbook".
 */
export interface Runbook {
  name: RunbookName;
  /**
   * The runbook type (the API's `runbookType`). With a `runtimeEnvironment` it is `PowerShell` or `Python` (the environment picks the version). Without one, `PowerShell` runs PowerShell 5.1; `PowerShell72` (PowerShell 7.2), `Python3` (Python 3.8) and `Python2` are retired runtimes (warning AG501).
   */
  type?:
    | 'PowerShell'
    | 'PowerShell72'
    | 'Python'
    | 'Python3'
    | 'Python2'
    | 'GraphPowerShell'
    | 'GraphPowerShellWorkflow'
    | 'PowerShellWorkflow'
    | 'Graph'
    | 'Script';
  description?: string;
  logVerbose?: boolean;
  logProgress?: boolean;
  /**
   * Activity-level tracing (graphical runbooks).
   */
  logActivityTrace?: number;
  /**
   * Name of a runtime environment: one declared under `runtimeEnvironments:`, a system-generated one (`PowerShell-5.1`, `Python-3.10`...) or another that already exists in the account. API 2024-10-23.
   */
  runtimeEnvironment?: string;
  /**
   * Modules or packages the runbook needs, imported before it is published: names from `modules` (PowerShell 5.1, graphical and workflow runbooks), `powerShell72Modules` (PowerShell72), `python3Packages` (Python3) or the packages of the runbook's runtime environment.
   *
   * @minItems 1
   */
  dependsOn?: string[];
  tags?: Tags;
  /**
   * A literal string, or `{ param: NAME }`.
   */
  uri?: string | ParamRef;
  /**
   * Content version (`publishContentLink.version`), for `uri`, `file` or `generate` content.
   */
  version?: string;
  /**
   * A local file, relative to the config file: a .ps1 or .py script, or a .graphrunbook file exported from a graphical runbook (types Graph, GraphPowerShell, GraphPowerShellWorkflow). Copied byte for byte to `out/NAME/<artifacts.folder>/<file name>` (default folder `runbooks`) and linked with `_artifactsLocation` + `_artifactsLocationSasToken`.
   */
  file?: string;
  generate?: GeneratedRunbook;
}
/**
 * A starter runbook armgen renders: sign in with a managed identity, set the context, optionally read a Key Vault secret. Without `type` and `runtimeEnvironment` it runs in armgen's default runtime environment for its flow (`PowerShell-7_4`: PowerShell 7.4 with Az 12.3.0; `Python-3_10`: Python 3.10), created unless `runtimeEnvironments:` declares one of that name.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "generatedRunbook".
 */
export interface GeneratedRunbook {
  /**
   * `powershell`: Connect-AzAccount -Identity; `python`: a token from IDENTITY_ENDPOINT (standard library only).
   */
  flow: 'powershell' | 'python';
  /**
   * `system`, or the name of a user-assigned identity attached to the account.
   */
  identity: string;
  keyVaultSecret?: {
    vaultName: string;
    secretName: string;
  };
}
/**
 * A PowerShell module. `uri` is a feed base (`<uri>/<name>[/<version>]` is linked) or the module's own link (ending with `/<name>`, `/<name>/<version>` or a .nupkg/.zip file), used as given; default: the PowerShell Gallery.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "module".
 */
export interface Module {
  /**
   * Module name as in the gallery, e.g. Az.Accounts.
   */
  name: string;
  /**
   * Pin a version; default: the latest.
   */
  version?: string;
  /**
   * Feed base URI, or the link to this module (`.../<name>`, `.../<name>/<version>`, or a .nupkg/.zip file). A `version` must match a version in the link.
   */
  uri?: string;
  /**
   * Modules (of the same list) to import first. Az.Accounts always comes before the other Az.* modules.
   */
  dependsOn?: string[];
  tags?: Tags;
}
/**
 * A Python package. `uri` is the link to its .whl (or .tar.gz/.zip) file, used as given; or a folder URL when `name` is the file name (AVM style).
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "pythonPackage".
 */
export interface PythonPackage {
  name: string;
  /**
   * Content version (`contentLink.version`); must be the version in the file name.
   */
  version?: string;
  /**
   * Link to the package file (e.g. https://files.pythonhosted.org/packages/.../requests-2.32.3-py3-none-any.whl).
   */
  uri: string;
  dependsOn?: string[];
  tags?: Tags;
}
/**
 * A runtime environment: language, version, default packages (e.g. Az 12.3.0) and extra packages. Automation offers PowerShell 5.1 and 7.4 and Python 3.10; 7.1, 7.2, 2.7 and 3.8 are retired (warning AG501). Language and version cannot change once created.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "runtimeEnvironment".
 */
export interface RuntimeEnvironment {
  /**
   * Letters, digits, underscores and hyphens, starting with a letter (`^[a-zA-Z][a-zA-Z-_0-9]*$` in the official schema: no dots).
   */
  name: string;
  language: 'PowerShell' | 'Python';
  /**
   * The runtime version: PowerShell 5.1 or 7.4; Python 3.10.
   */
  version: string;
  description?: string;
  /**
   * Package name -> version, e.g. { Az: 12.3.0 }.
   */
  defaultPackages?: {
    [k: string]: string | undefined;
  };
  packages?: {
    /**
     * Module name as in the gallery (e.g. Az.Accounts), or the Python distribution name.
     */
    name: string;
    version?: string;
    /**
     * PowerShell: a feed base or the module's own link, as for `modules` (default: the PowerShell Gallery). Python (required): the link to the .whl file; Python 3.10 loads pure-Python or cp310 Linux x86-64 wheels.
     */
    uri?: string;
    /**
     * Packages of the same environment to import first. Az.Accounts always comes before the other Az.* packages.
     */
    dependsOn?: string[];
  }[];
  tags?: Tags;
}
/**
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "schedule".
 */
export interface Schedule {
  /**
   * Asset name: 1-128 characters, none of <>*%&:\?.+/ or control characters, and not ending with a space.
   */
  name: string;
  description?: string;
  frequency: 'OneTime' | 'Day' | 'Hour' | 'Week' | 'Month' | 'Minute';
  /**
   * Every N frequency units (not for OneTime).
   */
  interval?: number;
  /**
   * ISO 8601 start, at least 5 minutes after the deployment. Default: the `scheduleStartTime` parameter, whose default is 15 minutes after deployment.
   */
  startTime?: string | ParamRef;
  /**
   * ISO 8601 end of the schedule.
   */
  expiryTime?: string;
  /**
   * IANA time zone ID (Europe/Berlin, UTC) or Windows time zone ID (W. Europe Standard Time); default UTC.
   */
  timeZone?: string;
  advancedSchedule?: {
    /**
     * @minItems 1
     */
    weekDays?: ('Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday')[];
    /**
     * @minItems 1
     */
    monthDays?: number[];
    /**
     * @minItems 1
     */
    monthlyOccurrences?: {
      day: 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday';
      occurrence: 1 | 2 | 3 | 4 | 5 | -1;
    }[];
  };
}
/**
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "jobSchedule".
 */
export interface JobSchedule {
  /**
   * Name of a runbook under `runbooks:`.
   */
  runbook: string;
  /**
   * Name of a schedule under `schedules:`.
   */
  schedule: string;
  /**
   * Runbook parameters (values are strings).
   */
  parameters?: {
    [k: string]: string | undefined;
  };
  /**
   * Hybrid worker group; default: Azure.
   */
  runOn?: string;
}
/**
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "variable".
 */
export interface Variable {
  /**
   * Asset name: 1-128 characters, none of <>*%&:\?.+/ or control characters, and not ending with a space.
   */
  name: string;
  description?: string;
  /**
   * The value, encoded by armgen into the JSON text the API stores: a string (String), an integer (Integer), true/false (Boolean), `{ dateTime: ISO 8601 }` (DateTime), null (no value: Not defined), any other object or array (a complex value, read by PowerShell only); or `{ param: NAME }` (secure values: a securestring parameter).
   */
  value: VariableDateTime | JsonValue;
  /**
   * Encrypt the value in the account (Get-AutomationVariable still reads it). An encrypted value must come from a securestring or secureObject parameter, or set clearTextAcknowledged: true.
   */
  isEncrypted?: boolean;
  /**
   * Set to true to encrypt a value that is not secret: a literal (written in clear into the template and the config) or a plain parameter (logged with the deployment). Without it an encrypted variable takes a secure parameter.
   */
  clearTextAcknowledged?: boolean;
}
/**
 * A DateTime variable: an ISO 8601 date and time with its UTC offset (`Z` or `+01:00`), stored as Automation's `"\/Date(<ms since 1970-01-01 UTC>)\/"` form.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "variableDateTime".
 */
export interface VariableDateTime {
  dateTime: string;
}
/**
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "credential".
 */
export interface Credential {
  /**
   * Asset name: 1-128 characters, none of <>*%&:\?.+/ or control characters, and not ending with a space.
   */
  name: string;
  description?: string;
  userName: StringOrParam;
  password: ParamRef1;
}
/**
 * Use the value of a template parameter declared under `parameters:`.
 */
export interface ParamRef1 {
  param: ParameterName;
}
/**
 * A webhook: an HTTP POST to its URI starts the runbook. Without `uri` Azure generates the URI, shows it only in the response that creates the webhook and never again (armgen outputs no secret): create such a webhook first with New-AzAutomationWebhook or the portal and keep its URI. Or, once the account exists, generate a URI (POST .../webhooks/generateUri), keep it in Key Vault and pass it with `uri: { param: NAME }`. Needs `disableLocalAuth: false` on the account.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "webhook".
 */
export interface Webhook {
  /**
   * Webhook name: 1-128 characters, none of <>*%&:\?.+/ and not ending with a space.
   */
  name: string;
  /**
   * Name of a runbook under `runbooks:` (published by this template). A webhook cannot start a Python runbook.
   */
  runbook: string;
  /**
   * Whether the webhook accepts calls. A disabled or expired webhook answers 400.
   */
  enabled?: boolean;
  /**
   * When the webhook expires (ISO 8601 with an offset, e.g. 2027-06-30T00:00:00Z), or `{ param: NAME }`. Default: the `webhookExpiryTime` parameter, one year after each deployment (the portal's default); each redeployment moves it forward. An expired webhook cannot be enabled again, only recreated.
   */
  expiryTime?: string | ParamRef;
  /**
   * Runbook parameter values (strings). A caller cannot override them; the request body reaches the runbook as $WebhookData.
   */
  parameters?: {
    [k: string]: string | undefined;
  };
  /**
   * Hybrid worker group the runbook runs on (a group under `hybridWorkerGroups:` when that section is used); default: Azure.
   */
  runOn?: string;
  uri?: ParamRef2;
}
/**
 * Use the value of a template parameter declared under `parameters:`.
 */
export interface ParamRef2 {
  param: ParameterName;
}
/**
 * A user hybrid runbook worker group and the machines registered in it.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "hybridWorkerGroup".
 */
export interface HybridWorkerGroup {
  /**
   * Group name: 1-128 characters, none of <>*%&:\?.+/ and not ending with a space.
   */
  name: string;
  /**
   * Name of a credential under `credentials:` the workers run jobs as; default: the machine's local system account.
   */
  credential?: string;
  /**
   * Machines registered as workers of this group. A machine can be in one group only.
   */
  workers?: HybridWorker[];
}
/**
 * One worker: a machine registered in the group under a GUID name computed from the group and the machine ID.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "hybridWorker".
 */
export interface HybridWorker {
  /**
   * Resource ID of an Azure VM (Microsoft.Compute/virtualMachines) or Arc-enabled server (Microsoft.HybridCompute/machines), or `{ param: NAME }`.
   */
  vmResourceId: string | ParamRef;
  /**
   * Also install the HybridWorker extension on the VM (Azure VMs only), through a nested deployment into the VM's resource group. Without it, install the extension yourself: registering the machine does not install the agent. The VM needs its system-assigned identity enabled.
   */
  installExtension?: {
    /**
     * The VM's operating system: HybridWorkerForWindows or HybridWorkerForLinux.
     */
    os: 'Windows' | 'Linux';
  };
}
/**
 * A source control connection: runbooks in a repository folder are synced one way into the account. The sync runs as the account's managed identity (system-assigned unless `identity` names a user-assigned one), which needs Contributor on the account.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "sourceControl".
 */
export interface SourceControl {
  /**
   * Name: letters and digits only.
   */
  name: string;
  /**
   * GitHub, VsoGit (Azure DevOps Git) or VsoTfvc (Azure DevOps TFVC), spelt as the API does.
   */
  sourceType: 'GitHub' | 'VsoGit' | 'VsoTfvc';
  /**
   * Repository URL (at most 2000 characters): https://github.com/<owner>/<repo>.git, https://dev.azure.com/<org>/<project>/_git/<repo>; or `{ param: NAME }`.
   */
  repoUrl: string | ParamRef;
  /**
   * Branch to sync (at most 255 characters), or `{ param: NAME }` (one branch per environment). Required for GitHub and VsoGit; TFVC has no branches.
   */
  branch?: string | ParamRef;
  /**
   * Folder whose runbooks are synced, e.g. /Runbooks (subfolders are not).
   */
  folderPath: string;
  description: string;
  /**
   * Sync on every commit (GitHub: the token needs the repo hook scopes; Azure DevOps: Service connections).
   */
  autoSync?: boolean;
  /**
   * Publish synced runbooks (otherwise they stay drafts).
   */
  publishRunbook?: boolean;
  /**
   * The token the sync reads the repository with. Only secure parameters: a token in clear is refused.
   */
  securityToken: {
    tokenType?: 'PersonalAccessToken' | 'Oauth';
    accessToken: ParamRef3;
    refreshToken?: ParamRef4;
  };
  /**
   * `system` (default) or the name of an attached user-assigned identity the sync runs as; armgen then sets the AUTOMATION_SC_USER_ASSIGNED_IDENTITY_ID variable to its client ID.
   */
  identity?: string;
}
/**
 * Use the value of a template parameter declared under `parameters:`.
 */
export interface ParamRef3 {
  param: ParameterName;
}
/**
 * Use the value of a template parameter declared under `parameters:`.
 */
export interface ParamRef4 {
  param: ParameterName;
}
/**
 * A management lock on the account (`Microsoft.Authorization/locks`), created after everything under the account. Deployers need Owner or User Access Administrator (Contributor cannot create locks; learn.microsoft.com/azure/azure-resource-manager/management/lock-resources).
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "lock".
 */
export interface Lock {
  /**
   * CanNotDelete: nothing under the account can be deleted. ReadOnly: nothing under it can be changed either, which blocks every later deployment, role assignments on the account and runbook starts; it needs readOnlyAcknowledged: true.
   */
  level: 'CanNotDelete' | 'ReadOnly';
  /**
   * Default: `lock-<account name>`.
   */
  name?: string;
  notes?: string;
  /**
   * Set to true to confirm a ReadOnly lock: every later PUT under the account fails (redeployments, role assignments on it), and a ReadOnly lock on a resource group with an Automation account stops runbooks from starting (lock docs).
   */
  readOnlyAcknowledged?: boolean;
}
/**
 * Send logs and metrics to Log Analytics, a storage account and/or an event hub (at least one).
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "diagnosticSetting".
 */
export interface DiagnosticSetting {
  /**
   * Default: `<account name>-diagnosticSettings`.
   */
  name?: string;
  workspaceId?: StringOrParam;
  storageAccountId?: StringOrParam;
  eventHubAuthorizationRuleId?: StringOrParam;
  eventHubName?: StringOrParam;
  logAnalyticsDestinationType?: 'Dedicated' | 'AzureDiagnostics';
  /**
   * Log categories; default: all four.
   */
  logs?: ('AuditEvent' | 'DscNodeStatus' | 'JobLogs' | 'JobStreams')[];
  /**
   * Send AllMetrics.
   */
  metrics?: boolean;
}
/**
 * A private endpoint for one of the account's Private Link sub-resources. Azure requires the endpoint in the virtual network's region and subscription; the account may be elsewhere.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "privateEndpoint".
 */
export interface PrivateEndpoint {
  /**
   * The sub-resource (the endpoint's group ID): `Webhook` for webhook calls, `DSCAndHybridWorker` for State Configuration and hybrid runbook workers.
   */
  service: 'Webhook' | 'DSCAndHybridWorker';
  /**
   * A literal string, or `{ param: NAME }`.
   */
  subnetId: string | ParamRef;
  /**
   * Endpoint name: 2-64 characters, letters, digits, underscores, periods and hyphens, starting with a letter or digit and ending with a letter, digit or underscore. Default: `pep-<account>-webhook` or `pep-<account>-dsc`.
   */
  name?: string;
  /**
   * A literal string, or `{ param: NAME }`.
   */
  location?: string | ParamRef;
  /**
   * A literal string, or `{ param: NAME }`.
   */
  resourceGroup?: string | ParamRef;
  /**
   * A literal string, or `{ param: NAME }`.
   */
  privateDnsZoneId?: string | ParamRef;
  /**
   * Request the connection for manual approval by the account's owner instead of approving it automatically (automatic approval needs privateEndpointConnectionApproval/action on the account).
   */
  manualApproval?: boolean;
  /**
   * Message to the approver; only with `manualApproval: true`.
   */
  requestMessage?: string;
  /**
   * Resource tags (at most 50; names 1-512 characters without < > % & \ ? /, values up to 256), or `{ param: NAME }` of type object (its values are checked the same way).
   */
  tags?:
    | {
        [k: string]: string | undefined;
      }
    | ParamRef;
}
/**
 * A new workspace in the deployment's resource group (pricing tier PerGB2018), linked to the account.
 *
 * This interface was referenced by `ArmgenConfig`'s JSON-Schema
 * via the `definition` "createdWorkspace".
 */
export interface CreatedWorkspace {
  /**
   * A literal string, or `{ param: NAME }`.
   */
  name: string | ParamRef;
  /**
   * A literal string, or `{ param: NAME }`.
   */
  location?: string | ParamRef;
  /**
   * How many days the workspace keeps its analytics data (30-730).
   */
  retentionInDays?: number;
  /**
   * Resource tags (at most 50; names 1-512 characters without < > % & \ ? /, values up to 256), or `{ param: NAME }` of type object (its values are checked the same way).
   */
  tags?:
    | {
        [k: string]: string | undefined;
      }
    | ParamRef;
}
