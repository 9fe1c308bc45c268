import { deployedTypes as defaultApiVersions } from '../azure/resourceTypes.js';
import { dependencyType } from './dependsOn.js';
import { callsIn, type ExprNode } from './expression.js';
import type { Segment } from './jsonPath.js';
import { defineRule } from './rule.js';
import { ownStrings } from './template.js';
import { expressionsIn, perTemplate } from './traverse.js';

/**
 * The date API versions are measured against. It is a constant on purpose and never today's date:
 * lint results must not change by themselves (arm-ttk compares with "now" and a CI gate on it can start
 * failing with no code change, AZURE-NOTES.md §2.3). Move it forward in a release, together with the
 * API-version table in arm/resourceTypes.ts, and let the golden tests show what changed.
 */
export const LINT_REFERENCE_DATE = '2026-11-01';

/** arm-ttk `$NumberOfDays`, Bicep `maxAllowedAgeInDays`. */
export const MAX_API_AGE_DAYS = 730;

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Days from the API version's date to LINT_REFERENCE_DATE; undefined when it is not date-shaped. */
export function apiVersionAgeDays(apiVersion: string, reference = LINT_REFERENCE_DATE): number | undefined {
  const m = DATE.exec(apiVersion);
  const r = DATE.exec(reference);
  if (!m || !r) return undefined;
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const ref = Date.UTC(Number(r[1]), Number(r[2]) - 1, Number(r[3]));
  return Math.floor((ref - at) / DAY_MS);
}

const latestKnown = new Map(Object.entries(defaultApiVersions).map(([t, v]) => [t.toLowerCase(), v as string]));

/** True when armgen knows a newer version of the type than `apiVersion` (a stable version of the same date counts as newer than its preview). */
function newerKnown(type: string, apiVersion: string): string | undefined {
  const latest = latestKnown.get(type.toLowerCase());
  if (latest === undefined) return 'unknown';
  const a = apiVersion.slice(0, 10);
  const l = latest.slice(0, 10);
  if (l > a || (l === a && apiVersion.length > 10 && latest.length === 10)) return latest;
  return undefined;
}

/** What is wrong with `type`'s `apiVersion`, if anything. */
function apiVersionProblem(type: string, apiVersion: string): string | undefined {
  const age = apiVersionAgeDays(apiVersion);
  if (age === undefined) return `API version '${apiVersion}' of '${type}' is not a date (YYYY-MM-DD[-suffix])`;
  if (age <= MAX_API_AGE_DAYS) return undefined;
  const newer = newerKnown(type, apiVersion);
  if (newer === undefined) return undefined;
  return `API version ${apiVersion} of '${type}' is ${age} days older than ${LINT_REFERENCE_DATE} (limit ${MAX_API_AGE_DAYS})${newer === 'unknown' ? '' : `; ${newer} is available`}`;
}

/** The resource type and literal API version of each `reference(resourceId(...), 'v')` / `list*(...)` call. */
function versionedCalls(node: ExprNode): { type: string; apiVersion: string }[] {
  return callsIn(node).flatMap((c) => {
    const fn = c.name.toLowerCase();
    const [target, version] = c.args;
    if ((fn !== 'reference' && !fn.startsWith('list')) || target === undefined || version?.k !== 'str') return [];
    const type = dependencyType(target);
    return type ? [{ type, apiVersion: version.v }] : [];
  });
}

/**
 * API versions are no older than two years before LINT_REFERENCE_DATE, unless no newer version is
 * known: arm-ttk's rule is "the latest or under 730 days old", and armgen's table of API versions
 * (arm/resourceTypes.ts, the newest stable in the official schemas) is what "latest" means here.
 * Types armgen does not know are measured by age alone. Checked on resources and on the API versions
 * passed to reference() and list*() (arm-ttk "apiVersions Should Be Recent In Reference Functions").
 */
export const apiVersionsRecent = defineRule({ id: 'api-versions-recent', severity: 'warning', kind: 'lint', appliesTo: 'template' }, {
  doc: `API versions (resources, reference(), list*()) are at most ${MAX_API_AGE_DAYS} days older than the pinned LINT_REFERENCE_DATE (${LINT_REFERENCE_DATE}) unless no newer version is known.`,
  source: 'arm-ttk apiVersions Should Be Recent (+ In Reference Functions); Bicep use-recent-api-versions',
  // template by template: a template's resources, then the calls in its own strings
  check: perTemplate((info, hit, ctx) => {
    const judge = (type: string, apiVersion: string, at: readonly Segment[]): void => {
      const problem = apiVersionProblem(type, apiVersion);
      if (problem) hit(problem, at);
    };
    for (const r of info.resources) if (typeof r.resource.apiVersion === 'string') judge(r.fullType, r.resource.apiVersion, [...r.path, 'apiVersion']);
    for (const { node, site } of expressionsIn(ownStrings(info, ctx.templates))) {
      for (const c of versionedCalls(node)) judge(c.type, c.apiVersion, site.path);
    }
  }),
});
