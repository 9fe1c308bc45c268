@description('Automation account name')
param automationAccountName string = 'aa-maximal'

@description('Tags for every resource that takes tags')
param tags object = {
  owner: 'platform-team'
  workload: 'automation'
}

@description('Log Analytics workspace for the account\'s logs')
param workspaceId string = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-monitoring/providers/Microsoft.OperationalInsights/workspaces/law-ops'

@description('Password of the SQL login the runbooks use')
@secure()
param sqlPassword string

@description('API key stored as an encrypted Automation variable')
@secure()
param apiKey string

@description('Password of the account the hybrid workers run jobs as')
@secure()
param hybridPassword string

@description('GitHub personal access token the source control sync reads the repository with')
@secure()
param githubToken string

@description('Branch the runbooks are synced from')
param syncBranch string = 'main'

@description('Subnet of the hybrid workers\' network, for the DSCAndHybridWorker private endpoint')
param workerSubnetId string = '/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-workers/subnets/snet-endpoints'

@description('First run of the weekly report (default computed at deployment, one week after it)')
param reportStart string = dateTimeAdd(utcNow('u'), 'P7D')

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

resource cmkIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: 'uai-maximal-cmk'
  scope: resourceGroup('rg-identities')
}

resource cmkVault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: 'kv-maximal-cmk'
  scope: resourceGroup('11111111-1111-1111-1111-111111111111', 'rg-keys')
}

resource cmkKey 'Microsoft.KeyVault/vaults/keys@2024-11-01' existing = {
  name: 'automation-cmk'
  parent: cmkVault
}

resource vmWorker01Vm 'Microsoft.Compute/virtualMachines@2026-03-01' existing = {
  name: 'vm-worker-01'
  scope: resourceGroup('11111111-1111-1111-1111-111111111111', 'rg-workers')
}

resource runnerIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'uai-maximal-runner'
  location: location
  tags: tags
}

resource automationAccount 'Microsoft.Automation/automationAccounts@2024-10-23' = {
  name: automationAccountName
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${runnerIdentity.id}': {}
      '${cmkIdentity.id}': {}
    }
  }
  properties: {
    disableLocalAuth: true
    publicNetworkAccess: false
    sku: {
      name: 'Basic'
    }
    encryption: {
      keySource: 'Microsoft.Keyvault'
      identity: {
        userAssignedIdentity: cmkIdentity.id
      }
      keyVaultProperties: {
        keyName: 'automation-cmk'
        keyVersion: last(split(cmkKey.properties.keyUriWithVersion, '/'))
        keyvaultUri: cmkVault.properties.vaultUri
      }
    }
  }
}

resource ps74AzRuntime 'Microsoft.Automation/automationAccounts/runtimeEnvironments@2024-10-23' = {
  name: 'ps74-az'
  parent: automationAccount
  location: location
  properties: {
    description: 'PowerShell 7.4 with Az 12.3.0'
    runtime: {
      language: 'PowerShell'
      version: '7.4'
    }
    defaultPackages: {
      Az: '12.3.0'
    }
  }
}

resource ps74AzMicrosoftGraphAuthenticationPackage 'Microsoft.Automation/automationAccounts/runtimeEnvironments/packages@2024-10-23' = {
  name: 'Microsoft.Graph.Authentication'
  parent: ps74AzRuntime
  properties: {
    contentLink: {
      uri: 'https://www.powershellgallery.com/api/v2/package/Microsoft.Graph.Authentication/2.25.0'
      version: '2.25.0'
    }
  }
}

resource ps74AzMicrosoftGraphUsersPackage 'Microsoft.Automation/automationAccounts/runtimeEnvironments/packages@2024-10-23' = {
  name: 'Microsoft.Graph.Users'
  parent: ps74AzRuntime
  properties: {
    contentLink: {
      uri: 'https://www.powershellgallery.com/api/v2/package/Microsoft.Graph.Users/2.25.0'
      version: '2.25.0'
    }
  }
  dependsOn: [
    ps74AzMicrosoftGraphAuthenticationPackage
  ]
}

resource py310Runtime 'Microsoft.Automation/automationAccounts/runtimeEnvironments@2024-10-23' = {
  name: 'py310'
  parent: automationAccount
  location: location
  properties: {
    description: 'Python 3.10 (the generated Python runbook needs only the standard library)'
    runtime: {
      language: 'Python'
      version: '3.10'
    }
  }
}

resource azAccountsModule 'Microsoft.Automation/automationAccounts/modules@2024-10-23' = {
  name: 'Az.Accounts'
  parent: automationAccount
  location: location
  properties: {
    contentLink: {
      uri: 'https://www.powershellgallery.com/api/v2/package/Az.Accounts'
    }
  }
}

resource azResourcesModule 'Microsoft.Automation/automationAccounts/modules@2024-10-23' = {
  name: 'Az.Resources'
  parent: automationAccount
  location: location
  properties: {
    contentLink: {
      uri: 'https://www.powershellgallery.com/api/v2/package/Az.Resources'
    }
  }
  dependsOn: [
    azAccountsModule
  ]
}

resource sqlServerModule 'Microsoft.Automation/automationAccounts/modules@2024-10-23' = {
  name: 'SqlServer'
  parent: automationAccount
  location: location
  properties: {
    contentLink: {
      uri: 'https://www.powershellgallery.com/api/v2/package/SqlServer/22.2.0'
      version: '22.2.0'
    }
  }
  dependsOn: [
    azAccountsModule
  ]
}

resource requestsPackage 'Microsoft.Automation/automationAccounts/python3Packages@2024-10-23' = {
  name: 'requests'
  parent: automationAccount
  properties: {
    contentLink: {
      uri: 'https://files.pythonhosted.org/packages/f9/9b/335f9764261e915ed497fcdeb11df5dfd6f7bf257d4a6a2a686d80da4d54/requests-2.32.3-py3-none-any.whl'
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

resource startNightlyRunbook 'Microsoft.Automation/automationAccounts/runbooks@2024-10-23' = {
  name: 'Start-Nightly'
  parent: automationAccount
  location: location
  tags: tags
  properties: {
    runbookType: 'PowerShell'
    description: 'Published script from a public URI'
    logVerbose: true
    logProgress: true
    publishContentLink: {
      uri: 'https://raw.githubusercontent.com/contoso/ops/v1.2.0/runbooks/Start-Nightly.ps1'
      version: '1.2.0.0'
    }
  }
}

resource getInventoryRunbook 'Microsoft.Automation/automationAccounts/runbooks@2024-10-23' = {
  name: 'Get-Inventory'
  parent: automationAccount
  location: location
  properties: {
    runbookType: 'PowerShell'
    description: 'Local script copied next to the template'
    logVerbose: false
    logProgress: false
    publishContentLink: {
      uri: uri(_artifactsLocation, 'runbooks/Get-Inventory.ps1${_artifactsLocationSasToken}')
      version: '1.0.0.0'
    }
  }
  dependsOn: [
    azAccountsModule
    azResourcesModule
  ]
}

resource connectSystemRunbook 'Microsoft.Automation/automationAccounts/runbooks@2024-10-23' = {
  name: 'Connect-System'
  parent: automationAccount
  location: location
  properties: {
    runbookType: 'PowerShell'
    description: 'Generated starter runbook for the system-assigned identity'
    logVerbose: false
    logProgress: false
    runtimeEnvironment: 'ps74-az'
    publishContentLink: {
      uri: uri(_artifactsLocation, 'runbooks/Connect-System.ps1${_artifactsLocationSasToken}')
    }
  }
  dependsOn: [
    ps74AzRuntime
    ps74AzMicrosoftGraphAuthenticationPackage
    ps74AzMicrosoftGraphUsersPackage
  ]
}

resource connectRunnerRunbook 'Microsoft.Automation/automationAccounts/runbooks@2024-10-23' = {
  name: 'Connect-Runner'
  parent: automationAccount
  location: location
  properties: {
    runbookType: 'PowerShell'
    description: 'Generated starter runbook in the PowerShell 7.4 runtime environment'
    logVerbose: false
    logProgress: false
    runtimeEnvironment: 'ps74-az'
    publishContentLink: {
      uri: uri(_artifactsLocation, 'runbooks/Connect-Runner.ps1${_artifactsLocationSasToken}')
    }
  }
  dependsOn: [
    ps74AzRuntime
    ps74AzMicrosoftGraphAuthenticationPackage
    ps74AzMicrosoftGraphUsersPackage
    runnerClientIdVariable
  ]
}

resource getTokenRunbook 'Microsoft.Automation/automationAccounts/runbooks@2024-10-23' = {
  name: 'Get-Token'
  parent: automationAccount
  location: location
  properties: {
    runbookType: 'Python'
    description: 'Generated Python runbook using the token endpoint'
    logVerbose: false
    logProgress: false
    runtimeEnvironment: 'py310'
    publishContentLink: {
      uri: uri(_artifactsLocation, 'runbooks/Get-Token.py${_artifactsLocationSasToken}')
    }
  }
  dependsOn: [
    py310Runtime
    runnerClientIdVariable
  ]
}

resource nightlySchedule 'Microsoft.Automation/automationAccounts/schedules@2024-10-23' = {
  name: 'nightly'
  parent: automationAccount
  properties: {
    description: 'Every night, starting 15 minutes after the deployment'
    startTime: scheduleStartTime
    frequency: 'Day'
    interval: 1
    timeZone: 'Europe/Berlin'
  }
}

resource weeklyReportSchedule 'Microsoft.Automation/automationAccounts/schedules@2024-10-23' = {
  name: 'weekly-report'
  parent: automationAccount
  properties: {
    startTime: reportStart
    frequency: 'Week'
    interval: 1
    timeZone: 'Europe/Berlin'
    advancedSchedule: {
      weekDays: [
        'Monday'
        'Thursday'
      ]
    }
  }
}

resource monthEndSchedule 'Microsoft.Automation/automationAccounts/schedules@2024-10-23' = {
  name: 'month-end'
  parent: automationAccount
  properties: {
    startTime: '2030-01-31T22:00:00Z'
    expiryTime: '2035-12-31T23:00:00Z'
    frequency: 'Month'
    interval: 1
    advancedSchedule: {
      monthDays: [
        -1
      ]
    }
  }
}

resource firstMondaySchedule 'Microsoft.Automation/automationAccounts/schedules@2024-10-23' = {
  name: 'first-monday'
  parent: automationAccount
  properties: {
    startTime: scheduleStartTime
    frequency: 'Month'
    interval: 1
    advancedSchedule: {
      monthlyOccurrences: [
        {
          day: 'Monday'
          occurrence: 1
        }
      ]
    }
  }
}

resource startNightlyNightlyJobSchedule 'Microsoft.Automation/automationAccounts/jobSchedules@2024-10-23' = if (deployJobSchedules) {
  #disable-next-line use-stable-resource-identifiers
  name: guid(automationAccount.id, 'Start-Nightly', 'nightly', jobScheduleSeed)
  parent: automationAccount
  properties: {
    runbook: {
      name: 'Start-Nightly'
    }
    schedule: {
      name: 'nightly'
    }
    parameters: {
      Environment: 'production'
    }
  }
  dependsOn: [
    startNightlyRunbook
    nightlySchedule
  ]
}

resource getInventoryWeeklyReportJobSchedule 'Microsoft.Automation/automationAccounts/jobSchedules@2024-10-23' = if (deployJobSchedules) {
  #disable-next-line use-stable-resource-identifiers
  name: guid(automationAccount.id, 'Get-Inventory', 'weekly-report', jobScheduleSeed)
  parent: automationAccount
  properties: {
    runbook: {
      name: 'Get-Inventory'
    }
    schedule: {
      name: 'weekly-report'
    }
    parameters: {
      Prefix: 'rg-'
    }
    runOn: 'onprem-workers'
  }
  dependsOn: [
    getInventoryRunbook
    weeklyReportSchedule
    onpremWorkersWorkerGroup
  ]
}

resource connectRunnerMonthEndJobSchedule 'Microsoft.Automation/automationAccounts/jobSchedules@2024-10-23' = if (deployJobSchedules) {
  #disable-next-line use-stable-resource-identifiers
  name: guid(automationAccount.id, 'Connect-Runner', 'month-end', jobScheduleSeed)
  parent: automationAccount
  properties: {
    runbook: {
      name: 'Connect-Runner'
    }
    schedule: {
      name: 'month-end'
    }
  }
  dependsOn: [
    connectRunnerRunbook
    monthEndSchedule
  ]
}

resource getTokenFirstMondayJobSchedule 'Microsoft.Automation/automationAccounts/jobSchedules@2024-10-23' = if (deployJobSchedules) {
  #disable-next-line use-stable-resource-identifiers
  name: guid(automationAccount.id, 'Get-Token', 'first-monday', jobScheduleSeed)
  parent: automationAccount
  properties: {
    runbook: {
      name: 'Get-Token'
    }
    schedule: {
      name: 'first-monday'
    }
  }
  dependsOn: [
    getTokenRunbook
    firstMondaySchedule
  ]
}

resource environmentVariable 'Microsoft.Automation/automationAccounts/variables@2024-10-23' = {
  name: 'Environment'
  parent: automationAccount
  properties: {
    description: 'A string (stored as "production", quotes included)'
    value: '"production"'
    isEncrypted: false
  }
}

resource maxParallelVariable 'Microsoft.Automation/automationAccounts/variables@2024-10-23' = {
  name: 'MaxParallel'
  parent: automationAccount
  properties: {
    value: '4'
    isEncrypted: false
  }
}

resource dryRunVariable 'Microsoft.Automation/automationAccounts/variables@2024-10-23' = {
  name: 'DryRun'
  parent: automationAccount
  properties: {
    value: 'false'
    isEncrypted: false
  }
}

resource settingsVariable 'Microsoft.Automation/automationAccounts/variables@2024-10-23' = {
  name: 'Settings'
  parent: automationAccount
  properties: {
    value: '{"retries":3,"regions":["westeurope","northeurope"]}'
    isEncrypted: true
  }
}

resource maintenanceStartVariable 'Microsoft.Automation/automationAccounts/variables@2024-10-23' = {
  name: 'MaintenanceStart'
  parent: automationAccount
  properties: {
    description: 'A DateTime (stored as "\\/Date(1893891600000)\\/", ms since 1970 UTC)'
    value: '"\\/Date(1893891600000)\\/"'
    isEncrypted: false
  }
}

resource lastRunVariable 'Microsoft.Automation/automationAccounts/variables@2024-10-23' = {
  name: 'LastRun'
  parent: automationAccount
  properties: {
    description: 'Not defined yet (no value); a runbook sets it with Set-AutomationVariable'
    isEncrypted: false
  }
}

resource apiKeyVariable 'Microsoft.Automation/automationAccounts/variables@2024-10-23' = {
  name: 'ApiKey'
  parent: automationAccount
  properties: {
    description: 'Encrypted; the value comes from Key Vault through the parameter file'
    #disable-next-line BCP329
    value: substring(string([apiKey]), 1, length(string([apiKey])) - 2)
    isEncrypted: true
  }
}

resource sqlLoginCredential 'Microsoft.Automation/automationAccounts/credentials@2024-10-23' = {
  name: 'SqlLogin'
  parent: automationAccount
  properties: {
    description: 'SQL login for the nightly runbook'
    userName: 'svc-automation'
    password: sqlPassword
  }
}

resource hybridRunAsCredential 'Microsoft.Automation/automationAccounts/credentials@2024-10-23' = {
  name: 'HybridRunAs'
  parent: automationAccount
  properties: {
    description: 'The account the hybrid workers run jobs as'
    userName: 'CONTOSO\\svc-hybrid'
    password: hybridPassword
  }
}

resource onpremWorkersWorkerGroup 'Microsoft.Automation/automationAccounts/hybridRunbookWorkerGroups@2024-10-23' = {
  name: 'onprem-workers'
  parent: automationAccount
  properties: {
    credential: {
      name: 'HybridRunAs'
    }
  }
  dependsOn: [
    hybridRunAsCredential
  ]
}

resource onpremWorkersVmWorker01Worker 'Microsoft.Automation/automationAccounts/hybridRunbookWorkerGroups/hybridRunbookWorkers@2024-10-23' = {
  name: guid(
    onpremWorkersWorkerGroup.id,
    '/subscriptions/11111111-1111-1111-1111-111111111111/resourcegroups/rg-workers/providers/microsoft.compute/virtualmachines/vm-worker-01'
  )
  parent: onpremWorkersWorkerGroup
  properties: {
    vmResourceId: resourceId(
      '11111111-1111-1111-1111-111111111111',
      'rg-workers',
      'Microsoft.Compute/virtualMachines',
      'vm-worker-01'
    )
  }
}

module vmWorker01HybridWorkerExtension 'modules/hybridWorkerExtension.resource.Compute.virtualMachines.bicep' = {
  name: 'hybridWorker-${guid(resourceGroup().id, '/subscriptions/11111111-1111-1111-1111-111111111111/resourcegroups/rg-workers/providers/microsoft.compute/virtualmachines/vm-worker-01')}'
  scope: resourceGroup('11111111-1111-1111-1111-111111111111', 'rg-workers')
  params: {
    vmName: 'vm-worker-01'
    location: vmWorker01Vm.location
    automationAccountUrl: automationAccount.properties.automationHybridServiceUrl
    extensionType: 'HybridWorkerForWindows'
  }
  dependsOn: [
    onpremWorkersVmWorker01Worker
  ]
}

resource onpremWorkersSrvOnprem01Worker 'Microsoft.Automation/automationAccounts/hybridRunbookWorkerGroups/hybridRunbookWorkers@2024-10-23' = {
  name: guid(
    onpremWorkersWorkerGroup.id,
    '/subscriptions/11111111-1111-1111-1111-111111111111/resourcegroups/rg-arc/providers/microsoft.hybridcompute/machines/srv-onprem-01'
  )
  parent: onpremWorkersWorkerGroup
  properties: {
    vmResourceId: resourceId(
      '11111111-1111-1111-1111-111111111111',
      'rg-arc',
      'Microsoft.HybridCompute/machines',
      'srv-onprem-01'
    )
  }
}

resource sourceControlIdentityVariable 'Microsoft.Automation/automationAccounts/variables@2024-10-23' = {
  name: 'AUTOMATION_SC_USER_ASSIGNED_IDENTITY_ID'
  parent: automationAccount
  properties: {
    description: 'Client ID of user-assigned identity \'runner\': source control syncs as this identity.'
    value: '"${runnerIdentity.properties.clientId}"'
    isEncrypted: false
  }
}

resource opsrunbooksSourceControl 'Microsoft.Automation/automationAccounts/sourceControls@2024-10-23' = {
  name: 'opsrunbooks'
  parent: automationAccount
  properties: {
    repoUrl: 'https://github.com/contoso/ops-runbooks.git'
    branch: syncBranch
    folderPath: '/runbooks'
    autoSync: true
    publishRunbook: true
    sourceType: 'GitHub'
    securityToken: {
      accessToken: githubToken
      tokenType: 'PersonalAccessToken'
    }
    description: 'Runbooks from the ops repository (main here, release in prod)'
  }
  dependsOn: [
    sourceControlIdentityVariable
  ]
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

resource archive 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'archive'
  scope: automationAccount
  properties: {
    storageAccountId: resourceId(
      '11111111-1111-1111-1111-111111111111',
      'rg-monitoring',
      'Microsoft.Storage/storageAccounts',
      'stopsarchive'
    )
    logs: [
      {
        category: 'AuditEvent'
        enabled: true
      }
      {
        category: 'JobLogs'
        enabled: true
      }
    ]
  }
}

module privateEndpointWebhookModule 'modules/privateEndpoint.resourceGroup.bicep' = {
  name: 'pep-${guid(automationAccount.id, 'Webhook', 'pep-${automationAccountName}-webhook')}'
  scope: resourceGroup('33333333-3333-3333-3333-333333333333', 'rg-network')
  params: {
    endpointName: 'pep-${automationAccountName}-webhook'
    location: location
    tags: tags
    subnetId: resourceId(
      '33333333-3333-3333-3333-333333333333',
      'rg-network',
      'Microsoft.Network/virtualNetworks/subnets',
      'vnet-hub',
      'snet-endpoints'
    )
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

module privateEndpointDSCAndHybridWorkerModule 'modules/privateEndpointManual.resourceGroup.bicep' = {
  name: 'pep-${guid(automationAccount.id, 'DSCAndHybridWorker', 'pep-${automationAccountName}-dsc')}'
  scope: resourceGroup(split(workerSubnetId, '/')[2], 'rg-network')
  params: {
    endpointName: 'pep-${automationAccountName}-dsc'
    location: location
    tags: tags
    subnetId: workerSubnetId
    privateLinkServiceId: automationAccount.id
    groupId: 'DSCAndHybridWorker'
    requestMessage: 'Hybrid worker endpoint for the platform team'
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

module systemAutomationJobOperatorAssignment 'modules/roleAssignment.resource.Automation.automationAccounts.bicep' = {
  name: 'ra-${guid(resourceGroup().id, automationAccount.id, automationAccount.id, '4fe576fe-1146-4730-92eb-48519fa6bf9f')}'
  params: {
    principalId: automationAccount.identity.principalId
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      '4fe576fe-1146-4730-92eb-48519fa6bf9f'
    )
    scope: automationAccount.id
    principalType: 'ServicePrincipal'
  }
}

module runnerKeyVaultSecretsUserAssignment 'modules/roleAssignment.resource.KeyVault.vaults.bicep' = {
  name: 'ra-${guid(resourceGroup().id, '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/kv-maximal-secrets', runnerIdentity.id, '4633458b-17de-408a-b874-0445c86b69e6')}'
  scope: resourceGroup('11111111-1111-1111-1111-111111111111', 'rg-secrets')
  params: {
    principalId: runnerIdentity.properties.principalId
    roleDefinitionId: subscriptionResourceId(
      '11111111-1111-1111-1111-111111111111',
      'Microsoft.Authorization/roleDefinitions',
      '4633458b-17de-408a-b874-0445c86b69e6'
    )
    scope: '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/kv-maximal-secrets'
    principalType: 'ServicePrincipal'
    roleAssignmentDescription: 'Connect-Runner reads the secret api-key from this vault'
  }
}

module runnerContributorAssignment 'modules/roleAssignment.resource.Automation.automationAccounts.bicep' = {
  name: 'ra-${guid(resourceGroup().id, automationAccount.id, runnerIdentity.id, 'b24988ac-6180-42a0-ab88-20f7382dd24c')}'
  params: {
    principalId: runnerIdentity.properties.principalId
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      'b24988ac-6180-42a0-ab88-20f7382dd24c'
    )
    scope: automationAccount.id
    principalType: 'ServicePrincipal'
    roleAssignmentDescription: 'Source control syncs as runner, which the docs require to be Contributor on the account'
  }
}

resource accountLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'lock-${automationAccountName}'
  scope: automationAccount
  properties: {
    level: 'CanNotDelete'
    notes: 'Production automation; remove the lock through the platform team'
  }
  dependsOn: [
    ps74AzRuntime
    ps74AzMicrosoftGraphAuthenticationPackage
    ps74AzMicrosoftGraphUsersPackage
    py310Runtime
    azAccountsModule
    azResourcesModule
    sqlServerModule
    requestsPackage
    runnerClientIdVariable
    startNightlyRunbook
    getInventoryRunbook
    connectSystemRunbook
    connectRunnerRunbook
    getTokenRunbook
    nightlySchedule
    weeklyReportSchedule
    monthEndSchedule
    firstMondaySchedule
    startNightlyNightlyJobSchedule
    getInventoryWeeklyReportJobSchedule
    connectRunnerMonthEndJobSchedule
    getTokenFirstMondayJobSchedule
    environmentVariable
    maxParallelVariable
    dryRunVariable
    settingsVariable
    maintenanceStartVariable
    lastRunVariable
    apiKeyVariable
    sqlLoginCredential
    hybridRunAsCredential
    onpremWorkersWorkerGroup
    onpremWorkersVmWorker01Worker
    onpremWorkersSrvOnprem01Worker
    sourceControlIdentityVariable
    opsrunbooksSourceControl
    diagnosticSettings
    archive
    systemAutomationJobOperatorAssignment
    runnerContributorAssignment
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

@description('Resource ID of user-assigned identity \'runner\'.')
output runnerResourceId string = runnerIdentity.id

@description('Object (principal) ID of user-assigned identity \'runner\'.')
output runnerPrincipalId string = runnerIdentity.properties.principalId

@description('Client ID of user-assigned identity \'runner\' (Connect-AzAccount -Identity -AccountId).')
output runnerClientId string = runnerIdentity.properties.clientId

@description('Resource ID of user-assigned identity \'cmk\'.')
output cmkResourceId string = cmkIdentity.id

@description('Object (principal) ID of user-assigned identity \'cmk\'.')
output cmkPrincipalId string = cmkIdentity.properties.principalId

@description('Client ID of user-assigned identity \'cmk\' (Connect-AzAccount -Identity -AccountId).')
output cmkClientId string = cmkIdentity.properties.clientId
