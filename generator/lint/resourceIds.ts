import { walkExpr, type ExprNode } from './expression.js';
import { defineRule } from './rule.js';
import { expressionOf, nestedTemplate } from './template.js';
import { eachProperty, perResource } from './traverse.js';
import { isObject, type JsonValue } from './types.js';

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
export const resourceIdFunctions = defineRule({ id: 'resource-id-functions', severity: 'warning', kind: 'lint', appliesTo: 'template' }, {
  doc: 'Resource properties named *Id / *ResourceId are built with resourceId()-family functions, not literal /subscriptions/... strings or concat()/format() (principalId, tenantId, clientId and the like are exempt).',
  source: 'arm-ttk IDs Should Be Derived From ResourceIDs; Bicep use-resource-id-functions',
  check: perResource((r, hit) => {
    const nested = nestedTemplate(r)?.template;
    eachProperty(r.resource, r.path, (k, child, at) => {
      // child resources are listed separately; a nested template is a template of its own
      if ((k === 'resources' && at.length === r.path.length) || SKIP.has(k.toLowerCase()) || child === nested) return false;
      const problem = /id$/i.test(k) && !EXEMPT.has(k.toLowerCase()) ? idPropertyProblem(child) : undefined;
      if (problem) hit(`'${k}' ${problem}; use resourceId(), subscriptionResourceId(), extensionResourceId() or tenantResourceId()`, [...at, k]);
      return true;
    });
  }),
});

/** `{ "value": "..." }` (a nested deployment parameter) counts as its value, as in arm-ttk. */
function idPropertyProblem(child: JsonValue): string | undefined {
  const idValue = isObject(child) && typeof child.value === 'string' ? child.value : child;
  return typeof idValue === 'string' ? idProblem(idValue) : undefined;
}

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
