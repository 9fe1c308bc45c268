import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { loadConfig } from '../../../generator/load/loadConfig.js';
import { COMPILED_VALIDATOR_FILE, compiledValidatorSource, configValidator, readConfigSchemaText } from '../../../generator/validate/validator.js';
import { repoRoot } from '../../support/paths.js';

const compiledPath = join(repoRoot, 'dist', 'generator', 'validate', COMPILED_VALIDATOR_FILE);

describe('precompiled config validator (ajv standalone, built by npm run build)', () => {
  it('dist/generator/validate/compiledValidator.cjs equals what the schema compiles to', () => {
    // GIVEN the schema WHEN the standalone validator is generated in memory
    const generated = compiledValidatorSource(readConfigSchemaText());
    // THEN it equals the built file
    expect(existsSync(compiledPath), `${compiledPath} is missing: run \`npm run build\``).to.equal(true);
    const built = readFileSync(compiledPath, 'utf8');
    expect(built === generated, `${compiledPath} is stale vs schemas/armgen.schema.json: run \`npm run build\``).to.equal(true);
  });

  it('is the validator a run uses', () => {
    expect(configValidator().origin).to.equal('precompiled');
  });

  it('reports exactly what the run-time compiled validator reports, for every example and invalid fixture', async () => {
    // GIVEN a validator compiled at run time from the same schema with the same options
    const { Ajv } = await import('ajv');
    const { AJV_OPTIONS, AJV_FORMATS } = await import('../../../generator/validate/validator.js');
    const addFormats = ((await import('ajv-formats')) as unknown as { default: { default?: unknown } }).default;
    const ajv = new Ajv({ ...AJV_OPTIONS });
    ((addFormats.default ?? addFormats) as (a: unknown, f: string[]) => void)(ajv, [...AJV_FORMATS]);
    const runtime = ajv.compile(JSON.parse(readConfigSchemaText()) as object);
    const { validate } = configValidator();
    const dirs = [join(repoRoot, 'examples'), join(repoRoot, 'test', 'fixtures', 'invalid')];
    let checked = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
        // The data a run validates: what loadConfig accepts (a refused file never reaches the validator).
        const loaded = loadConfig(f, readFileSync(join(dir, f), 'utf8'));
        if (!loaded.ok) continue;
        const data = loaded.config.data;
        // WHEN both validate the same data THEN verdict and errors are identical
        const a = validate(data);
        const b = runtime(data);
        expect(a, f).to.equal(b);
        expect(JSON.stringify(validate.errors ?? null), f).to.equal(JSON.stringify(runtime.errors ?? null));
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(5);
  });
});
