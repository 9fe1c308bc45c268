import { callsIn } from './expression.js';
import { formatPath } from './jsonPath.js';
import type { LintRule } from './rule.js';
import { declaredParameters, expressionOf, listResources } from './template.js';
import type { RuleHit } from './types.js';

/**
 * A resource's `location` is an expression or `global`, never a literal region, and does not call
 * `resourceGroup().location` / `deployment().location` itself: those belong in the location
 * parameter's default (arm-ttk "Resources Should Have Location" and "Location Should Not Be Hardcoded",
 * Bicep `no-hardcoded-location` / `no-loc-expr-outside-params`).
 */
export const noHardcodedLocation: LintRule = {
  id: 'no-hardcoded-location',
  severity: 'warning',
  kind: 'lint',
  appliesTo: 'template',
  doc: "A resource's location is an expression (normally parameters('location')) or 'global'; never a literal region, and resourceGroup().location only as a parameter default.",
  source: 'arm-ttk Resources Should Have Location, Location Should Not Be Hardcoded; Bicep no-hardcoded-location, no-loc-expr-outside-params',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    for (const info of ctx.templates) {
      for (const r of listResources(info.template, info.path)) {
        const loc = r.resource.location;
        if (loc === undefined) continue;
        const jsonPath = formatPath([...r.path, 'location']);
        if (typeof loc !== 'string') {
          hits.push({ message: `resource '${r.fullType}' has a location that is not a string`, jsonPath });
          continue;
        }
        if (loc.toLowerCase() === 'global') continue;
        // A nested deployment's location only says where its record is kept; Bicep itself writes
        // resourceGroup().location for a subscription-scope module of a resource-group file.
        if (r.fullType.toLowerCase() === 'microsoft.resources/deployments') continue;
        const node = expressionOf(loc);
        if (!node) {
          if (!loc.startsWith('[') || loc.startsWith('[[')) hits.push({ message: `resource '${r.fullType}' has the hard-coded location '${loc}'; use [parameters('location')] (or 'global')`, jsonPath });
          continue;
        }
        const direct = callsIn(node).find((c) => ['resourcegroup', 'deployment'].includes(c.name.toLowerCase()));
        if (direct) hits.push({ message: `resource '${r.fullType}' calls ${direct.name}() in its location; use a 'location' parameter that defaults to it instead`, jsonPath });
      }
    }
    return hits;
  },
};

/**
 * A template that deploys anything with a location declares a `location` parameter (arm-ttk "Location
 * Should Not Be Hardcoded"; the quickstart rule in AZURE-NOTES.md §1 #1).
 */
export const locationParameter: LintRule = {
  id: 'location-parameter',
  severity: 'warning',
  kind: 'lint',
  appliesTo: 'template',
  doc: "A template (main or nested inner-scoped) with a located resource declares a string parameter named 'location'.",
  source: 'arm-ttk Location Should Not Be Hardcoded',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    for (const info of ctx.templates) {
      const located = listResources(info.template, info.path).filter((r) => typeof r.resource.location === 'string' && r.resource.location.toLowerCase() !== 'global');
      if (located.length === 0) continue;
      const params = declaredParameters(info.scope.template);
      const loc = [...params.entries()].find(([name]) => name.toLowerCase() === 'location');
      if (!loc) {
        hits.push({ message: `the template deploys located resources (${located[0]?.fullType}) but declares no 'location' parameter`, jsonPath: formatPath([...info.scope.path, 'parameters']) });
      } else if (typeof loc[1].type !== 'string' || loc[1].type.toLowerCase() !== 'string') {
        hits.push({ message: `parameter '${loc[0]}' must be of type string`, jsonPath: formatPath([...info.scope.path, 'parameters', loc[0], 'type']) });
      }
    }
    return hits;
  },
};
