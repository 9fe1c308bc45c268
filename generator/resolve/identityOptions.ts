import { ISOLATION_SCOPE_DOC, ISOLATION_SCOPE_SINCE, regionKey } from '../azure/managedIdentity.js';
import type { StringOrParam, UserAssignedIdentity } from '../model/config.generated.js';
import { obj, str, type Expr } from '../model/expr.js';
import type { ResourceNode, TemplateNode } from '../model/resolved.js';
import type { ResolveContext } from './context.js';
import { lockNode } from './locks.js';
import type { SymbolTable } from './names.js';
import type { ResolvedIdentity } from './resolveIdentities.js';

const UAMI_TYPE = 'Microsoft.ManagedIdentity/userAssignedIdentities';

/** Where created identities go unless they say otherwise, and where the account is. */
export interface IdentityPlacement {
  /** The default region of a created identity (the `location` parameter). */
  readonly defaultLocation: Expr;
  /** The account's region as the template writes it. */
  readonly accountLocation: Expr;
  /** The account's region as the config gives it (undefined: the `location` parameter). */
  readonly accountConfigLocation?: StringOrParam;
}

/** Whether a created identity takes the default region (the `location` parameter): no location, and not Regional. */
export function usesDefaultLocation(cfg: UserAssignedIdentity): boolean {
  return cfg.create === true && cfg.location === undefined && cfg.isolationScope !== 'Regional';
}

/**
 * A created identity's region and properties. `isolationScope` needs userAssignedIdentities 2024-11-30; a Regional
 * identity "can only be used by source resources in the same region" (isolation-scope doc), so it follows the
 * account's region unless it names one, and a named one must be the account's.
 */
export function identityPlacement(ctx: ResolveContext, cfg: UserAssignedIdentity, pointer: string, placement: IdentityPlacement): { location: Expr; properties: Expr } {
  const regional = cfg.isolationScope === 'Regional';
  const location = cfg.location !== undefined ? ctx.stringValue(cfg.location, `${pointer}/location`) : regional ? placement.accountLocation : placement.defaultLocation;
  if (cfg.isolationScope !== undefined) {
    const api = ctx.api(UAMI_TYPE);
    if (api < ISOLATION_SCOPE_SINCE) ctx.error(`${pointer}/isolationScope`, 'AG304', `isolationScope needs ${UAMI_TYPE} ${ISOLATION_SCOPE_SINCE} or later (apiVersions pins ${api})`);
  }
  if (regional && cfg.location !== undefined) checkSameRegion(ctx, cfg, pointer, placement.accountConfigLocation);
  // userAssignedIdentities@2024-11-30 requires `properties` in the official schema, even when empty.
  return { location, properties: obj({ isolationScope: cfg.isolationScope === undefined ? undefined : str(cfg.isolationScope) }) };
}

/** A Regional identity with its own `location`: it must be the account's region (checked when both are known). */
function checkSameRegion(ctx: ResolveContext, cfg: UserAssignedIdentity, pointer: string, account: StringOrParam | undefined): void {
  const own = cfg.location!;
  const at = `${pointer}/location`;
  const why = `a Regional identity can be used only by resources in its own region (${ISOLATION_SCOPE_DOC})`;
  if (typeof own === 'string' && typeof account === 'string') {
    if (regionKey(own) !== regionKey(account)) ctx.error(at, 'AG308', `identity '${cfg.name}' is in ${own} but the Automation account is in ${account}: ${why}, so the account could not use it. Leave location out (it then follows the account)`);
    return;
  }
  const same = typeof own === 'object' && typeof account === 'object' && own.param === account.param;
  if (same) return;
  const accountText = account === undefined ? "the 'location' parameter" : typeof account === 'string' ? account : `parameter '${account.param}'`;
  ctx.warn(at, 'AG308', `identity '${cfg.name}' is Regional and in ${typeof own === 'string' ? own : `parameter '${own.param}'`}, the account in ${accountText}: armgen cannot tell before deployment that they are one region, and ${why}. Leave location out (it then follows the account)`);
}

/**
 * `identities[].lock` -> a lock on each created identity that asks for one, after the identity, its federated
 * credentials and the role assignments on it (extension resources and role-assignment modules alike).
 */
export function resolveIdentityLocks(
  ctx: ResolveContext,
  symbols: SymbolTable,
  identities: ReadonlyMap<string, ResolvedIdentity>,
  others: readonly TemplateNode[],
): ResourceNode[] {
  const locks: ResourceNode[] = [];
  (ctx.config.identities ?? []).forEach((cfg, i) => {
    const identity = identities.get(cfg.name);
    if (!cfg.lock || !identity || identity.pointer !== `/identities/${i}` || !identity.ref.created) return;
    locks.push(
      lockNode(
        ctx,
        {
          lock: cfg.lock,
          pointer: `/identities/${i}/lock`,
          scope: identity.ref,
          scopeName: identity.name,
          symbol: symbols.take(cfg.name, 'lock'),
          readOnlyBlocks: `identity '${cfg.name}', so the next deployment of this template fails, and its federated credentials and role assignments on it cannot be changed`,
        },
        others,
      ),
    );
  });
  return locks;
}
