@description('Automation account name')
param automationAccountName string = 'aa-ops-test'

@description('Tags for every resource that takes tags')
param tags object = {
  owner: 'ops-team'
  workload: 'operations'
}

@description('Object ID of the Entra group of operators (Automation Job Operator on the account)')
param operatorsGroupId string = '7d3c2b1a-4e5f-4a6b-8c7d-9e0f1a2b3c4d'

@description('Resource group of the operations network (in the subnet\'s subscription); the private endpoints go there')
param networkResourceGroup string = 'rg-ops-network-test'

@description('Subnet of the operations network that holds the account\'s private endpoints')
param endpointSubnetId string = '/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-ops-network-test/providers/Microsoft.Network/virtualNetworks/vnet-ops-test/subnets/snet-private-endpoints'

@description('First hybrid worker VM (Windows, system-assigned identity on)')
param workerVm1Id string = '/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-ops-workers-test/providers/Microsoft.Compute/virtualMachines/vm-opsw-t01'

@description('Second hybrid worker VM (Windows, system-assigned identity on)')
param workerVm2Id string = '/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-ops-workers-test/providers/Microsoft.Compute/virtualMachines/vm-opsw-t02'

@description('The operations team\'s Log Analytics workspace')
param workspaceId string = '/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-ops-monitoring/providers/Microsoft.OperationalInsights/workspaces/law-ops'

@description('Branch of the runbook repository synced into the account')
param syncBranch string = 'main'

@description('Password of the domain account the hybrid workers run jobs as')
@secure()
param workerPassword string

@description('Azure DevOps personal access token (Code read) the sync reads the repository with')
@secure()
param adoToken string

@description('URI of the remediation webhook, made once with the generateUri REST action and kept in Key Vault')
@secure()
param remediationHookUri string

@description('Location for all resources.')
param location string = resourceGroup().location

@description('Create the job schedules (runbook-schedule links). Default true: a redeployment links again under new names and Azure keeps the existing links.')
param deployJobSchedules bool = true

@description('Seed of the job-schedule names. Default: a new GUID per deployment, because Azure refuses a job-schedule name it has seen before; pass a fixed value only to reproduce a deployment.')
param jobScheduleSeed string = newGuid()

@description('Start time of the schedules that set none (ISO 8601, at least 5 minutes after the deployment). Default: 15 minutes after the deployment starts.')
param scheduleStartTime string = dateTimeAdd(utcNow('u'), 'PT15M')

@description('Expiry of the webhooks that set none (ISO 8601). Default: one year after the deployment, as in the portal; each redeployment extends it (allowed while a webhook has not expired).')
param webhookExpiryTime string = dateTimeAdd(utcNow('u'), 'P1Y')

resource workerVm1IdVm 'Microsoft.Compute/virtualMachines@2026-03-01' existing = {
  name: last(split(workerVm1Id, '/'))
  scope: resourceGroup(split(workerVm1Id, '/')[2], split(workerVm1Id, '/')[4])
}

resource workerVm2IdVm 'Microsoft.Compute/virtualMachines@2026-03-01' existing = {
  name: last(split(workerVm2Id, '/'))
  scope: resourceGroup(split(workerVm2Id, '/')[2], split(workerVm2Id, '/')[4])
}

resource automationAccount 'Microsoft.Automation/automationAccounts@2024-10-23' = {
  name: automationAccountName
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    disableLocalAuth: false
    publicNetworkAccess: false
    sku: {
      name: 'Basic'
    }
  }
}

resource invokeRemediationRunbook 'Microsoft.Automation/automationAccounts/runbooks@2024-10-23' = {
  name: 'Invoke-Remediation'
  parent: automationAccount
  location: location
  tags: tags
  properties: {
    runbookType: 'PowerShell'
    description: 'Remediation started by the ITSM tool through the webhook, on the hybrid workers'
    logVerbose: false
    logProgress: false
    publishContentLink: {
      uri: 'https://raw.githubusercontent.com/contoso/ops-runbooks/v3.4.0/runbooks/Invoke-Remediation.ps1'
      version: '3.4.0.0'
    }
  }
}

resource nightlyHealthSchedule 'Microsoft.Automation/automationAccounts/schedules@2024-10-23' = {
  name: 'nightly-health'
  parent: automationAccount
  properties: {
    description: 'Every night, starting 15 minutes after the deployment'
    startTime: scheduleStartTime
    frequency: 'Day'
    interval: 1
    timeZone: 'Europe/Berlin'
  }
}

resource invokeRemediationNightlyHealthJobSchedule 'Microsoft.Automation/automationAccounts/jobSchedules@2024-10-23' = if (deployJobSchedules) {
  #disable-next-line use-stable-resource-identifiers
  name: guid(automationAccount.id, 'Invoke-Remediation', 'nightly-health', jobScheduleSeed)
  parent: automationAccount
  properties: {
    runbook: {
      name: 'Invoke-Remediation'
    }
    schedule: {
      name: 'nightly-health'
    }
    parameters: {
      Mode: 'HealthCheck'
    }
    runOn: 'ops-workers'
  }
  dependsOn: [
    invokeRemediationRunbook
    nightlyHealthSchedule
    opsWorkersWorkerGroup
  ]
}

resource opsWorkerRunAsCredential 'Microsoft.Automation/automationAccounts/credentials@2024-10-23' = {
  name: 'OpsWorkerRunAs'
  parent: automationAccount
  properties: {
    description: 'The domain account the hybrid workers run jobs as'
    userName: 'CONTOSO\\svc-ops-worker'
    password: workerPassword
  }
}

resource opsWorkersWorkerGroup 'Microsoft.Automation/automationAccounts/hybridRunbookWorkerGroups@2024-10-23' = {
  name: 'ops-workers'
  parent: automationAccount
  properties: {
    credential: {
      name: 'OpsWorkerRunAs'
    }
  }
  dependsOn: [
    opsWorkerRunAsCredential
  ]
}

resource opsWorkersWorkerVm1IdWorker 'Microsoft.Automation/automationAccounts/hybridRunbookWorkerGroups/hybridRunbookWorkers@2024-10-23' = {
  name: guid(opsWorkersWorkerGroup.id, toLower(workerVm1Id))
  parent: opsWorkersWorkerGroup
  properties: {
    vmResourceId: workerVm1Id
  }
}

module workerVm1IdHybridWorkerExtension 'modules/hybridWorkerExtension.resource.Compute.virtualMachines.bicep' = {
  name: 'hybridWorker-${guid(resourceGroup().id, toLower(workerVm1Id))}'
  scope: resourceGroup(split(workerVm1Id, '/')[2], split(workerVm1Id, '/')[4])
  params: {
    vmName: last(split(workerVm1Id, '/'))
    location: workerVm1IdVm.location
    automationAccountUrl: automationAccount.properties.automationHybridServiceUrl
    extensionType: 'HybridWorkerForWindows'
  }
  dependsOn: [
    opsWorkersWorkerVm1IdWorker
  ]
}

resource opsWorkersWorkerVm2IdWorker 'Microsoft.Automation/automationAccounts/hybridRunbookWorkerGroups/hybridRunbookWorkers@2024-10-23' = {
  name: guid(opsWorkersWorkerGroup.id, toLower(workerVm2Id))
  parent: opsWorkersWorkerGroup
  properties: {
    vmResourceId: workerVm2Id
  }
}

module workerVm2IdHybridWorkerExtension 'modules/hybridWorkerExtension.resource.Compute.virtualMachines.bicep' = {
  name: 'hybridWorker-${guid(resourceGroup().id, toLower(workerVm2Id))}'
  scope: resourceGroup(split(workerVm2Id, '/')[2], split(workerVm2Id, '/')[4])
  params: {
    vmName: last(split(workerVm2Id, '/'))
    location: workerVm2IdVm.location
    automationAccountUrl: automationAccount.properties.automationHybridServiceUrl
    extensionType: 'HybridWorkerForWindows'
  }
  dependsOn: [
    opsWorkersWorkerVm2IdWorker
  ]
}

resource itsmRemediationWebhook 'Microsoft.Automation/automationAccounts/webhooks@2024-10-23' = {
  name: 'itsm-remediation'
  parent: automationAccount
  properties: {
    isEnabled: true
    expiryTime: webhookExpiryTime
    runbook: {
      name: 'Invoke-Remediation'
    }
    parameters: {
      Mode: 'Remediate'
    }
    runOn: 'ops-workers'
    uri: remediationHookUri
  }
  dependsOn: [
    invokeRemediationRunbook
    opsWorkersWorkerGroup
  ]
}

resource opsrunbooksSourceControl 'Microsoft.Automation/automationAccounts/sourceControls@2024-10-23' = {
  name: 'opsrunbooks'
  parent: automationAccount
  properties: {
    repoUrl: 'https://dev.azure.com/contoso/Operations/_git/ops-runbooks'
    branch: syncBranch
    folderPath: '/runbooks'
    autoSync: false
    publishRunbook: true
    sourceType: 'VsoGit'
    securityToken: {
      accessToken: adoToken
      tokenType: 'PersonalAccessToken'
    }
    description: 'Runbooks of the operations team (main in test, release in prod)'
  }
}

resource diagnosticSettings 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: '${automationAccountName}-diagnosticSettings'
  scope: automationAccount
  properties: {
    workspaceId: workspaceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      {
        category: 'AuditEvent'
        enabled: true
      }
      {
        category: 'DscNodeStatus'
        enabled: true
      }
      {
        category: 'JobLogs'
        enabled: true
      }
      {
        category: 'JobStreams'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

module privateEndpointWebhookModule 'modules/privateEndpoint.resourceGroup.bicep' = {
  name: 'pep-${guid(automationAccount.id, 'Webhook', 'pep-${automationAccountName}-webhook')}'
  scope: resourceGroup(split(endpointSubnetId, '/')[2], networkResourceGroup)
  params: {
    endpointName: 'pep-${automationAccountName}-webhook'
    location: location
    tags: tags
    subnetId: endpointSubnetId
    privateLinkServiceId: automationAccount.id
    groupId: 'Webhook'
    privateDnsZoneId: resourceId(
      '33333333-3333-3333-3333-333333333333',
      'rg-dns',
      'Microsoft.Network/privateDnsZones',
      'privatelink.azure-automation.net'
    )
  }
}

module privateEndpointDSCAndHybridWorkerModule 'modules/privateEndpoint.resourceGroup.bicep' = {
  name: 'pep-${guid(automationAccount.id, 'DSCAndHybridWorker', 'pep-${automationAccountName}-dsc')}'
  scope: resourceGroup(split(endpointSubnetId, '/')[2], networkResourceGroup)
  params: {
    endpointName: 'pep-${automationAccountName}-dsc'
    location: location
    tags: tags
    subnetId: endpointSubnetId
    privateLinkServiceId: automationAccount.id
    groupId: 'DSCAndHybridWorker'
    privateDnsZoneId: resourceId(
      '33333333-3333-3333-3333-333333333333',
      'rg-dns',
      'Microsoft.Network/privateDnsZones',
      'privatelink.azure-automation.net'
    )
  }
}

module logAnalyticsLink 'modules/logAnalyticsLink.resourceGroup.bicep' = {
  name: 'law-link-${guid(automationAccount.id, workspaceId)}'
  scope: resourceGroup(split(workspaceId, '/')[2], split(workspaceId, '/')[4])
  params: {
    workspaceName: last(split(workspaceId, '/'))
    automationAccountId: automationAccount.id
  }
}

resource principalAutomationJobOperatorAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(
    automationAccount.id,
    operatorsGroupId,
    subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4fe576fe-1146-4730-92eb-48519fa6bf9f')
  )
  scope: automationAccount
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      '4fe576fe-1146-4730-92eb-48519fa6bf9f'
    )
    principalId: operatorsGroupId
    principalType: 'Group'
    description: 'Operators group runs and watches jobs'
  }
}

module systemContributorAssignment 'modules/roleAssignment.resource.Automation.automationAccounts.bicep' = {
  name: 'ra-${guid(resourceGroup().id, automationAccount.id, automationAccount.id, 'b24988ac-6180-42a0-ab88-20f7382dd24c')}'
  params: {
    principalId: automationAccount.identity.principalId
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      'b24988ac-6180-42a0-ab88-20f7382dd24c'
    )
    scope: automationAccount.id
    principalType: 'ServicePrincipal'
    roleAssignmentDescription: 'Source control sync writes the synced runbooks into the account'
  }
}

resource accountLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'lock-${automationAccountName}'
  scope: automationAccount
  properties: {
    level: 'CanNotDelete'
    notes: 'Operations automation; remove the lock through the ops team'
  }
  dependsOn: [
    invokeRemediationRunbook
    nightlyHealthSchedule
    invokeRemediationNightlyHealthJobSchedule
    opsWorkerRunAsCredential
    opsWorkersWorkerGroup
    opsWorkersWorkerVm1IdWorker
    opsWorkersWorkerVm2IdWorker
    itsmRemediationWebhook
    opsrunbooksSourceControl
    diagnosticSettings
    principalAutomationJobOperatorAssignment
    systemContributorAssignment
    privateEndpointWebhookModule
    privateEndpointDSCAndHybridWorkerModule
    logAnalyticsLink
  ]
}

@description('Name of the Automation account.')
output automationAccountName string = automationAccountName

@description('Resource ID of the Automation account.')
output automationAccountResourceId string = automationAccount.id

@description('Object (principal) ID of the account\'s system-assigned identity.')
output systemAssignedPrincipalId string = automationAccount.identity.principalId
