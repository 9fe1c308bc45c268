import { expect } from 'chai';
import { loadConfig } from '../../../generator/load/loadConfig.js';

/** Diagnostics of loading `text` as `line:col CODE message`; [] when it loads. */
function problems(text: string, file = 'config.yaml'): string[] {
  const result = loadConfig(file, text);
  return result.ok ? [] : result.diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`);
}

function dataOf(text: string, file = 'config.yaml'): unknown {
  const result = loadConfig(file, text);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.config.data;
}

const ACCOUNT = 'automationAccount:\n  name: aa-prod-01\n';

describe('keys: each JSON key once, and only scalar keys', () => {
  it('refuses keys that differ only in YAML type (2024 and "2024" both become the key "2024"), naming both', () => {
    expect(problems(`${ACCOUNT}  tags:\n    2024: a\n    "2024": b\n`)).to.deep.equal([
      '5:5 AG102 key `"2024"` and key `2024` on line 4 both become the JSON key "2024" (each key may appear once)',
    ]);
    // AND null and the empty string, true and "true" likewise
    expect(problems(`${ACCOUNT}  tags: { ~: a, "": b, true: c, "true": d }\n`)).to.deep.equal([
      '3:17 AG102 key `""` and key `~` on line 3 both become the JSON key "" (each key may appear once)',
      '3:33 AG102 key `"true"` and key `true` on line 3 both become the JSON key "true" (each key may appear once)',
    ]);
  });

  it("keeps yaml's wording for keys that are the same value written differently (0x10 and 16)", () => {
    expect(problems(`${ACCOUNT}  tags:\n    0x10: a\n    16: b\n`)).to.deep.equal(['5:5 AG102 Map keys must be unique (each key may appear once)']);
  });

  it('refuses a sequence or mapping as a key, also through an alias, instead of stringifying it', () => {
    expect(problems(`${ACCOUNT}  tags:\n    ? [a, b]\n    : x\n`)).to.deep.equal(['4:7 AG101 a key must be a string, number, boolean or null, not a sequence (JSON keys are strings)']);
    expect(problems(`x: &m { a: 1 }\n${ACCOUNT}  tags:\n    *m : x\n`)).to.deep.equal(['5:5 AG101 a key must be a string, number, boolean or null, not a mapping (JSON keys are strings)']);
  });

  it('refuses a duplicate key in a .json file at its position, as the YAML path does', () => {
    expect(problems('{\n  "automationAccount": {"name": "aa-prod-01", "name": "aa-prod-02"}\n}\n', 'config.json')).to.deep.equal([
      '2:47 AG102 Map keys must be unique (each key may appear once)',
    ]);
  });

  it('refuses control characters in keys (a line break would forge a diagnostic line) but keeps them in values', () => {
    expect(problems(`${ACCOUNT}  tags:\n    "a\\nb.yaml:1:1: error": x\n    "nul\\0": y\n`)).to.deep.equal([
      '4:5 AG104 /automationAccount/tags/a\\u000ab.yaml:1:1: error: the key "a\\nb.yaml:1:1: error" contains the control character U+000A; keys are names and may not',
      '5:5 AG104 /automationAccount/tags/nul\\u0000: the key "nul\\u0000" contains the control character U+0000; keys are names and may not',
    ]);
    expect(dataOf(`${ACCOUNT}  tags:\n    t: "a\\0b\\tc"\n`)).to.have.nested.property('automationAccount.tags.t', 'a\u0000b\tc');
  });
});

describe('values: only what JSON, ARM and Bicep carry exactly', () => {
  it('refuses integers beyond 2^53 - 1 (already rounded when read), in YAML and JSON, and accepts 2^53 - 1', () => {
    expect(problems(`${ACCOUNT}variables:\n  - { name: n, value: 9007199254740993 }\n`)).to.deep.equal([
      '4:23 AG104 /variables/0/value: this integer is beyond ±9007199254740991 (2^53 - 1), so it has been rounded; quote it to keep it exact as a string',
    ]);
    expect(problems('{"automationAccount": {"name": "aa-prod-01"}, "variables": [{"name": "n", "value": {"deep": [-1e300]}}]}', 'c.json')).to.have.length(1);
    expect(dataOf(`${ACCOUNT}variables:\n  - { name: n, value: [9007199254740991, -9007199254740991, 1.5] }\n`)).to.have.nested.property('variables[0].value[0]', 9007199254740991);
  });

  it('refuses .inf, -.inf and .nan at any depth (null in ARM JSON but json(\'Infinity\') in Bicep before)', () => {
    expect(problems(`${ACCOUNT}variables:\n  - name: n\n    value: { a: [.inf, -.Inf, .NaN] }\n`)).to.deep.equal([
      '5:18 AG104 /variables/0/value/a/0: Infinity is not a number JSON can hold; ARM and Bicep have no infinity or NaN',
      '5:24 AG104 /variables/0/value/a/1: -Infinity is not a number JSON can hold; ARM and Bicep have no infinity or NaN',
      '5:31 AG104 /variables/0/value/a/2: NaN is not a number JSON can hold; ARM and Bicep have no infinity or NaN',
    ]);
    // AND a JSON number too large for a double (JSON.parse reads it as Infinity)
    expect(problems('{"automationAccount": {"name": "aa-prod-01", "tags": {"t": 1e400}}}', 'c.json')).to.deep.equal([
      '1:60 AG104 /automationAccount/tags/t: Infinity is not a number JSON can hold; ARM and Bicep have no infinity or NaN',
    ]);
  });

  it('refuses a lone UTF-16 surrogate in a value or a key, and keeps a whole pair (an emoji)', () => {
    expect(problems(`${ACCOUNT}  tags:\n    t: "ok \\uD83D"\n    "k\\uDE00": v\n`)).to.deep.equal([
      '4:8 AG104 /automationAccount/tags/t: the text has a lone UTF-16 surrogate U+D83D at character 4 (half of a character; `bicep build` fails on it); write the whole character',
      '5:5 AG104 /automationAccount/tags/k\\ude00: the key "k\\ude00" has a lone UTF-16 surrogate U+DE00 at character 2 (half of a character; `bicep build` fails on it); write the whole character',
    ]);
    expect(problems('{"automationAccount": {"name": "aa-prod-01", "tags": {"t": "\\udc00"}}}', 'c.json')[0]).to.match(/^1:60 AG104 .*U\+DC00/);
    expect(dataOf(`${ACCOUNT}  tags:\n    t: "\\uD83D\\uDE00"\n`)).to.have.nested.property('automationAccount.tags.t', '😀');
  });

  it('refuses a value a YAML tag turns into something that is not JSON data (!!binary)', () => {
    expect(problems(`${ACCOUNT}  tags:\n    t: !!binary aGk=\n`)).to.deep.equal([
      '4:17 AG104 /automationAccount/tags/t: a Buffer value (from a YAML tag such as !!binary or !!set) is not JSON data; write a string, number, boolean, null, sequence or mapping',
    ]);
  });
});
