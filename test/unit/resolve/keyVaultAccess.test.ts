import { expect } from 'chai';
import { findBuiltinRole } from '../../../generator/azure/roles/builtinRoles.js';
import { KEY_VAULT_SECRET_READER_ROLES } from '../../../generator/azure/roles/keyVaultSecretReaders.js';
import { config, render } from './assetHelpers.js';

/** A PowerShell starter that signs in as `identity` and reads kv-ops/db-password, plus the given role assignments. */
const starter = (identity: string, roles: string) =>
  config(
    `${roles ? `roleAssignments:\n${roles}` : ''}\nruntimeEnvironments:\n  - { name: ps74, language: PowerShell, version: '7.4' }\nrunbooks:\n  - name: Get-Secret\n    type: PowerShell\n    runtimeEnvironment: ps74\n    generate:\n      flow: powershell\n      identity: ${identity}\n      keyVaultSecret: { vaultName: kv-ops, secretName: db-password }\n`,
  );
const access = (identity: string, roles: string) => render(starter(identity, roles)).warnings.filter((w) => w.code === 'AG701');

describe('AG701: a generated runbook reads a Key Vault secret through an identity the config lets read that vault', () => {
  it('GIVEN no role assignment THEN AG701 names the runbook, the secret, the vault, the identity and the assignment to add', () => {
    const warnings = access('ops', '');
    expect(warnings.map((w) => w.message)).to.deep.equal([
      "/runbooks/0/generate/keyVaultSecret: runbook 'Get-Secret' reads secret 'db-password' from vault 'kv-ops' as identity 'ops', but no role assignment of this config lets identity 'ops' read secrets there, so Get-AzKeyVaultSecret will be refused (403). Add { identity: ops, role: Key Vault Secrets User, scope: { kind: resource, type: Microsoft.KeyVault/vaults, name: kv-ops } } (with resourceGroup/subscriptionId when the vault is elsewhere), unless access is granted outside this config (an access policy or an existing assignment)",
    ]);
  });

  it('GIVEN only Reader on the resource group (the old maximal example) THEN AG701: Reader reads no secret values', () => {
    expect(access('ops', '  - { identity: ops, role: Reader, scope: { kind: resourceGroup } }\n')).to.have.length(1);
  });

  it('GIVEN a secret-reading role on the vault by name, by resource ID, by GUID, or on a group or subscription THEN no warning', () => {
    const granted = [
      '  - { identity: ops, role: Key Vault Secrets User, scope: { kind: resource, type: Microsoft.KeyVault/vaults, name: KV-OPS } }\n',
      '  - { identity: ops, role: Key Vault Secrets Officer, scope: { kind: resource, type: Microsoft.KeyVault/vaults, name: kv-ops, resourceGroup: rg-secrets } }\n',
      '  - { identity: ops, role: 4633458b-17de-408a-b874-0445c86b69e6, scope: { kind: resource, resourceId: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/kv-ops } }\n',
      '  - { identity: ops, role: Key Vault Administrator, scope: { kind: resourceGroup, name: rg-secrets } }\n',
      '  - { identity: ops, role: Key Vault Secrets User, scope: { kind: subscription } }\n',
    ];
    for (const roles of granted) expect(access('ops', roles), roles).to.deep.equal([]);
  });

  it('GIVEN the right role for another identity, on another vault, or on the account THEN AG701 still', () => {
    const missing = [
      '  - { identity: system, role: Key Vault Secrets User, scope: { kind: resource, type: Microsoft.KeyVault/vaults, name: kv-ops } }\n',
      '  - { identity: ops, role: Key Vault Secrets User, scope: { kind: resource, type: Microsoft.KeyVault/vaults, name: kv-other } }\n',
      '  - { identity: ops, role: Key Vault Secrets User, scope: { kind: automationAccount } }\n',
    ];
    for (const roles of missing) expect(access('ops', roles), roles).to.have.length(1);
  });

  it("GIVEN the system identity reads the secret THEN its own assignments count, and the message says the account's identity", () => {
    expect(access('system', '  - { identity: system, role: Key Vault Secrets User, scope: { kind: resource, type: Microsoft.KeyVault/vaults, name: kv-ops } }\n')).to.deep.equal([]);
    expect(access('system', '')[0]!.message).to.contain("as the account's system-assigned identity");
  });

  it('GIVEN the reader-role list THEN each is a built-in role display name', () => {
    for (const name of KEY_VAULT_SECRET_READER_ROLES) expect(findBuiltinRole(name)?.name, name).to.equal(name);
  });
});
