import { nameRuleForType, nameRules, checkName } from '../../azure/naming.js';
import { formatResourceId, parseResourceId } from '../../azure/resourceId.js';
import { knownResourceType } from '../../azure/resourceTypes.js';
import type { Scope } from '../../model/config.generated.js';
import { call, index, interp, member, num, ref, str, type Expr } from '../../model/expr.js';
import { existingRef, type ResourceRef } from '../../model/resourceRef.js';
import type { ResolveContext } from '../context.js';
import type { SymbolTable } from '../names.js';
import type { RoleModuleKind } from './roleAssignmentModule.js';

/**
 * Where a role assignment lands:
 * - `here`: an extension resource in this template (the deployment's resource group, the account, a resource of
 *   this group), named from values known when the deployment starts;
 * - `module`: a nested deployment into another resource group, a resource there, or a subscription.
 * `key` identifies the scope however the config spells it, so one (scope, principal, role) is declared once.
 */
export type RoleTarget =
  | { readonly place: 'here'; readonly scopeId: Expr; readonly extensionOf?: ResourceRef; readonly resourceType?: string; readonly key: string }
  | {
      readonly place: 'module';
      readonly module: RoleModuleKind;
      readonly scopeId: Expr;
      readonly subscriptionId?: Expr;
      readonly resourceGroup?: Expr;
      /** The resource's ID, handed to a resource module. */
      readonly resourceId?: Expr;
      readonly resourceType?: string;
      readonly key: string;
    };

export interface TargetInput {
  readonly account: ResourceRef;
  readonly symbols: SymbolTable;
  /** Existing resources declared so far, by key: one declaration per scope resource. */
  readonly existing: Map<string, ResourceRef>;
}

const deploymentSubscriptionId = member(call('subscription'), 'subscriptionId');

/** The scope of one role assignment, or undefined after reporting what is wrong with it. */
export function resolveTarget(ctx: ResolveContext, scope: Scope, pointer: string, input: TargetInput): RoleTarget | undefined {
  switch (scope.kind) {
    case 'automationAccount':
      return { place: 'here', scopeId: { k: 'ref', res: input.account, prop: 'id' }, extensionOf: input.account, resourceType: input.account.type, key: 'account' };
    case 'resourceGroup': {
      if (scope.name === undefined) {
        if (scope.subscriptionId !== undefined) ctx.error(`${pointer}/subscriptionId`, 'AG200', 'subscriptionId needs name: the resource group in that subscription');
        return { place: 'here', scopeId: member(call('resourceGroup'), 'id'), key: 'rg:(deployment)' };
      }
      const rg = ctx.stringValue(scope.name, `${pointer}/name`, nameRules.resourceGroup);
      const sub = scope.subscriptionId === undefined ? undefined : ctx.stringValue(scope.subscriptionId, `${pointer}/subscriptionId`, nameRules.subscriptionId);
      return {
        place: 'module',
        module: { kind: 'resourceGroup' },
        scopeId: interp('/subscriptions/', sub ?? deploymentSubscriptionId, '/resourceGroups/', rg),
        ...(sub ? { subscriptionId: sub } : {}),
        resourceGroup: rg,
        key: `rg:${keyOf(scope.subscriptionId)}/${keyOf(scope.name)}`,
      };
    }
    case 'subscription': {
      const sub = scope.subscriptionId === undefined ? undefined : ctx.stringValue(scope.subscriptionId, `${pointer}/subscriptionId`, nameRules.subscriptionId);
      return {
        place: 'module',
        module: { kind: 'subscription' },
        scopeId: sub ? interp('/subscriptions/', sub) : member(call('subscription'), 'id'),
        ...(sub ? { subscriptionId: sub } : {}),
        key: `sub:${keyOf(scope.subscriptionId)}`,
      };
    }
    case 'resource':
      return resourceTarget(ctx, scope, pointer, input);
    default: {
      const never: never = scope;
      throw new Error(`unknown scope ${JSON.stringify(never)}`);
    }
  }
}

/** A comparison key for a literal (lower-cased: ARM names are case-insensitive) or a parameter. */
function keyOf(value: unknown): string {
  if (value === undefined) return '(deployment)';
  if (typeof value === 'string') return value.toLowerCase();
  return `{param:${(value as { param: string }).param}}`;
}

function resourceTarget(ctx: ResolveContext, scope: Extract<Scope, { kind: 'resource' }>, pointer: string, input: TargetInput): RoleTarget | undefined {
  if (scope.resourceId !== undefined) {
    if (scope.type !== undefined || scope.name !== undefined || scope.resourceGroup !== undefined || scope.subscriptionId !== undefined) {
      ctx.error(pointer, 'AG200', 'give either resourceId or type + name (+ resourceGroup, subscriptionId), not both');
      return undefined;
    }
    if (typeof scope.resourceId === 'object') {
      const id = ctx.stringValue(scope.resourceId, `${pointer}/resourceId`);
      const parts = call('split', id, str('/'));
      return {
        place: 'module',
        module: { kind: 'resource' },
        scopeId: id,
        subscriptionId: index(parts, num(2)),
        resourceGroup: index(parts, num(4)),
        resourceId: id,
        key: `res:${keyOf(scope.resourceId)}`,
      };
    }
    const parsed = parseResourceId(scope.resourceId);
    if (!parsed || !parsed.type || !parsed.resourceGroup || !parsed.subscriptionId) {
      ctx.error(`${pointer}/resourceId`, 'AG308', `${JSON.stringify(scope.resourceId)} is not a resource ID: expected /subscriptions/<guid>/resourceGroups/<group>/providers/<namespace>/<type>/<name>`);
      return undefined;
    }
    const type = knownResourceType(parsed.type)?.type ?? parsed.type;
    const rule = parsed.names.length === 1 ? nameRuleForType(type) : undefined;
    const problem = rule ? checkName(rule, parsed.names[0]!) : undefined;
    if (problem) ctx.error(`${pointer}/resourceId`, 'AG300', problem);
    const canonical = str(formatResourceId({ ...parsed, type }));
    return {
      place: 'module',
      module: { kind: 'resource', resourceType: parsed.names.length === 1 ? type : undefined },
      scopeId: canonical,
      subscriptionId: str(parsed.subscriptionId),
      resourceGroup: str(parsed.resourceGroup),
      resourceId: canonical,
      resourceType: type,
      key: `res:${keyOf(parsed.subscriptionId)}/${keyOf(parsed.resourceGroup)}/${type.toLowerCase()}/${parsed.names.join('/').toLowerCase()}`,
    };
  }
  return typedResourceTarget(ctx, scope, pointer, input);
}

/** A resource given as type + name (+ resourceGroup, subscriptionId). */
function typedResourceTarget(ctx: ResolveContext, scope: Extract<Scope, { kind: 'resource' }>, pointer: string, input: TargetInput): RoleTarget | undefined {
  if (scope.type === undefined || scope.name === undefined) {
    ctx.error(pointer, 'AG200', `a resource scope needs resourceId, or type and name (missing ${scope.type === undefined ? 'type' : 'name'})`);
    return undefined;
  }
  const known = knownResourceType(scope.type);
  const type = known?.type ?? scope.type;
  const name = ctx.stringValue(scope.name, `${pointer}/name`, nameRuleForType(type));
  const rg = scope.resourceGroup === undefined ? undefined : ctx.stringValue(scope.resourceGroup, `${pointer}/resourceGroup`, nameRules.resourceGroup);
  const sub = scope.subscriptionId === undefined ? undefined : ctx.stringValue(scope.subscriptionId, `${pointer}/subscriptionId`, nameRules.subscriptionId);
  if (sub && !rg) {
    ctx.error(`${pointer}/subscriptionId`, 'AG200', 'subscriptionId needs resourceGroup: the group that holds the resource');
    return undefined;
  }
  const key = `res:${keyOf(scope.subscriptionId)}/${keyOf(scope.resourceGroup)}/${type.toLowerCase()}/${keyOf(scope.name)}`;
  const id = call('resourceId', ...(sub ? [sub] : []), ...(rg ? [rg] : []), str(type), name);
  if (!rg) {
    // Same resource group: an extension resource on an existing declaration of the resource.
    let target = input.existing.get(key);
    if (!target) {
      target = existingRef({
        symbol: input.symbols.take(singular(type.split('/').pop()!)),
        type,
        ...(known ? { apiVersion: known.apiVersion } : {}),
        id: { kind: 'parts', names: [name] },
      });
      input.existing.set(key, target);
    }
    return { place: 'here', scopeId: ref(target, 'id'), extensionOf: target, resourceType: type, key };
  }
  return {
    place: 'module',
    module: { kind: 'resource', resourceType: type },
    scopeId: id,
    ...(sub ? { subscriptionId: sub } : {}),
    resourceGroup: rg,
    resourceId: id,
    resourceType: type,
    key,
  };
}

/** `virtualMachines` -> `virtualMachine`, `vaults` -> `vault`. */
function singular(segment: string): string {
  return segment.endsWith('ies') ? `${segment.slice(0, -3)}y` : segment.endsWith('s') ? segment.slice(0, -1) : segment;
}
