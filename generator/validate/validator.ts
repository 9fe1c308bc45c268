import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { ArmgenConfig } from '../model/config.generated.js';
import { configSchemaPath } from '../paths.js';

/** The config schema as JSON (also printed by `armgen schema`). */
export function readConfigSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(configSchemaPath, 'utf8')) as Record<string, unknown>;
}

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv, formats: string[]) => Ajv;

let compiled: { validate: ValidateFunction<ArmgenConfig>; schema: Record<string, unknown> } | undefined;

/**
 * The one Ajv instance, compiled once per process: strict (a schema typo is a bug, not a silent pass),
 * allErrors (report every problem in one run), discriminator (scope `kind` picks one branch, so errors
 * name that branch only). No useDefaults: defaults are applied in resolve, where they are visible.
 */
export function configValidator(): { validate: ValidateFunction<ArmgenConfig>; schema: Record<string, unknown> } {
  if (!compiled) {
    const schema = readConfigSchema();
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictRequired: false, discriminator: true, allowUnionTypes: true });
    addFormats(ajv, ['date-time', 'uri']);
    compiled = { validate: ajv.compile<ArmgenConfig>(schema), schema };
  }
  return compiled;
}

export type ValidationResult = { ok: true; config: ArmgenConfig } | { ok: false; errors: ErrorObject[] };

/** Validate plain data against the config schema. */
export function validateConfig(data: unknown): ValidationResult {
  const { validate } = configValidator();
  if (validate(data)) return { ok: true, config: data };
  return { ok: false, errors: [...(validate.errors ?? [])] };
}
