using 'main.bicep'

param sqlPassword = az.getSecret(
  '11111111-1111-1111-1111-111111111111',
  'rg-secrets',
  'kv-maximal-secrets',
  'sql-password'
)
param apiKey = az.getSecret('11111111-1111-1111-1111-111111111111', 'rg-secrets', 'kv-maximal-secrets', 'api-key')
param hybridPassword = az.getSecret(
  '11111111-1111-1111-1111-111111111111',
  'rg-secrets',
  'kv-maximal-secrets',
  'hybrid-password'
)
param githubToken = az.getSecret(
  '11111111-1111-1111-1111-111111111111',
  'rg-secrets',
  'kv-maximal-secrets',
  'github-token'
)
param _artifactsLocation = 'https://stmaximalartifacts.blob.core.windows.net/armgen/maximal/'
param _artifactsLocationSasToken = az.getSecret(
  '11111111-1111-1111-1111-111111111111',
  'rg-secrets',
  'kv-maximal-secrets',
  'artifacts-sas'
)
