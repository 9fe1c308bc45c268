import type { RoleAssignment } from '../model/config.generated.js';
import { call, interp, member, obj, ref, str, type Expr } from '../model/expr.js';
import { createdRef, type ResourceRef } from '../model/resourceRef.js';
import type { ModuleNode, ResourceNode, TemplateModel } from '../model/resolved.js';
import type { RoleAssignmentSummary } from '../model/summary.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import type { ResolveContext } from './context.js';
import type { SymbolTable } from './names.js';
import type { ResolvedIdentity } from './resolveIdentities.js';
import { adviseLeastPrivilege } from './roles/leastPrivilegeAdvice.js';
import { roleAssignmentModule, type RoleModuleKind } from './roles/roleAssignmentModule.js';
import { resolveRole, type ResolvedRole } from './roles/resolveRole.js';
import { resolveTarget, type RoleTarget } from './roles/roleTargets.js';

const RA_TYPE = 'Microsoft.Authorization/roleAssignments';
const DEPLOYMENT_TYPE = 'Microsoft.Resources/deployments';

/** The principal side of an assignment: who gets the role. */
export interface Principal {
  readonly label: string;
  /**
   * Whether the principal ID is known when the deployment starts (a literal or a parameter). An identity's is
   * not (it is read with reference()), so its assignments go through a module, where it is.
   */
  readonly knownAtStart: boolean;
  /** A value known when the deployment starts that tells principals apart (an identity's resource ID). */
  readonly seed: Expr;
  readonly principalId: Expr;
  /** The created resource the principal ID is read from, if this template creates it. */
  readonly dependency?: ResourceRef;
}

export interface RoleAssignmentInput {
  readonly account: { readonly ref: ResourceRef; readonly systemAssigned: boolean; readonly systemPrincipalId: Expr };
  readonly attached: ReadonlySet<string>;
  readonly identities: ReadonlyMap<string, ResolvedIdentity>;
}

/**
 * Resolve `roleAssignments:` for a resource-group deployment (New-AzResourceGroupDeployment):
 * - the deployment's resource group, the account, or a resource in this group: an extension resource here,
 *   named `guid(scopeId, principal resource ID, roleDefinitionGuid)` from values known at deployment start;
 * - another resource group, a resource elsewhere, or a subscription: a role-assignment module (nested
 *   deployment) whose inner template names the assignment from the principal ID it is handed.
 * One (scope, principal, role) is declared once, however the config spells the scope.
 */
export function resolveRoleAssignments(
  ctx: ResolveContext,
  symbols: SymbolTable,
  input: RoleAssignmentInput,
): { resources: (ResourceNode | ModuleNode)[]; existing: ResourceRef[]; summaries: RoleAssignmentSummary[] } {
  const resources: (ResourceNode | ModuleNode)[] = [];
  const summaries: RoleAssignmentSummary[] = [];
  const existingByKey = new Map<string, ResourceRef>();
  const seen = new Map<string, string>();
  const modules = new Map<string, TemplateModel>();
  (ctx.config.roleAssignments ?? []).forEach((ra, i) => {
    const pointer = `/roleAssignments/${i}`;
    const principal = resolvePrincipal(ctx, ra, pointer, input);
    const role = resolveRole(ctx, ra.role, `${pointer}/role`);
    const target = resolveTarget(ctx, ra.scope, `${pointer}/scope`, { account: input.account.ref, symbols, existing: existingByKey });
    if (!principal || !role || !target) return;
    const key = JSON.stringify([principal.label, role.guid, target.key]);
    if (seen.has(key)) {
      ctx.error(pointer, 'AG302', `duplicate role assignment: the same principal, role and scope as ${seen.get(key)}`);
      return;
    }
    seen.set(key, pointer);
    adviseLeastPrivilege(ctx, { pointer, principal: principal.label, role, target, scope: ra.scope });
    const symbol = symbols.take(ra.identity, role.name ?? 'role', 'assignment');
    const a = { symbol, target, role, principal, description: ra.description };
    const node = target.here && principal.knownAtStart ? hereAssignment(ctx, a, target.here) : moduleAssignment(ctx, { ...a, modules });
    resources.push(node);
    summaries.push({ principal: principal.label, role: { id: role.guid, ...(role.name ? { name: role.name } : {}) }, scope: target.summary, node: node.ref });
  });
  return { resources, existing: [...existingByKey.values()], summaries };
}

interface AssignmentInput {
  readonly symbol: string;
  readonly target: RoleTarget;
  readonly role: ResolvedRole;
  readonly principal: Principal;
  readonly description: string | undefined;
}

/** An extension resource in this template: the principal ID is known at deployment start, so it seeds the name. */
function hereAssignment(ctx: ResolveContext, a: AssignmentInput, here: NonNullable<RoleTarget['here']>): ResourceNode {
  const { target, principal } = a;
  const assignment = createdRef({
    symbol: a.symbol,
    type: RA_TYPE,
    apiVersion: ctx.api(RA_TYPE),
    name: call('guid', target.scopeId, principal.principalId, a.role.definitionId(undefined)),
    ...(here.extensionOf ? { extensionOf: here.extensionOf } : {}),
  });
  const dependsOn = [principal.dependency, here.extensionOf?.created ? here.extensionOf : undefined].filter((d): d is ResourceRef => d !== undefined);
  return {
    kind: 'resource',
    ref: assignment,
    properties: obj({
      roleDefinitionId: a.role.definitionId(undefined),
      principalId: principal.principalId,
      // Managed identities are service principals; saying so lets ARM skip the Entra lookup that races
      // replication for a just-created identity (PrincipalNotFound). learn.microsoft.com/azure/role-based-access-control/role-assignments-template#principaltype
      principalType: str('ServicePrincipal'),
      description: a.description === undefined ? undefined : str(a.description),
    }),
    dependsOn: dependsOn.filter((d, i) => dependsOn.indexOf(d) === i),
  };
}

/**
 * A role-assignment module: the inner template names the assignment from the principal ID it is handed, so a
 * recreated identity (a new principal ID) gets a new name instead of failing with RoleAssignmentUpdateNotPermitted.
 */
function moduleAssignment(ctx: ResolveContext, a: AssignmentInput & { readonly modules: Map<string, TemplateModel> }): ModuleNode {
  const { principal } = a;
  const target = a.target.module;
  const kind: RoleModuleKind = target.kind;
  const moduleKey = JSON.stringify(kind);
  let template = a.modules.get(moduleKey);
  if (!template) {
    template = roleAssignmentModule(kind, ctx.api(RA_TYPE));
    a.modules.set(moduleKey, template);
  }
  const roleSubscription = target.subscriptionId;
  const parameters = [
    { name: 'principalId', value: principal.principalId },
    { name: 'principalType', value: str('ServicePrincipal') },
    { name: 'roleDefinitionId', value: a.role.definitionId(roleSubscription) },
    ...(target.resourceId ? [{ name: 'scope', value: target.resourceId }] : []),
    ...(a.description === undefined ? [] : [{ name: 'roleAssignmentDescription', value: str(a.description) }]),
  ];
  return {
    kind: 'module',
    ref: createdRef({
      symbol: a.symbol,
      type: DEPLOYMENT_TYPE,
      apiVersion: ctx.api(DEPLOYMENT_TYPE),
      // Unique per deploying resource group and assignment, known at deployment start, 39 characters (limit 64): two
      // accounts in two groups granting one identity one role at a subscription never share a deployment.
      name: interp('ra-', call('guid', member(call('resourceGroup'), 'id'), a.target.scopeId, principal.seed, str(a.role.guid))),
    }),
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

function resolvePrincipal(ctx: ResolveContext, ra: RoleAssignment, pointer: string, input: RoleAssignmentInput): Principal | undefined {
  if (ra.identity === 'system') {
    if (!input.account.systemAssigned) {
      ctx.error(`${pointer}/identity`, 'AG306', `role assignment ${pointer.split('/').pop()} is for the system-assigned identity, which is off; set automationAccount.identity.systemAssigned: true`);
      return undefined;
    }
    return { label: 'system', knownAtStart: false, seed: ref(input.account.ref, 'id'), principalId: input.account.systemPrincipalId, dependency: input.account.ref };
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
  return { label: ra.identity, knownAtStart: false, seed: ref(identity.ref, 'id'), principalId: identity.principalId, ...(identity.ref.created ? { dependency: identity.ref } : {}) };
}
