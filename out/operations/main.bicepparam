using 'main.bicep'

param workerPassword = az.getSecret(
  '33333333-3333-3333-3333-333333333333',
  'rg-ops-secrets',
  'kv-ops-test',
  'hybrid-worker-password'
)
param adoToken = az.getSecret(
  '33333333-3333-3333-3333-333333333333',
  'rg-ops-secrets',
  'kv-ops-test',
  'ado-runbooks-pat'
)
param remediationHookUri = az.getSecret(
  '33333333-3333-3333-3333-333333333333',
  'rg-ops-secrets',
  'kv-ops-test',
  'remediation-webhook-uri'
)
