import { expect } from 'chai';
import { callsIn, isExpression, literalValue, namedReferences, parseExpression, type ExprNode } from '../../../generator/lint/expression.js';

function parse(s: string): ExprNode {
  const r = parseExpression(s);
  if (!r.ok) throw new Error(r.error);
  return r.node;
}

describe('lint: ARM expression parser', () => {
  it('treats a string as an expression only when it starts with [ and ends with ], and not [[', () => {
    // GIVEN strings of each shape
    const cases: [string, boolean][] = [
      ["[parameters('a')]", true],
      ['[[literal]', false],
      ['[not closed', false],
      ['plain', false],
      ['[]', true],
    ];
    // WHEN each is classified
    // THEN only the evaluated ones are expressions, and [[ unescapes to the literal
    for (const [s, expected] of cases) expect(isExpression(s), s).to.equal(expected);
    expect(literalValue('[[literal]')).to.equal('[literal]');
  });

  it('parses nested calls, doubled quotes, numbers, member and index access', () => {
    // GIVEN an expression using every construct lint needs
    const text = "[reference(resourceId('Microsoft.X/y', concat('it''s', parameters('n'))), '2024-01-01', 'full').identity['principalId'][0]]";
    // WHEN it is parsed
    const node = parse(text);
    // THEN the calls, names and the unescaped string come back
    expect(callsIn(node).map((c) => c.name)).to.deep.equal(['reference', 'resourceId', 'concat', 'parameters']);
    expect(namedReferences(node, 'PARAMETERS')).to.deep.equal(['n']);
    const concat = callsIn(node).find((c) => c.name === 'concat');
    expect(concat?.args[0]).to.deep.equal({ k: 'str', v: "it's" });
    expect(node.k).to.equal('index');
  });

  it('parses user-defined namespace.function calls and numbers', () => {
    // GIVEN a user-defined function call with a negative number
    // WHEN it is parsed
    const node = parse('[contoso.uniqueName(-12, 3)]');
    // THEN it is one call named with its namespace
    expect(node).to.deep.equal({ k: 'call', name: 'contoso.uniqueName', args: [{ k: 'num', v: -12 }, { k: 'num', v: 3 }] });
  });

  it('reports malformed expressions instead of throwing', () => {
    // GIVEN broken expressions
    const broken = ["[concat('a'", "[concat('a')", "[parameters('a') junk]", '[foo]', "['unterminated]"];
    // WHEN they are parsed
    // THEN each is an error with a message
    for (const s of broken) {
      const r = parseExpression(s);
      expect(r.ok, s).to.equal(false);
      if (!r.ok) expect(r.error).to.be.a('string').and.not.equal('');
    }
  });
});
