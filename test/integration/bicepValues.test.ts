import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'chai';
import { renderYaml } from '../helpers/render.js';
import { findTool, runTool, TOOL_MISSING } from '../support/tools.js';

const KV = (secret: string) =>
  `keyVaultReference: { vaultId: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv-types, secretName: ${secret} }`;

/** One parameter of every type, with (`values`) or without a value in the parameter file. */
function config(values: boolean): string {
  const v = (text: string) => (values ? `, value: ${text}` : '');
  return `parameters:
  text: { type: string${v('hello')} }
  secretText: { type: securestring${values ? `, ${KV('s1')}` : ''} }
  count: { type: int${v('3')} }
  enabled: { type: bool${v('true')} }
  settings: { type: object${v('{ a: 1, b: [x] }')} }
  secretSettings: { type: secureObject }
  items: { type: array${v("[1, 'x']")} }
automationAccount:
  name: aa-param-types
`;
}

/** What the deploying pipeline sets, as text: readEnvironmentVariable always returns a string. */
const ENVIRONMENT: Record<string, string> = {
  TEXT: 'from the pipeline',
  SECRET_TEXT: 'p@ss',
  COUNT: '42',
  ENABLED: 'false',
  SETTINGS: '{"a":1}',
  SECRET_SETTINGS: '{"k":"v"}',
  ITEMS: '[1,"x"]',
};

describe('.bicepparam for every parameter type through the real bicep build-params', function () {
  this.timeout(300_000);
  const bicep = findTool('bicep');
  let dir = '';

  before(function () {
    if (!bicep) {
      console.log(`      ${TOOL_MISSING('bicep')}`);
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'armgen-param-types-'));
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Write the rendered files of a config, build its main.bicepparam with the given environment, return the JSON. */
  function buildParams(name: string, yaml: string, environment: Record<string, string>): { status: number | null; stderr: string; text: string; json?: { parameters: Record<string, unknown> } } {
    const result = renderYaml(yaml, `${name}.yaml`);
    for (const a of result.artifacts) {
      const path = join(dir, a.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, a.text);
    }
    const text = result.artifacts.find((a) => a.path === `${name}/main.bicepparam`)!.text;
    for (const [k, v] of Object.entries(environment)) process.env[k] = v;
    try {
      const r = runTool(bicep!, ['build-params', join(dir, name, 'main.bicepparam'), '--stdout']);
      const out = r.status === 0 ? (JSON.parse(r.stdout) as { parametersJson: string }) : undefined;
      return { status: r.status, stderr: r.stderr, text, ...(out ? { json: JSON.parse(out.parametersJson) as { parameters: Record<string, unknown> } } : {}) };
    } finally {
      for (const k of Object.keys(environment)) delete process.env[k];
    }
  }

  it('reads parameters without a value from environment variables, converted to their type (int(), bool(), json())', () => {
    // GIVEN parameters of every type without a default or a value
    const built = buildParams('untyped', config(false), ENVIRONMENT);
    // THEN the file converts each read, and bicep build-params type-checks it and yields typed JSON
    expect(built.text).to.include("param count = int(readEnvironmentVariable('COUNT'))\n");
    expect(built.text).to.include("param enabled = bool(readEnvironmentVariable('ENABLED'))\n");
    expect(built.text).to.include("param secretSettings = json(readEnvironmentVariable('SECRET_SETTINGS'))\n");
    expect(built.status, built.stderr).to.equal(0);
    expect(built.json!.parameters).to.deep.equal({
      text: { value: 'from the pipeline' },
      secretText: { value: 'p@ss' },
      count: { value: 42 },
      enabled: { value: false },
      settings: { value: { a: 1 } },
      secretSettings: { value: { k: 'v' } },
      items: { value: [1, 'x'] },
    });
  });

  it('fails build-params, naming the parameter, when a variable does not convert to the type', () => {
    const built = buildParams('badvalue', config(false), { ...ENVIRONMENT, COUNT: 'many', SETTINGS: '[1]' });
    expect(built.status).to.not.equal(0);
    expect(built.stderr).to.match(/BCP338: Failed to evaluate parameter "count"/);
    expect(built.stderr).to.match(/BCP033: Expected a value of type "object"/);
  });

  it('writes values of every type (and Key Vault references) that build-params turns into the ARM parameter file', () => {
    // GIVEN values for every plain type and a Key Vault secret for the securestring (a secureObject comes from the pipeline)
    const built = buildParams('typed', config(true), { SECRET_SETTINGS: '{"k":"v"}' });
    expect(built.status, built.stderr).to.equal(0);
    const arm = JSON.parse(readFileSync(join(dir, 'typed', 'azuredeploy.parameters.json'), 'utf8')) as { parameters: Record<string, unknown> };
    const { secretSettings, ...fromFile } = built.json!.parameters;
    expect(secretSettings).to.deep.equal({ value: { k: 'v' } });
    expect(fromFile).to.deep.equal(arm.parameters);
    expect(Object.keys(arm.parameters).sort()).to.deep.equal(['count', 'enabled', 'items', 'secretText', 'settings', 'text']);
  });
});

describe('{ expr } parameter defaults through the real bicep build and lint', function () {
  this.timeout(300_000);
  const bicep = findTool('bicep');

  it('compiles to the same defaults as armgen writes into ARM, and lints clean', function () {
    if (!bicep) {
      console.log(`      ${TOOL_MISSING('bicep')}`);
      this.skip();
    }
    // GIVEN defaults computed at deployment: another parameter, an index, the deployment's context, a secure newGuid()
    const yaml = `parameters:
  prefix: { type: string, defaultValue: '2030-01-01T' }
  stamp: { type: string, defaultValue: { expr: "format('{0}{1}', parameters('prefix'), split('07:00|08:00', '|')[0])" } }
  region: { type: string, defaultValue: { expr: resourceGroup().location } }
  suffix: { type: string, defaultValue: { expr: "toLower(take(uniqueString(subscription().subscriptionId, resourceGroup().id), 6))" } }
  pw: { type: securestring, defaultValue: { expr: newGuid() } }
automationAccount:
  name: aa-expr-01
  location: { param: region }
schedules:
  - { name: nightly, frequency: Day, startTime: { param: stamp } }
credentials:
  - { name: c, userName: u, password: { param: pw } }
variables:
  - { name: suffix, value: { param: suffix }, isEncrypted: false }
`;
    const result = renderYaml(yaml, 'exprs.yaml');
    const dir = mkdtempSync(join(tmpdir(), 'armgen-expr-'));
    try {
      for (const a of result.artifacts) {
        mkdirSync(dirname(join(dir, a.path)), { recursive: true });
        writeFileSync(join(dir, a.path), a.text);
      }
      // WHEN the Bicep CLI lints and builds main.bicep
      const lint = runTool(bicep!, ['lint', join(dir, 'exprs', 'main.bicep')]);
      const build = runTool(bicep!, ['build', join(dir, 'exprs', 'main.bicep'), '--stdout']);
      // THEN nothing is reported (prefix counts as used: another default reads it) and the defaults match ARM's
      expect(`${lint.stdout}${lint.stderr}`.trim()).to.equal('');
      expect(build.status, build.stderr).to.equal(0);
      const compiled = JSON.parse(build.stdout) as { parameters: Record<string, { defaultValue?: unknown }> };
      const arm = JSON.parse(result.artifacts.find((a) => a.path === 'exprs/azuredeploy.json')!.text) as { parameters: Record<string, { defaultValue?: unknown }> };
      for (const name of ['prefix', 'stamp', 'region', 'suffix', 'pw']) {
        expect(compiled.parameters[name]!.defaultValue, name).to.deep.equal(arm.parameters[name]!.defaultValue);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
