/**
 * One config with every kind that starts or syncs runbooks from outside: webhooks (a generated URI and one from a
 * Key Vault-backed securestring), a hybrid worker group with a credential and three workers (a VM by literal ID and
 * one by parameter, both with the HybridWorker extension, and an Arc-enabled server), a job schedule on that group,
 * and GitHub source control whose token comes from Key Vault. Local authentication is on, as webhooks need.
 * Shared by the resolve, printer, secret-scan, deploy-simulator and Bicep CLI tests.
 */
export const ACCESS_KINDS_YAML = `description: webhooks, hybrid workers and source control
parameters:
  deployHookUri:
    type: securestring
    description: Webhook URI generated beforehand (generateUri), kept in Key Vault
    keyVaultReference:
      vaultId: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/kv-access
      secretName: deploy-hook-uri
  githubToken:
    type: securestring
    description: GitHub personal access token
    keyVaultReference:
      vaultId: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/kv-access
      secretName: github-token
  hybridPassword:
    type: securestring
    description: Password of the hybrid run-as account
    keyVaultReference:
      vaultId: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/kv-access
      secretName: hybrid-password
  workerVmId:
    type: string
    defaultValue: /subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-linux/providers/Microsoft.Compute/virtualMachines/vm-lin-01
    description: A second worker VM, in another subscription
automationAccount:
  name: aa-access-kinds
  disableLocalAuth: false
  identity:
    systemAssigned: true
roleAssignments:
  - identity: system
    role: Contributor
    scope: { kind: automationAccount }
runbooks:
  - name: Restart-Service
    type: PowerShell
    uri: https://example.org/runbooks/Restart-Service.ps1
schedules:
  - name: hourly
    frequency: Hour
jobSchedules:
  - runbook: Restart-Service
    schedule: hourly
    runOn: onprem-workers
credentials:
  - name: HybridRunAs
    userName: svc-hybrid
    password: { param: hybridPassword }
hybridWorkerGroups:
  - name: onprem-workers
    credential: HybridRunAs
    workers:
      - vmResourceId: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-vms/providers/Microsoft.Compute/virtualMachines/vm-win-01
        installExtension: { os: Windows }
      - vmResourceId: { param: workerVmId }
        installExtension: { os: Linux }
      - vmResourceId: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-arc/providers/Microsoft.HybridCompute/machines/arc-01
webhooks:
  - name: restart-on-alert
    runbook: Restart-Service
    parameters: { ServiceName: spooler }
  - name: deploy-hook
    runbook: restart-service
    runOn: onprem-workers
    enabled: false
    expiryTime: '2031-06-30T00:00:00Z'
    uri: { param: deployHookUri }
sourceControls:
  - name: opsrepo
    sourceType: GitHub
    repoUrl: https://github.com/contoso/ops-runbooks.git
    branch: main
    folderPath: /runbooks
    description: Runbooks from the ops repository
    autoSync: true
    securityToken:
      accessToken: { param: githubToken }
`;
