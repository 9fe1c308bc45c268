/**
 * How much input armgen reads. Every limit is far above any real config (the largest example,
 * examples/maximal.yaml, is 7 KB, ~500 values and keys, 7 levels deep) and low enough that the worst input under it
 * loads in a second or two on one core with at most a few hundred MB (test/unit/load/limits.test.ts).
 * A config over a limit is refused with AG103 before the costly step, never half-processed.
 */

/**
 * The file itself: 4 MiB. ARM refuses a template (and a parameter file) over 4 MB, and a config's text is
 * largely carried into them, so a larger config could never deploy. Checked before parsing.
 * https://learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits#template-limits
 */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

/**
 * YAML tokens (scalars, indicators, line breaks...), counted by yaml's lexer before its parser runs: 100,000,
 * about 500 KB of ordinary YAML (~5 bytes a token; examples/maximal.yaml has 1,376). yaml's parser needs
 * 3-20 µs and ~300 bytes per token, so a 4 MB file of `0,0,0,...` (6 M tokens) would take ~20 s and 2 GB.
 * Counted only for inputs of TOKEN_COUNT_FROM_BYTES or more: a smaller file cannot have that many tokens
 * (each is at least one character), and ordinary configs skip the extra lexer pass.
 */
export const MAX_YAML_TOKENS = 100_000;
export const TOKEN_COUNT_FROM_BYTES = 64 * 1024;

/**
 * Nesting depth (mappings and sequences inside each other): 64. armgen's schema needs 7 levels; a free-form
 * variable value rarely a dozen. yaml composes nodes recursively and overflows the stack near 800 levels
 * (reported as "Maximum call stack size exceeded"), so the depth is checked on the syntax tree, before composing.
 */
export const MAX_DEPTH = 64;

/**
 * Aliases (`*name`) in the file: 1,000. Real configs use a handful; thousands only serve to multiply a value.
 */
export const MAX_ALIAS_COUNT = 1000;

/**
 * The data once every alias is expanded (each alias counts the whole value it repeats): at most 1,000,000
 * values (mappings, sequences, scalars, keys) and 8 Mi characters of text (keys and strings). Twice ARM's
 * 4 MB template limit in text: anything larger cannot become a deployable template, and these bounds keep
 * validation and rendering of the largest accepted config within seconds. Measured on the parsed tree,
 * before any value is built, in one pass (an alias reuses the size computed for its anchor).
 */
export const MAX_EXPANDED_VALUES = 1_000_000;
export const MAX_EXPANDED_CHARS = 8 * 1024 * 1024;
