/**
 * Azure naming rules for the names armgen checks before rendering, per resource type.
 * Source: learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
 * (and the per-type template reference pages cited inline).
 */
import { GUID } from './resourceId.js';
export interface NameRule {
  readonly what: string;
  readonly min: number;
  readonly max: number;
  readonly pattern: RegExp;
  /** The rule in words, quoted in error messages. */
  readonly rule: string;
}

export const nameRules = {
  automationAccount: {
    what: 'Automation account name',
    min: 6,
    max: 50,
    pattern: /^[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]$/,
    rule: '6-50 characters: letters, digits and hyphens; start with a letter, end with a letter or digit',
  },
  // learn.microsoft.com/azure/templates/microsoft.managedidentity/userassignedidentities
  userAssignedIdentity: {
    what: 'user-assigned identity name',
    min: 3,
    max: 128,
    pattern: /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
    rule: '3-128 characters: letters, digits, hyphens and underscores; start with a letter or digit',
  },
  resourceGroup: {
    what: 'resource group name',
    min: 1,
    max: 90,
    pattern: /^[-\w._()]*[-\w_()]$/u,
    rule: '1-90 characters: letters, digits, periods, underscores, hyphens and parentheses; not ending with a period',
  },
  subscriptionId: {
    what: 'subscription ID',
    min: 36,
    max: 36,
    pattern: GUID,
    rule: 'a GUID such as 00000000-0000-0000-0000-000000000000',
  },
  runbook: {
    what: 'runbook name',
    min: 1,
    max: 63,
    pattern: /^[A-Za-z][A-Za-z0-9_-]*$/,
    rule: '1-63 characters: letters, digits, underscores and hyphens; start with a letter',
  },
  /**
   * Schedules, variables, credentials, certificates, connections, webhooks: "Can't use: <>*%&:\\?.+/ or control
   * characters. Can't end with space." (learn.microsoft.com/azure/templates/microsoft.automation/automationaccounts/variables,
   * .../schedules, .../credentials). Control characters are Unicode's Cc: C0, DEL and C1.
   */
  automationAsset: {
    what: 'Automation asset name',
    min: 1,
    max: 128,
    pattern: /^[^<>*%&:\\?.+/\p{Cc}]*[^<>*%&:\\?.+/ \p{Cc}]$/u,
    rule: '1-128 characters, none of <>*%&:\\?.+/ or control characters, and not ending with a space',
  },
  // "A friendly name for the source control. This name must contain only letters and numbers." (source-control-integration)
  sourceControl: {
    what: 'source control name',
    min: 1,
    max: 128,
    pattern: /^[A-Za-z0-9]+$/,
    rule: '1-128 characters, letters and digits only',
  },
  // learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftkeyvault
  keyVault: {
    what: 'Key Vault name',
    min: 3,
    max: 24,
    pattern: /^[A-Za-z](?!.*--)[A-Za-z0-9-]*[A-Za-z0-9]$/,
    rule: '3-24 characters: letters, digits and hyphens; start with a letter, end with a letter or digit, no consecutive hyphens',
  },
  // learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftstorage
  storageAccount: {
    what: 'storage account name',
    min: 3,
    max: 24,
    pattern: /^[a-z0-9]+$/,
    rule: '3-24 characters: lowercase letters and digits only',
  },
  // resource-name-rules#microsoftnetwork
  privateEndpoint: {
    what: 'private endpoint name',
    min: 2,
    max: 64,
    pattern: /^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/,
    rule: '2-64 characters: letters, digits, underscores, periods and hyphens; start with a letter or digit, end with a letter, digit or underscore',
  },
  // resource-name-rules#microsoftoperationalinsights
  logAnalyticsWorkspace: {
    what: 'Log Analytics workspace name',
    min: 4,
    max: 63,
    pattern: /^[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]$/,
    rule: '4-63 characters: letters, digits and hyphens; start and end with a letter or digit',
  },
  deployment: {
    what: 'deployment name',
    min: 1,
    max: 64,
    pattern: /^[-\w._()]+$/,
    rule: '1-64 characters: letters, digits, underscores, parentheses, hyphens and periods',
  },
} as const satisfies Record<string, NameRule>;

/** Naming rules of resource types a role may be scoped to, by type (compared case-insensitively). */
const RULES_BY_TYPE: Readonly<Record<string, NameRule>> = {
  'microsoft.keyvault/vaults': nameRules.keyVault,
  'microsoft.storage/storageaccounts': nameRules.storageAccount,
  'microsoft.automation/automationaccounts': nameRules.automationAccount,
  'microsoft.managedidentity/userassignedidentities': nameRules.userAssignedIdentity,
  'microsoft.operationalinsights/workspaces': nameRules.logAnalyticsWorkspace,
};

/** The naming rule armgen knows for a resource type, if any. */
export function nameRuleForType(type: string): NameRule | undefined {
  return RULES_BY_TYPE[type.toLowerCase()];
}

/** The reason a literal name breaks its rule, or undefined when it is fine; `shown` replaces the quoted value (secure parameters). */
export function checkName(rule: NameRule, value: string, shown = JSON.stringify(value)): string | undefined {
  if (value.length < rule.min || value.length > rule.max || !rule.pattern.test(value)) {
    return `${shown} is not a valid ${rule.what}: Azure requires ${rule.rule}`;
  }
  return undefined;
}

/**
 * Names a template parameter must not take, because the name is the template's public interface in both formats:
 * - Bicep keywords (`param`, `resource`, `if`...; `true`/`false`/`null` are not identifiers at all);
 * - Bicep type names: `param string string` breaks every `string` type in the file (BCP287);
 * - Bicep decorator names: a parameter `description` shadows `@description(...)` (BCP062/BCP265);
 * - the namespaces `az` and `sys` (BCP084: "Reserved namespaces are az, sys").
 * Source: Azure/bicep src/Bicep.Core/LanguageConstants.cs and Semantics/Namespaces/SystemNamespaceType.cs @9beb0fe,
 * each checked with `bicep build` 0.49.2.
 */
const BICEP_RESERVED: ReadonlyMap<string, string> = new Map([
  ...['metadata', 'param', 'var', 'resource', 'module', 'output', 'targetScope', 'import', 'using', 'extends', 'type', 'func', 'existing',
    'if', 'for', 'in', 'from', 'as', 'with', 'assert', 'test', 'extension', 'extensionConfig', 'provider', 'true', 'false', 'null', 'none', 'void']
    .map((k) => [k, 'a Bicep keyword'] as const),
  ...['string', 'int', 'bool', 'object', 'array', 'any', 'resourceInput', 'resourceOutput'].map((k) => [k, 'a Bicep type name'] as const),
  ...['description', 'secure', 'allowed', 'minLength', 'maxLength', 'minValue', 'maxValue', 'metadata', 'sealed', 'export', 'discriminator',
    'batchSize', 'waitUntil', 'retryOn', 'onlyIfNotExists', 'validate', 'patch', 'nullIfNotFound']
    .map((k) => [k, 'the name of a Bicep decorator'] as const),
  ['az', 'a reserved Bicep namespace'],
  ['sys', 'a reserved Bicep namespace'],
]);

/**
 * Parameters of New-AzResourceGroupDeployment (and PowerShell's common parameters). A template parameter
 * with one of these names is renamed `<name>FromTemplate` by the cmdlet, which breaks scripts and
 * parameter files written against the template (learn.microsoft.com/powershell/module/az.resources/new-azresourcegroupdeployment).
 */
const CMDLET_PARAMETERS = [
  'Name', 'ResourceGroupName', 'Mode', 'DeploymentDebugLogLevel', 'RollbackToLastDeployment', 'RollBackDeploymentName',
  'Tag', 'WhatIfResultFormat', 'WhatIfExcludeChangeType', 'ProceedIfNoChange', 'AsJob', 'Force', 'QueryString',
  'TemplateFile', 'TemplateUri', 'TemplateSpecId', 'TemplateObject', 'TemplateParameterFile', 'TemplateParameterUri',
  'TemplateParameterObject', 'SkipTemplateParameterPrompt', 'ValidationLevel', 'Pre', 'DefaultProfile', 'WhatIf', 'Confirm',
  'Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction', 'ProgressAction', 'ErrorVariable',
  'WarningVariable', 'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable',
];
const CMDLET_RESERVED = new Map(CMDLET_PARAMETERS.map((p) => [p.toLowerCase(), p]));

/** What a name is to Bicep (a keyword, a type name, a decorator, a namespace), or undefined for a free name. */
export function bicepReservedKind(name: string): string | undefined {
  return BICEP_RESERVED.get(name);
}

/** Why a template parameter may not be called `name`, or undefined. Bicep names compare exactly (Bicep is case-sensitive). */
export function parameterNameProblem(name: string): string | undefined {
  const bicep = BICEP_RESERVED.get(name);
  if (bicep) return `parameter name '${name}' is ${bicep}, which main.bicep cannot declare as a parameter without breaking the file; rename it, e.g. '${name}Value'`;
  const cmdlet = CMDLET_RESERVED.get(name.toLowerCase());
  if (cmdlet) {
    return `parameter '${name}' collides with New-AzResourceGroupDeployment's own -${cmdlet} (PowerShell would rename it '${name}FromTemplate'); rename it, e.g. 'deployment${name.charAt(0).toUpperCase()}${name.slice(1)}'`;
  }
  return undefined;
}

/**
 * Tag limits: "Each resource, resource group, and subscription can have a maximum of 50 tag name-value pairs";
 * "The tag name has a limit of 512 characters and the tag value has a limit of 256 characters"; "Tag names can't
 * contain these characters: <, >, %, &, \, ?, /" (learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations).
 */
const TAG_LIMITS = { maxTags: 50, maxNameLength: 512, maxValueLength: 256, forbiddenInName: /[<>%&\\?/]/ } as const;

/** Why a tags object breaks Azure's tag limits (the first problem), or undefined. Values are never quoted: they may be secret. */
export function tagsProblem(tags: unknown): string | undefined {
  if (typeof tags !== 'object' || tags === null || Array.isArray(tags)) return 'tags must be an object of tag names to string values';
  const entries = Object.entries(tags);
  if (entries.length > TAG_LIMITS.maxTags) return `${entries.length} tags: Azure allows at most ${TAG_LIMITS.maxTags} per resource`;
  // "Tag names are case-insensitive for operations" (same page): Azure keeps one of two names equal but for case.
  const seen = new Map<string, string>();
  for (const [key, value] of entries) {
    const other = seen.get(key.toLowerCase());
    if (other !== undefined) return `tag names ${JSON.stringify(other)} and ${JSON.stringify(key)} differ only by letter case: Azure tag names are case-insensitive, so one value would be lost`;
    seen.set(key.toLowerCase(), key);
    if (key.length === 0) return `an empty tag name: Azure requires 1-${TAG_LIMITS.maxNameLength} characters`;
    if (key.length > TAG_LIMITS.maxNameLength) return `tag name '${key.slice(0, 40)}...' has ${key.length} characters: Azure allows at most ${TAG_LIMITS.maxNameLength}`;
    if (TAG_LIMITS.forbiddenInName.test(key)) return `tag name ${JSON.stringify(key)} contains one of < > % & \\ ? /, which Azure refuses in tag names`;
    // ARM reads tag values as strings: a number or boolean passes as its text, an object or array fails the deployment
    // ("Error reading string. Unexpected token: StartObject": Azure/data-management-zone#130, microsoft/finops-toolkit#331).
    if (typeof value === 'object' && value !== null) return `tag ${JSON.stringify(key)} has ${Array.isArray(value) ? 'an array' : 'an object'} as its value: tag values are strings`;
    if (typeof value === 'string' && value.length > TAG_LIMITS.maxValueLength) return `tag ${JSON.stringify(key)} has a value of ${value.length} characters: Azure allows at most ${TAG_LIMITS.maxValueLength}`;
  }
  return undefined;
}
