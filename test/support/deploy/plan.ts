/**
 * The start of a deployment: what ARM computes before it PUTs anything. For every declared resource its
 * condition, type, name, scope and so its resource ID; dependsOn resolved to resources of the template; and an
 * order that respects dependsOn. Names must not need reference()/list*() (rule name-not-computable-at-start).
 */
import { declaredResourceId, resourceGroupPath, subscriptionPath, type TargetScope } from './resourceIds.js';
import { ruleOf, violation, type Violation } from './rules.js';
import type { Evaluator } from './evaluator.js';
import { EvaluationError, isObject, NotModelled, sameText, type ObjectValue, type Value } from './values.js';

export interface PlannedResource {
  readonly at: string;
  readonly json: ObjectValue;
  readonly type: string;
  readonly name: string;
  readonly id: string;
  /** False when `condition` is false: ARM skips it and drops it from other resources' dependsOn. */
  readonly deployed: boolean;
  /** Lower-case IDs of the template's resources it depends on (direct). */
  readonly dependsOn: readonly string[];
  readonly label: string;
  /** Nested deployments: the scope the inner template deploys to. */
  readonly nestedTarget?: TargetScope;
}

export interface Plan {
  readonly resources: readonly PlannedResource[];
  /** Deployed resources in a dependsOn-respecting order (template order among independent ones). */
  readonly order: readonly PlannedResource[];
  readonly violations: readonly Violation[];
}

const DEPLOYMENTS = 'Microsoft.Resources/deployments';

/** Evaluates a start-time field; a reference()/list*() inside makes it a name-not-computable-at-start violation. */
function startValue(ev: Evaluator, json: unknown, at: string, field: string, out: Violation[]): Value {
  ev.runtimeCalls = [];
  const value = ev.evaluate(json, 'resource');
  if (ev.runtimeCalls.length > 0) {
    out.push(violation('name-not-computable-at-start', at, `${field} ${JSON.stringify(json)}`, `${field} uses ${ev.runtimeCalls.join(', ')}, known only during the deployment`));
  }
  return value;
}

/** The target scope of a nested deployment: resourceGroup (+subscriptionId), or a subscription (subscriptionId + location). */
function nestedTarget(r: ObjectValue, ev: Evaluator, at: string, out: Violation[]): TargetScope {
  const here = ev.ctx.target;
  const sub = r.subscriptionId === undefined ? here.subscriptionId : String(startValue(ev, r.subscriptionId, at, 'subscriptionId', out));
  if (r.resourceGroup !== undefined) return { subscriptionId: sub, resourceGroup: String(startValue(ev, r.resourceGroup, at, 'resourceGroup', out)) };
  const inner = isObject(r.properties) && isObject(r.properties.template) ? String(r.properties.template.$schema ?? '') : '';
  const toSubscription = /subscriptionDeploymentTemplate/i.test(inner) || (r.subscriptionId !== undefined && r.location !== undefined);
  return toSubscription ? { subscriptionId: sub, resourceGroup: undefined } : { subscriptionId: sub, resourceGroup: here.resourceGroup };
}

function planOne(r: unknown, at: string, ev: Evaluator, out: Violation[]): Omit<PlannedResource, 'dependsOn'> & { rawDependsOn: Value[] } {
  if (!isObject(r)) throw new NotModelled(`${at}: a resource that is not an object`);
  if ('copy' in r) throw new NotModelled(`${at}: resource copy loops`);
  const type = String(startValue(ev, r.type, at, 'type', out));
  const name = String(startValue(ev, r.name, at, 'name', out));
  const deployed = r.condition === undefined ? true : startValue(ev, r.condition, at, 'condition', out) === true;
  let id: string;
  let target: TargetScope | undefined;
  if (sameText(type, DEPLOYMENTS)) {
    target = nestedTarget(r, ev, at, out);
    const base = target.resourceGroup === undefined ? subscriptionPath(target.subscriptionId) : resourceGroupPath(target.subscriptionId, target.resourceGroup);
    id = `${base}/providers/${DEPLOYMENTS}/${name}`;
  } else {
    const scope = r.scope === undefined ? undefined : String(startValue(ev, r.scope, at, 'scope', out));
    id = declaredResourceId(type, name, scope, ev.ctx.target);
  }
  const rawDependsOn = Array.isArray(r.dependsOn) ? (r.dependsOn.map((d) => startValue(ev, d, at, 'dependsOn', out)) as Value[]) : [];
  return { at, json: r, type, name, id, deployed, label: `${type} '${name}'`, rawDependsOn, ...(target ? { nestedTarget: target } : {}) };
}

/** dependsOn entries are resource IDs or names (`name` or `Type/name`) of resources in the same template. */
function resolveDependency(entry: Value, all: readonly { id: string; name: string; type: string }[]): string | undefined {
  const e = String(entry).toLowerCase();
  const hit = e.startsWith('/')
    ? all.find((r) => r.id.toLowerCase() === e)
    : all.find((r) => r.name.toLowerCase() === e || `${r.type}/${r.name}`.toLowerCase() === e);
  return hit?.id.toLowerCase();
}

/** Kahn's algorithm, taking the lowest template index first, so the order is deterministic. */
function order(resources: readonly PlannedResource[], out: Violation[]): PlannedResource[] {
  const live = resources.filter((r) => r.deployed);
  const byId = new Map(live.map((r) => [r.id.toLowerCase(), r]));
  const waiting = new Map(live.map((r) => [r, r.dependsOn.filter((d) => byId.has(d)).length]));
  const done: PlannedResource[] = [];
  for (;;) {
    const next = live.find((r) => waiting.get(r) === 0);
    if (!next) break;
    waiting.delete(next);
    done.push(next);
    for (const r of waiting.keys()) if (r.dependsOn.includes(next.id.toLowerCase())) waiting.set(r, (waiting.get(r) ?? 1) - 1);
  }
  for (const r of waiting.keys()) out.push(violation('dependsOn-cycle', r.at, r.label, 'its dependsOn chain leads back to it, so ARM cannot order the deployment'));
  return done;
}

/** Plans a template's resources; `prefix` locates nested templates in violations. */
export function planTemplate(template: ObjectValue, ev: Evaluator, prefix: string): Plan {
  const out: Violation[] = [];
  const list = Array.isArray(template.resources) ? template.resources : [];
  if (!Array.isArray(template.resources) && template.resources !== undefined) throw new NotModelled('symbolic-name resources (languageVersion 2.0)');
  const raw: (ReturnType<typeof planOne> | undefined)[] = list.map((r, i) => {
    const at = `${prefix}resources[${i}]`;
    try {
      return planOne(r, at, ev, out);
    } catch (err) {
      if (!(err instanceof EvaluationError)) throw err;
      out.push(violation(ruleOf(err), at, '(not planned)', err.message));
      return undefined;
    }
  });
  const planned = raw.filter((r): r is ReturnType<typeof planOne> => r !== undefined);
  const resources: PlannedResource[] = planned.map(({ rawDependsOn, ...r }) => {
    const deps: string[] = [];
    for (const d of rawDependsOn) {
      const hit = resolveDependency(d, planned);
      if (hit) deps.push(hit);
      else out.push(violation('dependsOn-unresolved', r.at, r.label, `dependsOn '${String(d)}' is not a resource of this template`));
    }
    return { ...r, dependsOn: deps };
  });
  const seen = new Map<string, PlannedResource>();
  for (const r of resources.filter((x) => x.deployed)) {
    const first = seen.get(r.id.toLowerCase());
    if (first) out.push(violation('resource-defined-twice', r.at, r.label, `${first.at} already deploys ${r.id}`));
    else seen.set(r.id.toLowerCase(), r);
  }
  return { resources, order: order(resources, out), violations: out };
}

/** Every resource `r` waits for (its dependsOn, transitively), lower-case IDs. */
export function dependencyClosure(r: PlannedResource, plan: Plan): Set<string> {
  const byId = new Map(plan.resources.map((x) => [x.id.toLowerCase(), x]));
  const seen = new Set<string>();
  const todo = [...r.dependsOn];
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    todo.push(...(byId.get(id)?.dependsOn ?? []));
  }
  return seen;
}
