import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../diagnostics.js';
import type { LoadedConfig } from '../load/loadConfig.js';
import { describeError } from './describeError.js';
import { pruneErrors } from './pruneErrors.js';

/**
 * YAML 1.1 merged mappings with `<<: *anchor`; YAML 1.2, which armgen reads, has no merge keys, so `<<`
 * is an ordinary (unknown) key. https://yaml.org/spec/1.2.2/ (merge keys are not in its core schema)
 */
const MERGE_KEY_HINT =
  ' YAML 1.2 has no merge keys (`<<`): write the keys here, or put an anchor on a whole value (`&name`) and repeat that value with an alias (`*name`).';

/**
 * Turn Ajv errors into located, readable diagnostics: one per mistake (pruneErrors), each saying what
 * was expected (describeError), located at the value, or at the key for an unknown key.
 */
export function toDiagnostics(config: LoadedConfig, errors: readonly ErrorObject[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of pruneErrors(errors)) {
    // An unknown or invalid key is located at the key itself.
    const key = error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : error.propertyName;
    const pointer = key === undefined ? error.instancePath : `${error.instancePath}/${escapePointer(key)}`;
    const description = describeError(error);
    const hint = key === '<<' || pointer.endsWith('/<<') ? `${/[.?]$/.test(description) ? '' : '.'}${MERGE_KEY_HINT}` : '';
    const message = `${pointer || '/'}: ${description}${hint}`;
    if (seen.has(message)) continue;
    seen.add(message);
    const at = config.locate(pointer, { key: key !== undefined });
    out.push({ file: config.file, line: at.line, col: at.col, severity: 'error', code: 'AG200', message, pointer });
  }
  return out;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
