import { checkName } from '../azure/naming.js';
import type { Parameter } from '../model/config.generated.js';
import type { ParamUse, ResolveContext } from './context.js';
import { isExprRef } from './expressions.js';

/**
 * Checks of a declared parameter's literal values (default, parameter files, environments) against its type,
 * allowedValues and every use. A secure parameter's value is refused wherever it is written in clear and is never
 * checked or quoted further: diagnostics are printed, logged and uploaded as SARIF.
 */
export const SECURE_TYPES: ReadonlySet<Parameter['type']> = new Set(['securestring', 'secureObject']);

export function isSecure(p: Parameter): boolean {
  return SECURE_TYPES.has(p.type);
}

/** Which JSON type a declared parameter type holds, and which uses it can serve. */
export const JSON_TYPE: Record<Parameter['type'], Exclude<ParamUse['type'], 'any'>> = {
  string: 'string',
  securestring: 'string',
  int: 'int',
  bool: 'bool',
  object: 'object',
  secureObject: 'object',
  array: 'array',
};

export function fitsType(type: Parameter['type'], v: unknown): boolean {
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

export function isAllowed(p: Parameter, v: unknown): boolean {
  return !p.allowedValues || p.allowedValues.some((a) => JSON.stringify(a) === JSON.stringify(v));
}

/**
 * Why a literal value breaks the parameter's minValue/maxValue (int) or minLength/maxLength (string, array, counted
 * as .NET counts: UTF-16 code units, items): ARM refuses it when the deployment starts and Bicep when it builds the
 * parameter file (BCP033). Undefined when it fits.
 */
export function boundsProblem(p: Parameter, v: unknown): string | undefined {
  if (typeof v === 'number') {
    if (p.minValue !== undefined && v < p.minValue) return `is less than minValue ${p.minValue}`;
    if (p.maxValue !== undefined && v > p.maxValue) return `is greater than maxValue ${p.maxValue}`;
  }
  const length = typeof v === 'string' || Array.isArray(v) ? v.length : undefined;
  if (length !== undefined && p.minLength !== undefined && length < p.minLength) return `is shorter than minLength ${p.minLength} (length ${length})`;
  if (length !== undefined && p.maxLength !== undefined && length > p.maxLength) return `is longer than maxLength ${p.maxLength} (length ${length})`;
  return undefined;
}

/** A declaration's own rules: secure values stay out of the template and files; literal values fit the type. */
export function checkDeclaration(ctx: ResolveContext, name: string, p: Parameter, pointer: string): void {
  const secure = isSecure(p);
  if (secure && p.defaultValue !== undefined && !isExprRef(p.defaultValue)) {
    ctx.error(`${pointer}/defaultValue`, 'AG303', `secure parameter '${name}' must not have a defaultValue: the secret would be stored in the template in clear (a generated one may be { expr: newGuid() })`);
  }
  if (secure && p.value !== undefined) {
    ctx.error(`${pointer}/value`, 'AG303', `secure parameter '${name}' must not have a value in clear: parameter files are committed; use keyVaultReference or pass it at deployment time`);
  }
  if (secure && p.allowedValues !== undefined) {
    ctx.error(`${pointer}/allowedValues`, 'AG303', `secure parameter '${name}' must not have allowedValues: the list of possible secrets would be stored in the template in clear`);
  }
  if (p.keyVaultReference !== undefined && p.type !== 'securestring') ctx.error(`${pointer}/keyVaultReference`, 'AG303', keyVaultTypeProblem(name, p));
  if (p.value !== undefined && p.keyVaultReference !== undefined) {
    ctx.error(pointer, 'AG303', `parameter '${name}' has both value and keyVaultReference; give one`);
  }
  if (isExprRef(p.value)) {
    ctx.error(`${pointer}/value`, 'AG303', `parameter files hold values, not expressions: move { expr } to defaultValue, or give '${name}' a literal value`);
    return;
  }
  // A secure parameter's literal values are refused above, and never quoted.
  if (secure) return;
  for (const [key, v] of [['defaultValue', p.defaultValue], ['value', p.value]] as const) {
    if (v === undefined || isExprRef(v)) continue;
    if (!fitsType(p.type, v)) {
      ctx.error(`${pointer}/${key}`, 'AG303', `${key} ${JSON.stringify(v)} does not fit parameter type '${p.type}'`);
    } else if (!isAllowed(p, v)) {
      ctx.error(`${pointer}/${key}`, 'AG303', `${key} ${JSON.stringify(v)} is not one of allowedValues`);
    } else {
      const bounds = boundsProblem(p, v);
      if (bounds) ctx.error(`${pointer}/${key}`, 'AG303', `${key} ${JSON.stringify(v)} of parameter '${name}' ${bounds}`);
    }
  }
}

/** Every literal value the parameter can take, with where it is written; Key Vault references and expressions aside. */
export function literalCandidates(ctx: ResolveContext, name: string, p: Parameter): [string, unknown][] {
  const out: [string, unknown][] = [];
  if (p.defaultValue !== undefined && !isExprRef(p.defaultValue)) out.push([`/parameters/${name}/defaultValue`, p.defaultValue]);
  if (p.value !== undefined && !isExprRef(p.value)) out.push([`/parameters/${name}/value`, p.value]);
  for (const [env, e] of Object.entries(ctx.config.environments ?? {})) {
    const values = e?.parameters;
    if (!values || !Object.hasOwn(values, name)) continue;
    const v = values[name];
    if (!isKeyVaultOverride(v)) out.push([`/environments/${env}/parameters/${name}`, v]);
  }
  return out;
}

/**
 * One use of a declared parameter: its type must serve the location; a secure parameter must not land where
 * every Reader sees it; each literal value must pass the location's name rule and value check.
 */
export function checkUse(ctx: ResolveContext, name: string, p: Parameter, use: ParamUse): void {
  if (use.type !== 'any' && JSON_TYPE[p.type] !== use.type) {
    ctx.error(use.pointer, 'AG303', `parameter '${name}' is of type '${p.type}' but this value needs a ${use.type}`);
    return;
  }
  if (isSecure(p) && use.secrecy === 'refuse') {
    ctx.error(use.pointer, 'AG303', `secure parameter '${name}' must not be used here: the value is shown to anyone with Reader access; use a plain '${JSON_TYPE[p.type]}' parameter`);
  } else if (isSecure(p) && use.secrecy !== 'secret' && use.type !== 'any') {
    ctx.warn(use.pointer, 'AG303', `secure parameter '${name}' is used in a property Azure returns to anyone with Reader access, so it is not kept secret here; use a plain '${JSON_TYPE[p.type]}' parameter unless the value is not secret`);
  }
  // A secure parameter has no literal value that is not already refused, and its values are never quoted.
  if ((!use.rule && !use.check) || isSecure(p)) return;
  const at = use.pointer.replace(/\/param$/, '');
  for (const [pointer, value] of literalCandidates(ctx, name, p)) {
    const shown = JSON.stringify(value);
    const nameProblem = use.rule && typeof value === 'string' ? checkName(use.rule, value, shown) : undefined;
    if (nameProblem) ctx.error(pointer, 'AG300', `${nameProblem} (parameter '${name}' names a resource at ${at})`);
    const problem = use.check?.problem(value, shown);
    if (problem) ctx.error(pointer, use.check!.code, `${problem} (parameter '${name}' is used at ${at})`);
  }
}

/**
 * A Key Vault reference gives a secret, which is a string: only a securestring can take it. A secureObject cannot
 * (Bicep: getSecret "can only be used when directly assigning to a parameter" of type string, Azure/bicep#8733);
 * pass a secure object at deployment time instead.
 */
export function keyVaultTypeProblem(name: string, p: Parameter): string {
  return p.type === 'secureObject'
    ? `a Key Vault secret is a string, so secureObject parameter '${name}' cannot take a keyVaultReference (Bicep cannot either: Azure/bicep#8733); declare it securestring, or pass the object at deployment time`
    : `keyVaultReference is for secure parameters; declare '${name}' as securestring`;
}

export function isKeyVaultOverride(v: unknown): v is { keyVaultReference: import('../model/config.generated.js').KeyVaultReference } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.hasOwn(v, 'keyVaultReference');
}
