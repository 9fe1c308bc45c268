import type { Expr } from '../../model/expr.js';
import type { BicepProp, Decorator } from './bicepTemplate.js';
import { bicepPropertyKey, bicepString, lintSuppressions, toBicep, toBicepFlat } from './bicepText.js';

/**
 * The only helpers the Bicep templates may call (knownHelpersOnly). Each lays out a whole piece (a decorator
 * block, a declaration's value, a body) the way `bicep format` prints it, so templates carry no column arithmetic
 * and every value goes through bicepText.ts, where escaping lives. Handlebars appends its `options` object to
 * every call; the helpers ignore it.
 */
export const bicepHelpers = {
  /** A plain string (a resource type, a module path) as a Bicep string literal. */
  str: (value: string): string => bicepString(value),
  /**
   * The lines above a declaration, each ending in a newline: its decorators (`@description('...')`), then a
   * `#disable-next-line` comment when it needs one; empty when there are none.
   */
  decorators: (d: { readonly decorators: readonly Decorator[]; readonly suppress?: string }): string =>
    [...d.decorators.map(decorator), ...(d.suppress ? [d.suppress] : [])].map((line) => `${line}\n`).join(''),
  /** `head = value`, the value laid out from the column where it starts. */
  declare: (head: string, value: Expr): string => `${head} = ${toBicep(value, { level: 0, column: head.length + 3 })}`,
  /** `if (condition) ` for a conditional resource. */
  condition: (value: Expr): string => `if (${toBicepFlat(value)}) `,
  /** A declaration body: one `key: value` line per property at nesting level 1, lint comments where a value needs one. */
  body: (props: readonly BicepProp[]): string =>
    props
      .map((p) => {
        const prefix = `  ${bicepPropertyKey(p.key)}: `;
        const codes = [lintSuppressions(p.value)?.replace('#disable-next-line ', ''), p.suppress].filter(Boolean);
        return `${codes.length ? `  #disable-next-line ${codes.join(' ')}\n` : ''}${prefix}${toBicep(p.value, { level: 1, column: prefix.length })}`;
      })
      .join('\n'),
} as const;

/** `@name(args)`: one argument laid out from after `@name(` (an array may break), several on one line. */
function decorator(d: Decorator): string {
  const open = `@${d.name}(`;
  if (d.args.length === 1) return `${open}${toBicep(d.args[0]!, { level: 0, column: open.length, trailing: 1 })})`;
  return `${open}${d.args.map((a) => toBicepFlat(a)).join(', ')})`;
}
