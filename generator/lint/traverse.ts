/**
 * The walks lint rules share, so that each rule says only what it checks: a check per template or per
 * resource, the expressions among a file's strings, every property of a JSON value. Findings are
 * reported with `hit(message, at)`, `at` a segment array that the engine formats as the jsonPath.
 */
import { isExpression, type ExprNode } from './expression.js';
import type { Segment } from './jsonPath.js';
import type { FileContext, Hit, LintRule } from './rule.js';
import { expressionOf, stringsIn, type ResourceInfo, type StringSite, type TemplateInfo } from './template.js';
import { isObject, type JsonValue } from './types.js';

/** A rule's check that looks at each template of the file in turn (main template first, then nested ones). */
export function perTemplate(visit: (info: TemplateInfo, hit: Hit, ctx: FileContext) => void): LintRule['check'] {
  return (ctx, hit) => {
    for (const info of ctx.templates) visit(info, hit, ctx);
  };
}

/** A rule's check that looks at each resource (child resources included) of each template in turn. */
export function perResource(visit: (r: ResourceInfo, hit: Hit, info: TemplateInfo) => void): LintRule['check'] {
  return perTemplate((info, hit) => {
    for (const r of info.resources) visit(r, hit, info);
  });
}

/** The strings ARM evaluates (`[...]`, not `[[`) anywhere in the file, keys included, parsable or not. */
export function expressionStrings(ctx: FileContext): StringSite[] {
  return stringsIn(ctx.root, []).filter((site) => isExpression(site.value));
}

/** The sites that hold a parsable expression, with the parsed expression. */
export function* expressionsIn(sites: readonly StringSite[]): Generator<{ readonly node: ExprNode; readonly site: StringSite }> {
  for (const site of sites) {
    const node = expressionOf(site.value);
    if (node) yield { node, site };
  }
}

/**
 * Every property of every object under `value` (through arrays), depth first, each property before what
 * lies under it. `at` is the path of the object holding the property, `parentKey` the key that object sits
 * under (undefined for the root and array items). `visit` returns false to skip what lies under the value.
 */
export function eachProperty(
  value: JsonValue,
  at: readonly Segment[],
  visit: (key: string, child: JsonValue, at: readonly Segment[], parentKey: string | undefined) => boolean,
  parentKey?: string,
): void {
  if (Array.isArray(value)) value.forEach((item, i) => eachProperty(item, [...at, i], visit));
  if (!isObject(value)) return;
  for (const [k, child] of Object.entries(value)) {
    if (visit(k, child, at, parentKey)) eachProperty(child, [...at, k], visit, k);
  }
}
