import { parseResourceId } from '../azure/resourceId.js';
import { findBuiltinRole, findBuiltinRoleById } from '../azure/roles/builtinRoles.js';
import { KEY_VAULT_SECRET_READER_ROLES } from '../azure/roles/keyVaultSecretReaders.js';
import type { GeneratedRunbook, RoleAssignment, Scope } from '../model/config.generated.js';
import type { ResolveContext } from './context.js';

const VAULT_TYPE = 'microsoft.keyvault/vaults';
const GUID_AT_END = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * AG701: a starter runbook reads a Key Vault secret as an identity that no role assignment of this config lets read
 * secrets in that vault. An assignment counts when its role can read secret values (KEY_VAULT_SECRET_READER_ROLES)
 * and its scope may hold the vault: a subscription or resource group (armgen cannot tell where the vault lives), or
 * the vault itself (by name, case-insensitive; a parameter may name it, so it counts). Access granted outside the
 * config (an access policy, an existing assignment) is invisible here, which the message says.
 */
export function adviseKeyVaultAccess(ctx: ResolveContext, runbookName: string, gen: GeneratedRunbook, pointer: string): void {
  const secret = gen.keyVaultSecret;
  if (!secret) return;
  const granted = (ctx.config.roleAssignments ?? []).some((ra) => ra.identity === gen.identity && readsSecrets(ra) && mayHoldVault(ra.scope, secret.vaultName));
  if (granted) return;
  const who = gen.identity === 'system' ? "the account's system-assigned identity" : `identity '${gen.identity}'`;
  ctx.warn(
    `${pointer}/keyVaultSecret`,
    'AG701',
    `runbook '${runbookName}' reads secret '${secret.secretName}' from vault '${secret.vaultName}' as ${who}, but no role assignment of this config lets ${who} read secrets there, so Get-AzKeyVaultSecret will be refused (403). Add { identity: ${gen.identity}, role: Key Vault Secrets User, scope: { kind: resource, type: Microsoft.KeyVault/vaults, name: ${secret.vaultName} } } (with resourceGroup/subscriptionId when the vault is elsewhere), unless access is granted outside this config (an access policy or an existing assignment)`,
  );
}

function readsSecrets(ra: RoleAssignment): boolean {
  const guid = GUID_AT_END.exec(ra.role.trim())?.[1];
  const role = findBuiltinRole(ra.role) ?? (guid ? findBuiltinRoleById(guid) : undefined);
  return role !== undefined && KEY_VAULT_SECRET_READER_ROLES.includes(role.name);
}

function mayHoldVault(scope: Scope, vaultName: string): boolean {
  switch (scope.kind) {
    case 'subscription':
    case 'resourceGroup':
      return true;
    case 'automationAccount':
      return false;
    case 'resource': {
      if (scope.resourceId !== undefined) {
        if (typeof scope.resourceId !== 'string') return true;
        const parsed = parseResourceId(scope.resourceId);
        return isVaultType(parsed?.type) && sameName(parsed!.names[0], vaultName);
      }
      if (!isVaultType(scope.type)) return false;
      return typeof scope.name !== 'string' || sameName(scope.name.split('/')[0], vaultName);
    }
    default:
      return false;
  }
}

/** The vault type, or a type under it (a role on one secret: vaults/secrets). */
function isVaultType(type: string | undefined): boolean {
  const t = type?.toLowerCase();
  return t === VAULT_TYPE || (t !== undefined && t.startsWith(`${VAULT_TYPE}/`));
}

function sameName(name: string | undefined, vaultName: string): boolean {
  return name !== undefined && name.toLowerCase() === vaultName.toLowerCase();
}
