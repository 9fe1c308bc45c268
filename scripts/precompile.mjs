#!/usr/bin/env node
// Build step (npm run build, after tsc): precompile what armgen would otherwise compile at every start.
//  - dist/generator/validate/compiledValidator.cjs: the config validator, ajv standalone code from schemas/armgen.schema.json;
//  - dist/generator/render/precompiledTemplates.cjs: every language's templates/**/*.hbs, Handlebars.precompile'd.
// The sources stay the single source of truth: each generated module carries a fingerprint of what it was
// built from, armgen falls back to compiling at run time when it does not match, and the unit tests fail
// when a generated module is stale (run `npm run build`).
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist', 'generator');

const { compiledValidatorSource, readConfigSchemaText, COMPILED_VALIDATOR_FILE } = await import(join(dist, 'validate', 'validator.js'));
const { precompiledTemplatesSource, PRECOMPILED_TEMPLATES_FILE } = await import(join(dist, 'render', 'environment.js'));
const { templateLanguages } = await import(join(dist, 'render', 'languages.js'));

writeFileSync(join(dist, 'validate', COMPILED_VALIDATOR_FILE), compiledValidatorSource(readConfigSchemaText()));
writeFileSync(join(dist, 'render', PRECOMPILED_TEMPLATES_FILE), precompiledTemplatesSource(templateLanguages));
