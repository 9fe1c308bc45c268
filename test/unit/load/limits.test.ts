import { expect } from 'chai';
import { loadConfig } from '../../../generator/load/loadConfig.js';
import { MAX_ALIAS_COUNT, MAX_DEPTH, MAX_EXPANDED_CHARS, MAX_EXPANDED_VALUES, MAX_INPUT_BYTES, MAX_YAML_TOKENS } from '../../../generator/load/limits.js';

/** Load text and return its diagnostics as `line:col CODE message`, and how long it took. */
function load(text: string, file = 'hostile.yaml'): { lines: string[]; ms: number } {
  const started = performance.now();
  const result = loadConfig(file, text);
  const ms = performance.now() - started;
  return { lines: result.ok ? [] : result.diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`), ms };
}

const ACCOUNT = 'automationAccount:\n  name: aa-prod-01\n';
/** `count` variables whose value is an alias of the anchored `list`. */
function aliasesOf(list: string, count: number): string {
  const items = Array.from({ length: count }, (_, i) => `  - { name: v${i}, value: *big }`);
  return `${ACCOUNT}variables:\n  - { name: base, value: &big ${list} }\n${items.join('\n')}\n`;
}
/** A flow list of about `bytes` bytes: few long items, as a 1 MB list in a real attack would be. */
function listOf(bytes: number): string {
  const item = 'x'.repeat(398);
  return `[${Array(Math.ceil(bytes / 400)).fill(item).join(', ')}]`;
}

describe('input limits: any input is refused or loaded in bounded time and memory', () => {
  it('refuses 399 aliases of a 1 MB list (3 minutes and 3.6 GB before) by its expanded size, without expanding it', () => {
    // GIVEN 1 MB of text whose 399 aliases would expand to 400 MB
    const { lines, ms } = load(aliasesOf(listOf(1_000_000), 399));
    // THEN AG103, naming the expanded-text limit, at the value that exceeds it, in well under 2 s
    expect(lines).to.have.length(1);
    expect(lines[0]).to.match(new RegExp(`^4:\\d+ AG103 refused: with its aliases expanded, this value holds more than ${MAX_EXPANDED_CHARS.toLocaleString('en-US')} characters`));
    expect(ms).to.be.lessThan(2000);
  });

  it('refuses 899 aliases of a 1 MB list (an "Invalid string length" crash before) the same way', () => {
    const { lines, ms } = load(aliasesOf(listOf(1_000_000), 899));
    expect(lines.join('\n')).to.match(/AG103 refused: with its aliases expanded/);
    expect(ms).to.be.lessThan(2000);
  });

  it('refuses aliases that multiply values past the expanded value limit, and accepts the same shape below it', () => {
    // GIVEN a 10,000-value list: 100 aliases make 1,010,000 values, 90 make 910,000
    const list = `[${Array(10_000).fill('0').join(',')}]`;
    expect(load(aliasesOf(list, 100)).lines.join('\n')).to.match(new RegExp(`AG103 refused: .* more than ${MAX_EXPANDED_VALUES.toLocaleString('en-US')} values`));
    expect(load(aliasesOf(list, 90)).lines).to.deep.equal([]);
  });

  it(`refuses more than ${MAX_ALIAS_COUNT} aliases, at the first one over`, () => {
    const { lines } = load(aliasesOf('x', MAX_ALIAS_COUNT + 1));
    expect(lines).to.deep.equal([`${MAX_ALIAS_COUNT + 5}:27 AG103 refused: the document uses more than ${MAX_ALIAS_COUNT} aliases`]);
  });

  it('refuses an alias inside its own anchor (an endless value) instead of building a circular object', () => {
    expect(load(`${ACCOUNT}tags: &t { a: *t }\n`).lines).to.deep.equal(['3:15 AG103 refused: alias *t is inside the value anchored &t, which would repeat itself endlessly']);
  });

  it('reports an alias without an anchor as invalid YAML (AG101), not as too many aliases', () => {
    expect(load(`${ACCOUNT}  tags: *missing\n`).lines).to.deep.equal(['3:9 AG101 unknown alias *missing: an alias must come after its anchor &missing']);
  });

  it(`refuses a file over ${MAX_INPUT_BYTES} bytes before parsing it: a 60 MB config with 1.5 M keys (killed at 500 s before)`, () => {
    const text = `${ACCOUNT}  tags:\n${'    k0000000000000: v0000000000000000000\n'.repeat(1_500_000)}`;
    const { lines, ms } = load(text);
    expect(lines).to.deep.equal(['1:1 AG103 refused: the file is larger than 4,194,304 bytes (4 MiB), the most armgen reads']);
    expect(ms).to.be.lessThan(100);
  });

  it('counts bytes, not characters: 4 MiB of two-byte characters is refused at 2 Mi + 1 characters', () => {
    const text = `${ACCOUNT}description: ${'é'.repeat(2 * 1024 * 1024)}\n`;
    expect(text.length).to.be.lessThan(MAX_INPUT_BYTES);
    expect(load(text).lines.join('\n')).to.match(/AG103 refused: the file is larger than 4,194,304 bytes/);
  });

  it(`refuses a file with more than ${MAX_YAML_TOKENS.toLocaleString('en-US')} YAML tokens by counting them before parsing`, () => {
    // GIVEN 40,000 tags (14 s before, in yaml's quadratic duplicate-key check)
    const tags = Array.from({ length: 40_000 }, (_, i) => `    t${i}: v`).join('\n');
    const { lines, ms } = load(`${ACCOUNT}  tags:\n${tags}\n`);
    expect(lines).to.have.length(1);
    expect(lines[0]).to.match(/^\d+:\d+ AG103 refused: the file has more than 100,000 YAML tokens/);
    expect(ms).to.be.lessThan(1500);
  });

  it('finds a duplicate among 15,000 keys in linear time (one Set per mapping)', () => {
    // GIVEN 15,000 tags (just under the token limit) and one of them repeated last
    const tags = Array.from({ length: 15_000 }, (_, i) => `    t${i}: v`).join('\n');
    const { lines, ms } = load(`${ACCOUNT}  tags:\n${tags}\n    t0: again\n`);
    expect(lines).to.deep.equal(['15004:5 AG102 Map keys must be unique (each key may appear once)']);
    expect(ms).to.be.lessThan(2000);
  });

  it(`refuses values nested deeper than ${MAX_DEPTH} levels before yaml composes them (a stack overflow before)`, () => {
    // GIVEN 100,000 nested flow sequences (200 KB) and 65 nested ones (which yaml could still compose)
    expect(load(`${ACCOUNT}x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`).lines.join('\n')).to.match(/AG103 refused/);
    const deep = `x: ${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}\n`; // the top mapping is level 1
    expect(load(`${ACCOUNT}${deep}`).lines).to.deep.equal([`3:${4 + MAX_DEPTH - 1} AG103 refused: values are nested more than ${MAX_DEPTH} levels deep`]);
    // AND one level less loads
    expect(load(`${ACCOUNT}x: ${'['.repeat(MAX_DEPTH - 1)}${']'.repeat(MAX_DEPTH - 1)}\n`).lines).to.deep.equal([]);
  });

  it('refuses deep nesting in a .json file too (JSON.parse would accept it)', () => {
    const text = `{"automationAccount": {"name": "aa-prod-01"}, "x": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(load(text, 'deep.json').lines.join('\n')).to.match(/^1:\d+ AG103 refused: values are nested more than 64 levels deep$/);
  });
});
