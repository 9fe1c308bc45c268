import { call, obj, param, str, type Expr } from '../arm/expr.js';
import { SUBSCRIPTION_TEMPLATE_SCHEMA, TEMPLATE_SCHEMA } from '../arm/resourceTypes.js';
import type { RoleAssignment, Scope } from '../model/config.generated.js';
import type { ArmResource, Dependency, ExistingResource, TemplateModel } from '../model/resolved.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import type { ResolveContext } from './context.js';
import type { ResolvedIdentity } from './resolveIdentities.js';
import { checkName, nameRuleForType, nameRules } from './nameRules.js';
import type { SymbolTable } from './names.js';
import { findBuiltinRole, findBuiltinRoleById, narrowerRoleByResourceType, suggestBuiltinRoles } from './roles/builtinRoles.js';

const RA_TYPE = 'Microsoft.Authorization/roleAssignments';
const DEPLOYMENT_TYPE = 'Microsoft.Resources/deployments';
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const ROLE_DEFINITION_ID = /^(\/subscriptions\/[0-9a-fA-F-]{36})?\/providers\/Microsoft\.Authorization\/roleDefinitions\/([0-9a-fA-F-]{36})$/i;
const RESOURCE_ID = /^\/subscriptions\/([0-9a-fA-F-]{36})\/resourceGroups\/([^/]+)\/providers\/([^/]+\/[^/]+)\/([^/]+)((?:\/[^/]+\/[^/]+)*)$/i;
const PRIVILEGED_AT_SUBSCRIPTION = new Set(['Owner', 'Contributor', 'User Access Administrator', 'Role Based Access Control Administrator']);

/** The principal side of an assignment: who gets the role. */
export interface Principal {
  readonly label: string;
  /** A resource ID known when the deployment starts: seeds the assignment name (never principalId, BCP120). */
  readonly seed: Expr;
  readonly principalId: Expr;
  readonly dependency?: Dependency;
}

export interface RoleAssignmentInput {
  readonly account: { readonly id: Expr; readonly dependency: Dependency; readonly systemAssigned: boolean; readonly systemPrincipalId: Expr };
  readonly attached: ReadonlySet<string>;
  readonly identities: ReadonlyMap<string, ResolvedIdentity>;
  readonly location: Expr;
}

/**
 * Resolve `roleAssignments:` for a resource-group deployment (New-AzResourceGroupDeployment):
 * - the deployment's resource group, the account, or a resource in this group: an extension resource here;
 * - another resource group or a resource elsewhere: a nested deployment with `subscriptionId` + `resourceGroup`;
 * - a subscription: a nested deployment with `subscriptionId` + `location` and a subscription-scope inner template.
 * Every name is `guid(scopeId, principalSeed, roleDefinitionGuid)` computed in the outer template from values
 * known at deployment start, so a redeploy reuses it and two principals never collide
 * (learn.microsoft.com/azure/role-based-access-control/role-assignments-template#name).
 */
export function resolveRoleAssignments(
  ctx: ResolveContext,
  symbols: SymbolTable,
  input: RoleAssignmentInput,
): { resources: ArmResource[]; existing: ExistingResource[] } {
  const resources: ArmResource[] = [];
  const existing: ExistingResource[] = [];
  const seen = new Map<string, string>();
  (ctx.config.roleAssignments ?? []).forEach((ra, i) => {
    const pointer = `/roleAssignments/${i}`;
    const principal = resolvePrincipal(ctx, ra, pointer, input);
    const role = resolveRole(ctx, ra.role, `${pointer}/role`);
    if (!principal || !role) return;
    const key = JSON.stringify([ra.identity, role.guid, ra.scope]);
    if (seen.has(key)) {
      ctx.error(pointer, 'AG302', `duplicate role assignment: the same identity, role and scope as ${seen.get(key)}`);
      return;
    }
    seen.set(key, pointer);
    adviseLeastPrivilege(ctx, ra, role.name, pointer);
    const symbol = symbols.take(ra.identity, role.name ?? 'role', 'assignment');
    const target = resolveTarget(ctx, ra.scope, `${pointer}/scope`, input);
    if (!target) return;
    const name = call('guid', target.scopeId, principal.seed, str(role.guid));
    const dependsOn = principal.dependency ? [principal.dependency] : [];
    if (target.kind === 'here') {
      if (target.dependency && !dependsOn.some((d) => d.symbol === target.dependency!.symbol)) dependsOn.push(target.dependency);
      resources.push({
        kind: 'roleAssignment',
        symbol,
        type: RA_TYPE,
        apiVersion: ctx.api(RA_TYPE),
        name,
        ...(target.scope ? { scope: target.scope } : {}),
        properties: assignmentProperties(role.definitionId(undefined), principal.principalId, ra.description),
        dependsOn,
      });
      if (target.existing) existing.push(target.existing);
      return;
    }
    resources.push(nestedAssignment(ctx, { symbol, name, target, role, principal, description: ra.description, dependsOn, location: input.location }));
  });
  return { resources, existing };
}

function assignmentProperties(roleDefinitionId: Expr, principalId: Expr, description: string | undefined): Expr {
  return obj({
    roleDefinitionId,
    principalId,
    // Managed identities are service principals; saying so lets ARM skip the Entra lookup that races
    // replication for a just-created identity (PrincipalNotFound). learn.microsoft.com/azure/role-based-access-control/role-assignments-template#principaltype
    principalType: str('ServicePrincipal'),
    description: description === undefined ? undefined : str(description),
  });
}

function resolvePrincipal(ctx: ResolveContext, ra: RoleAssignment, pointer: string, input: RoleAssignmentInput): Principal | undefined {
  if (ra.identity === 'system') {
    if (!input.account.systemAssigned) {
      ctx.error(`${pointer}/identity`, 'AG306', `role assignment ${pointer.split('/').pop()} is for the system-assigned identity, which is off; set automationAccount.identity.systemAssigned: true`);
      return undefined;
    }
    return { label: 'system', seed: input.account.id, principalId: input.account.systemPrincipalId, dependency: input.account.dependency };
  }
  const identity = input.identities.get(ra.identity);
  if (!identity) {
    const hint = suggestionHint(didYouMean(ra.identity, ['system', ...input.identities.keys()]));
    ctx.error(`${pointer}/identity`, 'AG301', `unknown identity '${ra.identity}'.${hint || ' Declare it under identities: and attach it to the account.'}`);
    return undefined;
  }
  if (!input.attached.has(ra.identity)) {
    ctx.error(`${pointer}/identity`, 'AG306', `identity '${ra.identity}' is not attached to the account; add it to automationAccount.identity.userAssigned`);
    return undefined;
  }
  return { label: ra.identity, seed: identity.id, principalId: identity.principalId, ...(identity.dependency ? { dependency: identity.dependency } : {}) };
}

interface ResolvedRole {
  readonly guid: string;
  readonly name?: string;
  /** The role definition ID, in the subscription that evaluates it (or a given subscription). */
  readonly definitionId: (subscriptionId: Expr | undefined) => Expr;
}

function resolveRole(ctx: ResolveContext, text: string, pointer: string): ResolvedRole | undefined {
  const builtin = findBuiltinRole(text);
  const subscriptionScoped = (guid: string) => (sub: Expr | undefined) =>
    call('subscriptionResourceId', ...(sub ? [sub] : []), str('Microsoft.Authorization/roleDefinitions'), str(guid));
  if (builtin) return { guid: builtin.id, name: builtin.name, definitionId: subscriptionScoped(builtin.id) };
  if (GUID.test(text)) {
    const guid = text.toLowerCase();
    const known = findBuiltinRoleById(guid);
    return { guid, ...(known ? { name: known.name } : {}), definitionId: subscriptionScoped(guid) };
  }
  const m = ROLE_DEFINITION_ID.exec(text);
  if (m) {
    const guid = m[2]!.toLowerCase();
    const known = findBuiltinRoleById(guid);
    // A full ID is used as given: a custom role may exist only in the subscription it names.
    return { guid, ...(known ? { name: known.name } : {}), definitionId: () => str(text) };
  }
  const hint = suggestionHint(suggestBuiltinRoles(text));
  ctx.error(pointer, 'AG305', `unknown role ${JSON.stringify(text)}: not a built-in role name, a role definition GUID or a role definition ID.${hint}`);
  return undefined;
}

type Target =
  | { kind: 'here'; scopeId: Expr; scope?: Expr; dependency?: Dependency; existing?: ExistingResource; resourceType?: string }
  | { kind: 'resourceGroup'; scopeId: Expr; subscriptionId?: Expr; resourceGroup: Expr; resourceId?: Expr; resourceType?: string }
  | { kind: 'subscription'; scopeId: Expr; subscriptionId: Expr; /** Only when the config names one. */ roleSubscriptionId?: Expr };

const deploymentSubscription = call('subscription');

function resolveTarget(ctx: ResolveContext, scope: Scope, pointer: string, input: RoleAssignmentInput): Target | undefined {
  switch (scope.kind) {
    case 'automationAccount':
      return { kind: 'here', scopeId: input.account.id, scope: input.account.id, dependency: input.account.dependency, resourceType: 'Microsoft.Automation/automationAccounts' };
    case 'resourceGroup': {
      if (scope.name === undefined) {
        if (scope.subscriptionId !== undefined) ctx.error(`${pointer}/subscriptionId`, 'AG200', 'subscriptionId needs name: the resource group in that subscription');
        return { kind: 'here', scopeId: { k: 'member', target: call('resourceGroup'), path: ['id'] } };
      }
      const rg = ctx.stringValue(scope.name, `${pointer}/name`, nameRules.resourceGroup);
      const sub = scope.subscriptionId === undefined ? undefined : ctx.stringValue(scope.subscriptionId, `${pointer}/subscriptionId`, nameRules.subscriptionId);
      const subText = sub ?? { k: 'member', target: deploymentSubscription, path: ['subscriptionId'] } as Expr;
      return { kind: 'resourceGroup', scopeId: call('format', str('/subscriptions/{0}/resourceGroups/{1}'), subText, rg), ...(sub ? { subscriptionId: sub } : {}), resourceGroup: rg };
    }
    case 'subscription': {
      const sub = scope.subscriptionId === undefined ? undefined : ctx.stringValue(scope.subscriptionId, `${pointer}/subscriptionId`, nameRules.subscriptionId);
      // A nested deployment reaches subscription scope only with subscriptionId set (ARM docs,
      // deploy-to-resource-group "Scope to subscription"), so the deployment's own is written out.
      return {
        kind: 'subscription',
        scopeId: sub ? call('format', str('/subscriptions/{0}'), sub) : { k: 'member', target: deploymentSubscription, path: ['id'] },
        subscriptionId: sub ?? { k: 'member', target: deploymentSubscription, path: ['subscriptionId'] },
        ...(sub ? { roleSubscriptionId: sub } : {}),
      };
    }
    case 'resource':
      return resourceTarget(ctx, scope, pointer);
    default: {
      const never: never = scope;
      throw new Error(`unknown scope ${JSON.stringify(never)}`);
    }
  }
}

function resourceTarget(ctx: ResolveContext, scope: Extract<Scope, { kind: 'resource' }>, pointer: string): Target | undefined {
  if (scope.resourceId !== undefined) {
    if (scope.type !== undefined || scope.name !== undefined || scope.resourceGroup !== undefined || scope.subscriptionId !== undefined) {
      ctx.error(pointer, 'AG200', 'give either resourceId or type + name (+ resourceGroup, subscriptionId), not both');
      return undefined;
    }
    if (typeof scope.resourceId === 'object') {
      const id = ctx.stringValue(scope.resourceId, `${pointer}/resourceId`);
      const parts = call('split', id, str('/'));
      return {
        kind: 'resourceGroup',
        scopeId: id,
        subscriptionId: { k: 'index', target: parts, index: { k: 'num', v: 2 } },
        resourceGroup: { k: 'index', target: parts, index: { k: 'num', v: 4 } },
        resourceId: id,
      };
    }
    const m = RESOURCE_ID.exec(scope.resourceId);
    if (!m) {
      ctx.error(`${pointer}/resourceId`, 'AG308', `${JSON.stringify(scope.resourceId)} is not a resource ID: expected /subscriptions/<guid>/resourceGroups/<group>/providers/<namespace>/<type>/<name>`);
      return undefined;
    }
    const rule = m[5] ? undefined : nameRuleForType(m[3]!);
    const problem = rule ? checkName(rule, m[4]!) : undefined;
    if (problem) ctx.error(`${pointer}/resourceId`, 'AG300', problem);
    return { kind: 'resourceGroup', scopeId: str(scope.resourceId), subscriptionId: str(m[1]!), resourceGroup: str(m[2]!), resourceId: str(scope.resourceId), resourceType: m[3]! };
  }
  if (scope.type === undefined || scope.name === undefined) {
    ctx.error(pointer, 'AG200', `a resource scope needs resourceId, or type and name (missing ${scope.type === undefined ? 'type' : 'name'})`);
    return undefined;
  }
  const name = ctx.stringValue(scope.name, `${pointer}/name`, nameRuleForType(scope.type));
  const rg = scope.resourceGroup === undefined ? undefined : ctx.stringValue(scope.resourceGroup, `${pointer}/resourceGroup`, nameRules.resourceGroup);
  const sub = scope.subscriptionId === undefined ? undefined : ctx.stringValue(scope.subscriptionId, `${pointer}/subscriptionId`, nameRules.subscriptionId);
  if (sub && !rg) {
    ctx.error(`${pointer}/subscriptionId`, 'AG200', 'subscriptionId needs resourceGroup: the group that holds the resource');
    return undefined;
  }
  const id = call('resourceId', ...(sub ? [sub] : []), ...(rg ? [rg] : []), str(scope.type), name);
  if (!rg) {
    // Same resource group: an extension resource whose scope is the resource (Bicep emits the same `type/name` form).
    return { kind: 'here', scopeId: id, scope: id, resourceType: scope.type };
  }
  return { kind: 'resourceGroup', scopeId: id, ...(sub ? { subscriptionId: sub } : {}), resourceGroup: rg, resourceId: id, resourceType: scope.type };
}

interface NestedInput {
  readonly symbol: string;
  readonly name: Expr;
  readonly target: Exclude<Target, { kind: 'here' }>;
  readonly role: ResolvedRole;
  readonly principal: Principal;
  readonly description: string | undefined;
  readonly dependsOn: Dependency[];
  readonly location: Expr;
}

/** A nested deployment that creates one role assignment in another resource group or a subscription. */
function nestedAssignment(ctx: ResolveContext, n: NestedInput): ArmResource {
  const { target } = n;
  const hasResource = target.kind === 'resourceGroup' && target.resourceId !== undefined;
  const innerParameters = [
    { name: 'roleAssignmentName', type: 'string' as const, secure: false },
    { name: 'roleDefinitionId', type: 'string' as const, secure: false },
    { name: 'principalId', type: 'string' as const, secure: false },
    ...(hasResource ? [{ name: 'scope', type: 'string' as const, secure: false }] : []),
  ];
  const inner: TemplateModel = {
    schema: target.kind === 'subscription' ? SUBSCRIPTION_TEMPLATE_SCHEMA : TEMPLATE_SCHEMA,
    parameters: innerParameters,
    resources: [
      {
        kind: 'roleAssignment',
        symbol: 'roleAssignment',
        type: RA_TYPE,
        apiVersion: ctx.api(RA_TYPE),
        name: param('roleAssignmentName'),
        ...(hasResource ? { scope: param('scope') } : {}),
        properties: assignmentProperties(param('roleDefinitionId'), param('principalId'), n.description),
        dependsOn: [],
      },
    ],
    outputs: [],
    existing: [],
  };
  const values = [
    { name: 'roleAssignmentName', value: n.name },
    { name: 'roleDefinitionId', value: n.role.definitionId(target.kind === 'subscription' ? target.roleSubscriptionId : target.subscriptionId) },
    { name: 'principalId', value: n.principal.principalId },
    ...(hasResource && target.kind === 'resourceGroup' ? [{ name: 'scope', value: target.resourceId! }] : []),
  ];
  return {
    kind: 'deployment',
    symbol: n.symbol,
    type: DEPLOYMENT_TYPE,
    apiVersion: ctx.api(DEPLOYMENT_TYPE),
    // Deterministic and unique per assignment: 'ra-' + the assignment GUID (39 characters, within the 64 limit).
    name: call('format', str('ra-{0}'), n.name),
    dependsOn: n.dependsOn,
    deployment: {
      target: target.kind,
      ...(target.subscriptionId ? { subscriptionId: target.subscriptionId } : {}),
      ...(target.kind === 'resourceGroup' ? { resourceGroup: target.resourceGroup } : {}),
      ...(target.kind === 'subscription' ? { location: n.location } : {}),
      parameters: values,
      template: inner,
      bicepModule: target.kind === 'subscription' ? 'modules/roleAssignment.subscription.bicep' : hasResource ? 'modules/roleAssignment.resource.bicep' : 'modules/roleAssignment.resourceGroup.bicep',
    },
  };
}

/** The seed insists on least privilege: warn (AG700) on broad roles where a narrower one exists. */
function adviseLeastPrivilege(ctx: ResolveContext, ra: RoleAssignment, roleName: string | undefined, pointer: string): void {
  if (!roleName) return;
  if (ra.scope.kind === 'subscription' && PRIVILEGED_AT_SUBSCRIPTION.has(roleName)) {
    ctx.warn(`${pointer}/role`, 'AG700', `'${roleName}' on a whole subscription gives identity '${ra.identity}' control of every resource in it; grant a narrower role on the resource group or resource the runbook needs`);
    return;
  }
  const type = resourceTypeOf(ra.scope);
  if (!type) return;
  const rule = Object.entries(narrowerRoleByResourceType).find(([t]) => t.toLowerCase() === type.toLowerCase())?.[1];
  if (rule && rule.broad.includes(roleName)) {
    const options = rule.suggest.map((s) => `'${s.role}' (${s.when})`).join(', ');
    ctx.warn(`${pointer}/role`, 'AG700', `'${roleName}' on a ${type} is broader than needed; prefer ${options}`);
  }
}

function resourceTypeOf(scope: Scope): string | undefined {
  if (scope.kind === 'automationAccount') return 'Microsoft.Automation/automationAccounts';
  if (scope.kind !== 'resource') return undefined;
  if (scope.type) return scope.type;
  if (typeof scope.resourceId === 'string') return RESOURCE_ID.exec(scope.resourceId)?.[3];
  return undefined;
}

