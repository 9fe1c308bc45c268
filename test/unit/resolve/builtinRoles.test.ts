import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import {
  builtinRoles,
  findBuiltinRole,
  findBuiltinRoleById,
  indexBuiltinRoles,
  suggestBuiltinRoles,
  type BuiltinRole,
} from '../../../generator/azure/roles/builtinRoles.js';
import { narrowerRoleByResourceType } from '../../../generator/azure/roles/leastPrivilege.js';
import { SHARED_MISSING, sharedDir } from '../../support/paths.js';

const CANONICAL_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('builtinRoles', () => {
  describe('findBuiltinRole', () => {
    it('finds a role by its exact display name', () => {
      // GIVEN the docs' display name of a role
      // WHEN it is looked up
      const role = findBuiltinRole('Key Vault Secrets User');
      // THEN the role comes back with its documented GUID
      expect(role?.name).to.equal('Key Vault Secrets User');
      expect(role?.id).to.equal('4633458b-17de-408a-b874-0445c86b69e6');
    });

    const aliasCases: readonly [alias: string, name: string][] = [
      ['VM Contributor', 'Virtual Machine Contributor'],
      ['KV Secrets User', 'Key Vault Secrets User'],
      ['Key Vault Secret User', 'Key Vault Secrets User'],
      ['Key Vault Certificate Officer', 'Key Vault Certificates Officer'],
      ['RBAC Admin', 'Role Based Access Control Administrator'],
      ['UAA', 'User Access Administrator'],
      ['Automation Account Contributor', 'Automation Contributor'],
      ['MI Operator', 'Managed Identity Operator'],
      ['Blob Data Reader', 'Storage Blob Data Reader'],
      ['ACR Pull', 'AcrPull'],
    ];
    for (const [alias, name] of aliasCases) {
      it(`resolves the alias '${alias}' to '${name}'`, () => {
        // GIVEN an alias people type
        // WHEN it is looked up
        const role = findBuiltinRole(alias);
        // THEN it resolves to the role's display name
        expect(role?.name).to.equal(name);
      });
    }

    it('ignores letter case, surrounding whitespace and runs of internal whitespace', () => {
      // GIVEN oddly cased and spaced spellings of a name and of an alias
      const inputs = ['  key   VAULT secrets\tuser ', 'kv SECRETS user', '\nVirtual  machine\u00a0CONTRIBUTOR  ', ' uaa '];
      // WHEN they are looked up
      const names = inputs.map((text) => findBuiltinRole(text)?.name);
      // THEN each resolves as if typed exactly
      expect(names).to.deep.equal([
        'Key Vault Secrets User',
        'Key Vault Secrets User',
        'Virtual Machine Contributor',
        'User Access Administrator',
      ]);
    });

    it('returns undefined for text that names no built-in role', () => {
      // GIVEN misspelt, ambiguous, partial and empty role names
      const inputs = ['Key Vault Secret Reader', 'Contributer', 'Virtual Machine Contrib', '', '   '];
      // WHEN they are looked up
      const roles = inputs.map((text) => findBuiltinRole(text));
      // THEN none resolves
      expect(roles).to.deep.equal(inputs.map(() => undefined));
    });
  });

  describe('suggestBuiltinRoles', () => {
    it('suggests the Key Vault roles for "Key Vault Secret Reader"', () => {
      // GIVEN a name that mixes Key Vault Reader and Key Vault Secrets User
      // WHEN suggestions are requested
      const suggestions = suggestBuiltinRoles('Key Vault Secret Reader');
      // THEN both candidate roles are offered, the secret-reading one first
      expect(suggestions[0]).to.equal('Key Vault Secrets User');
      expect(suggestions).to.include('Key Vault Reader');
    });

    it('suggests Contributor for "Contributer"', () => {
      // GIVEN a one-letter misspelling
      // WHEN suggestions are requested
      const suggestions = suggestBuiltinRoles('Contributer');
      // THEN the intended role comes first
      expect(suggestions[0]).to.equal('Contributor');
    });

    it('suggests Virtual Machine Contributor for "Virtual Machine Contrib"', () => {
      // GIVEN a truncated name
      // WHEN suggestions are requested
      const suggestions = suggestBuiltinRoles('Virtual Machine Contrib');
      // THEN the full role comes first
      expect(suggestions[0]).to.equal('Virtual Machine Contributor');
    });

    it('reports display names, deduplicated, at most three', () => {
      // GIVEN inputs close to several aliases of the same roles
      const inputs = ['KV Secret Usr', 'kv secret', 'Storage Contributor', 'Reader ', 'Monitoring'];
      for (const input of inputs) {
        // WHEN suggestions are requested
        const suggestions = suggestBuiltinRoles(input);
        // THEN every suggestion is a display name, listed once, and there are no more than three
        expect(suggestions.length, input).to.be.at.most(3);
        expect(new Set(suggestions).size, input).to.equal(suggestions.length);
        for (const name of suggestions) expect(builtinRoles.some((r) => r.name === name), name).to.equal(true);
      }
      expect(suggestBuiltinRoles('KV Secret Usr')[0]).to.equal('Key Vault Secrets User');
    });

    it('puts an exact match first and returns nothing for unrelated text', () => {
      // GIVEN an exact name and text that resembles no role
      // WHEN suggestions are requested
      // THEN the exact role leads, and unrelated text gets none
      expect(suggestBuiltinRoles(' reader ')[0]).to.equal('Reader');
      expect(suggestBuiltinRoles('zzqx')).to.deep.equal([]);
    });
  });

  describe('findBuiltinRoleById', () => {
    it('finds a role by GUID, ignoring letter case and surrounding whitespace', () => {
      // GIVEN the Owner GUID in lowercase and in uppercase with spaces
      // WHEN both are looked up
      // THEN both resolve to Owner
      expect(findBuiltinRoleById('8e3af657-a8ff-443c-a75c-2fe8c4bcb635')?.name).to.equal('Owner');
      expect(findBuiltinRoleById(' 8E3AF657-A8FF-443C-A75C-2FE8C4BCB635 ')?.name).to.equal('Owner');
    });

    it('returns undefined for an unknown GUID', () => {
      // GIVEN a GUID that is no built-in role (e.g. a custom role)
      // WHEN it is looked up
      // THEN nothing is found
      expect(findBuiltinRoleById('00000000-0000-0000-0000-000000000000')).to.equal(undefined);
    });
  });

  describe('the catalogue', () => {
    it('gives every role a lowercase canonical GUID', () => {
      // GIVEN the catalogue
      // WHEN its IDs are inspected
      const bad = builtinRoles.filter((r) => !CANONICAL_GUID.test(r.id)).map((r) => `${r.name}: ${r.id}`);
      // THEN all are lowercase 8-4-4-4-12 hex
      expect(bad).to.deep.equal([]);
    });

    it('covers the roles an Automation account identity typically needs', () => {
      // GIVEN the roles this domain relies on
      const required = [
        'Owner', 'Contributor', 'Reader', 'User Access Administrator', 'Role Based Access Control Administrator',
        'Virtual Machine Contributor', 'Key Vault Administrator', 'Key Vault Reader', 'Key Vault Secrets User',
        'Key Vault Secrets Officer', 'Key Vault Crypto User', 'Key Vault Crypto Service Encryption User',
        'Key Vault Certificates Officer', 'Automation Contributor', 'Automation Operator', 'Automation Job Operator',
        'Automation Runbook Operator', 'Managed Identity Operator', 'Managed Identity Contributor',
        'Storage Blob Data Reader', 'Storage Blob Data Contributor', 'Monitoring Reader', 'Monitoring Contributor',
        'Log Analytics Reader', 'Log Analytics Contributor', 'Locks Contributor',
      ];
      // WHEN each is looked up by exact name
      const missing = required.filter((name) => findBuiltinRole(name)?.name !== name);
      // THEN none is missing
      expect(missing).to.deep.equal([]);
    });

    it('marks exactly the privileged administrator roles as privileged', () => {
      // GIVEN the catalogue
      // WHEN the privileged roles are listed
      const privileged = builtinRoles.filter((r) => r.privileged === true).map((r) => r.name);
      // THEN they are the docs' Privileged section, and ordinary roles are not among them
      expect(privileged).to.have.members([
        'Owner', 'Contributor', 'User Access Administrator', 'Role Based Access Control Administrator', 'Reservations Administrator',
      ]);
      expect(findBuiltinRole('Virtual Machine Contributor')?.privileged).to.not.equal(true);
    });
  });

  describe('indexBuiltinRoles (the load-time bug guard)', () => {
    const a: BuiltinRole = { name: 'Alpha Reader', id: '11111111-1111-1111-1111-111111111111', aliases: ['AR'] };
    const b: BuiltinRole = { name: 'Beta Reader', id: '22222222-2222-2222-2222-222222222222', aliases: ['BR'] };

    it('accepts a table without collisions', () => {
      // GIVEN two distinct roles
      // WHEN they are indexed
      const index = indexBuiltinRoles([a, b]);
      // THEN names and aliases resolve
      expect(index.byText.get('br')?.name).to.equal('Beta Reader');
    });

    const defects: readonly [what: string, second: BuiltinRole][] = [
      ['a shared GUID', { ...b, id: a.id }],
      ['a name equal to another name in other letter case', { ...b, name: 'ALPHA  reader' }],
      ['an alias equal to another alias', { ...b, aliases: ['ar'] }],
      ['an alias equal to another role\u2019s name', { ...b, aliases: ['Alpha Reader'] }],
      ['an uppercase GUID', { ...b, id: 'ABCDEF00-0000-0000-0000-000000000000' }],
    ];
    for (const [what, second] of defects) {
      it(`throws on ${what}`, () => {
        // GIVEN a table with the defect
        // WHEN it is indexed
        // THEN indexing fails loudly
        expect(() => indexBuiltinRoles([a, second])).to.throw(Error, /builtinRoles/);
      });
    }
  });

  describe('narrowerRoleByResourceType', () => {
    const suggested = (type: string): string[] => narrowerRoleByResourceType[type]?.suggest.map((s) => s.role) ?? [];

    it('maps broad roles on VMs, vaults and storage accounts to narrower built-in roles', () => {
      // GIVEN the least-privilege data
      // WHEN the common resource types are read
      // THEN the documented narrower roles are suggested in place of the broad ones
      expect(narrowerRoleByResourceType['Microsoft.Compute/virtualMachines']?.broad).to.include('Contributor');
      expect(suggested('Microsoft.Compute/virtualMachines')).to.include('Virtual Machine Contributor');
      expect(narrowerRoleByResourceType['Microsoft.KeyVault/vaults']?.broad).to.include.members(['Contributor', 'Key Vault Administrator']);
      expect(suggested('Microsoft.KeyVault/vaults')[0]).to.equal('Key Vault Secrets User');
      expect(suggested('Microsoft.Storage/storageAccounts')).to.include.members(['Storage Account Contributor', 'Storage Blob Data Reader']);
    });

    it('names only roles in the catalogue, by display name', () => {
      // GIVEN every role named in the map
      const named = Object.values(narrowerRoleByResourceType).flatMap((rule) => [...rule.broad, ...rule.suggest.map((s) => s.role)]);
      // WHEN each is looked up
      const unknown = named.filter((name) => findBuiltinRole(name)?.name !== name);
      // THEN all are catalogue display names
      expect(unknown).to.deep.equal([]);
    });
  });

  describe('cross-check with ../shared/data/builtin-roles.json', () => {
    it('agrees with the shared role data on every name and GUID', function () {
      if (sharedDir === undefined) {
        if (this.test) this.test.title += ` (${SHARED_MISSING})`;
        this.skip();
      }
      // GIVEN the shared role list (taken from the same docs commit)
      const raw: unknown = JSON.parse(readFileSync(join(sharedDir, 'data', 'builtin-roles.json'), 'utf8'));
      expect(raw).to.be.an('array').that.is.not.empty;
      const shared = raw as readonly { name: string; id: string }[];
      // WHEN each shared role is looked up by name, and each catalogue GUID is looked up in the shared list
      const byName = shared
        .filter((s) => findBuiltinRole(s.name)?.name !== s.name || findBuiltinRole(s.name)?.id !== s.id.toLowerCase())
        .map((s) => `${s.name} ${s.id} -> ${findBuiltinRole(s.name)?.id ?? 'missing'}`);
      const sharedById = new Map(shared.map((s) => [s.id.toLowerCase(), s.name]));
      const byId = builtinRoles
        .filter((r) => sharedById.has(r.id) && sharedById.get(r.id) !== r.name)
        .map((r) => `${r.id}: catalogue '${r.name}', shared '${sharedById.get(r.id)}'`);
      // THEN every shared role is in the catalogue with the same GUID, and shared GUIDs carry the same names
      expect(byName).to.deep.equal([]);
      expect(byId).to.deep.equal([]);
    });
  });
});
