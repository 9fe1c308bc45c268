import { readFileSync, writeFileSync } from 'node:fs';
import { renderConfigTypes } from './configTypes.mjs';

const schema = JSON.parse(readFileSync('schemas/armgen.schema.json', 'utf8'));
writeFileSync('generator/model/config.generated.ts', await renderConfigTypes(schema));
console.log('wrote generator/model/config.generated.ts');
