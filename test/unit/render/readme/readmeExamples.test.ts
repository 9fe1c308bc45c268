import { expect } from 'chai';
import { deployerPermissions } from '../../../../generator/azure/deployerPermissions.js';
import { readmeView, type ReadmeView } from '../../../../generator/render/readme/renderReadme.js';
import { exampleConfigs, renderFile, renderYaml } from '../../../helpers/render.js';
import { mermaidBlocks, parseMermaid } from '../../../support/mermaid.js';
import { renderMarkdown } from '../../../support/markdown.js';

const PERMISSION_HEAD = ['Scope', 'Action', 'Built-in roles that include it', 'Needed to', 'Source'];

function viewOf(example: string): ReadmeView {
  const result = renderFile(`examples/${example}.yaml`);
  if (!result.ok) throw new Error(`${example} must render`);
  return readmeView(result.model);
}

/** The permission rows as `scope | action` pairs, for compact assertions. */
const pairs = (view: ReadmeView) => view.permissions.map((p) => `${p.scope} | ${p.action}`);

describe('README per output: every example', () => {
  const readmes = exampleConfigs().map((config) => {
    const result = renderFile(config);
    if (!result.ok) throw new Error(`${config} must render`);
    return { config, text: result.artifacts.find((a) => a.path === `${result.name}/README.md`)?.text };
  });

  it('GIVEN each example WHEN rendered THEN it has NAME/README.md with one Mermaid block that the mermaid parser accepts as a flowchart', async () => {
    for (const r of readmes) expect(r.text, r.config).to.be.a('string');
    const blocks = readmes.map((r) => mermaidBlocks(r.text!));
    for (const [i, b] of blocks.entries()) expect(b, readmes[i]!.config).to.have.length(1);
    const results = await parseMermaid(blocks.map((b) => b[0]!));
    results.forEach((res, i) => expect(res, `${readmes[i]!.config}: ${JSON.stringify(res)}`).to.deep.equal({ ok: true, type: 'flowchart-v2' }));
  });

  it('THEN each has the permission table, every row citing a learn.microsoft.com page, and only armgen\'s own tags', () => {
    for (const r of readmes) {
      const md = renderMarkdown(r.text!);
      expect(md.foreignTags, r.config).to.deep.equal([]);
      const table = md.tables.find((t) => JSON.stringify(t[0]) === JSON.stringify(PERMISSION_HEAD));
      expect(table, `${r.config} has no permission table`).not.to.equal(undefined);
      expect(table!.length, r.config).to.be.greaterThan(2);
      for (const row of table!.slice(1)) expect(row.length, r.config).to.equal(PERMISSION_HEAD.length);
    }
    // (a URL among the config's values, such as a vault URI, is GFM's autolink of itself: its text is its target)
    const docs = readmes.flatMap((r) => renderMarkdown(r.text!).links).filter((l) => l.href !== '#parameters' && l.text !== l.href);
    expect(docs.length).to.be.greaterThan(readmes.length);
    for (const { href } of docs) expect(href).to.match(/^https:\/\/learn\.microsoft\.com\//);
  });
});

describe('README per output: what the deploying principal needs, derived from the model', () => {
  it('GIVEN role assignments on the account and the group, an existing identity elsewhere, a lock and Key Vault references THEN each asks for its action at its scope', () => {
    const view = viewOf('maximal');
    expect(pairs(view)).to.include.members([
      `this resource group (the one you deploy to) | ${deployerPermissions.deployments.action}`,
      `this resource group (the one you deploy to) | ${deployerPermissions.automationAccount.action}`,
      `this resource group (the one you deploy to) | ${deployerPermissions.createIdentity.action}`,
      `identity uai-maximal-cmk in resource group rg-identities | ${deployerPermissions.assignIdentity.action}`,
      `this resource group (the one you deploy to) | ${deployerPermissions.roleAssignments.action}`,
      `the Automation account {automationAccountName} | ${deployerPermissions.roleAssignments.action}`,
      `the Automation account {automationAccountName} | ${deployerPermissions.locks.action}`,
      `Key Vault kv-maximal-secrets in resource group rg-secrets in subscription 11111111-1111-1111-1111-111111111111 | ${deployerPermissions.keyVaultDeploy.action}`,
      `Key Vault kv-maximal-prod in resource group rg-secrets-prod in subscription 22222222-2222-2222-2222-222222222222 | ${deployerPermissions.keyVaultDeploy.action}`,
    ]);
    const lock = view.permissions.find((p) => p.action === deployerPermissions.locks.action)!;
    expect(lock.roles).to.deep.equal(['User Access Administrator', 'Owner']);
    expect(lock.roles).not.to.include('Contributor');
  });

  it('GIVEN a role on the subscription and on a vault in another subscription THEN it asks for role-assignment write there and for the nested deployments that make them', () => {
    expect(pairs(viewOf('seed-roles'))).to.include.members([
      `this subscription (the deployment's) | ${deployerPermissions.roleAssignments.action}`,
      `this subscription (the deployment's) | ${deployerPermissions.deployments.action}`,
      `Microsoft.KeyVault/vaults kv-ops-secrets in resource group rg-secrets in subscription 33333333-3333-3333-3333-333333333333 | ${deployerPermissions.roleAssignments.action}`,
      `resource group rg-secrets in subscription 33333333-3333-3333-3333-333333333333 | ${deployerPermissions.deployments.action}`,
      `identity uai-kv-reader in resource group rg-identities in subscription 22222222-2222-2222-2222-222222222222 | ${deployerPermissions.assignIdentity.action}`,
    ]);
  });

  it('GIVEN a Key Vault data-plane role THEN the vault must use the RBAC permission model; GIVEN a CMK THEN its key must be readable first', () => {
    expect(viewOf('seed-roles').prerequisites.map((p) => p.resource)).to.deep.equal([
      'Microsoft.KeyVault/vaults kv-ops-secrets in resource group rg-secrets in subscription 33333333-3333-3333-3333-333333333333',
    ]);
    const maximal = viewOf('maximal').prerequisites;
    expect(maximal.map((p) => p.resource)).to.include('Key Vault /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-maximal-cmk, key automation-cmk');
    expect(maximal.find((p) => p.resource === 'Key Vault kv-maximal-secrets')!.reasons[0]).to.match(/this template grants it$/);
    expect(viewOf('seed-end-to-end').prerequisites.find((p) => p.resource === 'Key Vault kv-seed-secrets')!.reasons[0]).to.match(/this template grants it$/);
  });

  it('GIVEN created identities with federated credentials THEN it asks for identity write and credential write in the group, and no role-assignment right without assignments', () => {
    expect(pairs(viewOf('created-identity'))).to.include.members([
      `this resource group (the one you deploy to) | ${deployerPermissions.createIdentity.action}`,
      `this resource group (the one you deploy to) | ${deployerPermissions.federatedCredentials.action}`,
    ]);
    const ua = viewOf('template-ua');
    expect(ua.assignments).to.deep.equal([]);
    expect(ua.permissions.map((p) => p.action)).not.to.include(deployerPermissions.roleAssignments.action);
  });

  it('GIVEN one scope needed for two reasons THEN one row lists both, and rows of one scope stand together', () => {
    const view = readmeView(
      renderYaml(`automationAccount:\n  name: aa-two\n  identity: { systemAssigned: true }\nroleAssignments:\n  - { identity: system, role: Reader, scope: { kind: resourceGroup } }\n  - { identity: system, role: Automation Operator, scope: { kind: resourceGroup } }\n`).model,
    );
    const rows = view.permissions.filter((p) => p.action === deployerPermissions.roleAssignments.action);
    expect(rows).to.have.length(1);
    expect(rows[0]!.reasons).to.deep.equal(['grant Reader to the system-assigned identity', 'grant Automation Operator to the system-assigned identity']);
    const scopes = view.permissions.map((p) => p.scope);
    expect(scopes.filter((s, i) => i > 0 && s !== scopes[i - 1])).to.have.length(new Set(scopes).size - 1);
  });
});

describe('README per output: private endpoints and the workspace link', () => {
  const ZONE = '/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.azure-automation.net';

  it('GIVEN endpoints in another group THEN it asks for endpoint write and deployments there, subnet join, zone join, and approval only for the automatic one', () => {
    const view = viewOf('maximal');
    expect(pairs(view)).to.include.members([
      `resource group rg-network in subscription 33333333-3333-3333-3333-333333333333 | ${deployerPermissions.privateEndpoints.action}`,
      `resource group rg-network in subscription 33333333-3333-3333-3333-333333333333 | ${deployerPermissions.deployments.action}`,
      `subnet /subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-endpoints | ${deployerPermissions.joinSubnet.action}`,
      `resource group rg-network in the subscription of subnet {workerSubnetId} | ${deployerPermissions.privateEndpoints.action}`,
      `subnet {workerSubnetId} | ${deployerPermissions.joinSubnet.action}`,
      `private DNS zone ${ZONE} | ${deployerPermissions.joinPrivateDnsZone.action}`,
      `the Log Analytics workspace {workspaceId} | ${deployerPermissions.linkWorkspace.action}`,
      `the resource group of {workspaceId} | ${deployerPermissions.deployments.action}`,
    ]);
    const approvals = view.permissions.filter((p) => p.action === deployerPermissions.approvePrivateEndpoint.action);
    expect(approvals.map((p) => p.reasons)).to.deep.equal([['approve the connection of private endpoint pep-{automationAccountName}-webhook (Webhook) at once']]);
  });

  it("GIVEN two endpoints in one zone THEN one prerequisite row says the zone must be linked, for both; each subnet's network must be in the endpoint's region", () => {
    const rows = viewOf('maximal').prerequisites;
    const zone = rows.filter((p) => p.resource === `private DNS zone ${ZONE}`);
    expect(zone).to.have.length(1);
    expect(zone[0]!.reasons).to.have.length(2);
    expect(rows.filter((p) => p.resource.startsWith('subnet ')).map((p) => p.reasons[0])).to.deep.equal([
      'private endpoint pep-{automationAccountName}-webhook (Webhook) is created in region {location}',
      'private endpoint pep-{automationAccountName}-dsc (DSCAndHybridWorker) is created in region {location}',
    ]);
  });

  it('GIVEN a created workspace THEN workspace and linked-service write in this group; the diagram shows it linked', () => {
    const view = readmeView(renderYaml('automationAccount:\n  name: aa-law-readme\nlogAnalytics:\n  createWorkspace: { name: law-readme-01 }\n').model);
    expect(pairs(view)).to.include.members([
      `this resource group (the one you deploy to) | ${deployerPermissions.createWorkspace.action}`,
      `this resource group (the one you deploy to) | ${deployerPermissions.linkWorkspace.action}`,
    ]);
    expect(view.diagram.nodes.find((n) => n.id === 'law')!.lines).to.deep.equal(['Log Analytics workspace', 'law-readme-01 (created here)']);
  });

  it('GIVEN endpoints THEN each is a node pointing at the account, labelled with its sub-resource', () => {
    const { diagram } = viewOf('maximal');
    expect(diagram.edges.filter((e) => e.to === 'account' && e.from.startsWith('pe')).map((e) => `${e.from}-${e.label}`)).to.deep.equal(['pe1-Webhook', 'pe2-DSCAndHybridWorker']);
    expect(diagram.nodes.find((n) => n.id === 'pe1')!.lines).to.deep.equal(['private endpoint pep-{automationAccountName}-webhook', 'subnet vnet-hub/snet-endpoints']);
  });
});

describe('README per output: the diagram', () => {
  it('GIVEN generated runbooks THEN each points at the identity it signs in as; a script runbook points nowhere', () => {
    const { diagram } = viewOf('maximal');
    const signIns = diagram.edges.filter((e) => e.label === 'signs in as').map((e) => `${e.from}->${e.to}`);
    expect(signIns).to.deep.equal(['rb3->sys', 'rb4->id1', 'rb5->id1']);
    expect(diagram.runbooks.map((r) => r.lines[0])).to.deep.equal(['runbook Start-Nightly', 'runbook Get-Inventory', 'runbook Connect-System', 'runbook Connect-Runner', 'runbook Get-Token']);
  });

  it('GIVEN role assignments THEN each is an edge identity -> scope labelled with the role; one on the account points at the account', () => {
    const { diagram } = viewOf('maximal');
    const roles = diagram.edges.filter((e) => !['has', 'attached', 'signs in as', 'reads the key', 'syncs runbooks into', 'syncs as'].includes(e.label) && !e.label.startsWith('encrypted') && !e.from.startsWith('pe') && e.to !== 'law');
    expect(roles.map((e) => `${e.from}-${e.label}->${e.to}`)).to.deep.equal(['id1-Reader->scope1', 'sys-Automation Job Operator->account', 'id1-Key Vault Secrets User->scope2', 'id1-Contributor->account']);
  });

  it('GIVEN a hybrid worker group and source control THEN the group hangs off the account with its machines, and the repository syncs into it as its identity', () => {
    const { diagram } = viewOf('maximal');
    const group = diagram.nodes.find((n) => n.id === 'hwg1');
    expect(group?.lines).to.deep.equal(['hybrid worker group onprem-workers', 'runs as credential HybridRunAs', 'vm-worker-01 (Windows, extension installed)', 'srv-onprem-01']);
    const edges = diagram.edges.filter((e) => ['hwg1', 'sc1'].includes(e.from) || e.to === 'hwg1').map((e) => `${e.from}-${e.label}->${e.to}`);
    expect(edges).to.deep.equal(['account-has->hwg1', 'sc1-syncs runbooks into->account', 'sc1-syncs as->id1']);
  });
});
