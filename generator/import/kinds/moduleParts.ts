import { formatResourceId } from '../../azure/resourceId.js';
import type { ExprNode } from '../../azure/armExpression.js';
import { canonical, canonicalJson, expressionOf, importValue, isCall, resourceIdParts } from '../armValues.js';
import { isPlainObject, type ConfigValue, type Fields, type ImportContext } from '../importContext.js';
import type { JsonPath } from '../jsonSource.js';

/** `format('<prefix>{0}', guid(...))`: the name armgen gives one of its nested deployments -> the guid's arguments. */
export function deploymentSeed(value: unknown, prefix: string): readonly ExprNode[] | undefined {
  const node = expressionOf(value);
  if (!isCall(node, 'format') || node.args.length !== 2 || node.args[0]?.k !== 'str' || node.args[0].v !== `${prefix}{0}`) return undefined;
  const seed = node.args[1];
  return isCall(seed, 'guid') ? seed.args : undefined;
}

/**
 * The parameter values armgen hands one of its nested deployments (`properties.parameters.<name>.value`), by
 * name. The inner template, its evaluation scope, mode and placement are armgen's module, rendered again from the
 * config and compared (verifyImport.ts); a parameter armgen does not pass is refused by name.
 */
export function moduleParameters(ctx: ImportContext, resource: Fields, names: readonly string[], what: string): Record<string, { value: unknown; path: JsonPath }> | undefined {
  const properties = resource.object('properties');
  if (!properties) {
    ctx.refuse(resource.at('properties'), `${what} needs properties`);
    return undefined;
  }
  properties.derived('expressionEvaluationOptions', 'mode', 'template');
  const parameters = properties.object('parameters');
  properties.finish(what);
  if (!parameters) return undefined;
  const out: Record<string, { value: unknown; path: JsonPath }> = {};
  for (const name of names) {
    const p = parameters.value[name];
    if (p === undefined) continue;
    parameters.take(name);
    if (!isPlainObject(p) || Object.keys(p).join() !== 'value') ctx.refuse(parameters.at(name), `${what} passes '${name}' as { value } only`);
    else out[name] = { value: p.value, path: parameters.at(name, 'value') };
  }
  parameters.finish(`the parameters of ${what}`);
  resource.derived('subscriptionId', 'resourceGroup', 'location');
  return out;
}

/** `[resourceId(...)]` of the account, as armgen writes the account's ID. */
export function isAccountId(ctx: ImportContext, value: unknown): boolean {
  return typeof value === 'string' && ctx.account !== undefined && `[${canonical(expressionOf(value) ?? { k: 'str', v: '' })}]`.toLowerCase() === ctx.account.id;
}

/**
 * A resource ID the config hands over (resolve/givenIds.ts): `resourceId(sub, group, type, names...)` of literals
 * is written back as the literal ID, `[parameters('x')]` as `{ param }`; anything else is refused.
 */
export function givenId(ctx: ImportContext, value: unknown, path: JsonPath, type: string, what: string): ConfigValue | undefined {
  const parts = resourceIdParts(expressionOf(value));
  if (parts) {
    const literal = [parts.subscriptionId, parts.resourceGroup, ...parts.names].every((a) => typeof a === 'string');
    if (!literal || parts.subscriptionId === undefined || parts.type.toLowerCase() !== type.toLowerCase()) {
      ctx.refuse(path, `${what} is imported as resourceId(subscription, group, '${type}', names...) of literals, as armgen writes a literal ID, or [parameters('NAME')]`);
      return undefined;
    }
    return formatResourceId({ subscriptionId: parts.subscriptionId as string, resourceGroup: parts.resourceGroup as string, type: parts.type, names: parts.names as string[] });
  }
  const v = importValue(ctx, value, path, what);
  if (v === undefined) return undefined;
  if (typeof v === 'object' && v !== null && 'param' in v) return v;
  ctx.refuse(path, `${what} is imported as resourceId(...) of literals or [parameters('NAME')]`);
  return undefined;
}

/** A config value as the text armgen would seed a name with (`parameters('x')` or the literal), for matching. */
export function seedText(value: ConfigValue): string {
  return typeof value === 'object' && value !== null && 'param' in value ? `parameters('${String(value.param)}')` : JSON.stringify(value);
}

/** Two values equal as JSON after canonical ordering, ignoring case (ARM names and IDs are case-insensitive). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonicalJson(a)).toLowerCase() === JSON.stringify(canonicalJson(b)).toLowerCase();
}

/** A config value as the text the account's template holds: a `{ param }` as `[parameters('x')]`; `fallback` when absent. */
export function accountText(value: unknown, fallback: string): unknown {
  if (value === undefined) return fallback;
  return isPlainObject(value) && typeof value.param === 'string' ? `[parameters('${value.param}')]` : value;
}
