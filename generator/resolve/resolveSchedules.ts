import { checkName, nameRules } from '../azure/naming.js';
import { timeZoneProblem } from '../azure/timeZones.js';
import type { Schedule } from '../model/config.generated.js';
import { arr, call, fromJson, num, obj, param, ref, str, type Expr } from '../model/expr.js';
import type { ResourceRef } from '../model/resourceRef.js';
import type { ResourceNode, TemplateParameter } from '../model/resolved.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import { childNode, childRef, type AccountRef } from './children.js';
import type { ResolveContext } from './context.js';
import { DATE_TIME_FORM, latestInstant, withZone } from './dateTimes.js';
import type { SymbolTable } from './names.js';
import type { ResolvedWorkerGroup } from './resolveHybridWorkers.js';
import type { ResolvedRunbook } from './resolveRunbooks.js';
import { runOnGroup } from './runOn.js';

const SCHEDULE_TYPE = 'Microsoft.Automation/automationAccounts/schedules';
const JOB_SCHEDULE_TYPE = 'Microsoft.Automation/automationAccounts/jobSchedules';

/** The bool parameter that switches job-schedule creation off for redeployments. */
export const DEPLOY_JOB_SCHEDULES_PARAMETER = 'deployJobSchedules';

/** Template parameter whose default, a new GUID per deployment, seeds the job-schedule names. */
export const JOB_SCHEDULE_SEED_PARAMETER = 'jobScheduleSeed';

/** Template parameter holding the default start time of every schedule that gives none. */
export const SCHEDULE_START_PARAMETER = 'scheduleStartTime';
/** Azure rejects a start less than 5 minutes after the request (bicep#9780); the default leaves a margin. */
const MIN_LEAD_MS = 5 * 60 * 1000;

export interface ScheduleResolution {
  readonly resources: readonly ResourceNode[];
  readonly parameters: readonly TemplateParameter[];
}

/**
 * `schedules:` and `jobSchedules:`. A schedule without `startTime` starts at the `scheduleStartTime`
 * parameter, whose default `dateTimeAdd(utcNow('u'), 'PT15M')` is computed at deployment (utcNow is only
 * allowed in parameter defaults). A fixed start time is checked against `now` when the caller gives one:
 * resolve itself reads no clock. Job schedule names are `guid(account ID, runbook, schedule)`: stable
 * across redeploys, unique per link.
 */
export function resolveSchedules(
  ctx: ResolveContext,
  symbols: SymbolTable,
  input: { readonly account: AccountRef; readonly runbooks: ReadonlyMap<string, ResolvedRunbook>; readonly groups: ReadonlyMap<string, ResolvedWorkerGroup> },
  now: Date | undefined,
): ScheduleResolution {
  const { account, runbooks } = input;
  const resources: ResourceNode[] = [];
  const schedules = new Map<string, { name: string; ref: ResourceRef }>();
  let usesDefaultStart = false;
  (ctx.config.schedules ?? []).forEach((sc, i) => {
    const pointer = `/schedules/${i}`;
    const problem = checkName(nameRules.automationAsset, sc.name);
    if (problem) ctx.error(`${pointer}/name`, 'AG300', problem);
    if (schedules.has(sc.name.toLowerCase())) {
      ctx.error(`${pointer}/name`, 'AG302', `schedule '${sc.name}' is declared twice (names are case-insensitive)`);
      return;
    }
    const scheduleRef = childRef(ctx, account.ref, SCHEDULE_TYPE, str(sc.name), symbols.take(sc.name, 'schedule'));
    schedules.set(sc.name.toLowerCase(), { name: sc.name, ref: scheduleRef });
    let startTime: Expr;
    if (sc.startTime === undefined) {
      usesDefaultStart = true;
      startTime = param(SCHEDULE_START_PARAMETER);
    } else if (typeof sc.startTime === 'string') {
      const problem = startTimeProblem(sc.startTime, sc.startTime, now);
      if (problem) ctx.error(`${pointer}/startTime`, 'AG308', problem);
      startTime = str(sc.startTime);
    } else {
      // The parameter's literal values (default, files, environments) are checked like a literal start time.
      const check = { code: 'AG308', problem: (value: unknown, shown: string) => startTimeProblem(value, shown, now) } as const;
      startTime = ctx.useParam(sc.startTime, { pointer: `${pointer}/startTime/param`, type: 'string', check });
    }
    if (sc.timeZone !== undefined) {
      const problem = timeZoneProblem(sc.timeZone);
      if (problem) ctx.error(`${pointer}/timeZone`, 'AG308', problem);
    }
    checkShape(ctx, sc, pointer);
    if (now && sc.expiryTime !== undefined && latestInstant(sc.expiryTime) <= now.getTime()) {
      ctx.error(`${pointer}/expiryTime`, 'AG308', `expiryTime ${sc.expiryTime} is already past at ${now.toISOString()}: the schedule would never run`);
    }
    resources.push(
      childNode(scheduleRef, {
        properties: obj({
          description: sc.description === undefined ? undefined : str(sc.description),
          startTime,
          expiryTime: sc.expiryTime === undefined ? undefined : str(sc.expiryTime),
          frequency: str(sc.frequency),
          // OneTime takes no interval; others default to 1 (the service treats 0/absent as unset).
          interval: sc.frequency === 'OneTime' ? undefined : num(sc.interval ?? 1),
          timeZone: sc.timeZone === undefined ? undefined : str(sc.timeZone),
          advancedSchedule: advanced(sc),
        }),
      }),
    );
  });

  const links = new Map<string, string>();
  (ctx.config.jobSchedules ?? []).forEach((js, i) => {
    const pointer = `/jobSchedules/${i}`;
    const runbook = runbooks.get(js.runbook.toLowerCase());
    if (!runbook) {
      const hint = suggestionHint(didYouMean(js.runbook, [...runbooks.values()].map((r) => r.name)));
      ctx.error(`${pointer}/runbook`, 'AG301', `unknown runbook '${js.runbook}'.${hint || ' Declare it under runbooks:'}`);
    }
    const schedule = schedules.get(js.schedule.toLowerCase());
    if (!schedule) {
      const hint = suggestionHint(didYouMean(js.schedule, [...schedules.values()].map((s) => s.name)));
      ctx.error(`${pointer}/schedule`, 'AG301', `unknown schedule '${js.schedule}'.${hint || ' Declare it under schedules:'}`);
    }
    if (!runbook || !schedule) return;
    const key = `${runbook.name.toLowerCase()}\u0000${schedule.name.toLowerCase()}`;
    if (links.has(key)) {
      ctx.error(pointer, 'AG302', `runbook '${runbook.name}' is already linked to schedule '${schedule.name}' at ${links.get(key)}; Azure allows one job schedule per pair`);
      return;
    }
    links.set(key, pointer);
    const group = js.runOn === undefined ? undefined : runOnGroup(ctx, js.runOn, `${pointer}/runOn`, input.groups);
    // A new name on every deployment (the seed defaults to newGuid()): reusing a job-schedule GUID fails ("Reusing the
    // same GUID results in a failed deployment", schedules.md), while a new GUID for a linked pair keeps the original
    // link (Azure/ResourceModules#1792; AVM's job-schedule module defaults its name to newGuid() and its e2e test
    // deploys twice). See README "Deploying and redeploying" for the evidence and the limits.
    const short = call('guid', ref(account.ref, 'id'), str(runbook.name), str(schedule.name), param(JOB_SCHEDULE_SEED_PARAMETER));
    const linkRef = childRef(ctx, account.ref, JOB_SCHEDULE_TYPE, short, symbols.take(runbook.name, schedule.name, 'job', 'schedule'));
    resources.push(
      childNode(linkRef, {
        // An escape hatch for a pipeline that manages the links elsewhere (or meets Azure refusing a new link,
        // as azure-resource-manager-schemas#313 reported in 2017): deployJobSchedules=false skips them.
        condition: param(DEPLOY_JOB_SCHEDULES_PARAMETER),
        properties: obj({
          runbook: obj({ name: str(runbook.name) }),
          schedule: obj({ name: str(schedule.name) }),
          parameters: js.parameters === undefined ? undefined : fromJson(js.parameters),
          runOn: js.runOn === undefined ? undefined : str(group?.name ?? js.runOn),
        }),
        dependsOn: [runbook.ref, schedule.ref, ...(group ? [group.ref] : [])],
      }),
    );
  });

  const parameters: TemplateParameter[] = [];
  if (links.size > 0) {
    for (const reserved of [DEPLOY_JOB_SCHEDULES_PARAMETER, JOB_SCHEDULE_SEED_PARAMETER]) {
      if (ctx.config.parameters && Object.hasOwn(ctx.config.parameters, reserved)) {
        ctx.error(`/parameters/${reserved}`, 'AG302', `'${reserved}' is a parameter armgen adds for job schedules; rename yours`);
      }
    }
    parameters.push(
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
    );
  }
  if (usesDefaultStart) {
    if (ctx.config.parameters && Object.hasOwn(ctx.config.parameters, SCHEDULE_START_PARAMETER)) {
      ctx.error(`/parameters/${SCHEDULE_START_PARAMETER}`, 'AG302', `'${SCHEDULE_START_PARAMETER}' is the parameter armgen adds for schedules without startTime; rename yours, or use it explicitly with startTime: { param: ${SCHEDULE_START_PARAMETER} } on every schedule`);
    }
    parameters.push({
      name: SCHEDULE_START_PARAMETER,
      type: 'string',
      description: 'Start time of the schedules that set none (ISO 8601, at least 5 minutes after the deployment). Default: 15 minutes after the deployment starts.',
      defaultValue: call('dateTimeAdd', call('utcNow', str('u')), str('PT15M')),
    });
  }
  return { resources, parameters };
}

/**
 * Why Azure would reject a fixed start time: not a date and time, or already past (or within Azure's 5-minute lead)
 * at `now`. `shown` is how the message names the value. Without `now` only the form is checked.
 */
function startTimeProblem(value: unknown, shown: string, now: Date | undefined): string | undefined {
  const at = typeof value === 'string' ? Date.parse(withZone(value)) : Number.NaN;
  if (typeof value !== 'string' || !DATE_TIME_FORM.test(value) || Number.isNaN(at)) {
    return `${shown} is not a date and time (ISO 8601, e.g. 2030-01-06T07:00:00+01:00)`;
  }
  if (!now) return undefined;
  // Without an offset the time is read in the schedule's time zone, which may be up to 14 hours ahead of UTC.
  if (latestInstant(value) >= now.getTime() + MIN_LEAD_MS) return undefined;
  return `start time ${shown} is in the past (or less than 5 minutes ahead) at ${now.toISOString()}; Azure rejects it. Remove startTime to start 15 minutes after each deployment (parameter ${SCHEDULE_START_PARAMETER}), or give the parameter a computed default such as { expr: "dateTimeAdd(utcNow('u'), 'P1D')" }`;
}

function checkShape(ctx: ResolveContext, sc: Schedule, pointer: string): void {
  if (sc.frequency === 'OneTime' && sc.interval !== undefined) ctx.error(`${pointer}/interval`, 'AG200', 'a OneTime schedule takes no interval');
  const adv = sc.advancedSchedule;
  if (adv?.weekDays && sc.frequency !== 'Week') ctx.error(`${pointer}/advancedSchedule/weekDays`, 'AG200', `weekDays needs frequency Week (got ${sc.frequency})`);
  if ((adv?.monthDays || adv?.monthlyOccurrences) && sc.frequency !== 'Month') {
    ctx.error(`${pointer}/advancedSchedule`, 'AG200', `monthDays and monthlyOccurrences need frequency Month (got ${sc.frequency})`);
  }
  if (adv?.monthDays && adv.monthlyOccurrences) ctx.error(`${pointer}/advancedSchedule`, 'AG200', 'give monthDays or monthlyOccurrences, not both');
  (adv?.monthDays ?? []).forEach((d, j) => {
    if (d === 0) ctx.error(`${pointer}/advancedSchedule/monthDays/${j}`, 'AG200', 'month days are 1-31, or -1 for the last day');
  });
  if (sc.expiryTime !== undefined && typeof sc.startTime === 'string' && Date.parse(withZone(sc.expiryTime)) <= Date.parse(withZone(sc.startTime))) {
    ctx.error(`${pointer}/expiryTime`, 'AG308', `expiryTime ${sc.expiryTime} is not after startTime ${sc.startTime}`);
  }
}

function advanced(sc: Schedule): Expr | undefined {
  const adv = sc.advancedSchedule;
  if (!adv) return undefined;
  return obj({
    weekDays: adv.weekDays === undefined ? undefined : arr(adv.weekDays.map(str)),
    monthDays: adv.monthDays === undefined ? undefined : arr(adv.monthDays.map(num)),
    monthlyOccurrences:
      adv.monthlyOccurrences === undefined ? undefined : arr(adv.monthlyOccurrences.map((o) => obj({ day: str(o.day), occurrence: num(o.occurrence) }))),
  });
}
