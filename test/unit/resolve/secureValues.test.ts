import { expect } from 'chai';
import { createReporter } from '../../../generator/commands/report.js';
import { generateConfig } from '../../../generator/generate.js';

/** Recognisable secret text: no diagnostic, in any format, may contain it. */
const SECRET = 'S3cr3t-Marker-7q';
const KV = 'keyVaultReference: { vaultId: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-secure, secretName: s }';

/** Configs with the secret at every secure location, each with a mistake that makes armgen talk about it. */
const CONFIGS: Record<string, string> = {
  'secure defaults, values and allowedValues': `parameters:
  pw:
    type: securestring
    defaultValue: ${SECRET}
    value: ${SECRET}
    allowedValues: [other-${SECRET}]
  wrongType:
    type: securestring
    defaultValue: { k: ${SECRET} }
  obj:
    type: secureObject
    value: [${SECRET}]
automationAccount:
  name: aa-secure-01
credentials:
  - { name: a, userName: u, password: { param: pw } }
  - { name: b, userName: u, password: { param: wrongType } }
variables:
  - { name: o, value: { param: obj } }
environments:
  prod:
    parameters:
      pw: ${SECRET}
      obj: { nested: ${SECRET} }
`,
  'secure values checked as names, start times and tags': `parameters:
  accountName:
    type: securestring
    defaultValue: "${SECRET} !"
  start:
    type: securestring
    value: "${SECRET}"
  tags:
    type: secureObject
    defaultValue: { "${SECRET}<>": "${SECRET}" }
automationAccount:
  name: { param: accountName }
  tags: { param: tags }
schedules:
  - { name: s, frequency: Day, startTime: { param: start } }
environments:
  prod:
    parameters:
      start: "${SECRET}-not-a-date"
`,
  'encrypted literal variables': `automationAccount:
  name: aa-secure-01
variables:
  - { name: token, value: ${SECRET} }
  - { name: tokenObject, value: { token: "[format('${SECRET}')]" }, isEncrypted: true }
`,
  'secrets written in clear where the schema takes only a reference (credential password, tokens, webhook URI, SAS)': `automationAccount:
  name: aa-secure-01
  disableLocalAuth: false
runbooks:
  - { name: Hook-Target, type: PowerShell, uri: https://example.org/h.ps1 }
credentials:
  - { name: sql, userName: svc, password: ${SECRET} }
sourceControls:
  - { name: repo, sourceType: GitHub, repoUrl: https://github.com/c/r.git, branch: main, folderPath: /r, description: d, securityToken: { accessToken: ${SECRET}, refreshToken: ${SECRET}x } }
webhooks:
  - { name: hook, runbook: Hook-Target, uri: https://x.azure-automation.net/webhooks?token=${SECRET} }
artifacts:
  location: https://st.blob.core.windows.net/c/
  sasToken: '?sv=${SECRET}'
environments:
  prod:
    artifacts: { sasToken: 42${SECRET} }
`,
};

describe('diagnostics never show a secret', () => {
  for (const [what, yaml] of Object.entries(CONFIGS)) {
    it(`${what}: every diagnostic, human and SARIF, is free of the secret`, () => {
      // GIVEN a config with mistakes at secure locations
      const result = generateConfig('secure.yaml', yaml);
      // WHEN its diagnostics are printed both ways
      let human = '';
      let sarif = '';
      createReporter({ stdout: () => undefined, stderr: (t: string) => (human += t) }, 'human').diagnostics(result.diagnostics);
      createReporter({ stdout: (t: string) => (sarif += t), stderr: () => undefined }, 'sarif').diagnostics(result.diagnostics);
      // THEN there are findings, and none of them quotes the secret
      expect(result.diagnostics.filter((d) => d.severity === 'error').length, human).to.be.greaterThan(0);
      expect(human).not.to.contain(SECRET);
      expect(sarif).not.to.contain(SECRET);
      expect(JSON.parse(sarif).runs[0].results.length).to.equal(result.diagnostics.length);
    });
  }

  it('does not quote an integer too large to carry, which is refused before anything knows whether it is secret', () => {
    const r = generateConfig('secure.yaml', 'automationAccount:\n  name: aa-secure-01\nvariables:\n  - { name: pin, value: 98765432109876543210 }\n');
    expect(r.diagnostics.map((d) => d.code)).to.deep.equal(['AG104']);
    expect(r.diagnostics[0]!.message).not.to.match(/9876543210987/);
  });

  it('refuses each clear secure value once, at its place, without checking it further', () => {
    const r = generateConfig('secure.yaml', CONFIGS['secure values checked as names, start times and tags']!);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.pointer}`)).to.deep.equal([
      'AG303 /parameters/accountName/defaultValue',
      'AG303 /parameters/start/value',
      'AG303 /parameters/tags/defaultValue',
      'AG303 /automationAccount/tags/param',
      'AG303 /environments/prod/parameters/start',
    ]);
  });
});

describe('Key Vault references give strings', () => {
  it('refuses a keyVaultReference for a secureObject, in the declaration and in an environment', () => {
    const messages = generateConfig(
      'kv.yaml',
      `parameters:\n  settings: { type: secureObject, ${KV} }\nautomationAccount:\n  name: aa-secure-01\nvariables:\n  - { name: s, value: { param: settings } }\nenvironments:\n  prod:\n    parameters:\n      settings: { ${KV} }\n`,
    ).diagnostics.map((d) => `${d.code} ${d.message}`);
    const problem = "a Key Vault secret is a string, so secureObject parameter 'settings' cannot take a keyVaultReference (Bicep cannot either: Azure/bicep#8733); declare it securestring, or pass the object at deployment time";
    expect(messages).to.deep.equal([`AG303 /parameters/settings/keyVaultReference: ${problem}`, `AG303 /environments/prod/parameters/settings: ${problem}`]);
  });
});

describe('secure values in readable properties', () => {
  const run = (yaml: string) => generateConfig('readable.yaml', yaml).diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`);

  it('refuses a secureObject as tags: every Reader sees tags', () => {
    const messages = run(`parameters:\n  tags: { type: secureObject, ${KV} }\nautomationAccount:\n  name: aa-secure-01\n  tags: { param: tags }\n`);
    expect(messages).to.include("error AG303 /automationAccount/tags/param: secure parameter 'tags' must not be used here: the value is shown to anyone with Reader access; use a plain 'object' parameter");
  });

  it('warns about a securestring used as a credential user name (readable), not as its password (write-only)', () => {
    const messages = run(`parameters:\n  pw: { type: securestring, ${KV} }\nautomationAccount:\n  name: aa-secure-01\ncredentials:\n  - { name: c, userName: { param: pw }, password: { param: pw } }\n`);
    expect(messages).to.deep.equal([
      "warning AG303 /credentials/0/userName/param: secure parameter 'pw' is used in a property Azure returns to anyone with Reader access, so it is not kept secret here; use a plain 'string' parameter unless the value is not secret",
    ]);
  });
});

describe('encrypted variables take secure parameters', () => {
  const run = (variables: string, parameters = '') =>
    generateConfig('vars.yaml', `${parameters}automationAccount:\n  name: aa-secure-01\nvariables:\n${variables}`).diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`);

  it('refuses a literal value encrypted by default: it is written in clear into the template', () => {
    expect(run('  - { name: token, value: abc }\n')).to.deep.equal([
      "error AG303 /variables/0/value: variable 'token' is encrypted (the default) but its value is a literal, which is written in clear into the template: take a secret from a securestring or secureObject parameter ({ param: NAME }); for a value that is not secret set isEncrypted: false, or clearTextAcknowledged: true to encrypt it anyway",
    ]);
  });

  it('refuses a plain parameter for an encrypted value, and accepts it with clearTextAcknowledged', () => {
    const params = 'parameters:\n  label: { type: string, defaultValue: x }\n';
    expect(run('  - { name: label, value: { param: label }, isEncrypted: true }\n', params)).to.deep.equal([
      "error AG303 /variables/0/value: variable 'label' is encrypted but its value is plain string parameter 'label', which the deployment's history shows: take a secret from a securestring or secureObject parameter ({ param: NAME }); for a value that is not secret set isEncrypted: false, or clearTextAcknowledged: true to encrypt it anyway",
    ]);
    expect(run('  - { name: label, value: { param: label }, clearTextAcknowledged: true }\n', params)).to.deep.equal([]);
  });

  it('accepts a secure parameter, and calls clearTextAcknowledged out where there is nothing to acknowledge', () => {
    const params = `parameters:\n  key: { type: securestring, ${KV} }\n`;
    expect(run('  - { name: key, value: { param: key } }\n', params)).to.deep.equal([]);
    expect(run('  - { name: key, value: { param: key }, clearTextAcknowledged: true }\n  - { name: n, value: 1, isEncrypted: false, clearTextAcknowledged: false }\n', params)).to.deep.equal([
      "error AG200 /variables/0/clearTextAcknowledged: clearTextAcknowledged applies only to an encrypted variable whose value is not a secure parameter; remove it from variable 'key'",
      "error AG200 /variables/1/clearTextAcknowledged: clearTextAcknowledged applies only to an encrypted variable whose value is not a secure parameter; remove it from variable 'n'",
    ]);
  });
});
