import type { ExprNode } from './expression.js';
import { formatPath } from './jsonPath.js';
import type { LintRule } from './rule.js';
import { expressionOf, listResources } from './template.js';
import { isObject, type RuleHit } from './types.js';

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
export const dependsOnInTemplate: LintRule = {
  id: 'depends-on-in-template',
  severity: 'error',
  kind: 'lint',
  appliesTo: 'template',
  doc: 'Every dependsOn entry names a resource deployed by the same template (matched by the type in resourceId(...), or by name for literal entries).',
  source: 'ARM template syntax (resource dependencies); arm-ttk DependsOn Best Practices',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    for (const info of ctx.templates) {
      const resources = listResources(info.template, info.path);
      const types = new Set(resources.map((r) => r.fullType.toLowerCase()));
      const names = new Set(
        resources.flatMap((r) => [
          ...(typeof r.resource.name === 'string' ? [r.resource.name.toLowerCase(), r.resource.name.split('/').pop()?.toLowerCase() ?? ''] : []),
          // a dependsOn may name a copy loop
          ...(isObject(r.resource.copy) && typeof r.resource.copy.name === 'string' ? [r.resource.copy.name.toLowerCase()] : []),
        ]),
      );
      for (const r of resources) {
        const deps = r.resource.dependsOn;
        if (deps === undefined) continue;
        if (!Array.isArray(deps)) {
          hits.push({ message: `dependsOn of '${r.fullType}' must be an array`, jsonPath: formatPath([...r.path, 'dependsOn']) });
          continue;
        }
        deps.forEach((d, i) => {
          const jsonPath = formatPath([...r.path, 'dependsOn', i]);
          if (typeof d !== 'string') {
            hits.push({ message: `dependsOn entries of '${r.fullType}' must be strings`, jsonPath });
            return;
          }
          const node = expressionOf(d);
          if (!node) {
            if (!d.startsWith('[') && !names.has(d.toLowerCase())) hits.push({ message: `'${r.fullType}' depends on '${d}', which this template does not deploy`, jsonPath });
            return;
          }
          const type = dependencyType(node);
          if (type && !types.has(type.toLowerCase())) hits.push({ message: `'${r.fullType}' depends on a '${type}' resource, but this template deploys none (a nested template cannot depend on its parent's resources)`, jsonPath });
        });
      }
    }
    return hits;
  },
};
