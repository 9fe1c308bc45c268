/**
 * Resource IDs as ARM builds them (learn.microsoft.com template-functions-resource: resourceId,
 * subscriptionResourceId, extensionResourceId, tenantResourceId), and the ID of a resource a template declares.
 */
import { EvaluationError, type Value } from './values.js';

/** Where a deployment runs: a resource group, or a subscription (nested deployment with subscriptionId + location). */
export interface TargetScope {
  readonly subscriptionId: string;
  /** Undefined for a subscription-scope deployment. */
  readonly resourceGroup: string | undefined;
}

export const subscriptionPath = (subscriptionId: string): string => `/subscriptions/${subscriptionId}`;
export const resourceGroupPath = (subscriptionId: string, rg: string): string => `/subscriptions/${subscriptionId}/resourceGroups/${rg}`;

export function scopePath(scope: TargetScope): string {
  return scope.resourceGroup === undefined ? subscriptionPath(scope.subscriptionId) : resourceGroupPath(scope.subscriptionId, scope.resourceGroup);
}

function strings(fn: string, args: readonly Value[]): string[] {
  return args.map((a, i) => {
    if (typeof a !== 'string') throw new EvaluationError(`${fn}(): argument ${i + 1} must be a string, got ${JSON.stringify(a)}`);
    return a;
  });
}

/** `providers/Ns/t1/n1/t2/n2` for type `Ns/t1/t2` and names [n1, n2]. */
function providerPath(fn: string, type: string, names: readonly string[]): string {
  const [ns, ...types] = type.split('/');
  if (!ns || types.length === 0) throw new EvaluationError(`${fn}(): '${type}' is not a resource type`);
  if (names.length !== types.length) {
    throw new EvaluationError(`${fn}(): type '${type}' needs ${types.length} name segment(s), got ${names.length}`);
  }
  return `providers/${ns}/${types.map((t, i) => `${t}/${names[i]}`).join('/')}`;
}

/** resourceId([subscriptionId], [resourceGroupName], resourceType, resourceName1, ...). The type is the first argument with a '/'. */
export function resourceId(args: readonly Value[], here: TargetScope): string {
  const s = strings('resourceId', args);
  const t = s.findIndex((a) => a.includes('/'));
  if (t < 0 || t > 2) throw new EvaluationError(`resourceId(${s.join(', ')}): no resource type among the first three arguments`);
  const [sub, rg] = t === 2 ? [s[0] as string, s[1] as string] : t === 1 ? [here.subscriptionId, s[0] as string] : [here.subscriptionId, here.resourceGroup];
  const path = providerPath('resourceId', s[t] as string, s.slice(t + 1));
  return rg === undefined ? `${subscriptionPath(sub)}/${path}` : `${resourceGroupPath(sub, rg)}/${path}`;
}

/** subscriptionResourceId([subscriptionId], resourceType, resourceName1, ...). */
export function subscriptionResourceId(args: readonly Value[], here: TargetScope): string {
  const s = strings('subscriptionResourceId', args);
  const t = s.findIndex((a) => a.includes('/'));
  if (t < 0 || t > 1) throw new EvaluationError(`subscriptionResourceId(${s.join(', ')}): no resource type among the first two arguments`);
  const sub = t === 1 ? (s[0] as string) : here.subscriptionId;
  return `${subscriptionPath(sub)}/${providerPath('subscriptionResourceId', s[t] as string, s.slice(t + 1))}`;
}

/** extensionResourceId(resourceId, resourceType, resourceName1, ...). */
export function extensionResourceId(args: readonly Value[]): string {
  const [base, type, ...names] = strings('extensionResourceId', args);
  if (base === undefined || type === undefined) throw new EvaluationError('extensionResourceId() needs a resource ID and a type');
  return `${base.replace(/\/$/, '')}/${providerPath('extensionResourceId', type, names)}`;
}

/** tenantResourceId(resourceType, resourceName1, ...). */
export function tenantResourceId(args: readonly Value[]): string {
  const [type, ...names] = strings('tenantResourceId', args);
  if (type === undefined) throw new EvaluationError('tenantResourceId() needs a type');
  return `/${providerPath('tenantResourceId', type, names)}`;
}

/**
 * The ID of a declared resource: `<scope>/providers/<type with name segments>`, where scope is the resource's own
 * `scope` property (extension resources) or the deployment's target scope. A child name is `parent/child`.
 */
export function declaredResourceId(type: string, name: string, scope: string | undefined, here: TargetScope): string {
  const base = scope ?? scopePath(here);
  return `${base.replace(/\/$/, '')}/${providerPath(`resource '${name}'`, type, name.split('/'))}`;
}

/** True when `id` is `scope` itself or lies under it (path-segment boundary, case-insensitive). */
export function isUnder(id: string, scope: string): boolean {
  const a = id.toLowerCase();
  const b = scope.toLowerCase().replace(/\/$/, '');
  return a === b || a.startsWith(`${b}/`);
}

/** The resource type of a full resource ID (`Ns/t1/t2`), the last provider segment wins (extension resources). */
export function typeOfId(id: string): string | undefined {
  const parts = id.split('/');
  const p = parts.map((x) => x.toLowerCase()).lastIndexOf('providers');
  if (p < 0) return undefined;
  const rest = parts.slice(p + 1);
  const types = rest.filter((_, i) => i > 0 && i % 2 === 1);
  return [rest[0], ...types].join('/');
}
