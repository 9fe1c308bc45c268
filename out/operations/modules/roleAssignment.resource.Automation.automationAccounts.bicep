@description('Object (principal) ID that gets the role.')
param principalId string

@description('Resource ID of the role definition.')
param roleDefinitionId string

@description('Resource ID of the Microsoft.Automation/automationAccounts the role is assigned on; it lives in this module\'s resource group.')
param scope string

@description('Type of the principal (ServicePrincipal for managed identities); empty to let Azure look it up.')
param principalType string = ''

@description('A fixed name (GUID) for the assignment; empty for guid(scope, principalId, roleDefinitionId).')
param roleAssignmentName string = ''

@description('Description of the role assignment; empty for none.')
param roleAssignmentDescription string = ''

@description('An ABAC condition that limits the assignment; empty for none.')
param condition string = ''

@description('Version of the condition language (2.0); empty without a condition.')
param conditionVersion string = ''

@description('Resource ID of a delegated managed identity (Azure Lighthouse); empty for none.')
param delegatedManagedIdentityResourceId string = ''

resource target 'Microsoft.Automation/automationAccounts@2024-10-23' existing = {
  name: last(split(scope, '/'))
}

resource roleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: empty(roleAssignmentName) ? guid(scope, principalId, roleDefinitionId) : roleAssignmentName
  scope: target
  properties: {
    roleDefinitionId: roleDefinitionId
    principalId: principalId
    principalType: empty(principalType) ? null : principalType
    description: empty(roleAssignmentDescription) ? null : roleAssignmentDescription
    condition: empty(condition) ? null : condition
    conditionVersion: empty(conditionVersion) ? null : conditionVersion
    delegatedManagedIdentityResourceId: empty(delegatedManagedIdentityResourceId)
      ? null
      : delegatedManagedIdentityResourceId
  }
}
