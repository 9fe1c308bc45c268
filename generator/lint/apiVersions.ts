import { deployedTypes as defaultApiVersions } from '../azure/resourceTypes.js';
import { callsIn } from './expression.js';
import { dependencyType } from './dependsOn.js';
import { formatPath } from './jsonPath.js';
import type { LintRule } from './rule.js';
import { expressionOf, listResources, ownStrings } from './template.js';
import type { RuleHit } from './types.js';

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

/**
 * API versions are no older than two years before LINT_REFERENCE_DATE, unless no newer version is
 * known: arm-ttk's rule is "the latest or under 730 days old", and armgen's table of API versions
 * (arm/resourceTypes.ts, the newest stable in the official schemas) is what "latest" means here.
 * Types armgen does not know are measured by age alone. Checked on resources and on the API versions
 * passed to reference() and list*() (arm-ttk "apiVersions Should Be Recent In Reference Functions").
 */
export const apiVersionsRecent: LintRule = {
  id: 'api-versions-recent',
  severity: 'warning',
  kind: 'lint',
  appliesTo: 'template',
  doc: `API versions (resources, reference(), list*()) are at most ${MAX_API_AGE_DAYS} days older than the pinned LINT_REFERENCE_DATE (${LINT_REFERENCE_DATE}) unless no newer version is known.`,
  source: 'arm-ttk apiVersions Should Be Recent (+ In Reference Functions); Bicep use-recent-api-versions',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const judge = (type: string, apiVersion: string, jsonPath: string): void => {
      const age = apiVersionAgeDays(apiVersion);
      if (age === undefined) {
        hits.push({ message: `API version '${apiVersion}' of '${type}' is not a date (YYYY-MM-DD[-suffix])`, jsonPath });
        return;
      }
      if (age <= MAX_API_AGE_DAYS) return;
      const newer = newerKnown(type, apiVersion);
      if (newer === undefined) return;
      hits.push({
        message: `API version ${apiVersion} of '${type}' is ${age} days older than ${LINT_REFERENCE_DATE} (limit ${MAX_API_AGE_DAYS})${newer === 'unknown' ? '' : `; ${newer} is available`}`,
        jsonPath,
      });
    };
    for (const info of ctx.templates) {
      for (const r of listResources(info.template, info.path)) {
        if (typeof r.resource.apiVersion === 'string') judge(r.fullType, r.resource.apiVersion, formatPath([...r.path, 'apiVersion']));
      }
      for (const site of ownStrings(info, ctx.templates)) {
        const node = expressionOf(site.value);
        if (!node) continue;
        for (const c of callsIn(node)) {
          const fn = c.name.toLowerCase();
          if (fn !== 'reference' && !fn.startsWith('list')) continue;
          const [target, version] = c.args;
          if (target === undefined || version?.k !== 'str') continue;
          const type = dependencyType(target);
          if (type) judge(type, version.v, formatPath(site.path));
        }
      }
    }
    return hits;
  },
};
