/**
 * Name a schema node's type as a reader sees it (`string | {param}`, `string[]`, `map of string`, `any`),
 * collecting the shorthand object shapes it meets so they are documented once each.
 */
import type { SchemaReader } from './schemaReader.js';
import { coverAll, jsonType, MAX_DEPTH, shapeOnly, splitUnion, stableJson, uniq } from './schemaFacts.js';
import type { Schema, SchemaNode } from './schemaNode.js';

export class TypeNamer {
  constructor(
    private readonly reader: SchemaReader,
    /** Shorthand object shapes (`{param}`), documented once each, by their rendered name. */
    readonly shorthands = new Map<string, SchemaNode>(),
  ) {}

  private registerShorthand(name: string, node: SchemaNode): string {
    let key = name;
    for (let i = 2; ; i++) {
      const existing = this.shorthands.get(key);
      if (existing === undefined) {
        this.shorthands.set(key, node);
        return key;
      }
      if (stableJson(shapeOnly(existing)) === stableJson(shapeOnly(node))) return key;
      key = `${name.slice(0, -1)}#${i}}`;
    }
  }

  /** The type as a reader sees it: `string | {param}`, `string[]`, `map of string`, `any`. */
  typeOf(schema: Schema | undefined, seen: readonly string[] = [], depth = 0): string {
    if (schema === undefined || schema === true) return 'any';
    if (schema === false) return 'never';
    const { node, refs } = this.reader.resolve(schema, seen);
    const chain = [...seen, ...refs];
    if (refs.length > 0 && seen.includes(refs[refs.length - 1] as string)) return 'object';
    if (depth > MAX_DEPTH) return 'any';
    const branches = node.oneOf ?? node.anyOf;
    const shorthand = this.reader.shorthandName(node);
    if (shorthand) {
      // Document the definition itself, not one use's sibling description.
      const bare = typeof schema.$ref === 'string' ? this.reader.resolve({ $ref: schema.$ref }, seen).node : node;
      return this.registerShorthand(shorthand, this.reader.shorthandName(bare) ? bare : node);
    }
    const own = this.ownTypes(node, chain, depth);
    if (branches && branches.length > 0) {
      const parts = uniq(branches.flatMap((b) => splitUnion(this.typeOf(b, chain, depth + 1))));
      // A typed node whose branches only refine it (e.g. `type: object` + discriminated `oneOf`).
      if (own.length > 0 && parts.every((p) => own.includes(p) || p === 'any')) return own.join(' | ');
      const plain = parts.filter((p) => !p.startsWith('{'));
      const shapes = parts.filter((p) => p.startsWith('{'));
      return [...(coverAll(plain) ? ['any'] : plain), ...shapes].join(' | ');
    }
    if (own.length > 0) return own.join(' | ');
    if (node.allOf) {
      for (const sub of node.allOf) {
        const t = this.typeOf(sub, chain, depth + 1);
        if (t !== 'any') return t;
      }
    }
    return 'any';
  }

  private ownTypes(node: SchemaNode, chain: readonly string[], depth: number): string[] {
    let types: string[];
    if (node.type !== undefined) types = typeof node.type === 'string' ? [node.type] : [...node.type];
    else if ('const' in node) types = [jsonType(node.const)];
    else if (node.enum) types = uniq(node.enum.map(jsonType));
    else if (node.properties || node.additionalProperties !== undefined || node.patternProperties) types = ['object'];
    else if (node.items !== undefined) types = ['array'];
    else return [];
    if (coverAll(types)) return ['any'];
    return types.map((t) => {
      if (t === 'array') {
        const items = node.items;
        if (items === undefined || Array.isArray(items)) return 'array';
        const inner = this.typeOf(items as Schema, chain, depth + 1);
        return inner.includes(' | ') ? `(${inner})[]` : `${inner}[]`;
      }
      if (t === 'object' && !node.properties && !node.patternProperties && node.additionalProperties !== undefined && typeof node.additionalProperties !== 'boolean') {
        const inner = this.typeOf(node.additionalProperties, chain, depth + 1);
        return inner.includes(' | ') ? `map of (${inner})` : `map of ${inner}`;
      }
      return t;
    });
  }
}
