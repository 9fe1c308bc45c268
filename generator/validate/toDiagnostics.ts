import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../diagnostics.js';
import type { LoadedConfig } from '../load/loadConfig.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';

/**
 * Turn Ajv errors into located, readable diagnostics. Ajv reports every failed branch of an `anyOf`
 * (e.g. "must be string" AND "must be object" for a string-or-`{param}` value); we keep only the branch
 * that fits the value's shape, so each mistake yields one message that says what was expected.
 */
export function toDiagnostics(config: LoadedConfig, errors: readonly ErrorObject[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of pruneErrors(errors)) {
    const pointer = error.keyword === 'additionalProperties'
      ? `${error.instancePath}/${escapePointer(String(error.params.additionalProperty))}`
      : error.keyword === 'required'
        ? error.instancePath
        : error.instancePath;
    const message = `${pointer || '/'}: ${describe(error)}`;
    if (seen.has(message)) continue;
    seen.add(message);
    const at = config.locate(pointer, { key: error.keyword === 'additionalProperties' });
    out.push({ file: config.file, line: at.line, col: at.col, severity: 'error', code: 'AG200', message, pointer });
  }
  return out;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Drop `if` noise and the failed branches of `anyOf` that do not fit the value's type. Ajv reports a
 * branch's errors just before the `anyOf` error itself (branch errors under a `$ref` carry the referenced
 * schema's path, so they are found by position and instance path, not by schema path).
 */
function pruneErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const kept = errors.filter((e) => e.keyword !== 'if');
  const drop = new Set<ErrorObject>();
  kept.forEach((anyOf, i) => {
    if (anyOf.keyword !== 'anyOf') return;
    const branch: ErrorObject[] = [];
    for (let j = i - 1; j >= 0; j--) {
      const e = kept[j]!;
      if (!(e.instancePath === anyOf.instancePath || e.instancePath.startsWith(`${anyOf.instancePath}/`)) || drop.has(e)) break;
      branch.push(e);
    }
    const wrongType = branch.filter((e) => e.keyword === 'type' && e.instancePath === anyOf.instancePath);
    const fitting = branch.filter((e) => !wrongType.includes(e));
    if (fitting.length > 0) {
      for (const e of wrongType) drop.add(e);
      drop.add(anyOf);
    } else {
      for (const e of branch) drop.add(e);
    }
  });
  return kept.filter((e) => !drop.has(e));
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const schema = error.parentSchema as Record<string, unknown> | undefined;
  const about = typeof schema?.description === 'string' ? ` (${schema.description})` : '';
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((schema?.properties as object | undefined) ?? {});
      const hint = suggestionHint(didYouMean(key, known));
      return `unknown key '${key}'.${hint || (known.length ? ` Expected one of: ${known.join(', ')}.` : '')}`;
    }
    case 'required':
      return `missing required key '${String(params.missingProperty)}'`;
    case 'type':
      return `expected ${String(params.type).replace(/,/g, ' or ')}, got ${typeName(error.data)}`;
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      const hint = typeof error.data === 'string' ? suggestionHint(didYouMean(error.data, (params.allowedValues as unknown[]).map(String))) : '';
      return `${JSON.stringify(error.data)} is not allowed; expected one of ${allowed.join(', ')}.${hint}`;
    }
    case 'const':
      return `expected ${JSON.stringify(params.allowedValue)}`;
    case 'anyOf':
      return `expected ${typeof schema?.description === 'string' ? lowerFirst(schema.description).replace(/\.$/, '') : 'a different value'}, got ${typeName(error.data)}`;
    case 'pattern':
      return `${JSON.stringify(error.data)} does not have the required form${about || ` (pattern ${String(params.pattern)})`}`;
    case 'discriminator':
      return params.error === 'mapping'
        ? `'${String(params.tagValue)}' is not a known ${String(params.tag)}; expected one of ${discriminatorValues(schema).join(', ')}`
        : `missing '${String(params.tag)}'`;
    case 'propertyNames':
      return `invalid key ${JSON.stringify(params.propertyName)}`;
    case 'uniqueItems':
      return `items ${String(params.j)} and ${String(params.i)} are the same; each may appear once`;
    default:
      return `${error.message ?? 'is invalid'}${about}`;
  }
}

function discriminatorValues(schema: Record<string, unknown> | undefined): string[] {
  const branches = (schema?.oneOf as { properties?: { kind?: { const?: string } } }[] | undefined) ?? [];
  return branches.map((b) => `'${b.properties?.kind?.const ?? '?'}'`);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`.slice(0, 80);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
