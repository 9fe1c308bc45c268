import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { renderConfigReference, STALE_MESSAGE, type SchemaNode } from '../../../generator/docs/renderConfigReference.js';
import { repoRoot } from '../../support/paths.js';

const schemaPath = join(repoRoot, 'schemas', 'armgen.schema.json');
const docPath = join(repoRoot, 'docs', 'config-reference.md');

function readSchema(): SchemaNode {
  return JSON.parse(readFileSync(schemaPath, 'utf8')) as SchemaNode;
}

/** The markdown block documenting one field (its heading up to the next heading). */
function section(md: string, heading: string): string {
  const start = md.indexOf(`\n${heading}\n`);
  expect(start, `no section ${heading}`).to.be.greaterThan(-1);
  const rest = md.slice(start + heading.length + 2);
  const end = rest.search(/\n#{2,4} /);
  return end === -1 ? rest : rest.slice(0, end);
}

/** Every property path of a schema, in the reference's notation (`a.b`, `a[]`, `a.<name>`). */
function schemaPaths(schema: SchemaNode): Set<string> {
  const paths = new Set<string>();
  const lookup = (ref: string): SchemaNode =>
    ref
      .slice(2)
      .split('/')
      .reduce<unknown>((at, key) => (at as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')], schema) as SchemaNode;
  const resolve = (n: SchemaNode): SchemaNode => (n.$ref ? { ...resolve(lookup(n.$ref)), ...n, $ref: undefined } : n);
  const walk = (raw: SchemaNode, path: string, stack: string[]) => {
    if (raw.$ref && stack.includes(raw.$ref)) return;
    const next = raw.$ref ? [...stack, raw.$ref] : stack;
    const n = resolve(raw);
    for (const [k, v] of Object.entries(n.properties ?? {})) {
      if (typeof v === 'boolean') continue;
      const p = path ? `${path}.${k}` : k;
      if (Object.keys(n.properties ?? {}).length === 1 && (n.required ?? []).includes(k) && n.additionalProperties === false && !('const' in resolve(v))) continue; // `{param}` shorthand
      paths.add(p);
      walk(v, p, next);
    }
    if (n.additionalProperties && typeof n.additionalProperties === 'object') {
      paths.add(`${path}.<name>`);
      walk(n.additionalProperties, `${path}.<name>`, next);
    }
    if (n.items && !Array.isArray(n.items) && typeof n.items === 'object') {
      paths.add(`${path}[]`);
      walk(n.items as SchemaNode, `${path}[]`, next);
    }
    for (const b of [...(n.oneOf ?? []), ...(n.anyOf ?? []), ...(n.allOf ?? [])]) if (typeof b === 'object') walk(b, path, next);
  };
  walk(schema, '', []);
  return paths;
}

describe('config reference (docs/config-reference.md)', () => {
  it('matches what the schema renders, byte for byte', () => {
    // GIVEN the schema and the committed reference
    const rendered = renderConfigReference(readSchema());
    let onDisk: string;
    try {
      onDisk = readFileSync(docPath, 'utf8');
    } catch {
      throw new Error(`docs/config-reference.md is missing: run npm run gen:docs`);
    }
    // THEN they are identical, else the file is stale
    if (rendered !== onDisk) expect.fail(STALE_MESSAGE);
  });

  it('renders the same bytes twice, with LF line endings and one final newline', () => {
    const schema = readSchema();
    const a = renderConfigReference(schema);
    const b = renderConfigReference(structuredClone(schema));
    expect(a).to.equal(b);
    expect(a).not.to.include('\r');
    expect(a.endsWith('\n')).to.equal(true);
    expect(a.endsWith('\n\n')).to.equal(false);
  });

  it('documents every field path of the schema, including each scope kind', () => {
    const md = renderConfigReference(readSchema());
    const documented = new Set([...md.matchAll(/^#{3,4} `([^`]+)`/gm)].map((m) => m[1]));
    const missing = [...schemaPaths(readSchema())].filter((p) => !documented.has(p));
    expect(missing).to.deep.equal([]);
    for (const kind of ['resourceGroup', 'subscription', 'resource']) expect(md).to.include(`(kind: ${kind})`);
  });

  it('shows the path, type, default, allowed values and description of a field reached through $refs', () => {
    const md = renderConfigReference(readSchema());
    const sku = section(md, '### `automationAccount.sku`');
    expect(sku).to.include('- Type: `string | {param}`');
    expect(sku).to.include('- Default: `"Basic"`');
    expect(sku).to.include('- Allowed values: `"Basic"`, `"Free"`');
    const ua = section(md, '### `automationAccount.identity.userAssigned[]`');
    expect(ua).to.include('- Type: `string`');
    expect(ua).to.include('The config name of a user-assigned identity');
  });

  describe('on a small schema', () => {
    const schema: SchemaNode = {
      title: 'Demo',
      description: 'A demo config.',
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: { $ref: '#/definitions/stringOrParam', description: 'The name.' },
        size: { type: 'string', enum: ['S', 'M'], default: 'S', examples: ['M'] },
        labels: { type: 'object', propertyNames: { pattern: '^[a-z]+$' }, additionalProperties: { type: 'string', maxLength: 10 } },
        steps: { type: 'array', items: { $ref: '#/definitions/step' } },
        target: {
          type: 'object',
          required: ['kind'],
          oneOf: [
            { type: 'object', description: 'A file.', additionalProperties: false, required: ['kind', 'path'], properties: { kind: { const: 'file' }, path: { type: 'string' } } },
            { type: 'object', description: 'Nothing.', additionalProperties: false, required: ['kind'], properties: { kind: { const: 'none' } } },
          ],
        },
        mode: { type: 'string' },
        key: { type: 'string' },
      },
      if: { properties: { mode: { const: 'secure' } } },
      then: { required: ['key'] },
      definitions: {
        paramRef: { type: 'object', description: 'A parameter reference.', additionalProperties: false, required: ['param'], properties: { param: { type: 'string' } } },
        stringOrParam: { anyOf: [{ type: 'string' }, { $ref: '#/definitions/paramRef' }] },
        step: { type: 'object', description: 'One step.', properties: { next: { $ref: '#/definitions/step' } } },
      },
    };

    it('writes a string-or-reference union as "string | {param}" and documents the shorthand once', () => {
      const md = renderConfigReference(schema);
      expect(section(md, '### `name`')).to.include('- Type: `string | {param}`');
      expect(section(md, '### `name`')).to.include('- Required: yes');
      expect(section(md, '### `name`')).to.include('The name.');
      expect(md).to.include('### `{param}`\n\nA parameter reference.');
      expect(md).to.include('#### `{param}.param`');
      expect(md).not.to.include('### `name.param`');
    });

    it('lists default, allowed values and examples', () => {
      const size = section(renderConfigReference(schema), '### `size`');
      expect(size).to.include('- Default: `"S"`');
      expect(size).to.include('- Allowed values: `"S"`, `"M"`');
      expect(size).to.include('- Example: `"M"`');
    });

    it('documents map values under <name> with the key rules', () => {
      const md = renderConfigReference(schema);
      expect(section(md, '### `labels`')).to.include('- Type: `map of string`');
      const value = section(md, '### `labels.<name>`');
      expect(value).to.include('at most 10 characters');
      expect(value).to.include('Keys: pattern `^[a-z]+$`');
    });

    it('stops at a recursive $ref instead of looping', () => {
      const md = renderConfigReference(schema);
      expect(md).to.include('### `steps[].next`');
      expect(section(md, '### `steps[].next`')).to.include('Recursive');
      expect(md).not.to.include('steps[].next.next');
    });

    it('documents the discriminator once and each variant’s own fields', () => {
      const md = renderConfigReference(schema);
      const kind = section(md, '### `target.kind`');
      expect(kind).to.include('- Allowed values: `"file"`, `"none"`');
      expect(section(md, '### `target.path` (kind: file)')).to.include('- Required: yes');
      expect(section(md, '### `target`')).to.include('`kind: none`: Nothing.');
    });

    it('says when an if/then rule makes a field required', () => {
      expect(section(renderConfigReference(schema), '### `key`')).to.include('- Required: when `mode` is `"secure"`');
    });

    it('keeps schema order for properties', () => {
      const md = renderConfigReference(schema);
      const order = ['name', 'size', 'labels', 'steps', 'target', 'mode', 'key'].map((p) => md.indexOf(`### \`${p}\`\n`));
      expect(order).to.deep.equal([...order].sort((a, b) => a - b));
    });
  });
});
