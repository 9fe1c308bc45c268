/**
 * Deterministic names: Bicep symbolic names and output names derived from config names. No randomness,
 * no clock; collisions are resolved by a numeric suffix in the order names are requested (which is the
 * config's order), so the same config always yields the same names.
 */

/** Bicep reserved words and namespace names a symbol must not shadow (Azure/bicep LanguageConstants). */
const RESERVED = new Set([
  'metadata', 'param', 'var', 'resource', 'module', 'output', 'targetScope', 'import', 'using', 'extends', 'type', 'func',
  'existing', 'if', 'for', 'in', 'true', 'false', 'null', 'az', 'sys', 'assert', 'with', 'as', 'extension', 'provider', 'test',
]);

/** `kv-secrets_reader` -> `kvSecretsReader`; a leading digit gets a prefix. */
export function camelCase(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words
    .map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
  return /^[A-Za-z_]/.test(joined) ? joined : `x${joined}`;
}

export function pascalCase(text: string): string {
  const c = camelCase(text);
  return c.charAt(0).toUpperCase() + c.slice(1);
}

/** Hands out unique Bicep identifiers within one template. */
export class SymbolTable {
  private readonly used = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.used.add(r.toLowerCase());
  }

  /** A unique identifier built from the parts (camel-cased), suffixed 2, 3... on collision. */
  take(...parts: string[]): string {
    const base = camelCase(parts.join('-')) || 'resource';
    let candidate = RESERVED.has(base) ? `${base}Resource` : base;
    for (let n = 2; this.used.has(candidate.toLowerCase()); n++) candidate = `${base}${n}`;
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}
