/**
 * Deployment scenarios over one rendered template + parameter file, each in a fresh simulated Azure:
 *  - firstDeploy:      one deployment into an empty resource group;
 *  - redeploy:         the same template and parameters again, a day later;
 *  - recreateIdentity: every managed identity deleted and created again with the same name (new principal IDs),
 *                      then the same deployment again;
 *  - secondAccount:    the same template and parameters deployed into another resource group (another location)
 *                      of the same subscription, after the first.
 * A scenario reports the violations of its last deployment (the first deployment's are firstDeploy's).
 */
import { AzureState } from './azureState.js';
import { deploy, type DeployOptions } from './deploy.js';
import type { DeploymentContext } from './evaluator.js';
import { resourceGroupPath } from './resourceIds.js';
import type { Violation } from './rules.js';

export const SCENARIOS = ['firstDeploy', 'redeploy', 'recreateIdentity', 'secondAccount'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** Where and when the simulated deployments run. */
export interface SimulatedEnvironment {
  readonly subscriptionId: string;
  readonly first: { readonly resourceGroup: string; readonly location: string };
  readonly second: { readonly resourceGroup: string; readonly location: string };
  readonly start: Date;
}

export const DEFAULT_ENVIRONMENT: SimulatedEnvironment = {
  subscriptionId: '5a5a5a5a-0000-4000-8000-000000000001',
  first: { resourceGroup: 'rg-sim-first', location: 'westeurope' },
  second: { resourceGroup: 'rg-sim-second', location: 'northeurope' },
  start: new Date('2026-12-01T09:00:00Z'),
};

export interface ScenarioOptions extends DeployOptions {
  /** Deploy as from a URI (`--template-uri`), which gives deployment().properties.templateLink. Default: a local file. */
  readonly templateUri?: string;
  readonly environment?: SimulatedEnvironment;
}

const HOUR = 3600 * 1000;

function context(env: SimulatedEnvironment, which: 'first' | 'second', hoursLater: number, templateUri: string | undefined): DeploymentContext {
  const group = env[which];
  return {
    target: { subscriptionId: env.subscriptionId, resourceGroup: group.resourceGroup },
    location: group.location,
    time: new Date(env.start.getTime() + hoursLater * HOUR),
    // `az deployment group create --template-file azuredeploy.json` names the deployment after the file.
    deploymentName: 'azuredeploy',
    templateUri,
    launchedFrom: resourceGroupPath(env.subscriptionId, group.resourceGroup),
  };
}

/** Runs one scenario; every violation is tagged with the scenario's name. */
export function runScenario(name: ScenarioName, template: unknown, parameterFile: unknown, options: ScenarioOptions = {}): Violation[] {
  const env = options.environment ?? DEFAULT_ENVIRONMENT;
  const state = new AzureState();
  for (const which of ['first', 'second'] as const) state.addResourceGroup(resourceGroupPath(env.subscriptionId, env[which].resourceGroup), env[which].location);
  const run = (which: 'first' | 'second', hoursLater: number): Violation[] =>
    deploy(template, parameterFile, context(env, which, hoursLater, options.templateUri), state, options);
  const first = run('first', 0);
  let last: Violation[];
  switch (name) {
    case 'firstDeploy':
      last = first;
      break;
    case 'redeploy':
      last = run('first', 24);
      break;
    case 'recreateIdentity':
      state.recreateIdentities();
      last = run('first', 48);
      break;
    case 'secondAccount':
      last = run('second', 1);
      break;
  }
  return last.map((v) => ({ ...v, scenario: name }));
}

/**
 * Every scenario over one rendered template: the violations that stop it from being deployed, redeployed,
 * redeployed after an identity was recreated, or deployed for a second account in the same subscription.
 * `template` and `parameterFile` are parsed JSON (azuredeploy.json and azuredeploy.parameters.json).
 */
export function checkRedeployable(template: unknown, parameterFile: unknown, options: ScenarioOptions = {}): Violation[] {
  return SCENARIOS.flatMap((s) => runScenario(s, template, parameterFile, options));
}
