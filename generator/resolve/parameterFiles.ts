import { checkName, nameRules } from '../azure/naming.js';
import { formatResourceId, parseResourceId } from '../azure/resourceId.js';
import type { KeyVaultReference, Parameter } from '../model/config.generated.js';
import { environmentVariableName } from '../model/environmentVariable.js';
import { fromJson } from '../model/expr.js';
import type { KeyVaultReference as ResolvedKeyVaultReference, ParameterFileModel, ParameterValue } from '../model/resolved.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import type { ResolveContext } from './context.js';
import { isExprRef } from './expressions.js';
import { boundsProblem, fitsType, isAllowed, isKeyVaultOverride, isSecure, keyVaultTypeProblem } from './parameterValues.js';

/**
 * One parameter file per environment (the default one first): the declared values, then each environment's
 * overrides. Environments set values only; a name that is not a declared parameter would change the template.
 */
export function parameterFiles(ctx: ResolveContext): ParameterFileModel[] {
  const declared = ctx.config.parameters ?? {};
  const base = new Map<string, ParameterValue>();
  for (const [name, p] of Object.entries(declared)) {
    if (!p) continue;
    if (p.value !== undefined && !isSecure(p) && !isExprRef(p.value)) base.set(name, { name, value: fromJson(p.value) });
    if (p.keyVaultReference) base.set(name, { name, keyVaultReference: kvRef(ctx, p.keyVaultReference, `/parameters/${name}/keyVaultReference`) });
  }
  const files: ParameterFileModel[] = [{ values: [...base.values()] }];
  for (const [env, e] of Object.entries(ctx.config.environments ?? {})) {
    const values = new Map(base);
    // A value given but refused is reported where it is, not again as missing.
    const refused = new Set<string>();
    for (const [name, v] of Object.entries(e?.parameters ?? {})) {
      const p = Object.hasOwn(declared, name) ? declared[name] : undefined;
      const pointer = `/environments/${env}/parameters/${name}`;
      if (!p) {
        const hint = suggestionHint(didYouMean(name, Object.keys(declared)));
        ctx.error(pointer, 'AG307', `'${name}' is not a template parameter, so environment '${env}' cannot set it: that would change the template's shape, not a parameter value.${hint || ` Declare it under parameters: and use { param: ${name} } where it applies.`}`);
        continue;
      }
      const value = environmentValue(ctx, { env, name, p, v, pointer });
      if (value) values.set(name, value);
      else refused.add(name);
    }
    for (const [name, p] of Object.entries(declared)) {
      if (p && p.defaultValue === undefined && !isSecure(p) && !values.has(name) && !refused.has(name)) {
        ctx.error(`/environments/${env}`, 'AG303', `environment '${env}' gives no value for parameter '${name}', which has no defaultValue`);
      }
    }
    files.push({ environment: env, values: [...values.values()] });
  }
  checkEnvironmentVariables(ctx, files);
  return files;
}

function environmentValue(
  ctx: ResolveContext,
  at: { env: string; name: string; p: Parameter; v: unknown; pointer: string },
): ParameterValue | undefined {
  const { env, name, p, v, pointer } = at;
  if (isKeyVaultOverride(v)) {
    if (p.type !== 'securestring') ctx.error(pointer, 'AG303', keyVaultTypeProblem(name, p));
    return { name, keyVaultReference: kvRef(ctx, v.keyVaultReference, `${pointer}/keyVaultReference`) };
  }
  if (isSecure(p)) {
    ctx.error(pointer, 'AG303', `secure parameter '${name}' must not get a value in clear in environment '${env}'; use { keyVaultReference: ... }`);
  } else if (isExprRef(v)) {
    ctx.error(pointer, 'AG303', `parameter files hold values, not expressions: environment '${env}' must give '${name}' a literal value (an expression belongs in its defaultValue)`);
  } else if (!fitsType(p.type, v)) {
    ctx.error(pointer, 'AG303', `value ${JSON.stringify(v)} does not fit parameter type '${p.type}'`);
  } else if (!isAllowed(p, v)) {
    ctx.error(pointer, 'AG303', `value ${JSON.stringify(v)} is not one of allowedValues ${JSON.stringify(p.allowedValues)} of parameter '${name}'`);
  } else {
    const bounds = boundsProblem(p, v);
    if (!bounds) return { name, value: fromJson(v) };
    ctx.error(pointer, 'AG303', `value ${JSON.stringify(v)} of parameter '${name}' ${bounds}`);
  }
  return undefined;
}

/**
 * A .bicepparam reads each parameter that has neither a default nor a value from an environment variable named
 * after it; `sqlPassword`, `sql_password` and `Sql_Password` would all read SQL_PASSWORD, one secret for three
 * parameters, so two parameters that would read one variable in the same file are refused.
 */
function checkEnvironmentVariables(ctx: ResolveContext, files: readonly ParameterFileModel[]): void {
  const declared = ctx.config.parameters ?? {};
  const reported = new Set<string>();
  for (const file of files) {
    const given = new Set(file.values.map((v) => v.name));
    const readers = new Map<string, string>();
    for (const [name, p] of Object.entries(declared)) {
      if (!p || p.defaultValue !== undefined || given.has(name)) continue;
      const variable = environmentVariableName(name);
      const other = readers.get(variable);
      if (other === undefined) {
        readers.set(variable, name);
      } else if (!reported.has(name)) {
        reported.add(name);
        const where = file.environment ? `main.${file.environment}.bicepparam` : 'main.bicepparam';
        ctx.error(`/parameters/${name}`, 'AG302', `parameters '${other}' and '${name}' would both read environment variable ${variable} in ${where} (neither has a default or a value there); rename one so each secret has its own variable`);
      }
    }
  }
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
