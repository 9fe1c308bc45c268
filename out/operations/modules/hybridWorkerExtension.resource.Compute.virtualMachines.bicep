@description('Name of the virtual machine (in this deployment\'s resource group) that becomes a hybrid runbook worker.')
param vmName string

@description('Region of the virtual machine: its extension is created there.')
param location string

@description('The Automation account\'s automationHybridServiceUrl, where the extension registers the worker.')
param automationAccountUrl string

@description('HybridWorkerForWindows or HybridWorkerForLinux, by the VM\'s operating system.')
@allowed([
  'HybridWorkerForWindows'
  'HybridWorkerForLinux'
])
param extensionType string

resource vm 'Microsoft.Compute/virtualMachines@2026-03-01' existing = {
  name: vmName
}

resource hybridWorkerExtension 'Microsoft.Compute/virtualMachines/extensions@2026-03-01' = {
  name: 'HybridWorkerExtension'
  parent: vm
  location: location
  properties: {
    publisher: 'Microsoft.Azure.Automation.HybridWorker'
    type: extensionType
    typeHandlerVersion: '1.1'
    autoUpgradeMinorVersion: true
    enableAutomaticUpgrade: true
    settings: {
      AutomationAccountURL: automationAccountUrl
    }
  }
}
