@description('Automation account name')
param automationAccountName string = 'aa-seed-e2e'

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

resource userAssignedOneIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: 'uai-seed-one'
}

resource userAssignedTwoIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: 'uai-seed-two'
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: 'kv-seed-secrets'
}

resource automationAccount 'Microsoft.Automation/automationAccounts@2024-10-23' = {
  name: automationAccountName
  location: location
  identity: {
    type: 'UserAssigned'
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
  }
}

resource ps74AzRuntime 'Microsoft.Automation/automationAccounts/runtimeEnvironments@2024-10-23' = {
  name: 'ps74-az'
  parent: automationAccount
  location: location
  properties: {
    description: 'PowerShell 7.4 with Az 12.3.0 (Az.Accounts and Az.KeyVault included)'
    runtime: {
      language: 'PowerShell'
      version: '7.4'
    }
    defaultPackages: {
      Az: '12.3.0'
    }
  }
}

resource userAssignedTwoClientIdVariable 'Microsoft.Automation/automationAccounts/variables@2024-10-23' = {
  name: 'userAssignedTwo-clientId'
  parent: automationAccount
  properties: {
    description: 'Client ID of user-assigned identity \'userAssignedTwo\', read by armgen\'s starter runbooks (Connect-AzAccount -Identity -AccountId).'
    value: '"${userAssignedTwoIdentity.properties.clientId}"'
    isEncrypted: false
  }
}

resource getSeedSecretRunbook 'Microsoft.Automation/automationAccounts/runbooks@2024-10-23' = {
  name: 'Get-SeedSecret'
  parent: automationAccount
  location: location
  properties: {
    runbookType: 'PowerShell'
    description: 'Signs in with userAssignedTwo and reads the secret \'seed-secret\' from kv-seed-secrets'
    logVerbose: false
    logProgress: false
    runtimeEnvironment: 'ps74-az'
    publishContentLink: {
      uri: uri(_artifactsLocation, 'runbooks/Get-SeedSecret.ps1${_artifactsLocationSasToken}')
    }
  }
  dependsOn: [
    ps74AzRuntime
    userAssignedTwoClientIdVariable
  ]
}

resource daily0600Schedule 'Microsoft.Automation/automationAccounts/schedules@2024-10-23' = {
  name: 'daily-0600'
  parent: automationAccount
  properties: {
    description: 'Every day; the first run 15 minutes after the deployment, then every 24 hours'
    startTime: scheduleStartTime
    frequency: 'Day'
    interval: 1
    timeZone: 'UTC'
  }
}

resource getSeedSecretDaily0600JobSchedule 'Microsoft.Automation/automationAccounts/jobSchedules@2024-10-23' = if (deployJobSchedules) {
  #disable-next-line use-stable-resource-identifiers
  name: guid(automationAccount.id, 'Get-SeedSecret', 'daily-0600', jobScheduleSeed)
  parent: automationAccount
  properties: {
    runbook: {
      name: 'Get-SeedSecret'
    }
    schedule: {
      name: 'daily-0600'
    }
  }
  dependsOn: [
    getSeedSecretRunbook
    daily0600Schedule
  ]
}

module userAssignedTwoKeyVaultSecretsUserAssignment 'modules/roleAssignment.resource.KeyVault.vaults.bicep' = {
  name: 'ra-${guid(resourceGroup().id, vault.id, userAssignedTwoIdentity.id, '4633458b-17de-408a-b874-0445c86b69e6')}'
  params: {
    principalId: userAssignedTwoIdentity.properties.principalId
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      '4633458b-17de-408a-b874-0445c86b69e6'
    )
    scope: vault.id
    principalType: 'ServicePrincipal'
    roleAssignmentDescription: 'The seed\'s runbook reads a secret from this vault'
  }
}

@description('Name of the Automation account.')
output automationAccountName string = automationAccountName

@description('Resource ID of the Automation account.')
output automationAccountResourceId string = automationAccount.id

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
