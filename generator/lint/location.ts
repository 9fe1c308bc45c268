import { callsIn } from './expression.js';
import { defineRule, type Hit } from './rule.js';
import { declaredParameters, expressionOf, type ResourceInfo, type TemplateInfo } from './template.js';
import { perResource, perTemplate } from './traverse.js';

/**
 * A resource's `location` is an expression or `global`, never a literal region, and does not call
 * `resourceGroup().location` / `deployment().location` itself: those belong in the location
 * parameter's default (arm-ttk "Resources Should Have Location" and "Location Should Not Be Hardcoded",
 * Bicep `no-hardcoded-location` / `no-loc-expr-outside-params`).
 */
export const noHardcodedLocation = defineRule({ id: 'no-hardcoded-location', severity: 'warning', kind: 'lint', appliesTo: 'template' }, {
  doc: "A resource's location is an expression (normally parameters('location')) or 'global'; never a literal region, and resourceGroup().location only as a parameter default.",
  source: 'arm-ttk Resources Should Have Location, Location Should Not Be Hardcoded; Bicep no-hardcoded-location, no-loc-expr-outside-params',
  check: perResource((r, hit) => {
    const problem = locationProblem(r);
    if (problem) hit(problem, [...r.path, 'location']);
  }),
});

function locationProblem(r: ResourceInfo): string | undefined {
  const loc = r.resource.location;
  if (loc === undefined) return undefined;
  if (typeof loc !== 'string') return `resource '${r.fullType}' has a location that is not a string`;
  if (loc.toLowerCase() === 'global') return undefined;
  // A nested deployment's location only says where its record is kept; Bicep itself writes
  // resourceGroup().location for a subscription-scope module of a resource-group file.
  if (r.fullType.toLowerCase() === 'microsoft.resources/deployments') return undefined;
  const node = expressionOf(loc);
  if (!node) return !loc.startsWith('[') || loc.startsWith('[[') ? `resource '${r.fullType}' has the hard-coded location '${loc}'; use [parameters('location')] (or 'global')` : undefined;
  const direct = callsIn(node).find((c) => ['resourcegroup', 'deployment'].includes(c.name.toLowerCase()));
  return direct ? `resource '${r.fullType}' calls ${direct.name}() in its location; use a 'location' parameter that defaults to it instead` : undefined;
}

/**
 * A template that deploys anything with a location declares a `location` parameter (arm-ttk "Location
 * Should Not Be Hardcoded"; the quickstart rule in AZURE-NOTES.md §1 #1).
 */
export const locationParameter = defineRule({ id: 'location-parameter', severity: 'warning', kind: 'lint', appliesTo: 'template' }, {
  doc: "A template (main or nested inner-scoped) with a located resource declares a string parameter named 'location'.",
  source: 'arm-ttk Location Should Not Be Hardcoded',
  check: perTemplate(checkLocationParameter),
});

function checkLocationParameter(info: TemplateInfo, hit: Hit): void {
  const located = info.resources.filter((r) => typeof r.resource.location === 'string' && r.resource.location.toLowerCase() !== 'global');
  if (located.length === 0) return;
  const scope = info.scope;
  const loc = [...declaredParameters(scope.template).entries()].find(([name]) => name.toLowerCase() === 'location');
  if (!loc) hit(`the template deploys located resources (${located[0]?.fullType}) but declares no 'location' parameter`, [...scope.path, 'parameters']);
  else if (typeof loc[1].type !== 'string' || loc[1].type.toLowerCase() !== 'string') hit(`parameter '${loc[0]}' must be of type string`, [...scope.path, 'parameters', loc[0], 'type']);
}
