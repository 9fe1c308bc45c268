/**
 * Role assignments as the Authorization service keeps them. A role assignment is identified by its name (a GUID)
 * across the whole tenant, and its scope, principal and role never change:
 *   - learn.microsoft.com role-based-access-control/troubleshooting, "ARM template role assignment returns
 *     BadRequest status": "You can't create two role assignments with the same name, even in different Azure
 *     subscriptions. You also can't change the properties of an existing role assignment." A PUT that tries is
 *     RoleAssignmentUpdateNotPermitted ("Tenant ID, application ID, principal ID, and scope are not allowed to
 *     be updated"). The page's example is exactly ours: an identity deleted and recreated gets a new principal
 *     ID, and the same role-assignment name then fails. Azure/Enterprise-Scale#1747 (maintainer: "there is
 *     already a role assignment for the same thing at the same scope, likely due to a past deployment"),
 *     Azure/Azure-Landing-Zones#1906.
 *   - The same (scope, principal, role) under another name is RoleAssignmentExists ("The role assignment already
 *     exists."), which is why role-assignments-template names them with an idempotent guid() of those three.
 * Deleting an identity does not delete its role assignments: they stay, orphaned ("Identity not found").
 */
import type { AzureState } from './azureState.js';
import type { PutRequest } from './putRules.js';
import { violation, type Violation } from './rules.js';
import { sameText } from './values.js';

const RA_SEGMENT = '/providers/microsoft.authorization/roleassignments/';

interface Assignment {
  readonly id: string;
  readonly scope: string;
  readonly name: string;
  readonly principalId: string;
  /** Compared by the role definition's GUID: the subscription and tenant forms of one role are one role. */
  readonly role: string;
}

function asAssignment(id: string, properties: Readonly<Record<string, unknown>>): Assignment {
  const at = id.toLowerCase().lastIndexOf(RA_SEGMENT);
  return {
    id,
    scope: id.slice(0, at),
    name: id.slice(at + RA_SEGMENT.length),
    principalId: String(properties.principalId ?? ''),
    role: String(properties.roleDefinitionId ?? '').split('/').pop() ?? '',
  };
}

function storedAssignments(state: AzureState): Assignment[] {
  return state
    .all()
    .filter((r) => sameText(r.type, 'Microsoft.Authorization/roleAssignments') && !r.preexisting)
    .map((r) => asAssignment(r.id, r.properties));
}

/** Checks a role-assignment PUT against the assignments that exist; undefined when the PUT succeeds. */
export function putRoleAssignment(put: PutRequest, state: AzureState): Violation | undefined {
  const wanted = asAssignment(put.resource.id, put.properties);
  const all = storedAssignments(state);
  const same = all.find((a) => sameText(a.name, wanted.name));
  if (same) {
    const changed = [
      ...(sameText(same.scope, wanted.scope) ? [] : [`scope ${same.scope} -> ${wanted.scope}`]),
      ...(sameText(same.principalId, wanted.principalId) ? [] : [`principal ${same.principalId} -> ${wanted.principalId}`]),
      ...(sameText(same.role, wanted.role) ? [] : [`role ${same.role} -> ${wanted.role}`]),
    ];
    if (changed.length === 0) return undefined; // an identical PUT is idempotent
    return violation(
      'role-assignment-update-not-permitted',
      put.resource.at,
      put.resource.label,
      `RoleAssignmentUpdateNotPermitted: the name ${wanted.name} already holds another assignment (${changed.join('; ')})`,
    );
  }
  const triple = all.find((a) => sameText(a.scope, wanted.scope) && sameText(a.principalId, wanted.principalId) && sameText(a.role, wanted.role));
  if (triple) {
    return violation(
      'role-assignment-exists',
      put.resource.at,
      put.resource.label,
      `RoleAssignmentExists: role ${wanted.role} for principal ${wanted.principalId} at ${wanted.scope} already exists as ${triple.name}, not ${wanted.name}`,
    );
  }
  return undefined;
}
