targetScope = 'subscription'

@description('Name of the role assignment: a GUID computed by the caller from values known when the deployment starts.')
param roleAssignmentName string

@description('Resource ID of the role definition.')
param roleDefinitionId string

@description('Object (principal) ID of the managed identity that gets the role.')
param principalId string

@description('Description of the role assignment.')
param roleAssignmentDescription string?

resource roleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: roleAssignmentName
  properties: {
    roleDefinitionId: roleDefinitionId
    principalId: principalId
    principalType: 'ServicePrincipal'
    description: roleAssignmentDescription
  }
}
