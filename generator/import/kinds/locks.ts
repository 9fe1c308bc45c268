import { canonicalString, expressionOf } from '../armValues.js';
import { isType, takeBase, type ResourceImporter } from './common.js';

const LOCKS = 'Microsoft.Authorization/locks';

/** The name armgen gives a lock when the config names none: `lock-<resource name>` (resolve/locks.ts). */
function defaultLockName(resourceName: string): string {
  return resourceName.startsWith('[')
    ? `[format('lock-{0}',${resourceName.slice(1, -1)})]`.toLowerCase()
    : `lock-${resourceName}`.toLowerCase();
}

/** A lock on the account (`lock:`) or on a created identity (`identities[].lock`). */
export const locks: ResourceImporter = {
  kind: 'lock',
  claims: (r) => isType(r, LOCKS),
  import(ctx, resource) {
    takeBase(ctx, resource, LOCKS);
    const scope = resource.take('scope');
    const key = typeof scope === 'string' ? canonicalString(scope).toLowerCase() : undefined;
    const identity = key ? ctx.identities.get(key) : undefined;
    const owner = key && key === ctx.account?.id ? 'account' : identity?.config.create === true ? 'identity' : undefined;
    if (!owner) {
      ctx.refuse(resource.at('scope'), 'a lock is imported only on the Automation account or on an identity the template creates');
      return;
    }
    const lock: Record<string, unknown> = {};
    const properties = resource.object('properties');
    if (properties?.has('level')) lock.level = properties.take('level');
    if (properties?.has('notes')) lock.notes = properties.take('notes');
    properties?.finish('the lock properties');
    const name = resource.take('name');
    const resourceName = owner === 'account' ? ctx.account!.name : literalName(identity!.config.resourceName);
    if (typeof name !== 'string' || (expressionOf(name) && canonicalString(name).toLowerCase() !== defaultLockName(resourceName))) {
      ctx.refuse(resource.at('name'), "a lock's name is imported as a literal or armgen's default lock-<resource name>");
      return;
    }
    if (canonicalString(name).toLowerCase() !== defaultLockName(resourceName)) lock.name = name;
    if (lock.level === 'ReadOnly') lock.readOnlyAcknowledged = true;
    resource.finish('a lock');
    if (owner === 'account') ctx.draft.lock = lock;
    else identity!.config.lock = lock;
  },
};

function literalName(value: unknown): string {
  return typeof value === 'string' ? value : `[parameters('${(value as { param: string }).param}')]`;
}
