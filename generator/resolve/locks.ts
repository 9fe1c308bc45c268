import { interp, obj, str, type Expr } from '../model/expr.js';
import { createdRef, type ResourceRef } from '../model/resourceRef.js';
import type { ResourceNode, TemplateNode } from '../model/resolved.js';
import { uniqueRefs } from './children.js';
import type { ResolveContext } from './context.js';

const LOCK_TYPE = 'Microsoft.Authorization/locks';

/** A lock as the config states it (`lock:` of the account, `identities[].lock`). */
export interface LockSpec {
  readonly level: 'CanNotDelete' | 'ReadOnly';
  readonly name?: string;
  readonly notes?: string;
  readonly readOnlyAcknowledged?: boolean;
}

/** One lock to resolve: on which resource, and how its messages name it. */
export interface LockTarget {
  readonly lock: LockSpec;
  /** The config pointer of the `lock` object. */
  readonly pointer: string;
  /** The locked resource, created by this template. */
  readonly scope: ResourceRef;
  /** Its name, for the default lock name `lock-<name>` (AVM's default). */
  readonly scopeName: Expr;
  /** The Bicep symbol of the lock. */
  readonly symbol: string;
  /** What a ReadOnly lock breaks on this resource, for the acknowledgment error. */
  readonly readOnlyBlocks: string;
  /** Resources outside the scope the lock must still wait for (private endpoints, whose approval writes to the account). */
  readonly alsoAfter?: readonly ResourceRef[];
}

/**
 * A `Microsoft.Authorization/locks` extension resource on `target.scope`. It waits for every resource the template
 * puts under that scope (children and theirs, extension resources and role-assignment modules that work on it), so
 * the lock never races their writes (AVM's locks depend on the locked resource only). ReadOnly must be acknowledged:
 * it blocks every later PUT under its scope, so the next deployment fails
 * (learn.microsoft.com/azure/azure-resource-manager/management/lock-resources).
 */
export function lockNode(ctx: ResolveContext, target: LockTarget, others: readonly TemplateNode[]): ResourceNode {
  const { lock, pointer } = target;
  if (lock.level === 'ReadOnly' && lock.readOnlyAcknowledged !== true) {
    ctx.error(`${pointer}/level`, 'AG308', `a ReadOnly lock blocks every later PUT under ${target.readOnlyBlocks}. Use CanNotDelete, or set readOnlyAcknowledged: true`);
  }
  if (lock.readOnlyAcknowledged !== undefined && lock.level !== 'ReadOnly') ctx.error(`${pointer}/readOnlyAcknowledged`, 'AG200', 'readOnlyAcknowledged applies only to level ReadOnly');
  const notes = lock.notes ?? (lock.level === 'CanNotDelete' ? 'Cannot delete resource or child resources.' : 'Cannot delete or modify the resource or child resources.');
  const name = lock.name === undefined ? interp('lock-', target.scopeName) : str(lock.name);
  return {
    kind: 'resource',
    ref: createdRef({ symbol: target.symbol, type: LOCK_TYPE, apiVersion: ctx.api(LOCK_TYPE), name, extensionOf: target.scope }),
    properties: obj({ level: str(lock.level), notes: str(notes) }),
    dependsOn: uniqueRefs([target.scope, ...underScope(target.scope, others), ...(target.alsoAfter ?? [])]),
  };
}

/** What a lock's scope covers, in template order: the resource's children and theirs, and what is attached to it. */
export function underScope(scope: ResourceRef, nodes: readonly TemplateNode[]): ResourceRef[] {
  const below = (r: ResourceRef): boolean => (r.parent !== undefined && (r.parent === scope || below(r.parent))) || r.extensionOf === scope;
  const out: ResourceRef[] = [];
  for (const n of nodes) {
    if (n.kind === 'resource' && below(n.ref)) out.push(n.ref);
    if (n.kind === 'module' && n.target.kind === 'resourceGroup' && n.target.resource?.ref === scope) out.push(n.ref);
  }
  return out;
}
