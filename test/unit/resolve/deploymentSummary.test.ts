import { expect } from 'chai';
import { renderFile } from '../../helpers/render.js';

describe('deployment summary: what the deployment is, in the config\'s terms (model.summary)', () => {
  const result = renderFile('examples/maximal.yaml');
  if (!result.ok) throw new Error('maximal must render');
  const { summary, template } = result.model;

  it('GIVEN the maximal example THEN it names the account\'s identities, its customer-managed key reader and its lock', () => {
    expect(summary.description).to.equal('Maximal account - every config section');
    expect(summary.account).to.deep.include({ systemAssigned: true, userAssigned: ['runner', 'cmk'], lock: 'CanNotDelete' });
    expect(summary.account.encryption).to.deep.include({ identity: 'cmk', keyName: { k: 'str', v: 'automation-cmk' }, keyVaultUri: { k: 'str', v: '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-maximal-cmk' } });
    expect(summary.identities.map((i) => [i.handle, i.ref.created])).to.deep.equal([['runner', true], ['cmk', false]]);
  });

  it('THEN each role assignment keeps its principal, role and scope as stated, and points at the template node that makes it', () => {
    expect(summary.roleAssignments.map((ra) => [ra.principal, ra.role.name, ra.scope.kind])).to.deep.equal([
      ['runner', 'Reader', 'resourceGroup'],
      ['system', 'Automation Job Operator', 'automationAccount'],
      ['runner', 'Key Vault Secrets User', 'resource'],
      ['runner', 'Contributor', 'automationAccount'],
    ]);
    for (const ra of summary.roleAssignments) expect(template.resources.some((n) => n.ref === ra.node)).to.equal(true);
  });

  it('THEN each runbook says who it signs in as when armgen writes its sign-in, and which secret it reads', () => {
    expect(summary.runbooks.map((rb) => [rb.name, rb.signsInAs ?? null])).to.deep.equal([
      ['Start-Nightly', null],
      ['Get-Inventory', null],
      ['Connect-System', 'system'],
      ['Connect-Runner', 'runner'],
      ['Get-Token', 'runner'],
    ]);
    expect(summary.runbooks[3]!.keyVaultSecret).to.deep.equal({ vaultName: 'kv-maximal-secrets', secretName: 'api-key' });
  });

  it('THEN its hybrid worker group lists each machine and whether armgen installs the extension, and its source control says who it syncs as', () => {
    expect(summary.hybridWorkerGroups?.map((g) => [g.name, g.credential, g.workers.map((w) => w.extension ?? null)])).to.deep.equal([['onprem-workers', 'HybridRunAs', ['Windows', null]]]);
    expect(summary.sourceControls?.map((sc) => [sc.name, sc.sourceType, sc.syncsAs, sc.branch])).to.deep.equal([['opsrunbooks', 'GitHub', 'runner', { k: 'param', name: 'syncBranch' }]]);
    expect(summary.webhooks).to.equal(undefined);
  });
});
