/** Turns Ajv errors into `<where>: <path> <message>` lines, keeping only the errors that explain a failure. */
import type { ErrorObject } from 'ajv';
import { CHILD_NAME_KEYWORD } from './childNameKeyword.js';
import { snippet } from './schemaJson.js';

/** Errors raised inside the `expression` alternative only say "this is not an expression": noise. */
const EXPRESSION_BRANCH_ERROR = /\/definitions\/expression\/(?:type|pattern)$/;

/**
 * Keeps the errors that explain a failure: drops the "not an expression" half of every `oneOf [X, expression]`,
 * our synthetic branches, and `oneOf`/`anyOf` summaries that a more specific error at or below them explains.
 * Never returns an empty list for a failed validation.
 */
export function pruneErrors(errors: readonly ErrorObject[], synthetic: ReadonlySet<string>): ErrorObject[] {
  const relevant = errors.filter(
    (e) =>
      !EXPRESSION_BRANCH_ERROR.test(e.schemaPath) &&
      !(e.keyword === 'pattern' && synthetic.has(String(e.params.pattern))) &&
      !(e.keyword === CHILD_NAME_KEYWORD && e.params.notApplicable === true),
  );
  const childNamePaths = new Set(relevant.filter((e) => e.keyword === CHILD_NAME_KEYWORD).map((e) => e.instancePath));
  const isSummary = (e: ErrorObject): boolean => e.keyword === 'anyOf' || (e.keyword === 'oneOf' && e.params.passingSchemas == null);
  const concrete = relevant.filter((e) => !isSummary(e) && (!childNamePaths.has(e.instancePath) || e.keyword === CHILD_NAME_KEYWORD));
  const explained = (e: ErrorObject): boolean => concrete.some((c) => c.instancePath === e.instancePath || c.instancePath.startsWith(`${e.instancePath}/`));
  const kept = new Set([...concrete, ...relevant.filter((e) => isSummary(e) && !explained(e))]);
  const seen = new Set<string>();
  const result = errors.filter((e) => {
    const key = `${e.instancePath}|${describe(e)}`;
    if (!kept.has(e) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return result.length > 0 ? result : [...errors];
}

function describe(e: ErrorObject): string {
  const message = e.message ?? e.keyword;
  switch (e.keyword) {
    case 'enum':
      return `${message}: ${(e.params.allowedValues as unknown[]).map((v) => snippet(v)).join(', ')} (got ${snippet(e.data)})`;
    case 'additionalProperties':
      return `must NOT have additional property '${String(e.params.additionalProperty)}'`;
    case 'oneOf':
      return e.params.passingSchemas == null ? message : `matches more than one alternative of a oneOf (branches ${String(e.params.passingSchemas)})`;
    case 'type':
    case 'pattern':
    case 'format':
    case 'maxLength':
    case 'minLength':
      return `${message} (got ${snippet(e.data)})`;
    default:
      return message;
  }
}

/** `<where>: <path> <message>` (or `<path>: <message>` at the root of the validated document). */
export function formatErrors(where: string, errors: readonly ErrorObject[]): string[] {
  return errors.map((e) => {
    const path = e.instancePath;
    if (where === '') return `${path || '/'}: ${describe(e)}`;
    return path === '' ? `${where}: ${describe(e)}` : `${where}: ${path} ${describe(e)}`;
  });
}
