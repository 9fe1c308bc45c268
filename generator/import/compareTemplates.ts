import { canonicalJson, canonicalString } from './armValues.js';
import { isPlainObject } from './importContext.js';
import type { JsonPath } from './jsonSource.js';

/** One way two templates differ, at a path of the original. */
export interface TemplateDifference {
  readonly path: JsonPath;
  readonly message: string;
}

type Json = Record<string, unknown>;

/**
 * Semantic equivalence of an original template and armgen's rendering of the imported config:
 * - the same parameters (type compared case-insensitively, defaults and metadata after normalising expression
 *   spelling); armgen may add its `location` parameter when it defaults to the resource group's location, and
 *   the original's inline `[resourceGroup().location]` then equals `[parameters('location')]`;
 * - the same resources, matched by type and name (order free), each with the same keys and values after
 *   normalising expression spelling (function-name case, whitespace, a type's trailing `/`, object key order),
 *   except: `dependsOn` of the original must be kept (armgen may add ordering), blanks (`{}`) under `properties`
 *   mean "not set", and an account's absent `disableLocalAuth` equals `false` (Azure's default);
 * - every output of the original, with the same value; armgen's own outputs may be added;
 * - `metadata._generator` (armgen's stamp) is ignored.
 */
export function compareTemplates(original: Json, rendered: Json): TemplateDifference[] {
  const diffs: TemplateDifference[] = [];
  const addedLocation = compareParameters(original, rendered, diffs);
  compareResources(original, rendered, addedLocation, diffs);
  compareOutputs(original, rendered, diffs);
  return diffs;
}

function compareParameters(original: Json, rendered: Json, diffs: TemplateDifference[]): boolean {
  const a = (original.parameters ?? {}) as Json;
  const b = (rendered.parameters ?? {}) as Json;
  for (const [name, p] of Object.entries(a)) {
    const q = b[name];
    if (!isPlainObject(q) || !isPlainObject(p)) {
      diffs.push({ path: ['parameters', name], message: `armgen would not declare parameter '${name}'` });
      continue;
    }
    const norm = (x: Json) => canonicalJson({ ...x, type: String(x.type).toLowerCase() });
    firstDifference(norm(p), norm(q), ['parameters', name], diffs);
  }
  let addedLocation = false;
  for (const name of Object.keys(b)) {
    if (Object.hasOwn(a, name)) continue;
    const q = b[name] as Json;
    if (name === 'location' && typeof q.defaultValue === 'string' && canonicalString(q.defaultValue) === '[resourcegroup().location]') addedLocation = true;
    else diffs.push({ path: ['parameters'], message: `armgen would add parameter '${name}'` });
  }
  return addedLocation;
}

function resourceKey(r: Json): string {
  return `${String(r.type).toLowerCase()} ${canonicalString(String(r.name)).toLowerCase()}`;
}

function compareResources(original: Json, rendered: Json, addedLocation: boolean, diffs: TemplateDifference[]): void {
  const ours = new Map<string, Json>();
  for (const r of (rendered.resources ?? []) as Json[]) ours.set(resourceKey(r), r);
  const seen = new Set<string>();
  ((original.resources ?? []) as Json[]).forEach((r, i) => {
    const key = resourceKey(r);
    const q = ours.get(key);
    seen.add(key);
    if (!q) {
      diffs.push({ path: ['resources', i], message: `armgen would not render this ${String(r.type)} (named ${String(r.name)})` });
      return;
    }
    const p = normaliseResource(r, addedLocation);
    firstDifference(canonicalJson(p.body), canonicalJson(normaliseResource(q, false).body), ['resources', i], diffs);
    const theirs = new Set(normaliseResource(q, false).dependsOn);
    for (const d of p.dependsOn) if (!theirs.has(d)) diffs.push({ path: ['resources', i, 'dependsOn'], message: `armgen would not keep the dependency on ${d}` });
  });
  for (const [key, r] of ours) if (!seen.has(key)) diffs.push({ path: ['resources'], message: `armgen would add a ${String(r.type)} named ${String(r.name)}` });
}

function normaliseResource(r: Json, addedLocation: boolean): { body: Json; dependsOn: string[] } {
  const { dependsOn, ...body } = r;
  if (addedLocation && typeof body.location === 'string' && canonicalString(body.location) === '[resourcegroup().location]') body.location = "[parameters('location')]";
  if (isPlainObject(body.properties)) {
    const properties = dropBlanks(body.properties) as Json;
    if (String(r.type).toLowerCase() === 'microsoft.automation/automationaccounts' && properties.disableLocalAuth === false) delete properties.disableLocalAuth;
    body.properties = properties;
  }
  const deps = Array.isArray(dependsOn) ? dependsOn.map((d) => canonicalString(String(d)).toLowerCase()) : [];
  return { body, dependsOn: deps };
}

function dropBlanks(value: unknown): unknown {
  if (!isPlainObject(value)) return Array.isArray(value) ? value.map(dropBlanks) : value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    const inner = dropBlanks(v);
    if (isPlainObject(inner) && Object.keys(inner).length === 0) continue;
    out[k] = inner;
  }
  return out;
}

function compareOutputs(original: Json, rendered: Json, diffs: TemplateDifference[]): void {
  const b = (rendered.outputs ?? {}) as Json;
  for (const [name, o] of Object.entries((original.outputs ?? {}) as Json)) {
    if (!Object.hasOwn(b, name)) diffs.push({ path: ['outputs', name], message: `armgen would not write output '${name}'` });
    else firstDifference(canonicalJson(o), canonicalJson(b[name]), ['outputs', name], diffs);
  }
}

/** The first place two canonical JSON values differ (depth first), reported at its path. */
function firstDifference(a: unknown, b: unknown, path: JsonPath, diffs: TemplateDifference[]): boolean {
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) if (firstDifference(a[key], b[key], [...path, key], diffs)) return true;
    return false;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) return a.some((x, i) => firstDifference(x, b[i], [...path, i], diffs));
  if (JSON.stringify(a) === JSON.stringify(b)) return false;
  diffs.push({ path, message: `armgen would render ${b === undefined ? 'nothing' : JSON.stringify(b)} instead of ${a === undefined ? 'nothing' : JSON.stringify(a)}` });
  return true;
}
