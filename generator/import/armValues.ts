import { isExpression, literalValue, parseExpression, type ExprNode } from '../azure/armExpression.js';
import type { ConfigValue, ImportContext } from './importContext.js';
import type { JsonPath } from './jsonSource.js';

/** A config argument: a literal string or `{ param: NAME }`. */
export type Arg = string | { readonly param: string };

/** The parsed expression of a JSON string, or undefined for a literal (or an expression that does not parse). */
export function expressionOf(value: unknown): ExprNode | undefined {
  if (typeof value !== 'string' || !isExpression(value)) return undefined;
  const parsed = parseExpression(value);
  return parsed.ok ? parsed.node : undefined;
}

/** True for `fn(...)` (ARM function names are case-insensitive). */
export function isCall(node: ExprNode | undefined, name: string): node is Extract<ExprNode, { k: 'call' }> {
  return node?.k === 'call' && node.name.toLowerCase() === name.toLowerCase();
}

/** `parameters('x')` -> x. */
export function paramName(node: ExprNode | undefined): string | undefined {
  return isCall(node, 'parameters') && node.args.length === 1 && node.args[0]?.k === 'str' ? node.args[0].v : undefined;
}

/** A literal string or `parameters('x')` as a config argument. */
export function argOf(node: ExprNode | undefined): Arg | undefined {
  if (node?.k === 'str') return node.v;
  const p = paramName(node);
  return p === undefined ? undefined : { param: p };
}

const TYPE_TEXT = /^[A-Za-z0-9.]+\/[A-Za-z0-9/]+$/;

/**
 * One spelling per meaning, for comparing and matching expressions: function names lower-cased, no
 * whitespace, and a resource type's trailing `/` dropped (ARM ignores it: the seed writes
 * `resourceID('Microsoft.ManagedIdentity/userAssignedIdentities/', ...)`).
 */
export function canonical(node: ExprNode): string {
  switch (node.k) {
    case 'str': {
      const v = TYPE_TEXT.test(node.v.replace(/\/$/, '')) ? node.v.replace(/\/$/, '') : node.v;
      return `'${v.replace(/'/g, "''")}'`;
    }
    case 'num':
      return String(node.v);
    case 'lit':
      return node.v;
    case 'call':
      return `${node.name.toLowerCase()}(${node.args.map(canonical).join(',')})`;
    case 'member':
      return `${canonical(node.target)}.${node.name}`;
    case 'index':
      return `${canonical(node.target)}[${canonical(node.index)}]`;
    default:
      return '';
  }
}

/** The canonical text of a JSON string: `[expr]` canonicalised, a literal as its value (`[[x]` -> `[x]`). */
export function canonicalString(value: string): string {
  const node = expressionOf(value);
  if (node) return `[${canonical(node)}]`;
  return isExpression(value) ? value : literalValue(value);
}

/** A JSON value with every string in canonical form (keys too); object keys sorted. */
export function canonicalJson(value: unknown): unknown {
  if (typeof value === 'string') return canonicalString(value);
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => [canonicalString(k), canonicalJson(v)] as const);
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return value;
}

/** The parts of `resourceId([sub], [rg], 'Type', name...)`, each a literal or a parameter. */
export interface IdParts {
  readonly subscriptionId?: Arg;
  readonly resourceGroup?: Arg;
  readonly type: string;
  readonly names: readonly Arg[];
}

export function resourceIdParts(node: ExprNode | undefined): IdParts | undefined {
  if (!isCall(node, 'resourceId')) return undefined;
  const at = node.args.findIndex((a) => a.k === 'str' && TYPE_TEXT.test(a.v.replace(/\/$/, '')));
  if (at < 0 || at > 2) return undefined;
  const args = node.args.map(argOf);
  if (args.some((a) => a === undefined)) return undefined;
  const [first, second] = args as Arg[];
  const type = (node.args[at] as { v: string }).v.replace(/\/$/, '');
  const names = (args as Arg[]).slice(at + 1);
  if (names.length === 0) return undefined;
  if (at === 2) return { subscriptionId: first!, resourceGroup: second!, type, names };
  if (at === 1) return { resourceGroup: first!, type, names };
  return { type, names };
}

/**
 * A value where the config takes a literal or `{ param: NAME }`: a literal JSON value, an escaped `[[...]`
 * string, or `[parameters('x')]`. Any other expression is refused with its path.
 */
export function importValue(ctx: ImportContext, value: unknown, path: JsonPath, what: string): ConfigValue | undefined {
  if (typeof value !== 'string') return value as ConfigValue;
  if (!isExpression(value)) return literalValue(value);
  const parsed = parseExpression(value);
  if (!parsed.ok) {
    ctx.refuse(path, `${what}: the expression does not parse (${parsed.error})`);
    return undefined;
  }
  const p = paramName(parsed.node);
  if (p !== undefined) return { param: p };
  ctx.refuse(path, `${what}: the expression ${value} has no armgen equivalent here (armgen takes a literal or { param: NAME })`);
  return undefined;
}

/** Like importValue, for a string (or `{ param }`) field. */
export function importArg(ctx: ImportContext, value: unknown, path: JsonPath, what: string): Arg | undefined {
  const v = importValue(ctx, value, path, what);
  if (v === undefined) return undefined;
  if (typeof v === 'string' || (typeof v === 'object' && v !== null && 'param' in v)) return v as Arg;
  ctx.refuse(path, `${what} must be a string or [parameters('NAME')]`);
  return undefined;
}

/** The canonical key of a value that names a resource (`[resourceId(...)]` or a literal ID). */
export function idKey(value: unknown): string | undefined {
  return typeof value === 'string' ? canonicalString(value).toLowerCase() : undefined;
}
