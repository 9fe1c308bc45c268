@description('Name of the role assignment: a GUID computed by the caller from values known when the deployment starts.')
param roleAssignmentName string

@description('Resource ID of the role definition.')
param roleDefinitionId string

@description('Object (principal) ID of the managed identity that gets the role.')
param principalId string

@description('Resource ID of the Microsoft.KeyVault/vaults the role is assigned on; it lives in this module\'s resource group.')
param scope string

@description('Description of the role assignment.')
param roleAssignmentDescription string?

resource target 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: last(split(scope, '/'))
}

resource roleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: roleAssignmentName
  scope: target
  properties: {
    roleDefinitionId: roleDefinitionId
    principalId: principalId
    principalType: 'ServicePrincipal'
    description: roleAssignmentDescription
  }
}
