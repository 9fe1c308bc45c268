@description('Name of the Log Analytics workspace, in the resource group this module deploys to.')
param workspaceName string

@description('Resource ID of the Automation account to link.')
param automationAccountId string

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' existing = {
  name: workspaceName
}

resource automationLink 'Microsoft.OperationalInsights/workspaces/linkedServices@2025-07-01' = {
  name: 'Automation'
  parent: workspace
  properties: {
    resourceId: automationAccountId
  }
}
