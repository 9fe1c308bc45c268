import { deployedTypes, isDeployedType } from '../../azure/resourceTypes.js';
import type { ExprNode } from '../../azure/armExpression.js';
import { argOf, canonical, expressionOf, importValue, isCall, type Arg } from '../armValues.js';
import type { Fields, ImportContext } from '../importContext.js';

/** One resource kind: which template resources it maps, and how. A new kind is one more module in registry.ts. */
export interface ResourceImporter {
  readonly kind: string;
  claims(resource: Readonly<Record<string, unknown>>): boolean;
  import(ctx: ImportContext, resource: Fields): void;
}

/** `type` is matched by the importer; a case-insensitive type test (ARM resource types are case-insensitive). */
export function isType(resource: Readonly<Record<string, unknown>>, type: string): boolean {
  return typeof resource.type === 'string' && resource.type.toLowerCase() === type.toLowerCase();
}

/**
 * Take `type`, `apiVersion` and `dependsOn`: an API version other than armgen's default becomes an `apiVersions:`
 * pin; dependsOn is derived by armgen from the references (the import is verified by rendering it).
 */
export function takeBase(ctx: ImportContext, resource: Fields, type: string): void {
  resource.take('type');
  resource.derived('dependsOn');
  const api = resource.take('apiVersion');
  if (typeof api !== 'string') {
    ctx.refuse(resource.at('apiVersion'), 'a resource needs a literal apiVersion');
    return;
  }
  if (!isDeployedType(type)) return;
  if (deployedTypes[type] === api) return;
  const pinned = ctx.draft.apiVersions[type];
  if (pinned !== undefined && pinned !== api) {
    ctx.refuse(resource.at('apiVersion'), `${type} uses API version ${api} here and ${pinned} elsewhere; armgen pins one version per type`);
    return;
  }
  ctx.draft.apiVersions[type] = api;
}

/** `format('{0}/{1}', parent, 'child')` (armgen's child names) -> [parent, child] nodes. */
export function childName(value: unknown): readonly [ExprNode, Arg] | undefined {
  const node = expressionOf(value);
  if (!isCall(node, 'format') || node.args.length !== 3 || node.args[0]?.k !== 'str' || node.args[0].v !== '{0}/{1}') return undefined;
  const child = argOf(node.args[2]);
  return child === undefined ? undefined : [node.args[1]!, child];
}

/**
 * The names below the account of a child resource, as armgen writes them: `format('{0}/{1}', <account>, 'child')`
 * (or `'{0}/{1}/{2}'` for a grandchild), or the literal `account/child`. Refused (undefined) otherwise.
 */
export function accountChildNames(ctx: ImportContext, resource: Fields, depth: 1 | 2, what: string): string[] | undefined {
  const value = resource.take('name');
  const names = childNamesOf(ctx, value, depth);
  if (!names) ctx.refuse(resource.at('name'), `${what}'s name is imported as format('${depth === 1 ? '{0}/{1}' : '{0}/{1}/{2}'}', <the account's name>, ...) with literal names, as armgen writes it`);
  return names;
}

function childNamesOf(ctx: ImportContext, value: unknown, depth: 1 | 2): string[] | undefined {
  if (!ctx.account) return undefined;
  const node = expressionOf(value);
  if (!node && typeof value === 'string') {
    const parts = value.split('/');
    return parts.length === depth + 1 && parts[0] === ctx.account.name ? parts.slice(1) : undefined;
  }
  const pattern = depth === 1 ? '{0}/{1}' : '{0}/{1}/{2}';
  if (!isCall(node, 'format') || node.args.length !== depth + 2 || node.args[0]?.k !== 'str' || node.args[0].v !== pattern) return undefined;
  const parent = node.args[1]!;
  const isAccount = parent.k === 'str' ? parent.v === ctx.account.name : `[${canonical(parent)}]`.toLowerCase() === ctx.account.name.toLowerCase();
  const rest = node.args.slice(2);
  if (!isAccount || rest.some((a) => a.k !== 'str')) return undefined;
  return rest.map((a) => (a as { v: string }).v);
}

/** Copy the keys present (taken) into an entry, mapping each through importValue (literal or `{ param }`). */
export function copyKeys(ctx: ImportContext, from: Fields, to: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of keys) if (from.has(key)) to[key] = importValue(ctx, from.take(key), from.at(key), key);
}

/**
 * A child's `location` is the account's (armgen writes the account's location on every child that takes one):
 * taken as derived, and a different one is refused by the verification (verifyImport.ts).
 */
export function takeAccountLocation(resource: Fields): void {
  resource.derived('location');
}
