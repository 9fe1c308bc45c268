@description('Automation account name')
param automationAccountName string = 'aa-python-runbook'

@description('Location for all resources.')
param location string = resourceGroup().location

@description('URI of this template, or of its folder with a trailing slash: runbooks/ is resolved against it. Default: the URI the template was deployed from (set only for --template-uri deployments; pass it for local files).')
param _artifactsLocation string = deployment().properties.templateLink.uri

@description('SAS token (starting with ?) for _artifactsLocation when it is a private storage container; empty otherwise.')
@secure()
param _artifactsLocationSasToken string = ''

@description('Create the job schedules (runbook-schedule links). Default true: a redeployment links again under new names and Azure keeps the existing links.')
param deployJobSchedules bool = true

@description('Seed of the job-schedule names. Default: a new GUID per deployment, because Azure refuses a job-schedule name it has seen before; pass a fixed value only to reproduce a deployment.')
param jobScheduleSeed string = newGuid()

@description('Start time of the schedules that set none (ISO 8601, at least 5 minutes after the deployment). Default: 15 minutes after the deployment starts.')
param scheduleStartTime string = dateTimeAdd(utcNow('u'), 'PT15M')

resource runnerIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'uai-python-runner'
  location: location
}

resource automationAccount 'Microsoft.Automation/automationAccounts@2024-10-23' = {
  name: automationAccountName
  location: location
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

resource python310Runtime 'Microsoft.Automation/automationAccounts/runtimeEnvironments@2024-10-23' = {
  name: 'Python-3_10'
  parent: automationAccount
  location: location
  properties: {
    description: 'armgen\'s default Python 3.10 environment for starter runbooks without a type'
    runtime: {
      language: 'Python'
      version: '3.10'
    }
  }
}

resource runnerClientIdVariable 'Microsoft.Automation/automationAccounts/variables@2024-10-23' = {
  name: 'runner-clientId'
  parent: automationAccount
  properties: {
    description: 'Client ID of user-assigned identity \'runner\', read by armgen\'s starter runbooks (Connect-AzAccount -Identity -AccountId).'
    value: '"${runnerIdentity.properties.clientId}"'
    isEncrypted: false
  }
}

resource getTokenRunbook 'Microsoft.Automation/automationAccounts/runbooks@2024-10-23' = {
  name: 'Get-Token'
  parent: automationAccount
  location: location
  properties: {
    runbookType: 'Python'
    description: 'Gets an ARM token with the runner identity'
    logVerbose: false
    logProgress: false
    runtimeEnvironment: 'Python-3_10'
    publishContentLink: {
      uri: uri(_artifactsLocation, 'runbooks/Get-Token.py${_artifactsLocationSasToken}')
    }
  }
  dependsOn: [
    python310Runtime
    runnerClientIdVariable
  ]
}

resource hourlySchedule 'Microsoft.Automation/automationAccounts/schedules@2024-10-23' = {
  name: 'hourly'
  parent: automationAccount
  properties: {
    startTime: scheduleStartTime
    frequency: 'Hour'
    interval: 1
  }
}

resource getTokenHourlyJobSchedule 'Microsoft.Automation/automationAccounts/jobSchedules@2024-10-23' = if (deployJobSchedules) {
  #disable-next-line use-stable-resource-identifiers
  name: guid(automationAccount.id, 'Get-Token', 'hourly', jobScheduleSeed)
  parent: automationAccount
  properties: {
    runbook: {
      name: 'Get-Token'
    }
    schedule: {
      name: 'hourly'
    }
  }
  dependsOn: [
    getTokenRunbook
    hourlySchedule
  ]
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
