@description('Automation account name')
param automationAccountName string = 'aa-vm-operator'

@description('The VM the runbooks start and stop')
param vmName string = 'vm-app-01'

@description('Location for all resources.')
param location string = resourceGroup().location

resource virtualMachine 'Microsoft.Compute/virtualMachines@2026-03-01' existing = {
  name: vmName
}

resource automationAccount 'Microsoft.Automation/automationAccounts@2024-10-23' = {
  name: automationAccountName
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    disableLocalAuth: true
    publicNetworkAccess: false
    sku: {
      name: 'Basic'
    }
  }
}

module systemVirtualMachineContributorAssignment 'modules/roleAssignment.resource.Compute.virtualMachines.bicep' = {
  name: 'ra-${guid(resourceGroup().id, virtualMachine.id, automationAccount.id, '9980e02c-c2be-4d73-94e8-173b1dc7cf3c')}'
  params: {
    principalId: automationAccount.identity.principalId
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      '9980e02c-c2be-4d73-94e8-173b1dc7cf3c'
    )
    scope: virtualMachine.id
    principalType: 'ServicePrincipal'
  }
}

@description('Name of the Automation account.')
output automationAccountName string = automationAccountName

@description('Resource ID of the Automation account.')
output automationAccountResourceId string = automationAccount.id

@description('Object (principal) ID of the account\'s system-assigned identity.')
output systemAssignedPrincipalId string = automationAccount.identity.principalId
