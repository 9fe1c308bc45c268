// Generates generator/model/config.generated.ts from schemas/armgen.schema.json, so the TypeScript
// config types can never drift from the schema (test/unit/model/configTypes.test.ts re-runs this and compares).
import { compile } from 'json-schema-to-typescript';

export const BANNER = '/* Generated from schemas/armgen.schema.json by `npm run gen:types`. Do not edit. */';

/** Render the TypeScript declarations for the config schema. */
export async function renderConfigTypes(schema) {
  const copy = structuredClone(schema);
  delete copy.$id;
  return compile(copy, 'ArmgenConfig', {
    bannerComment: BANNER,
    additionalProperties: false,
    strictIndexSignatures: true,
    unreachableDefinitions: true,
    ignoreMinAndMaxItems: true,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
    cwd: process.cwd(),
  });
}
