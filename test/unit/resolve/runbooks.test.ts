import { expect } from 'chai';
import { psSingleQuoted, pyStringLiteral } from '../../../generator/render/runbooks/renderRunbooks.js';
import type { FileRead } from '../../../generator/resolve/resolveRunbooks.js';
import { ACCOUNT_ID, byName, childId, config, errorsOf, officialSchemaErrors, render, resourcesOfType } from './assetHelpers.js';

const files: Record<string, string> = { 'scripts/Hello.ps1': "Write-Output 'hello'\n", 'scripts/hello.py': 'print("hello")\n' };
const readFile = (path: string): FileRead => {
  const text = files[path.replace(/^\.\//, '').replace(/\\/g, '/')];
  return text === undefined ? { ok: false, reason: 'does not exist' } : { ok: true, text };
};

describe('runbooks', () => {
  it('links URI content and writes the defaults: log flags off, the account location, a dependency on the account', () => {
    // GIVEN a runbook whose content is published at a URI
    const yaml = config('runbooks:\n  - name: Start-Nightly\n    type: PowerShell\n    uri: https://example.com/Start-Nightly.ps1\n    version: 1.0.0.0\n');
    // WHEN it is rendered
    const { template } = render(yaml);
    const rb = byName(template, 'runbooks', 'Start-Nightly');
    // THEN the runbook is a child of the account with the URI as publishContentLink
    expect(rb.name).to.equal("[format('{0}/{1}', 'aa-assets-01', 'Start-Nightly')]");
    expect(rb.location).to.equal("[parameters('location')]");
    expect(rb.properties).to.deep.equal({
      runbookType: 'PowerShell',
      logVerbose: false,
      logProgress: false,
      publishContentLink: { uri: 'https://example.com/Start-Nightly.ps1', version: '1.0.0.0' },
    });
    expect(rb.dependsOn).to.deep.equal([ACCOUNT_ID]);
    // AND no artifacts parameters are added, since nothing is staged
    expect(template.parameters).not.to.have.property('_artifactsLocation');
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  it('copies a local file to runbooks/ and links it with _artifactsLocation and _artifactsLocationSasToken', () => {
    // GIVEN a runbook from a local script file
    const yaml = config('runbooks:\n  - name: Hello\n    type: PowerShell72\n    file: scripts/Hello.ps1\n');
    // WHEN it is rendered with file access
    const { template, result } = render(yaml, { readFile });
    // THEN the file is an artifact next to the template, byte for byte
    expect(result.artifacts.find((a) => a.path === 'assets/runbooks/Hello.ps1')?.text).to.equal(files['scripts/Hello.ps1']);
    // AND the runbook links it with the quickstart convention
    const link = (byName(template, 'runbooks', 'Hello').properties as { publishContentLink: { uri: string } }).publishContentLink;
    expect(link.uri).to.equal("[uri(parameters('_artifactsLocation'), format('runbooks/Hello.ps1{0}', parameters('_artifactsLocationSasToken')))]");
    expect(template.parameters._artifactsLocation).to.deep.include({ type: 'string', defaultValue: '[deployment().properties.templateLink.uri]' });
    expect(template.parameters._artifactsLocationSasToken).to.deep.include({ type: 'securestring', defaultValue: '' });
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  it('generates the seed PowerShell flow for a user-assigned identity, with its client ID in an Automation variable', () => {
    // GIVEN a generated PowerShell runbook that signs in as 'ops' and reads a secret
    const yaml = config(
      'runbooks:\n  - name: Get-Secret\n    type: PowerShell\n    generate:\n      flow: powershell\n      identity: ops\n      keyVaultSecret: { vaultName: kv-ops, secretName: db-password }\n',
    );
    // WHEN it is rendered
    const { template, result } = render(yaml);
    const script = result.artifacts.find((a) => a.path === 'assets/runbooks/Get-Secret.ps1')!.text;
    // THEN the script connects with the client ID taken from a parameter or the variable, and reads the secret
    expect(script).to.contain('$null = Disable-AzContextAutosave -Scope Process');
    expect(script).to.contain("$ClientId = Get-AutomationVariable -Name 'ops-clientId'");
    expect(script).to.contain('Connect-AzAccount -Identity -AccountId $ClientId');
    expect(script).to.contain('Set-AzContext -SubscriptionName $AzureContext.Subscription -DefaultProfile $AzureContext');
    expect(script).to.contain("$vaultName = 'kv-ops'");
    expect(script).to.contain('ConvertFrom-SecureString -SecureString $secret.SecretValue -AsPlainText');
    // AND the template sets that variable from the identity's client ID, JSON-quoted, before the runbook
    const variable = byName(template, 'variables', 'ops-clientId');
    expect((variable.properties as { value: string }).value).to.equal(
      "[format('\"{0}\"', reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uai-ops'), '2024-11-30').clientId)]",
    );
    expect(byName(template, 'runbooks', 'Get-Secret').dependsOn).to.deep.equal([ACCOUNT_ID, childId('variables', 'ops-clientId')]);
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  it('generates the seed Python flow for the system identity: IDENTITY_ENDPOINT, X-IDENTITY-HEADER, no client ID', () => {
    // GIVEN a generated Python runbook for the system-assigned identity
    const yaml = config('runbooks:\n  - name: Get-Token\n    type: Python3\n    generate:\n      flow: python\n      identity: system\n');
    // WHEN it is rendered
    const { template, result } = render(yaml);
    const script = result.artifacts.find((a) => a.path === 'assets/runbooks/Get-Token.py')!.text;
    // THEN it asks the token endpoint with the identity header, using only the standard library
    expect(script).to.contain('os.environ["IDENTITY_ENDPOINT"]');
    expect(script).to.contain('"X-IDENTITY-HEADER": os.environ["IDENTITY_HEADER"]');
    expect(script).to.contain('CLIENT_ID_VARIABLE = None');
    expect(script).not.to.match(/^import requests/m);
    // AND no client-ID variable is created
    expect(resourcesOfType(template, 'variables')).to.deep.equal([]);
  });

  it('quotes config values for the script language: doubled single quotes in PowerShell, JSON literals in Python', () => {
    // GIVEN values with quotes, typographic quotes, backslashes and newlines
    const tricky = "it's \u2019 \\ \"x\"\n";
    // WHEN they are quoted
    // THEN each stays one literal string in its language
    expect(psSingleQuoted(tricky)).to.equal("'it''s \u2019\u2019 \\ \"x\"\n'");
    expect(pyStringLiteral(tricky)).to.equal('"it\'s \u2019 \\\\ \\"x\\"\\n"');
  });

  it('puts the runtime environment on the runbook and waits for the environment and its packages', () => {
    // GIVEN a runbook in a runtime environment that has a package
    const yaml = config(
      [
        'runtimeEnvironments:',
        '  - name: ps74',
        '    language: PowerShell',
        "    version: '7.4'",
        '    defaultPackages: { Az: 12.3.0 }',
        '    packages:',
        '      - name: Microsoft.Graph.Authentication',
        'runbooks:',
        '  - name: Job',
        '    type: PowerShell',
        '    runtimeEnvironment: ps74',
        '    uri: https://example.com/job.ps1',
      ].join('\n'),
    );
    // WHEN it is rendered
    const { template } = render(yaml);
    const rb = byName(template, 'runbooks', 'Job');
    // THEN the runbook names the environment and depends on it and on its package
    expect((rb.properties as { runtimeEnvironment: string }).runtimeEnvironment).to.equal('ps74');
    expect(rb.dependsOn).to.deep.equal([
      ACCOUNT_ID,
      childId('runtimeEnvironments', 'ps74'),
      childId('runtimeEnvironments/packages', 'ps74', 'Microsoft.Graph.Authentication'),
    ]);
    expect(byName(template, 'runtimeEnvironments', 'ps74').properties).to.deep.equal({ runtime: { language: 'PowerShell', version: '7.4' }, defaultPackages: { Az: '12.3.0' } });
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  it('warns (AG500) when a PowerShell72 runbook exists and modules are imported for PowerShell 5.1 only, besides its retired runtime (AG501)', () => {
    // GIVEN a 5.1 module and a PowerShell 7.2 runbook
    const yaml = config('modules:\n  - name: Az.Accounts\nrunbooks:\n  - name: Job72\n    type: PowerShell72\n    uri: https://example.com/job.ps1\n');
    // WHEN it is rendered
    const { warnings } = render(yaml);
    // THEN a warning names the invisible module, and another the retired runtime
    expect(warnings.map((w) => w.code).sort()).to.deep.equal(['AG500', 'AG501']);
    expect(warnings.find((w) => w.code === 'AG500')!.message).to.contain('Az.Accounts');
  });

  describe('config errors', () => {
    it('rejects a runbook name that breaks Azure rules', () => {
      // GIVEN a runbook name starting with a digit WHEN it is validated THEN it is an error
      const errors = errorsOf(config('runbooks:\n  - name: 1-bad\n    type: PowerShell\n    uri: https://example.com/x.ps1\n'));
      expect(errors.join('\n')).to.match(/AG200|AG300/);
      expect(errors.join('\n')).to.contain('1-bad');
    });

    it('rejects a runbook with two content sources', () => {
      const errors = errorsOf(config('runbooks:\n  - name: Two\n    type: PowerShell\n    uri: https://example.com/x.ps1\n    file: scripts/Hello.ps1\n'), { readFile });
      expect(errors).to.include("AG200 /runbooks/0: runbook 'Two': give exactly one of uri, file or generate (got uri, file)");
    });

    it('rejects a missing local file and a file whose language does not match the runbook type', () => {
      const missing = errorsOf(config('runbooks:\n  - name: Gone\n    type: PowerShell\n    file: scripts/Gone.ps1\n'), { readFile });
      expect(missing.join('\n')).to.contain('AG100 /runbooks/0/file: cannot read runbook file scripts/Gone.ps1');
      const mismatch = errorsOf(config('runbooks:\n  - name: Py\n    type: PowerShell\n    file: scripts/hello.py\n'), { readFile });
      expect(mismatch.join('\n')).to.contain('is a PowerShell runbook');
    });

    it('rejects a generated runbook for an identity that is unknown, or the system identity when it is off', () => {
      const unknown = errorsOf(config('runbooks:\n  - name: A\n    type: PowerShell\n    generate: { flow: powershell, identity: opz }\n'));
      expect(unknown.join('\n')).to.contain("AG301 /runbooks/0/generate/identity: unknown identity 'opz'. Did you mean 'ops'?");
      const off = errorsOf('automationAccount:\n  name: aa-assets-01\nrunbooks:\n  - name: A\n    type: PowerShell\n    generate: { flow: powershell, identity: system }\n');
      expect(off.join('\n')).to.contain('AG306');
    });
  });
});
