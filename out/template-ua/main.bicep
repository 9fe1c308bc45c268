@description('Automation account name')
param automationAccountName string = 'YourAutomationAccount'

@description('User-assigned managed identity')
param userAssignedOne string = 'userAssignedOne'

@description('User-assigned managed identity')
param userAssignedTwo string = 'userAssignedTwo'

@description('Location for all resources.')
param location string = resourceGroup().location

resource userAssignedOneIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: userAssignedOne
}

resource userAssignedTwoIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: userAssignedTwo
}

resource automationAccount 'Microsoft.Automation/automationAccounts@2024-10-23' = {
  name: automationAccountName
  location: location
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${userAssignedOneIdentity.id}': {}
      '${userAssignedTwoIdentity.id}': {}
    }
  }
  properties: {
    disableLocalAuth: true
    sku: {
      name: 'Basic'
    }
    encryption: {
      keySource: 'Microsoft.Automation'
    }
  }
}

@description('Name of the Automation account.')
output automationAccountName string = automationAccountName

@description('Resource ID of the Automation account.')
output automationAccountResourceId string = automationAccount.id

@description('Object (principal) ID of the account\'s system-assigned identity.')
output systemAssignedPrincipalId string = automationAccount.identity.principalId

@description('Resource ID of user-assigned identity \'userAssignedOne\'.')
output userAssignedOneResourceId string = userAssignedOneIdentity.id

@description('Object (principal) ID of user-assigned identity \'userAssignedOne\'.')
output userAssignedOnePrincipalId string = userAssignedOneIdentity.properties.principalId

@description('Client ID of user-assigned identity \'userAssignedOne\' (Connect-AzAccount -Identity -AccountId).')
output userAssignedOneClientId string = userAssignedOneIdentity.properties.clientId

@description('Resource ID of user-assigned identity \'userAssignedTwo\'.')
output userAssignedTwoResourceId string = userAssignedTwoIdentity.id

@description('Object (principal) ID of user-assigned identity \'userAssignedTwo\'.')
output userAssignedTwoPrincipalId string = userAssignedTwoIdentity.properties.principalId

@description('Client ID of user-assigned identity \'userAssignedTwo\' (Connect-AzAccount -Identity -AccountId).')
output userAssignedTwoClientId string = userAssignedTwoIdentity.properties.clientId
