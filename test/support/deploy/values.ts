/**
 * Values of the deploy simulator: what an ARM expression evaluates to (plain JSON), plus the helpers every
 * other file of the simulator shares (deterministic GUID stand-ins, ARM's case-insensitive comparisons).
 */
import { createHash } from 'node:crypto';

export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };
export type ObjectValue = { [key: string]: Value };

/**
 * Marks an object whose properties the simulator does not know (a resource that already exists in the simulated
 * Azure but that no template deployed): reading any property gives an opaque, stable placeholder instead of an
 * error, because the real resource would have it.
 */
export const OPEN = Symbol('open object');

export const isObject = (v: unknown): v is ObjectValue => typeof v === 'object' && v !== null && !Array.isArray(v);

/** ARM compares resource IDs, types and names case-insensitively (resource-name-rules: "case-insensitive"). */
export const sameText = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * A stable, opaque UUID made from `parts` (SHA-1 based, version-5 layout). Stands in for ARM's `guid()`: the real
 * function is also a v5 UUID of its joined arguments, but the harness only needs "same input, same output".
 */
export function stableGuid(...parts: readonly string[]): string {
  const h = createHash('sha1').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(h[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A short opaque hash (stand-in for `uniqueString()`: 13 characters, lower case). */
export function stableHash(...parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 13);
}

/**
 * What `string()` gives and what a value looks like inside `format`/`concat`: strings as they are, objects and
 * arrays as compact JSON, booleans as .NET prints them ("True"), null as ''.
 */
export function armString(v: Value): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/** A failure of expression evaluation: ARM would stop the deployment (validation or the operation fails). */
export class EvaluationError extends Error {
  constructor(
    message: string,
    /**
     * Which rule the failure breaks: `templateLink` (a missing `deployment().properties.templateLink`), `placement`
     * (a function used where ARM does not allow it), `missingParameter`, or `general`.
     */
    readonly kind: 'general' | 'templateLink' | 'placement' | 'missingParameter' = 'general',
  ) {
    super(message);
    this.name = 'EvaluationError';
  }
}

/** Deep copy through JSON (values are plain JSON by construction). */
export const cloneValue = <T extends Value>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * Something the simulator does not model (an unknown function, a copy loop). Never reported as a violation: the
 * harness is wrong, not the template, so the test must fail loudly and someone must extend the harness.
 */
export class NotModelled extends Error {
  constructor(message: string) {
    super(`deploy simulator: ${message} is not modelled (extend test/support/deploy/)`);
    this.name = 'NotModelled';
  }
}
