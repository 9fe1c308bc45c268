import { parseResourceId } from '../../azure/resourceId.js';
import type { Expr } from '../../model/expr.js';
import type { ResourceRef } from '../../model/resourceRef.js';
import type { DeploymentSummary, IdentitySummary, RoleAssignmentSummary, ScopeSummary } from '../../model/summary.js';
import { exprText } from './readmeText.js';

/**
 * Plain-language names for what the summary holds, shared by the diagram and the tables. Plain text: the template
 * escapes it where it is placed.
 */

export const THIS_GROUP = 'this resource group (the one you deploy to)';
export const THIS_SUBSCRIPTION = "this subscription (the deployment's)";

/** A principal: 'system' or an identity handle. */
export function principalText(principal: string): string {
  if (principal === 'system') return 'system-assigned identity';
  // Any principal (roleAssignments[].principalId) is labelled `principal <id or { param: NAME }>` in resolve already.
  return principal.startsWith('principal ') ? principal : `identity ${principal}`;
}

export function roleText(role: RoleAssignmentSummary['role']): string {
  return role.name ?? `role ${role.id}`;
}

export function accountText(summary: DeploymentSummary): string {
  return `Automation account ${exprText(summary.account.name)}`;
}

/** A resource group given by name (and subscription), or the deployment's. */
export function groupText(name: Expr | undefined, subscriptionId: Expr | undefined): string {
  if (name === undefined) return THIS_GROUP;
  return `resource group ${exprText(name)}${subscriptionId ? ` in subscription ${exprText(subscriptionId)}` : ''}`;
}

/** Where a role assignment lands. */
export function scopeText(scope: ScopeSummary, summary: DeploymentSummary): string {
  switch (scope.kind) {
    case 'automationAccount':
      return `the ${accountText(summary)}`;
    case 'resourceGroup':
      return groupText(scope.name, scope.subscriptionId);
    case 'subscription':
      return scope.subscriptionId ? `subscription ${exprText(scope.subscriptionId)}` : THIS_SUBSCRIPTION;
    case 'resource': {
      if (scope.id) return `the resource ${exprText(scope.id)}`;
      const what = `${scope.type ?? 'resource'} ${scope.name ? exprText(scope.name) : ''}`.trim();
      return `${what} in ${groupText(scope.resourceGroup, scope.subscriptionId)}`;
    }
    case 'identity':
      return `identity ${scope.handle}`;
  }
}

/** The scope a nested deployment for this assignment is created in: undefined for the deployment's own group. */
export function moduleScopeText(scope: ScopeSummary): string | undefined {
  switch (scope.kind) {
    case 'resourceGroup':
      return scope.name === undefined ? undefined : groupText(scope.name, scope.subscriptionId);
    case 'subscription':
      return scope.subscriptionId ? `subscription ${exprText(scope.subscriptionId)}` : THIS_SUBSCRIPTION;
    case 'resource':
      if (scope.id) return `the resource group of ${exprText(scope.id)}`;
      return scope.resourceGroup === undefined ? undefined : groupText(scope.resourceGroup, scope.subscriptionId);
    default:
      return undefined;
  }
}

/** The identity's Azure resource name. */
export function identityResourceName(ref: ResourceRef): string {
  if (ref.id.kind === 'given') return `ID ${exprText(ref.id.id)}`;
  const last = ref.id.names[ref.id.names.length - 1];
  return last ? exprText(last) : '(unnamed)';
}

/** Where the identity lives: created here, or existing in which group. */
export function identityWhere(ref: ResourceRef): string {
  if (ref.created) return 'created by this template';
  if (ref.id.kind === 'given') return 'existing';
  return `existing, in ${groupText(ref.id.resourceGroup, ref.id.subscriptionId)}`;
}

/** The scope Managed Identity Operator is needed on to attach an existing identity. */
export function identityScopeText(identity: IdentitySummary): string {
  const ref = identity.ref;
  if (ref.id.kind === 'given') return `the identity ${exprText(ref.id.id)}`;
  return `identity ${identityResourceName(ref)} in ${groupText(ref.id.resourceGroup, ref.id.subscriptionId)}`;
}

/** `/subscriptions/s/resourceGroups/g/providers/Microsoft.KeyVault/vaults/v` -> `Key Vault v in resource group g in subscription s`. */
export function vaultIdText(vaultId: string): string {
  const id = parseResourceId(vaultId);
  const known = id?.type?.toLowerCase() === 'microsoft.keyvault/vaults' && id.resourceGroup !== undefined;
  return known ? `Key Vault ${id.names[0]} in resource group ${id.resourceGroup} in subscription ${id.subscriptionId}` : `Key Vault ${vaultId}`;
}
