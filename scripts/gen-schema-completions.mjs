// Writes the editor completion lists (scripts/schemaCompletions.mjs) into schemas/armgen.schema.json.
// Run `npm run gen:schema` (it builds first), then `npm run gen:types` and `npm run gen:docs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { withCompletions } from './schemaCompletions.mjs';

const path = 'schemas/armgen.schema.json';
const before = readFileSync(path, 'utf8');
const after = `${JSON.stringify(await withCompletions(JSON.parse(before)), null, 2)}\n`;
if (after === before) {
  console.log(`${path} completions are up to date`);
} else {
  writeFileSync(path, after);
  console.log(`wrote ${path}; now run npm run gen:types && npm run gen:docs`);
}
