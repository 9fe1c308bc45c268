import type { ResourceNode } from '../model/resolved.js';
import type { ResolveContext } from './context.js';
import type { ResolvedEncryption } from './resolveEncryption.js';
import type { ResolvedAssignment } from './resolveRoleAssignments.js';

/**
 * Built-in roles that let an identity wrap and unwrap with a key (learn.microsoft.com/azure/key-vault/general/rbac-guide;
 * the CMK doc for Automation names Key Vault Crypto Service Encryption User; AVM's e2e test grants Crypto User).
 */
const KEY_ROLES = new Set(['Key Vault Crypto Service Encryption User', 'Key Vault Crypto User', 'Key Vault Crypto Officer', 'Key Vault Administrator']);

/**
 * A customer-managed key needs its identity's key permission BEFORE encryption is enabled
 * (learn.microsoft.com/azure/automation/automation-secure-asset-encryption): the account waits for every role
 * assignment that gives that identity key access on the vault (or on its group or subscription). A created
 * identity has no access anywhere yet, so without such an assignment the first deployment fails: a warning.
 */
export function resolveKeyAccess(ctx: ResolveContext, account: ResourceNode, encryption: ResolvedEncryption | undefined, assignments: readonly ResolvedAssignment[]): ResourceNode {
  const identity = encryption?.identity;
  if (!identity) return account;
  const covering = assignments.filter((a) => a.principal === identity.handle && KEY_ROLES.has(a.role.name ?? '') && coversVault(a, encryption.vaultName));
  if (covering.length === 0) {
    if (identity.ref.created) {
      ctx.warn(
        '/automationAccount/encryption/identity',
        'AG701',
        `identity '${identity.handle}' is created by this template and reads the customer-managed key, but no role assignment gives it key access on the vault: the first deployment fails. Add { identity: ${identity.handle}, role: Key Vault Crypto Service Encryption User, scope: { kind: resource, resourceId: <vault ID> } } to roleAssignments (or grant an access policy before deploying)`,
      );
    }
    return account;
  }
  const extra = covering.map((a) => a.ref).filter((r) => !account.dependsOn.includes(r));
  return { ...account, dependsOn: [...account.dependsOn, ...extra] };
}

/** A role on the vault itself (matched by name when the config spells it), or on a group or subscription around it. */
function coversVault(a: ResolvedAssignment, vaultName: string | undefined): boolean {
  const type = a.target.resourceType?.toLowerCase();
  if (type === undefined) return true;
  if (type !== 'microsoft.keyvault/vaults') return false;
  return vaultName === undefined || a.target.key.endsWith(`/${vaultName}`) || a.target.key.endsWith(`/${vaultName.toLowerCase()}`);
}
