import type { Expr } from '../arm/expr.js';
import { escapeArmLiteral, toArmJson, toParameterFileJson } from '../arm/renderArm.js';

/**
 * The only helpers templates may call (knownHelpersOnly). Each JSON-encodes its value, so no config
 * value can break the JSON around it, whatever quotes, brackets or newlines it holds.
 */
export const armHelpers = {
  /** A plain value (names, types, descriptions) as a JSON literal. */
  json: (value: unknown): string => JSON.stringify(value),
  /** Free text that ARM evaluates like any template string (descriptions): `[...]` escaped as `[[...]`. */
  armText: (value: string): string => JSON.stringify(escapeArmLiteral(value)),
  /** An expression tree as a template value: literals escaped (`[[`), expressions as `"[...]"`. */
  arm: (value: Expr): string => JSON.stringify(toArmJson(value)),
  /** An expression tree as a parameter-file value: taken literally by ARM, never escaped. */
  parameterValue: (value: Expr): string => JSON.stringify(toParameterFileJson(value)),
} as const;
