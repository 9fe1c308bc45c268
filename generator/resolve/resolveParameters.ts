import { checkName, nameRules } from '../azure/naming.js';
import { formatResourceId, parseResourceId } from '../azure/resourceId.js';
import { call, fromJson, member } from '../model/expr.js';
import type { KeyVaultReference, Parameter } from '../model/config.generated.js';
import type { KeyVaultReference as ResolvedKeyVaultReference, ParameterFileModel, ParameterValue, TemplateParameter } from '../model/resolved.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import type { ParamUse, ResolveContext } from './context.js';

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
const RESERVED = new Map(CMDLET_PARAMETERS.map((p) => [p.toLowerCase(), p]));

export const LOCATION_PARAMETER = 'location';

const SECURE = new Set(['securestring', 'secureObject']);

/** Which JSON types a declared parameter type accepts, and which uses it can serve. */
export const JSON_TYPE: Record<Parameter['type'], ParamUse['type']> = {
  string: 'string',
  securestring: 'string',
  int: 'int',
  bool: 'bool',
  object: 'object',
  secureObject: 'object',
  array: 'array',
};

/**
 * Declared parameters -> template parameters, checked against their uses; plus one parameter file per
 * environment (the default one first). The `location` parameter is added when used and not declared,
 * defaulting to the resource group's location (arm-ttk: "Location Should Not Be Hardcoded").
 */
export function resolveParameters(ctx: ResolveContext): { parameters: TemplateParameter[]; files: ParameterFileModel[] } {
  const declared = ctx.config.parameters ?? {};
  const parameters: TemplateParameter[] = [];
  for (const [name, p] of Object.entries(declared)) {
    if (!p) continue;
    const pointer = `/parameters/${name}`;
    const reserved = RESERVED.get(name.toLowerCase());
    if (reserved) {
      ctx.error(pointer, 'AG303', `parameter '${name}' collides with New-AzResourceGroupDeployment's own -${reserved} (PowerShell would rename it '${name}FromTemplate'); rename it, e.g. '${suggestRename(name)}'`);
    }
    checkDeclaration(ctx, name, p, pointer);
    const uses = ctx.paramUses.get(name);
    if (!uses) ctx.error(pointer, 'AG303', `parameter '${name}' is declared but never used; reference it with { param: ${name} } or remove it`);
    for (const use of uses ?? []) checkUse(ctx, name, p, use);
    parameters.push({
      name,
      type: p.type,
      ...(p.description !== undefined ? { description: p.description } : {}),
      ...(p.defaultValue !== undefined ? { defaultValue: fromJson(p.defaultValue) } : {}),
      ...(p.allowedValues !== undefined ? { allowedValues: fromJson(p.allowedValues) } : {}),
      ...(p.minLength !== undefined ? { minLength: p.minLength } : {}),
      ...(p.maxLength !== undefined ? { maxLength: p.maxLength } : {}),
      ...(p.minValue !== undefined ? { minValue: p.minValue } : {}),
      ...(p.maxValue !== undefined ? { maxValue: p.maxValue } : {}),
    });
  }
  for (const [name, uses] of ctx.paramUses) {
    if (name in declared || name === LOCATION_PARAMETER) continue;
    for (const use of uses) {
      ctx.error(use.pointer, 'AG301', `unknown parameter '${name}'.${suggestionHint(didYouMean(name, Object.keys(declared))) || ' Declare it under parameters:'}`);
    }
  }
  if (ctx.paramUses.has(LOCATION_PARAMETER) && !(LOCATION_PARAMETER in declared)) {
    parameters.push({
      name: LOCATION_PARAMETER,
      type: 'string',
      description: 'Location for all resources.',
      defaultValue: member(call('resourceGroup'), 'location'),
    });
  }
  return { parameters, files: parameterFiles(ctx) };
}

function suggestRename(name: string): string {
  return `deployment${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

function checkDeclaration(ctx: ResolveContext, name: string, p: Parameter, pointer: string): void {
  const secure = SECURE.has(p.type);
  if (secure && p.defaultValue !== undefined) {
    ctx.error(`${pointer}/defaultValue`, 'AG303', `secure parameter '${name}' must not have a defaultValue: the secret would be stored in the template in clear`);
  }
  if (secure && p.value !== undefined) {
    ctx.error(`${pointer}/value`, 'AG303', `secure parameter '${name}' must not have a value in clear: parameter files are committed; use keyVaultReference or pass it at deployment time`);
  }
  if (!secure && p.keyVaultReference !== undefined) {
    ctx.error(`${pointer}/keyVaultReference`, 'AG303', `keyVaultReference is for secure parameters; declare '${name}' as securestring or secureObject`);
  }
  if (p.value !== undefined && p.keyVaultReference !== undefined) {
    ctx.error(pointer, 'AG303', `parameter '${name}' has both value and keyVaultReference; give one`);
  }
  for (const [key, v] of [['defaultValue', p.defaultValue], ['value', p.value]] as const) {
    if (v !== undefined && !fitsType(p.type, v)) {
      ctx.error(`${pointer}/${key}`, 'AG303', `${key} ${JSON.stringify(v)} does not fit parameter type '${p.type}'`);
    } else if (v !== undefined && p.allowedValues && !p.allowedValues.some((a) => JSON.stringify(a) === JSON.stringify(v))) {
      ctx.error(`${pointer}/${key}`, 'AG303', `${key} ${JSON.stringify(v)} is not one of allowedValues`);
    }
  }
}

function checkUse(ctx: ResolveContext, name: string, p: Parameter, use: ParamUse): void {
  if (JSON_TYPE[p.type] !== use.type) {
    ctx.error(use.pointer, 'AG303', `parameter '${name}' is of type '${p.type}' but this value needs a ${use.type}`);
    return;
  }
  if (!use.rule) return;
  const candidates: [string, unknown][] = [
    [`/parameters/${name}/defaultValue`, p.defaultValue],
    [`/parameters/${name}/value`, p.value],
    ...Object.entries(ctx.config.environments ?? {}).map(
      ([env, e]) => [`/environments/${env}/parameters/${name}`, e?.parameters?.[name]] as [string, unknown],
    ),
  ];
  for (const [pointer, value] of candidates) {
    if (typeof value !== 'string') continue;
    const problem = checkName(use.rule, value);
    if (problem) ctx.error(pointer, 'AG300', `${problem} (parameter '${name}' names a resource at ${use.pointer.replace(/\/param$/, '')})`);
  }
}

function fitsType(type: Parameter['type'], v: unknown): boolean {
  switch (JSON_TYPE[type]) {
    case 'string':
      return typeof v === 'string';
    case 'int':
      return Number.isInteger(v);
    case 'bool':
      return typeof v === 'boolean';
    case 'array':
      return Array.isArray(v);
    default:
      return typeof v === 'object' && v !== null && !Array.isArray(v);
  }
}

function parameterFiles(ctx: ResolveContext): ParameterFileModel[] {
  const declared = ctx.config.parameters ?? {};
  const base = new Map<string, ParameterValue>();
  for (const [name, p] of Object.entries(declared)) {
    if (!p) continue;
    if (p.value !== undefined && !SECURE.has(p.type)) base.set(name, { name, value: fromJson(p.value) });
    if (p.keyVaultReference) base.set(name, { name, keyVaultReference: kvRef(ctx, p.keyVaultReference, `${'/parameters/'}${name}/keyVaultReference`) });
  }
  const files: ParameterFileModel[] = [{ values: [...base.values()] }];
  for (const [env, e] of Object.entries(ctx.config.environments ?? {})) {
    const values = new Map(base);
    for (const [name, v] of Object.entries(e?.parameters ?? {})) {
      const pointer = `/environments/${env}/parameters/${name}`;
      const p = declared[name];
      if (!p) {
        const hint = suggestionHint(didYouMean(name, Object.keys(declared)));
        ctx.error(pointer, 'AG307', `'${name}' is not a template parameter, so environment '${env}' cannot set it: that would change the template's shape, not a parameter value.${hint || ` Declare it under parameters: and use { param: ${name} } where it applies.`}`);
        continue;
      }
      if (isKeyVaultOverride(v)) {
        if (!SECURE.has(p.type)) ctx.error(pointer, 'AG303', `keyVaultReference is for secure parameters; '${name}' is '${p.type}'`);
        values.set(name, { name, keyVaultReference: kvRef(ctx, v.keyVaultReference, `${pointer}/keyVaultReference`) });
      } else if (SECURE.has(p.type)) {
        ctx.error(pointer, 'AG303', `secure parameter '${name}' must not get a value in clear in environment '${env}'; use { keyVaultReference: ... }`);
      } else if (!fitsType(p.type, v)) {
        ctx.error(pointer, 'AG303', `value ${JSON.stringify(v)} does not fit parameter type '${p.type}'`);
      } else if (p.allowedValues && !p.allowedValues.some((a) => JSON.stringify(a) === JSON.stringify(v))) {
        ctx.error(pointer, 'AG303', `value ${JSON.stringify(v)} is not one of allowedValues ${JSON.stringify(p.allowedValues)} of parameter '${name}'`);
      } else {
        values.set(name, { name, value: fromJson(v) });
      }
    }
    for (const [name, p] of Object.entries(declared)) {
      if (p && p.defaultValue === undefined && !SECURE.has(p.type) && !values.has(name)) {
        ctx.error(`/environments/${env}`, 'AG303', `environment '${env}' gives no value for parameter '${name}', which has no defaultValue`);
      }
    }
    files.push({ environment: env, values: [...values.values()] });
  }
  return files;
}

function isKeyVaultOverride(v: unknown): v is { keyVaultReference: KeyVaultReference } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'keyVaultReference' in v;
}

/** A Key Vault reference with the vault's ID checked and written in Azure's spelling. */
export function kvRef(ctx: ResolveContext, ref: KeyVaultReference, pointer: string): ResolvedKeyVaultReference {
  const id = parseResourceId(ref.vaultId);
  let vaultId = ref.vaultId;
  if (!id || id.type?.toLowerCase() !== 'microsoft.keyvault/vaults' || !id.subscriptionId || !id.resourceGroup) {
    ctx.error(`${pointer}/vaultId`, 'AG308', `${JSON.stringify(ref.vaultId)} is not a Key Vault resource ID: expected /subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>`);
  } else {
    const problem = checkName(nameRules.keyVault, id.names[0]!);
    if (problem) ctx.error(`${pointer}/vaultId`, 'AG300', problem);
    vaultId = formatResourceId({ ...id, type: 'Microsoft.KeyVault/vaults' });
  }
  return { vaultId, secretName: ref.secretName, ...(ref.secretVersion ? { secretVersion: ref.secretVersion } : {}) };
}
