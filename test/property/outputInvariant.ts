import type { Artifact } from '../../generator/model/artifact.js';
import { onlyUncopied, type ArmSchemaValidator } from '../support/armSchemas.js';

/**
 * The invariant every config armgen accepts must satisfy, as a list of problems (empty when it holds):
 * every .json file parses; no template (nested inner templates included) declares two resources with one
 * (type, name), which ARM would deploy as one resource; and, when a validator is given, every template and
 * parameter file passes Microsoft's official schemas (test/support/armSchemas.ts). The real Bicep CLI part of the
 * invariant runs on a sample (bicepSample.property.test.ts): it costs seconds per call.
 */
export function outputProblems(artifacts: readonly Artifact[], validator?: ArmSchemaValidator): string[] {
  const problems: string[] = [];
  for (const a of artifacts.filter((x) => x.path.endsWith('.json'))) {
    let json: unknown;
    try {
      json = JSON.parse(a.text);
    } catch (err) {
      problems.push(`${a.path}: not JSON: ${(err as Error).message}`);
      continue;
    }
    const isParameters = /\.parameters(\.[^.]+)?\.json$/.test(a.path);
    if (!isParameters) problems.push(...duplicateResources(json, a.path));
    if (!validator) continue;
    const checked = withoutLineBreaksInExpressions(json);
    // Types outside the offline schema subset are checked only for existing upstream (onlyUncopied).
    const errors = isParameters ? validator.validateParameters(checked) : validator.validateTemplate(checked);
    problems.push(...errors.filter((e) => !onlyUncopied(e)).map((e) => `${a.path}: ${e}`));
  }
  return problems;
}

type Json = Record<string, unknown>;

/**
 * A copy in which every line terminator inside an ARM expression string is a space. The official schemas spell an
 * expression as the pattern `^\[([^\[].*)?\]$`, and JSON Schema reads patterns as ECMA-262, whose `.` does not
 * match \n, \r, U+2028 or U+2029, so `[resourceId(..., 'name<U+2029>')]` would fail as "not an expression" and then
 * as a literal. ARM parses the expression itself (a string literal may hold any character), so this is the schema's
 * regex dialect, not a template problem; every other check still sees the value.
 */
function withoutLineBreaksInExpressions(value: unknown): unknown {
  if (typeof value === 'string') return /^\[(?!\[)[\s\S]*\]$/.test(value) ? value.replace(/[\n\r\u2028\u2029]/g, ' ') : value;
  if (Array.isArray(value)) return value.map(withoutLineBreaksInExpressions);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutLineBreaksInExpressions(v)]));
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Resources of one template: an array, or an object keyed by symbolic name (languageVersion 2.0). */
function resourcesOf(template: Json): Json[] {
  const r = template.resources;
  if (Array.isArray(r)) return r.filter(isObject);
  return isObject(r) ? Object.values(r).filter(isObject) : [];
}

/**
 * Two resources with one type and name (both compared case-insensitively, as ARM does; names are compared as
 * written, so `[parameters('a')]` twice is a duplicate and two different expressions are not). `existing`
 * declarations create nothing and are left out. Recurses into inline nested templates, each its own scope.
 */
export function duplicateResources(template: unknown, where: string): string[] {
  if (!isObject(template)) return [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  resourcesOf(template).forEach((r, i) => {
    if (r.existing === true) return;
    const key = `${String(r.type).toLowerCase()} ${String(r.name).toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push(`${where}: resources[${first}] and resources[${i}] are both ${String(r.type)} named ${JSON.stringify(r.name)}`);
    else seen.set(key, i);
    const properties = r.properties;
    if (String(r.type).toLowerCase() === 'microsoft.resources/deployments' && isObject(properties)) {
      problems.push(...duplicateResources(properties.template, `${where} > ${String(r.name)}`));
    }
  });
  return problems;
}
