/**
 * Checks for the SARIF logs armgen prints: the OASIS SARIF 2.1.0 JSON schema (vendored in
 * test/fixtures/sarif/, draft-04, with its licence notice) and GitHub code scanning's documented
 * requirements ("SARIF support for code scanning", docs.github.com: the properties marked "Required" and
 * the limits on them). Each returns `<where>: <what>` strings, empty when the log passes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import type { Log } from 'sarif';
import { repoRoot } from './paths.js';

let validator: ValidateFunction | undefined;

/** Problems against the OASIS schema. */
export function sarifSchemaProblems(log: unknown): string[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object;
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    validator = ajv.compile(schema);
  }
  return validator(log) ? [] : (validator.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
}

/** Problems against GitHub code scanning's requirements. */
export function githubSarifProblems(log: Log): string[] {
  const problems: string[] = [];
  const need = (ok: unknown, what: string) => void (ok ? undefined : problems.push(what));
  need(log.$schema, '$schema is required');
  need(log.version === '2.1.0', 'version must be 2.1.0');
  need(log.runs.length > 0, 'runs[] needs one run');
  log.runs.forEach((run, r) => {
    const driver = run.tool.driver;
    need(driver.name, `runs[${r}].tool.driver.name is required`);
    need(Array.isArray(driver.rules), `runs[${r}].tool.driver.rules[] is required`);
    (driver.rules ?? []).forEach((rule, i) => {
      const at = `runs[${r}].tool.driver.rules[${i}]`;
      need(rule.id, `${at}.id is required`);
      need(!rule.name || rule.name.length <= 255, `${at}.name is limited to 255 characters`);
      for (const key of ['shortDescription', 'fullDescription'] as const) {
        const text = rule[key]?.text ?? '';
        need(text.length > 0 && text.length <= 1024, `${at}.${key}.text is required, at most 1024 characters (${text.length})`);
      }
      need(rule.help?.text, `${at}.help.text is required`);
    });
    need(Array.isArray(run.results), `runs[${r}].results[] is required`);
    (run.results ?? []).forEach((result, i) => {
      const at = `runs[${r}].results[${i}]`;
      need(result.message.text, `${at}.message.text is required`);
      const locations = result.locations ?? [];
      need(locations.length >= 1 && locations.length <= 10, `${at}.locations[] needs 1 to 10 locations`);
      const physical = locations[0]?.physicalLocation;
      need(physical?.artifactLocation?.uri, `${at}: physicalLocation.artifactLocation.uri is required`);
      const region = physical?.region;
      for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn'] as const) need((region?.[key] ?? 0) >= 1, `${at}: region.${key} is required (>= 1)`);
    });
  });
  return problems;
}
