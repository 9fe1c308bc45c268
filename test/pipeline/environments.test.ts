import { expect } from 'chai';
import { diagnosticsOf, renderYaml } from '../helpers/render.js';

const config = `parameters:
  accountName:
    type: string
    defaultValue: aa-dev-0001
    description: Automation account name
  sku:
    type: string
    defaultValue: Basic
    allowedValues: [Basic, Free]
  runnerId:
    type: string
    defaultValue: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-ids/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uai-dev
  adminSecret:
    type: securestring
    description: A secret for a runbook variable
identities:
  - name: runner
    resourceId: { param: runnerId }
automationAccount:
  name: { param: accountName }
  sku: { param: sku }
  identity:
    userAssigned: [runner]
variables:
  - name: admin-secret
    value: { param: adminSecret }
environments:
  test:
    parameters:
      accountName: aa-test-0001
  prod:
    parameters:
      accountName: aa-prod-0001
      sku: Basic
      runnerId: /subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-ids/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uai-prod
      adminSecret:
        keyVaultReference:
          vaultId: /subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv-prod
          secretName: admin-secret
`;

describe('environments: one template, one parameter file per environment', () => {
  it('writes azuredeploy.parameters.<env>.json and main.<env>.bicepparam per environment beside one template', () => {
    // GIVEN a config with test and prod environments WHEN rendered
    const result = renderYaml(config, 'envs.yaml');
    const paths = result.artifacts.map((a) => a.path).sort();
    // THEN there is one template and a parameter file per environment, in both formats
    expect(paths).to.include.members([
      'envs/azuredeploy.json',
      'envs/azuredeploy.parameters.json',
      'envs/azuredeploy.parameters.test.json',
      'envs/azuredeploy.parameters.prod.json',
      'envs/main.bicep',
      'envs/main.bicepparam',
      'envs/main.test.bicepparam',
      'envs/main.prod.bicepparam',
    ]);
    expect(paths.filter((p) => p.endsWith('azuredeploy.json'))).to.have.length(1);
  });

  it('puts each environment override into its file and keeps secrets out of files as Key Vault references', () => {
    const result = renderYaml(config, 'envs.yaml');
    const file = (p: string) => result.artifacts.find((a) => a.path === `envs/${p}`)!.text;
    const prod = JSON.parse(file('azuredeploy.parameters.prod.json')) as { parameters: Record<string, { value?: unknown; reference?: unknown }> };
    expect(prod.parameters.accountName).to.deep.equal({ value: 'aa-prod-0001' });
    expect(prod.parameters.runnerId!.value).to.match(/uai-prod$/);
    expect(prod.parameters.adminSecret).to.deep.equal({
      reference: { keyVault: { id: '/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv-prod' }, secretName: 'admin-secret' },
    });
    const test = JSON.parse(file('azuredeploy.parameters.test.json')) as { parameters: Record<string, unknown> };
    expect(test.parameters).to.deep.equal({ accountName: { value: 'aa-test-0001' } });
    expect(file('main.prod.bicepparam')).to.match(/^using 'main\.bicep'\n/);
    expect(file('main.prod.bicepparam')).to.include("param adminSecret = az.getSecret('22222222-2222-2222-2222-222222222222', 'rg-kv', 'kv-prod', 'admin-secret')");
    expect(file('main.test.bicepparam')).to.include("param accountName = 'aa-test-0001'");
    for (const a of result.artifacts) expect(a.text, a.path).not.to.include('hunter2');
  });

  it('checks environment values against the rules of what they name (an account name per environment)', () => {
    const bad = config.replace('accountName: aa-test-0001', 'accountName: x');
    expect(diagnosticsOf(bad).join('\n')).to.match(/\/environments\/test\/parameters\/accountName: "x" is not a valid Automation account name/);
  });

  it('refuses an override of something that is not a parameter, saying it would change the template', () => {
    const bad = config.replace('      sku: Basic\n', '      disableLocalAuth: false\n');
    expect(diagnosticsOf(bad).join('\n')).to.match(/AG307: \/environments\/prod\/parameters\/disableLocalAuth: 'disableLocalAuth' is not a template parameter.*change the template's shape/);
  });

  it('refuses a clear-text value for a secure parameter and a value outside allowedValues', () => {
    const d = diagnosticsOf(config.replace('      sku: Basic\n', '      sku: Premium\n').replace(/      adminSecret:\n        keyVaultReference:\n.*\n.*\n/, '      adminSecret: hunter2\n')).join('\n');
    expect(d).to.match(/secure parameter 'adminSecret' must not get a value in clear/);
    expect(d).to.match(/value "Premium" is not one of allowedValues/);
  });

  it("refuses parameter names that New-AzResourceGroupDeployment uses itself, suggesting another", () => {
    const bad = config.replace(/accountName/g, 'ResourceGroupName');
    expect(diagnosticsOf(bad).join('\n')).to.match(/collides with New-AzResourceGroupDeployment's own -ResourceGroupName.*rename it, e\.g\. 'deploymentResourceGroupName'/);
  });

  it('refuses values outside minValue/maxValue and minLength/maxLength, in the declaration and per environment, once each', () => {
    // Found by the long property run: ARM refuses such a value when the deployment starts, Bicep when it builds the .bicepparam (BCP033).
    const bounded = [
      'parameters:',
      '  retries: { type: int, minValue: 1, maxValue: 5, defaultValue: 9 }',
      '  label: { type: string, minLength: 3, maxLength: 4, defaultValue: abc }',
      '  zones: { type: array, maxLength: 2, defaultValue: [] }',
      'automationAccount: { name: aa-bounds-01 }',
      'variables:',
      '  - { name: r, value: { param: retries }, isEncrypted: false }',
      '  - { name: l, value: { param: label }, isEncrypted: false }',
      '  - { name: z, value: { param: zones }, isEncrypted: false }',
      'environments:',
      '  prod: { parameters: { retries: 0, label: abcde, zones: [1, 2, 3] } }',
      '',
    ].join('\n');
    expect(diagnosticsOf(bounded)).to.deep.equal([
      "bad.yaml:2:65: AG303: /parameters/retries/defaultValue: defaultValue 9 of parameter 'retries' is greater than maxValue 5",
      "bad.yaml:11:34: AG303: /environments/prod/parameters/retries: value 0 of parameter 'retries' is less than minValue 1",
      "bad.yaml:11:44: AG303: /environments/prod/parameters/label: value \"abcde\" of parameter 'label' is longer than maxLength 4 (length 5)",
      "bad.yaml:11:58: AG303: /environments/prod/parameters/zones: value [1,2,3] of parameter 'zones' is longer than maxLength 2 (length 3)",
    ]);
  });
});
