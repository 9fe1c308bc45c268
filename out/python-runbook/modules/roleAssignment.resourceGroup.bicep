@description('Object (principal) ID that gets the role.')
param principalId string

@description('Type of the principal (ServicePrincipal for managed identities).')
param principalType string

@description('Resource ID of the role definition.')
param roleDefinitionId string

@description('Description of the role assignment; empty for none.')
param roleAssignmentDescription string = ''

resource roleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, principalId, roleDefinitionId)
  properties: {
    roleDefinitionId: roleDefinitionId
    principalId: principalId
    principalType: principalType
    description: empty(roleAssignmentDescription) ? null : roleAssignmentDescription
  }
}
