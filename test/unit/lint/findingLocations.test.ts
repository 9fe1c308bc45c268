import { expect } from 'chai';
import { formatPath, jsonLocator, parsePath } from '../../../generator/lint/jsonPath.js';
import { ARM_LIMITS, checkArtifacts, findingToDiagnostic, lintArtifacts, type LintFile } from '../../../generator/lint/lint.js';
import { clone, files, goodParameters, goodTemplate, only, rulesOf, type Json } from './lintFixtures.js';

/** A template and parameter file that break many rules at once, the two 4 MB limits among them. */
function brokenEverywhere(): LintFile[] {
  const t = clone(goodTemplate());
  t.metadata.description = 'x'.repeat(ARM_LIMITS.templateBytes);
  t.parameters.unused = { type: 'string' };
  t.parameters.runAsPassword.defaultValue = 'hunter2';
  t.resources[0].location = 'westeurope';
  t.resources[0].tags = {};
  t.resources[1].apiVersion = '2015-10-31';
  t.resources[1].properties.storageId = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st';
  t.resources[1].dependsOn.push('[bad(]', 'not-deployed');
  t.outputs.password = { type: 'string', value: "[parameters('runAsPassword')]" };
  const p = clone(goodParameters());
  p.parameters.stray = { value: 'x'.repeat(ARM_LIMITS.parameterFileBytes) };
  return [...files(t, p), { path: 'ops/broken.json', text: '{\n  "resources": [\n' }, { path: 'ops/list.json', text: '\n[1, 2]\n' }];
}

describe('lint: every finding has a location', () => {
  it('gives every finding a JSON path, and with the text every diagnostic a line and column >= 1', () => {
    // GIVEN files that break rules with and without a natural place, and files that are not JSON objects
    const all = brokenEverywhere();
    const texts = new Map(all.map((f) => [f.path, f.text]));
    // WHEN everything runs and the findings become diagnostics
    const findings = checkArtifacts(all);
    const diagnostics = findings.map((f) => findingToDiagnostic(f, texts.get(f.path)));
    // THEN the whole-file rules are among them, and none lacks a place
    expect(rulesOf(findings)).to.include.members(['json-valid', 'limit-template-size', 'limit-parameter-file-size', 'no-hardcoded-location', 'outputs-no-secrets', 'expressions-valid']);
    for (const f of findings) expect(f.jsonPath, `${f.rule}: ${f.message.slice(0, 60)}`).to.be.a('string').and.match(/^\$/);
    for (const d of diagnostics) {
      expect(d.line, d.message.slice(0, 80)).to.be.at.least(1);
      expect(d.col, d.message.slice(0, 80)).to.be.at.least(1);
    }
  });

  it('places a whole-file finding at the root ($, line 1) and keeps "(at $)" out of its message', () => {
    // GIVEN a template over 4 MB
    const [template] = brokenEverywhere();
    const finding = only(checkArtifacts([template as LintFile]), 'limit-template-size')[0];
    // WHEN it becomes a diagnostic
    const d = finding && findingToDiagnostic(finding, template?.text);
    // THEN it points at the start of the file, and the message reads as before
    expect(finding?.jsonPath).to.equal('$');
    expect(d).to.include({ line: 1, col: 1, code: 'AG400' });
    expect(d?.message).to.match(/^\[limit-template-size\] the template is \d+ bytes; Azure's limit is 4 MB/).and.not.include('(at ');
  });

  it('places a file that is not JSON where parsing fails, and one that is not an object at its value', () => {
    // GIVEN a truncated file and a file holding an array after a blank line
    const broken = { path: 'ops/azuredeploy.json', text: '{\n  "resources": [\n    {"a": 1}\n' };
    const list = { path: 'ops/azuredeploy.parameters.json', text: '\n[1, 2]\n' };
    // WHEN they are linted
    const [b, l] = lintArtifacts([broken, list]).map((f) => findingToDiagnostic(f, f.path === broken.path ? broken.text : list.text));
    // THEN the first points past the last line read, the second at the array
    expect(b).to.include({ line: 4, col: 1 });
    expect(b?.message).to.match(/^\[json-valid\] not valid JSON: /);
    expect(l).to.include({ line: 2, col: 1, message: '[json-valid] the file is not a JSON object' });
  });

  it('falls back to the nearest ancestor that exists when a path is not in the text', () => {
    // GIVEN a text and a path below a value it has
    const text = JSON.stringify({ a: { b: [10, 20] } }, null, 2);
    const locate = jsonLocator(text);
    // WHEN the missing path is looked up exactly and nearly
    // THEN exact finds nothing and nearest points at the array it would be in
    expect(locate.exact('$.a.b[5]')).to.equal(undefined);
    expect(locate.nearest('$.a.b[5]')).to.deep.equal(locate.exact('$.a.b'));
    expect(locate.nearest('$.nope')).to.deep.equal({ line: 1, col: 1 });
  });
});

describe('lint: JSON paths', () => {
  it('reads back every path formatPath writes, odd keys included, and rejects other text', () => {
    // GIVEN paths through keys that need brackets and escapes
    const cases: (string | number)[][] = [[], ['resources', 0, 'name'], ['$schema'], ["[resourceId('a', 'b')]", 'x'], ['0', 1], ['a.b', 'c\\d', "it's"], ['']];
    // WHEN each is formatted and parsed back
    // THEN the segments come back unchanged; text that formatPath never writes is undefined
    for (const segments of cases) expect(parsePath(formatPath(segments))).to.deep.equal(segments);
    for (const bad of ['resources', '$.', '$[x]', "$['open", '$.a..b']) expect(parsePath(bad), bad).to.equal(undefined);
  });
});

describe('lint: on objects, not re-parsed text', () => {
  it('lints the value it is given and does not parse the text again', () => {
    // GIVEN a template with a hard-coded location, passed as a value, beside a text that is not JSON
    const t: Json = clone(goodTemplate());
    t.resources[0].location = 'westeurope';
    const given = [{ path: 'ops/azuredeploy.json', text: 'not JSON: never parsed', json: t }];
    // WHEN it is linted
    const findings = lintArtifacts(given);
    // THEN the value's finding comes back and the text raised no json-valid error
    expect(rulesOf(findings)).to.deep.equal(['no-hardcoded-location']);
  });

  it('finds exactly what the text alone finds, and leaves locating to findingToDiagnostic', () => {
    // GIVEN the same broken template as text, and as text plus its parsed value
    const fromText = brokenEverywhere().slice(0, 2);
    const withValue = fromText.map((f) => ({ ...f, json: JSON.parse(f.text) as unknown }));
    // WHEN both are checked
    const a = checkArtifacts(fromText);
    const b = checkArtifacts(withValue);
    // THEN the findings are equal, and a finding carries a JSON path but no position
    expect(b).to.deep.equal(a);
    expect(a.length).to.be.greaterThan(5);
    for (const f of a) expect(Object.keys(f).sort()).to.deep.equal(['jsonPath', 'message', 'path', 'rule', 'severity']);
  });
});
