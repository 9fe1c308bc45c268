import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { generateConfig } from '../../generator/generate.js';
import { compareTemplates } from '../../generator/import/compareTemplates.js';
import { artifactReader } from '../../generator/import/importFiles.js';
import { repoRoot } from '../support/paths.js';
import { importText, refusalsOf, renderedTemplate, sourceFile } from './helpers.js';

/** The ARM template armgen renders for a config (its `file:` runbooks read as one line of PowerShell). */
function armOf(config: string): string {
  const result = generateConfig('source.yaml', config, { format: 'arm', readme: false, readFile: () => ({ ok: true, text: 'Write-Output 1\n' }) });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.artifacts.find((a) => a.path.endsWith('/azuredeploy.json'))!.text;
}

/** A template with one resource's JSON changed. */
function edit(text: string, type: string, change: (r: Record<string, unknown>) => void): string {
  const t = JSON.parse(text) as { resources: Record<string, unknown>[] };
  change(t.resources.find((r) => r.type === type)!);
  return JSON.stringify(t, null, 2);
}

const ACCOUNT = 'automationAccount:\n  name: aa-imported\n';
const VARIABLES = 'Microsoft.Automation/automationAccounts/variables';

describe('import of Automation assets: variables, credentials, runbooks, schedules', () => {
  it('imports a DateTime variable as { dateTime } and an encrypted secure parameter as { param }, rendering the same template', () => {
    // GIVEN armgen's template for a DateTime variable and an encrypted variable from a securestring parameter
    const config = `${ACCOUNT}parameters:\n  secret: { type: securestring }\nvariables:\n  - name: When\n    value: { dateTime: '2030-01-06T02:00:00+01:00' }\n    isEncrypted: false\n  - name: Key\n    value: { param: secret }\n`;
    const original = armOf(config);
    const outcome = importText('t.json', original);
    if (!outcome.ok) throw new Error(refusalsOf(outcome).join('\n'));
    // THEN the stored "\/Date(ms)\/" becomes the instant in UTC, the parameter encoding { param }, and it renders back
    expect(outcome.text).to.include("dateTime: 2030-01-06T01:00:00Z");
    expect(outcome.text).to.include('value: { param: secret }');
    expect(renderedTemplate(outcome.text)).to.equal(original);
  });

  it('imports a staged script as file: runbooks/<file> and lists the file the user must place next to the config', () => {
    const original = armOf(`${ACCOUNT}runbooks:\n  - name: Local\n    type: PowerShell\n    file: scripts/Local.ps1\n`);
    // WHEN imported without the script next to the template
    const outcome = importText('t.json', original);
    if (!outcome.ok) throw new Error(refusalsOf(outcome).join('\n'));
    expect(outcome.text).to.include('file: runbooks/Local.ps1');
    expect(outcome.stagedFiles).to.deep.equal([{ path: 'runbooks/Local.ps1' }]);
  });

  it("recognises armgen's starter only by its exact bytes: an edited starter is a file runbook, and its client-ID variable is refused", () => {
    // GIVEN out/python-runbook, whose Get-Token.py someone edited
    const folder = join(repoRoot, 'out', 'python-runbook');
    const text = readFileSync(join(folder, 'azuredeploy.json'), 'utf8');
    const edited = (path: string) => (path === 'runbooks/Get-Token.py' ? `${readFileSync(join(folder, path), 'utf8')}# mine\n` : undefined);
    const refusals = refusalsOf(importText('t.json', text, [], edited));
    // THEN the variable armgen writes only for a starter has no equivalent, and says why
    expect(refusals).to.have.length(1);
    expect(refusals[0]).to.match(/resources\[3\]\.name: variable 'runner-clientId' is armgen's client-ID variable of a starter runbook, but no runbook here was recognised as armgen's starter/);
    // ... while the unchanged script imports as generate:
    const outcome = importText('t.json', text, [], artifactReader(join(folder, 'azuredeploy.json')));
    expect(outcome.ok && outcome.text).to.include('flow: python');
  });

  it('refuses a job schedule whose name is not seeded by jobScheduleSeed (Azure refuses a reused job-schedule name)', () => {
    const folder = join(repoRoot, 'out', 'python-runbook');
    const text = edit(readFileSync(join(folder, 'azuredeploy.json'), 'utf8'), 'Microsoft.Automation/automationAccounts/jobSchedules', (r) => {
      r.name = "[format('{0}/{1}', parameters('automationAccountName'), '5b1f8c0e-0000-4000-8000-000000000001')]";
    });
    const refusals = refusalsOf(importText('t.json', text, [], artifactReader(join(folder, 'azuredeploy.json'))));
    expect(refusals).to.have.length(1);
    expect(refusals[0]).to.match(/resources\[6\]\.name: a job schedule is imported in armgen's shape only/);
  });

  it('refuses a literal credential password without quoting it', () => {
    const original = armOf(`${ACCOUNT}parameters:\n  pw: { type: securestring }\ncredentials:\n  - name: Sql\n    userName: svc\n    password: { param: pw }\n`);
    const text = edit(original, 'Microsoft.Automation/automationAccounts/credentials', (r) => {
      (r.properties as Record<string, unknown>).password = 'hunter2-literal';
    });
    const refusals = refusalsOf(importText('t.json', text));
    expect(refusals.join('\n')).to.match(/properties\.password: a credential's password is imported only as \[parameters\('NAME'\)\]/);
    expect(refusals.join('\n')).to.not.include('hunter2-literal');
  });

  it('refuses a variable value that is not the JSON text Automation stores', () => {
    const original = armOf(`${ACCOUNT}variables:\n  - name: Env\n    value: prod\n    isEncrypted: false\n`);
    const text = edit(original, VARIABLES, (r) => {
      (r.properties as Record<string, unknown>).value = 'prod';
    });
    expect(refusalsOf(importText('t.json', text))[0]).to.match(/properties\.value: a variable value is imported as JSON text/);
  });

  it('imports every kind of maximal, its customer-managed key, endpoints, linked workspace, hybrid workers and source control included, and renders it back', () => {
    // GIVEN out/maximal/azuredeploy.json, which uses every section armgen knows but webhooks
    const folder = join(repoRoot, 'out', 'maximal');
    const original = readFileSync(join(folder, 'azuredeploy.json'), 'utf8');
    // WHEN imported with its parameter file and its staged runbooks
    const parameters = [sourceFile(join(folder, 'azuredeploy.parameters.json'))];
    const outcome = importText('t.json', original, parameters, artifactReader(join(folder, 'azuredeploy.json')));
    if (!outcome.ok) throw new Error(refusalsOf(outcome).join('\n'));
    // THEN every kind comes back in the config (armgen's own nested deployments and variables as the config that
    // renders them), and the config renders a template equal to the original
    const lines = [
      'python3Packages:', 'file: runbooks/Get-Inventory.ps1', 'identity: system', 'dateTime: 2030-01-06T01:00:00Z', 'password: { param: sqlPassword }',
      'logs: [ AuditEvent, JobLogs ]', 'sasToken:', 'keyVaultResourceId: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-maximal-cmk',
      'identity: cmk', 'hybridWorkerGroups:', 'credential: HybridRunAs', 'os: Windows', 'vmResourceId: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-arc/providers/Microsoft.HybridCompute/machines/srv-onprem-01',
      'sourceControls:', 'identity: runner', 'accessToken: { param: githubToken }', 'privateEndpoints:', 'subnetId: { param: workerSubnetId }', 'resourceGroup: rg-network', 'manualApproval: true',
      'logAnalytics:',
    ];
    for (const line of lines) expect(outcome.text).to.include(line);
    expect(outcome.text).to.not.include('AUTOMATION_SC_USER_ASSIGNED_IDENTITY_ID');
    expect(outcome.stagedFiles.map((f) => f.path)).to.deep.equal(['runbooks/Get-Inventory.ps1']);
    expect(compareTemplates(JSON.parse(original) as Record<string, unknown>, JSON.parse(renderedTemplate(outcome.text, folder)) as Record<string, unknown>)).to.deep.equal([]);
  });
});
