/**
 * Small hand-written ARM templates and helpers for the deploy simulator's own tests.
 */
import { AzureState } from '../support/deploy/azureState.js';
import { Evaluator, type DeploymentContext } from '../support/deploy/evaluator.js';
import { runScenario, type ScenarioName, type ScenarioOptions } from '../support/deploy/scenarios.js';
import type { RuleId, Violation } from '../support/deploy/rules.js';
import type { ObjectValue, Value } from '../support/deploy/values.js';

export const SUB = '11111111-2222-3333-4444-555555555555';
export const RG = 'rg-test';
export const T0 = new Date('2026-12-01T09:00:00Z');

export const ACCOUNT = 'Microsoft.Automation/automationAccounts';
export const UAMI = 'Microsoft.ManagedIdentity/userAssignedIdentities';
export const ROLE_ASSIGNMENT = 'Microsoft.Authorization/roleAssignments';
export const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';

export function context(overrides: Partial<DeploymentContext> = {}): DeploymentContext {
  return {
    target: { subscriptionId: SUB, resourceGroup: RG },
    location: 'westeurope',
    time: T0,
    deploymentName: 'azuredeploy',
    templateUri: undefined,
    launchedFrom: `/subscriptions/${SUB}/resourceGroups/${RG}`,
    ...overrides,
  };
}

/** A resource-group template with these resources and parameters. */
export function template(resources: readonly object[], parameters: Record<string, object> = {}, rest: Record<string, unknown> = {}): ObjectValue {
  return JSON.parse(
    JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters,
      resources,
      ...rest,
    }),
  ) as ObjectValue;
}

/** Evaluates one expression string (with brackets) against a template's parameters/variables. */
export function evaluate(expression: unknown, opts: { template?: ObjectValue; given?: Record<string, Value>; ctx?: Partial<DeploymentContext>; state?: AzureState; section?: 'resource' | 'parameterDefault' | 'variables' } = {}): Value {
  const ev = new Evaluator(opts.template ?? template([]), context(opts.ctx), opts.state ?? new AzureState(), opts.given ?? {});
  ev.phase = 'run';
  return ev.evaluate(expression, opts.section ?? 'resource');
}

/** Rule ids of a scenario's violations, sorted (duplicates kept). */
export function rulesOf(violations: readonly Violation[]): RuleId[] {
  return violations.map((v) => v.rule).sort();
}

export function scenario(name: ScenarioName, t: ObjectValue, parameterFile?: object, options: ScenarioOptions = {}): Violation[] {
  return runScenario(name, t, parameterFile, options);
}

/** A readable list for assertion messages. */
export const show = (vs: readonly Violation[]): string => vs.map((v) => `${v.scenario ?? ''} ${v.rule} ${v.at}: ${v.message}`).join('\n');

export const uami = (name: string): object => ({ type: UAMI, apiVersion: '2024-11-30', name, location: '[resourceGroup().location]', properties: {} });
export const account = (extra: object = {}): object => ({
  type: ACCOUNT,
  apiVersion: '2024-10-23',
  name: "[parameters('accountName')]",
  location: '[resourceGroup().location]',
  properties: { sku: { name: 'Basic' } },
  ...extra,
});
export const accountParameter = { accountName: { type: 'string', defaultValue: 'aa-test' } };
export const accountId = "resourceId('Microsoft.Automation/automationAccounts', parameters('accountName'))";
export const uamiId = (name: string): string => `resourceId('${UAMI}', '${name}')`;

/** A role assignment of Reader on the resource group for a user-assigned identity, named by `nameExpr`. */
export const readerFor = (identity: string, nameExpr: string, extra: object = {}): object => ({
  type: ROLE_ASSIGNMENT,
  apiVersion: '2022-04-01',
  name: nameExpr,
  properties: {
    roleDefinitionId: `[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${READER}')]`,
    principalId: `[reference(${uamiId(identity)}, '2024-11-30').principalId]`,
    principalType: 'ServicePrincipal',
  },
  dependsOn: [`[${uamiId(identity)}]`],
  ...extra,
});
