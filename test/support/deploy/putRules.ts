/**
 * What the simulated Azure checks when ARM PUTs one resource: locks on its scope, then the rule of its type
 * (role assignments, job schedules, schedules, webhooks, hybrid workers, nested deployments). A violation means the
 * PUT fails, unless the outcome stores it anyway (a hazard).
 */
import { putHybridWorker, putWebhook } from './automationAccess.js';
import type { AzureState } from './azureState.js';
import type { DeploymentContext } from './evaluator.js';
import { putJobSchedule, type JobScheduleAssumption } from './jobSchedules.js';
import type { PlannedResource } from './plan.js';
import { putRoleAssignment } from './roleAssignments.js';
import { violation, type Violation } from './rules.js';
import { parseDate } from './time.js';
import { EvaluationError, isObject, sameText, type ObjectValue } from './values.js';

/** One PUT: the planned resource and its evaluated body. */
export interface PutRequest {
  readonly resource: PlannedResource;
  readonly properties: ObjectValue;
  readonly location: string | undefined;
  readonly ctx: DeploymentContext;
}

export interface PutOptions {
  readonly jobSchedules: JobScheduleAssumption;
}

/** The service's minimum lead time for a schedule's start (Azure/bicep#9780, Azure/ResourceModules#2216). */
const SCHEDULE_LEAD_MS = 5 * 60 * 1000;

/**
 * The result of a PUT: `store` (it succeeds), `skip` (it succeeds and changes nothing), `refused` (it fails).
 * A stored PUT can still carry a violation that is a hazard rather than a failure (deployment-name-shared).
 */
export interface PutOutcome {
  readonly apply: 'store' | 'skip' | 'refused';
  readonly violations: readonly Violation[];
}

const STORE: PutOutcome = { apply: 'store', violations: [] };
const outcome = (v: Violation | 'skip' | undefined): PutOutcome =>
  v === undefined ? STORE : v === 'skip' ? { apply: 'skip', violations: [] } : { apply: 'refused', violations: [v] };

export function checkPut(put: PutRequest, state: AzureState, options: PutOptions): PutOutcome {
  const { resource } = put;
  // Lock management itself is not blocked by a lock (a lock must be removable).
  const lock = sameText(resource.type, 'Microsoft.Authorization/locks') ? undefined : state.readOnlyLockOver(resource.id);
  if (lock) {
    return outcome(violation('readonly-lock-blocks-put', resource.at, resource.label, `the ReadOnly lock ${lock.id} covers ${resource.id}, so its PUT is refused (ScopeLocked)`));
  }
  const type = resource.type.toLowerCase();
  if (type === 'microsoft.authorization/roleassignments') return outcome(putRoleAssignment(put, state));
  if (type === 'microsoft.automation/automationaccounts/jobschedules') return outcome(putJobSchedule(put, state, options.jobSchedules));
  if (type === 'microsoft.automation/automationaccounts/schedules') return outcome(scheduleStart(put));
  if (type === 'microsoft.resources/deployments') return deploymentRecord(put, state);
  if (type === 'microsoft.automation/automationaccounts/webhooks') {
    const { refused, hazard } = putWebhook(put, state);
    return refused ? outcome(refused) : { apply: 'store', violations: hazard ? [hazard] : [] };
  }
  if (type === 'microsoft.automation/automationaccounts/hybridrunbookworkergroups/hybridrunbookworkers') return outcome(putHybridWorker(put, state));
  if (type === 'microsoft.network/privateendpoints') return outcome(endpointSubscription(put));
  return STORE;
}

/** The endpoint's subscription is its subnet's (an opaque subnet ID, read at deployment, is not judged). */
function endpointSubscription(put: PutRequest): Violation | undefined {
  const subnet = isObject(put.properties.subnet) ? put.properties.subnet.id : undefined;
  if (typeof subnet !== 'string' || !/^\/subscriptions\/[^/]+\//i.test(subnet)) return undefined;
  const subnetSubscription = subnet.split('/')[2]!;
  const own = put.resource.id.split('/')[2]!;
  if (sameText(subnetSubscription, own)) return undefined;
  return violation(
    'private-endpoint-subscription',
    put.resource.at,
    put.resource.label,
    `the endpoint is created in subscription ${own}, its subnet ${subnet} is in ${subnetSubscription}`,
  );
}

/** "The start time of the schedule must be at least 5 minutes after the time you create the schedule." */
function scheduleStart(put: PutRequest): Violation | undefined {
  const start = put.properties.startTime;
  if (typeof start !== 'string' || start === '') return undefined;
  let at: Date;
  try {
    at = parseDate(start);
  } catch (err) {
    if (err instanceof EvaluationError) return violation('schedule-start-too-soon', put.resource.at, put.resource.label, `startTime '${start}' is not a date`);
    throw err;
  }
  const earliest = put.ctx.time.getTime() + SCHEDULE_LEAD_MS;
  if (at.getTime() >= earliest) return undefined;
  return violation(
    'schedule-start-too-soon',
    put.resource.at,
    put.resource.label,
    `startTime ${start} is not 5 minutes after this deployment (${put.ctx.time.toISOString()})`,
  );
}

/**
 * A deployment record lives at its target scope under its name. Subscription scope needs a location, and a name
 * keeps its location ("For each deployment name, the location is immutable", deploy-to-subscription). A name that
 * another resource group's deployment already uses is reported too: run concurrently the two conflict, run in
 * turn each replaces the other's record.
 */
function deploymentRecord(put: PutRequest, state: AzureState): PutOutcome {
  const { resource, location, ctx } = put;
  const atSubscription = resource.nestedTarget?.resourceGroup === undefined;
  if (atSubscription && location === undefined) {
    return outcome(violation('deployment-location-missing', resource.at, resource.label, "a subscription-scope deployment needs 'location'"));
  }
  const before = state.get(resource.id);
  if (before && atSubscription && before.location !== undefined && location !== undefined && !sameText(before.location, location)) {
    return outcome(
      violation(
        'deployment-location-changed',
        resource.at,
        resource.label,
        `InvalidDeploymentLocation: deployment '${resource.name}' already exists in location '${before.location}', not '${location}'`,
      ),
    );
  }
  if (before?.launchedFrom !== undefined && !sameText(before.launchedFrom, ctx.launchedFrom)) {
    const shared = violation(
      'deployment-name-shared',
      resource.at,
      resource.label,
      `deployment '${resource.name}' at ${resource.id.split('/providers/')[0]} was last run from ${before.launchedFrom}; now ${ctx.launchedFrom} runs one of the same name`,
    );
    return { apply: 'store', violations: [shared] };
  }
  return STORE;
}
