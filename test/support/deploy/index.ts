/**
 * An offline model of Azure's deploy-time rules (issue 11), for tests. It reads RENDERED ARM JSON only (never
 * armgen's model), so it is an independent oracle of what a first deployment, a redeployment, a redeployment
 * after an identity was recreated, and a second account in the same subscription would hit.
 *
 *   checkRedeployable(templateJson, parametersJson)  -> Violation[] (every scenario)
 *   runScenario('redeploy', templateJson, parametersJson, { jobSchedules: 'fails' })
 *   deploy(template, parameters, context, state)      -> one deployment into a simulated Azure
 *
 * Each violation carries its rule id and the source the rule comes from (rules.ts).
 */
export { checkRedeployable, runScenario, SCENARIOS, DEFAULT_ENVIRONMENT, type ScenarioName, type ScenarioOptions, type SimulatedEnvironment } from './scenarios.js';
export { deploy, type DeployOptions } from './deploy.js';
export { AzureState } from './azureState.js';
export { Evaluator, type DeploymentContext } from './evaluator.js';
export { RULES, type RuleId, type Violation } from './rules.js';
export { DEFAULT_JOB_SCHEDULE_ASSUMPTION, type JobScheduleAssumption } from './jobSchedules.js';
export { NotModelled, EvaluationError } from './values.js';
