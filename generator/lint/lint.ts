import type { Diagnostic } from '../diagnostics.js';
import { locateJsonPath } from './jsonPath.js';
import type { FileContext, LintRule } from './rule.js';
import { allRules, jsonValid } from './rules.js';
import { collectTemplates } from './template.js';
import { isObject, type JsonObject, type LintFile, type LintFinding } from './types.js';

export type { LintFile, LintFinding } from './types.js';
export { LINT_REFERENCE_DATE } from './apiVersions.js';
export { ARM_LIMITS, LIMITS_DOC } from './limits.js';
export { lintRules, lintRulesMarkdown } from './rules.js';

const MAIN_TEMPLATE_NAMES = ['azuredeploy.json', 'maintemplate.json'];

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

function run(files: readonly LintFile[], select: (r: LintRule) => boolean, forcedTemplate?: LintFile): LintFinding[] {
  const rules = allRules.filter(select);
  const findings: LintFinding[] = [];
  const contexts: FileContext[] = [];
  for (const file of files) {
    if (!file.path.toLowerCase().endsWith('.json')) continue;
    let root: unknown;
    try {
      root = JSON.parse(file.text);
    } catch (err) {
      if (select(jsonValid)) findings.push({ path: file.path, rule: jsonValid.id, severity: jsonValid.severity, message: `not valid JSON: ${(err as Error).message}` });
      continue;
    }
    if (!isObject(root)) {
      if (select(jsonValid)) findings.push({ path: file.path, rule: jsonValid.id, severity: jsonValid.severity, message: 'the file is not a JSON object' });
      continue;
    }
    const kind = forcedTemplate ? (file === forcedTemplate ? 'template' : 'parameters') : classify(file.path, root as JsonObject);
    if (!kind) continue;
    contexts.push({ file, root: root as JsonObject, kind, templates: kind === 'template' ? collectTemplates(root as JsonObject) : [] });
  }
  const paired = contexts.map((ctx) => (ctx.kind === 'parameters' ? withTemplate(ctx, contexts) : ctx));
  for (const ctx of paired) {
    for (const rule of rules) {
      if (rule.appliesTo !== 'any' && rule.appliesTo !== ctx.kind) continue;
      for (const hit of rule.check(ctx)) {
        findings.push({ path: ctx.file.path, rule: rule.id, severity: rule.severity, message: hit.message, ...(hit.jsonPath ? { jsonPath: hit.jsonPath } : {}) });
      }
    }
  }
  return findings;
}

function classify(path: string, root: JsonObject): 'template' | 'parameters' | undefined {
  const schema = typeof root.$schema === 'string' ? root.$schema.toLowerCase() : '';
  if (schema.includes('deploymentparameters')) return 'parameters';
  if (schema.includes('deploymenttemplate')) return 'template';
  if (/\.parameters(\.[^/]*)?\.json$/i.test(path)) return 'parameters';
  if ('resources' in root) return 'template';
  return undefined;
}

function dirOf(path: string): string {
  const p = path.replace(/\\/g, '/');
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

function withTemplate(ctx: FileContext, all: readonly FileContext[]): FileContext {
  const dir = dirOf(ctx.file.path);
  const candidates = all.filter((c) => c.kind === 'template' && dirOf(c.file.path) === dir);
  const template = candidates.find((c) => MAIN_TEMPLATE_NAMES.includes(c.file.path.replace(/\\/g, '/').split('/').pop()?.toLowerCase() ?? '')) ?? (candidates.length === 1 ? candidates[0] : undefined);
  return template ? { ...ctx, template } : ctx;
}

/**
 * A finding as a CLI diagnostic: AG400 for limits, AG500 for lint, message `[rule-id] ...`, located at
 * its JSON path in the file's text when it can be found (else line/col 0).
 */
export function findingToDiagnostic(f: LintFinding, text?: string, file: string = f.path): Diagnostic {
  const rule = allRules.find((r) => r.id === f.rule);
  const at = f.jsonPath && text !== undefined ? locateJsonPath(text, f.jsonPath) : undefined;
  return {
    file,
    line: at?.line ?? 0,
    col: at?.col ?? 0,
    severity: f.severity,
    code: rule?.kind === 'limit' ? 'AG400' : 'AG500',
    message: `[${f.rule}] ${f.message}${f.jsonPath ? ` (at ${f.jsonPath})` : ''}`,
  };
}
