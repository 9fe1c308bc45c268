import { DISABLE_LOCAL_AUTH_SINCE } from '../azure/automationAccess.js';
import { nameRules } from '../azure/naming.js';
import { obj, ref, str, type Expr } from '../model/expr.js';
import { createdRef, type ResourceRef } from '../model/resourceRef.js';
import type { ResourceNode } from '../model/resolved.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import type { ResolveContext } from './context.js';
import type { SymbolTable } from './names.js';
import { resolveEncryption, type ResolvedEncryption } from './resolveEncryption.js';
import type { ResolvedIdentity } from './resolveIdentities.js';
import { publicNetworkAccessValue } from './resolvePrivateEndpoints.js';
import { boolValue, tagsValue } from './values.js';

const ACCOUNT_TYPE = 'Microsoft.Automation/automationAccounts';

/** What the rest of resolve needs to know about the account. */
export interface ResolvedAccount {
  readonly resource: ResourceNode;
  readonly ref: ResourceRef;
  readonly name: Expr;
  readonly systemAssigned: boolean;
  readonly systemPrincipalId: Expr;
  readonly attached: ReadonlySet<string>;
  readonly encryption?: ResolvedEncryption;
}

/** 2015-10-31 and 2019-06-01 declare no `identity` on the account. */
const IDENTITY_VERSIONS_WITHOUT = new Set(['2015-10-31', '2017-05-15-preview', '2018-01-15', '2018-06-30', '2019-06-01']);

/**
 * Resolve `automationAccount:` into the account resource: identity block in the API's enum spelling
 * ('SystemAssigned, UserAssigned', with the space), userAssignedIdentities keyed by full resource ID with `{}`
 * values, secure defaults (local auth off where the API version has the switch), and dependsOn on the
 * identities this template creates.
 */
export function resolveAccount(
  ctx: ResolveContext,
  symbols: SymbolTable,
  identities: ReadonlyMap<string, ResolvedIdentity>,
  location: Expr,
): ResolvedAccount {
  const cfg = ctx.config.automationAccount;
  const pointer = '/automationAccount';
  const api = ctx.api(ACCOUNT_TYPE);
  const name = ctx.stringValue(cfg.name, `${pointer}/name`, nameRules.automationAccount);
  const account = createdRef({ symbol: 'automationAccount', type: ACCOUNT_TYPE, apiVersion: api, name });
  const systemAssigned = cfg.identity?.systemAssigned ?? false;
  const attachedList = cfg.identity?.userAssigned ?? [];
  const attached = new Set<string>();
  const dependsOn: ResourceRef[] = [];
  const uaEntries: (readonly [Expr, Expr])[] = [];
  attachedList.forEach((handle, i) => {
    const identity = identities.get(handle);
    if (!identity) {
      const hint = suggestionHint(didYouMean(handle, identities.keys()));
      ctx.error(`${pointer}/identity/userAssigned/${i}`, 'AG301', `unknown identity '${handle}'.${hint || ' Declare it under identities:'}`);
      return;
    }
    attached.add(handle);
    uaEntries.push([ref(identity.ref, 'id'), obj({})]);
    if (identity.ref.created) dependsOn.push(identity.ref);
  });
  if ((systemAssigned || attached.size > 0) && IDENTITY_VERSIONS_WITHOUT.has(api)) {
    ctx.error(`${pointer}/identity`, 'AG304', `Microsoft.Automation/automationAccounts@${api} has no managed identity support; use 2020-01-13-preview or later`);
  }
  const identityType = systemAssigned && attached.size > 0 ? 'SystemAssigned, UserAssigned' : systemAssigned ? 'SystemAssigned' : 'UserAssigned';
  const identity =
    systemAssigned || attached.size > 0
      ? obj({ type: str(identityType), userAssignedIdentities: attached.size > 0 ? obj(uaEntries) : undefined })
      : undefined;
  const encryption = resolveEncryption(ctx, symbols, { identities, attached });
  const resource: ResourceNode = {
    kind: 'resource',
    ref: account,
    location,
    ...(cfg.tags === undefined ? {} : { tags: tagsValue(ctx, cfg.tags, `${pointer}/tags`) }),
    ...(identity ? { identity } : {}),
    properties: obj({
      ...localAuth(ctx, api, pointer),
      publicNetworkAccess: publicNetworkAccessValue(ctx, api, cfg.publicNetworkAccess === undefined ? undefined : boolValue(ctx, cfg.publicNetworkAccess, `${pointer}/publicNetworkAccess`)),
      sku: obj({ name: skuValue(ctx, pointer) }),
      encryption: encryption?.value,
    }),
    dependsOn,
  };
  return {
    resource,
    ref: account,
    name,
    systemAssigned,
    systemPrincipalId: ref(account, { full: ['identity', 'principalId'] }),
    attached,
    ...(encryption ? { encryption } : {}),
  };
}

function localAuth(ctx: ResolveContext, api: string, pointer: string): { disableLocalAuth?: Expr } {
  const cfg = ctx.config.automationAccount.disableLocalAuth;
  if (api < DISABLE_LOCAL_AUTH_SINCE) {
    if (cfg !== undefined) ctx.error(`${pointer}/disableLocalAuth`, 'AG304', `disableLocalAuth needs Microsoft.Automation/automationAccounts ${DISABLE_LOCAL_AUTH_SINCE} or later (apiVersions pins ${api})`);
    return {};
  }
  return { disableLocalAuth: boolValue(ctx, cfg ?? true, `${pointer}/disableLocalAuth`) };
}

function skuValue(ctx: ResolveContext, pointer: string): Expr {
  const sku = ctx.config.automationAccount.sku ?? 'Basic';
  if (typeof sku === 'string') return str(sku);
  return ctx.useParam(sku, { pointer: `${pointer}/sku/param`, type: 'string' });
}
