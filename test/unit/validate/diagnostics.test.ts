import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parse } from 'yaml';
import type { LoadedConfig } from '../../../generator/load/loadConfig.js';
import { toDiagnostics } from '../../../generator/validate/toDiagnostics.js';
import { readConfigSchema, validateConfig } from '../../../generator/validate/validator.js';
import { repoRoot } from '../../support/paths.js';

/** Schema diagnostics of plain data, as `pointer: message` lines (positions are the fixtures' business). */
function messagesOf(data: unknown): string[] {
  const result = validateConfig(data);
  if (result.ok) return [];
  const config: LoadedConfig = { file: 'c.yaml', data, locate: () => ({ line: 1, col: 1 }) };
  return toDiagnostics(config, result.errors).map((d) => d.message);
}

const account = (extra: Record<string, unknown>) => ({ automationAccount: { name: 'aa-prod-01', ...extra } });

describe('schema diagnostics: one message per mistake, in the words of the config', () => {
  it('gives one message for a value-or-param field with a wrong value, a typo of `param`, or a stray key', () => {
    // GIVEN each kind of mistake in a value-or-`{ param }` field WHEN validated THEN exactly the real error
    expect(messagesOf(account({ sku: 'Premium' }))).to.deep.equal(['/automationAccount/sku: "Premium" is not allowed; expected one of "Basic", "Free".']);
    expect(messagesOf(account({ sku: { parm: 'skuName' } }))).to.deep.equal(["/automationAccount/sku/parm: unknown key 'parm'. Did you mean 'param'?"]);
    expect(messagesOf(account({ location: { param: 'region', default: 'x' } }))).to.deep.equal(["/automationAccount/location/default: unknown key 'default'. Expected one of: param."]);
    expect(messagesOf(account({ location: {} }))).to.deep.equal(["/automationAccount/location: missing required key 'param'"]);
  });

  it('refuses a retired feature by name (any case, any level) with its retirement date and replacement, not a did-you-mean', () => {
    // GIVEN keys that name Update Management and gallery solutions, at the top and inside the account
    const messages = messagesOf({ ...account({ SoftwareUpdateConfigurations: [] }), gallerySolutions: [{ name: 'Updates' }] });
    // THEN each says what retired when and what replaces it
    expect(messages).to.have.length(2);
    expect(messages[0]).to.match(/^\/gallerySolutions: 'gallerySolutions' is not supported: .*retired on 31 August 2024; use Azure Update Manager/);
    expect(messages[1]).to.match(/^\/automationAccount\/SoftwareUpdateConfigurations: 'SoftwareUpdateConfigurations' is not supported: Automation Update Management .* retired on 31 August 2024; use Azure Update Manager .*\(https:\/\/learn\.microsoft\.com\/azure\/automation\/update-management\/overview\)\.$/);
    // ...while an ordinary unknown key keeps the did-you-mean
    expect(messagesOf({ ...account({}), privateEndpoint: [] })).to.deep.equal(["/privateEndpoint: unknown key 'privateEndpoint'. Did you mean 'privateEndpoints'?"]);
  });

  it('reads a mapping in a mapping-or-param field (tags) as the mapping unless it has a `param` key', () => {
    expect(messagesOf(account({ tags: { 'a/b': 'x', n: 1 } }))).to.deep.equal([
      '/automationAccount/tags/a~1b: invalid key "a/b": it does not have the required form (pattern ^[^<>%&\\\\?/]*$)',
      '/automationAccount/tags/n: expected string, got number 1',
    ]);
    expect(messagesOf(account({ tags: { param: 3 } }))).to.deep.equal(['/automationAccount/tags/param: expected string, got number 3']);
  });

  it('hints that YAML 1.2 reads yes/no/on/off/y/n (any case) as strings where a boolean is expected', () => {
    expect(messagesOf(account({ disableLocalAuth: 'NO', identity: { systemAssigned: 'y' } }))).to.deep.equal([
      '/automationAccount/disableLocalAuth: expected a literal boolean, or `{ param: NAME }`, got string "NO". YAML 1.2 reads `NO` as a string, not a boolean: write false',
      '/automationAccount/identity/systemAssigned: expected boolean, got string "y". YAML 1.2 reads `y` as a string, not a boolean: write true',
    ]);
    // AND no hint for other strings, nor where a string is expected
    expect(messagesOf(account({ disableLocalAuth: 'maybe' }))[0]).to.not.contain('YAML 1.2');
    expect(messagesOf(account({ sku: 'yes' }))[0]).to.not.contain('YAML 1.2');
  });

  it('hints that YAML 1.2 has no merge keys where `<<` appears', () => {
    // GIVEN what YAML 1.2 reads from `<<: *defaults`: an ordinary key `<<`
    const [message] = messagesOf({ automationAccount: { '<<': { sku: 'Basic' }, name: 'aa-prod-01' } });
    expect(message).to.equal(
      "/automationAccount/<<: unknown key '<<'. YAML 1.2 has no merge keys (`<<`): write the keys here, or put an anchor on a whole value (`&name`) and repeat that value with an alias (`*name`).",
    );
  });

  it('says what a scope kind must be, once, whether it is missing, not a string or unknown', () => {
    const scoped = (scope: unknown) => ({ ...account({ identity: { systemAssigned: true } }), roleAssignments: [{ identity: 'system', role: 'Reader', scope }] });
    const kinds = "'resourceGroup', 'subscription', 'resource', 'automationAccount', 'identity'";
    expect(messagesOf(scoped({ name: 'rg' }))).to.deep.equal([`/roleAssignments/0/scope: missing 'kind': one of ${kinds}`]);
    expect(messagesOf(scoped({ kind: 3 }))).to.deep.equal([`/roleAssignments/0/scope: 'kind' must be one of ${kinds}; got number 3`]);
  });

  it('never shows an internal schema name or Ajv phrasing, for any wrong value at any key of the maximal example', () => {
    // GIVEN the schema's internal names (definitions, variant titles) and every key of the maximal example
    const schema = readConfigSchema() as { definitions: Record<string, unknown> };
    const titles = JSON.stringify(schema).match(/"title":"[^"]+"/g)?.map((t) => t.slice(9, -1)) ?? [];
    const internal = [...titles, 'stringOrParam', 'booleanOrParam', 'paramRef', 'jsonValue', 'identityName', 'runbookName', 'parameterName', '#/'];
    expect(titles).to.include('scopeAutomationAccount');
    const example = parse(readFileSync(join(repoRoot, 'examples', 'maximal.yaml'), 'utf8')) as Record<string, unknown>;
    const wrongs: unknown[] = [1, 'x', true, null, [], {}, { kind: 3 }, { parm: 'a' }];
    let checked = 0;
    // WHEN each value in turn is replaced by each wrong one THEN no message names a schema internal or says "must"
    for (const pointer of pointersOf(example)) {
      for (const wrong of wrongs) {
        for (const message of messagesOf(replaced(example, pointer, wrong))) {
          checked++;
          expect(internal.filter((name) => message.includes(name)), message).to.deep.equal([]);
          expect(message).to.not.match(/\bmust (NOT )?(have|match|be equal|pass)/);
        }
      }
    }
    expect(checked).to.be.greaterThan(1000);
  });
});

function pointersOf(data: unknown, at = ''): string[] {
  if (typeof data !== 'object' || data === null) return [at];
  return [at, ...Object.entries(data).flatMap(([k, v]) => pointersOf(v, `${at}/${k}`))].filter(Boolean);
}

function replaced(data: Record<string, unknown>, pointer: string, value: unknown): unknown {
  const copy = structuredClone(data);
  const segments = pointer.split('/').slice(1);
  let node = copy as Record<string, unknown>;
  for (const s of segments.slice(0, -1)) node = node[s] as Record<string, unknown>;
  node[segments[segments.length - 1]!] = structuredClone(value);
  return copy;
}
