/** Pure facts about schema nodes for the config reference: types, allowed values, constraints, shapes. */
import { code } from './markdownText.js';
import type { Schema, SchemaNode } from './schemaNode.js';

const ALL_TYPES = ['array', 'boolean', 'null', 'number', 'object', 'string'];
/** How deep `allOf`/`$ref` chains are followed before a node is taken as opaque. */
export const MAX_DEPTH = 40;

export function withoutRef(schema: SchemaNode): SchemaNode {
  const { $ref: _ref, ...rest } = schema;
  return rest;
}

const ANNOTATIONS = new Set(['title', 'description', 'markdownDescription', 'examples', 'default', '$comment', 'deprecated']);

/** A node without its annotations, for telling shapes apart. */
export function shapeOnly(node: SchemaNode): Record<string, unknown> {
  return Object.fromEntries(Object.entries(node).filter(([k]) => !ANNOTATIONS.has(k)));
}

export function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function pick(node: SchemaNode, ...keys: string[]): unknown {
  for (const k of keys) if (typeof node[k] === 'string') return node[k];
  return undefined;
}

export function uniq<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

export function splitUnion(t: string): string[] {
  return t.includes(' | ') && !t.startsWith('(') ? t.split(' | ') : [t];
}

export function coverAll(types: readonly string[]): boolean {
  const set = new Set(types.map((t) => (t === 'integer' ? 'number' : t)));
  return ALL_TYPES.every((t) => set.has(t)) || set.has('any');
}

export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Values from `const`/`enum`, directly or in `anyOf`/`oneOf` branches (a `{param}` branch adds nothing). */
export function allowedValues(node: SchemaNode, resolve: (s: Schema) => SchemaNode): unknown[] | undefined {
  if ('const' in node) return [node.const];
  if (node.enum) return [...node.enum];
  const branches = node.oneOf ?? node.anyOf;
  if (!branches) return undefined;
  const values: unknown[] = [];
  let open = false;
  for (const b of branches) {
    const n = resolve(b);
    if ('const' in n) values.push(n.const);
    else if (n.enum) values.push(...n.enum);
    else if (n.type === 'object' || n.properties) continue; // `{param}` and other object shapes
    else open = true;
  }
  return open || values.length === 0 ? undefined : values;
}

export function constraintsOf(node: SchemaNode): string[] {
  const c: string[] = [];
  if (node.pattern !== undefined) c.push(`pattern ${code(node.pattern)}`);
  if (node.format !== undefined) c.push(`format ${code(node.format)}`);
  if (node.minLength !== undefined && node.maxLength !== undefined) c.push(`${node.minLength}-${node.maxLength} characters`);
  else if (node.minLength !== undefined) c.push(`at least ${node.minLength} character${node.minLength === 1 ? '' : 's'}`);
  else if (node.maxLength !== undefined) c.push(`at most ${node.maxLength} characters`);
  if (node.minimum !== undefined) c.push(`≥ ${node.minimum}`);
  if (node.exclusiveMinimum !== undefined) c.push(`> ${node.exclusiveMinimum}`);
  if (node.maximum !== undefined) c.push(`≤ ${node.maximum}`);
  if (node.exclusiveMaximum !== undefined) c.push(`< ${node.exclusiveMaximum}`);
  if (node.multipleOf !== undefined) c.push(`a multiple of ${node.multipleOf}`);
  if (node.minItems !== undefined && node.maxItems !== undefined) c.push(`${node.minItems}-${node.maxItems} items`);
  else if (node.minItems !== undefined) c.push(`at least ${node.minItems} item${node.minItems === 1 ? '' : 's'}`);
  else if (node.maxItems !== undefined) c.push(`at most ${node.maxItems} items`);
  if (node.uniqueItems === true) c.push('no duplicates');
  if (node.minProperties !== undefined) c.push(`at least ${node.minProperties} key${node.minProperties === 1 ? '' : 's'}`);
  if (node.maxProperties !== undefined) c.push(`at most ${node.maxProperties} keys`);
  return c;
}

/** Branches that only require keys (`oneOf: [{required: [a]}, {required: [b]}]`), else undefined. */
export function requiredOnlyBranches(branches: readonly Schema[] | undefined): string[][] | undefined {
  if (!branches || branches.length === 0) return undefined;
  const out: string[][] = [];
  for (const b of branches) {
    if (typeof b !== 'object' || !b.required || Object.keys(b).some((k) => k !== 'required')) return undefined;
    out.push([...b.required]);
  }
  return out;
}

/** JSON with sorted object keys, for comparing shapes. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}
