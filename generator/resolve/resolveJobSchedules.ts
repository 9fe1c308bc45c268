import type { JobSchedule } from '../model/config.generated.js';
import { call, fromJson, obj, param, ref, str } from '../model/expr.js';
import type { ResourceRef } from '../model/resourceRef.js';
import type { ResourceNode, TemplateParameter } from '../model/resolved.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import { childNode, childRef, type AccountRef } from './children.js';
import type { ResolveContext } from './context.js';
import type { ResolvedWorkerGroup } from './resolveHybridWorkers.js';
import { runOnGroup } from './runOn.js';
import type { SymbolTable } from './names.js';

const JOB_SCHEDULE_TYPE = 'Microsoft.Automation/automationAccounts/jobSchedules';

/** The bool parameter that switches job-schedule creation off. */
export const DEPLOY_JOB_SCHEDULES_PARAMETER = 'deployJobSchedules';

/** Template parameter whose default, a new GUID per deployment, seeds the job-schedule names. */
export const JOB_SCHEDULE_SEED_PARAMETER = 'jobScheduleSeed';

interface Named {
  readonly name: string;
  readonly ref: ResourceRef;
}

export interface JobScheduleInput {
  readonly account: AccountRef;
  readonly runbooks: ReadonlyMap<string, Named>;
  readonly schedules: ReadonlyMap<string, Named>;
  /** Hybrid worker groups of the config, by lower-cased name, for `runOn`. */
  readonly groups: ReadonlyMap<string, ResolvedWorkerGroup>;
}

/**
 * `jobSchedules:` -> links of a runbook to a schedule (one per pair), appended to `resources`; returns the
 * parameters they need. A link gets a new name on every deployment: reusing a job-schedule GUID fails ("Reusing the
 * same GUID results in a failed deployment", Microsoft's schedules docs), while a new GUID for a linked pair keeps
 * the original link (Azure/ResourceModules#1792; AVM's job-schedule module defaults its name to newGuid() and its
 * e2e test deploys twice). README "Deploying and redeploying" has the evidence and the limits.
 */
export function resolveJobSchedules(ctx: ResolveContext, symbols: SymbolTable, input: JobScheduleInput, resources: ResourceNode[]): TemplateParameter[] {
  const links = new Map<string, string>();
  (ctx.config.jobSchedules ?? []).forEach((js, i) => {
    const pointer = `/jobSchedules/${i}`;
    const pair = linkedPair(ctx, js, pointer, input);
    if (!pair) return;
    const key = `${pair.runbook.name.toLowerCase()}\u0000${pair.schedule.name.toLowerCase()}`;
    if (links.has(key)) {
      ctx.error(pointer, 'AG302', `runbook '${pair.runbook.name}' is already linked to schedule '${pair.schedule.name}' at ${links.get(key)}; Azure allows one job schedule per pair`);
      return;
    }
    links.set(key, pointer);
    const group = js.runOn === undefined ? undefined : runOnGroup(ctx, js.runOn, `${pointer}/runOn`, input.groups);
    resources.push(linkNode(ctx, symbols, input.account, js, { ...pair, group }));
  });
  return links.size === 0 ? [] : linkParameters(ctx);
}

/** The runbook and schedule a link names, or undefined after reporting which one is unknown. */
function linkedPair(ctx: ResolveContext, js: JobSchedule, pointer: string, input: JobScheduleInput): { runbook: Named; schedule: Named } | undefined {
  const runbook = input.runbooks.get(js.runbook.toLowerCase());
  if (!runbook) {
    const hint = suggestionHint(didYouMean(js.runbook, [...input.runbooks.values()].map((r) => r.name)));
    ctx.error(`${pointer}/runbook`, 'AG301', `unknown runbook '${js.runbook}'.${hint || ' Declare it under runbooks:'}`);
  }
  const schedule = input.schedules.get(js.schedule.toLowerCase());
  if (!schedule) {
    const hint = suggestionHint(didYouMean(js.schedule, [...input.schedules.values()].map((s) => s.name)));
    ctx.error(`${pointer}/schedule`, 'AG301', `unknown schedule '${js.schedule}'.${hint || ' Declare it under schedules:'}`);
  }
  return runbook && schedule ? { runbook, schedule } : undefined;
}

function linkNode(ctx: ResolveContext, symbols: SymbolTable, account: AccountRef, js: JobSchedule, pair: { runbook: Named; schedule: Named; group: Named | undefined }): ResourceNode {
  const { runbook, schedule, group } = pair;
  const name = call('guid', ref(account.ref, 'id'), str(runbook.name), str(schedule.name), param(JOB_SCHEDULE_SEED_PARAMETER));
  const linkRef = childRef(ctx, account.ref, JOB_SCHEDULE_TYPE, name, symbols.take(runbook.name, schedule.name, 'job', 'schedule'));
  return childNode(linkRef, {
    // An escape hatch for a pipeline that manages the links elsewhere (or meets Azure refusing a new link, as
    // azure-resource-manager-schemas#313 reported in 2017): deployJobSchedules=false skips them.
    condition: param(DEPLOY_JOB_SCHEDULES_PARAMETER),
    properties: obj({
      runbook: obj({ name: str(runbook.name) }),
      schedule: obj({ name: str(schedule.name) }),
      parameters: js.parameters === undefined ? undefined : fromJson(js.parameters),
      runOn: js.runOn === undefined ? undefined : str(group?.name ?? js.runOn),
    }),
    dependsOn: [runbook.ref, schedule.ref, ...(group ? [group.ref] : [])],
  });
}

function linkParameters(ctx: ResolveContext): TemplateParameter[] {
  for (const reserved of [DEPLOY_JOB_SCHEDULES_PARAMETER, JOB_SCHEDULE_SEED_PARAMETER]) {
    if (ctx.config.parameters && Object.hasOwn(ctx.config.parameters, reserved)) {
      ctx.error(`/parameters/${reserved}`, 'AG302', `'${reserved}' is a parameter armgen adds for job schedules; rename yours`);
    }
  }
  return [
    {
      name: DEPLOY_JOB_SCHEDULES_PARAMETER,
      type: 'bool',
      description: 'Create the job schedules (runbook-schedule links). Default true: a redeployment links again under new names and Azure keeps the existing links.',
      defaultValue: { k: 'bool', v: true },
    },
    {
      name: JOB_SCHEDULE_SEED_PARAMETER,
      type: 'string',
      description: 'Seed of the job-schedule names. Default: a new GUID per deployment, because Azure refuses a job-schedule name it has seen before; pass a fixed value only to reproduce a deployment.',
      defaultValue: call('newGuid'),
    },
  ];
}
