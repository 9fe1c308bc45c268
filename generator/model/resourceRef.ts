import type { Expr } from './expr.js';

/**
 * How a resource's ID is known:
 * - `parts`: from its (optional) subscription and resource group and its name segments (`[account, runbook]`
 *   for a child); ARM spells it `resourceId([sub], [rg], type, ...names)`. Without a resource group it lives in
 *   the deployment's resource group, without a subscription in the deployment's subscription; a
 *   subscription-level resource has no group (`subscriptionResourceId(...)`).
 * - `given`: a full resource ID the config hands over (a `{ param: ... }`), used as is; where a Bicep `existing`
 *   declaration needs name and resource group they are taken apart from it at deployment time, unless the
 *   resource is known to live in the deployment's own resource group (`inDeploymentGroup`).
 */
export type RefId =
  | {
      readonly kind: 'parts';
      readonly subscriptionId?: Expr;
      readonly resourceGroup?: Expr;
      readonly names: readonly Expr[];
      /** A subscription-level resource (a deployment at subscription scope): `subscriptionResourceId(...)`. */
      readonly subscriptionLevel?: boolean;
    }
  | { readonly kind: 'given'; readonly id: Expr; readonly inDeploymentGroup?: boolean };

/**
 * A resource the model points at, built once in resolve (in the style of Farmer's ResourceId/LinkedResource):
 * created by this template or existing elsewhere. Dependencies follow from refs: only created resources may be
 * depended on, and a Bicep `existing` declaration is written for each existing one a file uses.
 */
export interface ResourceRef {
  /** Bicep symbolic name, unique within its template. */
  readonly symbol: string;
  /** The resource type in Azure's spelling (`Microsoft.Automation/automationAccounts/runbooks`). */
  readonly type: string;
  /** API version to deploy it with (created) or to read it with (existing); undefined: unknown to armgen. */
  readonly apiVersion?: string;
  readonly id: RefId;
  readonly created: boolean;
  /** The parent of a child resource (Bicep `parent:`); its name segments lead `id.names`. */
  readonly parent?: ResourceRef;
  /** The resource an extension resource (role assignment, lock, diagnostic setting) is attached to. */
  readonly extensionOf?: ResourceRef;
}

/** A resource this template creates in the deployment's resource group (or under a parent / as an extension). */
export function createdRef(spec: {
  readonly symbol: string;
  readonly type: string;
  readonly apiVersion: string;
  readonly name: Expr;
  readonly parent?: ResourceRef;
  readonly extensionOf?: ResourceRef;
}): ResourceRef {
  const parentNames = spec.parent && spec.parent.id.kind === 'parts' ? spec.parent.id.names : [];
  return {
    symbol: spec.symbol,
    type: spec.type,
    apiVersion: spec.apiVersion,
    id: { kind: 'parts', names: [...parentNames, spec.name] },
    created: true,
    ...(spec.parent ? { parent: spec.parent } : {}),
    ...(spec.extensionOf ? { extensionOf: spec.extensionOf } : {}),
  };
}

/** A resource that exists outside this template. */
export function existingRef(spec: { readonly symbol: string; readonly type: string; readonly apiVersion?: string; readonly id: RefId }): ResourceRef {
  return { symbol: spec.symbol, type: spec.type, ...(spec.apiVersion ? { apiVersion: spec.apiVersion } : {}), id: spec.id, created: false };
}
