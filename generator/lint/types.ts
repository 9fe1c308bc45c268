/**
 * Types of armgen's lint: checks of the rendered ARM template and parameter files, modelled on arm-ttk's
 * deploymentTemplate / deploymentParameters tests and Bicep's linter rules (see AZURE-NOTES.md §5).
 */
export type LintSeverity = 'error' | 'warning';

/** One problem in one rendered file. */
export interface LintFinding {
  /** The artifact path as given (`template-ua/azuredeploy.json`). */
  readonly path: string;
  /** Stable rule id (`parameters-referenced`); never renamed, documented in `lintRules`. */
  readonly rule: string;
  readonly severity: LintSeverity;
  readonly message: string;
  /**
   * Where in the file: `$.resources[0].location` (see jsonPath.ts). Every finding the lint produces has
   * one (`$` when the whole file is meant), so every diagnostic gets a line (SARIF needs a region).
   */
  readonly jsonPath?: string;
}

/** A rendered file, as `generate` produces it. */
export interface LintFile {
  readonly path: string;
  /** The file's text: sizes are measured and findings located in it. */
  readonly text: string;
  /**
   * The file's JSON value when the caller already has it (verify parsed the rendered text): the lint
   * uses it instead of parsing `text` again. It must be what `text` parses to, and is never modified.
   */
  readonly json?: unknown;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
