import { narrowerRoleByResourceType } from '../../azure/roles/leastPrivilege.js';
import type { Scope } from '../../model/config.generated.js';
import type { ResolveContext } from '../context.js';
import type { ResolvedRole } from './resolveRole.js';
import type { RoleTarget } from './roleTargets.js';

/**
 * AG700, least privilege (the seed insists on it): a privileged role (one that controls everything at its scope
 * or can grant access to others: the docs' "privileged administrator roles") on anything above a single
 * resource, or a broad role on a resource where a narrower built-in role does the usual job.
 * learn.microsoft.com/azure/role-based-access-control/best-practices#limit-privileged-administrator-role-assignments
 */
export function adviseLeastPrivilege(
  ctx: ResolveContext,
  a: { readonly pointer: string; readonly principal: string; readonly role: ResolvedRole; readonly target: RoleTarget; readonly scope: Scope },
): void {
  const { role, scope } = a;
  if (!role.name) return;
  const who = a.principal === 'system' ? "the account's system-assigned identity" : a.principal.startsWith('principal ') ? a.principal : `identity '${a.principal}'`;
  if (role.privileged && (scope.kind === 'subscription' || scope.kind === 'resourceGroup')) {
    const where = scope.kind === 'subscription' ? 'a whole subscription' : 'a whole resource group';
    ctx.warn(`${a.pointer}/role`, 'AG700', `'${role.name}' on ${where} gives ${who} control of every resource in it${grants(role.name)}; grant a narrower role on the resource group or resource the runbook needs`);
    return;
  }
  const type = a.target.resourceType;
  if (!type) return;
  // Source control syncs as this identity, and the docs ask for Contributor on the account: no narrower role is named
  // (learn.microsoft.com/azure/automation/source-control-integration, Prerequisites).
  const sync = ctx.config.sourceControls?.[0];
  if (sync && scope.kind === 'automationAccount' && role.name === 'Contributor' && a.principal === (sync.identity ?? 'system')) return;
  const rule = Object.entries(narrowerRoleByResourceType).find(([t]) => t.toLowerCase() === type.toLowerCase())?.[1];
  if (rule && rule.broad.includes(role.name)) {
    const options = rule.suggest.map((s) => `'${s.role}' (${s.when})`).join(', ');
    ctx.warn(`${a.pointer}/role`, 'AG700', `'${role.name}' on a ${type} is broader than needed; prefer ${options}`);
  }
}

/** Roles that can hand out access say so: that is the bigger risk. */
function grants(roleName: string): string {
  return roleName === 'Contributor' ? '' : ', including the right to grant access to others';
}
