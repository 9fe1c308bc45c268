import type { Expr } from '../../model/expr.js';
import type { BicepProp, Decorator } from './bicepTemplate.js';
import { lintCodes, suppressed } from './bicepSuppressions.js';
import { bicepPropertyKey, bicepString, toBicep, toBicepFlat } from './bicepText.js';

/**
 * The only helpers the Bicep templates may call (knownHelpersOnly). Each lays out a whole piece (a decorator
 * block, a declaration's value, a body) the way `bicep format` prints it, so templates carry no column arithmetic
 * and every value goes through bicepText.ts, where escaping lives. Handlebars appends its `options` object to
 * every call; the helpers ignore it.
 */
export const bicepHelpers = {
  /** A plain string (a resource type, a module path) as a Bicep string literal. */
  str: (value: string): string => bicepString(value),
  /** The lines above a declaration, each ending in a newline: its decorators (`@description('...')`); empty when there are none. */
  decorators: (d: { readonly decorators: readonly Decorator[] }): string => d.decorators.map((line) => `${decorator(line)}\n`).join(''),
  /** `head = value`, the value laid out from the column where it starts. */
  declare: (head: string, value: Expr): string => declaration(head, value),
  /** A parameter declaration (`param x string`, or with ` = default`), silenced for the lint codes it needs. */
  parameter: (d: { readonly head: string; readonly value?: Expr; readonly suppress?: readonly string[] }): string =>
    suppressed(d.suppress ?? [], '', d.value ? declaration(d.head, d.value) : d.head),
  /** `if (condition) ` for a conditional resource. */
  condition: (value: Expr): string => `if (${toBicepFlat(value)}) `,
  /** A declaration body: one `key: value` line per property at nesting level 1, lint comments where a value needs one. */
  body: (props: readonly BicepProp[]): string =>
    props
      .map((p) => {
        const prefix = `  ${bicepPropertyKey(p.key)}: `;
        return suppressed([...lintCodes(p.value), ...(p.suppress ? [p.suppress] : [])], '  ', prefix + toBicep(p.value, { level: 1, column: prefix.length }));
      })
      .join('\n'),
} as const;

function declaration(head: string, value: Expr): string {
  return `${head} = ${toBicep(value, { level: 0, column: head.length + 3 })}`;
}

/** `@name(args)`: one argument laid out from after `@name(` (an array may break), several on one line. */
function decorator(d: Decorator): string {
  const open = `@${d.name}(`;
  if (d.args.length === 1) return `${open}${toBicep(d.args[0]!, { level: 0, column: open.length, trailing: 1 })})`;
  return `${open}${d.args.map((a) => toBicepFlat(a)).join(', ')})`;
}
