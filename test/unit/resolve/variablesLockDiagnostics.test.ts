import { expect } from 'chai';
import { ACCOUNT_ID, byName, childId, config, errorsOf, officialSchemaErrors, render, resourcesOfType } from './assetHelpers.js';

const WORKSPACE = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/law-ops';

describe('variables and credentials', () => {
  it('JSON-encodes literal values (strings quoted) and encrypts by default', () => {
    // GIVEN variables of every JSON type (the encrypted literals acknowledged as not secret)
    const yaml = config(
      'variables:\n  - name: Text\n    value: "[it\'s]"\n    clearTextAcknowledged: true\n  - name: Count\n    value: 4\n    clearTextAcknowledged: true\n  - name: Flag\n    value: false\n    isEncrypted: false\n  - name: Obj\n    value: { a: [1, "x"] }\n    clearTextAcknowledged: true\n',
    );
    // WHEN they are rendered
    const { template } = render(yaml);
    const props = (n: string) => byName(template, 'variables', n).properties as { value: string; isEncrypted: boolean };
    // THEN the API receives JSON text: strings keep their quotes
    expect(props('Text')).to.deep.equal({ value: '"[it\'s]"', isEncrypted: true });
    expect(props('Count').value).to.equal('4');
    expect(props('Flag')).to.deep.equal({ value: 'false', isEncrypted: false });
    expect(props('Obj').value).to.equal('{"a":[1,"x"]}');
    expect(byName(template, 'variables', 'Count').dependsOn).to.deep.equal([ACCOUNT_ID]);
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  it('encodes a secure parameter at deployment with ARM\'s own serializer, never in clear', () => {
    // GIVEN a variable whose value is a securestring parameter
    const yaml = `parameters:\n  apiKey:\n    type: securestring\n${config('variables:\n  - name: ApiKey\n    value: { param: apiKey }\n')}`;
    // WHEN it is rendered
    const { template } = render(yaml);
    // THEN the value is the parameter as JSON: string(createArray(p)) without its brackets
    expect((byName(template, 'variables', 'ApiKey').properties as { value: string }).value).to.equal(
      "[substring(string(createArray(parameters('apiKey'))), 1, sub(length(string(createArray(parameters('apiKey')))), 2))]",
    );
  });

  it('takes a credential password from a securestring parameter', () => {
    const yaml = `parameters:\n  sqlPassword:\n    type: securestring\n${config('credentials:\n  - name: SqlLogin\n    userName: svc\n    password: { param: sqlPassword }\n')}`;
    const { template } = render(yaml);
    expect(byName(template, 'credentials', 'SqlLogin').properties).to.deep.equal({ userName: 'svc', password: "[parameters('sqlPassword')]" });
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  describe('config errors', () => {
    it('rejects a literal password (schema) and a password parameter that is not a securestring', () => {
      expect(errorsOf(config('credentials:\n  - name: c\n    userName: u\n    password: hunter2\n')).join('\n')).to.contain('AG200');
      const plain = `parameters:\n  pw:\n    type: string\n    defaultValue: x\n${config('credentials:\n  - name: c\n    userName: u\n    password: { param: pw }\n')}`;
      expect(errorsOf(plain).join('\n')).to.contain("AG303 /credentials/0/password: credential 'c' takes its password from parameter 'pw', which must be a securestring");
    });

    it('rejects a variable that collides with the client-ID variable of a generated runbook', () => {
      const yaml = config('runbooks:\n  - name: A\n    type: PowerShell\n    generate: { flow: powershell, identity: ops }\nvariables:\n  - name: ops-clientId\n    value: x\n');
      expect(errorsOf(yaml).join('\n')).to.contain("AG302 /variables/0/name: variable 'ops-clientId' is already declared");
    });
  });
});

describe('lock and diagnostic settings', () => {
  it('locks the account as an extension resource named lock-<account>, after everything under the account', () => {
    // GIVEN a lock and one child resource
    const { template } = render(config('modules:\n  - name: Pester\nlock:\n  level: CanNotDelete\n'));
    const [lock] = resourcesOfType(template, 'Microsoft.Authorization/locks');
    // THEN it is scoped to the account, defaults its name and notes, and waits for the module
    expect(lock).to.deep.include({ apiVersion: '2020-05-01', name: 'lock-aa-assets-01', scope: ACCOUNT_ID });
    expect(lock!.properties).to.deep.equal({ level: 'CanNotDelete', notes: 'Cannot delete resource or child resources.' });
    expect(lock!.dependsOn).to.deep.equal([ACCOUNT_ID, childId('modules', 'Pester')]);
    expect(template.resources.at(-1)).to.equal(lock);
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  it('makes the lock wait for grandchildren too (runtime environment packages)', () => {
    // GIVEN a ReadOnly lock and a runtime environment with a package
    const yaml = config("runtimeEnvironments:\n  - name: ps74\n    language: PowerShell\n    version: '7.4'\n    packages: [{ name: Pester }]\nlock:\n  level: ReadOnly\n  readOnlyAcknowledged: true\n  name: no-touch\n");
    const { template } = render(yaml);
    const [lock] = resourcesOfType(template, 'Microsoft.Authorization/locks');
    // THEN the lock is written after the package import, with the ReadOnly default notes
    expect(lock!.dependsOn).to.deep.equal([ACCOUNT_ID, childId('runtimeEnvironments', 'ps74'), childId('runtimeEnvironments/packages', 'ps74', 'Pester')]);
    expect(lock).to.deep.include({ name: 'no-touch' });
    expect((lock!.properties as { level: string }).level).to.equal('ReadOnly');
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  it('sends all four log categories and AllMetrics by default', () => {
    // GIVEN a diagnostic setting with only a workspace
    const { template } = render(config(`diagnosticSettings:\n  - workspaceId: ${WORKSPACE}\n`));
    const [setting] = resourcesOfType(template, 'Microsoft.Insights/diagnosticSettings');
    // THEN it is an extension of the account with the default name and categories
    expect(setting).to.deep.include({ apiVersion: '2021-05-01-preview', name: 'aa-assets-01-diagnosticSettings', scope: ACCOUNT_ID });
    // AND the literal workspace ID is written as resourceId(...), as arm-ttk expects
    expect(setting!.properties).to.deep.equal({
      workspaceId: "[resourceId('11111111-1111-1111-1111-111111111111', 'rg-mon', 'Microsoft.OperationalInsights/workspaces', 'law-ops')]",
      logs: ['AuditEvent', 'DscNodeStatus', 'JobLogs', 'JobStreams'].map((category) => ({ category, enabled: true })),
      metrics: [{ category: 'AllMetrics', enabled: true }],
    });
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  describe('config errors', () => {
    it('rejects a diagnostic setting without destination, and an ID of the wrong resource type', () => {
      expect(errorsOf(config('diagnosticSettings:\n  - logs: [JobLogs]\n')).join('\n')).to.contain('AG200 /diagnosticSettings/0: a diagnostic setting needs at least one destination');
      const wrong = WORKSPACE.replace('Microsoft.OperationalInsights/workspaces', 'Microsoft.Storage/storageAccounts');
      expect(errorsOf(config(`diagnosticSettings:\n  - workspaceId: ${wrong}\n`)).join('\n')).to.contain('is not a Log Analytics workspace resource ID');
    });
  });
});

describe('customer-managed key', () => {
  it('rejects a CMK identity that is not attached to the account', () => {
    // GIVEN a declared identity that reads the key but is not attached
    const yaml = [
      'identities:',
      '  - name: ops',
      '  - name: cmk',
      'automationAccount:',
      '  name: aa-assets-01',
      '  identity:',
      '    userAssigned: [ops]',
      '  encryption:',
      '    keySource: Microsoft.Keyvault',
      '    keyVaultUri: https://kv-cmk.vault.azure.net/',
      '    keyName: k',
      '    identity: cmk',
    ].join('\n');
    // WHEN resolved THEN it is an error that says how to fix it
    expect(errorsOf(yaml)).to.deep.equal([
      "AG306 /automationAccount/encryption/identity: identity 'cmk' reads the encryption key but is not attached to the account; add it to automationAccount.identity.userAssigned",
    ]);
  });

  it('rejects a CMK without an identity (schema: keyVaultUri, keyName and identity are required)', () => {
    const yaml = 'automationAccount:\n  name: aa-assets-01\n  encryption:\n    keySource: Microsoft.Keyvault\n    keyVaultUri: https://kv-cmk.vault.azure.net/\n    keyName: k\n';
    expect(errorsOf(yaml).join('\n')).to.match(/AG200 .*identity/);
  });
});

describe('locks: deploy-time consequences', () => {
  it('refuses a ReadOnly lock the config does not acknowledge, naming what it blocks', () => {
    // GIVEN a ReadOnly lock without readOnlyAcknowledged WHEN validated THEN it is an error that says why
    const errors = errorsOf(config('lock:\n  level: ReadOnly\n'));
    expect(errors.join('\n')).to.match(/AG308 \/lock\/level: a ReadOnly lock blocks every later PUT under the account.*readOnlyAcknowledged: true/);
  });

  it('makes the lock wait for every resource under its scope: children, diagnostic settings and role assignments on the account', () => {
    // GIVEN a lock, a diagnostic setting and a role on the account for its system identity
    const yaml = config(
      'diagnosticSettings:\n  - workspaceId: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law\nroleAssignments:\n  - { identity: system, role: Automation Job Operator, scope: { kind: automationAccount } }\nlock:\n  level: CanNotDelete\n',
    );
    const { template } = render(yaml);
    const lock = template.resources.find((r) => r.type === 'Microsoft.Authorization/locks')!;
    // THEN its dependsOn names the diagnostic setting (an extension resource) and the role-assignment module
    const deps = (lock.dependsOn as string[]).join('\n');
    expect(deps).to.match(/extensionResourceId\(.*'Microsoft\.Insights\/diagnosticSettings'/);
    expect(deps).to.match(/resourceId\('Microsoft\.Resources\/deployments', format\('ra-\{0\}'/);
  });
});
