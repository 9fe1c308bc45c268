import { nameRules } from '../azure/naming.js';
import { obj, ref, str, type Expr } from '../model/expr.js';
import { createdRef, type ResourceRef } from '../model/resourceRef.js';
import type { ResourceNode } from '../model/resolved.js';
import type { EncryptionSummary } from '../model/summary.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import type { ResolveContext } from './context.js';
import type { ResolvedIdentity } from './resolveIdentities.js';
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
  /** A customer-managed key, for the deployment summary. */
  readonly encryption?: EncryptionSummary;
}

/** API versions before 2021-06-22 have no `disableLocalAuth` (official schemas, Microsoft.Automation). */
const DISABLE_LOCAL_AUTH_SINCE = '2021-06-22';
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
  // Evaluated in property order, so findings and parameter uses keep the order of the config's sections.
  const tags = cfg.tags === undefined ? undefined : tagsValue(ctx, cfg.tags, `${pointer}/tags`);
  const auth = localAuth(ctx, api, pointer);
  const publicNetworkAccess = cfg.publicNetworkAccess === undefined ? undefined : boolValue(ctx, cfg.publicNetworkAccess, `${pointer}/publicNetworkAccess`);
  const sku = obj({ name: skuValue(ctx, pointer) });
  const enc = encryption(ctx, identities, attached, pointer);
  const resource: ResourceNode = {
    kind: 'resource',
    ref: account,
    location,
    ...(tags ? { tags } : {}),
    ...(identity ? { identity } : {}),
    properties: obj({ ...auth, publicNetworkAccess, sku, encryption: enc?.expr }),
    dependsOn,
  };
  return {
    resource,
    ref: account,
    name,
    systemAssigned,
    systemPrincipalId: ref(account, { full: ['identity', 'principalId'] }),
    attached,
    ...(enc?.summary ? { encryption: enc.summary } : {}),
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

function encryption(
  ctx: ResolveContext,
  identities: ReadonlyMap<string, ResolvedIdentity>,
  attached: ReadonlySet<string>,
  pointer: string,
): { expr: Expr; summary?: EncryptionSummary } | undefined {
  const enc = ctx.config.automationAccount.encryption;
  if (!enc) return undefined;
  const at = `${pointer}/encryption`;
  if (enc.keySource === 'Microsoft.Automation') {
    for (const key of ['keyVaultUri', 'keyName', 'keyVersion', 'identity'] as const) {
      if (enc[key] !== undefined) ctx.error(`${at}/${key}`, 'AG200', `${key} applies only to keySource Microsoft.Keyvault (a customer-managed key)`);
    }
    return { expr: obj({ keySource: str('Microsoft.Automation') }) };
  }
  let identityId: Expr | undefined;
  let identityHandle = 'system';
  if (enc.identity !== undefined) {
    const identity = identities.get(enc.identity);
    if (!identity) {
      ctx.error(`${at}/identity`, 'AG301', `unknown identity '${enc.identity}'.${suggestionHint(didYouMean(enc.identity, identities.keys()))}`);
    } else if (!attached.has(enc.identity)) {
      ctx.error(`${at}/identity`, 'AG306', `identity '${enc.identity}' reads the encryption key but is not attached to the account; add it to automationAccount.identity.userAssigned`);
    } else {
      identityId = ref(identity.ref, 'id');
      identityHandle = enc.identity;
    }
  }
  const keyName = enc.keyName === undefined ? undefined : ctx.stringValue(enc.keyName, `${at}/keyName`);
  const keyVersion = enc.keyVersion === undefined ? undefined : ctx.stringValue(enc.keyVersion, `${at}/keyVersion`);
  const keyVaultUri = enc.keyVaultUri === undefined ? undefined : ctx.stringValue(enc.keyVaultUri, `${at}/keyVaultUri`);
  const expr = obj({
    keySource: str('Microsoft.Keyvault'),
    identity: identityId ? obj({ userAssignedIdentity: identityId }) : undefined,
    keyVaultProperties: obj({
      keyName,
      keyVersion,
      keyvaultUri: keyVaultUri,
    }),
  });
  return { expr, summary: { identity: identityHandle, ...(keyVaultUri ? { keyVaultUri } : {}), ...(keyName ? { keyName } : {}) } };
}
