import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { generateConfig } from '../../generator/generate.js';
import { artifactReader } from '../../generator/import/importFiles.js';
import { repoRoot } from '../support/paths.js';
import { importText, refusalsOf, renderedTemplate, sourceFile } from './helpers.js';

type Resource = Record<string, unknown> & { properties?: Record<string, unknown> };

/** An example's template with the first resource that `pick` selects changed, imported with its parameter file. */
function importEdited(example: string, pick: (r: Resource) => boolean, change: (r: Resource) => void): string[] {
  const folder = join(repoRoot, 'out', example);
  const t = JSON.parse(readFileSync(join(folder, 'azuredeploy.json'), 'utf8')) as { resources: Resource[] };
  const found = t.resources.find(pick);
  if (!found) throw new Error(`no such resource in ${example}`);
  change(found);
  const parameters = [sourceFile(join(folder, 'azuredeploy.parameters.json'))];
  return refusalsOf(importText('t.json', JSON.stringify(t, null, 2), parameters, artifactReader(join(folder, 'azuredeploy.json'))));
}

const ofType = (type: string) => (r: Resource) => r.type === type;
const deployment = (prefix: string) => (r: Resource) => r.type === 'Microsoft.Resources/deployments' && String(r.name).startsWith(`[format('${prefix}`);
const parameter = (r: Resource, name: string) => ((r.properties!.parameters as Record<string, { value: unknown }>)[name]!);

/** The ARM template armgen renders for a config. */
function armOf(config: string): string {
  const result = generateConfig('source.yaml', config, { format: 'arm', readme: false });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.artifacts.find((a) => a.path.endsWith('/azuredeploy.json'))!.text;
}

describe("import of webhooks, hybrid workers, source control, private endpoints, the linked workspace and a customer-managed key: armgen's shapes only", () => {
  it('refuses a webhook URI that is not a parameter, without quoting it', () => {
    const refusals = importEdited('operations', ofType('Microsoft.Automation/automationAccounts/webhooks'), (r) => {
      r.properties!.uri = 'https://example.invalid/webhooks?token=s3cr3t-literal';
    });
    expect(refusals.join('\n')).to.match(/properties\.uri: a webhook's URI is a secret: it is imported only as \[parameters\('NAME'\)\]/);
    expect(refusals.join('\n')).to.not.include('s3cr3t-literal');
  });

  it('refuses a hybrid worker named with a fixed GUID (armgen names it from the group and the machine)', () => {
    const refusals = importEdited('operations', ofType('Microsoft.Automation/automationAccounts/hybridRunbookWorkerGroups/hybridRunbookWorkers'), (r) => {
      r.name = "[format('{0}/{1}/{2}', parameters('automationAccountName'), 'ops-workers', '0b9a3c1e-0000-4000-8000-000000000001')]";
    });
    expect(refusals[0]).to.match(/resources\[6\]\.name: a hybrid worker is imported in armgen's shape only/);
  });

  it('refuses a hybridWorker- deployment whose extension type is not the HybridWorker one', () => {
    const refusals = importEdited('operations', deployment('hybridWorker-'), (r) => {
      parameter(r, 'extensionType').value = 'CustomScriptExtension';
    });
    expect(refusals[0]).to.match(/resources\[7\]\.properties\.parameters\.extensionType\.value: the extension module's extensionType is imported as HybridWorkerForWindows or HybridWorkerForLinux/);
  });

  it('refuses a source-control token that is not a parameter, without quoting it', () => {
    const refusals = importEdited('operations', ofType('Microsoft.Automation/automationAccounts/sourceControls'), (r) => {
      (r.properties!.securityToken as Record<string, unknown>).accessToken = 'pat-literal-value';
    });
    expect(refusals.join('\n')).to.match(/securityToken\.accessToken: a source control's accessToken is a secret/);
    expect(refusals.join('\n')).to.not.include('pat-literal-value');
  });

  it('refuses an AUTOMATION_SC_USER_ASSIGNED_IDENTITY_ID variable holding a literal client ID (armgen reads it from the identity)', () => {
    const refusals = importEdited('maximal', (r) => String(r.name).includes('AUTOMATION_SC_USER_ASSIGNED_IDENTITY_ID'), (r) => {
      r.properties!.value = '"5d0c4b7e-0000-4000-8000-000000000001"';
    });
    expect(refusals[0]).to.match(/properties\.value: AUTOMATION_SC_USER_ASSIGNED_IDENTITY_ID is imported only as armgen writes it/);
  });

  it('refuses a pep- deployment that connects to another resource than the account', () => {
    const refusals = importEdited('operations', deployment('pep-'), (r) => {
      parameter(r, 'privateLinkServiceId').value = "[resourceId('Microsoft.Storage/storageAccounts', 'stother')]";
    });
    expect(refusals[0]).to.match(/properties\.parameters\.privateLinkServiceId\.value: a private endpoint is imported only when it connects to the Automation account of this template/);
  });

  it('refuses a law-link- deployment that links another account', () => {
    const refusals = importEdited('operations', deployment('law-link-'), (r) => {
      parameter(r, 'automationAccountId').value = "[resourceId('Microsoft.Automation/automationAccounts', 'aa-other')]";
    });
    expect(refusals[0]).to.match(/properties\.parameters\.automationAccountId\.value: the link module is imported only when it links the Automation account of this template/);
  });

  it('refuses a key read by something that is not a user-assigned identity', () => {
    const refusals = importEdited('maximal', ofType('Microsoft.Automation/automationAccounts'), (r) => {
      ((r.properties!.encryption as Record<string, unknown>).identity as Record<string, unknown>).userAssignedIdentity = "[resourceId('Microsoft.KeyVault/vaults', 'kv')]";
    });
    expect(refusals[0]).to.match(/encryption\.identity\.userAssignedIdentity: .* is not a user-assigned identity's resource ID/);
  });

  it('imports an endpoint in the deployment\'s group and a created workspace, and renders the same template; refuses a second connection', () => {
    // GIVEN armgen's template for a direct endpoint with its DNS zone group and a workspace created and linked here
    const zone = '/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.azure-automation.net';
    const subnet = '/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet';
    const config = `automationAccount:\n  name: aa-imported\nprivateEndpoints:\n  - service: Webhook\n    name: pep-hooks\n    subnetId: ${subnet}\n    privateDnsZoneId: ${zone}\nlogAnalytics:\n  createWorkspace:\n    name: law-imported\n    retentionInDays: 60\n`;
    const original = armOf(config);
    const outcome = importText('t.json', original);
    if (!outcome.ok) throw new Error(refusalsOf(outcome).join('\n'));
    // THEN the entries come back and render byte for byte
    for (const line of ['name: pep-hooks', `privateDnsZoneId: ${zone}`, 'createWorkspace:', 'retentionInDays: 60']) expect(outcome.text).to.include(line);
    expect(renderedTemplate(outcome.text)).to.equal(original);
    // ... and an endpoint with two connections is not armgen's
    const t = JSON.parse(original) as { resources: Resource[] };
    const endpoint = t.resources.find(ofType('Microsoft.Network/privateEndpoints'))!;
    const list = endpoint.properties!.privateLinkServiceConnections as unknown[];
    list.push(list[0]);
    expect(refusalsOf(importText('t.json', JSON.stringify(t, null, 2)))[0]).to.match(/privateLinkServiceConnections: a private endpoint is imported in armgen's shape only/);
  });
});
