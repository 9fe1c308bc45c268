/**
 * Azure naming rules for the names armgen checks before rendering, per resource type.
 * Source: learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
 * (and the per-type template reference pages cited inline).
 */
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
    pattern: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    rule: 'a GUID such as 00000000-0000-0000-0000-000000000000',
  },
  runbook: {
    what: 'runbook name',
    min: 1,
    max: 63,
    pattern: /^[A-Za-z][A-Za-z0-9_-]*$/,
    rule: '1-63 characters: letters, digits, underscores and hyphens; start with a letter',
  },
  /** Schedules, variables, credentials, certificates, connections, webhooks. */
  automationAsset: {
    what: 'Automation asset name',
    min: 1,
    max: 128,
    pattern: /^[^<>*%&:\\?.+/]*[^<>*%&:\\?.+/ ]$/,
    rule: '1-128 characters, none of <>*%&:\\?.+/ and not ending with a space',
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
  deployment: {
    what: 'deployment name',
    min: 1,
    max: 64,
    pattern: /^[-\w._()]+$/,
    rule: '1-64 characters: letters, digits, underscores, parentheses, hyphens and periods',
  },
} as const satisfies Record<string, NameRule>;

export type NameRuleKey = keyof typeof nameRules;

/** Naming rules of resource types a role may be scoped to, by type (compared case-insensitively). */
const RULES_BY_TYPE: Readonly<Record<string, NameRule>> = {
  'microsoft.keyvault/vaults': nameRules.keyVault,
  'microsoft.storage/storageaccounts': nameRules.storageAccount,
  'microsoft.automation/automationaccounts': nameRules.automationAccount,
  'microsoft.managedidentity/userassignedidentities': nameRules.userAssignedIdentity,
};

/** The naming rule armgen knows for a resource type, if any. */
export function nameRuleForType(type: string): NameRule | undefined {
  return RULES_BY_TYPE[type.toLowerCase()];
}

/** The reason a literal name breaks its rule, or undefined when it is fine. */
export function checkName(rule: NameRule, value: string): string | undefined {
  if (value.length < rule.min || value.length > rule.max || !rule.pattern.test(value)) {
    return `${JSON.stringify(value)} is not a valid ${rule.what}: Azure requires ${rule.rule}`;
  }
  return undefined;
}
