import { expect } from 'chai';
import { call, cond, interp, nul, num, obj, op, param, ref, str } from '../../../../generator/model/expr.js';
import { createdRef, existingRef } from '../../../../generator/model/resourceRef.js';
import { armExpressionText, armStringLiteral, escapeArmLiteral, toArmJson, toParameterFileJson } from '../../../../generator/render/arm/armText.js';
import { renderYaml, templateOf } from '../../../helpers/render.js';

describe('ARM escaping', () => {
  const cases: [string, string][] = [
    ['[x]', '[[x]'],
    ['[]', '[[]'],
    ['[test[]test2]', '[[test[]test2]'],
    ['[test', '[test'],
    ['a[b]', 'a[b]'],
    ["O'Brien", "O'Brien"],
    ['${a}', '${a}'],
    ['"', '"'],
    ['\\', '\\'],
    ['line\nbreak', 'line\nbreak'],
    ['Zürich ✓ 🚀', 'Zürich ✓ 🚀'],
  ];
  for (const [input, expected] of cases) {
    it(`writes the literal ${JSON.stringify(input)} as ${JSON.stringify(expected)} in a template`, () => {
      expect(escapeArmLiteral(input)).to.equal(expected);
      expect(toArmJson(str(input))).to.equal(expected);
    });
  }

  it('doubles single quotes inside an expression string', () => {
    expect(armStringLiteral("O'Brien")).to.equal("'O''Brien'");
    expect(armExpressionText(call('concat', str("it's"), param('x')))).to.equal("concat('it''s', parameters('x'))");
  });

  it('escapes object keys like values and renders expression keys as expressions', () => {
    const json = toArmJson(obj([['[key]', str('v')], [call('resourceId', str('T'), str("a'b")), obj({})]])) as Record<string, unknown>;
    expect(Object.keys(json)).to.deep.equal(['[[key]', "[resourceId('T', 'a''b')]"]);
  });

  it('keeps parameter-file values literal: no [[ and never an expression', () => {
    expect(toParameterFileJson(str('[x]'))).to.equal('[x]');
    expect(() => toParameterFileJson(param('x'))).to.throw(/cannot appear in a parameter file/);
  });

  it('carries hostile config values into the output as the same literal text', () => {
    // GIVEN tags and parameter defaults full of quotes, brackets, interpolation markers and control characters
    const hostile = ["O'Brien", '[concat(1)]', '${x}', 'a\\b', 'tab\there', 'line\nnext', '\u202Eevil', '🚀', '"quoted"'];
    const yaml = [
      'automationAccount:',
      '  name: aa-hostile-01',
      '  tags:',
      ...hostile.map((h, i) => `    t${i}: ${JSON.stringify(h)}`),
      '  encryption:',
      '    keySource: Microsoft.Automation',
    ].join('\n');
    // WHEN rendered
    const template = templateOf(renderYaml(yaml));
    const tags = template.resources[0]!.tags as Record<string, string>;
    // THEN each tag is the same string, with only the ARM [[ escape where ARM needs it
    hostile.forEach((h, i) => expect(tags[`t${i}`]).to.equal(h.startsWith('[') && h.endsWith(']') ? `[${h}` : h));
  });
});

describe('ARM printer: references, interpolation, operators and conditionals', () => {
  const account = createdRef({ symbol: 'automationAccount', type: 'Microsoft.Automation/automationAccounts', apiVersion: '2024-10-23', name: param('name') });
  const runbook = createdRef({ symbol: 'rb', type: 'Microsoft.Automation/automationAccounts/runbooks', apiVersion: '2024-10-23', name: str('r'), parent: account });
  const elsewhere = existingRef({
    symbol: 'uai',
    type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
    apiVersion: '2024-11-30',
    id: { kind: 'parts', subscriptionId: str('11111111-1111-1111-1111-111111111111'), resourceGroup: str('rg'), names: [str('uai')] },
  });

  it('spells a resource ID with resourceId(), child and cross-group resources included', () => {
    // GIVEN refs to a created account, its child and an identity in another group WHEN printed THEN each is resourceId(...)
    expect(armExpressionText(ref(account, 'id'))).to.equal("resourceId('Microsoft.Automation/automationAccounts', parameters('name'))");
    expect(armExpressionText(ref(runbook, 'resource'))).to.equal("resourceId('Microsoft.Automation/automationAccounts/runbooks', parameters('name'), 'r')");
    expect(armExpressionText(ref(elsewhere, 'id'))).to.equal(
      "resourceId('11111111-1111-1111-1111-111111111111', 'rg', 'Microsoft.ManagedIdentity/userAssignedIdentities', 'uai')",
    );
  });

  it('reads runtime values with reference(), with the full form for top-level properties', () => {
    // GIVEN property reads WHEN printed THEN reference(id, api) and reference(id, api, 'full')
    expect(armExpressionText(ref(elsewhere, { properties: ['principalId'] }))).to.match(/^reference\(resourceId\(.*\), '2024-11-30'\)\.principalId$/);
    expect(armExpressionText(ref(account, { full: ['identity', 'principalId'] }))).to.equal(
      "reference(resourceId('Microsoft.Automation/automationAccounts', parameters('name')), '2024-10-23', 'full').identity.principalId",
    );
  });

  it('uses a given ID as it is and names extension resources with extensionResourceId()', () => {
    // GIVEN an identity given by ID parameter and a lock on the account WHEN printed
    const given = existingRef({ symbol: 'g', type: 'Microsoft.ManagedIdentity/userAssignedIdentities', apiVersion: '2024-11-30', id: { kind: 'given', id: param('id') } });
    const lock = createdRef({ symbol: 'lock', type: 'Microsoft.Authorization/locks', apiVersion: '2020-05-01', name: str('l'), extensionOf: account });
    // THEN the parameter is the ID, and the lock's ID is built on the account's
    expect(armExpressionText(ref(given, 'id'))).to.equal("parameters('id')");
    expect(armExpressionText(ref(lock, 'id'))).to.equal(
      "extensionResourceId(resourceId('Microsoft.Automation/automationAccounts', parameters('name')), 'Microsoft.Authorization/locks', 'l')",
    );
  });

  it('writes interpolation as format() with literal braces doubled, operators as functions, conditionals as if()', () => {
    expect(armExpressionText(interp('{a} ', param('x'), "'s"))).to.equal("format('{{a}} {0}''s', parameters('x'))");
    expect(toArmJson(interp('plain'))).to.equal('plain');
    expect(armExpressionText(op('-', call('length', param('s')), num(2)))).to.equal("sub(length(parameters('s')), 2)");
    expect(armExpressionText(cond(call('empty', param('d')), nul, param('d')))).to.equal("if(empty(parameters('d')), null(), parameters('d'))");
  });
});
