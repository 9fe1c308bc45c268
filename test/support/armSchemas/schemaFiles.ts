/** Loads `<arm-schemas>/schemas/**` into memory: relaxed (leniency.ts), keyed by public URL, nested-child lists indexed. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { applyArmLeniency, type TransformCounts } from './leniency.js';
import { BASE_URL, isObject, type Json } from './schemaJson.js';
import { pinnedTypeAndVersion, resolvePointer } from './schemaRefs.js';

function listJsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listJsonFiles(path);
    return entry.name.endsWith('.json') ? [path] : [];
  });
}

/** Reads every schema, applies the leniency transforms, and keys the result by public URL (README "Layout"). */
export function loadSchemas(armSchemasDir: string): { files: Map<string, Json>; synthetic: Set<string>; childLists: Map<string, string[]> } {
  const counts: TransformCounts = { quirk1: 0, quirk2: 0, quirk3: 0, quirk4: 0, quirk5: 0 };
  const synthetic = new Set<string>();
  const files = new Map<string, Json>();
  const childLists = new Map<string, string[]>();
  for (const path of listJsonFiles(join(armSchemasDir, 'schemas'))) {
    const url = BASE_URL + relative(armSchemasDir, path).split(sep).join('/');
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Json;
    const relaxed = applyArmLeniency(url, parsed, counts, synthetic);
    indexNestedChildren(url, relaxed, childLists);
    files.set(url, { ...relaxed, id: `${url}#` });
  }
  const missing = Object.entries(counts).filter(([, n]) => n === 0).map(([name]) => name);
  if (missing.length > 0) throw new Error(`arm-schemas changed: leniency for README ${missing.join(', ')} no longer applies; re-read README.md`);
  return { files, synthetic, childLists };
}

/**
 * Not a leniency: every definition that allows nested children has `resources: {type: array, items: {oneOf: [refs to
 * *_childResource]}}` (35 of them; automationAccounts lists 21). Compiling that `oneOf` makes each parent cost
 * ~0.3 s and buries a bad child under every branch's errors. We record each list here; `perResourceSchema` compiles
 * the parent with `resources: {type: array}` only, and each nested child is validated against the one listed
 * definition its type + apiVersion select. Same verdict: each listed definition pins both with an `enum`, and no
 * list repeats a pair (checked here). The registered schemas themselves keep the lists.
 */
function indexNestedChildren(url: string, schema: Json, childLists: Map<string, string[]>): void {
  for (const section of Object.keys(schema).filter((k) => k.endsWith('resourceDefinitions') || k === 'definitions')) {
    const definitions = schema[section];
    if (!isObject(definitions)) continue;
    for (const [name, definition] of Object.entries(definitions)) {
      const properties = isObject(definition) ? definition.properties : undefined;
      if (!isObject(properties) || properties.resources === undefined) continue;
      const items = isObject(properties.resources) ? properties.resources.items : undefined;
      const refs = isObject(items) && Array.isArray(items.oneOf) ? items.oneOf.map((b) => (isObject(b) ? b.$ref : undefined)) : [];
      if (refs.length === 0 || !refs.every((r): r is string => typeof r === 'string' && r.startsWith('#/'))) {
        throw new Error(`arm-schemas: unexpected nested-resources shape in ${url}#/${section}/${name}`);
      }
      const pairs = refs.map((r) => pinnedTypeAndVersion(resolvePointer(schema, r.slice(1))));
      const keys = pairs.map((p) => `${p.types.join()}@${p.versions.join()}`.toLowerCase());
      if (pairs.some((p) => p.types.length === 0 || p.versions.length === 0) || new Set(keys).size !== keys.length) {
        throw new Error(`arm-schemas: nested children of ${url}#/${section}/${name} are not told apart by type + apiVersion`);
      }
      childLists.set(`${url}#/${section}/${name}`, refs.map((r) => url + r));
    }
  }
}
