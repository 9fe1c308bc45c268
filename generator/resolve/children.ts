import type { ResourceType } from '../azure/resourceTypes.js';
import type { Expr } from '../model/expr.js';
import { createdRef, type ResourceRef } from '../model/resourceRef.js';
import type { ResourceNode } from '../model/resolved.js';
import type { ParamRef } from '../model/config.generated.js';
import type { ResolveContext } from './context.js';

/** What child resources need to know about the account they belong to. */
export interface AccountRef {
  /** The account resource (created by this template). */
  readonly ref: ResourceRef;
  /** The account's name expression (literal or parameter). */
  readonly name: Expr;
  /** The account's location expression (children that accept `location` get the same). */
  readonly location: Expr;
  readonly systemAssigned: boolean;
  readonly attached: ReadonlySet<string>;
}

/** A child resource's ref: name segments `[account, short]`, parent the account (or another child). */
export function childRef(ctx: ResolveContext, parent: ResourceRef, type: ResourceType, short: Expr, symbol: string): ResourceRef {
  return createdRef({ symbol, type, apiVersion: ctx.api(type), name: short, parent });
}

/** What a child node carries besides its ref. */
export interface ChildSpec {
  readonly properties: Expr;
  readonly location?: Expr;
  readonly tags?: Expr;
  readonly condition?: Expr;
  /** Ordering beyond the parent (which always comes first). */
  readonly dependsOn?: readonly ResourceRef[];
}

/** A child resource node: it waits for its parent, then for `dependsOn`. */
export function childNode(ref: ResourceRef, spec: ChildSpec): ResourceNode {
  return {
    kind: 'resource',
    ref,
    ...(spec.condition ? { condition: spec.condition } : {}),
    ...(spec.location ? { location: spec.location } : {}),
    ...(spec.tags ? { tags: spec.tags } : {}),
    properties: spec.properties,
    dependsOn: uniqueRefs([...(ref.parent ? [ref.parent] : []), ...(spec.dependsOn ?? [])]),
  };
}

/** Drop repeated refs, keeping the first occurrence (order is the config's order). */
export function uniqueRefs(list: readonly ResourceRef[]): ResourceRef[] {
  return list.filter((r, i) => list.indexOf(r) === i);
}

/** A `{ param: X }` check: the named parameter is declared as securestring. */
export function isSecureStringParam(ctx: ResolveContext, name: string): boolean {
  const p = ctx.config.parameters;
  return p !== undefined && Object.hasOwn(p, name) && p[name]?.type === 'securestring';
}

/**
 * A write-only secret (a webhook URI, a source-control token) taken from `{ param: X }`: X must be a securestring, or
 * the value would be shown in the deployment's history; a parameter file gives it through a Key Vault reference.
 */
export function secretParam(ctx: ResolveContext, value: ParamRef, pointer: string, what: string): Expr {
  const expr = ctx.useParam(value, { pointer: `${pointer}/param`, type: 'string', secrecy: 'secret' });
  const declared = ctx.config.parameters !== undefined && Object.hasOwn(ctx.config.parameters, value.param);
  if (declared && !isSecureStringParam(ctx, value.param)) {
    ctx.error(pointer, 'AG303', `${what} comes from parameter '${value.param}', which must be a securestring (a plain string is shown in the deployment's history); give it a keyVaultReference for the parameter files`);
  }
  return expr;
}
