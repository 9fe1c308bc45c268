/** Index of official resource definitions by `type@apiVersion`, per deployment scope (the per-resource shortcut). */
import { isObject, type Json, type Scope, TEMPLATE_URL } from './schemaJson.js';
import { pinnedTypeAndVersion, resolveRef } from './schemaRefs.js';

/** One official resource definition and the base schema the official `oneOf` branch combines it with. */
export interface ResourceSchema {
  readonly ref: string;
  readonly base: string;
  readonly type: string;
  readonly apiVersion: string;
}

function addToIndex(index: Map<string, ResourceSchema>, ref: string, base: string, definition: unknown): void {
  const { types, versions } = pinnedTypeAndVersion(definition);
  // Precondition of the per-resource shortcut (see the file header): literal type and apiVersion, never shared.
  if (types.length === 0 || versions.length === 0) throw new Error(`arm-schemas: ${ref} does not pin type and apiVersion with an enum`);
  for (const type of types) {
    for (const apiVersion of versions) {
      const key = `${type.toLowerCase()}@${apiVersion}`;
      if (index.has(key)) throw new Error(`arm-schemas: ${key} is defined twice (${index.get(key)?.ref} and ${ref})`);
      index.set(key, { ref, base, type, apiVersion });
    }
  }
}

/** Walks `deploymentTemplate.json#/definitions/resource`: `oneOf` of `allOf [base, oneOf [refs]]` or a `$ref` to such. */
export function indexResourceGroupScope(files: ReadonlyMap<string, Json>): Map<string, ResourceSchema> {
  const index = new Map<string, ResourceSchema>();
  const visit = (node: unknown, fromFile: string, base: string | undefined): void => {
    if (!isObject(node)) return;
    if (typeof node.$ref === 'string') {
      const { url, file, target } = resolveRef(files, node.$ref, fromFile);
      if (base !== undefined && isObject(target) && isObject(target.properties) && 'apiVersion' in target.properties) addToIndex(index, url, base, target);
      else visit(target, file, base);
      return;
    }
    if (Array.isArray(node.allOf)) {
      const [first, second] = node.allOf;
      if (!isObject(first) || typeof first.$ref !== 'string') throw new Error(`arm-schemas: unexpected resource branch shape in ${fromFile}`);
      visit(second, fromFile, resolveRef(files, first.$ref, fromFile).url);
    }
    if (Array.isArray(node.oneOf)) for (const branch of node.oneOf) visit(branch, fromFile, base);
  };
  const template = files.get(TEMPLATE_URL);
  visit(isObject(template?.definitions) ? template.definitions.resource : undefined, TEMPLATE_URL, undefined);
  return index;
}

/**
 * subscription/managementGroup/tenant templates: their schemas (e.g. 2018-05-01/subscriptionDeploymentTemplate.json)
 * are NOT in the offline set, so we rebuild what they do: upstream, their `resource` is
 * `allOf [resourceBase, oneOf [<scope>_resourceDefinitions refs]]`, with the same local `resourceBase` and the same
 * top-level properties as 2019-04-01/deploymentTemplate.json. We use that file's envelope and `resourceBase` plus the
 * `<scope>_resourceDefinitions` of the offline provider files. A type absent from those is reported as an error
 * ("no official schema ... (subscription scope)"), never silently passed, and a missing file never throws.
 */
export function indexOtherScope(files: ReadonlyMap<string, Json>, scope: Exclude<Scope, 'resourceGroup'>): Map<string, ResourceSchema> {
  const index = new Map<string, ResourceSchema>();
  for (const [url, schema] of files) {
    const definitions = schema[`${scope}_resourceDefinitions`];
    if (!isObject(definitions)) continue;
    for (const [name, definition] of Object.entries(definitions)) {
      addToIndex(index, `${url}#/${scope}_resourceDefinitions/${name}`, `${TEMPLATE_URL}#/definitions/resourceBase`, definition);
    }
  }
  return index;
}
