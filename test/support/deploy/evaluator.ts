/**
 * Evaluates ARM template expressions for one deployment: parameters (given values, then defaults), variables,
 * the deployment-dependent functions, and the pure ones of functions.ts. Parsing reuses armgen's lint parser
 * (generator/lint/expression.ts); the evaluation is the simulator's own, so it stays an independent oracle.
 *
 * Two phases. `start`: what ARM can compute when the deployment starts (names, dependsOn, conditions);
 * reference()/list*() give an opaque value and are recorded in `runtimeCalls`, so a caller can tell that a value
 * was NOT computable at start. `run`: a resource is being PUT; reference() reads the simulated Azure state.
 */
import { isExpression, literalValue, parseExpression, type ExprNode } from '../../../generator/lint/expression.js';
import type { AzureState } from './azureState.js';
import { PURE_FUNCTIONS } from './functions.js';
import { extensionResourceId, resourceGroupPath, resourceId, subscriptionPath, subscriptionResourceId, tenantResourceId, type TargetScope } from './resourceIds.js';
import { formatDate } from './time.js';
import { EvaluationError, isObject, NotModelled, OPEN, stableGuid, type ObjectValue, type Value } from './values.js';

/** One deployment (top-level or nested) as ARM sees it. */
export interface DeploymentContext {
  readonly target: TargetScope;
  /** Location of the target resource group, or of a subscription-scope deployment. */
  readonly location: string;
  readonly time: Date;
  readonly deploymentName: string;
  /** Set only for a template deployed from a URI (`--template-uri`); a local file or inline template has none. */
  readonly templateUri: string | undefined;
  /** The resource group the top-level deployment ran in (who launched nested deployments). */
  readonly launchedFrom: string;
}

export type Section = 'parameterDefault' | 'variables' | 'resource' | 'outputs';
type Call = Extract<ExprNode, { k: 'call' }>;

const RUNTIME = /^(reference|list\w*)$/i;
const DEFAULT_ONLY = /^(newguid|utcnow)$/i;

export class Evaluator {
  phase: 'start' | 'run' = 'start';
  /** reference()/list*() calls seen since the caller last cleared it. */
  runtimeCalls: string[] = [];
  private readonly params = new Map<string, Value>();
  private readonly vars = new Map<string, { value: Value; runtime: string[] }>();
  private guidSerial = 0;

  constructor(
    private readonly template: ObjectValue,
    readonly ctx: DeploymentContext,
    private readonly state: AzureState,
    private readonly given: Readonly<Record<string, Value>>,
    /** Resource IDs this template deploys: reference() to one of them before its PUT is an error, not an assumption. */
    readonly deployedIds: Set<string> = new Set(),
  ) {}

  /** Evaluates a JSON tree: every expression string, and expression object keys. */
  evaluate(json: unknown, section: Section): Value {
    if (typeof json === 'string') return isExpression(json) ? this.expression(json, section) : literalValue(json);
    if (Array.isArray(json)) return json.map((x) => this.evaluate(x, section));
    if (isObject(json)) {
      const out: ObjectValue = {};
      for (const [k, v] of Object.entries(json)) {
        const key = this.evaluate(k, section);
        if (typeof key !== 'string') throw new EvaluationError(`object key '${k}' does not evaluate to a string`);
        out[key] = this.evaluate(v, section);
      }
      return out;
    }
    return json as Value;
  }

  parameter(name: string): Value {
    const key = Object.keys(this.declared('parameters')).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key === undefined) throw new EvaluationError(`parameters('${name}'): the template declares no such parameter`);
    if (this.params.has(key)) return this.params.get(key)!;
    const decl = this.declared('parameters')[key] as ObjectValue;
    const givenKey = Object.keys(this.given).find((k) => k.toLowerCase() === key.toLowerCase());
    let value: Value;
    if (givenKey !== undefined) value = this.given[givenKey]!;
    else if ('defaultValue' in decl) value = this.evaluate(decl.defaultValue, 'parameterDefault');
    else throw new EvaluationError(`parameter '${key}' has no default and no value was given`, 'missingParameter');
    this.params.set(key, value);
    return value;
  }

  /** Replaces a parameter's value (a stand-in after its default failed). */
  overrideParameter(name: string, value: Value): void {
    this.params.set(name, value);
  }

  private variable(name: string): Value {
    const key = Object.keys(this.declared('variables')).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key === undefined) throw new EvaluationError(`variables('${name}'): the template declares no such variable`);
    let hit = this.vars.get(key);
    if (!hit) {
      const outer = this.runtimeCalls;
      this.runtimeCalls = [];
      const value = this.evaluate(this.declared('variables')[key], 'variables');
      hit = { value, runtime: this.runtimeCalls };
      this.runtimeCalls = outer;
      if (this.phase === 'run') this.vars.set(key, hit);
    }
    this.runtimeCalls.push(...hit.runtime);
    return hit.value;
  }

  private declared(section: 'parameters' | 'variables'): ObjectValue {
    const s = this.template[section];
    return isObject(s) ? s : {};
  }

  private expression(text: string, section: Section): Value {
    const parsed = parseExpression(text);
    if (!parsed.ok) throw new EvaluationError(`${text}: ${parsed.error}`);
    return this.node(parsed.node, section);
  }

  /** Evaluates one parsed expression node (rules use it on a call's argument). */
  evaluateNode(n: ExprNode, section: Section): Value {
    return this.node(n, section);
  }

  private node(n: ExprNode, section: Section): Value {
    switch (n.k) {
      case 'str':
      case 'num':
        return n.v;
      case 'lit':
        return n.v === 'null' ? null : n.v === 'true';
      case 'member':
        return member(this.node(n.target, section), n.name);
      case 'index':
        return index(this.node(n.target, section), this.node(n.index, section));
      case 'call':
        return this.call(n, section);
    }
  }

  private call(c: Call, section: Section): Value {
    const name = c.name.toLowerCase();
    if (DEFAULT_ONLY.test(name) && section !== 'parameterDefault') {
      throw new EvaluationError(`${c.name}() is used outside a parameter default (${section})`, 'placement');
    }
    if (RUNTIME.test(name) && section === 'variables') throw new EvaluationError(`${c.name}() is used in the variables section`, 'placement');
    if (name === 'if') {
      const cond = this.node(c.args[0]!, section);
      return this.node(c.args[cond === true ? 1 : 2]!, section);
    }
    const args = c.args.map((a) => this.node(a, section));
    const pure = PURE_FUNCTIONS[name];
    if (pure) return pure(args);
    return this.contextCall(name, c.name, args);
  }

  private contextCall(name: string, written: string, args: Value[]): Value {
    const t = this.ctx.target;
    switch (name) {
      case 'parameters':
        return this.parameter(String(args[0]));
      case 'variables':
        return this.variable(String(args[0]));
      case 'resourceid':
        return resourceId(args, t);
      case 'subscriptionresourceid':
        return subscriptionResourceId(args, t);
      case 'extensionresourceid':
        return extensionResourceId(args);
      case 'tenantresourceid':
        return tenantResourceId(args);
      case 'subscription':
        return { id: subscriptionPath(t.subscriptionId), subscriptionId: t.subscriptionId, tenantId: this.state.tenantId, displayName: 'simulated' };
      case 'resourcegroup':
        return this.resourceGroup();
      case 'tenant':
        return { tenantId: this.state.tenantId, countryCode: 'US', displayName: 'simulated' };
      case 'deployment':
        return this.deployment();
      case 'newguid':
        return stableGuid('newGuid', this.ctx.deploymentName, this.ctx.time.toISOString(), this.ctx.launchedFrom, String(this.guidSerial++));
      case 'utcnow':
        return formatDate(this.ctx.time, args[0] === undefined ? undefined : String(args[0]));
      case 'reference':
        return this.reference(args);
      default:
        if (RUNTIME.test(name)) return this.runtimeValue(`${written}(${JSON.stringify(args[0])})`, {});
        throw new NotModelled(`the template function ${written}()`);
    }
  }

  private resourceGroup(): ObjectValue {
    const { subscriptionId, resourceGroup } = this.ctx.target;
    if (resourceGroup === undefined) throw new EvaluationError('resourceGroup() is not available in a subscription-scope deployment');
    const id = resourceGroupPath(subscriptionId, resourceGroup);
    return { id, name: resourceGroup, type: 'Microsoft.Resources/resourceGroups', location: this.ctx.location, properties: { provisioningState: 'Succeeded' } };
  }

  /** deployment(): `properties.templateLink` only for a template deployed from a URI (linked-templates docs). */
  private deployment(): ObjectValue {
    const properties: ObjectValue = { template: { contentVersion: String(this.template.contentVersion ?? '1.0.0.0') }, mode: 'Incremental', provisioningState: 'Accepted' };
    if (this.ctx.templateUri !== undefined) properties.templateLink = { uri: this.ctx.templateUri, contentVersion: '1.0.0.0' };
    const out: ObjectValue = { name: this.ctx.deploymentName, properties };
    if (this.ctx.target.resourceGroup === undefined) out.location = this.ctx.location;
    return out;
  }

  /** reference(resourceIdOrName, [apiVersion], ['Full']). */
  private reference(args: Value[]): Value {
    const target = String(args[0]);
    const full = typeof args[2] === 'string' && args[2].toLowerCase() === 'full';
    if (this.phase === 'start') return this.runtimeValue(`reference(${target})`, {});
    this.runtimeCalls.push(`reference(${target})`);
    const id = target.startsWith('/') ? target : this.nameToId(target);
    const stored = this.state.get(id);
    if (!stored && this.deployedIds.has(id.toLowerCase())) {
      throw new EvaluationError(`reference('${target}'): ResourceNotFound, the template deploys it but it is not deployed yet`);
    }
    const r = stored ?? this.state.existingOrAssumed(id);
    if (!full) return r.properties;
    const out: ObjectValue = { id: r.id, type: r.type, properties: r.properties };
    if (r.location !== undefined) out.location = r.location;
    if (r.identity !== undefined) out.identity = r.identity;
    if (r.preexisting) Object.defineProperty(out, OPEN, { value: true });
    return out;
  }

  /** A bare name refers to a resource of this template (ARM resolves it, and adds an implicit dependency). */
  private nameToId(name: string): string {
    const found = [...this.deployedIds].find((id) => id.endsWith(`/${name.toLowerCase()}`));
    if (!found) throw new EvaluationError(`reference('${name}'): no resource of this template has that name`);
    return found;
  }

  private runtimeValue(call: string, value: ObjectValue): ObjectValue {
    this.runtimeCalls.push(call);
    Object.defineProperty(value, OPEN, { value: true });
    return value;
  }
}

function member(target: Value, name: string): Value {
  if (!isObject(target)) throw new EvaluationError(`.${name}: the value is not an object (${JSON.stringify(target)})`);
  const key = Object.keys(target).find((k) => k.toLowerCase() === name.toLowerCase());
  if (key !== undefined) return target[key] as Value;
  if (OPEN in target) {
    const opaque: ObjectValue = {};
    Object.defineProperty(opaque, OPEN, { value: true });
    return name.toLowerCase().endsWith('id') || name.toLowerCase().endsWith('uri') ? `opaque-${name}` : opaque;
  }
  const kind = name.toLowerCase() === 'templatelink' ? 'templateLink' : 'general';
  throw new EvaluationError(`the language expression property '${name}' doesn't exist, available properties are '${Object.keys(target).join(', ')}'`, kind);
}

function index(target: Value, at: Value): Value {
  if (Array.isArray(target) && typeof at === 'number') {
    if (at < 0 || at >= target.length) throw new EvaluationError(`index ${at} is outside an array of length ${target.length}`);
    return target[at] as Value;
  }
  if (isObject(target) && typeof at === 'string') return member(target, at);
  throw new EvaluationError(`cannot index ${JSON.stringify(target)} with ${JSON.stringify(at)}`);
}
