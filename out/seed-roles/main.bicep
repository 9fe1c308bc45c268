@description('Automation account name')
param automationAccountName string = 'aa-seed-roles'

@description('Location for all resources.')
param location string = resourceGroup().location

resource opsIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: 'uai-ops'
}

resource secretsReaderIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: 'uai-kv-reader'
  scope: resourceGroup('22222222-2222-2222-2222-222222222222', 'rg-identities')
}

resource automationAccount 'Microsoft.Automation/automationAccounts@2024-10-23' = {
  name: automationAccountName
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${opsIdentity.id}': {}
      '${secretsReaderIdentity.id}': {}
    }
  }
  properties: {
    disableLocalAuth: true
    sku: {
      name: 'Basic'
    }
  }
}

module opsContributorAssignment 'modules/roleAssignment.subscription.bicep' = {
  name: 'ra-${guid(resourceGroup().id, subscription().id, opsIdentity.id, 'b24988ac-6180-42a0-ab88-20f7382dd24c')}'
  scope: subscription()
  params: {
    principalId: opsIdentity.properties.principalId
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      'b24988ac-6180-42a0-ab88-20f7382dd24c'
    )
    principalType: 'ServicePrincipal'
    roleAssignmentDescription: 'Runbooks manage resources across the subscription'
  }
}

module secretsReaderKeyVaultSecretsUserAssignment 'modules/roleAssignment.resource.KeyVault.vaults.bicep' = {
  name: 'ra-${guid(resourceGroup().id, '/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/kv-ops-secrets', secretsReaderIdentity.id, '4633458b-17de-408a-b874-0445c86b69e6')}'
  scope: resourceGroup('33333333-3333-3333-3333-333333333333', 'rg-secrets')
  params: {
    principalId: secretsReaderIdentity.properties.principalId
    roleDefinitionId: subscriptionResourceId(
      '33333333-3333-3333-3333-333333333333',
      'Microsoft.Authorization/roleDefinitions',
      '4633458b-17de-408a-b874-0445c86b69e6'
    )
    scope: '/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/kv-ops-secrets'
    principalType: 'ServicePrincipal'
  }
}

@description('Name of the Automation account.')
output automationAccountName string = automationAccountName

@description('Resource ID of the Automation account.')
output automationAccountResourceId string = automationAccount.id

@description('Resource ID of user-assigned identity \'ops\'.')
output opsResourceId string = opsIdentity.id

@description('Object (principal) ID of user-assigned identity \'ops\'.')
output opsPrincipalId string = opsIdentity.properties.principalId

@description('Client ID of user-assigned identity \'ops\' (Connect-AzAccount -Identity -AccountId).')
output opsClientId string = opsIdentity.properties.clientId

@description('Resource ID of user-assigned identity \'secretsReader\'.')
output secretsReaderResourceId string = secretsReaderIdentity.id

@description('Object (principal) ID of user-assigned identity \'secretsReader\'.')
output secretsReaderPrincipalId string = secretsReaderIdentity.properties.principalId

@description('Client ID of user-assigned identity \'secretsReader\' (Connect-AzAccount -Identity -AccountId).')
output secretsReaderClientId string = secretsReaderIdentity.properties.clientId
