import type { RoleAssignment } from '../model/config.generated.js';
import { call, interp, member, obj, str, type Expr } from '../model/expr.js';
import { createdRef, type ResourceRef } from '../model/resourceRef.js';
import type { ModuleNode, ResourceNode, TemplateModel } from '../model/resolved.js';
import type { RoleAssignmentSummary } from '../model/summary.js';
import type { ResolveContext } from './context.js';
import type { SymbolTable } from './names.js';
import type { ResolvedIdentity } from './resolveIdentities.js';
import { adviseLeastPrivilege } from './roles/leastPrivilegeAdvice.js';
import { roleAssignmentModule, type RoleModuleKind } from './roles/roleAssignmentModule.js';
import { resolvePrincipal, type Principal, type PrincipalInput } from './roles/resolvePrincipal.js';
import { resolveRole, type ResolvedRole } from './roles/resolveRole.js';
import { resolveTarget, type RoleTarget } from './roles/roleTargets.js';

const RA_TYPE = 'Microsoft.Authorization/roleAssignments';
const DEPLOYMENT_TYPE = 'Microsoft.Resources/deployments';

export type { Principal } from './roles/resolvePrincipal.js';

/** One resolved assignment, for later checks that need to know who may do what (key access, README). */
export interface ResolvedAssignment {
  readonly principal: string;
  readonly role: ResolvedRole;
  readonly target: RoleTarget;
  /** The node that makes it: an extension resource or a module (what to depend on). */
  readonly ref: ResourceRef;
}

export interface RoleAssignmentInput extends PrincipalInput {
  readonly identities: ReadonlyMap<string, ResolvedIdentity>;
}

/**
 * Resolve `roleAssignments:` for a resource-group deployment (New-AzResourceGroupDeployment). An assignment whose
 * principal ID is known when the deployment starts (`principalId:`) and whose scope is in this resource group is an
 * extension resource here, named `guid(scope, principalId, roleDefinitionId)` (AVM's scheme). Any other one (an
 * identity's principal ID is read at deployment time; another group, resource or subscription) is a role-assignment
 * module whose inner template names it the same way from the principal ID it is handed. One (scope, principal,
 * role) is declared once, however the config spells the scope.
 */
export function resolveRoleAssignments(
  ctx: ResolveContext,
  symbols: SymbolTable,
  input: RoleAssignmentInput,
): { resources: (ResourceNode | ModuleNode)[]; existing: ResourceRef[]; assignments: ResolvedAssignment[]; summaries: RoleAssignmentSummary[] } {
  const resources: (ResourceNode | ModuleNode)[] = [];
  const assignments: ResolvedAssignment[] = [];
  const summaries: RoleAssignmentSummary[] = [];
  const existingByKey = new Map<string, ResourceRef>();
  const seen = new Map<string, string>();
  const names = new Map<string, string>();
  const modules = new Map<string, TemplateModel>();
  (ctx.config.roleAssignments ?? []).forEach((ra, i) => {
    const pointer = `/roleAssignments/${i}`;
    const principal = resolvePrincipal(ctx, ra, pointer, input);
    const role = resolveRole(ctx, ra.role, `${pointer}/role`);
    const target = resolveTarget(ctx, ra.scope, `${pointer}/scope`, { account: input.account.ref, identities: input.identities, symbols, existing: existingByKey });
    if (!principal || !role || !target) return;
    const key = JSON.stringify([principal.label, role.guid, target.key]);
    if (seen.has(key)) {
      ctx.error(pointer, 'AG302', `duplicate role assignment: the same principal, role and scope as ${seen.get(key)}`);
      return;
    }
    seen.set(key, pointer);
    if (!checkOptions(ctx, ra, pointer, names)) return;
    adviseLeastPrivilege(ctx, { pointer, principal: principal.label, role, target, scope: ra.scope });
    const symbol = symbols.take(ra.identity ?? 'principal', role.name ?? 'role', 'assignment');
    const a: AssignmentInput = { symbol, target, role, principal, options: options(ctx, ra, pointer) };
    const node = target.here && principal.knownAtStart ? hereAssignment(ctx, a, target.here) : moduleAssignment(ctx, { ...a, modules });
    resources.push(node);
    assignments.push({ principal: principal.label, role, target, ref: node.ref });
    summaries.push({ principal: principal.label, role: { id: role.guid, ...(role.name ? { name: role.name } : {}) }, scope: target.summary, node: node.ref });
  });
  return { resources, existing: [...existingByKey.values()], assignments, summaries };
}

/** The optional properties of an assignment, as values. */
interface AssignmentOptions {
  readonly name?: Expr;
  readonly description?: Expr;
  readonly condition?: Expr;
  readonly conditionVersion?: Expr;
  readonly delegatedManagedIdentityResourceId?: Expr;
}

/** A fixed name is a GUID used once; `conditionVersion` only with a `condition` (RBAC REST API). */
function checkOptions(ctx: ResolveContext, ra: RoleAssignment, pointer: string, names: Map<string, string>): boolean {
  if (ra.conditionVersion !== undefined && ra.condition === undefined) {
    ctx.error(`${pointer}/conditionVersion`, 'AG200', 'conditionVersion applies only with a condition');
    return false;
  }
  if (ra.name === undefined) return true;
  const other = names.get(ra.name.toLowerCase());
  if (other) {
    ctx.error(`${pointer}/name`, 'AG302', `role assignment name ${ra.name} is already used at ${other}; each assignment needs its own name`);
    return false;
  }
  names.set(ra.name.toLowerCase(), pointer);
  return true;
}

function options(ctx: ResolveContext, ra: RoleAssignment, pointer: string): AssignmentOptions {
  const at = (k: string) => `${pointer}/${k}`;
  return {
    ...(ra.name !== undefined ? { name: str(ra.name.toLowerCase()) } : {}),
    ...(ra.description !== undefined ? { description: str(ra.description) } : {}),
    ...(ra.condition !== undefined ? { condition: str(ra.condition), conditionVersion: str(ra.conditionVersion ?? '2.0') } : {}),
    ...(ra.delegatedManagedIdentityResourceId !== undefined
      ? { delegatedManagedIdentityResourceId: ctx.stringValue(ra.delegatedManagedIdentityResourceId, at('delegatedManagedIdentityResourceId')) }
      : {}),
  };
}

interface AssignmentInput {
  readonly symbol: string;
  readonly target: RoleTarget;
  readonly role: ResolvedRole;
  readonly principal: Principal;
  readonly options: AssignmentOptions;
}

/** An extension resource in this template: the principal ID is known at deployment start, so it seeds the name. */
function hereAssignment(ctx: ResolveContext, a: AssignmentInput, here: NonNullable<RoleTarget['here']>): ResourceNode {
  const { target, principal, options: o } = a;
  const assignment = createdRef({
    symbol: a.symbol,
    type: RA_TYPE,
    apiVersion: ctx.api(RA_TYPE),
    name: o.name ?? call('guid', target.scopeId, principal.principalId, a.role.definitionId(undefined)),
    ...(here.extensionOf ? { extensionOf: here.extensionOf } : {}),
  });
  const dependsOn = [principal.dependency, here.extensionOf?.created ? here.extensionOf : undefined].filter((d): d is ResourceRef => d !== undefined);
  return {
    kind: 'resource',
    ref: assignment,
    properties: obj({
      roleDefinitionId: a.role.definitionId(undefined),
      principalId: principal.principalId,
      principalType: principal.principalType,
      description: o.description,
      condition: o.condition,
      conditionVersion: o.conditionVersion,
      delegatedManagedIdentityResourceId: o.delegatedManagedIdentityResourceId,
    }),
    dependsOn: dependsOn.filter((d, i) => dependsOn.indexOf(d) === i),
  };
}

/**
 * A role-assignment module: the inner template names the assignment from the principal ID it is handed, so a
 * recreated identity (a new principal ID) gets a new name instead of failing with RoleAssignmentUpdateNotPermitted.
 */
function moduleAssignment(ctx: ResolveContext, a: AssignmentInput & { readonly modules: Map<string, TemplateModel> }): ModuleNode {
  const { principal, options: o } = a;
  const target = a.target.module;
  const kind: RoleModuleKind = target.kind;
  const moduleKey = JSON.stringify(kind);
  let template = a.modules.get(moduleKey);
  if (!template) {
    template = roleAssignmentModule(kind, ctx.api(RA_TYPE));
    a.modules.set(moduleKey, template);
  }
  const optional: [string, Expr | undefined][] = [
    ['principalType', principal.principalType],
    ['roleAssignmentName', o.name],
    ['roleAssignmentDescription', o.description],
    ['condition', o.condition],
    ['conditionVersion', o.conditionVersion],
    ['delegatedManagedIdentityResourceId', o.delegatedManagedIdentityResourceId],
  ];
  const parameters = [
    { name: 'principalId', value: principal.principalId },
    { name: 'roleDefinitionId', value: a.role.definitionId(target.subscriptionId) },
    ...(target.resourceId ? [{ name: 'scope', value: target.resourceId }] : []),
    ...optional.filter((e): e is [string, Expr] => e[1] !== undefined).map(([name, value]) => ({ name, value })),
  ];
  // Unique per deploying resource group and assignment, known at deployment start, 39 characters (limit 64): two
  // accounts in two groups granting one identity one role at a subscription never share a deployment.
  const name = interp('ra-', call('guid', member(call('resourceGroup'), 'id'), a.target.scopeId, principal.seed, str(a.role.guid)));
  return {
    kind: 'module',
    ref: {
      symbol: a.symbol,
      type: DEPLOYMENT_TYPE,
      apiVersion: ctx.api(DEPLOYMENT_TYPE),
      // The deployment's record lives in the scope it deploys to (what Bicep spells its module ID with).
      id: {
        kind: 'parts',
        ...(target.subscriptionId ? { subscriptionId: target.subscriptionId } : {}),
        ...(kind.kind !== 'subscription' && target.resourceGroup ? { resourceGroup: target.resourceGroup } : {}),
        ...(kind.kind === 'subscription' ? { subscriptionLevel: true } : {}),
        names: [name],
      },
      created: true,
    },
    purpose: 'roleAssignment',
    target:
      kind.kind === 'subscription'
        ? // Bicep gives a subscription-scope module the location resourceGroup().location (it refuses `location:`,
          // BCP037); ARM writes the same, so a deployment keeps one location whichever format deployed it.
          { kind: 'subscription', ...(target.subscriptionId ? { subscriptionId: target.subscriptionId } : {}), location: member(call('resourceGroup'), 'location') }
        : {
            kind: 'resourceGroup',
            ...(target.subscriptionId ? { subscriptionId: target.subscriptionId } : {}),
            ...(target.resourceGroup ? { resourceGroup: target.resourceGroup } : {}),
            ...(kind.kind === 'resource' ? { resource: { ...(kind.resourceType ? { type: kind.resourceType } : {}), ...(target.resource ? { ref: target.resource } : {}) } } : {}),
          },
    template,
    parameters,
    dependsOn: [principal.dependency, target.resource?.created ? target.resource : undefined].filter((d, i, all): d is ResourceRef => d !== undefined && all.indexOf(d) === i),
  };
}
