import type { LintFile, LintFinding } from '../../../generator/lint/lint.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Json = any;

export const TEMPLATE_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
export const PARAMETERS_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';

/**
 * A hand-made template shaped like armgen's output that every rule accepts: an account with a location
 * parameter, a user-assigned identity, a role assignment, and an inner-scoped nested deployment that
 * assigns a role in another resource group.
 */
export function goodTemplate(): Json {
  return {
    $schema: TEMPLATE_SCHEMA,
    contentVersion: '1.0.0.0',
    metadata: { _generator: { name: 'armgen', templateHash: 'x' } },
    parameters: {
      automationAccountName: { type: 'string', defaultValue: 'aa-ops', metadata: { description: 'Automation account name' } },
      runAsPassword: { type: 'securestring' },
      location: { type: 'string', defaultValue: '[resourceGroup().location]' },
    },
    resources: [
      {
        type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
        apiVersion: '2024-11-30',
        name: 'uai-ops',
        location: '[parameters(\'location\')]',
        properties: {},
      },
      {
        type: 'Microsoft.Automation/automationAccounts',
        apiVersion: '2024-10-23',
        name: "[parameters('automationAccountName')]",
        location: "[parameters('location')]",
        identity: {
          type: 'SystemAssigned, UserAssigned',
          userAssignedIdentities: { "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uai-ops')]": {} },
        },
        properties: { disableLocalAuth: true, sku: { name: 'Basic' } },
        dependsOn: ["[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uai-ops')]"],
      },
      {
        type: 'Microsoft.Automation/automationAccounts/credentials',
        apiVersion: '2024-10-23',
        name: "[format('{0}/{1}', parameters('automationAccountName'), 'runas')]",
        properties: { userName: 'svc-runner', password: "[parameters('runAsPassword')]" },
        dependsOn: ["[resourceId('Microsoft.Automation/automationAccounts', parameters('automationAccountName'))]"],
      },
      {
        type: 'Microsoft.Authorization/roleAssignments',
        apiVersion: '2022-04-01',
        name: "[guid(resourceGroup().id, 'uai-ops', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')]",
        properties: {
          roleDefinitionId: "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')]",
          principalId: "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uai-ops'), '2024-11-30').principalId]",
          principalType: 'ServicePrincipal',
        },
        dependsOn: ["[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uai-ops')]"],
      },
      {
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2025-04-01',
        name: 'ra-kv-reader',
        resourceGroup: 'rg-secrets',
        properties: {
          expressionEvaluationOptions: { scope: 'inner' },
          mode: 'Incremental',
          parameters: {
            principalId: { value: "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uai-ops'), '2024-11-30').principalId]" },
            vaultName: { value: 'kv-ops' },
          },
          template: {
            $schema: TEMPLATE_SCHEMA,
            contentVersion: '1.0.0.0',
            parameters: { principalId: { type: 'string' }, vaultName: { type: 'string' } },
            resources: [
              {
                type: 'Microsoft.Authorization/roleAssignments',
                apiVersion: '2022-04-01',
                scope: "[resourceId('Microsoft.KeyVault/vaults', parameters('vaultName'))]",
                name: "[guid(parameters('vaultName'), parameters('principalId'))]",
                properties: {
                  roleDefinitionId: "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')]",
                  principalId: "[parameters('principalId')]",
                  principalType: 'ServicePrincipal',
                },
              },
            ],
            outputs: {},
          },
        },
        dependsOn: ["[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uai-ops')]"],
      },
    ],
    outputs: {
      automationAccountResourceId: { type: 'string', value: "[resourceId('Microsoft.Automation/automationAccounts', parameters('automationAccountName'))]" },
    },
  };
}

export function goodParameters(): Json {
  return {
    $schema: PARAMETERS_SCHEMA,
    contentVersion: '1.0.0.0',
    parameters: {
      automationAccountName: { value: 'aa-prod' },
      runAsPassword: { reference: { keyVault: { id: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv' }, secretName: 'runas' } },
    },
  };
}

/** Rendered files as armgen writes them (2-space JSON with a final newline). */
export function files(template: Json, parameters: Json = goodParameters()): LintFile[] {
  return [
    { path: 'ops/azuredeploy.json', text: `${JSON.stringify(template, null, 2)}\n` },
    { path: 'ops/azuredeploy.parameters.json', text: `${JSON.stringify(parameters, null, 2)}\n` },
  ];
}

export function rulesOf(findings: readonly LintFinding[]): string[] {
  return findings.map((f) => f.rule);
}

export function only(findings: readonly LintFinding[], rule: string): LintFinding[] {
  return findings.filter((f) => f.rule === rule);
}

export const clone = <T>(v: T): T => structuredClone(v);
