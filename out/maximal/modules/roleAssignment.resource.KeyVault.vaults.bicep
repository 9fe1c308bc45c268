@description('Object (principal) ID that gets the role.')
param principalId string

@description('Type of the principal (ServicePrincipal for managed identities).')
param principalType string

@description('Resource ID of the role definition.')
param roleDefinitionId string

@description('Resource ID of the Microsoft.KeyVault/vaults the role is assigned on; it lives in this module\'s resource group.')
param scope string

@description('Description of the role assignment; empty for none.')
param roleAssignmentDescription string = ''

resource target 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: last(split(scope, '/'))
}

resource roleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(scope, principalId, roleDefinitionId)
  scope: target
  properties: {
    roleDefinitionId: roleDefinitionId
    principalId: principalId
    principalType: principalType
    description: empty(roleAssignmentDescription) ? null : roleAssignmentDescription
  }
}
