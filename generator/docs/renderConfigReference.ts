/**
 * Render the config reference (docs/config-reference.md) from the config JSON Schema. Pure: schema in,
 * markdown out; no file system, clock or environment, so the same schema always yields the same bytes
 * (LF line endings, one final newline).
 *
 * Generic over the schema: it follows `$ref`s (local `#/...` pointers), `allOf`, `anyOf`/`oneOf` branches
 * (a discriminated `oneOf`, like the role-assignment scope kinds, becomes one set of fields per variant),
 * arrays (`path[]`), maps (`path.<name>`) and `if`/`then` requirements. Properties keep schema order;
 * unordered parts (pattern properties, shorthand shapes) are sorted.
 */

/** A JSON Schema node as far as the renderer reads it (draft-07 keywords). */
export interface SchemaNode {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly title?: string;
  readonly description?: string;
  readonly markdownDescription?: string;
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly patternProperties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: Schema;
  readonly propertyNames?: Schema;
  readonly required?: readonly string[];
  readonly items?: Schema | readonly Schema[];
  readonly anyOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly allOf?: readonly Schema[];
  readonly not?: Schema;
  readonly if?: Schema;
  readonly then?: Schema;
  readonly else?: Schema;
  readonly discriminator?: { readonly propertyName?: string };
  readonly deprecated?: boolean;
  readonly pattern?: string;
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly dependencies?: Readonly<Record<string, Schema | readonly string[]>>;
  readonly dependentRequired?: Readonly<Record<string, readonly string[]>>;
  readonly [key: string]: unknown;
}
export type Schema = SchemaNode | boolean;

export const STALE_MESSAGE = 'docs/config-reference.md is stale: run npm run gen:docs';
export const GENERATED_NOTE = '<!-- Generated from schemas/armgen.schema.json by `npm run gen:docs`. Do not edit by hand. -->';

/** One documented field. */
interface Entry {
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

const ALL_TYPES = ['array', 'boolean', 'null', 'number', 'object', 'string'];
const MAX_DEPTH = 40;

export interface ReferenceOptions {
  /** The page's H1. @default 'armgen config reference' */
  readonly title?: string;
}

/** Render the markdown reference for a config schema. */
export function renderConfigReference(root: SchemaNode, options: ReferenceOptions = {}): string {
  const r = new Renderer(root);
  r.walkFields(root, '', ['#'], 0, undefined);
  return r.markdown(options.title ?? 'armgen config reference');
}

class Renderer {
  private readonly entries: Entry[] = [];
  /** Shorthand object shapes (`{param}`), documented once each, by their rendered name. */
  constructor(
    private readonly root: SchemaNode,
    private readonly shorthands = new Map<string, SchemaNode>(),
  ) {}

  // ---------------------------------------------------------------------------------------------
  // Schema access

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
  private objectShape(node: SchemaNode, refs: readonly string[]) {
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

  // ---------------------------------------------------------------------------------------------
  // Types

  /** `{param}` for an object with exactly one property, which is required, and nothing else. */
  private shorthandName(node: SchemaNode): string | undefined {
    if (!node.properties || node.additionalProperties !== false) return undefined;
    const keys = Object.keys(node.properties);
    if (keys.length !== 1 || node.patternProperties || node.allOf || node.anyOf || node.oneOf) return undefined;
    const only = keys[0] as string;
    if (!(node.required ?? []).includes(only)) return undefined;
    const value = this.resolve(node.properties[only]).node;
    if ('const' in value || value.enum) return undefined; // a variant with only its discriminator
    return `{${only}}`;
  }

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
    const { node, refs } = this.resolve(schema, seen);
    const chain = [...seen, ...refs];
    if (refs.length > 0 && seen.includes(refs[refs.length - 1] as string)) return 'object';
    if (depth > MAX_DEPTH) return 'any';
    const branches = node.oneOf ?? node.anyOf;
    const shorthand = this.shorthandName(node);
    if (shorthand) {
      // Document the definition itself, not one use's sibling description.
      const bare = typeof schema.$ref === 'string' ? this.resolve({ $ref: schema.$ref }, seen).node : node;
      return this.registerShorthand(shorthand, this.shorthandName(bare) ? bare : node);
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

  // ---------------------------------------------------------------------------------------------
  // Walking

  /** Document the children of `schema` (which lives at `path`). */
  walkFields(schema: Schema, path: string, seen: readonly string[], depth: number, variant: string | undefined, asShorthand = false): void {
    const { node, refs } = this.resolve(schema, seen);
    const chain = [...seen, ...refs];
    if (depth > MAX_DEPTH || (refs.length > 0 && seen.includes(refs[refs.length - 1] as string))) return;
    if (!asShorthand && this.shorthandName(node)) return; // documented once, under "Shorthands"

    // Object properties, schema order.
    const shape = this.objectShape(node, chain);
    for (const [name, child] of shape.properties) {
      const childPath = path ? `${path}.${name}` : name;
      const when = shape.requiredWhen.get(name);
      const required = shape.required.has(name) ? 'yes' : when ? `when ${uniq(when).join(', or when ')}` : 'no';
      this.addEntry(child, childPath, required, chain, depth, variant);
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
      const disc = this.discriminator(node, branches, chain);
      if (disc) {
        for (const b of disc.variants) {
          for (const [name, child] of b.shape.properties) {
            if (name === disc.property) continue;
            const when = b.shape.requiredWhen.get(name);
            const required = b.shape.required.has(name) ? 'yes' : when ? `when ${uniq(when).join(', or when ')}` : 'no';
            this.addEntry(child, path ? `${path}.${name}` : name, required, b.chain, depth, b.label);
          }
        }
      } else {
        const walkable = branches.filter((b) => this.hasFields(b, chain));
        walkable.forEach((b, i) => {
          const label = walkable.length > 1 ? (this.resolve(b, chain).node.title ?? `variant ${i + 1}`) : variant;
          this.walkFields(b, path, chain, depth + 1, label);
        });
      }
    }
  }

  private hasFields(schema: Schema, seen: readonly string[]): boolean {
    const { node } = this.resolve(schema, seen);
    if (this.shorthandName(node)) return false;
    return Boolean(node.properties || node.patternProperties || (node.additionalProperties !== undefined && typeof node.additionalProperties !== 'boolean') || node.items !== undefined || node.allOf);
  }

  /** `kind` when every branch pins it with a `const` (or the schema names it in `discriminator`). */
  private discriminator(node: SchemaNode, branches: readonly Schema[], chain: readonly string[]) {
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

  private keyNotes(node: SchemaNode): string[] {
    if (node.propertyNames === undefined || typeof node.propertyNames === 'boolean') return [];
    const { node: keys } = this.resolve(node.propertyNames);
    const parts: string[] = [];
    if ('const' in keys) parts.push(`exactly ${code(json(keys.const))}`);
    if (keys.enum) parts.push(`one of ${keys.enum.map((v) => code(String(v))).join(', ')}`);
    parts.push(...constraintsOf(keys));
    const desc = keys.description ?? keys.markdownDescription;
    const text = parts.length ? `Keys: ${parts.join('; ')}.` : '';
    return [[text, desc ? `Keys: ${oneLine(desc)}` : ''].filter(Boolean).join(' ').replace(/\. Keys: /, '. ')].filter(Boolean);
  }

  private addEntry(schema: Schema, path: string, required: string, seen: readonly string[], depth: number, variant: string | undefined, extraNotes: readonly string[] = []): void {
    const { node, refs } = this.resolve(schema, seen);
    const recursive = refs.length > 0 && seen.includes(refs[refs.length - 1] as string);
    const type = this.typeOf(schema, seen);
    const notes: string[] = [...extraNotes];
    if (recursive) notes.push(`Recursive: the same shape as its enclosing ${code(refs[refs.length - 1] as string)}.`);
    const chain = [...seen, ...refs];
    const branches = node.oneOf ?? node.anyOf;
    let allowed = allowedValues(node, (s) => this.resolve(s, chain).node);
    if (branches && !recursive) {
      const disc = this.discriminator(node, branches, chain);
      if (disc) {
        for (const v of disc.variants) {
          const d = v.node.description ?? v.node.markdownDescription;
          notes.push(`${code(v.label)}${d ? `: ${oneLine(d)}` : ''}`);
        }
      }
    }
    if (!recursive) {
      const shape = this.objectShape(node, chain);
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
        const disc = this.discriminator(node, branches, chain);
        if (disc) this.insertDiscriminator(path, disc, variant);
      }
    }
  }

  /** Constraints of the node, plus those of its only typed `anyOf` branch (`string` with a pattern | `{param}`). */
  private constraintsDeep(node: SchemaNode, chain: readonly string[]): string[] {
    const own = constraintsOf(node);
    const branches = node.oneOf ?? node.anyOf;
    if (!branches) return own;
    const typed = branches.map((b) => this.resolve(b, chain).node).filter((b) => !this.shorthandName(b));
    if (typed.length !== 1) return own;
    return uniq([...own, ...constraintsOf(typed[0] as SchemaNode)]);
  }

  private insertDiscriminator(path: string, disc: NonNullable<ReturnType<Renderer['discriminator']>>, variant: string | undefined): void {
    const at = this.entries.findIndex((e) => e.path === path && e.variant === variant);
    const first = disc.variants[0];
    const p = first ? first.shape.properties.get(disc.property) : undefined;
    const pn = p === undefined ? {} : this.resolve(p, first?.chain ?? []).node;
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

  // ---------------------------------------------------------------------------------------------
  // Output

  markdown(title: string): string {
    const out: string[] = [];
    out.push(`# ${title}`, '', GENERATED_NOTE, '');
    const desc = pick(this.root, 'markdownDescription', 'description');
    if (typeof desc === 'string') out.push(paragraph(desc), '');
    out.push(
      'Every field of a config file (YAML or JSON), generated from the JSON Schema that `armgen schema` prints and',
      'that editors use through `$schema` (or a `# yaml-language-server: $schema=...` comment).',
      '',
      'Paths: `a.b` is the property `b` of `a`; `a[]` an item of the list `a`; `a.<name>` the value under a key you',
      'choose in the map `a`. A field marked with a variant, such as `(kind: resource)`, exists only when the',
      'discriminator has that value.',
      '',
    );
    // Render the shorthand shapes first: documenting one may reveal another. Then sort them by name.
    const shorthandDocs = new Map<string, Renderer>();
    for (let pending = [...this.shorthands.keys()]; pending.length > 0; pending = [...this.shorthands.keys()].filter((k) => !shorthandDocs.has(k))) {
      for (const name of pending) {
        const sub = new Renderer(this.root, this.shorthands);
        sub.walkFields(this.shorthands.get(name) as SchemaNode, name, [], 0, undefined, true);
        shorthandDocs.set(name, sub);
      }
    }
    const shorthands = [...shorthandDocs.keys()].sort();
    out.push(
      'Types: `any` is any JSON value; `X[]` a list of `X`; `map of X` an object whose values are `X`' +
        (shorthands.length ? `; ${shorthands.map(code).join(', ')} ${shorthands.length > 1 ? 'are shorthand objects' : 'is a shorthand object'} (see [Shorthands](#shorthands)).` : '.'),
      '',
    );
    out.push('## Summary', '', '| Field | Type | Required | Default |', '| --- | --- | --- | --- |');
    for (const e of this.entries) {
      out.push(`| ${cell(code(e.path))}${e.variant ? ` (${cell(e.variant)})` : ''} | ${cell(code(e.type))} | ${cell(e.required === '' ? '' : e.required.startsWith('when') ? 'conditional' : e.required)} | ${'defaultValue' in e ? cell(code(json(e.defaultValue))) : ''} |`);
    }
    out.push('', '## Fields', '');
    for (const e of this.entries) out.push(...this.entryBlock(e, '###'));
    if (shorthands.length) {
      out.push('## Shorthands', '', 'Objects with a single required key, written inline in place of a literal value.', '');
      for (const name of shorthands) {
        const node = this.shorthands.get(name) as SchemaNode;
        const sub = shorthandDocs.get(name) as Renderer;
        out.push(`### ${code(name)}`, '');
        const d = pick(node, 'markdownDescription', 'description');
        if (typeof d === 'string') out.push(paragraph(d), '');
        out.push(`- Written: ${code(`{ ${name.slice(1, -1).replace(/#\d+$/, '')}: ... }`)} (an object with this one key)`);
        if (node.examples?.length) out.push(`- Example: ${node.examples.map((x) => code(json(x))).join(', ')}`);
        out.push('');
        for (const e of sub.entries) out.push(...sub.entryBlock(e, '####'));
      }
    }
    while (out[out.length - 1] === '') out.pop();
    return `${out.join('\n').replace(/\r\n?/g, '\n')}\n`;
  }

  private entryBlock(e: Entry, level: string): string[] {
    const lines: string[] = [`${level} ${code(e.path)}${e.variant ? ` (${e.variant})` : ''}`, ''];
    if (e.deprecated) lines.push('**Deprecated.**', '');
    if (e.description) lines.push(paragraph(e.description), '');
    lines.push(`- Type: ${code(e.type)}`);
    if (e.required) lines.push(`- Required: ${e.required}`);
    if ('defaultValue' in e) lines.push(`- Default: ${code(json(e.defaultValue))}`);
    if (e.allowed) lines.push(`- Allowed values: ${e.allowed.map((v) => code(json(v))).join(', ')}`);
    if (e.constraints.length) lines.push(`- Constraints: ${e.constraints.join('; ')}`);
    if (e.examples) lines.push(`- Example${e.examples.length > 1 ? 's' : ''}: ${e.examples.map((v) => code(json(v))).join(', ')}`);
    for (const n of e.notes) lines.push(`- ${n}`);
    lines.push('');
    return lines;
  }
}

// -----------------------------------------------------------------------------------------------
// Helpers

function withoutRef(schema: SchemaNode): SchemaNode {
  const { $ref: _ref, ...rest } = schema;
  return rest;
}

const ANNOTATIONS = new Set(['title', 'description', 'markdownDescription', 'examples', 'default', '$comment', 'deprecated']);

/** A node without its annotations, for telling shapes apart. */
function shapeOnly(node: SchemaNode): Record<string, unknown> {
  return Object.fromEntries(Object.entries(node).filter(([k]) => !ANNOTATIONS.has(k)));
}

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pick(node: SchemaNode, ...keys: string[]): unknown {
  for (const k of keys) if (typeof node[k] === 'string') return node[k];
  return undefined;
}

function uniq<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

function splitUnion(t: string): string[] {
  return t.includes(' | ') && !t.startsWith('(') ? t.split(' | ') : [t];
}

function coverAll(types: readonly string[]): boolean {
  const set = new Set(types.map((t) => (t === 'integer' ? 'number' : t)));
  return ALL_TYPES.every((t) => set.has(t)) || set.has('any');
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Values from `const`/`enum`, directly or in `anyOf`/`oneOf` branches (a `{param}` branch adds nothing). */
function allowedValues(node: SchemaNode, resolve: (s: Schema) => SchemaNode): unknown[] | undefined {
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

function constraintsOf(node: SchemaNode): string[] {
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
function requiredOnlyBranches(branches: readonly Schema[] | undefined): string[][] | undefined {
  if (!branches || branches.length === 0) return undefined;
  const out: string[][] = [];
  for (const b of branches) {
    if (typeof b !== 'object' || !b.required || Object.keys(b).some((k) => k !== 'required')) return undefined;
    out.push([...b.required]);
  }
  return out;
}

/** JSON with sorted object keys, for comparing shapes. */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

function json(v: unknown): string {
  return JSON.stringify(v) ?? 'undefined';
}

/** An inline code span that survives backticks in the text. */
function code(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A table cell: no pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}

function paragraph(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}
