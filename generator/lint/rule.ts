import type { Segment } from './jsonPath.js';
import type { TemplateInfo } from './template.js';
import type { JsonObject, LintFile, LintSeverity } from './types.js';

/** What a rule sees of one parsed file. */
export interface FileContext {
  readonly file: LintFile;
  readonly root: JsonObject;
  readonly kind: 'template' | 'parameters';
  /** Templates: the main template and every nested inline template. Empty for parameter files. */
  readonly templates: readonly TemplateInfo[];
  /** Parameter files: the template in the same folder, when there is one. */
  readonly template?: FileContext;
}

/** Reports one finding of the running rule at `at` (segments of a JSON path; `[]` is the whole file). */
export type Hit = (message: string, at: readonly Segment[]) => void;

export interface LintRule {
  /** Stable id, printed as `[id]`; never renamed. */
  readonly id: string;
  readonly severity: LintSeverity;
  /** One line for the README's rule table. */
  readonly doc: string;
  /** Which reference rule it follows (arm-ttk test, Bicep rule, Azure doc). */
  readonly source: string;
  /** 'limit' rules are Azure hard limits (diagnostic AG400); 'lint' rules are AG500. */
  readonly kind: 'lint' | 'limit';
  readonly appliesTo: 'template' | 'parameters' | 'any';
  /** Calls `hit` once per finding, in a stable order. */
  readonly check: (ctx: FileContext, hit: Hit) => void;
}

/**
 * A rule from its identity (id, severity, kind, appliesTo: written on one line, as every rule states
 * them) and what it checks.
 */
export function defineRule(identity: Pick<LintRule, 'id' | 'severity' | 'kind' | 'appliesTo'>, body: Pick<LintRule, 'doc' | 'source' | 'check'>): LintRule {
  return { ...identity, ...body };
}
