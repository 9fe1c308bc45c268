import type { ErrorObject } from 'ajv';
import { didYouMean } from '../util/didYouMean.js';

/**
 * Keep, of Ajv's errors, only those that say what is really wrong, so each mistake yields one diagnostic:
 * - `if` errors (the `then` error says it);
 * - of an `anyOf` (a value or `{ param: NAME }`), the branches the value's type does not fit, with their
 *   `enum`/`const` errors (`sku: { parm: x }` is not "not one of Basic, Free"); the `anyOf` error itself
 *   only when no branch fits ("expected a literal string, or `{ param: NAME }`, got an array");
 * - of a mapping that fits both a literal mapping and `{ param: NAME }` (tags), the branch it does not mean;
 * - "missing required key 'param'" when the same mapping has an unknown key that is a typo of it (`parm`);
 * - "missing required key 'kind'" when the discriminator already says the kind is missing;
 * - a `propertyNames` error, whose inner errors (carrying `propertyName`) say what is wrong with the key.
 */
export function pruneErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const kept = errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'propertyNames');
  const drop = new Set<ErrorObject>();
  kept.forEach((error, i) => {
    if (error.keyword === 'anyOf') dropUnfitBranches(kept, i, drop);
  });
  const rest = kept.filter((e) => !drop.has(e));
  return rest.filter((e) => !(e.keyword === 'required' && (isTypoOfUnknownKey(e, rest) || isDiscriminatorTag(e, rest))));
}

/**
 * Ajv reports a branch's errors just before the `anyOf` error itself (errors under a `$ref` carry the
 * referenced schema's path, so they are found by position and instance path, not by schema path).
 */
function dropUnfitBranches(errors: readonly ErrorObject[], at: number, drop: Set<ErrorObject>): void {
  const anyOf = errors[at]!;
  const branch: ErrorObject[] = [];
  for (let j = at - 1; j >= 0; j--) {
    const e = errors[j]!;
    if (!(e.instancePath === anyOf.instancePath || e.instancePath.startsWith(`${anyOf.instancePath}/`)) || drop.has(e)) break;
    branch.push(e);
  }
  const here = branch.filter((e) => e.instancePath === anyOf.instancePath);
  // "One of these keys": every branch only misses a key. The anyOf error says it once (describeError).
  if (branch.length > 0 && branch.every((e) => e.keyword === 'required' && e.instancePath === anyOf.instancePath)) {
    for (const e of branch) drop.add(e);
    return;
  }
  // A branch whose type does not fit: its `type` error, and the `enum`/`const` errors of the same
  // (sub)schema, which Ajv checks whatever the type (the other keywords apply to one type only).
  const unfitSchemas = new Set(here.filter((e) => e.keyword === 'type').map((e) => parentPath(e.schemaPath)));
  const unfit = here.filter((e) => e.keyword === 'type' || ((e.keyword === 'enum' || e.keyword === 'const') && unfitSchemas.has(parentPath(e.schemaPath))));
  const fitting = branch.filter((e) => !unfit.includes(e));
  if (fitting.length > 0) {
    for (const e of unfit) drop.add(e);
    drop.add(anyOf);
    for (const e of unmeantBranch(fitting, anyOf)) drop.add(e);
  } else {
    for (const e of branch) drop.add(e);
  }
}

/**
 * When a mapping fits both a literal branch and the `{ param: NAME }` branch, the errors of the one it
 * does not mean: a mapping with a `param` key (or a typo of it, `parm`) means a parameter reference.
 */
function unmeantBranch(fitting: readonly ErrorObject[], anyOf: ErrorObject): ErrorObject[] {
  const isParamRef = (e: ErrorObject) => (e.instancePath === anyOf.instancePath && isParamRefSchema(e.parentSchema)) || e.instancePath.startsWith(`${anyOf.instancePath}/param`);
  const paramRef = fitting.filter(isParamRef);
  if (paramRef.length === 0 || paramRef.length === fitting.length) return [];
  const data = anyOf.data;
  const keys = typeof data === 'object' && data !== null && !Array.isArray(data) ? Object.keys(data) : [];
  const meansParam = keys.some((k) => k === 'param' || didYouMean(k, ['param']).length > 0);
  return meansParam ? fitting.filter((e) => !isParamRef(e)) : paramRef;
}

/** The `paramRef` definition: an object whose only property, required, is `param`. */
function isParamRefSchema(schema: unknown): boolean {
  const s = schema as { required?: unknown; properties?: object } | undefined;
  return JSON.stringify(s?.required) === '["param"]' && JSON.stringify(Object.keys(s?.properties ?? {})) === '["param"]';
}

function parentPath(schemaPath: string): string {
  return schemaPath.slice(0, schemaPath.lastIndexOf('/'));
}

/** `required: param` beside an unknown key `parm` of the same mapping: the unknown key says it all. */
function isTypoOfUnknownKey(required: ErrorObject, errors: readonly ErrorObject[]): boolean {
  const missing = String(required.params.missingProperty);
  return errors.some(
    (e) =>
      e.keyword === 'additionalProperties' &&
      e.instancePath === required.instancePath &&
      didYouMean(String(e.params.additionalProperty), [missing]).length > 0,
  );
}

function isDiscriminatorTag(required: ErrorObject, errors: readonly ErrorObject[]): boolean {
  return errors.some((e) => e.keyword === 'discriminator' && e.instancePath === required.instancePath && e.params.tag === required.params.missingProperty);
}
