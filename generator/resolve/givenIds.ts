import { parseResourceId } from '../azure/resourceId.js';
import type { StringOrParam } from '../model/config.generated.js';
import { call, index, num, str, type Expr } from '../model/expr.js';
import type { ResolveContext } from './context.js';

/** A resource ID the config hands over, as the expressions armgen needs of it. */
export interface GivenResourceId {
  /** The ID: `resourceId(sub, group, type, names...)` for a literal, the parameter itself for `{ param }`. */
  readonly id: Expr;
  /** Its subscription, resource group and last name: literals, or taken apart from the parameter at deployment. */
  readonly subscriptionId: Expr;
  readonly resourceGroup: Expr;
  readonly name: Expr;
  /** The literal's name segments (`['vnet', 'subnet']`), when the ID is a literal. */
  readonly literalNames?: readonly string[];
  /** Identifies the resource however it is spelled (IDs are case-insensitive); a parameter by its name. */
  readonly key: string;
}

/**
 * A resource ID of `type` given as a literal or `{ param: NAME }`. A literal is checked (a subscription, a resource
 * group, the type) and written as `resourceId(sub, group, type, names...)`, the form arm-ttk and armgen's lint expect
 * (IDs-Should-Be-Derived-From-ResourceIDs); a parameter is used as given and taken apart with split() where its parts
 * are needed (/subscriptions/{2}/resourceGroups/{4}/providers/...). Undefined after reporting a malformed literal.
 */
export function givenResourceId(ctx: ResolveContext, value: StringOrParam, pointer: string, spec: { readonly type: string; readonly what: string }): GivenResourceId | undefined {
  if (typeof value !== 'string') {
    const id = ctx.stringValue(value, pointer);
    const parts = call('split', id, str('/'));
    return { id, subscriptionId: index(parts, num(2)), resourceGroup: index(parts, num(4)), name: call('last', parts), key: `{param:${value.param}}` };
  }
  const parsed = parseResourceId(value);
  if (!parsed || !parsed.subscriptionId || !parsed.resourceGroup || parsed.type?.toLowerCase() !== spec.type.toLowerCase()) {
    ctx.error(pointer, 'AG308', `${JSON.stringify(value)} is not a ${spec.what} resource ID (${idShape(spec.type)})`);
    return undefined;
  }
  const names = parsed.names;
  return {
    id: call('resourceId', str(parsed.subscriptionId), str(parsed.resourceGroup), str(spec.type), ...names.map(str)),
    subscriptionId: str(parsed.subscriptionId),
    resourceGroup: str(parsed.resourceGroup),
    name: str(names[names.length - 1]!),
    literalNames: names,
    key: `/subscriptions/${parsed.subscriptionId}/resourcegroups/${parsed.resourceGroup}/${spec.type}/${names.join('/')}`.toLowerCase(),
  };
}

/** `/subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.Network/virtualNetworks/<name>/subnets/<name>`. */
function idShape(type: string): string {
  const [namespace, ...types] = type.split('/');
  return `/subscriptions/<guid>/resourceGroups/<group>/providers/${namespace}${types.map((t) => `/${t}/<name>`).join('')}`;
}
