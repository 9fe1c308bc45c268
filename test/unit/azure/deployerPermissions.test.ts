import { expect } from 'chai';
import { deployerPermissions, deployPrerequisites, KEY_VAULT_DATA_ROLES, KEY_VAULT_SECRET_READERS } from '../../../generator/azure/deployerPermissions.js';
import { findBuiltinRole, findBuiltinRoleById } from '../../../generator/azure/roles/builtinRoles.js';

describe('deployer permissions: Azure knowledge with its sources', () => {
  it('names only built-in roles armgen knows, by their exact display name', () => {
    for (const [id, rule] of Object.entries(deployerPermissions)) {
      for (const role of rule.roles) expect(findBuiltinRole(role)?.name, `${id}: ${role}`).to.equal(role);
    }
  });

  it('cites a learn.microsoft.com page for every rule and prerequisite', () => {
    for (const rule of [...Object.values(deployerPermissions), ...Object.values(deployPrerequisites)]) {
      expect(rule.doc).to.match(/^https:\/\/learn\.microsoft\.com\/[a-z0-9/#._-]+$/);
    }
  });

  it('never offers Contributor for what it cannot do: role assignments and locks (Microsoft.Authorization/*/Write is a NotAction)', () => {
    expect(deployerPermissions.roleAssignments.roles).not.to.include('Contributor');
    expect(deployerPermissions.locks.roles).not.to.include('Contributor');
    expect(deployerPermissions.locks.roles).not.to.include('Role Based Access Control Administrator');
  });

  it('lists Key Vault data-plane roles by GUID, each a built-in Key Vault role; the secret readers are among them', () => {
    for (const id of KEY_VAULT_DATA_ROLES) expect(findBuiltinRoleById(id)?.name, id).to.match(/^Key Vault /);
    for (const id of KEY_VAULT_SECRET_READERS) expect(KEY_VAULT_DATA_ROLES.has(id), id).to.equal(true);
    expect(KEY_VAULT_DATA_ROLES.has(findBuiltinRole('Key Vault Contributor')!.id)).to.equal(false);
  });
});
