import type { ExprNode } from '../../azure/armExpression.js';
import { GUID, parseResourceId } from '../../azure/resourceId.js';
import { findBuiltinRoleById } from '../../azure/roles/builtinRoles.js';
import { argOf, canonical, expressionOf, idKey, isCall, resourceIdParts } from '../armValues.js';
import type { ImportContext } from '../importContext.js';
import type { JsonPath } from '../jsonSource.js';
import { identityFor } from './identities.js';

/** A role-assignment scope expression -> config `scope:` (roleTargets.ts renders each kind this way). */
export function scopeOf(ctx: ImportContext, node: ExprNode | undefined, literal: unknown, path: JsonPath): Record<string, unknown> | undefined {
  if (node === undefined && typeof literal === 'string') return literalScope(literal);
  if (node?.k === 'str') return literalScope(node.v);
  const text = node ? canonical(node) : '';
  if (text === 'resourcegroup().id') return { kind: 'resourceGroup' };
  if (text === 'subscription().id') return { kind: 'subscription' };
  const key = node ? `[${text}]`.toLowerCase() : undefined;
  if (key && key === ctx.account?.id) return { kind: 'automationAccount' };
  const identity = key ? ctx.identities.get(key) : undefined;
  if (identity?.config.create === true) return { kind: 'identity', name: identity.handle };
  const parts = resourceIdParts(node);
  if (parts && parts.names.length === 1) {
    return { kind: 'resource', type: parts.type, name: parts.names[0], ...(parts.resourceGroup ? { resourceGroup: parts.resourceGroup } : {}), ...(parts.subscriptionId ? { subscriptionId: parts.subscriptionId } : {}) };
  }
  if (isCall(node, 'subscriptionResourceId') && node.args.length >= 2) {
    const args = node.args.map(argOf);
    const typeAt = args.length === 3 ? 1 : 0;
    if (node.args[typeAt]?.k === 'str' && node.args[typeAt].v.toLowerCase() === 'microsoft.resources/resourcegroups' && args.every((a) => a !== undefined)) {
      return { kind: 'resourceGroup', name: args[typeAt + 1], ...(typeAt === 1 ? { subscriptionId: args[0] } : {}) };
    }
  }
  ctx.refuse(path, `the role assignment scope ${node ? `[${text}]` : JSON.stringify(literal)} has no armgen equivalent (resource group, subscription, the account, a created identity, resourceId(...) of one resource, or a literal ID)`);
  return undefined;
}

/** A literal scope ID (the one resource-ID parser): a resource group, a subscription, or one resource. */
function literalScope(id: string): Record<string, unknown> {
  const parsed = parseResourceId(id);
  if (parsed?.type === undefined && parsed?.subscriptionId !== undefined) {
    return parsed.resourceGroup !== undefined ? { kind: 'resourceGroup', name: parsed.resourceGroup, subscriptionId: parsed.subscriptionId } : { kind: 'subscription', subscriptionId: parsed.subscriptionId };
  }
  return { kind: 'resource', resourceId: id };
}

/** `subscriptionResourceId([sub], 'Microsoft.Authorization/roleDefinitions', guid)` or a GUID -> the role (built-in name when known). */
export function roleOf(ctx: ImportContext, value: unknown, path: JsonPath): string | undefined {
  const node = expressionOf(value);
  const last = isCall(node, 'subscriptionResourceId') ? node.args[node.args.length - 1] : node;
  const guid = last?.k === 'str' ? last.v : typeof value === 'string' && !node ? value.split('/').pop() : undefined;
  if (guid && GUID.test(guid)) return findBuiltinRoleById(guid)?.name ?? guid;
  ctx.refuse(path, `the role definition ${String(value)} has no armgen equivalent (a built-in role or a role definition GUID)`);
  return undefined;
}

/** The principal of an identity's assignment: the account (system) or a user-assigned identity, by the resource it reads. */
export function identityPrincipal(ctx: ImportContext, node: ExprNode | undefined, path: JsonPath): string | undefined {
  const key = node ? idKey(`[${canonical(node)}]`) : undefined;
  if (key && key === ctx.account?.id) return 'system';
  if (node && key) {
    const identity = identityFor(ctx, `[${canonical(node)}]`, path);
    return identity?.handle;
  }
  ctx.refuse(path, 'the principal has no armgen equivalent');
  return undefined;
}
