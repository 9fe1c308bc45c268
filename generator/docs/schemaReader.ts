/**
 * Read a config schema for the reference: follow local `$ref`s, merge an object's `allOf` parts, spell
 * `if`/`then` conditions, and recognise shorthand shapes (`{param}`) and discriminated `oneOf`s.
 * Stateless over its root schema.
 */
import { code, json } from './markdownText.js';
import { MAX_DEPTH, pushTo, requiredOnlyBranches, withoutRef } from './schemaFacts.js';
import type { Schema, SchemaNode } from './schemaNode.js';

/** An object node's fields and rules, merged over its `allOf`. */
export interface ObjectShape {
  readonly properties: Map<string, Schema>;
  readonly required: Set<string>;
  readonly requiredWhen: Map<string, string[]>;
  readonly rules: string[];
}

/** A `oneOf`/`anyOf` whose branches each pin one property (`kind`) to their own values. */
export type Discriminator = NonNullable<ReturnType<SchemaReader['discriminator']>>;

export class SchemaReader {
  constructor(readonly root: SchemaNode) {}

  /** Follow `$ref`s; sibling keywords of a `$ref` (description, default, examples) win over the target's. */
  resolve(schema: Schema | undefined, seen: readonly string[] = []): { node: SchemaNode; refs: string[] } {
    if (schema === undefined || schema === true) return { node: {}, refs: [] };
    if (schema === false) return { node: { not: {} }, refs: [] };
    if (typeof schema.$ref !== 'string') return { node: schema, refs: [] };
    const ref = schema.$ref;
    if (seen.includes(ref)) return { node: withoutRef(schema), refs: [ref] };
    const target = this.lookup(ref);
    const inner = this.resolve(target, [...seen, ref]);
    const merged: Record<string, unknown> = { ...inner.node };
    for (const [k, v] of Object.entries(schema)) if (k !== '$ref') merged[k] = v;
    return { node: merged as SchemaNode, refs: [ref, ...inner.refs] };
  }

  private lookup(ref: string): Schema {
    // A remote schema is not fetched (the output must not depend on the network): documented by its URI.
    if (!ref.startsWith('#')) return { description: `Defined by ${code(ref)}.` };
    let at: unknown = this.root;
    for (const raw of ref.slice(1).split('/').filter((s) => s !== '')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (typeof at !== 'object' || at === null || !(key in at)) throw new Error(`renderConfigReference: unresolvable $ref ${ref}`);
      at = (at as Record<string, unknown>)[key];
    }
    return at as Schema;
  }

  /** Properties, required names and `if`/`then` rules of an object node, merged over its `allOf`. */
  objectShape(node: SchemaNode, refs: readonly string[]): ObjectShape {
    const properties = new Map<string, Schema>();
    const required = new Set<string>();
    const requiredWhen = new Map<string, string[]>();
    const rules: string[] = [];
    const visit = (n: SchemaNode, depth: number) => {
      for (const [k, v] of Object.entries(n.properties ?? {})) {
        const prev = properties.get(k);
        properties.set(k, prev === undefined || prev === true ? v : prev);
      }
      for (const k of n.required ?? []) required.add(k);
      if (n.if !== undefined && (n.then !== undefined || n.else !== undefined)) {
        const cond = this.condition(n.if);
        const then = this.resolve(n.then).node;
        const otherwise = this.resolve(n.else).node;
        for (const k of then.required ?? []) pushTo(requiredWhen, k, cond);
        for (const k of otherwise.required ?? []) pushTo(requiredWhen, k, `not (${cond})`);
      }
      for (const [k, deps] of Object.entries(n.dependentRequired ?? {})) for (const d of deps) pushTo(requiredWhen, d, `${code(k)} is set`);
      for (const [k, deps] of Object.entries(n.dependencies ?? {})) {
        if (Array.isArray(deps)) for (const d of deps as readonly string[]) pushTo(requiredWhen, d, `${code(k)} is set`);
      }
      if (n.not !== undefined && n.not !== true && n.not !== false) {
        const not = this.resolve(n.not).node;
        const names = not.required ?? [];
        if (names.length > 1 && !not.properties) rules.push(`${names.map(code).join(' and ')} cannot be used together.`);
        const anyReq = requiredOnlyBranches(not.anyOf ?? not.oneOf);
        if (anyReq) rules.push(`None of ${anyReq.map((b) => b.map(code).join(' + ')).join(', ')} may be set.`);
      }
      const oneReq = requiredOnlyBranches(n.oneOf);
      if (oneReq) rules.push(`Exactly one of ${oneReq.map((b) => b.map(code).join(' + ')).join(', ')}.`);
      const anyReq = requiredOnlyBranches(n.anyOf);
      if (anyReq) rules.push(`At least one of ${anyReq.map((b) => b.map(code).join(' + ')).join(', ')}.`);
      if (depth < MAX_DEPTH) for (const sub of n.allOf ?? []) visit(this.resolve(sub, refs).node, depth + 1);
    };
    visit(node, 0);
    return { properties, required, requiredWhen, rules };
  }

  /** A readable form of an `if` schema: `kind` is `"x"` and `y` is set. */
  private condition(ifSchema: Schema): string {
    const node = this.resolve(ifSchema).node;
    const parts: string[] = [];
    for (const [k, v] of Object.entries(node.properties ?? {})) {
      const p = this.resolve(v).node;
      if ('const' in p) parts.push(`${code(k)} is ${code(json(p.const))}`);
      else if (p.enum) parts.push(`${code(k)} is one of ${p.enum.map((e) => code(json(e))).join(', ')}`);
      else if (p.not !== undefined) parts.push(`${code(k)} has another value`);
      else parts.push(`${code(k)} matches its condition`);
    }
    for (const k of node.required ?? []) if (!(node.properties && k in node.properties)) parts.push(`${code(k)} is set`);
    return parts.length ? parts.join(' and ') : 'a condition holds';
  }

  /** `{param}` for an object with exactly one property, which is required, and nothing else. */
  shorthandName(node: SchemaNode): string | undefined {
    if (!node.properties || node.additionalProperties !== false) return undefined;
    const keys = Object.keys(node.properties);
    if (keys.length !== 1 || node.patternProperties || node.allOf || node.anyOf || node.oneOf) return undefined;
    const only = keys[0] as string;
    if (!(node.required ?? []).includes(only)) return undefined;
    const value = this.resolve(node.properties[only]).node;
    if ('const' in value || value.enum) return undefined; // a variant with only its discriminator
    return `{${only}}`;
  }

  /** `kind` when every branch pins it with a `const` (or the schema names it in `discriminator`). */
  discriminator(node: SchemaNode, branches: readonly Schema[], chain: readonly string[]) {
    const resolved = branches.map((b) => {
      const r = this.resolve(b, chain);
      const branchChain = [...chain, ...r.refs];
      return { node: r.node, chain: branchChain, shape: this.objectShape(r.node, branchChain) };
    });
    const candidates = node.discriminator?.propertyName ? [node.discriminator.propertyName] : [...(resolved[0]?.shape.properties.keys() ?? [])];
    for (const property of candidates) {
      const values = resolved.map((b) => {
        const p = b.shape.properties.get(property);
        if (p === undefined) return undefined;
        const pn = this.resolve(p, b.chain).node;
        return 'const' in pn ? [pn.const] : pn.enum && pn.enum.length > 0 ? [...pn.enum] : undefined;
      });
      if (values.some((v) => v === undefined)) continue;
      const required = resolved.every((b) => b.shape.required.has(property) || (node.required ?? []).includes(property));
      return {
        property,
        required,
        values: values.flatMap((v) => v as unknown[]),
        variants: resolved.map((b, i) => ({
          ...b,
          values: values[i] as unknown[],
          label: `${property}: ${(values[i] as unknown[]).map((v) => (typeof v === 'string' ? v : json(v))).join(' | ')}`,
        })),
      };
    }
    return undefined;
  }
}
