import { setOwn } from '../util/ownProperty.js';

/** Keys that lead a template or parameter file, in the order Azure's own tools write them. */
const HEAD_ORDER = ['$schema', 'languageVersion', 'contentVersion', 'metadata', 'parameters', 'variables', 'resources', 'outputs'];

/**
 * Canonical JSON text: fixed head key order, other keys in rendered order, 2-space indent, LF, final
 * newline. Same input, same bytes, on every machine.
 */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(orderHead(value), null, 2)}\n`;
}

export function orderHead(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const put = (k: string) => setOwn(out, k, source[k]);
  for (const k of HEAD_ORDER) if (Object.prototype.hasOwnProperty.call(source, k)) put(k);
  for (const k of Object.keys(source)) if (!HEAD_ORDER.includes(k)) put(k);
  return out;
}
