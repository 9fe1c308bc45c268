import { walkExpr, type ExprNode } from './expression.js';
import { formatPath, type Segment } from './jsonPath.js';
import type { LintRule } from './rule.js';
import { expressionOf, listResources, nestedTemplate } from './template.js';
import { isObject, type JsonValue, type RuleHit } from './types.js';

/**
 * Properties named `*Id` that are not resource IDs (a subset of arm-ttk's exemption list that
 * applies to Automation, identity and RBAC resources). `roleDefinitionId` is *not* exempt: it must be
 * built with `subscriptionResourceId()` (or `tenantResourceId()`), which passes.
 */
const EXEMPT = new Set(
  ['appId', 'applicationId', 'clientId', 'objectId', 'principalId', 'tenantId', 'subscriptionId', 'keyId', 'keyVaultId', 'keyVaultSecretId', 'groupId', 'servicePrincipalClientId', 'timezoneId', 'ruleId', 'metricId', 'delegatedManagedIdentityResourceId'].map((s) =>
    s.toLowerCase(),
  ),
);
const ID_PREFIX = /^\/(subscriptions|providers)\//i;
const STRING_BUILDERS = new Set(['concat', 'format']);

/** Sections arm-ttk leaves out: `metadata` (documentation) and `tags` (free text). */
const SKIP = new Set(['metadata', 'tags']);

/**
 * Resource IDs come from `resourceId()`, `subscriptionResourceId()`, `extensionResourceId()`,
 * `tenantResourceId()` (or a parameter/reference), never a literal `/subscriptions/...` string or one
 * glued together with `concat()`/`format()` (arm-ttk "IDs Should Be Derived From ResourceIDs", Bicep
 * `use-resource-id-functions`).
 */
export const resourceIdFunctions: LintRule = {
  id: 'resource-id-functions',
  severity: 'warning',
  kind: 'lint',
  appliesTo: 'template',
  doc: 'Resource properties named *Id / *ResourceId are built with resourceId()-family functions, not literal /subscriptions/... strings or concat()/format() (principalId, tenantId, clientId and the like are exempt).',
  source: 'arm-ttk IDs Should Be Derived From ResourceIDs; Bicep use-resource-id-functions',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    for (const info of ctx.templates) {
      for (const r of listResources(info.template, info.path)) {
        const nested = nestedTemplate(r);
        const walk = (v: JsonValue, at: readonly Segment[]): void => {
          if (Array.isArray(v)) v.forEach((item, i) => walk(item, [...at, i]));
          if (!isObject(v) || v === nested?.template) return;
          for (const [k, child] of Object.entries(v)) {
            if (k === 'resources' && at === r.path) continue; // child resources are listed separately
            if (SKIP.has(k.toLowerCase())) continue;
            if (/id$/i.test(k) && !EXEMPT.has(k.toLowerCase())) {
              // `{ "value": "..." }` (a nested deployment parameter) counts as its value, as in arm-ttk
              const idValue = isObject(child) && typeof child.value === 'string' ? child.value : child;
              const problem = typeof idValue === 'string' ? idProblem(idValue) : undefined;
              if (problem) hits.push({ message: `'${k}' ${problem}; use resourceId(), subscriptionResourceId(), extensionResourceId() or tenantResourceId()`, jsonPath: formatPath([...at, k]) });
            }
            walk(child, [...at, k]);
          }
        };
        walk(r.resource, r.path);
      }
    }
    return hits;
  },
};

function idProblem(value: string): string | undefined {
  const node = expressionOf(value);
  if (!node) return ID_PREFIX.test(value) && !value.startsWith('[') ? `is the literal resource ID '${value.length > 80 ? `${value.slice(0, 77)}...` : value}'` : undefined;
  let built: string | undefined;
  walkExpr(node, (n) => {
    if (built || n.k !== 'call' || !STRING_BUILDERS.has(n.name.toLowerCase())) return;
    if (n.args.some((a) => literalHasIdPath(a))) built = `is built with ${n.name}() from a '/subscriptions/' or '/providers/' string`;
  });
  return built;
}

function literalHasIdPath(a: ExprNode): boolean {
  return a.k === 'str' && /\/(subscriptions|providers|resourceGroups)\//i.test(`${a.v}/`);
}
