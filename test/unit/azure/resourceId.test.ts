import { expect } from 'chai';
import { formatResourceId, parseResourceId, resourceIdKey } from '../../../generator/azure/resourceId.js';
import { renderYaml, templateOf } from '../../helpers/render.js';

const SUB = '11111111-2222-3333-4444-555555555555';

describe('resource IDs: one case-insensitive parser for the whole generator', () => {
  it('parses group, subscription, top-level, child and tenant-level IDs', () => {
    expect(parseResourceId(`/subscriptions/${SUB}`)).to.deep.equal({ subscriptionId: SUB, names: [] });
    expect(parseResourceId(`/subscriptions/${SUB}/resourceGroups/rg`)).to.deep.equal({ subscriptionId: SUB, resourceGroup: 'rg', names: [] });
    expect(parseResourceId(`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv`)).to.deep.equal({
      subscriptionId: SUB,
      resourceGroup: 'rg',
      type: 'Microsoft.KeyVault/vaults',
      names: ['kv'],
    });
    expect(parseResourceId(`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.EventHub/namespaces/ns/authorizationRules/r`)?.type).to.equal(
      'Microsoft.EventHub/namespaces/authorizationRules',
    );
    expect(parseResourceId('/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7')?.names).to.deep.equal([
      'acdd72a7-3385-48ef-bd42-f606fba81ae7',
    ]);
  });

  it('reads the keywords in any letter case and prints them in Azure spelling', () => {
    // GIVEN the same ID written three ways
    const spellings = [
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv`,
      `/subscriptions/${SUB}/resourcegroups/rg/providers/Microsoft.KeyVault/vaults/kv`,
      `/SUBSCRIPTIONS/${SUB}/RESOURCEGROUPS/rg/PROVIDERS/Microsoft.KeyVault/vaults/kv`,
    ];
    // WHEN parsed THEN all are one resource, printed canonically
    const parsed = spellings.map((s) => parseResourceId(s)!);
    expect(new Set(parsed.map(resourceIdKey)).size).to.equal(1);
    expect(parsed.map(formatResourceId)).to.deep.equal([spellings[0], spellings[0], spellings[0]]);
  });

  const bad = ['', 'kv', '/subscriptions/not-a-guid', `/subscriptions/${SUB}/`, `/subscriptions/${SUB}//resourceGroups/rg`, `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults`, `/subscriptions/${SUB}/resourceGroups/rg/providers/nodot/vaults/kv`];
  for (const text of bad) {
    it(`refuses ${JSON.stringify(text)}`, () => expect(parseResourceId(text)).to.equal(undefined));
  }

  it('accepts `resourcegroups` in every config field that takes a resource ID (role scope, diagnostic destination, identity, Key Vault reference)', () => {
    // GIVEN a config that writes resourcegroups in lower case in four places
    const rg = `/subscriptions/${SUB}/resourcegroups/rg-x`;
    const yaml = `parameters:
  secret: { type: securestring, keyVaultReference: { vaultId: ${rg}/providers/Microsoft.KeyVault/vaults/kv-a, secretName: s } }
identities:
  - { name: ops, resourceId: ${rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uai-ops }
automationAccount:
  name: aa-case-01
  identity: { userAssigned: [ops] }
roleAssignments:
  - { identity: ops, role: Reader, scope: { kind: resource, resourceId: ${rg}/providers/Microsoft.KeyVault/vaults/kv-b } }
credentials:
  - { name: c, userName: u, password: { param: secret } }
diagnosticSettings:
  - workspaceId: ${rg}/providers/Microsoft.OperationalInsights/workspaces/law
`;
    // WHEN rendered THEN it is accepted, and the IDs come out in Azure's spelling
    const t = templateOf(renderYaml(yaml));
    const text = JSON.stringify(t);
    expect(text).not.to.match(/resourcegroups/);
    expect(text).to.include(`/subscriptions/${SUB}/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/kv-b`);
  });
});
