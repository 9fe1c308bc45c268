import type { ExprNode } from '../../azure/armExpression.js';
import { canonical, expressionOf, importArg, isCall, paramName } from '../armValues.js';
import { isPlainObject, type Fields, type ImportContext } from '../importContext.js';
import { identityFor } from './identities.js';
import { givenId } from './moduleParts.js';

const VAULTS = 'Microsoft.KeyVault/vaults';

/** `reference(<id>, <api>).<property>` -> the ID node, or undefined. */
function referenced(node: ExprNode | undefined, property: string): ExprNode | undefined {
  if (node?.k !== 'member' || node.name !== property || !isCall(node.target, 'reference') || node.target.args.length !== 2) return undefined;
  return node.target.args[0];
}

/**
 * The vault's resource ID as armgen reads it for the URI (resolveEncryption.ts vaultRefs): resourceId() of literals,
 * or of a parameter taken apart with split() -> the literal ID or `{ param }`.
 */
function vaultId(ctx: ImportContext, node: ExprNode, encryption: Fields): unknown {
  const last = isCall(node, 'resourceId') ? node.args[3] : undefined;
  const p = isCall(last, 'last') && isCall(last.args[0], 'split') ? paramName(last.args[0].args[0]) : undefined;
  if (p !== undefined) {
    const part = (i: number) => `split(parameters('${p}'),'/')[${i}]`;
    const expected = `resourceid(${part(2)},${part(4)},'${VAULTS}',last(split(parameters('${p}'),'/')))`;
    if (canonical(node).toLowerCase() === expected.toLowerCase()) return { param: p };
  }
  return givenId(ctx, `[${canonical(node)}]`, encryption.at('keyVaultProperties', 'keyvaultUri'), VAULTS, 'the key vault read for its URI');
}

/**
 * `encryption` of the account -> `automationAccount.encryption`: Automation-managed, or a customer-managed key read
 * by an attached identity. armgen's keyVaultResourceId form (the vault URI and, without keyVersion, the key's current
 * version read at deployment) becomes keyVaultResourceId; a URI and version given as values become keyVaultUri and
 * keyVersion. The verification renders the result and compares every expression.
 */
export function importEncryption(ctx: ImportContext, encryption: Fields): Record<string, unknown> {
  const config: Record<string, unknown> = { keySource: encryption.take('keySource') };
  const identity = encryption.value.identity;
  // `identity: {}` means "no identity" (the seed writes it); armgen omits blanks.
  if (isPlainObject(identity) && Object.keys(identity).length === 0) encryption.take('identity');
  else if (encryption.has('identity')) {
    const id = encryption.object('identity');
    const value = id?.take('userAssignedIdentity');
    if (typeof value === 'string') config.identity = identityFor(ctx, value, id!.at('userAssignedIdentity'))?.handle;
    else if (id) ctx.refuse(id.at('userAssignedIdentity'), 'the key is read by a user-assigned identity: userAssignedIdentity is its resource ID');
    id?.finish('the encryption identity');
  }
  const key = encryption.object('keyVaultProperties');
  if (key) keyVaultProperties(ctx, encryption, key, config);
  encryption.finish('the account encryption');
  const order = ['keySource', 'keyVaultUri', 'keyVaultResourceId', 'keyName', 'keyVersion', 'identity'];
  return Object.fromEntries(order.filter((k) => config[k] !== undefined).map((k) => [k, config[k]]));
}

function keyVaultProperties(ctx: ImportContext, encryption: Fields, key: Fields, config: Record<string, unknown>): void {
  if (key.has('keyName')) config.keyName = importArg(ctx, key.take('keyName'), key.at('keyName'), 'the key name');
  const uri = key.take('keyvaultUri');
  const vault = referenced(expressionOf(uri), 'vaultUri');
  if (vault) config.keyVaultResourceId = vaultId(ctx, vault, encryption);
  else if (uri !== undefined) config.keyVaultUri = importArg(ctx, uri, key.at('keyvaultUri'), 'the key vault URI');
  if (key.has('keyVersion')) {
    const version = key.take('keyVersion');
    const node = expressionOf(version);
    const current = isCall(node, 'last') && isCall(node.args[0], 'split') && referenced(node.args[0].args[0], 'keyUriWithVersion');
    // The key's current version, read by armgen when keyVaultResourceId is given and keyVersion is not.
    if (!current || !vault) config.keyVersion = importArg(ctx, version, key.at('keyVersion'), 'the key version');
  }
  key.finish('the key vault properties');
}
