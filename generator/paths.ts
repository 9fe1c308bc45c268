import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed package's root: compiled code lives in dist/generator/, data beside dist/. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const schemasDir = join(packageRoot, 'schemas');
export const templatesDir = join(packageRoot, 'templates');
export const configSchemaPath = join(schemasDir, 'armgen.schema.json');
