@description('Automation account name')
param automationAccountName string = 'aa-created-identity'

@description('Tags for every resource')
param tags object = {
  workload: 'automation'
}

@description('Location for all resources.')
param location string = resourceGroup().location

resource runnerIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'uai-runner'
  location: location
  tags: tags
}

resource runnerIdentityFic1 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2024-11-30' = {
  name: 'github-main'
  parent: runnerIdentity
  properties: {
    audiences: [
      'api://AzureADTokenExchange'
    ]
    issuer: 'https://token.actions.githubusercontent.com'
    subject: 'repo:contoso/ops:ref:refs/heads/main'
  }
}

resource automationAccount 'Microsoft.Automation/automationAccounts@2024-10-23' = {
  name: automationAccountName
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${runnerIdentity.id}': {}
    }
  }
  properties: {
    disableLocalAuth: true
    sku: {
      name: 'Basic'
    }
  }
}

module runnerReaderAssignment 'modules/roleAssignment.resourceGroup.bicep' = {
  name: 'ra-${guid(resourceGroup().id, resourceGroup().id, runnerIdentity.id, 'acdd72a7-3385-48ef-bd42-f606fba81ae7')}'
  params: {
    principalId: runnerIdentity.properties.principalId
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      'acdd72a7-3385-48ef-bd42-f606fba81ae7'
    )
    principalType: 'ServicePrincipal'
  }
}

@description('Name of the Automation account.')
output automationAccountName string = automationAccountName

@description('Resource ID of the Automation account.')
output automationAccountResourceId string = automationAccount.id

@description('Resource ID of user-assigned identity \'runner\'.')
output runnerResourceId string = runnerIdentity.id

@description('Object (principal) ID of user-assigned identity \'runner\'.')
output runnerPrincipalId string = runnerIdentity.properties.principalId

@description('Client ID of user-assigned identity \'runner\' (Connect-AzAccount -Identity -AccountId).')
output runnerClientId string = runnerIdentity.properties.clientId
