/**
 * Walk a config schema and collect one reference entry per documented field, in schema order: object
 * properties, map values (`path.<name>`), array items (`path[]`), and the fields of each variant of a
 * discriminated `oneOf`.
 */
import { code, json, oneLine } from './markdownText.js';
import { allowedValues, constraintsOf, jsonType, MAX_DEPTH, pick, uniq } from './schemaFacts.js';
import type { Schema, SchemaNode } from './schemaNode.js';
import type { Discriminator, ObjectShape, SchemaReader } from './schemaReader.js';
import type { TypeNamer } from './typeNames.js';

/** One documented field. */
export interface Entry {
  readonly path: string;
  /** `kind: resource` for a field that exists only in one variant of a discriminated `oneOf`. */
  readonly variant?: string;
  readonly type: string;
  /** 'yes' | 'no' | 'when ...' | '' (array items and map values are neither). */
  readonly required: string;
  readonly description?: string;
  readonly defaultValue?: unknown;
  readonly allowed?: readonly unknown[];
  readonly examples?: readonly unknown[];
  readonly constraints: readonly string[];
  readonly notes: readonly string[];
  readonly deprecated: boolean;
}

export class FieldCollector {
  readonly entries: Entry[] = [];
  constructor(
    private readonly reader: SchemaReader,
    private readonly types: TypeNamer,
  ) {}

  /** Document the children of `schema` (which lives at `path`). */
  walkFields(schema: Schema, path: string, seen: readonly string[], depth: number, variant: string | undefined, asShorthand = false): void {
    const { node, refs } = this.reader.resolve(schema, seen);
    const chain = [...seen, ...refs];
    if (depth > MAX_DEPTH || (refs.length > 0 && seen.includes(refs[refs.length - 1] as string))) return;
    if (!asShorthand && this.reader.shorthandName(node)) return; // documented once, under "Shorthands"

    // Object properties, schema order.
    const shape = this.reader.objectShape(node, chain);
    for (const [name, child] of shape.properties) {
      const childPath = path ? `${path}.${name}` : name;
      this.addEntry(child, childPath, requiredText(shape, name), chain, depth, variant);
    }
    // Maps: pattern properties (sorted: the schema does not order them), then additional properties.
    for (const pattern of Object.keys(node.patternProperties ?? {}).sort()) {
      const child = (node.patternProperties as Record<string, Schema>)[pattern] as Schema;
      this.addEntry(child, `${path}.<name>`, '', chain, depth, variant, [`Keys: match ${code(pattern)}.`]);
    }
    if (node.additionalProperties !== undefined && typeof node.additionalProperties !== 'boolean') {
      this.addEntry(node.additionalProperties, `${path}.<name>`, '', chain, depth, variant, this.keyNotes(node));
    }
    // Arrays.
    if (node.items !== undefined && !Array.isArray(node.items)) {
      this.addEntry(node.items as Schema, `${path}[]`, '', chain, depth, variant);
    } else if (Array.isArray(node.items)) {
      (node.items as Schema[]).forEach((item, i) => this.addEntry(item, `${path}[${i}]`, '', chain, depth, variant));
    }
    // Alternatives: a discriminated oneOf/anyOf documents each variant's fields; other object branches
    // are walked at the same path.
    const branches = node.oneOf ?? node.anyOf;
    if (branches) {
      const disc = this.reader.discriminator(node, branches, chain);
      if (disc) {
        for (const b of disc.variants) {
          for (const [name, child] of b.shape.properties) {
            if (name === disc.property) continue;
            this.addEntry(child, path ? `${path}.${name}` : name, requiredText(b.shape, name), b.chain, depth, b.label);
          }
        }
      } else {
        const walkable = branches.filter((b) => this.hasFields(b, chain));
        walkable.forEach((b, i) => {
          const label = walkable.length > 1 ? (this.reader.resolve(b, chain).node.title ?? `variant ${i + 1}`) : variant;
          this.walkFields(b, path, chain, depth + 1, label);
        });
      }
    }
  }

  private hasFields(schema: Schema, seen: readonly string[]): boolean {
    const { node } = this.reader.resolve(schema, seen);
    if (this.reader.shorthandName(node)) return false;
    return Boolean(node.properties || node.patternProperties || (node.additionalProperties !== undefined && typeof node.additionalProperties !== 'boolean') || node.items !== undefined || node.allOf);
  }

  private keyNotes(node: SchemaNode): string[] {
    if (node.propertyNames === undefined || typeof node.propertyNames === 'boolean') return [];
    const { node: keys } = this.reader.resolve(node.propertyNames);
    const parts: string[] = [];
    if ('const' in keys) parts.push(`exactly ${code(json(keys.const))}`);
    if (keys.enum) parts.push(`one of ${keys.enum.map((v) => code(String(v))).join(', ')}`);
    parts.push(...constraintsOf(keys));
    const desc = keys.description ?? keys.markdownDescription;
    const text = parts.length ? `Keys: ${parts.join('; ')}.` : '';
    return [[text, desc ? `Keys: ${oneLine(desc)}` : ''].filter(Boolean).join(' ').replace(/\. Keys: /, '. ')].filter(Boolean);
  }

  private addEntry(schema: Schema, path: string, required: string, seen: readonly string[], depth: number, variant: string | undefined, extraNotes: readonly string[] = []): void {
    const { node, refs } = this.reader.resolve(schema, seen);
    const recursive = refs.length > 0 && seen.includes(refs[refs.length - 1] as string);
    const type = this.types.typeOf(schema, seen);
    const notes: string[] = [...extraNotes];
    if (recursive) notes.push(`Recursive: the same shape as its enclosing ${code(refs[refs.length - 1] as string)}.`);
    const chain = [...seen, ...refs];
    const branches = node.oneOf ?? node.anyOf;
    let allowed = allowedValues(node, (s) => this.reader.resolve(s, chain).node);
    if (branches && !recursive) {
      const disc = this.reader.discriminator(node, branches, chain);
      if (disc) {
        for (const v of disc.variants) {
          const d = v.node.description ?? v.node.markdownDescription;
          notes.push(`${code(v.label)}${d ? `: ${oneLine(d)}` : ''}`);
        }
      }
    }
    if (!recursive) {
      const shape = this.reader.objectShape(node, chain);
      notes.push(...uniq(shape.rules));
      if (shape.properties.size > 0 && node.additionalProperties === undefined && !node.oneOf && !node.anyOf) notes.push('Other keys: allowed, not checked.');
    }
    if (allowed && allowed.length === 0) allowed = undefined;
    const entry: Entry = {
      path,
      ...(variant !== undefined ? { variant } : {}),
      type,
      required,
      ...(pick(node, 'markdownDescription', 'description') !== undefined ? { description: pick(node, 'markdownDescription', 'description') as string } : {}),
      ...('default' in node ? { defaultValue: node.default } : {}),
      ...(allowed ? { allowed } : {}),
      ...(node.examples && node.examples.length ? { examples: node.examples } : {}),
      constraints: this.constraintsDeep(node, chain),
      notes,
      deprecated: node.deprecated === true,
    };
    this.entries.push(entry);
    if (!recursive) {
      this.walkFields(schema, path, seen, depth + 1, variant);
      // A discriminated node's own discriminator field, documented once for all variants.
      if (branches) {
        const disc = this.reader.discriminator(node, branches, chain);
        if (disc) this.insertDiscriminator(path, disc, variant);
      }
    }
  }

  /** Constraints of the node, plus those of its only typed `anyOf` branch (`string` with a pattern | `{param}`). */
  private constraintsDeep(node: SchemaNode, chain: readonly string[]): string[] {
    const own = constraintsOf(node);
    const branches = node.oneOf ?? node.anyOf;
    if (!branches) return own;
    const typed = branches.map((b) => this.reader.resolve(b, chain).node).filter((b) => !this.reader.shorthandName(b));
    if (typed.length !== 1) return own;
    return uniq([...own, ...constraintsOf(typed[0] as SchemaNode)]);
  }

  private insertDiscriminator(path: string, disc: Discriminator, variant: string | undefined): void {
    const at = this.entries.findIndex((e) => e.path === path && e.variant === variant);
    const first = disc.variants[0];
    const p = first ? first.shape.properties.get(disc.property) : undefined;
    const pn = p === undefined ? {} : this.reader.resolve(p, first?.chain ?? []).node;
    const entry: Entry = {
      path: path ? `${path}.${disc.property}` : disc.property,
      ...(variant !== undefined ? { variant } : {}),
      type: uniq(disc.values.map(jsonType)).join(' | '),
      required: disc.required ? 'yes' : 'no',
      description: pn.description ?? `Selects the variant; the other fields depend on it.`,
      allowed: disc.values,
      constraints: [],
      notes: [],
      deprecated: false,
    };
    this.entries.splice(at + 1, 0, entry);
  }
}

/** 'yes', 'no' or 'when <condition>, or when <condition>' for a property of an object shape. */
function requiredText(shape: ObjectShape, name: string): string {
  const when = shape.requiredWhen.get(name);
  return shape.required.has(name) ? 'yes' : when ? `when ${uniq(when).join(', or when ')}` : 'no';
}
