/**
 * Built-in roles whose data actions let a principal read a Key Vault secret's value
 * (`Microsoft.KeyVault/vaults/secrets/getSecret/action`): Key Vault Administrator (`Microsoft.KeyVault/vaults/*`),
 * Key Vault Secrets Officer (`Microsoft.KeyVault/vaults/secrets/*`) and Key Vault Secrets User (getSecret, readMetadata).
 * Owner and Contributor have no data actions, so they cannot (they could grant themselves access instead).
 * learn.microsoft.com/azure/key-vault/general/rbac-guide#azure-built-in-roles-for-key-vault-data-plane-operations
 * Names must be display names of builtinRoles.json (checked by test/unit/resolve/keyVaultAccess.test.ts).
 */
export const KEY_VAULT_SECRET_READER_ROLES: readonly string[] = ['Key Vault Secrets User', 'Key Vault Secrets Officer', 'Key Vault Administrator'];
