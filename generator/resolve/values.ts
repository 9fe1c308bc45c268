import { tagsProblem } from '../azure/naming.js';
import { fromJson, type Expr } from '../model/expr.js';
import type { Tags } from '../model/config.generated.js';
import { isParamRef, type ResolveContext, type ValueCheck } from './context.js';

/**
 * Tags: at most 50, names 1-512 characters without < > % & \ ? / and unique regardless of letter case, values up to
 * 256 (Azure's tag limits). The schema checks a literal map but for letter case; an object parameter's literal values
 * (default, parameter files, environments) are checked here, where they are written. A secure parameter is refused:
 * every Reader sees tags.
 */
const TAGS_CHECK: ValueCheck = { code: 'AG308', problem: (value) => tagsProblem(value) };

/**
 * Tags as an expression: a literal map (keys sorted) or an object parameter. Only a map whose one key is `param` is
 * a reference (as the schema reads it): `{ param: x, owner: y }` is two tags, one of them named `param`.
 */
export function tagsValue(ctx: ResolveContext, tags: Tags, pointer: string): Expr {
  if (isParamRef(tags) && Object.keys(tags).length === 1) return ctx.useParam(tags, { pointer: `${pointer}/param`, type: 'object', check: TAGS_CHECK, secrecy: 'refuse' });
  // The schema checked lengths and characters; names equal but for letter case only show here.
  const problem = tagsProblem(tags);
  if (problem) ctx.error(pointer, TAGS_CHECK.code, problem);
  return fromJson(tags);
}

/** A boolean or a bool parameter. */
export function boolValue(ctx: ResolveContext, value: boolean | { param: string }, pointer: string): Expr {
  if (typeof value === 'boolean') return { k: 'bool', v: value };
  return ctx.useParam(value, { pointer: `${pointer}/param`, type: 'bool' });
}
