import { nameRules } from '../azure/naming.js';
import { parseResourceId } from '../azure/resourceId.js';
import type { UserAssignedIdentity } from '../model/config.generated.js';
import { arr, obj, ref, str, type Expr } from '../model/expr.js';
import { createdRef, existingRef, type ResourceRef } from '../model/resourceRef.js';
import type { ResourceNode } from '../model/resolved.js';
import { childRef } from './children.js';
import { isParamRef, type ResolveContext } from './context.js';
import { identityPlacement, type IdentityPlacement } from './identityOptions.js';
import type { SymbolTable } from './names.js';
import { tagsValue } from './values.js';

const UAMI_TYPE = 'Microsoft.ManagedIdentity/userAssignedIdentities';
const FIC_TYPE = 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials';

/** A user-assigned identity as the rest of resolve needs it. */
export interface ResolvedIdentity {
  readonly handle: string;
  readonly pointer: string;
  /** The identity resource: created here (dependsOn allowed) or existing (never a dependency). */
  readonly ref: ResourceRef;
  /** Its Azure name (a literal or a parameter; for a given resource ID, the ID). */
  readonly name: Expr;
  /** A created identity's lock level and isolation scope, for the deployment summary. */
  readonly lock?: 'CanNotDelete' | 'ReadOnly';
  readonly isolationScope?: 'None' | 'Regional';
  /** Runtime values, known only once the identity exists (never usable in names: BCP120). */
  readonly principalId: Expr;
  readonly clientId: Expr;
  /** A comparison key when everything about it is fixed (used to detect the same identity declared twice). */
  readonly literalKey?: string;
}

export interface IdentityResolution {
  readonly identities: ReadonlyMap<string, ResolvedIdentity>;
  readonly resources: readonly ResourceNode[];
  readonly existing: readonly ResourceRef[];
}

/**
 * Resolve `identities:`: created identities become resources (+ federated credentials chained one after
 * another, since Azure rejects concurrent writes to one identity: ConcurrentFederatedIdentityCredentialsWritesForSingleManagedIdentity);
 * existing ones become existing refs (ARM `resourceId(...)`, Bicep `existing`), never dependencies.
 */
export function resolveIdentities(ctx: ResolveContext, symbols: SymbolTable, placement: IdentityPlacement): IdentityResolution {
  const identities = new Map<string, ResolvedIdentity>();
  const resources: ResourceNode[] = [];
  const existing: ResourceRef[] = [];
  const literalKeys = new Map<string, string>();
  (ctx.config.identities ?? []).forEach((cfg, i) => {
    const pointer = `/identities/${i}`;
    if (cfg.name.toLowerCase() === 'system') {
      ctx.error(`${pointer}/name`, 'AG302', `'system' is reserved for the system-assigned identity; choose another name`);
      return;
    }
    if (identities.has(cfg.name)) {
      ctx.error(`${pointer}/name`, 'AG302', `duplicate identity '${cfg.name}': it is already declared at ${identities.get(cfg.name)!.pointer}`);
      return;
    }
    checkShape(ctx, cfg, pointer);
    const symbol = symbols.take(cfg.name, 'identity');
    const resolved = cfg.create ? createdIdentity(ctx, cfg, { pointer, symbol, placement, resources }) : existingIdentity(ctx, cfg, pointer, symbol);
    if (!resolved.ref.created) existing.push(resolved.ref);
    if (resolved.literalKey) {
      const other = literalKeys.get(resolved.literalKey);
      if (other) ctx.error(pointer, 'AG302', `identity '${cfg.name}' is the same Azure identity as '${other}'; declare it once`);
      literalKeys.set(resolved.literalKey, cfg.name);
    }
    identities.set(cfg.name, resolved);
  });
  return { identities, resources, existing };
}

function checkShape(ctx: ResolveContext, cfg: UserAssignedIdentity, pointer: string): void {
  if (cfg.resourceId !== undefined && (cfg.resourceName !== undefined || cfg.resourceGroup !== undefined || cfg.subscriptionId !== undefined)) {
    ctx.error(pointer, 'AG200', `identity '${cfg.name}': give either resourceId or resourceName/resourceGroup/subscriptionId, not both`);
  }
  if (cfg.subscriptionId !== undefined && cfg.resourceGroup === undefined) {
    ctx.error(`${pointer}/subscriptionId`, 'AG200', `identity '${cfg.name}': subscriptionId needs resourceGroup (an identity lives in a resource group)`);
  }
  if (cfg.create && (cfg.resourceId !== undefined || cfg.resourceGroup !== undefined || cfg.subscriptionId !== undefined)) {
    ctx.error(pointer, 'AG200', `identity '${cfg.name}': a created identity lives in the deployment's resource group; remove resourceId/resourceGroup/subscriptionId or set create: false`);
  }
  const createOnly = CREATE_ONLY.filter((k) => cfg[k] !== undefined);
  if (!cfg.create && createOnly.length > 0) {
    const list = createOnly.length === 1 ? createOnly[0] : `${createOnly.slice(0, -1).join(', ')} and ${createOnly.at(-1)}`;
    ctx.error(pointer, 'AG200', `identity '${cfg.name}': ${list} ${createOnly.length === 1 ? 'applies' : 'apply'} only to identities the template creates (create: true)`);
  }
}

/** Settings of the identity resource itself, so only for one the template creates. */
const CREATE_ONLY = ['location', 'isolationScope', 'tags', 'lock', 'federatedCredentials'] as const;

function identity(handle: string, pointer: string, res: ResourceRef, literalKey: string | undefined, name: Expr): ResolvedIdentity {
  return {
    handle,
    pointer,
    ref: res,
    name,
    principalId: ref(res, { properties: ['principalId'] }),
    clientId: ref(res, { properties: ['clientId'] }),
    ...(literalKey ? { literalKey } : {}),
  };
}

function createdIdentity(
  ctx: ResolveContext,
  cfg: UserAssignedIdentity,
  at: { readonly pointer: string; readonly symbol: string; readonly placement: IdentityPlacement; readonly resources: ResourceNode[] },
): ResolvedIdentity {
  const { pointer, symbol, resources } = at;
  const name = ctx.stringValue(cfg.resourceName ?? cfg.name, `${pointer}/${cfg.resourceName === undefined ? 'name' : 'resourceName'}`, nameRules.userAssignedIdentity);
  const res = createdRef({ symbol, type: UAMI_TYPE, apiVersion: ctx.api(UAMI_TYPE), name });
  const tags = cfg.tags === undefined ? undefined : tagsValue(ctx, cfg.tags, `${pointer}/tags`);
  const { location, properties } = identityPlacement(ctx, cfg, pointer, at.placement);
  resources.push({ kind: 'resource', ref: res, location, ...(tags ? { tags } : {}), properties, dependsOn: [] });
  // Serial chain: each credential waits for the previous one (the first for the identity).
  let previous = res;
  const names = new Map<string, number>();
  const claims = new Map<string, number>();
  (cfg.federatedCredentials ?? []).forEach((fic, j) => {
    if (!uniqueCredential(ctx, { names, claims }, fic, `${pointer}/federatedCredentials/${j}`, j)) return;
    const ficRef = childRef(ctx, res, FIC_TYPE, str(fic.name), `${symbol}Fic${j + 1}`);
    resources.push({
      kind: 'resource',
      ref: ficRef,
      properties: obj({
        audiences: arr((fic.audiences ?? ['api://AzureADTokenExchange']).map(str)),
        issuer: str(fic.issuer),
        subject: str(fic.subject),
      }),
      dependsOn: [previous],
    });
    previous = ficRef;
  });
  return {
    ...identity(cfg.name, pointer, res, identityKey(undefined, undefined, cfg.resourceName ?? cfg.name), name),
    ...(cfg.lock ? { lock: cfg.lock.level } : {}),
    ...(cfg.isolationScope ? { isolationScope: cfg.isolationScope } : {}),
  };
}

/**
 * Federated credentials of one identity are distinct: two with one name would be one resource written twice (ARM
 * names are case-insensitive; Bicep BCP121), and Entra allows one credential per issuer and subject on an identity
 * ("The combination of issuer and subject must be unique on the app", which applies to user-assigned identities too:
 * learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations).
 */
function uniqueCredential(
  ctx: ResolveContext,
  seen: { names: Map<string, number>; claims: Map<string, number> },
  fic: { name: string; issuer: string; subject: string },
  pointer: string,
  j: number,
): boolean {
  const sameName = seen.names.get(fic.name.toLowerCase());
  if (sameName !== undefined) {
    ctx.error(`${pointer}/name`, 'AG302', `federated credential '${fic.name}' is already declared at federatedCredentials/${sameName} of this identity (names are case-insensitive)`);
    return false;
  }
  seen.names.set(fic.name.toLowerCase(), j);
  const claim = `${fic.issuer}\u0000${fic.subject}`;
  const sameClaim = seen.claims.get(claim);
  if (sameClaim !== undefined) {
    ctx.error(`${pointer}/subject`, 'AG302', `federated credential '${fic.name}' has the same issuer and subject as federatedCredentials/${sameClaim}; Entra accepts one credential per issuer and subject on an identity`);
    return false;
  }
  seen.claims.set(claim, j);
  return true;
}

function existingIdentity(ctx: ResolveContext, cfg: UserAssignedIdentity, pointer: string, symbol: string): ResolvedIdentity {
  const api = ctx.api(UAMI_TYPE);
  if (cfg.resourceId !== undefined) {
    if (isParamRef(cfg.resourceId)) {
      const id = ctx.useParam(cfg.resourceId, { pointer: `${pointer}/resourceId/param`, type: 'string' });
      return identity(cfg.name, pointer, existingRef({ symbol, type: UAMI_TYPE, apiVersion: api, id: { kind: 'given', id } }), undefined, id);
    }
    const parsed = parseResourceId(cfg.resourceId);
    if (!parsed || parsed.type?.toLowerCase() !== UAMI_TYPE.toLowerCase() || !parsed.resourceGroup || parsed.names.length !== 1) {
      ctx.error(`${pointer}/resourceId`, 'AG308', `${JSON.stringify(cfg.resourceId)} is not a user-assigned identity resource ID: expected /subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>`);
      return identity(cfg.name, pointer, existingRef({ symbol, type: UAMI_TYPE, apiVersion: api, id: { kind: 'given', id: str(cfg.resourceId) } }), undefined, str(cfg.resourceId));
    }
    const res = existingRef({
      symbol,
      type: UAMI_TYPE,
      apiVersion: api,
      id: { kind: 'parts', subscriptionId: str(parsed.subscriptionId!), resourceGroup: str(parsed.resourceGroup), names: [str(parsed.names[0]!)] },
    });
    return identity(cfg.name, pointer, res, identityKey(parsed.subscriptionId, parsed.resourceGroup, parsed.names[0]!), str(parsed.names[0]!));
  }
  const name = ctx.stringValue(cfg.resourceName ?? cfg.name, `${pointer}/${cfg.resourceName === undefined ? 'name' : 'resourceName'}`, nameRules.userAssignedIdentity);
  const rg = cfg.resourceGroup === undefined ? undefined : ctx.stringValue(cfg.resourceGroup, `${pointer}/resourceGroup`, nameRules.resourceGroup);
  const sub = cfg.subscriptionId === undefined ? undefined : ctx.stringValue(cfg.subscriptionId, `${pointer}/subscriptionId`, nameRules.subscriptionId);
  const res = existingRef({
    symbol,
    type: UAMI_TYPE,
    apiVersion: api,
    id: { kind: 'parts', ...(sub ? { subscriptionId: sub } : {}), ...(rg ? { resourceGroup: rg } : {}), names: [name] },
  });
  return identity(cfg.name, pointer, res, identityKey(cfg.subscriptionId, cfg.resourceGroup, cfg.resourceName ?? cfg.name), name);
}

/**
 * One key per Azure identity however the config spells it (parts or full ID, any letter case: ARM names and IDs are
 * case-insensitive); undefined when a part is a parameter. A missing subscription or group is the deployment's.
 */
function identityKey(sub: unknown, rg: unknown, name: unknown): string | undefined {
  if ([sub, rg, name].some((x) => x !== undefined && typeof x !== 'string')) return undefined;
  return [sub ?? '(deployment)', rg ?? '(deployment)', name].join('/').toLowerCase();
}
