/**
 * The `$schema` URLs of the files armgen writes (learn.microsoft.com/azure/azure-resource-manager/templates/syntax
 * and parameter-files). A nested deployment that targets a subscription must declare the subscription schema.
 */
export const TEMPLATE_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
export const SUBSCRIPTION_TEMPLATE_SCHEMA = 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#';
export const PARAMETERS_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';
export const CONTENT_VERSION = '1.0.0.0';
