/**
 * One deployment of a rendered template into the simulated Azure, the way ARM runs it: evaluate parameters,
 * plan (names, IDs, dependsOn, order) and check the template rules, then PUT each resource in order, checking the
 * service's rules for each PUT. Inner-scoped nested deployments run recursively with their own parameters and
 * target scope. Returns every violation; the state keeps what succeeded (a later deployment sees it).
 */
import type { AzureState } from './azureState.js';
import { Evaluator, type DeploymentContext } from './evaluator.js';
import { DEFAULT_JOB_SCHEDULE_ASSUMPTION, type JobScheduleAssumption } from './jobSchedules.js';
import { givenValues, resolveParameters } from './parameters.js';
import { dependencyClosure, planTemplate, type PlannedResource } from './plan.js';
import { checkPut } from './putRules.js';
import { resourceGroupPath } from './resourceIds.js';
import { ruleOf, violation, type Violation } from './rules.js';
import { duplicateJobScheduleLinks, readOnlyLockRaces, referencesWithoutDependsOn } from './templateRules.js';
import { EvaluationError, isObject, NotModelled, type ObjectValue, type Value } from './values.js';

export interface DeployOptions {
  /** What a new job-schedule name for an already linked pair does (see jobSchedules.ts). */
  readonly jobSchedules?: JobScheduleAssumption;
}

/** Deploys `template` with the values of `parameterFile` (a deploymentParameters document, or undefined). */
export function deploy(template: unknown, parameterFile: unknown, ctx: DeploymentContext, state: AzureState, options: DeployOptions = {}): Violation[] {
  if (!isObject(template)) throw new NotModelled('a template that is not a JSON object');
  return deployTemplate(template, givenValues(template, parameterFile), ctx, state, options, '');
}

function deployTemplate(template: ObjectValue, given: Record<string, Value>, ctx: DeploymentContext, state: AzureState, options: DeployOptions, prefix: string): Violation[] {
  const ev = new Evaluator(template, ctx, state, given);
  const violations = resolveParameters(ev, template, prefix);
  ev.phase = 'start';
  const plan = planTemplate(template, ev, prefix);
  for (const r of plan.resources) if (r.deployed) ev.deployedIds.add(r.id.toLowerCase());
  violations.push(...plan.violations, ...referencesWithoutDependsOn(plan, ev), ...readOnlyLockRaces(plan, ev), ...duplicateJobScheduleLinks(plan, ev));
  ev.phase = 'run';
  const failed = new Set<string>();
  for (const r of plan.order) {
    const waitsOnFailure = [...dependencyClosure(r, plan)].some((id) => failed.has(id));
    // ARM does not start a resource whose dependency failed.
    if (waitsOnFailure || !putResource(r, ev, state, options, violations)) failed.add(r.id.toLowerCase());
  }
  if (failed.size === 0) violations.push(...outputErrors(template, ev, prefix));
  return violations;
}

/** PUTs one resource; false when it fails. */
function putResource(r: PlannedResource, ev: Evaluator, state: AzureState, options: DeployOptions, out: Violation[]): boolean {
  let body: ObjectValue;
  try {
    body = evaluateBody(r, ev);
  } catch (err) {
    if (!(err instanceof EvaluationError)) throw err;
    out.push(violation(ruleOf(err), r.at, r.label, err.message));
    return false;
  }
  const properties = isObject(body.properties) ? body.properties : {};
  const location = typeof body.location === 'string' ? body.location : undefined;
  const result = checkPut({ resource: r, properties, location, ctx: ev.ctx }, state, { jobSchedules: options.jobSchedules ?? DEFAULT_JOB_SCHEDULE_ASSUMPTION });
  out.push(...result.violations);
  if (result.apply === 'refused') return false;
  if (result.apply === 'skip') return true;
  const nested = r.nestedTarget !== undefined;
  state.put({
    id: r.id,
    type: r.type,
    location,
    properties: nested ? {} : properties,
    identity: isObject(body.identity) ? body.identity : undefined,
    ...(nested ? { launchedFrom: ev.ctx.launchedFrom } : {}),
  });
  if (nested) out.push(...deployNested(r, body, ev, state, options));
  return !out.some((v) => v.at.startsWith(`${r.at}.`) && v.rule !== 'deployment-name-shared');
}

/** The resource as PUT: every field but the start-time ones; a nested deployment's inner template stays unevaluated. */
function evaluateBody(r: PlannedResource, ev: Evaluator): ObjectValue {
  const { name: _n, type: _t, dependsOn: _d, condition: _c, scope: _s, subscriptionId: _sub, resourceGroup: _rg, ...rest } = r.json;
  if (r.nestedTarget === undefined) return ev.evaluate(rest, 'resource') as ObjectValue;
  const { properties, ...outer } = rest;
  const props = isObject(properties) ? properties : {};
  const { template: _template, ...deploymentProps } = props;
  return { ...(ev.evaluate(outer, 'resource') as ObjectValue), properties: ev.evaluate(deploymentProps, 'resource') as ObjectValue };
}

/** Runs an inline, inner-scoped nested template at its own target scope with the parameters the outer one passes. */
function deployNested(r: PlannedResource, body: ObjectValue, ev: Evaluator, state: AzureState, options: DeployOptions): Violation[] {
  const raw = isObject(r.json.properties) ? r.json.properties : {};
  const evalScope = isObject(raw.expressionEvaluationOptions) ? String(raw.expressionEvaluationOptions.scope ?? 'outer') : 'outer';
  if (!isObject(raw.template)) throw new NotModelled(`${r.at}: a linked (templateLink) nested deployment`);
  if (evalScope.toLowerCase() !== 'inner') throw new NotModelled(`${r.at}: a nested deployment with the outer expression evaluation scope`);
  const target = r.nestedTarget!;
  const params = isObject(body.properties) && isObject(body.properties.parameters) ? body.properties.parameters : {};
  const given: Record<string, Value> = {};
  for (const [k, v] of Object.entries(params)) if (isObject(v) && 'value' in v) given[k] = v.value as Value;
  const rgLocation = target.resourceGroup === undefined ? undefined : state.resourceGroupLocation(resourceGroupPath(target.subscriptionId, target.resourceGroup));
  const location = typeof body.location === 'string' ? body.location : (rgLocation ?? ev.ctx.location);
  const inner: DeploymentContext = { ...ev.ctx, target, location, deploymentName: r.name, templateUri: undefined };
  return deployTemplate(raw.template, given, inner, state, options, `${r.at}.properties.template.`);
}

/** Outputs are evaluated once every resource succeeded; a failing output fails the deployment. */
function outputErrors(template: ObjectValue, ev: Evaluator, prefix: string): Violation[] {
  const outputs = isObject(template.outputs) ? template.outputs : {};
  const out: Violation[] = [];
  for (const [name, o] of Object.entries(outputs)) {
    if (!isObject(o) || !('value' in o)) continue;
    try {
      ev.evaluate(o.value, 'outputs');
    } catch (err) {
      if (!(err instanceof EvaluationError)) throw err;
      out.push(violation(ruleOf(err), `${prefix}outputs.${name}`, `output '${name}'`, err.message));
    }
  }
  return out;
}

