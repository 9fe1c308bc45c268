import type { Diagnostic } from '../diagnostics.js';
import { readFiles } from './fileContexts.js';
import { formatPath, jsonLocator, type JsonLocator } from './jsonPath.js';
import type { LintRule } from './rule.js';
import { allRules, jsonValid } from './rules.js';
import type { LintFile, LintFinding } from './types.js';

export type { LintFile, LintFinding } from './types.js';
export { ARM_LIMITS, LIMITS_DOC } from './limits.js';
export { lintRules, lintRulesMarkdown } from './rules.js';

/**
 * Lint the rendered ARM files (templates and parameter files; other files are ignored): best-practice
 * rules only (`kind: 'lint'`, diagnostic AG500). Parameter files are checked against the template in the
 * same folder. Deterministic: files in the given order, rules in registry order.
 */
export function lintArtifacts(files: readonly LintFile[]): LintFinding[] {
  return run(files, (r) => r.kind === 'lint');
}

/**
 * Azure's hard template limits (`kind: 'limit'`, diagnostic AG400) for one template and its parameter
 * files: parameters, resources, outputs, sizes, expression length, deployment names. Run it before
 * writing: a template over a limit is a config error.
 */
export function checkLimits(template: LintFile, parameterFiles: readonly LintFile[]): LintFinding[] {
  return run([template, ...parameterFiles], (r) => r.kind === 'limit', template);
}

/** Only the limits, over every template and parameter file given (what `validate` and `check` run). */
export function checkLimitsOnly(files: readonly LintFile[]): LintFinding[] {
  return run(files, (r) => r.kind === 'limit');
}

/** Lint rules and limits together (what `armgen lint` and `generate` run). */
export function checkArtifacts(files: readonly LintFile[]): LintFinding[] {
  return run(files, () => true);
}

/** Files that are not JSON first (json-valid), then each file's findings, rule by rule. */
function run(files: readonly LintFile[], select: (r: LintRule) => boolean, forcedTemplate?: LintFile): LintFinding[] {
  const findings: LintFinding[] = [];
  const { contexts, broken } = readFiles(files, forcedTemplate);
  if (select(jsonValid)) for (const b of broken) findings.push({ path: b.file.path, rule: jsonValid.id, severity: jsonValid.severity, message: b.message, jsonPath: '$' });
  const rules = allRules.filter(select);
  for (const ctx of contexts) {
    for (const rule of rules) {
      if (rule.appliesTo !== 'any' && rule.appliesTo !== ctx.kind) continue;
      rule.check(ctx, (message, at) => findings.push({ path: ctx.file.path, rule: rule.id, severity: rule.severity, message, jsonPath: formatPath(at) }));
    }
  }
  return findings;
}

/**
 * A finding as a CLI diagnostic: AG400 for limits, AG500 for lint, message `[rule-id] ...`, located at
 * its JSON path in the file's text (or the nearest place there: see JsonLocator.nearest), so with the
 * text every diagnostic has a line >= 1; without it, line/col 0. The text is parsed for locating only
 * here, once per file however many of its findings are turned into diagnostics.
 */
export function findingToDiagnostic(f: LintFinding, text?: string, file: string = f.path): Diagnostic {
  const rule = allRules.find((r) => r.id === f.rule);
  const at = text === undefined ? undefined : locatorFor(text).nearest(f.jsonPath ?? '$');
  return {
    file,
    line: at?.line ?? 0,
    col: at?.col ?? 0,
    severity: f.severity,
    code: rule?.kind === 'limit' ? 'AG400' : 'AG500',
    // `$` (the whole file) says nothing the file name does not
    message: `[${f.rule}] ${f.message}${f.jsonPath && f.jsonPath !== '$' ? ` (at ${f.jsonPath})` : ''}`,
  };
}

/** Callers turn a file's findings into diagnostics one after the other: keep the last file's locator. */
let lastLocator: { readonly text: string; readonly locator: JsonLocator } | undefined;

function locatorFor(text: string): JsonLocator {
  if (lastLocator?.text !== text) lastLocator = { text, locator: jsonLocator(text) };
  return lastLocator.locator;
}
