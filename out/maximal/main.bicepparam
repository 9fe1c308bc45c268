using 'main.bicep'

param sqlPassword = az.getSecret(
  '11111111-1111-1111-1111-111111111111',
  'rg-secrets',
  'kv-maximal-secrets',
  'sql-password'
)
param apiKey = az.getSecret('11111111-1111-1111-1111-111111111111', 'rg-secrets', 'kv-maximal-secrets', 'api-key')
