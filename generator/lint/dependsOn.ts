import type { ExprNode } from './expression.js';
import { defineRule, type Hit } from './rule.js';
import { expressionOf, type ResourceInfo } from './template.js';
import { perTemplate } from './traverse.js';
import { isObject, type JsonValue } from './types.js';

const RESOURCE_TYPE = /^[A-Za-z0-9][A-Za-z0-9.-]*\/[A-Za-z0-9][A-Za-z0-9/._-]*$/;
const ID_FUNCTIONS = new Set(['resourceid', 'subscriptionresourceid', 'tenantresourceid', 'extensionresourceid']);

/**
 * The resource type a dependsOn entry names: the first type-shaped literal argument of a
 * `resourceId()`-family call (`resourceId('T', ...)`, `resourceId('sub', 'rg', 'T', ...)`).
 */
export function dependencyType(node: ExprNode): string | undefined {
  if (node.k !== 'call' || !ID_FUNCTIONS.has(node.name.toLowerCase())) return undefined;
  const args = node.name.toLowerCase() === 'extensionresourceid' ? node.args.slice(1) : node.args;
  for (const a of args) if (a.k === 'str' && RESOURCE_TYPE.test(a.v)) return a.v;
  return undefined;
}

/**
 * Every `dependsOn` entry names a resource deployed by the same template: ARM fails a deployment
 * whose dependsOn names a resource it does not deploy ("InvalidTemplate ... is not defined in the
 * template"), and a nested template cannot depend on its parent's resources. Entries built with
 * `resourceId()` are matched by resource type, literal entries by resource name; other expressions
 * cannot be checked offline and pass.
 */
export const dependsOnInTemplate = defineRule({ id: 'depends-on-in-template', severity: 'error', kind: 'lint', appliesTo: 'template' }, {
  doc: 'Every dependsOn entry names a resource deployed by the same template (matched by the type in resourceId(...), or by name for literal entries).',
  source: 'ARM template syntax (resource dependencies); arm-ttk DependsOn Best Practices',
  check: perTemplate((info, hit) => {
    const deployed = deployedBy(info.resources);
    for (const r of info.resources) checkDependsOn(r, deployed, hit);
  }),
});

/** What a template deploys: resource types and names (lower-cased), as dependsOn entries may name them. */
interface Deployed {
  readonly types: ReadonlySet<string>;
  readonly names: ReadonlySet<string>;
}

function deployedBy(resources: readonly ResourceInfo[]): Deployed {
  const names = resources.flatMap((r) => [
    ...(typeof r.resource.name === 'string' ? [r.resource.name.toLowerCase(), r.resource.name.split('/').pop()?.toLowerCase() ?? ''] : []),
    // a dependsOn may name a copy loop
    ...(isObject(r.resource.copy) && typeof r.resource.copy.name === 'string' ? [r.resource.copy.name.toLowerCase()] : []),
  ]);
  return { types: new Set(resources.map((r) => r.fullType.toLowerCase())), names: new Set(names) };
}

function checkDependsOn(r: ResourceInfo, deployed: Deployed, hit: Hit): void {
  const deps = r.resource.dependsOn;
  if (deps === undefined) return;
  if (!Array.isArray(deps)) {
    hit(`dependsOn of '${r.fullType}' must be an array`, [...r.path, 'dependsOn']);
    return;
  }
  deps.forEach((d, i) => {
    const problem = dependencyProblem(r.fullType, d, deployed);
    if (problem) hit(problem, [...r.path, 'dependsOn', i]);
  });
}

function dependencyProblem(fullType: string, d: JsonValue, deployed: Deployed): string | undefined {
  if (typeof d !== 'string') return `dependsOn entries of '${fullType}' must be strings`;
  const node = expressionOf(d);
  if (!node) return !d.startsWith('[') && !deployed.names.has(d.toLowerCase()) ? `'${fullType}' depends on '${d}', which this template does not deploy` : undefined;
  const type = dependencyType(node);
  if (type && !deployed.types.has(type.toLowerCase())) return `'${fullType}' depends on a '${type}' resource, but this template deploys none (a nested template cannot depend on its parent's resources)`;
  return undefined;
}
