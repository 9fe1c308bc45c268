import { expect } from 'chai';
import { config, render } from './assetHelpers.js';
import { generateConfig } from '../../../generator/generate.js';

const files = { readFile: (p: string) => (p.endsWith('.ps1') ? { ok: true as const, text: "Write-Output 'hi'\n" } : { ok: false as const, reason: 'does not exist' }) };
const staged = "runbooks:\n  - { name: Hello, type: PowerShell, file: scripts/Hello.ps1 }\n";
const text = (r: ReturnType<typeof render>, path: string) => r.result.artifacts.find((a) => a.path === `assets/${path}`)!.text;

describe('artifacts location (issue 11 #4): a local or Bicep deployment finds the staged runbooks', () => {
  it('writes the configured location per environment into the ARM parameter files and the .bicepparam files', () => {
    // GIVEN a staged runbook, a top-level location with a SAS token from Key Vault, and a prod override
    const yaml = config(`${staged}artifacts:
  location: https://stdev.blob.core.windows.net/armgen/assets/
  sasToken:
    keyVaultReference: { vaultId: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-a1, secretName: sas }
environments:
  prod:
    artifacts:
      location: https://stprod.blob.core.windows.net/armgen/assets/
`);
    // WHEN rendered
    const r = render(yaml, files);
    // THEN each parameter file carries its location, and the SAS token as a Key Vault reference (never in clear)
    const dev = JSON.parse(text(r, 'azuredeploy.parameters.json')) as { parameters: Record<string, { value?: unknown; reference?: unknown }> };
    const prod = JSON.parse(text(r, 'azuredeploy.parameters.prod.json')) as typeof dev;
    expect(dev.parameters._artifactsLocation!.value).to.equal('https://stdev.blob.core.windows.net/armgen/assets/');
    expect(prod.parameters._artifactsLocation!.value).to.equal('https://stprod.blob.core.windows.net/armgen/assets/');
    expect(prod.parameters._artifactsLocationSasToken!.reference).to.deep.include({ secretName: 'sas' });
    expect(text(r, 'main.prod.bicepparam')).to.include("param _artifactsLocation = 'https://stprod.blob.core.windows.net/armgen/assets/'");
    expect(text(r, 'main.bicepparam')).to.match(/param _artifactsLocationSasToken = az\.getSecret\(/);
    // ...and nothing is left to hint about
    expect(r.result.diagnostics.filter((d) => d.code === 'AG801')).to.deep.equal([]);
  });

  it('without a location, leaves ARM to the deployment command, reads ARTIFACTS_LOCATION in Bicep, and says so once', () => {
    // GIVEN a staged runbook and no artifacts section WHEN rendered
    const r = render(config(staged), files);
    // THEN the ARM parameter file has no value (the template's default serves --template-uri deployments)...
    expect(JSON.parse(text(r, 'azuredeploy.parameters.json')).parameters).not.to.have.property('_artifactsLocation');
    // ...every .bicepparam reads it from the pipeline (a Bicep deployment never has a templateLink)...
    expect(text(r, 'main.bicepparam')).to.include("param _artifactsLocation = readEnvironmentVariable('ARTIFACTS_LOCATION')");
    // ...and one hint (not a warning: --strict does not fail on it) says what to do
    const hints = r.result.diagnostics.filter((d) => d.code === 'AG801');
    expect(hints.map((d) => d.severity)).to.deep.equal(['info']);
    expect(hints[0]!.message).to.match(/set artifacts\.location/);
  });

  it('refuses a location without a trailing slash (uri() would drop its last segment) and warns when nothing is staged', () => {
    const bad = render.bind(null);
    expect(() => bad(config(`${staged}artifacts:\n  location: https://st.blob.core.windows.net/armgen\n`), files)).to.throw(/artifacts\/location/);
    const r = render(config('artifacts:\n  location: https://st.blob.core.windows.net/armgen/\n'));
    expect(r.warnings.map((d) => d.message)).to.deep.equal(['/artifacts: artifacts has no effect: this config stages no files (no runbook with file: or generate:)']);
  });
});

describe('customer-managed key (issue 11 #8): ordering and key version', () => {
  const vault = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-cmk-01';
  const cmk = (roles: string) => `identities:
  - { name: cmk, create: true }
automationAccount:
  name: aa-cmk-01
  identity: { userAssigned: [cmk] }
  encryption: { keySource: Microsoft.Keyvault, keyVaultResourceId: ${vault}, keyName: automation, identity: cmk }
${roles}`;

  it('makes the account wait for the role that gives its created identity key access, and reads the key version at deployment', () => {
    // GIVEN a created identity that reads the key and its Crypto Service Encryption User role on the vault
    const r = render(cmk(`roleAssignments:\n  - { identity: cmk, role: Key Vault Crypto Service Encryption User, scope: { kind: resource, resourceId: ${vault} } }\n`));
    const account = r.template.resources.find((x) => x.type === 'Microsoft.Automation/automationAccounts')!;
    // THEN the account depends on the role-assignment deployment (the CMK docs need the permission first)...
    expect((account.dependsOn as string[]).some((d) => d.includes("'Microsoft.Resources/deployments'"))).to.equal(true);
    // ...and the key's version and the vault's URI are read from the key and the vault, as AVM does
    const props = (account.properties as { encryption: { keyVaultProperties: Record<string, string> } }).encryption.keyVaultProperties;
    expect(props.keyVersion).to.match(/^\[last\(split\(reference\(resourceId\('11111111-1111-1111-1111-111111111111', 'rg-keys', 'Microsoft\.KeyVault\/vaults\/keys', 'kv-cmk-01', 'automation'\), '[0-9-]+'\)\.keyUriWithVersion, '\/'\)\)\]$/);
    expect(props.keyvaultUri).to.match(/\.vaultUri\]$/);
    expect(r.warnings).to.deep.equal([]);
    // ...and Bicep declares the key under its vault
    expect(text(r, 'main.bicep')).to.include("resource cmkKey 'Microsoft.KeyVault/vaults/keys@2024-11-01' existing = {\n  name: 'automation'\n  parent: cmkVault\n}");
  });

  it('reports a mistake in a vault-ID parameter once (the vault is resolved once, for the template and the README)', () => {
    // GIVEN the vault's ID from a parameter that is not declared
    const errors = generateConfig('cmk.yaml', cmk('').replace(`keyVaultResourceId: ${vault}`, 'keyVaultResourceId: { param: vaultId }')).diagnostics.filter((d) => d.severity === 'error');
    // THEN one AG301 at the reference
    expect(errors.map((d) => `${d.code} ${d.pointer}`)).to.deep.equal(['AG301 /automationAccount/encryption/keyVaultResourceId/param']);
  });

  it('warns when a created identity reads the key but no role gives it access (the first deployment would fail)', () => {
    const r = render(cmk(''));
    expect(r.warnings.map((d) => `${d.code} ${d.message}`).join('\n')).to.match(/AG701 \/automationAccount\/encryption\/identity: identity 'cmk' is created by this template/);
  });
});
