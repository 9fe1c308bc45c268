/**
 * Render the config reference (docs/config-reference.md) from the config JSON Schema. Pure: schema in,
 * markdown out; no file system, clock or environment, so the same schema always yields the same bytes
 * (LF line endings, one final newline).
 *
 * Generic over the schema: it follows `$ref`s (local `#/...` pointers), `allOf`, `anyOf`/`oneOf` branches
 * (a discriminated `oneOf`, like the role-assignment scope kinds, becomes one set of fields per variant),
 * arrays (`path[]`), maps (`path.<name>`) and `if`/`then` requirements. Properties keep schema order;
 * unordered parts (pattern properties, shorthand shapes) are sorted.
 *
 * Stages: schemaReader (access) -> typeNames (type spelling) -> fieldCollector (entries) -> referenceMarkdown.
 */
import { FieldCollector } from './fieldCollector.js';
import { referenceMarkdown } from './referenceMarkdown.js';
import type { SchemaNode } from './schemaNode.js';
import { SchemaReader } from './schemaReader.js';
import { TypeNamer } from './typeNames.js';

export type { SchemaNode } from './schemaNode.js';

export const STALE_MESSAGE = 'docs/config-reference.md is stale: run npm run gen:docs';

export interface ReferenceOptions {
  /** The page's H1. @default 'armgen config reference' */
  readonly title?: string;
}

/** Render the markdown reference for a config schema. */
export function renderConfigReference(root: SchemaNode, options: ReferenceOptions = {}): string {
  const reader = new SchemaReader(root);
  const types = new TypeNamer(reader);
  const fields = new FieldCollector(reader, types);
  fields.walkFields(root, '', ['#'], 0, undefined);
  return referenceMarkdown(reader, types, fields, options.title ?? 'armgen config reference');
}
