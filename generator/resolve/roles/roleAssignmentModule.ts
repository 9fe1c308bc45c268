import { knownResourceType } from '../../azure/resourceTypes.js';
import { call, cond, member, obj, param, str, type Expr } from '../../model/expr.js';
import { createdRef, existingRef, type ResourceRef } from '../../model/resourceRef.js';
import type { TemplateModel, TemplateParameter } from '../../model/resolved.js';

const RA_TYPE = 'Microsoft.Authorization/roleAssignments';

/** Where a role-assignment module works: a resource group, a subscription, or one resource of a known type. */
export type RoleModuleKind = { readonly kind: 'resourceGroup' } | { readonly kind: 'subscription' } | { readonly kind: 'resource'; readonly resourceType?: string };

/**
 * The role-assignment module's parameters: the one table both the ARM nested deployment and the Bicep module
 * file are printed from. Optional values default to '' and are left out of the assignment when empty.
 */
export const ROLE_MODULE_PARAMETERS = {
  principalId: 'Object (principal) ID that gets the role.',
  roleDefinitionId: 'Resource ID of the role definition.',
  principalType: 'Type of the principal (ServicePrincipal for managed identities); empty to let Azure look it up.',
  roleAssignmentName: 'A fixed name (GUID) for the assignment; empty for guid(scope, principalId, roleDefinitionId).',
  roleAssignmentDescription: 'Description of the role assignment; empty for none.',
  condition: 'An ABAC condition that limits the assignment; empty for none.',
  conditionVersion: 'Version of the condition language (2.0); empty without a condition.',
  delegatedManagedIdentityResourceId: 'Resource ID of a delegated managed identity (Azure Lighthouse); empty for none.',
} as const;

/** The optional parameters: default '' and left out of the assignment when empty. */
const OPTIONAL = ['principalType', 'roleAssignmentName', 'roleAssignmentDescription', 'condition', 'conditionVersion', 'delegatedManagedIdentityResourceId'] as const;
export type RoleModuleParameter = keyof typeof ROLE_MODULE_PARAMETERS | 'scope';

/**
 * The inner template of a role assignment in another scope. Its name is computed inside, from the scope, the
 * principal ID and the role definition ID, as AVM's role-assignment modules do: the principal ID is a parameter
 * here, known when the inner deployment starts, so a recreated identity (a new principal) gets a new name instead of
 * failing with RoleAssignmentUpdateNotPermitted (learn.microsoft.com/azure/role-based-access-control/role-assignments-template#name;
 * Azure/Azure-Landing-Zones#1906).
 */
export function roleAssignmentModule(kind: RoleModuleKind, apiVersion: string): TemplateModel {
  const parameters: TemplateParameter[] = [
    { name: 'principalId', type: 'string', description: ROLE_MODULE_PARAMETERS.principalId },
    { name: 'roleDefinitionId', type: 'string', description: ROLE_MODULE_PARAMETERS.roleDefinitionId },
  ];
  let target: ResourceRef | undefined;
  let scopeId: Expr;
  if (kind.kind === 'resource') {
    const known = kind.resourceType === undefined ? undefined : knownResourceType(kind.resourceType);
    const type = known?.type ?? kind.resourceType ?? 'resource';
    parameters.push({ name: 'scope', type: 'string', description: `Resource ID of the ${type} the role is assigned on; it lives in this module's resource group.` });
    target = existingRef({
      symbol: 'target',
      type,
      ...(known ? { apiVersion: known.apiVersion } : {}),
      id: { kind: 'given', id: param('scope'), inDeploymentGroup: true },
    });
    // The ID as given seeds the name, identically in both languages (Bicep's `target.id` would be re-derived).
    scopeId = param('scope');
  } else {
    scopeId = member(call(kind.kind === 'subscription' ? 'subscription' : 'resourceGroup'), 'id');
  }
  // Not `description`: a Bicep parameter of that name would shadow the @description() decorator (BCP062).
  for (const name of OPTIONAL) parameters.push({ name, type: 'string', description: ROLE_MODULE_PARAMETERS[name], defaultValue: str('') });
  const orNull = (name: (typeof OPTIONAL)[number]): Expr => cond(call('empty', param(name)), { k: 'null' }, param(name));
  const assignment = createdRef({
    symbol: 'roleAssignment',
    type: RA_TYPE,
    apiVersion,
    name: cond(call('empty', param('roleAssignmentName')), call('guid', scopeId, param('principalId'), param('roleDefinitionId')), param('roleAssignmentName')),
    ...(target ? { extensionOf: target } : {}),
  });
  return {
    scope: kind.kind === 'subscription' ? 'subscription' : 'resourceGroup',
    parameters,
    resources: [
      {
        kind: 'resource',
        ref: assignment,
        properties: obj({
          roleDefinitionId: param('roleDefinitionId'),
          principalId: param('principalId'),
          principalType: orNull('principalType'),
          description: orNull('roleAssignmentDescription'),
          condition: orNull('condition'),
          conditionVersion: orNull('conditionVersion'),
          delegatedManagedIdentityResourceId: orNull('delegatedManagedIdentityResourceId'),
        }),
        dependsOn: [],
      },
    ],
    outputs: [],
    existing: target ? [target] : [],
  };
}
