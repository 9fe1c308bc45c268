import type { ErrorObject } from 'ajv';
import { retiredFeatureMessage, retiredFeatureOfKey } from '../azure/retiredFeatures.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import { isSecretField } from './secretFields.js';

type Schema = Record<string, unknown>;

/**
 * One Ajv error as a sentence for the user: what was expected and what was found, in the words of the
 * schema's descriptions, never its internal definition names (`scopeResourceGroup`, `paramRef`) nor
 * Ajv's own phrasing ("must NOT have fewer than 1 items").
 */
export function describeError(error: ErrorObject): string {
  if (isSecretField(error.instancePath)) return describeValue(withoutSecret(error));
  if (error.propertyName !== undefined) return `invalid key ${JSON.stringify(error.propertyName)}: ${describeValue(error).replace(/^".*?" /, 'it ')}`;
  return describeValue(error);
}

/** What a value that is most likely a secret is shown as: its type only (see secretFields.ts). */
class HiddenSecret {
  constructor(readonly type: string) {}
  toJSON(): string {
    return `a ${this.type} (not shown: this field holds a secret)`;
  }
}

/** The error with a primitive value replaced by its type: every message below shows it through JSON.stringify or typeName. */
function withoutSecret(error: ErrorObject): ErrorObject {
  const data: unknown = error.data;
  if (data === null || typeof data === 'object') return error;
  return { ...error, data: new HiddenSecret(typeof data) };
}

function describeValue(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const schema = error.parentSchema as Schema | undefined;
  const about = typeof schema?.description === 'string' ? ` (${schema.description})` : '';
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      if (key === '<<') return "unknown key '<<'."; // toDiagnostics adds the merge-key hint
      // A key naming a retired feature gets the retirement and its replacement, not a did-you-mean.
      const retired = retiredFeatureOfKey(key);
      if (retired) return retiredFeatureMessage(key, retired);
      const known = Object.keys((schema?.properties as object | undefined) ?? {});
      const hint = suggestionHint(didYouMean(key, known));
      return `unknown key '${key}'.${hint || (known.length ? ` Expected one of: ${known.join(', ')}.` : '')}`;
    }
    case 'required':
      return `missing required key '${String(params.missingProperty)}'`;
    case 'type':
      return `expected ${String(params.type).replace(/,/g, ' or ')}, got ${typeName(error.data)}${yaml11BooleanHint(error.data, String(params.type).split(',').includes('boolean'))}`;
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      const hint = typeof error.data === 'string' ? suggestionHint(didYouMean(error.data, (params.allowedValues as unknown[]).map(String))) : '';
      return `${JSON.stringify(error.data)} is not allowed; expected one of ${allowed.join(', ')}.${hint}`;
    }
    case 'const':
      return `expected ${JSON.stringify(params.allowedValue)}`;
    case 'anyOf': {
      const keys = oneOfRequiredKeys(error.schema);
      if (keys) return `missing one of the keys ${keys.map((k) => `'${k}'`).join(', ')}${about}`;
      const expected = typeof schema?.description === 'string' ? lowerFirst(schema.description).replace(/\.$/, '') : 'a different value';
      return `expected ${expected}, got ${typeName(error.data)}${yaml11BooleanHint(error.data, acceptsBoolean(schema))}`;
    }
    case 'pattern':
      return `${JSON.stringify(error.data)} does not have the required form${about || ` (pattern ${String(params.pattern)})`}`;
    case 'discriminator':
      return describeDiscriminator(params, schema, error.data);
    case 'uniqueItems':
      return `items ${String(params.j)} and ${String(params.i)} are the same; each may appear once`;
    default:
      return `${describeBound(error.keyword, params) ?? error.message ?? 'is invalid'}${about}`;
  }
}

/** minItems, maxLength, minimum...: Ajv says "must NOT have fewer than 1 items"; we say what is needed. */
function describeBound(keyword: string, params: Record<string, unknown>): string | undefined {
  const limit = Number(params.limit);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  switch (keyword) {
    case 'minItems':
      return `needs at least ${plural(limit, 'item')}`;
    case 'maxItems':
      return `may have at most ${plural(limit, 'item')}`;
    case 'minLength':
      return `needs at least ${plural(limit, 'character')}`;
    case 'maxLength':
      return `may have at most ${plural(limit, 'character')}`;
    case 'minProperties':
      return `needs at least ${limit} ${limit === 1 ? 'entry' : 'entries'}`;
    case 'maxProperties':
      return `may have at most ${limit} ${limit === 1 ? 'entry' : 'entries'}`;
    case 'minimum':
      return `must be at least ${limit}`;
    case 'maximum':
      return `must be at most ${limit}`;
    default:
      return undefined;
  }
}

/** The discriminator (`kind`) picks one variant: name the allowed kinds, never the variants' titles. */
function describeDiscriminator(params: Record<string, unknown>, schema: Schema | undefined, data: unknown): string {
  const tag = String(params.tag);
  const values = discriminatorValues(schema).join(', ');
  if (params.error === 'mapping') return `'${String(params.tagValue)}' is not a known ${tag}; expected one of ${values}`;
  const present = typeof data === 'object' && data !== null && tag in data;
  return present ? `'${tag}' must be one of ${values}; got ${typeName(params.tagValue)}` : `missing '${tag}': one of ${values}`;
}

function discriminatorValues(schema: Schema | undefined): string[] {
  const branches = (schema?.oneOf as { properties?: { kind?: { const?: string } } }[] | undefined) ?? [];
  return branches.map((b) => `'${b.properties?.kind?.const ?? '?'}'`);
}

function acceptsBoolean(schema: Schema | undefined): boolean {
  return ((schema?.anyOf as Schema[] | undefined) ?? []).some((b) => b.type === 'boolean');
}

/** YAML 1.1 read these as booleans; YAML 1.2 (and armgen) read them as strings. */
const YAML11_TRUE = /^(?:y|yes|on)$/i;
const YAML11_FALSE = /^(?:n|no|off)$/i;

function yaml11BooleanHint(data: unknown, booleanExpected: boolean): string {
  if (!booleanExpected || typeof data !== 'string') return '';
  const meant = YAML11_TRUE.test(data) ? 'true' : YAML11_FALSE.test(data) ? 'false' : undefined;
  return meant ? `. YAML 1.2 reads \`${data}\` as a string, not a boolean: write ${meant}` : '';
}

function typeName(value: unknown): string {
  if (value instanceof HiddenSecret) return value.toJSON();
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`.slice(0, 80);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** `anyOf: [{ required: [a] }, { required: [b] }]`: the keys of which one must be given, else undefined. */
function oneOfRequiredKeys(schema: unknown): string[] | undefined {
  if (!Array.isArray(schema)) return undefined;
  const keys = schema.map((b) => (b && typeof b === 'object' && Array.isArray((b as { required?: unknown }).required) && Object.keys(b).length === 1 ? ((b as { required: string[] }).required) : undefined));
  return keys.every((k) => k?.length === 1) ? keys.map((k) => k![0]!) : undefined;
}
