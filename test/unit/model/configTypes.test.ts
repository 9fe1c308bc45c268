import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { repoRoot } from '../../support/paths.js';

describe('config types stay in sync with the schema', () => {
  it('generator/model/config.generated.ts equals what the schema generates', async () => {
    // GIVEN the schema WHEN the types are generated in memory
    const { renderConfigTypes } = (await import(join(repoRoot, 'scripts/configTypes.mjs'))) as { renderConfigTypes: (s: unknown) => Promise<string> };
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas/armgen.schema.json'), 'utf8')) as unknown;
    const generated = await renderConfigTypes(schema);
    // THEN they equal the committed file
    const committed = readFileSync(join(repoRoot, 'generator/model/config.generated.ts'), 'utf8');
    expect(committed === generated, 'generator/model/config.generated.ts is stale: run `npm run gen:types`').to.equal(true);
  });
});
