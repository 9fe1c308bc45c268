import { expect } from 'chai';
import { arr, bool, call, cond, index, interp, member, nul, num, obj, op, param, ref, str } from '../../../../generator/model/expr.js';
import { existingRef } from '../../../../generator/model/resourceRef.js';
import { bicepPropertyKey, bicepString, isBicepIdentifier, toBicep, toBicepFlat } from '../../../../generator/render/bicep/bicepText.js';

const uai = existingRef({ symbol: 'uai', type: 'Microsoft.ManagedIdentity/userAssignedIdentities', apiVersion: '2024-11-30', id: { kind: 'parts', names: [str('uai')] } });

describe('bicepString: config text as a Bicep string literal', () => {
  const cases: readonly [what: string, input: string, expected: string][] = [
    ['a plain word stays as it is', 'automation', "'automation'"],
    ["a single quote (O'Brien) is escaped with a backslash", "O'Brien", "'O\\'Brien'"],
    ['${x} is escaped so it cannot start an interpolation', '${x}', "'\\${x}'"],
    ['$x (no brace) stays literal', '$x', "'$x'"],
    ['a lone $ at the end stays literal', 'cost$', "'cost$'"],
    ['$$ followed by a brace escapes only the $ before the brace', '$${x}', "'$\\${x}'"],
    ['a backslash is doubled', 'C:\\temp\\x', "'C:\\\\temp\\\\x'"],
    ['a trailing backslash is doubled, so it cannot escape the closing quote', 'end\\', "'end\\\\'"],
    ['newline and carriage return become \\n and \\r', 'a\r\nb', "'a\\r\\nb'"],
    ['a tab becomes \\t', 'a\tb', "'a\\tb'"],
    ['other control characters become \\u{X}', 'a\u0000b\u001bc\u007f', "'a\\u{0}b\\u{1B}c\\u{7F}'"],
    ['line and paragraph separators become \\u{X}', 'a\u2028b\u2029', "'a\\u{2028}b\\u{2029}'"],
    ['non-ASCII letters are written as they are', 'Größe – Müller', "'Größe – Müller'"],
    ['an emoji (a surrogate pair) is written as it is', 'ship 🚀 it', "'ship 🚀 it'"],
    ['a lone surrogate becomes \\u{X} so the file stays valid UTF-8', 'a\ud800b', "'a\\u{D800}b'"],
    ['an ARM-expression look-alike stays a plain string', "[concat('a')]", "'[concat(\\'a\\')]'"],
    ['an empty string is two quotes', '', "''"],
  ];
  for (const [what, input, expected] of cases) {
    it(`${what}`, () => {
      // GIVEN a hostile or ordinary config value WHEN it is written as a Bicep string
      const out = bicepString(input);
      // THEN it is escaped exactly as Bicep's lexer expects
      expect(out).to.equal(expected);
    });
  }
});

describe('Bicep identifiers and property keys', () => {
  it('accepts letters, digits and underscores, not a leading digit', () => {
    // GIVEN candidate identifiers WHEN checked THEN only valid Bicep identifiers pass
    expect(isBicepIdentifier('automationAccount')).to.equal(true);
    expect(isBicepIdentifier('_x1')).to.equal(true);
    expect(isBicepIdentifier('1x')).to.equal(false);
    expect(isBicepIdentifier('a-b')).to.equal(false);
    expect(isBicepIdentifier('')).to.equal(false);
  });

  it('writes a key that is a valid identifier without quotes, even a declaration keyword', () => {
    // GIVEN keys that are identifiers, including contextual keywords (type, resource, if, param)
    // WHEN written as property keys THEN they stay bare (the linter's prefer-unquoted-property-names wants that)
    for (const key of ['type', 'resource', 'if', 'param', 'existing', 'name']) expect(bicepPropertyKey(key)).to.equal(key);
  });

  it('quotes keys that are true, false or null, which Bicep always reads as literals', () => {
    // GIVEN keys spelled like the non-contextual keywords WHEN written THEN they are quoted
    expect(bicepPropertyKey('true')).to.equal("'true'");
    expect(bicepPropertyKey('false')).to.equal("'false'");
    expect(bicepPropertyKey('null')).to.equal("'null'");
  });

  it("quotes and escapes keys that are not identifiers (hyphens, dots, spaces, O'Brien)", () => {
    // GIVEN keys that are not identifiers WHEN written THEN they are escaped strings
    expect(bicepPropertyKey('cost-center')).to.equal("'cost-center'");
    expect(bicepPropertyKey('Az.Accounts')).to.equal("'Az.Accounts'");
    expect(bicepPropertyKey("O'Brien team")).to.equal("'O\\'Brien team'");
    expect(bicepPropertyKey('${x}')).to.equal("'\\${x}'");
  });
});

describe('toBicep: expression trees as Bicep text', () => {
  it('writes scalars, parameters, calls, members and indexes', () => {
    // GIVEN small trees WHEN rendered THEN each has its Bicep spelling
    expect(toBicepFlat(num(42))).to.equal('42');
    expect(toBicepFlat(num(-1))).to.equal('-1');
    expect(toBicepFlat(num(1.5))).to.equal("json('1.5')");
    expect(toBicepFlat(bool(true))).to.equal('true');
    expect(toBicepFlat(nul)).to.equal('null');
    expect(toBicepFlat(param('location'))).to.equal('location');
    expect(toBicepFlat(member(call('resourceGroup'), 'location'))).to.equal('resourceGroup().location');
    expect(toBicepFlat(index(call('split', param('id'), str('/')), num(4)))).to.equal("split(id, '/')[4]");
    expect(toBicepFlat(member(param('o'), 'a-b', 'c'))).to.equal("o['a-b'].c");
  });

  it('reads resources through their symbols: the resource, its id, a property and a top-level runtime value', () => {
    // GIVEN references to a declared resource WHEN rendered THEN each reads the symbol
    expect(toBicep(ref(uai, 'resource'))).to.equal('uai');
    expect(toBicep(ref(uai, 'id'))).to.equal('uai.id');
    expect(toBicep(ref(uai, { properties: ['principalId'] }))).to.equal('uai.properties.principalId');
    expect(toBicep(ref(uai, { full: ['identity', 'principalId'] }))).to.equal('uai.identity.principalId');
  });

  it('writes interpolations, operators and conditionals in Bicep syntax, escaping literal parts', () => {
    // GIVEN the language-neutral nodes WHEN rendered THEN Bicep's own syntax comes out
    expect(toBicep(interp("it's ", param('x'), ' ${y}'))).to.equal("'it\\'s ${x} \\${y}'");
    expect(toBicep(op('-', call('length', param('s')), num(2)))).to.equal('length(s) - 2');
    expect(toBicep(op('-', op('+', param('a'), num(1)), num(2)))).to.equal('(a + 1) - 2');
    expect(toBicep(cond(call('empty', param('d')), nul, param('d')))).to.equal('empty(d) ? null : d');
  });

  it('writes objects and arrays one entry per line with 2-space indentation, and empty ones as {} and []', () => {
    // GIVEN a nested object WHEN rendered at level 1 THEN it is laid out as bicep format prints it
    const value = obj({ type: str('UserAssigned'), list: arr([str('a'), num(1)]), empty: obj({}), none: arr([]) });
    expect(toBicep(value, { level: 1, column: 12 })).to.equal(
      "{\n    type: 'UserAssigned'\n    list: [\n      'a'\n      1\n    ]\n    empty: {}\n    none: []\n  }",
    );
  });

  it("writes an expression key as an interpolation ('${id}')", () => {
    // GIVEN userAssignedIdentities keyed by a resource ID WHEN rendered THEN the key is '${symbol.id}'
    const value = obj([[ref(uai, 'id'), obj({})]]);
    expect(toBicep(value)).to.equal("{\n  '${uai.id}': {}\n}");
  });

  it('keeps a call on one line up to column 120 and breaks its arguments one per line beyond', () => {
    // GIVEN a two-argument call whose line is exactly 120 characters, and one that is 121
    const at = { level: 1, column: '  name: '.length };
    const fits = call('guid', str('x'.repeat(120 - '  name: guid(\'\', \'b\')'.length)), str('b'));
    const tooLong = call('guid', str('x'.repeat(121 - '  name: guid(\'\', \'b\')'.length)), str('b'));
    // WHEN rendered THEN the first stays flat and the second breaks as bicep format does
    expect(at.column + toBicep(fits, at).length).to.equal(120);
    expect(toBicep(fits, at)).not.to.include('\n');
    expect(toBicep(tooLong, at)).to.match(/^guid\(\n {4}'x+',\n {4}'b'\n {2}\)$/);
  });

  it('never breaks a call with a single argument', () => {
    // GIVEN a one-argument call far beyond the width WHEN rendered THEN it stays on one line
    expect(toBicep(call('toLower', str('x'.repeat(200))), { level: 1, column: 8 })).not.to.include('\n');
  });

  it('keeps an array inside a call on one line when it fits', () => {
    // GIVEN string(createArray(x)) already turned into an array literal WHEN rendered THEN it reads string([x])
    expect(toBicep(call('string', arr([param('apiKey')])), { level: 1, column: 10 })).to.equal('string([apiKey])');
  });

  it('refuses a parameter name that is not a Bicep identifier', () => {
    // GIVEN a parameter called 'true' WHEN rendered THEN it is an error, not broken Bicep
    expect(() => toBicepFlat(param('true'))).to.throw(/not a valid Bicep identifier/);
  });
});
