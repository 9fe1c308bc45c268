import { expect } from 'chai';
import { generateConfig } from '../../../generator/generate.js';
import { ACCOUNT_ID, byName, childId, errorsOf, officialSchemaErrors, render } from './assetHelpers.js';

const token = 'parameters:\n  pat: { type: securestring, description: token }\n';
const contributor = (who: string) => `roleAssignments:\n  - { identity: ${who}, role: Contributor, scope: { kind: automationAccount } }\n`;

/** An account with a system identity and an attached user-assigned one (ops), plus the given sections. */
function scConfig(sections: string): string {
  return [
    'identities:',
    '  - { name: ops, resourceName: uai-ops }',
    '  - { name: spare, resourceName: uai-spare }',
    'automationAccount:',
    '  name: aa-assets-01',
    '  identity: { systemAssigned: true, userAssigned: [ops] }',
    sections,
  ].join('\n');
}

const github = (extra = '') =>
  `sourceControls:\n  - name: opsrepo\n    sourceType: GitHub\n    repoUrl: https://github.com/contoso/ops.git\n    branch: main\n    folderPath: /runbooks\n    description: ops runbooks\n    securityToken: { accessToken: { param: pat } }\n${extra}`;

describe('source control: resolve', () => {
  it('GIVEN GitHub source control WHEN rendered THEN ARM has the API spelling, defaults (autoSync false, publishRunbook true) and the token as a parameter', () => {
    const { template, result } = render(scConfig(`${token}${contributor('system')}${github()}`));
    const sc = byName(template, 'sourceControls', 'opsrepo');
    expect(sc.properties).to.deep.equal({
      repoUrl: 'https://github.com/contoso/ops.git',
      branch: 'main',
      folderPath: '/runbooks',
      autoSync: false,
      publishRunbook: true,
      sourceType: 'GitHub',
      securityToken: { accessToken: "[parameters('pat')]", tokenType: 'PersonalAccessToken' },
      description: 'ops runbooks',
    });
    expect(sc.dependsOn).to.deep.equal([ACCOUNT_ID]);
    // the sync identity holds Contributor on the account, as the docs ask: no AG701, and no AG700 for that role
    expect(result.diagnostics.filter((d) => d.code === 'AG701' || d.code === 'AG700')).to.deep.equal([]);
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  it('GIVEN VsoTfvc THEN a branch is refused (TFVC has none); GIVEN GitHub or VsoGit without branch THEN AG200', () => {
    const tfvc = scConfig(`${token}sourceControls:\n  - { name: tf, sourceType: VsoTfvc, repoUrl: 'https://dev.azure.com/o/p/_versionControl', branch: main, folderPath: /r, description: d, securityToken: { accessToken: { param: pat } } }\n`);
    expect(errorsOf(tfvc)[0]).to.match(/^AG200 \/sourceControls\/0\/branch: a VsoTfvc source control has no branch/);
    const ok = render(scConfig(`${token}${contributor('system')}sourceControls:\n  - { name: tf, sourceType: VsoTfvc, repoUrl: 'https://dev.azure.com/o/p/_versionControl', folderPath: /r, description: d, securityToken: { accessToken: { param: pat } } }\n`));
    expect(byName(ok.template, 'sourceControls', 'tf').properties).not.to.have.property('branch');
    const git = scConfig(`${token}sourceControls:\n  - { name: g, sourceType: VsoGit, repoUrl: 'https://dev.azure.com/o/p/_git/r', folderPath: /r, description: d, securityToken: { accessToken: { param: pat } } }\n`);
    expect(errorsOf(git)).to.deep.equal(["AG200 /sourceControls/0: source control 'g' (VsoGit) needs branch: the branch to sync from"]);
  });

  it('GIVEN a token from a plain string parameter THEN AG303; a literal token does not pass the schema', () => {
    const plain = scConfig(`parameters:\n  pat: { type: string, defaultValue: ghp_SECRET_TOKEN }\n${github()}`);
    const errors = errorsOf(plain);
    expect(errors.some((e) => e.startsWith("AG303 /sourceControls/0/securityToken/accessToken: the access token of source control 'opsrepo' comes from parameter 'pat', which must be a securestring"))).to.equal(true);
    expect(errors.join('\n')).not.to.include('ghp_SECRET_TOKEN');
    const literal = generateConfig('bad.yaml', scConfig(github().replace('{ accessToken: { param: pat } }', '{ accessToken: ghp_SECRET_TOKEN }')));
    expect(literal.ok).to.equal(false);
    expect(literal.diagnostics.map((d) => d.code)).to.include('AG200');
  });

  it('GIVEN a branch parameter (one branch per environment) THEN each of its values is held to the 255-character limit', () => {
    const yaml = (value: string) => scConfig(`${token}  branch: { type: string, defaultValue: '${value}' }\n${contributor('system')}${github().replace('branch: main', 'branch: { param: branch }')}`);
    expect(byName(render(yaml('release')).template, 'sourceControls', 'opsrepo').properties).to.deep.include({ branch: "[parameters('branch')]" });
    expect(errorsOf(yaml('b'.repeat(256)))[0]).to.match(/^AG308 \/parameters\/branch\/defaultValue: .* must be a string of 1-255 characters/);
  });

  it('GIVEN a name with other than letters and digits THEN AG200 from the schema (the portal rule)', () => {
    const bad = generateConfig('bad.yaml', scConfig(`${token}${github().replace('name: opsrepo', 'name: ops-repo')}`));
    expect(bad.ok).to.equal(false);
    expect(bad.diagnostics.map((d) => `${d.code} ${d.pointer}`)).to.deep.equal(['AG200 /sourceControls/0/name']);
  });

  it('GIVEN the default (system) identity turned off THEN AG306; GIVEN no Contributor for it THEN an AG701 warning', () => {
    const off = ['automationAccount:', '  name: aa-assets-01', token, github()].join('\n');
    expect(errorsOf(off)[0]).to.match(/^AG306 \/sourceControls\/0: source control syncs as the account's system-assigned identity \(the default\), which is off/);
    const warned = render(scConfig(`${token}${github()}`)).result.diagnostics.filter((d) => d.code === 'AG701');
    expect(warned.map((d) => [d.severity, d.pointer])).to.deep.equal([['warning', '/sourceControls/0']]);
    expect(warned[0]!.message).to.match(/Contributor role on the Automation account/);
  });

  it('GIVEN a user-assigned sync identity THEN armgen sets AUTOMATION_SC_USER_ASSIGNED_IDENTITY_ID to its client ID, and a variable of that name is refused', () => {
    const yaml = scConfig(`${token}${contributor('ops')}${github('    identity: ops\n')}`);
    const { template } = render(yaml);
    const variable = byName(template, 'variables', 'AUTOMATION_SC_USER_ASSIGNED_IDENTITY_ID');
    expect(variable.properties).to.deep.include({ isEncrypted: false, value: "[format('\"{0}\"', reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uai-ops'), '2024-11-30').clientId)]" });
    expect(byName(template, 'sourceControls', 'opsrepo').dependsOn).to.include(childId('variables', 'AUTOMATION_SC_USER_ASSIGNED_IDENTITY_ID'));
    const clash = `${yaml}variables:\n  - { name: automation_sc_user_assigned_identity_id, value: x, isEncrypted: false }\n`;
    expect(errorsOf(clash)[0]).to.match(/^AG302 \/variables\/0\/name: variable 'automation_sc_user_assigned_identity_id' is already declared at \/sourceControls\/0\/identity/);
  });

  it('GIVEN two source controls syncing as different identities, or an identity not attached THEN AG302 / AG306', () => {
    const two = scConfig(`${token}${github('    identity: ops\n')}  - { name: other, sourceType: GitHub, repoUrl: 'https://github.com/c/o.git', branch: main, folderPath: /r, description: d, securityToken: { accessToken: { param: pat } } }\n`);
    expect(errorsOf(two).some((e) => e.startsWith("AG302 /sourceControls/1/identity: every source control of an account syncs as one identity"))).to.equal(true);
    expect(errorsOf(scConfig(`${token}${github('    identity: spare\n')}`))[0]).to.match(/^AG306 \/sourceControls\/0\/identity: identity 'spare' is not attached/);
  });
});
