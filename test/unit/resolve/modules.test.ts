import { expect } from 'chai';
import { findCycle, galleryUri } from '../../../generator/resolve/resolveModules.js';
import { ACCOUNT_ID, byName, childId, config, errorsOf, officialSchemaErrors, render } from './assetHelpers.js';

describe('modules, PowerShell 7.2 modules and Python packages', () => {
  it('composes gallery links as <base>/<name>[/<version>] and writes contentLink.version only when pinned', () => {
    // GIVEN one pinned and one unpinned module
    const yaml = config('modules:\n  - name: Az.Accounts\n    version: 2.2.8\n  - name: Custom\n    uri: https://feed.example.com/api/v2/package/\n');
    // WHEN they are rendered
    const { template } = render(yaml);
    // THEN the pinned one carries the version twice, the other none; the feed's trailing slash is tolerated
    expect(byName(template, 'modules', 'Az.Accounts').properties).to.deep.equal({
      contentLink: { uri: 'https://www.powershellgallery.com/api/v2/package/Az.Accounts/2.2.8', version: '2.2.8' },
    });
    expect(byName(template, 'modules', 'Custom').properties).to.deep.equal({ contentLink: { uri: 'https://feed.example.com/api/v2/package/Custom' } });
    expect(galleryUri('https://x/y', 'A', undefined)).to.equal('https://x/y/A');
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

  it('emits powerShell72Modules with API 2023-11-01 and chains them within their own list', () => {
    // GIVEN PowerShell 7.2 modules
    const yaml = config('powerShell72Modules:\n  - name: Az.Accounts\n  - name: Az.Storage\n    version: 5.5.0\n');
    // WHEN they are rendered
    const { template } = render(yaml);
    const storage = byName(template, 'powerShell72Modules', 'Az.Storage');
    // THEN the type's only API version is used and the chain points at the 7.2 Az.Accounts
    expect(storage.apiVersion).to.equal('2023-11-01');
    expect(storage.dependsOn).to.deep.equal([ACCOUNT_ID, childId('powerShell72Modules', 'Az.Accounts')]);
    expect(officialSchemaErrors(template)).to.deep.equal([]);
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
