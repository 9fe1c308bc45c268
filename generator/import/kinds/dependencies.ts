import { expressionOf, resourceIdParts } from '../armValues.js';
import type { Fields } from '../importContext.js';

/** Az.* modules wait for Az.Accounts without being told (resolve/resolveModules.ts importOrder). */
const NEEDS_AZ_ACCOUNTS = /^az(\..+)?$/i;

/**
 * The names a resource's `dependsOn` waits for among resources of the given types (the last name of each
 * `resourceId(type, account, ..., name)`), for the config's `dependsOn:` lists. Other dependencies are armgen's
 * own (the account, a runtime environment) and are checked by the verification; Az.Accounts before an Az.*
 * module is implied and left out.
 */
export function dependencyNames(resource: Fields, ...types: string[]): string[] {
  const wanted = new Set(types.map((t) => t.toLowerCase()));
  const own = nameOf(resource.value.name);
  const out: string[] = [];
  const raw = resource.value.dependsOn;
  if (!Array.isArray(raw)) return out;
  for (const d of raw) {
    const parts = resourceIdParts(expressionOf(d));
    if (!parts || !wanted.has(parts.type.toLowerCase())) continue;
    const last = parts.names[parts.names.length - 1];
    if (typeof last !== 'string' || out.includes(last)) continue;
    if (own !== undefined && NEEDS_AZ_ACCOUNTS.test(own) && last.toLowerCase() === 'az.accounts') continue;
    out.push(last);
  }
  return out;
}

/** The last literal name in armgen's child-name form, for the implied-dependency test. */
function nameOf(value: unknown): string | undefined {
  const node = expressionOf(value);
  if (node?.k === 'call') {
    const last = node.args[node.args.length - 1];
    return last?.k === 'str' ? last.v : undefined;
  }
  return typeof value === 'string' ? value.split('/').pop() : undefined;
}
