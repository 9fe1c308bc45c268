import { expect } from 'chai';
import { call, obj, param, str } from '../../../generator/arm/expr.js';
import { armExpressionText, armStringLiteral, escapeArmLiteral, toArmJson, toParameterFileJson } from '../../../generator/arm/renderArm.js';
import { renderYaml, templateOf } from '../../helpers/render.js';

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
