import { expect } from 'chai';
import { findCycle } from '../../../generator/resolve/resolveModules.js';
import { ACCOUNT_ID, byName, childId, config, errorsOf, officialSchemaErrors, render } from './assetHelpers.js';

describe('modules, PowerShell 7.2 modules and Python packages', () => {
  it('composes gallery links as <base>/<name>[/<version>] and writes contentLink.version only when pinned', () => {
    // GIVEN one pinned and one unpinned module
    const yaml = config('modules:\n  - name: Az.Accounts\n    version: 3.0.4\n  - name: Custom\n    uri: https://feed.example.com/api/v2/package/\n');
    // WHEN they are rendered
    const { template } = render(yaml);
    // THEN the pinned one carries the version twice, the other none; the feed's trailing slash is tolerated
    expect(byName(template, 'modules', 'Az.Accounts').properties).to.deep.equal({
      contentLink: { uri: 'https://www.powershellgallery.com/api/v2/package/Az.Accounts/3.0.4', version: '3.0.4' },
    });
    expect(byName(template, 'modules', 'Custom').properties).to.deep.equal({ contentLink: { uri: 'https://feed.example.com/api/v2/package/Custom' } });
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  it('imports Az.Accounts before every other Az.* module, plus the explicit dependsOn, whatever the config order', () => {
    // GIVEN Az.KeyVault listed before Az.Accounts, and a module that names its dependency
    const yaml = config('modules:\n  - name: Az.KeyVault\n  - name: Az.Accounts\n  - name: Tools\n    dependsOn: [Az.KeyVault]\n  - name: Pester\n');
    // WHEN they are rendered
    const { template } = render(yaml);
    // THEN each waits for what it needs, and nothing else
    expect(byName(template, 'modules', 'Az.KeyVault').dependsOn).to.deep.equal([ACCOUNT_ID, childId('modules', 'Az.Accounts')]);
    expect(byName(template, 'modules', 'Az.Accounts').dependsOn).to.deep.equal([ACCOUNT_ID]);
    expect(byName(template, 'modules', 'Tools').dependsOn).to.deep.equal([ACCOUNT_ID, childId('modules', 'Az.KeyVault')]);
    expect(byName(template, 'modules', 'Pester').dependsOn).to.deep.equal([ACCOUNT_ID]);
  });

  it('emits powerShell72Modules with API 2023-11-01, chained within their own list, and warns that PowerShell 7.2 is retired (AG501)', () => {
    // GIVEN PowerShell 7.2 modules
    const yaml = config('powerShell72Modules:\n  - name: Az.Accounts\n  - name: Az.Storage\n    version: 5.5.0\n');
    // WHEN they are rendered
    const { template, warnings } = render(yaml);
    const storage = byName(template, 'powerShell72Modules', 'Az.Storage');
    // THEN the type's only API version is used and the chain points at the 7.2 Az.Accounts
    expect(storage.apiVersion).to.equal('2023-11-01');
    expect(storage.dependsOn).to.deep.equal([ACCOUNT_ID, childId('powerShell72Modules', 'Az.Accounts')]);
    expect(officialSchemaErrors(template)).to.deep.equal([]);
    // AND the section is flagged once, with the runtime-environment replacement
    expect(warnings.map((w) => w.code)).to.deep.equal(['AG501']);
    expect(warnings[0]!.message).to.match(/^\/powerShell72Modules: powerShell72Modules serve PowerShell 7\.2 runbooks; PowerShell 7\.2 is retired \(community support ended 2024-11-08\).*Import these modules as packages of a runtime environment instead/);
  });

  it('links a module given by its own gallery link or .nupkg file as given, and refuses one whose intent is unclear (AG308)', () => {
    // GIVEN modules linked by their full links
    const nupkg = 'https://psg-prod-eastus.azureedge.net/packages/az.accounts.2.12.4.nupkg';
    const yaml = config(`modules:\n  - name: Az.Accounts\n    uri: ${nupkg}\n  - name: Pester\n    uri: https://www.powershellgallery.com/api/v2/package/Pester/5.6.1\n`);
    // WHEN rendered THEN nothing is appended
    const { template } = render(yaml);
    expect(byName(template, 'modules', 'Az.Accounts').properties).to.deep.equal({ contentLink: { uri: nupkg } });
    expect(byName(template, 'modules', 'Pester').properties).to.deep.equal({ contentLink: { uri: 'https://www.powershellgallery.com/api/v2/package/Pester/5.6.1' } });
    // AND a link to the module plus a separate version is an error on version
    const errors = errorsOf(config('modules:\n  - name: Pester\n    version: 5.6.1\n    uri: https://www.powershellgallery.com/api/v2/package/Pester\n'));
    expect(errors.join('\n')).to.match(/^AG308 \/modules\/0\/version: uri already links package 'Pester'/);
  });

  describe('runtime environment packages', () => {
    const env = (language: string, version: string, pkg: string) => config(`runtimeEnvironments:\n  - name: env1\n    language: ${language}\n    version: '${version}'\n    packages:\n${pkg}`);

    it('GIVEN a Python 3.10 environment with a wheel link THEN the wheel is linked as given (not .../x.whl/requests)', () => {
      const wheel = 'https://files.example.com/requests-2.32.3-py3-none-any.whl';
      const { template, warnings } = render(env('Python', '3.10', `      - name: requests\n        uri: ${wheel}\n`));
      expect(byName(template, 'runtimeEnvironments/packages', 'requests').properties).to.deep.equal({ contentLink: { uri: wheel } });
      expect(warnings).to.deep.equal([]);
      expect(officialSchemaErrors(template)).to.deep.equal([]);
    });

    it('GIVEN a Python package without uri THEN it is an error, not a PowerShell Gallery link', () => {
      expect(errorsOf(env('Python', '3.10', '      - name: requests\n'))).to.deep.equal([
        "AG308 /runtimeEnvironments/0/packages/0/uri: Python package 'requests' needs uri: the link to its .whl file (PyPI has no per-name download link armgen could build)",
      ]);
    });

    it('GIVEN a Windows wheel in a Python 3.10 environment THEN AG502 says the job would fail to import it', () => {
      const { warnings } = render(env('Python', '3.10', '      - name: pyyaml\n        uri: https://files.example.com/PyYAML-6.0.2-cp310-cp310-win_amd64.whl\n'));
      expect(warnings.map((w) => w.message)).to.deep.equal([
        '/runtimeEnvironments/0/packages/0/uri: PyYAML-6.0.2-cp310-cp310-win_amd64.whl targets win_amd64, not Linux x86-64: Python 3.10 runtime environments load only pure-Python or cp310 Linux x86-64 wheels, and a job that imports it fails',
      ]);
    });
  });

  describe('Az module versions that cannot load together (AG502)', () => {
    it('GIVEN Az.Accounts pinned and another Az module not THEN AG502 on the unpinned one; pinned or unpinned together THEN nothing', () => {
      const { warnings } = render(config('modules:\n  - name: Az.Accounts\n    version: 2.12.1\n  - name: Az.Resources\n  - name: Az.KeyVault\n    version: 4.9.2\n  - name: SqlServer\n'));
      expect(warnings.map((w) => w.message.split(':')[0])).to.deep.equal(['/modules/1/name']);
      expect(warnings[0]!.message).to.contain("module 'Az.Resources' is not pinned, so its latest version is imported, which needs the latest Az.Accounts, but Az.Accounts is pinned to 2.12.1");
      expect(render(config('modules:\n  - name: Az.Accounts\n  - name: Az.Resources\n')).warnings).to.deep.equal([]);
    });

    it("GIVEN the seed's Az.Accounts 2.2.8 and a starter that reads a Key Vault secret on PowerShell 5.1 THEN AG502 explains the failing Get-AzKeyVaultSecret", () => {
      const starter = 'runbooks:\n  - name: Get-Secret\n    type: PowerShell\n    generate: { flow: powershell, identity: system, keyVaultSecret: { vaultName: kv-ops, secretName: s1 } }\n';
      const roles = 'roleAssignments:\n  - { identity: system, role: Key Vault Secrets User, scope: { kind: resource, type: Microsoft.KeyVault/vaults, name: kv-ops } }\n';
      const { warnings } = render(config(`${roles}modules:\n  - name: Az.Accounts\n    version: 2.2.8\n${starter}`));
      expect(warnings.map((w) => w.message)).to.deep.equal([
        '/runbooks/0/generate/keyVaultSecret: the runbook reads a Key Vault secret with Get-AzKeyVaultSecret, but modules: (PowerShell 5.1) pins Az.Accounts 2.2.8 and imports no Az.KeyVault: Automation loads the pinned Az.Accounts before its default modules, and the default Az.KeyVault may need a newer one; drop the Az.Accounts pin, or also import Az.KeyVault pinned to a version that accepts Az.Accounts 2.2.8',
      ]);
      // AND with Az.KeyVault pinned next to it, the pair is the user's choice: no warning
      expect(render(config(`${roles}modules:\n  - name: Az.Accounts\n    version: 2.2.8\n  - name: Az.KeyVault\n    version: 3.4.0\n${starter}`)).warnings).to.deep.equal([]);
    });
  });

  it('links a Python wheel as given and has no location on python3Packages', () => {
    // GIVEN a package given by the full link to its wheel
    const wheel = 'https://files.example.com/requests-2.32.3-py3-none-any.whl';
    const { template } = render(config(`python3Packages:\n  - name: requests\n    uri: ${wheel}\n`));
    // WHEN rendered THEN the wheel link is used unchanged
    const pkg = byName(template, 'python3Packages', 'requests');
    expect(pkg.properties).to.deep.equal({ contentLink: { uri: wheel } });
    expect(pkg).not.to.have.property('location');
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  describe('config errors', () => {
    it('rejects a module dependency cycle (AG308) and names the whole cycle', () => {
      // GIVEN A -> B -> C -> A
      const yaml = config('modules:\n  - name: A\n    dependsOn: [B]\n  - name: B\n    dependsOn: [C]\n  - name: C\n    dependsOn: [A]\n');
      // WHEN it is resolved THEN one error shows the cycle
      expect(errorsOf(yaml)).to.deep.equal(['AG308 /modules/0/dependsOn: module dependency cycle: A -> B -> C -> A; ARM cannot deploy resources that wait for each other']);
    });

    it('rejects a cycle through the implicit Az.Accounts edge', () => {
      const errors = errorsOf(config('modules:\n  - name: Az.Accounts\n    dependsOn: [Az.Compute]\n  - name: Az.Compute\n'));
      expect(errors.join('\n')).to.contain('Az.Accounts -> Az.Compute -> Az.Accounts');
    });

    it('rejects an unknown dependsOn with a suggestion, and a duplicate module', () => {
      const errors = errorsOf(config('modules:\n  - name: Az.Accounts\n  - name: Tools\n    dependsOn: [Az.Account]\n  - name: tools\n'));
      expect(errors).to.include("AG301 /modules/1/dependsOn/0: unknown module 'Az.Account': dependsOn names another entry of the same list. Did you mean 'Az.Accounts'?");
      expect(errors).to.include("AG302 /modules/2/name: module 'tools' is already declared at /modules/1");
    });
  });

  it('findCycle returns undefined for a DAG and a closed path otherwise', () => {
    expect(findCycle(new Map([['a', ['b']], ['b', []]]))).to.equal(undefined);
    expect(findCycle(new Map([['a', ['a']]]))).to.deep.equal(['a', 'a']);
  });
});
