/** Print the collected reference entries as the markdown page: intro, summary table, fields, shorthands. */
import { FieldCollector, type Entry } from './fieldCollector.js';
import { cell, code, json, paragraph } from './markdownText.js';
import { pick } from './schemaFacts.js';
import type { SchemaNode } from './schemaNode.js';
import type { SchemaReader } from './schemaReader.js';
import type { TypeNamer } from './typeNames.js';

const GENERATED_NOTE = '<!-- Generated from schemas/armgen.schema.json by `npm run gen:docs`. Do not edit by hand. -->';

/** The whole page for the fields `fields` collected from `reader.root` (with `types` naming their types). */
export function referenceMarkdown(reader: SchemaReader, types: TypeNamer, fields: FieldCollector, title: string): string {
  const out: string[] = [];
  out.push(`# ${title}`, '', GENERATED_NOTE, '');
  const desc = pick(reader.root, 'markdownDescription', 'description');
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
  const shorthandDocs = collectShorthands(reader, types);
  const shorthands = [...shorthandDocs.keys()].sort();
  out.push(
    'Types: `any` is any JSON value; `X[]` a list of `X`; `map of X` an object whose values are `X`' +
      (shorthands.length ? `; ${shorthands.map(code).join(', ')} ${shorthands.length > 1 ? 'are shorthand objects' : 'is a shorthand object'} (see [Shorthands](#shorthands)).` : '.'),
    '',
  );
  out.push('## Summary', '', '| Field | Type | Required | Default |', '| --- | --- | --- | --- |');
  for (const e of fields.entries) {
    out.push(`| ${cell(code(e.path))}${e.variant ? ` (${cell(e.variant)})` : ''} | ${cell(code(e.type))} | ${cell(e.required === '' ? '' : e.required.startsWith('when') ? 'conditional' : e.required)} | ${'defaultValue' in e ? cell(code(json(e.defaultValue))) : ''} |`);
  }
  out.push('', '## Fields', '');
  for (const e of fields.entries) out.push(...entryBlock(e, '###'));
  if (shorthands.length) out.push(...shorthandSection(types, shorthandDocs, shorthands));
  while (out[out.length - 1] === '') out.pop();
  return `${out.join('\n').replace(/\r\n?/g, '\n')}\n`;
}

/** Document every shorthand shape's fields. Documenting one may reveal another, so repeat until none is new. */
function collectShorthands(reader: SchemaReader, types: TypeNamer): Map<string, FieldCollector> {
  const shorthandDocs = new Map<string, FieldCollector>();
  for (let pending = [...types.shorthands.keys()]; pending.length > 0; pending = [...types.shorthands.keys()].filter((k) => !shorthandDocs.has(k))) {
    for (const name of pending) {
      const sub = new FieldCollector(reader, types);
      sub.walkFields(types.shorthands.get(name) as SchemaNode, name, [], 0, undefined, true);
      shorthandDocs.set(name, sub);
    }
  }
  return shorthandDocs;
}

/** The "Shorthands" section, one sub-section per shape sorted by name. */
function shorthandSection(types: TypeNamer, shorthandDocs: ReadonlyMap<string, FieldCollector>, names: readonly string[]): string[] {
  const out: string[] = ['## Shorthands', '', 'Objects with a single required key, written inline in place of a literal value.', ''];
  for (const name of names) {
    const node = types.shorthands.get(name) as SchemaNode;
    const sub = shorthandDocs.get(name) as FieldCollector;
    out.push(`### ${code(name)}`, '');
    const d = pick(node, 'markdownDescription', 'description');
    if (typeof d === 'string') out.push(paragraph(d), '');
    out.push(`- Written: ${code(`{ ${name.slice(1, -1).replace(/#\d+$/, '')}: ... }`)} (an object with this one key)`);
    if (node.examples?.length) out.push(`- Example: ${node.examples.map((x) => code(json(x))).join(', ')}`);
    out.push('');
    for (const e of sub.entries) out.push(...entryBlock(e, '####'));
  }
  return out;
}

function entryBlock(e: Entry, level: string): string[] {
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
