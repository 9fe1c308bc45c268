import { parameterNameProblem } from '../azure/naming.js';
import { allowedFunctions, type ExprType } from '../azure/templateFunctions.js';
import type { Parameter } from '../model/config.generated.js';
import { call, fromJson, member, type Expr } from '../model/expr.js';
import type { ParameterFileModel, TemplateParameter } from '../model/resolved.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import type { ResolveContext } from './context.js';
import { convertExpression, isExprRef } from './expressions.js';
import { parameterFiles } from './parameterFiles.js';
import { checkDeclaration, checkUse, isSecure, JSON_TYPE } from './parameterValues.js';

export { JSON_TYPE } from './parameterValues.js';

export const LOCATION_PARAMETER = 'location';

/**
 * Declared parameters -> template parameters, checked against their uses; plus one parameter file per
 * environment (the default one first). The `location` parameter is added when used and not declared,
 * defaulting to the resource group's location (arm-ttk: "Location Should Not Be Hardcoded"). `generated` are the
 * names armgen may add itself (ARM compares parameter names case-insensitively, so no declared name may differ
 * from one of them by case only).
 */
export function resolveParameters(ctx: ResolveContext, generated: readonly string[] = []): { parameters: TemplateParameter[]; files: ParameterFileModel[] } {
  const declared = ctx.config.parameters ?? {};
  checkNames(ctx, Object.keys(declared), [LOCATION_PARAMETER, ...generated]);
  // Defaults first: `parameters('x')` in a default is a use of x.
  const defaults = new Map<string, Expr>();
  const references = new Map<string, readonly string[]>();
  for (const [name, p] of Object.entries(declared)) {
    if (!p || p.defaultValue === undefined) continue;
    const d = defaultValue(ctx, name, p, references);
    if (d) defaults.set(name, d);
  }
  checkCycles(ctx, references);
  const parameters: TemplateParameter[] = [];
  for (const [name, p] of Object.entries(declared)) {
    if (!p) continue;
    const pointer = `/parameters/${name}`;
    checkDeclaration(ctx, name, p, pointer);
    const uses = ctx.paramUses.get(name);
    if (!uses) ctx.warn(pointer, 'AG303', `parameter '${name}' is declared but never used; reference it with { param: ${name} } or remove it`);
    for (const use of uses ?? []) checkUse(ctx, name, p, use);
    const d = defaults.get(name);
    parameters.push({
      name,
      type: p.type,
      ...(p.description !== undefined ? { description: p.description } : {}),
      ...(d ? { defaultValue: d } : {}),
      ...(p.allowedValues !== undefined ? { allowedValues: fromJson(p.allowedValues) } : {}),
      ...(p.minLength !== undefined ? { minLength: p.minLength } : {}),
      ...(p.maxLength !== undefined ? { maxLength: p.maxLength } : {}),
      ...(p.minValue !== undefined ? { minValue: p.minValue } : {}),
      ...(p.maxValue !== undefined ? { maxValue: p.maxValue } : {}),
    });
  }
  for (const [name, uses] of ctx.paramUses) {
    if (Object.hasOwn(declared, name) || name === LOCATION_PARAMETER) continue;
    for (const use of uses) {
      ctx.error(use.pointer, 'AG301', `unknown parameter '${name}'.${suggestionHint(didYouMean(name, Object.keys(declared))) || ' Declare it under parameters:'}`);
    }
  }
  if (ctx.paramUses.has(LOCATION_PARAMETER) && !Object.hasOwn(declared, LOCATION_PARAMETER)) {
    parameters.push({
      name: LOCATION_PARAMETER,
      type: 'string',
      description: 'Location for all resources.',
      defaultValue: member(call('resourceGroup'), 'location'),
    });
  }
  return { parameters, files: parameterFiles(ctx) };
}

/**
 * Parameter names are the template's public interface in both formats: no Bicep keyword, type or decorator name,
 * no name New-AzResourceGroupDeployment takes itself, and no two names equal but for letter case (ARM resolves
 * `parameters('X')` case-insensitively, so `sqlPassword` and `SqlPassword` would be one parameter).
 */
function checkNames(ctx: ResolveContext, names: readonly string[], generated: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    const pointer = `/parameters/${name}`;
    const problem = parameterNameProblem(name);
    if (problem) ctx.error(pointer, 'AG303', problem);
    const key = name.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) {
      ctx.error(pointer, 'AG302', `parameter '${name}' differs from '${other}' only by letter case; ARM parameter names are case-insensitive, so they would be one parameter`);
    }
    const added = generated.find((g) => g !== name && g.toLowerCase() === key);
    if (added) ctx.error(pointer, 'AG302', `parameter '${name}' differs only by letter case from '${added}', a parameter armgen may add; ARM parameter names are case-insensitive. Rename it`);
    seen.set(key, other ?? name);
  }
}

/** A default: a literal, or `{ expr }` converted with the functions a (secure) parameter default may use. */
function defaultValue(ctx: ResolveContext, name: string, p: Parameter, references: Map<string, readonly string[]>): Expr | undefined {
  const pointer = `/parameters/${name}/defaultValue`;
  if (!isExprRef(p.defaultValue)) return fromJson(p.defaultValue);
  const text = p.defaultValue.expr;
  if (typeof text !== 'string') {
    ctx.error(`${pointer}/expr`, 'AG303', 'expr must be a string: the expression text, e.g. "utcNow(\'u\')"');
    return undefined;
  }
  const secure = isSecure(p);
  const declared = ctx.config.parameters ?? {};
  const converted = convertExpression(text, {
    functions: secure ? allowedFunctions.secureParameterDefault : allowedFunctions.parameterDefault,
    place: secure ? "a secure parameter's defaultValue (only newGuid(): any other value would be a secret kept in the template)" : "a parameter's defaultValue",
    ...(secure
      ? {}
      : {
          parameterType: (other: string): ExprType | undefined => {
            const q = Object.hasOwn(declared, other) ? declared[other] : undefined;
            return q ? JSON_TYPE[q.type] : undefined;
          },
        }),
  });
  if (!converted.ok) {
    ctx.error(`${pointer}/expr`, 'AG303', `${converted.error}`);
    return undefined;
  }
  for (const other of converted.parameters) {
    const q = declared[other]!;
    if (isSecure(q)) ctx.error(`${pointer}/expr`, 'AG303', `the default of '${name}' must not read secure parameter '${other}': a plain parameter's value is shown in the deployment's history`);
    ctx.useParam({ param: other }, { pointer: `${pointer}/expr`, type: 'any' });
  }
  references.set(name, converted.parameters);
  if (converted.type !== 'any' && converted.type !== JSON_TYPE[p.type]) {
    ctx.error(`${pointer}/expr`, 'AG303', `the expression gives a ${converted.type} but parameter '${name}' is of type '${p.type}'`);
  }
  return converted.expr;
}

/** Defaults that read each other in a circle cannot be evaluated (ARM: circular reference; Bicep BCP080). */
function checkCycles(ctx: ResolveContext, references: ReadonlyMap<string, readonly string[]>): void {
  const done = new Set<string>();
  const visit = (name: string, path: string[]): void => {
    if (path.includes(name)) {
      const cycle = path.slice(path.indexOf(name));
      ctx.error(`/parameters/${cycle[0]}/defaultValue/expr`, 'AG303', `parameter defaults read each other in a circle: ${[...cycle, name].join(' -> ')}`);
      return;
    }
    if (done.has(name)) return;
    for (const next of references.get(name) ?? []) visit(next, [...path, name]);
    done.add(name);
  };
  for (const name of references.keys()) visit(name, []);
}
