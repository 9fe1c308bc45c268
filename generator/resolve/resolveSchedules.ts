import { checkName, nameRules } from '../azure/naming.js';
import { timeZoneProblem } from '../azure/timeZones.js';
import type { Schedule } from '../model/config.generated.js';
import { arr, call, num, obj, param, str, type Expr } from '../model/expr.js';
import type { ResourceRef } from '../model/resourceRef.js';
import type { ResourceNode, TemplateParameter } from '../model/resolved.js';
import { childNode, childRef, type AccountRef } from './children.js';
import type { ResolveContext } from './context.js';
import { DATE_TIME_FORM, latestInstant, withZone } from './dateTimes.js';
import type { SymbolTable } from './names.js';
import type { ResolvedWorkerGroup } from './resolveHybridWorkers.js';
import { resolveJobSchedules } from './resolveJobSchedules.js';
import type { ResolvedRunbook } from './resolveRunbooks.js';

const SCHEDULE_TYPE = 'Microsoft.Automation/automationAccounts/schedules';

export { DEPLOY_JOB_SCHEDULES_PARAMETER, JOB_SCHEDULE_SEED_PARAMETER } from './resolveJobSchedules.js';

/** Template parameter holding the default start time of every schedule that gives none. */
export const SCHEDULE_START_PARAMETER = 'scheduleStartTime';
/** Azure rejects a start less than 5 minutes after the request (bicep#9780); the default leaves a margin. */
const MIN_LEAD_MS = 5 * 60 * 1000;

export interface ScheduleResolution {
  readonly resources: readonly ResourceNode[];
  readonly parameters: readonly TemplateParameter[];
}

/**
 * `schedules:` (and, through resolveJobSchedules, `jobSchedules:`). A schedule without `startTime` starts at the
 * `scheduleStartTime` parameter, whose default `dateTimeAdd(utcNow('u'), 'PT15M')` is computed at deployment (utcNow
 * is only allowed in parameter defaults). A fixed start time is checked against `now` when the caller gives one:
 * resolve itself reads no clock.
 */
export function resolveSchedules(
  ctx: ResolveContext,
  symbols: SymbolTable,
  input: { readonly account: AccountRef; readonly runbooks: ReadonlyMap<string, ResolvedRunbook>; readonly groups: ReadonlyMap<string, ResolvedWorkerGroup> },
  now: Date | undefined,
): ScheduleResolution {
  const { account, runbooks, groups } = input;
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
    if (sc.startTime === undefined) usesDefaultStart = true;
    resources.push(childNode(scheduleRef, { properties: scheduleProperties(ctx, sc, pointer, now) }));
  });

  const parameters: TemplateParameter[] = [...resolveJobSchedules(ctx, symbols, { account, runbooks, schedules, groups }, resources)];
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

/** A schedule's properties, its times checked against Azure's rules (start ≥ 5 minutes ahead, expiry after start). */
function scheduleProperties(ctx: ResolveContext, sc: Schedule, pointer: string, now: Date | undefined): Expr {
  let startTime: Expr;
  if (sc.startTime === undefined) {
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
  return obj({
    description: sc.description === undefined ? undefined : str(sc.description),
    startTime,
    expiryTime: sc.expiryTime === undefined ? undefined : str(sc.expiryTime),
    frequency: str(sc.frequency),
    // OneTime takes no interval; others default to 1 (the service treats 0/absent as unset).
    interval: sc.frequency === 'OneTime' ? undefined : num(sc.interval ?? 1),
    timeZone: sc.timeZone === undefined ? undefined : str(sc.timeZone),
    advancedSchedule: advanced(sc),
  });
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
