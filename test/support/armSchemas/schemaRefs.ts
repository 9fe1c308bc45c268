/** `$ref` and JSON-pointer resolution over the loaded official schema files. */
import { isObject, type Json, stringEnum } from './schemaJson.js';

/** Deep copy of a subschema whose file-relative `$ref`s (`#/definitions/x`) are made absolute, to compile it elsewhere. */
export function absolutizeRefs(node: unknown, file: string): unknown {
  if (Array.isArray(node)) return node.map((n) => absolutizeRefs(n, file));
  if (!isObject(node)) return node;
  const absolutize = ([k, v]: [string, unknown]): [string, unknown] =>
    [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? file + v : absolutizeRefs(v, file)];
  return Object.fromEntries(Object.entries(node).map(absolutize));
}

export function resolvePointer(root: unknown, pointer: string): unknown {
  let target = root;
  for (const token of pointer.split('/').filter((t) => t !== '')) {
    target = isObject(target) ? target[decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return target;
}

/** Resolves `url#/json/pointer` against the loaded files. */
export function resolveRef(files: ReadonlyMap<string, Json>, ref: string, fromFile: string): { url: string; file: string; target: unknown } {
  const [path = '', pointer = ''] = ref.split('#');
  const file = path === '' ? fromFile : path;
  const target = resolvePointer(files.get(file), pointer);
  if (target === undefined) throw new Error(`arm-schemas: cannot resolve $ref ${ref} (from ${fromFile})`);
  return { url: `${file}#${pointer}`, file, target };
}

/** The `type` and `apiVersion` enums a resource definition pins. */
export function pinnedTypeAndVersion(definition: unknown): { types: string[]; versions: string[] } {
  const properties = isObject(definition) ? definition.properties : undefined;
  return {
    types: stringEnum(isObject(properties) ? properties.type : undefined),
    versions: stringEnum(isObject(properties) ? properties.apiVersion : undefined),
  };
}
