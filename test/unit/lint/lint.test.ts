import { expect } from 'chai';
import { checkArtifacts, findingToDiagnostic, lintArtifacts, lintRules, lintRulesMarkdown } from '../../../generator/lint/lint.js';
import { formatPath, locateJsonPath } from '../../../generator/lint/jsonPath.js';
import { files, goodTemplate, only } from './lintFixtures.js';

describe('lint: lintArtifacts', () => {
  it('finds nothing in a well-formed template and parameter file', () => {
    // GIVEN a template shaped like armgen's output and its parameter file
    // WHEN every rule and limit runs
    const findings = checkArtifacts(files(goodTemplate()));
    // THEN nothing is reported
    expect(findings).to.deep.equal([]);
  });

  it('documents every rule with a unique stable id, a severity and one line of doc', () => {
    // GIVEN the rule table for the README
    // WHEN it is inspected
    const ids = lintRules.map((r) => r.id);
    // THEN ids are unique kebab-case, each has a one-line doc, and the markdown lists them all
    expect(new Set(ids).size).to.equal(ids.length);
    for (const r of lintRules) {
      expect(r.id).to.match(/^[a-z]+(-[a-z]+)*$/);
      expect(r.doc).to.be.a('string').and.not.include('\n');
      expect(r.doc.length).to.be.greaterThan(10);
      expect(['error', 'warning']).to.include(r.severity);
    }
    const md = lintRulesMarkdown();
    for (const id of ids) expect(md).to.include(`\`${id}\``);
    expect(ids).to.include.members([
      'parameters-referenced',
      'no-hardcoded-location',
      'location-parameter',
      'resource-id-functions',
      'depends-on-in-template',
      'outputs-no-secrets',
      'secure-parameter-default',
      'api-versions-recent',
      'no-blanks',
      'parameter-file-names',
      'parameter-file-values',
      'limit-expression-length',
    ]);
  });

  it('reports a file that is not JSON under json-valid and skips the other rules for it', () => {
    // GIVEN a truncated template
    const broken = [{ path: 'ops/azuredeploy.json', text: '{ "resources": [' }];
    // WHEN it is linted
    const findings = lintArtifacts(broken);
    // THEN exactly one json-valid error comes back
    expect(findings).to.have.length(1);
    expect(findings[0]).to.include({ rule: 'json-valid', severity: 'error', path: 'ops/azuredeploy.json' });
  });

  it('ignores files that are not JSON (Bicep, scripts)', () => {
    // GIVEN a Bicep file and a runbook script next to the template
    const extra = [
      { path: 'ops/main.bicep', text: 'param x string' },
      { path: 'ops/runbooks/start.ps1', text: 'Write-Output 1' },
    ];
    // WHEN they are linted with the template
    // THEN nothing is reported for them
    expect(checkArtifacts([...files(goodTemplate()), ...extra])).to.deep.equal([]);
  });

  it('keeps lint rules and limits apart: lintArtifacts runs no limit rules', () => {
    // GIVEN a template over the output limit
    const t = goodTemplate();
    for (let i = 0; i < 65; i++) t.outputs[`o${i}`] = { type: 'string', value: "[parameters('automationAccountName')]" };
    // WHEN lint rules alone run, and then everything
    // THEN only the full check reports the limit
    expect(only(lintArtifacts(files(t)), 'limit-outputs')).to.deep.equal([]);
    expect(only(checkArtifacts(files(t)), 'limit-outputs')).to.have.length(1);
  });
});

describe('lint: locating findings', () => {
  it('finds the line and column of a JSON path in the rendered text', () => {
    // GIVEN a rendered template
    const text = files(goodTemplate())[0]?.text ?? '';
    // WHEN the location of the second resource's location is looked up
    const at = locateJsonPath(text, formatPath(['resources', 1, 'location']));
    // THEN it points at the value on its line
    const line = text.split('\n')[(at?.line ?? 0) - 1] ?? '';
    expect(line.trim()).to.equal('"location": "[parameters(\'location\')]",');
    expect(line.slice((at?.col ?? 0) - 1)).to.match(/^"\[parameters/);
  });

  it('formats odd keys with brackets and finds them, and returns undefined for a missing path', () => {
    // GIVEN a key that is an expression
    const text = JSON.stringify({ a: { "[resourceId('x', 'y')]": {} } }, null, 2);
    // WHEN it is formatted and located
    const path = formatPath(['a', "[resourceId('x', 'y')]"]);
    // THEN the quotes are escaped, the key is found, and a missing path is undefined
    expect(path).to.equal("$.a['[resourceId(\\'x\\', \\'y\\')]']");
    expect(locateJsonPath(text, path)).to.deep.equal({ line: 3, col: 31 });
    expect(locateJsonPath(text, '$.nope')).to.equal(undefined);
  });

  it('turns findings into AG500 (lint) and AG400 (limit) diagnostics with the rule id in brackets', () => {
    // GIVEN a template with a hard-coded location
    const t = goodTemplate();
    t.resources[0].location = 'westeurope';
    const [template] = files(t);
    const finding = only(lintArtifacts(files(t)), 'no-hardcoded-location')[0];
    // WHEN it becomes a diagnostic
    const d = finding && template ? findingToDiagnostic(finding, template.text) : undefined;
    // THEN it carries the code, the rule id, and the position of the value
    expect(d?.code).to.equal('AG500');
    expect(d?.message).to.match(/^\[no-hardcoded-location\] /);
    expect(d?.file).to.equal('ops/azuredeploy.json');
    expect(d?.line).to.be.greaterThan(0);
    expect(findingToDiagnostic({ path: 'p', rule: 'limit-outputs', severity: 'error', message: 'm' }).code).to.equal('AG400');
  });
});
