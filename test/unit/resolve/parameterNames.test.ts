import { expect } from 'chai';
import { generateConfig } from '../../../generator/generate.js';
import { renderYaml, templateOf } from '../../helpers/render.js';

const ACCOUNT = 'automationAccount:\n  name: aa-names-01\n';

function run(yaml: string): { ok: boolean; codes: string[]; messages: string[] } {
  const r = generateConfig('names.yaml', yaml);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  return { ok: r.ok, codes: [...new Set(errors.map((d) => d.code))], messages: r.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`) };
}

/** Every property of Object.prototype: a name looked up with `in` or `obj[name]` finds these on any plain object. */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

describe('names that are keys: Object.prototype property names in every role', () => {
  it('covers the whole prototype (constructor, toString, __proto__, hasOwnProperty, valueOf...)', () => {
    expect(PROTOTYPE_NAMES).to.include.members(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'toLocaleString']);
  });

  for (const name of PROTOTYPE_NAMES) {
    describe(`'${name}'`, () => {
      it('as an undeclared { param } is an unknown parameter (or a bad name), never a template reference', () => {
        // GIVEN a use of a parameter nobody declared WHEN resolved THEN it is refused
        const r = run(`${ACCOUNT}credentials:\n  - { name: c, userName: { param: ${name} }, password: { param: pw } }\nparameters:\n  pw: { type: securestring }\n`);
        expect(r.ok, r.messages.join('\n')).to.equal(false);
        expect(r.codes.every((c) => c === 'AG301' || c === 'AG200'), r.messages.join('\n')).to.equal(true);
      });

      it('as a declared parameter (set per environment) is that parameter, or a bad name', () => {
        const yaml = `parameters:\n  ${name}: { type: string }\n${ACCOUNT}variables:\n  - { name: v, value: { param: ${name} }, isEncrypted: false }\nenvironments:\n  prod:\n    parameters:\n      ${name}: from-prod\n`;
        const r = run(yaml);
        if (!r.ok) {
          expect(r.codes, r.messages.join('\n')).to.deep.equal(['AG200']);
          return;
        }
        const result = renderYaml(yaml);
        expect(Object.keys(templateOf(result).parameters)).to.include(name);
        const prod = JSON.parse(result.artifacts.find((a) => a.path.endsWith('azuredeploy.parameters.prod.json'))!.text) as { parameters: Record<string, unknown> };
        expect(Object.keys(prod.parameters)).to.deep.equal([name]);
      });

      it('as an environment parameter that is not declared is refused (AG307), or a bad name', () => {
        const r = run(`parameters:\n  p: { type: string, defaultValue: x }\n${ACCOUNT}  location: { param: p }\nenvironments:\n  prod:\n    parameters:\n      ${name}: 1\n`);
        expect(r.ok, r.messages.join('\n')).to.equal(false);
        expect(r.codes.every((c) => c === 'AG307' || c === 'AG200'), r.messages.join('\n')).to.equal(true);
      });

      it('as an environment, identity, runbook, schedule and variable name renders or is a bad name', () => {
        const lower = name.toLowerCase();
        const yaml = [
          'parameters:\n  p: { type: string, defaultValue: x }',
          `identities:\n  - name: ${name}\n    resourceName: uai-proto`,
          `automationAccount:\n  name: aa-names-01\n  identity:\n    userAssigned: [${name}]`,
          `runbooks:\n  - name: ${name}\n    type: PowerShell\n    uri: https://example.com/r.ps1`,
          `schedules:\n  - name: ${name}\n    frequency: Day`,
          `jobSchedules:\n  - runbook: ${name}\n    schedule: ${name}`,
          `variables:\n  - { name: ${name}, value: { param: p }, isEncrypted: false }`,
          `environments:\n  ${lower}:\n    parameters:\n      p: y`,
        ].join('\n');
        const r = run(`${yaml}\n`);
        // THEN it is only ever refused as a name the schema does not accept (for example a leading '_')
        if (!r.ok) expect(r.codes, r.messages.join('\n')).to.deep.equal(['AG200']);
        else expect(renderYaml(`${yaml}\n`).artifacts.map((a) => a.path)).to.include(`test/main.${lower}.bicepparam`);
      });
    });
  }
});

describe('parameter names are the template interface', () => {
  for (const [name, kind] of [
    ['string', 'a Bicep type name'],
    ['bool', 'a Bicep type name'],
    ['description', 'the name of a Bicep decorator'],
    ['secure', 'the name of a Bicep decorator'],
    ['batchSize', 'the name of a Bicep decorator'],
    ['param', 'a Bicep keyword'],
    ['az', 'a reserved Bicep namespace'],
    ['sys', 'a reserved Bicep namespace'],
  ] as const) {
    it(`refuses '${name}' (${kind}) for both formats`, () => {
      // GIVEN a parameter of that name, used WHEN resolved THEN AG303 names the reason
      const r = run(`parameters:\n  ${name}: { type: string, defaultValue: westeurope }\n${ACCOUNT}  location: { param: ${name} }\n`);
      expect(r.messages).to.include(
        `error AG303 /parameters/${name}: parameter name '${name}' is ${kind}, which main.bicep cannot declare as a parameter without breaking the file; rename it, e.g. '${name}Value'`,
      );
    });
  }

  it('refuses two names that differ only by letter case (ARM parameter names are case-insensitive)', () => {
    const r = run(`parameters:\n  sqlPassword: { type: securestring }\n  SqlPassword: { type: securestring }\n${ACCOUNT}credentials:\n  - { name: a, userName: u, password: { param: sqlPassword } }\n  - { name: b, userName: u, password: { param: SqlPassword } }\n`);
    expect(r.messages).to.include("error AG302 /parameters/SqlPassword: parameter 'SqlPassword' differs from 'sqlPassword' only by letter case; ARM parameter names are case-insensitive, so they would be one parameter");
  });

  it('refuses a name that differs only by case from a parameter armgen adds (Location vs location)', () => {
    const r = run(`parameters:\n  Location: { type: string, defaultValue: westeurope }\n${ACCOUNT}  location: { param: Location }\n`);
    expect(r.messages).to.include("error AG302 /parameters/Location: parameter 'Location' differs only by letter case from 'location', a parameter armgen may add; ARM parameter names are case-insensitive. Rename it");
  });

  it('refuses two secrets that would read one environment variable in a .bicepparam', () => {
    // GIVEN sqlPassword and sql_password, neither with a default nor a value: both would read SQL_PASSWORD
    const r = run(`parameters:\n  sqlPassword: { type: securestring }\n  sql_password: { type: securestring }\n${ACCOUNT}credentials:\n  - { name: a, userName: u, password: { param: sqlPassword } }\n  - { name: b, userName: u, password: { param: sql_password } }\n`);
    expect(r.messages).to.include(
      "error AG302 /parameters/sql_password: parameters 'sqlPassword' and 'sql_password' would both read environment variable SQL_PASSWORD in main.bicepparam (neither has a default or a value there); rename one so each secret has its own variable",
    );
  });

  it('accepts the same two names when a Key Vault reference gives one of them its value', () => {
    const kv = 'keyVaultReference: { vaultId: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-names, secretName: s }';
    const r = run(`parameters:\n  sqlPassword: { type: securestring, ${kv} }\n  sql_password: { type: securestring }\n${ACCOUNT}credentials:\n  - { name: a, userName: u, password: { param: sqlPassword } }\n  - { name: b, userName: u, password: { param: sql_password } }\n`);
    expect(r.ok, r.messages.join('\n')).to.equal(true);
  });

  it('warns about an unused parameter and still renders (the README: a warning; --strict makes it exit 1)', () => {
    const r = generateConfig('names.yaml', `parameters:\n  spare: { type: string, defaultValue: x }\n${ACCOUNT}`);
    expect(r.ok).to.equal(true);
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`)).to.include(
      "warning AG303 /parameters/spare: parameter 'spare' is declared but never used; reference it with { param: spare } or remove it",
    );
  });
});
