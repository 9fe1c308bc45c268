import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseDocument } from 'yaml';
import { loadConfig, type LoadedConfig } from '../../../generator/load/loadConfig.js';
import { exampleConfigs } from '../../helpers/render.js';
import { repoRoot } from '../../support/paths.js';

function loaded(file: string, text: string): LoadedConfig {
  const result = loadConfig(file, text);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.config;
}

/** Every JSON pointer to a value or key of `data`. */
function pointers(data: unknown, at = ''): string[] {
  if (typeof data !== 'object' || data === null) return [at];
  const entries = Array.isArray(data) ? data.map((v, i) => [String(i), v] as const) : Object.entries(data);
  return [at, ...entries.flatMap(([k, v]) => pointers(v, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`))];
}

describe('.json configs: JSON.parse on the fast path, positions from yaml only when asked', () => {
  for (const example of exampleConfigs().filter((f) => f.endsWith('.yaml'))) {
    it(`${example} as JSON loads the same data, and every position equals the one yaml gives`, () => {
      // GIVEN the example re-written as indented JSON
      const data = loaded(example, readFileSync(join(repoRoot, example), 'utf8')).data;
      const json = JSON.stringify(data, null, 2);
      // WHEN loaded as a .json file
      const config = loaded('example.json', json);
      // THEN the data is the same as the YAML's, and each pointer locates where a full yaml parse puts it
      expect(config.data).to.deep.equal(data);
      const slow = loaded('example.json', `${json}\n# a comment makes it YAML, so yaml parses it`);
      for (const pointer of pointers(data)) {
        expect(config.locate(pointer), pointer).to.deep.equal(slow.locate(pointer));
        expect(config.locate(pointer, { key: true }), `${pointer} (key)`).to.deep.equal(slow.locate(pointer, { key: true }));
      }
    });
  }

  it('falls back to yaml for JSON that JSON.parse refuses but YAML 1.2 reads (a trailing comma), with the same data', () => {
    const config = loaded('c.json', '{"automationAccount": {"name": "aa-prod-01",}}');
    expect(config.data).to.deep.equal({ automationAccount: { name: 'aa-prod-01' } });
    expect(parseDocument('{"automationAccount": {"name": "aa-prod-01",}}').errors).to.deep.equal([]);
  });

  it('keeps __proto__ as an ordinary key on the fast path, as the YAML path does', () => {
    const config = loaded('c.json', '{"automationAccount": {"name": "aa-prod-01", "tags": {"__proto__": "x"}}}');
    expect(Object.keys((config.data as { automationAccount: { tags: object } }).automationAccount.tags)).to.deep.equal(['__proto__']);
    expect(({} as Record<string, unknown>).x).to.equal(undefined);
  });
});
