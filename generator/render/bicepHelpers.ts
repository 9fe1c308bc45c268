import type { Expr } from '../arm/expr.js';
import { bicepPropertyKey, bicepString, toBicep } from '../arm/renderBicep.js';

/**
 * The only helpers the Bicep templates may call (knownHelpersOnly). Every value goes through
 * `arm/renderBicep.ts`, so escaping and `bicep format` layout live in one place, whatever a config value holds.
 * Handlebars appends its `options` object to every call; the helpers ignore it.
 */
export const bicepHelpers = {
  /** A plain string (a description, a resource type) as a Bicep string literal. */
  str: (value: string): string => bicepString(value),
  /** `key: value` as an object property at nesting `level` (the line's indentation, 2 spaces per level). */
  prop: (key: string, value: Expr, level: number): string => {
    const prefix = `${bicepPropertyKey(key)}: `;
    return prefix + toBicep(value, { level, column: level * 2 + prefix.length });
  },
  /** An expression that starts at `column` of a line indented `level` times. */
  bicep: (value: Expr, level: number, column: number): string => toBicep(value, { level, column }),
} as const;
