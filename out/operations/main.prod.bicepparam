using 'main.bicep'

param workerPassword = az.getSecret(
  '44444444-4444-4444-4444-444444444444',
  'rg-ops-secrets',
  'kv-ops-prod',
  'hybrid-worker-password'
)
param adoToken = az.getSecret(
  '44444444-4444-4444-4444-444444444444',
  'rg-ops-secrets',
  'kv-ops-prod',
  'ado-runbooks-pat'
)
param remediationHookUri = az.getSecret(
  '44444444-4444-4444-4444-444444444444',
  'rg-ops-secrets',
  'kv-ops-prod',
  'remediation-webhook-uri'
)
param automationAccountName = 'aa-ops-prod'
param operatorsGroupId = '2b8e6f4d-1c3a-4d5e-9f7a-0b1c2d3e4f5a'
param networkResourceGroup = 'rg-ops-network-prod'
param endpointSubnetId = '/subscriptions/44444444-4444-4444-4444-444444444444/resourceGroups/rg-ops-network-prod/providers/Microsoft.Network/virtualNetworks/vnet-ops-prod/subnets/snet-private-endpoints'
param workerVm1Id = '/subscriptions/44444444-4444-4444-4444-444444444444/resourceGroups/rg-ops-workers-prod/providers/Microsoft.Compute/virtualMachines/vm-opsw-p01'
param workerVm2Id = '/subscriptions/44444444-4444-4444-4444-444444444444/resourceGroups/rg-ops-workers-prod/providers/Microsoft.Compute/virtualMachines/vm-opsw-p02'
param syncBranch = 'release'
