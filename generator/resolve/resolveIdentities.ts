import { bicepRaw, call, dual, member, obj, str, type Expr } from '../arm/expr.js';
import type { UserAssignedIdentity } from '../model/config.generated.js';
import type { ArmResource, ExistingResource } from '../model/resolved.js';
import { isParamRef, type ResolveContext } from './context.js';
import { nameRules } from './nameRules.js';
import type { SymbolTable } from './names.js';
import { tagsValue } from './values.js';

const UAMI_TYPE = 'Microsoft.ManagedIdentity/userAssignedIdentities';
const FIC_TYPE = 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials';

/** `/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{name}` */
const UAMI_ID = /^\/subscriptions\/([0-9a-fA-F-]{36})\/resourceGroups\/([^/]+)\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/([^/]+)$/i;

/** A user-assigned identity as the rest of resolve needs it. */
export interface ResolvedIdentity {
  readonly handle: string;
  readonly pointer: string;
  readonly created: boolean;
  readonly symbol: string;
  /** Full resource ID: known when the deployment starts, so usable in role-assignment names. */
  readonly id: Expr;
  readonly principalId: Expr;
  readonly clientId: Expr;
  /** dependsOn entry when the template creates it. */
  readonly dependency?: { readonly arm: Expr; readonly symbol: string };
  /** A literal ID, when everything about it is fixed (used to detect duplicates). */
  readonly literalKey?: string;
}

export interface IdentityResolution {
  readonly identities: ReadonlyMap<string, ResolvedIdentity>;
  readonly resources: readonly ArmResource[];
  readonly existing: readonly ExistingResource[];
}

/**
 * Resolve `identities:`: created identities become resources (+ federated credentials chained one after
 * another, since Azure rejects concurrent writes to one identity: ConcurrentFederatedIdentityCredentialsWritesForSingleManagedIdentity);
 * existing ones become resourceId() expressions (ARM) and `existing` declarations (Bicep), never dependsOn.
 */
export function resolveIdentities(ctx: ResolveContext, symbols: SymbolTable, location: Expr): IdentityResolution {
  const identities = new Map<string, ResolvedIdentity>();
  const resources: ArmResource[] = [];
  const existing: ExistingResource[] = [];
  const literalKeys = new Map<string, string>();
  const api = ctx.api(UAMI_TYPE);
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
    const resolved = cfg.create
      ? createdIdentity(ctx, cfg, pointer, symbol, api, location, resources)
      : existingIdentity(ctx, cfg, pointer, symbol, api, existing);
    if (resolved.literalKey) {
      const other = literalKeys.get(resolved.literalKey);
      if (other) ctx.error(pointer, 'AG302', `identity '${cfg.name}' is the same Azure identity as '${other}' (${resolved.literalKey}); declare it once`);
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
  if (!cfg.create && (cfg.federatedCredentials !== undefined || cfg.tags !== undefined)) {
    ctx.error(pointer, 'AG200', `identity '${cfg.name}': tags and federatedCredentials apply only to identities the template creates (create: true)`);
  }
}

function createdIdentity(
  ctx: ResolveContext,
  cfg: UserAssignedIdentity,
  pointer: string,
  symbol: string,
  api: string,
  location: Expr,
  resources: ArmResource[],
): ResolvedIdentity {
  const name = ctx.stringValue(cfg.resourceName ?? cfg.name, `${pointer}/${cfg.resourceName === undefined ? 'name' : 'resourceName'}`, nameRules.userAssignedIdentity);
  const armId = call('resourceId', str(UAMI_TYPE), name);
  const tags = cfg.tags === undefined ? undefined : tagsValue(ctx, cfg.tags, `${pointer}/tags`);
  resources.push({ kind: 'userAssignedIdentity', symbol, type: UAMI_TYPE, apiVersion: api, name, location, ...(tags ? { tags } : {}), dependsOn: [] });
  // Serial chain: each credential waits for the identity and for the previous credential.
  let previous: { arm: Expr; symbol: string } = { arm: armId, symbol };
  (cfg.federatedCredentials ?? []).forEach((fic, j) => {
    const ficSymbol = `${symbol}Fic${j + 1}`;
    resources.push({
      kind: 'federatedIdentityCredential',
      symbol: ficSymbol,
      type: FIC_TYPE,
      apiVersion: ctx.api(FIC_TYPE),
      name: call('format', str('{0}/{1}'), name, str(fic.name)),
      parent: { symbol, name: str(fic.name) },
      properties: obj({
        audiences: { k: 'arr', items: (fic.audiences ?? ['api://AzureADTokenExchange']).map(str) },
        issuer: str(fic.issuer),
        subject: str(fic.subject),
      }),
      dependsOn: [previous],
    });
    previous = { arm: call('resourceId', str(FIC_TYPE), name, str(fic.name)), symbol: ficSymbol };
  });
  const id = dual(armId, bicepRaw(`${symbol}.id`));
  return {
    handle: cfg.name,
    pointer,
    created: true,
    symbol,
    id,
    principalId: dual(member(call('reference', armId, str(api)), 'principalId'), bicepRaw(`${symbol}.properties.principalId`)),
    clientId: dual(member(call('reference', armId, str(api)), 'clientId'), bicepRaw(`${symbol}.properties.clientId`)),
    dependency: { arm: armId, symbol },
    ...(typeof cfg.resourceName !== 'object' ? { literalKey: `rg:${(cfg.resourceName ?? cfg.name).toLowerCase()}` } : {}),
  };
}

function existingIdentity(
  ctx: ResolveContext,
  cfg: UserAssignedIdentity,
  pointer: string,
  symbol: string,
  api: string,
  existing: ExistingResource[],
): ResolvedIdentity {
  let armId: Expr;
  let decl: ExistingResource;
  let literalKey: string | undefined;
  if (cfg.resourceId !== undefined) {
    if (isParamRef(cfg.resourceId)) {
      const idParam = ctx.useParam(cfg.resourceId, { pointer: `${pointer}/resourceId/param`, type: 'string' });
      armId = idParam;
      // Bicep needs name and scope for `existing`: take them apart from the ID at deployment time.
      const parts = call('split', idParam, str('/'));
      decl = {
        symbol,
        type: UAMI_TYPE,
        apiVersion: api,
        name: call('last', parts),
        subscriptionId: { k: 'index', target: parts, index: { k: 'num', v: 2 } },
        resourceGroup: { k: 'index', target: parts, index: { k: 'num', v: 4 } },
      };
    } else {
      const m = UAMI_ID.exec(cfg.resourceId);
      if (!m) {
        ctx.error(`${pointer}/resourceId`, 'AG308', `${JSON.stringify(cfg.resourceId)} is not a user-assigned identity resource ID: expected /subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>`);
      }
      armId = str(cfg.resourceId);
      decl = { symbol, type: UAMI_TYPE, apiVersion: api, name: str(m?.[3] ?? 'invalid'), subscriptionId: str(m?.[1] ?? ''), resourceGroup: str(m?.[2] ?? '') };
      literalKey = cfg.resourceId.toLowerCase();
    }
  } else {
    const name = ctx.stringValue(cfg.resourceName ?? cfg.name, `${pointer}/${cfg.resourceName === undefined ? 'name' : 'resourceName'}`, nameRules.userAssignedIdentity);
    const rg = cfg.resourceGroup === undefined ? undefined : ctx.stringValue(cfg.resourceGroup, `${pointer}/resourceGroup`, nameRules.resourceGroup);
    const sub = cfg.subscriptionId === undefined ? undefined : ctx.stringValue(cfg.subscriptionId, `${pointer}/subscriptionId`, nameRules.subscriptionId);
    armId = call('resourceId', ...(sub ? [sub] : []), ...(rg ? [rg] : []), str(UAMI_TYPE), name);
    decl = { symbol, type: UAMI_TYPE, apiVersion: api, name, ...(sub ? { subscriptionId: sub } : {}), ...(rg ? { resourceGroup: rg } : {}) };
    const literal = [cfg.subscriptionId ?? '', cfg.resourceGroup ?? '', cfg.resourceName ?? cfg.name];
    if (literal.every((x) => typeof x === 'string')) literalKey = literal.filter(Boolean).join('/').toLowerCase();
  }
  existing.push(decl);
  return {
    handle: cfg.name,
    pointer,
    created: false,
    symbol,
    id: dual(armId, bicepRaw(`${symbol}.id`)),
    principalId: dual(member(call('reference', armId, str(api)), 'principalId'), bicepRaw(`${symbol}.properties.principalId`)),
    clientId: dual(member(call('reference', armId, str(api)), 'clientId'), bicepRaw(`${symbol}.properties.clientId`)),
    ...(literalKey ? { literalKey } : {}),
  };
}
