import { DEPLOY_JOB_SCHEDULES_PARAMETER, JOB_SCHEDULE_SEED_PARAMETER } from '../../resolve/resolveJobSchedules.js';
import { SCHEDULE_START_PARAMETER } from '../../resolve/resolveSchedules.js';
import { canonical, expressionOf, importValue, isCall, paramName } from '../armValues.js';
import { isPlainObject } from '../importContext.js';
import { accountChildNames, copyKeys, isType, takeBase, type ResourceImporter } from './common.js';

const SCHEDULES = 'Microsoft.Automation/automationAccounts/schedules';
const JOB_SCHEDULES = 'Microsoft.Automation/automationAccounts/jobSchedules';
/** The parameters armgen adds for schedules and links. */
const START_PARAMETER = SCHEDULE_START_PARAMETER;
const SEED_PARAMETER = JOB_SCHEDULE_SEED_PARAMETER;
const DEPLOY_PARAMETER = DEPLOY_JOB_SCHEDULES_PARAMETER;

/** A schedule (`schedules[]`); armgen's `scheduleStartTime` parameter as the start time is the default (no startTime). */
export const schedules: ResourceImporter = {
  kind: 'schedule',
  claims: (r) => isType(r, SCHEDULES),
  import(ctx, resource) {
    takeBase(ctx, resource, SCHEDULES);
    const names = accountChildNames(ctx, resource, 1, 'a schedule');
    const properties = resource.object('properties');
    if (!names || !properties) return;
    const entry: Record<string, unknown> = { name: names[0] };
    copyKeys(ctx, properties, entry, ['description', 'frequency', 'interval']);
    if (properties.has('startTime')) {
      const start = properties.take('startTime');
      if (paramName(expressionOf(start)) !== START_PARAMETER) entry.startTime = importValue(ctx, start, properties.at('startTime'), 'startTime');
    }
    copyKeys(ctx, properties, entry, ['expiryTime', 'timeZone', 'advancedSchedule']);
    properties.finish('the schedule properties');
    resource.finish('a schedule');
    ctx.push('schedules', entry);
  },
};

/**
 * armgen's job-schedule name: `format('{0}/{1}', account, guid(<account ID>, 'runbook', 'schedule',
 * parameters('jobScheduleSeed')))`, a new name per deployment (Azure refuses a job-schedule name it has seen).
 */
function linkSeed(value: unknown): { runbook: string; schedule: string; account: string } | undefined {
  const node = expressionOf(value);
  if (!isCall(node, 'format') || node.args.length !== 3 || node.args[0]?.k !== 'str' || node.args[0].v !== '{0}/{1}') return undefined;
  const seed = node.args[2];
  if (!isCall(seed, 'guid') || seed.args.length !== 4 || paramName(seed.args[3]) !== SEED_PARAMETER) return undefined;
  const [accountId, runbook, schedule] = seed.args;
  if (runbook?.k !== 'str' || schedule?.k !== 'str') return undefined;
  return { runbook: runbook.v, schedule: schedule.v, account: `[${canonical(accountId!)}]`.toLowerCase() };
}

/** A runbook-schedule link (`jobSchedules[]`) in armgen's own shape: its name seeded by `jobScheduleSeed`, deployed unless `deployJobSchedules` is false. */
export const jobSchedules: ResourceImporter = {
  kind: 'job schedule',
  claims: (r) => isType(r, JOB_SCHEDULES),
  import(ctx, resource) {
    takeBase(ctx, resource, JOB_SCHEDULES);
    const seed = linkSeed(resource.take('name'));
    if (!seed || seed.account !== ctx.account?.id) {
      ctx.refuse(resource.at('name'), `a job schedule is imported in armgen's shape only: named format('{0}/{1}', <account>, guid(<account ID>, '<runbook>', '<schedule>', parameters('${SEED_PARAMETER}'))), since Azure refuses a job-schedule name it has seen before`);
      return;
    }
    const condition = resource.take('condition');
    if (paramName(expressionOf(condition)) !== DEPLOY_PARAMETER) ctx.refuse(resource.at('condition'), `a job schedule is imported with armgen's condition [parameters('${DEPLOY_PARAMETER}')] only`);
    const properties = resource.object('properties');
    const entry: Record<string, unknown> = { runbook: seed.runbook, schedule: seed.schedule };
    for (const [key, expected] of [['runbook', seed.runbook], ['schedule', seed.schedule]] as const) {
      const named = properties?.object(key);
      if (named?.take('name') !== expected) ctx.refuse(properties!.at(key), `the job schedule's ${key} must be '${expected}', the one its name is seeded with`);
      named?.finish(`the job schedule's ${key}`);
    }
    if (properties?.has('parameters')) {
      const p = properties.take('parameters');
      if (isPlainObject(p) && Object.values(p).every((v) => typeof v === 'string')) entry.parameters = p;
      else ctx.refuse(properties.at('parameters'), 'job schedule parameters are imported as literal strings');
    }
    if (properties) copyKeys(ctx, properties, entry, ['runOn']);
    properties?.finish('the job schedule properties');
    resource.finish('a job schedule');
    ctx.push('jobSchedules', entry);
  },
};
