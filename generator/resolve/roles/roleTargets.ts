import { checkName, nameRuleForType, nameRules } from '../../azure/naming.js';
import { formatResourceId, parseResourceId } from '../../azure/resourceId.js';
import { knownResourceType } from '../../azure/resourceTypes.js';
import type { Scope } from '../../model/config.generated.js';
import { call, index, interp, member, num, ref, str, type Expr } from '../../model/expr.js';
import { existingRef, type ResourceRef } from '../../model/resourceRef.js';
import type { ScopeSummary } from '../../model/summary.js';
import type { ResolveContext } from '../context.js';
import type { SymbolTable } from '../names.js';
import { didYouMean, suggestionHint } from '../../util/didYouMean.js';
import type { ResolvedIdentity } from '../resolveIdentities.js';
import type { RoleModuleKind } from './roleAssignmentModule.js';

/**
 * Where a role assignment lands. Every scope can take a role-assignment module (a nested deployment whose inner
 * template names the assignment from the principal ID it is handed); a scope in the deployment's own resource group
 * can also take a plain extension resource (`here`), named from values known when the deployment starts.
 * `key` identifies the scope however the config spells it, so one (scope, principal, role) is declared once.
 */
export interface RoleTarget {
  /** The scope's resource ID, known at deployment start (seeds names). */
  readonly scopeId: Expr;
  readonly key: string;
  /** The scope as the config states it, for the deployment summary. */
  readonly summary: ScopeSummary;
  /** The type of the resource the role is on (for least-privilege advice), when it is one resource. */
  readonly resourceType?: string;
  /** Present for scopes in the deployment's resource group: the resource an extension resource attaches to, if any. */
  readonly here?: { readonly extensionOf?: ResourceRef };
  readonly module: {
    readonly kind: RoleModuleKind;
    readonly subscriptionId?: Expr;
    readonly resourceGroup?: Expr;
    /** The ID of the one resource a resource module works on. */
    readonly resourceId?: Expr;
    /** That resource, when this template knows it (the account, or an existing declaration). */
    readonly resource?: ResourceRef;
  };
}

export interface TargetInput {
  readonly account: ResourceRef;
  readonly identities: ReadonlyMap<string, ResolvedIdentity>;
  readonly symbols: SymbolTable;
  /** Existing resources declared so far, by key: one declaration per scope resource. */
  readonly existing: Map<string, ResourceRef>;
}

const deploymentSubscriptionId = member(call('subscription'), 'subscriptionId');

/** The scope of one role assignment, or undefined after reporting what is wrong with it. */
export function resolveTarget(ctx: ResolveContext, scope: Scope, pointer: string, input: TargetInput): RoleTarget | undefined {
  switch (scope.kind) {
    case 'automationAccount': {
      const { account } = input;
      return {
        scopeId: ref(account, 'id'),
        key: 'account',
        summary: { kind: 'automationAccount' },
        resourceType: account.type,
        here: { extensionOf: account },
        module: { kind: { kind: 'resource', resourceType: account.type }, resourceId: ref(account, 'id'), resource: account },
      };
    }
    case 'resourceGroup': {
      if (scope.name === undefined) {
        if (scope.subscriptionId !== undefined) ctx.error(`${pointer}/subscriptionId`, 'AG200', 'subscriptionId needs name: the resource group in that subscription');
        return { scopeId: member(call('resourceGroup'), 'id'), key: 'rg:(deployment)', summary: { kind: 'resourceGroup' }, here: {}, module: { kind: { kind: 'resourceGroup' } } };
      }
      const rg = ctx.stringValue(scope.name, `${pointer}/name`, nameRules.resourceGroup);
      const sub = scope.subscriptionId === undefined ? undefined : ctx.stringValue(scope.subscriptionId, `${pointer}/subscriptionId`, nameRules.subscriptionId);
      return {
        scopeId: interp('/subscriptions/', sub ?? deploymentSubscriptionId, '/resourceGroups/', rg),
        key: `rg:${keyOf(scope.subscriptionId)}/${keyOf(scope.name)}`,
        summary: { kind: 'resourceGroup', name: rg, ...(sub ? { subscriptionId: sub } : {}) },
        module: { kind: { kind: 'resourceGroup' }, ...(sub ? { subscriptionId: sub } : {}), resourceGroup: rg },
      };
    }
    case 'subscription': {
      const sub = scope.subscriptionId === undefined ? undefined : ctx.stringValue(scope.subscriptionId, `${pointer}/subscriptionId`, nameRules.subscriptionId);
      return {
        scopeId: sub ? interp('/subscriptions/', sub) : member(call('subscription'), 'id'),
        key: `sub:${keyOf(scope.subscriptionId)}`,
        summary: { kind: 'subscription', ...(sub ? { subscriptionId: sub } : {}) },
        module: { kind: { kind: 'subscription' }, ...(sub ? { subscriptionId: sub } : {}) },
      };
    }
    case 'resource':
      return scope.resourceId !== undefined ? resourceIdTarget(ctx, scope, pointer) : typedResourceTarget(ctx, scope, pointer, input);
    case 'identity':
      return identityTarget(ctx, scope.name, pointer, input);
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

/** A resource given by its full ID (a literal, parsed and written canonically, or a parameter). */
function resourceIdTarget(ctx: ResolveContext, scope: Extract<Scope, { kind: 'resource' }>, pointer: string): RoleTarget | undefined {
  if (scope.type !== undefined || scope.name !== undefined || scope.resourceGroup !== undefined || scope.subscriptionId !== undefined) {
    ctx.error(pointer, 'AG200', 'give either resourceId or type + name (+ resourceGroup, subscriptionId), not both');
    return undefined;
  }
  if (typeof scope.resourceId === 'object') {
    const id = ctx.stringValue(scope.resourceId!, `${pointer}/resourceId`);
    const parts = call('split', id, str('/'));
    return {
      scopeId: id,
      key: `res:${keyOf(scope.resourceId)}`,
      summary: { kind: 'resource', id },
      module: { kind: { kind: 'resource' }, subscriptionId: index(parts, num(2)), resourceGroup: index(parts, num(4)), resourceId: id },
    };
  }
  const parsed = parseResourceId(scope.resourceId!);
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
    scopeId: canonical,
    key: `res:${keyOf(parsed.subscriptionId)}/${keyOf(parsed.resourceGroup)}/${type.toLowerCase()}/${parsed.names.join('/').toLowerCase()}`,
    summary: { kind: 'resource', type, name: str(parsed.names.join('/')), resourceGroup: str(parsed.resourceGroup), subscriptionId: str(parsed.subscriptionId) },
    resourceType: type,
    module: {
      kind: { kind: 'resource', ...(parsed.names.length === 1 ? { resourceType: type } : {}) },
      subscriptionId: str(parsed.subscriptionId),
      resourceGroup: str(parsed.resourceGroup),
      resourceId: canonical,
    },
  };
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
  if (!rg) {
    // Same resource group: an existing declaration of the resource, which an extension resource attaches to.
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
    const id = ref(target, 'id');
    return { scopeId: id, key, summary: { kind: 'resource', type, name }, resourceType: type, here: { extensionOf: target }, module: { kind: { kind: 'resource', resourceType: type }, resourceId: id, resource: target } };
  }
  const id = call('resourceId', ...(sub ? [sub] : []), rg, str(type), name);
  return {
    scopeId: id,
    key,
    summary: { kind: 'resource', type, name, resourceGroup: rg, ...(sub ? { subscriptionId: sub } : {}) },
    resourceType: type,
    module: { kind: { kind: 'resource', resourceType: type }, ...(sub ? { subscriptionId: sub } : {}), resourceGroup: rg, resourceId: id },
  };
}

/** A user-assigned identity of this config (e.g. Managed Identity Operator on it for a deployer). */
function identityTarget(ctx: ResolveContext, handle: string, pointer: string, input: TargetInput): RoleTarget | undefined {
  const identity = input.identities.get(handle);
  if (!identity) {
    ctx.error(`${pointer}/name`, 'AG301', `unknown identity '${handle}'.${suggestionHint(didYouMean(handle, input.identities.keys()))}`);
    return undefined;
  }
  const res = identity.ref;
  const id = ref(res, 'id');
  const key = `res:identity/${identity.literalKey ?? handle}`;
  const base = { scopeId: id, key, resourceType: res.type, summary: { kind: 'identity' as const, handle } };
  if (res.id.kind === 'given') {
    const parts = call('split', res.id.id, str('/'));
    return { ...base, module: { kind: { kind: 'resource', resourceType: res.type }, subscriptionId: index(parts, num(2)), resourceGroup: index(parts, num(4)), resourceId: id } };
  }
  const { subscriptionId, resourceGroup } = res.id;
  if (!resourceGroup) return { ...base, here: { extensionOf: res }, module: { kind: { kind: 'resource', resourceType: res.type }, resourceId: id, resource: res } };
  return { ...base, module: { kind: { kind: 'resource', resourceType: res.type }, ...(subscriptionId ? { subscriptionId } : {}), resourceGroup, resourceId: id } };
}

/** `virtualMachines` -> `virtualMachine`, `vaults` -> `vault`. */
function singular(segment: string): string {
  return segment.endsWith('ies') ? `${segment.slice(0, -3)}y` : segment.endsWith('s') ? segment.slice(0, -1) : segment;
}
