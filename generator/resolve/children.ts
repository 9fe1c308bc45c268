import { call, str, type Expr } from '../arm/expr.js';
import type { ResourceType } from '../arm/resourceTypes.js';
import type { ArmResource, Dependency } from '../model/resolved.js';
import type { ResolveContext } from './context.js';

/** What child resources need to know about the account they belong to. */
export interface AccountRef {
  /** The account's name expression (literal or parameter). */
  readonly name: Expr;
  /** Its full resource ID (ARM `resourceId(...)`, Bicep `automationAccount.id`). */
  readonly id: Expr;
  /** dependsOn entry for the account. */
  readonly dependency: Dependency;
  /** The account's location expression (children that accept `location` get the same). */
  readonly location: Expr;
  readonly systemAssigned: boolean;
  readonly attached: ReadonlySet<string>;
}

export const ACCOUNT_SYMBOL = 'automationAccount';

/** A child of the account: ARM name `format('{0}/{1}', account, short)`, Bicep `parent: automationAccount`. */
export interface ChildSpec {
  readonly type: ResourceType;
  readonly symbol: string;
  /** The child's own name (last segment). */
  readonly short: Expr;
  readonly properties: Expr;
  readonly location?: Expr;
  readonly tags?: Expr;
  /** Ordering beyond the account itself (which is always first). */
  readonly dependsOn?: readonly Dependency[];
}

export function accountChild(ctx: ResolveContext, account: AccountRef, spec: ChildSpec): ArmResource {
  return {
    kind: 'child',
    symbol: spec.symbol,
    type: spec.type,
    apiVersion: ctx.api(spec.type),
    name: call('format', str('{0}/{1}'), account.name, spec.short),
    parent: { symbol: ACCOUNT_SYMBOL, name: spec.short },
    ...(spec.location ? { location: spec.location } : {}),
    ...(spec.tags ? { tags: spec.tags } : {}),
    properties: spec.properties,
    dependsOn: uniqueDependencies([account.dependency, ...(spec.dependsOn ?? [])]),
  };
}

/** The dependsOn entry for a child of the account, by type and short name. */
export function childDependency(type: ResourceType, account: AccountRef, short: Expr, symbol: string): Dependency {
  return { arm: call('resourceId', str(type), account.name, short), symbol };
}

/** Drop repeated symbols, keeping the first occurrence (order is the config's order). */
export function uniqueDependencies(list: readonly Dependency[]): Dependency[] {
  const seen = new Set<string>();
  return list.filter((d) => (seen.has(d.symbol) ? false : (seen.add(d.symbol), true)));
}

/** A `{ param: X }` check: the named parameter is declared as securestring. */
export function isSecureStringParam(ctx: ResolveContext, name: string): boolean {
  return ctx.config.parameters?.[name]?.type === 'securestring';
}
