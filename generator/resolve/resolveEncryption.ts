import { checkName, nameRules } from '../azure/naming.js';
import { knownResourceType } from '../azure/resourceTypes.js';
import { call, obj, ref, str, type Expr } from '../model/expr.js';
import { existingRef, type ResourceRef } from '../model/resourceRef.js';
import type { EncryptionSummary } from '../model/summary.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import type { ResolveContext } from './context.js';
import { givenResourceId } from './givenIds.js';
import type { SymbolTable } from './names.js';
import type { ResolvedIdentity } from './resolveIdentities.js';

const VAULT_TYPE = 'Microsoft.KeyVault/vaults';
const KEY_TYPE = 'Microsoft.KeyVault/vaults/keys';

/** What the rest of resolve needs to know about a customer-managed key. */
export interface ResolvedEncryption {
  readonly value: Expr;
  /** The identity that reads the key, when the key is customer-managed and the identity is attached. */
  readonly identity?: ResolvedIdentity;
  /** The vault's name, when the config spells it (from its ID or URI), to match role assignments on it. */
  readonly vaultName?: string;
  /** Existing vault and key declarations the value reads from (in declaration order). */
  readonly existing: readonly ResourceRef[];
  /** A customer-managed key, for the deployment summary (the README). */
  readonly summary?: EncryptionSummary;
}

/**
 * `automationAccount.encryption` -> the account's `encryption` property. A customer-managed key is read by an
 * attached user-assigned identity. With `keyVaultResourceId` the vault URI is read from the vault and, when no
 * `keyVersion` is given, the key's current version from the key, as AVM's automation-account module does
 * (`last(split(key.properties.keyUriWithVersion, '/'))`): the Automation cmdlets require a version.
 */
export function resolveEncryption(
  ctx: ResolveContext,
  symbols: SymbolTable,
  input: { readonly identities: ReadonlyMap<string, ResolvedIdentity>; readonly attached: ReadonlySet<string> },
): ResolvedEncryption | undefined {
  const enc = ctx.config.automationAccount.encryption;
  if (!enc) return undefined;
  const at = '/automationAccount/encryption';
  if (enc.keySource === 'Microsoft.Automation') {
    for (const key of ['keyVaultUri', 'keyVaultResourceId', 'keyName', 'keyVersion', 'identity'] as const) {
      if (enc[key] !== undefined) ctx.error(`${at}/${key}`, 'AG200', `${key} applies only to keySource Microsoft.Keyvault (a customer-managed key)`);
    }
    return { value: obj({ keySource: str('Microsoft.Automation') }), existing: [] };
  }
  const identity = keyIdentity(ctx, enc.identity, input, at);
  const keyName = enc.keyName === undefined ? undefined : ctx.stringValue(enc.keyName, `${at}/keyName`);
  const vault = enc.keyVaultResourceId === undefined ? undefined : vaultRefs(ctx, symbols, enc.keyVaultResourceId, keyName, `${at}/keyVaultResourceId`);
  const uri = enc.keyVaultUri === undefined ? (vault ? ref(vault.vault, { properties: ['vaultUri'] }) : undefined) : ctx.stringValue(enc.keyVaultUri, `${at}/keyVaultUri`);
  let version = enc.keyVersion === undefined ? undefined : ctx.stringValue(enc.keyVersion, `${at}/keyVersion`);
  if (!version && vault?.key) version = call('last', call('split', ref(vault.key, { properties: ['keyUriWithVersion'] }), str('/')));
  if (!version) {
    ctx.warn(`${at}/keyVersion`, 'AG701', 'no key version: give keyVersion, or keyVaultResourceId so armgen reads the key\'s current version at deployment (the Automation cmdlets require a version; Azure Verified Modules always set one)');
  }
  const vaultName = vault?.name ?? vaultNameFromUri(enc.keyVaultUri);
  const shownVault = enc.keyVaultUri !== undefined ? uri : vault?.shown;
  const summary: EncryptionSummary = { identity: identity?.handle ?? 'system', ...(shownVault ? { keyVaultUri: shownVault } : {}), ...(keyName ? { keyName } : {}) };
  return {
    summary,
    value: obj({
      keySource: str('Microsoft.Keyvault'),
      identity: identity ? obj({ userAssignedIdentity: ref(identity.ref, 'id') }) : undefined,
      keyVaultProperties: obj({ keyName, keyVersion: version, keyvaultUri: uri }),
    }),
    ...(identity ? { identity } : {}),
    ...(vaultName ? { vaultName } : {}),
    existing: vault ? [vault.vault, ...(vault.key ? [vault.key] : [])] : [],
  };
}

function keyIdentity(
  ctx: ResolveContext,
  handle: string | undefined,
  input: { readonly identities: ReadonlyMap<string, ResolvedIdentity>; readonly attached: ReadonlySet<string> },
  at: string,
): ResolvedIdentity | undefined {
  if (handle === undefined) return undefined;
  const identity = input.identities.get(handle);
  if (!identity) {
    ctx.error(`${at}/identity`, 'AG301', `unknown identity '${handle}'.${suggestionHint(didYouMean(handle, input.identities.keys()))}`);
    return undefined;
  }
  if (!input.attached.has(handle)) {
    ctx.error(`${at}/identity`, 'AG306', `identity '${handle}' reads the encryption key but is not attached to the account; add it to automationAccount.identity.userAssigned`);
    return undefined;
  }
  return identity;
}

/**
 * Existing declarations of the vault and (when the key name is known) its key, and the vault as the README shows it
 * (the ID as written; a parameter is used once, here).
 */
function vaultRefs(
  ctx: ResolveContext,
  symbols: SymbolTable,
  value: string | { param: string },
  keyName: Expr | undefined,
  pointer: string,
): { vault: ResourceRef; key?: ResourceRef; name?: string; shown: Expr } | undefined {
  const api = knownResourceType(VAULT_TYPE)!.apiVersion;
  const given = givenResourceId(ctx, value, pointer, { type: VAULT_TYPE, what: 'Key Vault' });
  if (!given) return undefined;
  const name = given.literalNames?.[0];
  if (name !== undefined) {
    const problem = checkName(nameRules.keyVault, name);
    if (problem) ctx.error(pointer, 'AG300', problem);
  }
  const id = { subscriptionId: given.subscriptionId, resourceGroup: given.resourceGroup, name: given.name };
  const shown = typeof value === 'string' ? str(value) : given.id;
  const vault = existingRef({ symbol: symbols.take('cmk', 'vault'), type: VAULT_TYPE, apiVersion: api, id: { kind: 'parts', subscriptionId: id.subscriptionId, resourceGroup: id.resourceGroup, names: [id.name] } });
  if (!keyName) return { vault, shown, ...(name ? { name } : {}) };
  const key: ResourceRef = {
    ...existingRef({
      symbol: symbols.take('cmk', 'key'),
      type: KEY_TYPE,
      apiVersion: knownResourceType(KEY_TYPE)!.apiVersion,
      id: { kind: 'parts', subscriptionId: id.subscriptionId, resourceGroup: id.resourceGroup, names: [id.name, keyName] },
    }),
    parent: vault,
  };
  return { vault, key, shown, ...(name ? { name } : {}) };
}

/** `https://kv-ops.vault.azure.net/` -> `kv-ops` (any Key Vault DNS suffix: the first label of the host). */
function vaultNameFromUri(uri: unknown): string | undefined {
  if (typeof uri !== 'string') return undefined;
  const m = /^https:\/\/([A-Za-z0-9-]+)\./.exec(uri);
  return m?.[1]?.toLowerCase();
}
