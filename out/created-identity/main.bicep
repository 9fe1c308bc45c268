@description('Automation account name')
param automationAccountName string = 'aa-created-identity'

@description('Tags for every resource')
param tags object = {
  workload: 'automation'
}

@description('Object ID of the Entra group that may attach the identity to other resources')
param operatorsGroupId string = '00000000-0000-0000-0000-0000000000a1'

@description('Location for all resources.')
param location string = resourceGroup().location

resource runnerIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'uai-runner'
  location: location
  tags: tags
  properties: {
    isolationScope: 'Regional'
  }
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

resource principalManagedIdentityOperatorAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(
    runnerIdentity.id,
    operatorsGroupId,
    subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'f1a07417-d97a-45cb-824c-7a7467783830')
  )
  scope: runnerIdentity
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      'f1a07417-d97a-45cb-824c-7a7467783830'
    )
    principalId: operatorsGroupId
    principalType: 'Group'
  }
}

resource runnerLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'lock-uai-runner'
  scope: runnerIdentity
  properties: {
    level: 'CanNotDelete'
    notes: 'The runbooks of aa-created-identity sign in as this identity.'
  }
  dependsOn: [
    runnerIdentityFic1
    principalManagedIdentityOperatorAssignment
  ]
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
