/**
 * Rules about one template as a whole, checked at the start of each deployment (before any PUT):
 * reference() targets reachable through dependsOn, ReadOnly locks ordered after what they lock, and one
 * job-schedule link per (runbook, schedule) pair.
 */
import { callsIn, isExpression, parseExpression } from '../../../generator/lint/expression.js';
import type { Evaluator } from './evaluator.js';
import { dependencyClosure, type Plan, type PlannedResource } from './plan.js';
import { isUnder } from './resourceIds.js';
import { violation, type Violation } from './rules.js';
import { EvaluationError, isObject, sameText, type Value } from './values.js';

/** Every expression string under `json`, skipping an inner-scoped nested template (it is its own deployment). */
function expressionsIn(json: unknown, out: string[] = []): string[] {
  if (typeof json === 'string' && isExpression(json)) out.push(json);
  else if (Array.isArray(json)) for (const x of json) expressionsIn(x, out);
  else if (isObject(json)) {
    for (const [k, v] of Object.entries(json)) {
      if (k === 'template' && isObject(v) && 'resources' in v) continue;
      if (isExpression(k)) out.push(k);
      expressionsIn(v, out);
    }
  }
  return out;
}

/**
 * reference(resourceId(...)) adds no implicit dependency (template-functions-resource#implicit-dependency), so
 * a reference to a resource this template deploys must be in the referrer's dependsOn closure, or ARM may read
 * it before it exists (first deployment: ResourceNotFound; later ones: the old value).
 */
export function referencesWithoutDependsOn(plan: Plan, ev: Evaluator): Violation[] {
  const out: Violation[] = [];
  const deployed = new Map(plan.resources.filter((r) => r.deployed).map((r) => [r.id.toLowerCase(), r]));
  for (const r of plan.resources.filter((x) => x.deployed)) {
    const { name: _name, type: _type, dependsOn: _dependsOn, condition: _condition, ...body } = r.json;
    const closure = dependencyClosure(r, plan);
    for (const text of expressionsIn(body)) {
      const parsed = parseExpression(text);
      if (!parsed.ok) continue;
      for (const call of callsIn(parsed.node).filter((c) => c.name.toLowerCase() === 'reference' && c.args[0] !== undefined)) {
        let target: string;
        try {
          ev.phase = 'start';
          target = String(ev.evaluateNode(call.args[0]!, 'resource'));
        } catch (err) {
          if (err instanceof EvaluationError) continue; // reported when the resource is PUT
          throw err;
        }
        if (!target.startsWith('/')) continue; // by name: ARM adds the dependency itself
        const hit = deployed.get(target.toLowerCase());
        if (hit && hit !== r && !closure.has(target.toLowerCase())) {
          out.push(violation('reference-without-dependsOn', r.at, r.label, `reference() reads ${hit.label} (${hit.at}), which is not in its dependsOn`));
        }
      }
    }
  }
  return out;
}

const LOCKS = 'microsoft.authorization/locks';

/** A ReadOnly lock must come after every resource the template PUTs under its scope, or those PUTs race it. */
export function readOnlyLockRaces(plan: Plan, ev: Evaluator): Violation[] {
  const out: Violation[] = [];
  for (const lock of plan.resources.filter((r) => r.deployed && sameText(r.type, LOCKS))) {
    if (startEvaluate(ev, isObject(lock.json.properties) ? lock.json.properties.level : undefined) !== 'ReadOnly') continue;
    const scope = lock.id.slice(0, lock.id.toLowerCase().lastIndexOf('/providers/microsoft.authorization/locks/'));
    const closure = dependencyClosure(lock, plan);
    for (const r of plan.resources.filter((x) => x.deployed && x !== lock && isUnder(x.id, scope) && !sameText(x.type, LOCKS))) {
      if (!closure.has(r.id.toLowerCase())) {
        out.push(violation('readonly-lock-races-children', r.at, r.label, `the ReadOnly lock ${lock.label} (${lock.at}) does not depend on it, so it may be locked before its PUT`));
      }
    }
  }
  return out;
}

/** Two job-schedule resources for the same account, runbook and schedule: the second PUT fails. */
export function duplicateJobScheduleLinks(plan: Plan, ev: Evaluator): Violation[] {
  const out: Violation[] = [];
  const seen = new Map<string, PlannedResource>();
  for (const r of plan.resources.filter((x) => x.deployed && sameText(x.type, 'Microsoft.Automation/automationAccounts/jobSchedules'))) {
    const props = isObject(r.json.properties) ? r.json.properties : {};
    const link = jobScheduleLink(r.id, { runbook: startEvaluate(ev, props.runbook), schedule: startEvaluate(ev, props.schedule) });
    const first = seen.get(link);
    if (first) out.push(violation('job-schedule-pair-duplicated', r.at, r.label, `${first.label} (${first.at}) already links the same runbook and schedule`));
    else seen.set(link, r);
  }
  return out;
}

/** A value at deployment start, or undefined when it cannot be evaluated (the PUT reports that). */
function startEvaluate(ev: Evaluator, json: unknown): Value | undefined {
  try {
    ev.phase = 'start';
    return ev.evaluate(json, 'resource');
  } catch (err) {
    if (err instanceof EvaluationError) return undefined;
    throw err;
  }
}

/** `<account id>|runbook|schedule`, lower case: what the Automation service keeps unique. */
export function jobScheduleLink(jobScheduleId: string, props: { readonly runbook?: Value | undefined; readonly schedule?: Value | undefined }): string {
  const account = jobScheduleId.slice(0, jobScheduleId.toLowerCase().lastIndexOf('/jobschedules/'));
  const nameOf = (v: unknown): string => (isObject(v) ? String(v.name) : '');
  return `${account}|${nameOf(props.runbook)}|${nameOf(props.schedule)}`.toLowerCase();
}
