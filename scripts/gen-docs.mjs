// Writes docs/config-reference.md from schemas/armgen.schema.json, using the compiled renderer
// (dist/generator/docs/renderConfigReference.js): run `npm run build` first, or use `npm run gen:docs`.
// test/unit/docs/configReference.test.ts renders the same text in memory and fails when the file is stale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modulePath = join(root, 'dist', 'generator', 'docs', 'renderConfigReference.js');
let renderConfigReference;
try {
  ({ renderConfigReference } = await import(new URL(`file://${modulePath}`).href));
} catch (err) {
  console.error(`gen-docs: cannot load ${modulePath} (${err.message}); run \`npm run build\` first`);
  process.exit(2);
}
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'armgen.schema.json'), 'utf8'));
const target = join(root, 'docs', 'config-reference.md');
const text = renderConfigReference(schema);
let before;
try {
  before = readFileSync(target, 'utf8');
} catch {
  before = undefined;
}
if (before === text) {
  console.log('docs/config-reference.md is up to date');
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log('wrote docs/config-reference.md');
}
