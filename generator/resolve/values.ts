import { fromJson, type Expr } from '../model/expr.js';
import type { Tags } from '../model/config.generated.js';
import { isParamRef, type ResolveContext } from './context.js';

/** Tags as an expression: a literal map (keys sorted) or an object parameter. */
export function tagsValue(ctx: ResolveContext, tags: Tags, pointer: string): Expr {
  if (isParamRef(tags)) return ctx.useParam(tags, { pointer: `${pointer}/param`, type: 'object' });
  return fromJson(tags);
}

/** A boolean or a bool parameter. */
export function boolValue(ctx: ResolveContext, value: boolean | { param: string }, pointer: string): Expr {
  if (typeof value === 'boolean') return { k: 'bool', v: value };
  return ctx.useParam(value, { pointer: `${pointer}/param`, type: 'bool' });
}
