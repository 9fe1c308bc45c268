import { CONTENT_VERSION, PARAMETERS_SCHEMA, TEMPLATE_SCHEMA } from '../azure/templateSchemas.js';
import type { Artifact } from '../model/artifact.js';

/**
 * Parse rendered ARM JSON back (a broken template fails here, loudly, instead of shipping) and check the
 * envelope. Asserts only: returns the parsed value, changes nothing.
 * @throws Error: a failure here is a bug in armgen's templates, not a user mistake.
 */
export function verifyArm(file: Artifact): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.text);
  } catch (err) {
    throw new Error(`internal error: rendered ${file.path} is not valid JSON (${(err as Error).message})`);
  }
  const expectedSchema = file.kind === 'armTemplate' ? TEMPLATE_SCHEMA : PARAMETERS_SCHEMA;
  const root = parsed as Record<string, unknown>;
  if (typeof parsed !== 'object' || parsed === null || root.$schema !== expectedSchema || root.contentVersion !== CONTENT_VERSION) {
    throw new Error(`internal error: rendered ${file.path} lacks $schema ${expectedSchema} or contentVersion ${CONTENT_VERSION}`);
  }
  return root;
}
