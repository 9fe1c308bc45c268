import { bicepRaw, call, obj, str, type Expr } from '../arm/expr.js';
import { armExpressionText } from '../arm/renderArm.js';
import { bicepString, isBicepIdentifier, isBicepKeyword, lintSuppressions, toBicepFlat } from '../arm/renderBicep.js';
import { SUBSCRIPTION_TEMPLATE_SCHEMA, TEMPLATE_SCHEMA } from '../arm/resourceTypes.js';
import type { ArmResource, ExistingResource, ParameterFileModel, ResolvedModel, TemplateModel, TemplateParameter } from '../model/resolved.js';
import { bicepHelpers } from './bicepHelpers.js';
import { createEnvironment, type TemplateFn } from './environment.js';
import type { RenderedFile } from './renderedFile.js';

let templates: ((entry: string) => TemplateFn) | undefined;

/**
 * API versions for `existing` declarations of resources armgen only points at (role-assignment scopes). Bicep
 * needs a type it knows at compile time; each entry was checked against Bicep 0.49's type index (no BCP081).
 * A scope of any other type is an error, never dropped: extend this table (and the test) to support it.
 */
export const EXISTING_API_VERSIONS: Readonly<Record<string, string>> = {
  'Microsoft.App/containerApps': '2024-03-01',
  'Microsoft.Automation/automationAccounts': '2024-10-23',
  'Microsoft.Compute/virtualMachineScaleSets': '2024-07-01',
  'Microsoft.Compute/virtualMachines': '2024-07-01',
  'Microsoft.ContainerService/managedClusters': '2024-09-01',
  'Microsoft.DBforPostgreSQL/flexibleServers': '2024-08-01',
  'Microsoft.DocumentDB/databaseAccounts': '2024-11-15',
  'Microsoft.EventHub/namespaces': '2024-01-01',
  'Microsoft.KeyVault/vaults': '2024-11-01',
  'Microsoft.ManagedIdentity/userAssignedIdentities': '2024-11-30',
  'Microsoft.Network/virtualNetworks': '2024-05-01',
  'Microsoft.OperationalInsights/workspaces': '2023-09-01',
  'Microsoft.ServiceBus/namespaces': '2024-01-01',
  'Microsoft.Sql/servers': '2023-08-01',
  'Microsoft.Storage/storageAccounts': '2023-05-01',
  'Microsoft.Web/serverfarms': '2024-04-01',
  'Microsoft.Web/sites': '2024-04-01',
};

/** The canonical spelling and API version of a scope type, or a user-facing error. */
export function existingApiVersion(type: string, where: string): { type: string; apiVersion: string } {
  const key = Object.keys(EXISTING_API_VERSIONS).find((k) => k.toLowerCase() === type.toLowerCase());
  if (!key) {
    throw new BicepUnsupportedError(
      `${where}: Bicep output needs an 'existing' declaration of type '${type}', which armgen's Bicep renderer does not know ` +
        `(known: ${Object.keys(EXISTING_API_VERSIONS).join(', ')}). Use --format arm for this config, or add the type to EXISTING_API_VERSIONS in generator/render/renderBicep.ts.`,
    );
  }
  return { type: key, apiVersion: EXISTING_API_VERSIONS[key]! };
}

/** Something in the model that Bicep cannot express as armgen renders it: a clear error, never a silent drop. */
export class BicepUnsupportedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BicepUnsupportedError';
  }
}

/**
 * main.bicep, its module files (one per distinct module, rendered once), main.bicepparam and
 * main.<env>.bicepparam, all from the same resolved model as the ARM JSON.
 */
export function renderBicep(model: ResolvedModel): RenderedFile[] {
  templates ??= createEnvironment('bicep', bicepHelpers);
  const modules = new Map<string, string>();
  const main = templateView(model.template, modules, model.name);
  const files: RenderedFile[] = [{ path: 'main.bicep', kind: 'bicep', text: templates('main.bicep')(main) }];
  for (const path of [...modules.keys()].sort()) files.push({ path, kind: 'bicep', text: modules.get(path)! });
  for (const file of model.parameterFiles) {
    files.push({
      path: file.environment ? `main.${file.environment}.bicepparam` : 'main.bicepparam',
      kind: 'bicepParameters',
      text: templates('main.bicepparam')(parameterFileView(file, model.template.parameters)),
    });
  }
  return files;
}

// ---------------------------------------------------------------------------------------------------------------
// Views: what the templates see. Expressions are already in their Bicep shape (symbol references, interpolation);
// the templates only place them.
// ---------------------------------------------------------------------------------------------------------------

interface Declaration {
  /** The partial that renders it. */
  readonly partial: string;
  readonly [key: string]: unknown;
}

interface TemplateView {
  readonly targetScope?: string;
  readonly declarations: readonly Declaration[];
}

/** Everything known about the symbols of one Bicep file. */
interface FileScope {
  /** ARM `resourceId(...)` text -> Bicep symbol, for resources declared in this file. */
  readonly ids: Map<string, string>;
  /** Every identifier declared in the file (params, resources, existing, modules), lower-cased. */
  readonly taken: Set<string>;
  readonly existing: Declaration[];
  readonly where: string;
}

function templateView(t: TemplateModel, modules: Map<string, string>, where: string): TemplateView {
  const scope: FileScope = { ids: new Map(), taken: new Set(), existing: [], where };
  for (const p of t.parameters) {
    checkIdentifier(p.name, `${where}: parameter`);
    scope.taken.add(p.name.toLowerCase());
  }
  for (const r of t.resources) {
    checkIdentifier(r.symbol, `${where}: resource symbol`);
    scope.taken.add(r.symbol.toLowerCase());
    if (!r.parent && !r.scope && r.kind !== 'deployment' && r.kind !== 'roleAssignment') {
      scope.ids.set(armExpressionText(call('resourceId', str(r.type), r.name)), r.symbol);
    }
  }
  for (const e of t.existing) {
    checkIdentifier(e.symbol, `${where}: existing symbol`);
    scope.taken.add(e.symbol.toLowerCase());
    const id = existingResourceId(e);
    if (id) scope.ids.set(armExpressionText(id), e.symbol);
  }
  for (const e of t.existing) scope.existing.push(existingView(e, scope));
  // Role-assignment scopes in this resource group that the template does not declare: `existing` declarations.
  const scopes = new Map<ArmResource, string | undefined>();
  for (const r of t.resources) if (r.kind !== 'deployment') scopes.set(r, extensionScopeSymbol(r, scope));

  const functionsUsed = new Set<string>();
  const resources = t.resources.map((r) => (r.kind === 'deployment' ? moduleView(r, scope, modules) : resourceView(r, scope, scopes.get(r))));
  const outputs = t.outputs.map((o) => {
    const value = bicepExpr(o.value, scope);
    const prefix = `output ${o.name} ${o.type} = `;
    return { partial: 'output', name: o.name, type: o.type, description: o.description, value: value.expr, column: prefix.length };
  });
  const used = new Set<string>();
  collectIdentifiers([...scope.existing, ...resources, ...outputs], used);
  // A parameter only ARM uses (the location of a subscription-scope nested deployment, which a Bicep module
  // cannot set) stays declared, so both files take the same parameters; the linter is told it is on purpose.
  const params = t.parameters.map((p) => parameterView(p, used.has(p.name)));
  const declarations: Declaration[] = [...params, ...scope.existing, ...resources, ...outputs];
  collectFunctions(declarations, functionsUsed);
  for (const p of t.parameters) {
    if (functionsUsed.has(p.name)) {
      throw new BicepUnsupportedError(`${where}: parameter '${p.name}' has the name of the Bicep function ${p.name}(), which the template calls; Bicep would resolve the call to the parameter. Rename the parameter.`);
    }
  }
  return {
    ...(t.schema === SUBSCRIPTION_TEMPLATE_SCHEMA ? { targetScope: 'subscription' } : {}),
    declarations,
  };
}

function checkIdentifier(name: string, what: string): void {
  if (!isBicepIdentifier(name) || isBicepKeyword(name) || name === 'az' || name === 'sys') {
    throw new BicepUnsupportedError(`${what} '${name}' is not a valid Bicep identifier (letters, digits and _; not a keyword or the az/sys namespaces)`);
  }
}

function parameterView(p: TemplateParameter, used: boolean): Declaration {
  const type = p.type === 'securestring' ? 'string' : p.type === 'secureObject' ? 'object' : p.type;
  const prefix = `param ${p.name} ${type} = `;
  return {
    partial: 'parameter',
    name: p.name,
    type,
    secure: p.secure,
    description: p.description,
    allowedValues: p.allowedValues,
    hasMinLength: p.minLength !== undefined,
    minLength: p.minLength,
    hasMaxLength: p.maxLength !== undefined,
    maxLength: p.maxLength,
    hasMinValue: p.minValue !== undefined,
    minValue: p.minValue,
    hasMaxValue: p.maxValue !== undefined,
    maxValue: p.maxValue,
    defaultValue: p.defaultValue,
    suppress: mergeSuppressions(p.defaultValue ? lintSuppressions(p.defaultValue) : undefined, used ? undefined : 'no-unused-params'),
    column: prefix.length,
  };
}

/** The ARM `resourceId(...)` an `existing` declaration stands for, when it is spelled that way. */
function existingResourceId(e: ExistingResource): Expr | undefined {
  if (e.name.k === 'call') return undefined; // taken apart from an ID parameter: the ID is the parameter itself
  return call('resourceId', ...(e.subscriptionId ? [e.subscriptionId] : []), ...(e.resourceGroup ? [e.resourceGroup] : []), str(e.type), e.name);
}

function existingView(e: ExistingResource, scope: FileScope): Declaration {
  const rgScope = resourceGroupScope(e.subscriptionId, e.resourceGroup);
  return {
    partial: 'existing',
    symbol: e.symbol,
    typeApi: `${e.type}@${e.apiVersion}`,
    name: bicepExpr(e.name, scope).expr,
    ...(rgScope ? { scope: bicepExpr(rgScope, scope).expr } : {}),
  };
}

const DEPLOYMENT_SUBSCRIPTION_ID = armExpressionText({ k: 'member', target: call('subscription'), path: ['subscriptionId'] });

/** `resourceGroup(sub, rg)`, `resourceGroup(rg)` (same subscription), or undefined (the deployment's group). */
function resourceGroupScope(sub: Expr | undefined, rg: Expr | undefined): Expr | undefined {
  if (!rg) return undefined;
  if (!sub || armExpressionText(sub) === DEPLOYMENT_SUBSCRIPTION_ID) return call('resourceGroup', rg);
  return call('resourceGroup', sub, rg);
}

/**
 * The symbol a same-group role assignment is scoped to (Bicep takes a resource, never an ID string): the
 * account (`automationAccount.id` -> `automationAccount`), or a new `existing` declaration for
 * `resourceId('<type>', name)`. undefined: no scope (the deployment's resource group).
 */
function extensionScopeSymbol(r: ArmResource, scope: FileScope): string | undefined {
  if (!r.scope) return undefined;
  const s = r.scope;
  if (s.k === 'dual' && s.bicep.k === 'bicepRaw' && /^[A-Za-z_][A-Za-z0-9_]*\.id$/.test(s.bicep.text)) return s.bicep.text.slice(0, -3);
  const known = s.k === 'call' ? scope.ids.get(armExpressionText(s)) : undefined;
  if (known) return known;
  if (s.k === 'call' && s.fn === 'resourceId' && s.args.length === 2 && s.args[0]!.k === 'str') {
    const { type, apiVersion } = existingApiVersion(s.args[0].v, `${scope.where}: extension resource '${r.symbol}'`);
    const symbol = takeSymbol(scope, singular(type.split('/').pop()!));
    const decl: ExistingResource = { symbol, type, apiVersion, name: s.args[1]! };
    scope.ids.set(armExpressionText(s), symbol);
    scope.existing.push(existingView(decl, scope));
    return symbol;
  }
  throw new BicepUnsupportedError(
    `${scope.where}: extension resource '${r.symbol}' is scoped to ${armExpressionText(s)}; Bicep scopes an extension resource to a declared resource, ` +
      `not to an ID string. Give the scope as type + name (same resource group) so armgen can declare it 'existing'.`,
  );
}

/** `virtualMachines` -> `virtualMachine`, `vaults` -> `vault`. */
function singular(segment: string): string {
  return segment.endsWith('ies') ? `${segment.slice(0, -3)}y` : segment.endsWith('s') ? segment.slice(0, -1) : segment;
}

function takeSymbol(scope: FileScope, base: string): string {
  const clean = base.replace(/[^A-Za-z0-9_]/g, '') || 'resource';
  let candidate = isBicepKeyword(clean) ? `${clean}Resource` : clean;
  for (let n = 2; scope.taken.has(candidate.toLowerCase()); n++) candidate = `${clean}${n}`;
  scope.taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Resource kinds with their own partial; any other kind goes through `child`, which renders every field an
 * ArmResource can carry (so a kind added to the model later is never rendered with fields missing).
 */
const KIND_PARTIALS: ReadonlySet<string> = new Set(['automationAccount', 'userAssignedIdentity', 'federatedIdentityCredential', 'roleAssignment', 'child']);

function resourceView(r: ArmResource, scope: FileScope, scopeSymbol: string | undefined): Declaration {
  const refs = new Set<string>();
  const conv = (e: Expr | undefined): Expr | undefined => {
    if (!e) return undefined;
    const b = bicepExpr(e, scope);
    for (const s of b.refs) refs.add(s);
    return b.expr;
  };
  const name = conv(r.parent ? r.parent.name : r.name)!;
  if (r.parent) refs.add(r.parent.symbol);
  if (scopeSymbol) refs.add(scopeSymbol);
  const view = {
    partial: KIND_PARTIALS.has(r.kind) ? r.kind : 'child',
    symbol: r.symbol,
    typeApi: `${r.type}@${r.apiVersion}`,
    name,
    condition: conv(r.condition),
    ...(r.parent ? { parent: bicepRaw(r.parent.symbol) } : {}),
    ...(scopeSymbol ? { scope: bicepRaw(scopeSymbol) } : {}),
    location: conv(r.location),
    tags: conv(r.tags),
    sku: conv(r.sku),
    identity: conv(r.identity),
    properties: conv(r.properties),
  };
  return { ...view, dependsOn: explicitDependsOn(r, refs) };
}

/** dependsOn entries Bicep does not infer from a symbol reference (the no-unnecessary-dependson rule). */
function explicitDependsOn(r: ArmResource, refs: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const d of r.dependsOn) if (!refs.has(d.symbol) && !out.includes(d.symbol)) out.push(d.symbol);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Nested deployments -> modules.
// ---------------------------------------------------------------------------------------------------------------

const RA_TYPE = 'Microsoft.Authorization/roleAssignments';
const RESOURCE_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/([^/]+\/[^/]+)\/[^/]+((?:\/[^/]+\/[^/]+)*)$/i;
const MODULE_PARAMETERS = ['roleAssignmentName', 'roleDefinitionId', 'principalId'];
const DESCRIPTION_PARAMETER = 'roleAssignmentDescription';

function moduleView(r: ArmResource, scope: FileScope, modules: Map<string, string>): Declaration {
  const d = r.deployment;
  const where = `${scope.where}: nested deployment '${r.symbol}'`;
  if (!d) throw new Error(`internal error: ${where} has no deployment`);
  const inner = innerRoleAssignment(d.template, where);
  const byName = new Map(d.parameters.map((p) => [p.name, p.value]));
  const resourceScoped = byName.has('scope');
  const expected = [...MODULE_PARAMETERS, ...(resourceScoped ? ['scope'] : [])];
  if (d.parameters.length !== expected.length || !expected.every((n) => byName.has(n))) {
    throw new BicepUnsupportedError(`${where}: armgen's Bicep role-assignment modules take ${expected.join(', ')}; this deployment passes ${d.parameters.map((p) => p.name).join(', ')}`);
  }
  if ((d.target === 'subscription') !== (d.template.schema === SUBSCRIPTION_TEMPLATE_SCHEMA) || (d.target === 'resourceGroup' && d.template.schema !== TEMPLATE_SCHEMA)) {
    throw new Error(`internal error: ${where} targets a ${d.target} with an inner template of schema ${d.template.schema}`);
  }
  let path = d.bicepModule;
  let module: ModuleTemplateView;
  if (d.target === 'subscription') {
    module = { targetScope: 'subscription', roleAssignmentTypeApi: `${RA_TYPE}@${inner.apiVersion}` };
  } else if (resourceScoped) {
    // Bicep scopes a role assignment to a declared resource, never to an ID string, and an `existing`
    // declaration needs its type at compile time: one module file per scope type, the name taken from the ID.
    const type = scopeResourceType(byName.get('scope')!, where);
    const known = existingApiVersion(type, where);
    path = d.bicepModule.replace(/\.bicep$/, `.${known.type.replace(/^Microsoft\./i, '').replace(/\//g, '.')}.bicep`);
    module = {
      roleAssignmentTypeApi: `${RA_TYPE}@${inner.apiVersion}`,
      scopeType: known.type,
      scopeTypeApi: `${known.type}@${known.apiVersion}`,
      scopeDescription: `Resource ID of the ${known.type} the role is assigned on; it lives in this module's resource group.`,
    };
  } else {
    module = { roleAssignmentTypeApi: `${RA_TYPE}@${inner.apiVersion}` };
  }
  const text = templates!('modules/roleAssignment.bicep')(module);
  const previous = modules.get(path);
  if (previous !== undefined && previous !== text) throw new Error(`internal error: two different module files would be written to ${path}`);
  modules.set(path, text);

  const refs = new Set<string>();
  const conv = (e: Expr): Expr => {
    const b = bicepExpr(e, scope);
    for (const s of b.refs) refs.add(s);
    return b.expr;
  };
  const params = obj([
    ...expected.map((n) => [n, conv(byName.get(n)!)] as const),
    ...(inner.description !== undefined ? [[DESCRIPTION_PARAMETER, inner.description] as const] : []),
  ]);
  const moduleScope =
    d.target === 'subscription'
      ? d.subscriptionId && armExpressionText(d.subscriptionId) !== DEPLOYMENT_SUBSCRIPTION_ID
        ? call('subscription', d.subscriptionId)
        : call('subscription')
      : resourceGroupScope(d.subscriptionId, d.resourceGroup);
  if (!moduleScope) throw new Error(`internal error: ${where} targets a resource group but names none`);
  return {
    partial: 'module',
    symbol: r.symbol,
    path,
    name: conv(r.name),
    scope: conv(moduleScope),
    params,
    dependsOn: explicitDependsOn(r, refs),
  };
}

interface ModuleTemplateView {
  readonly targetScope?: string;
  readonly roleAssignmentTypeApi: string;
  readonly scopeType?: string;
  readonly scopeTypeApi?: string;
  readonly scopeDescription?: string;
}

/**
 * The inner template of a nested deployment must be exactly what the generic module files deploy (one role
 * assignment from the parameters, principalType ServicePrincipal, optional literal description): anything
 * else would deploy something different, so it is an error rather than a silent approximation.
 */
function innerRoleAssignment(t: TemplateModel, where: string): { apiVersion: string; description?: Expr } {
  const [ra, ...rest] = t.resources;
  const fail = (why: string): never => {
    throw new BicepUnsupportedError(`${where}: Bicep output expresses nested deployments through armgen's role-assignment modules only; ${why}`);
  };
  if (!ra || rest.length > 0 || ra.type !== RA_TYPE) return fail('the inner template must hold exactly one role assignment');
  if (t.outputs.length > 0 || t.existing.length > 0) return fail('the inner template must have no outputs or existing resources');
  const props = ra.properties?.k === 'obj' ? ra.properties.entries : fail('the role assignment has no properties');
  const get = (k: string) => props.find((en) => en.key === k)?.value;
  const isParam = (e: Expr | undefined, n: string) => e?.k === 'param' && e.name === n;
  if (!isParam(ra.name, 'roleAssignmentName') || !isParam(get('roleDefinitionId'), 'roleDefinitionId') || !isParam(get('principalId'), 'principalId')) {
    fail('the role assignment must take its name, roleDefinitionId and principalId from the parameters');
  }
  const principalType = get('principalType');
  if (principalType?.k !== 'str' || principalType.v !== 'ServicePrincipal') fail("the role assignment must have principalType 'ServicePrincipal'");
  if (ra.scope && !isParam(ra.scope, 'scope')) fail('the role assignment scope must be the scope parameter');
  const description = get('description');
  if (description !== undefined && description.k !== 'str') fail('the role assignment description must be a literal');
  const other = props.filter((en) => typeof en.key !== 'string' || !['roleDefinitionId', 'principalId', 'principalType', 'description'].includes(en.key));
  if (other.length > 0) fail(`unexpected role assignment properties ${other.map((en) => String(en.key)).join(', ')}`);
  return { apiVersion: ra.apiVersion, ...(description ? { description } : {}) };
}

/** The resource type of a resource-scope target, known at generation time (a literal ID or resourceId(...)). */
function scopeResourceType(value: Expr, where: string): string {
  const v = value.k === 'dual' ? value.arm : value;
  if (v.k === 'str') {
    const m = RESOURCE_ID.exec(v.v);
    if (m && !m[2]) return m[1]!;
    if (m) throw new BicepUnsupportedError(`${where}: the scope ${v.v} is a child resource; armgen's Bicep output supports role assignments on top-level resources only`);
  }
  if (v.k === 'call' && v.fn === 'resourceId') {
    const typeIndex = v.args.findIndex((a) => a.k === 'str' && a.v.includes('/'));
    const typeArg = v.args[typeIndex];
    if (typeArg?.k === 'str' && v.args.length - typeIndex === 2 && typeArg.v.split('/').length === 2) return typeArg.v;
  }
  throw new BicepUnsupportedError(
    `${where}: the role assignment's scope is ${armExpressionText(v)}, whose resource type is not known when the Bicep file is written; ` +
      `Bicep needs it at compile time for the 'existing' declaration of the scope. Give the scope as type + name (+ resourceGroup, subscriptionId), or use --format arm.`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Expressions: symbol references instead of resourceId(), interpolation instead of format().
// ---------------------------------------------------------------------------------------------------------------

/** An expression in its Bicep shape, plus the symbols it references (for implied dependencies). */
function bicepExpr(e: Expr, scope: FileScope): { expr: Expr; refs: Set<string> } {
  const refs = new Set<string>();
  const expr = rewrite(e, scope, refs);
  return { expr, refs };
}

function rewrite(e: Expr, scope: FileScope, refs: Set<string>): Expr {
  switch (e.k) {
    case 'dual':
      return rewrite(e.bicep, scope, refs);
    case 'bicepRaw': {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(e.text);
      if (m) refs.add(m[0]);
      return e;
    }
    case 'obj':
      return { k: 'obj', entries: e.entries.map((en) => ({ key: typeof en.key === 'string' ? en.key : rewrite(en.key, scope, refs), value: rewrite(en.value, scope, refs) })) };
    case 'arr':
      return { k: 'arr', items: e.items.map((i) => rewrite(i, scope, refs)) };
    case 'member':
      return { k: 'member', target: rewrite(e.target, scope, refs), path: e.path };
    case 'index':
      return { k: 'index', target: rewrite(e.target, scope, refs), index: rewrite(e.index, scope, refs) };
    case 'call': {
      if (e.fn === 'resourceId') {
        const symbol = scope.ids.get(armExpressionText(e));
        if (symbol) {
          refs.add(symbol);
          return bicepRaw(`${symbol}.id`);
        }
      }
      const args = e.args.map((a) => rewrite(a, scope, refs));
      return interpolation(e.fn, args) ?? bicepSyntax(e.fn, args) ?? { k: 'call', fn: e.fn, args };
    }
    default:
      return e;
  }
}

/**
 * `format('ra-{0}', x)` -> `'ra-${x}'`: what Bicep authors write, and what Bicep compiles back to the same
 * format() call. Only for patterns made of literal text and `{N}` holes (no `{{`, no format specifiers).
 */
function interpolation(fn: string, args: readonly Expr[]): Expr | undefined {
  if (fn !== 'format' || args[0]?.k !== 'str') return undefined;
  const pattern = args[0].v;
  const parts = pattern.split(/\{(\d+)\}/);
  const literal = parts.filter((_, i) => i % 2 === 0);
  if (literal.some((l) => l.includes('{') || l.includes('}'))) return undefined;
  const pieces: Expr[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) {
      pieces.push(str(parts[i]!));
      continue;
    }
    const hole = args[Number(parts[i]) + 1];
    if (!hole) return undefined;
    pieces.push(hole);
  }
  return interpolate(pieces);
}

/**
 * Literal pieces and expression holes as one Bicep string: literal holes are folded into the text (no
 * `${'x'}`), and a result with no expression left is a plain string literal. A literal part that ends in `$`
 * before a hole still reads right: `$` escapes only before `{`.
 */
function interpolate(pieces: readonly Expr[]): Expr {
  const merged: Expr[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (p.k === 'str' && last?.k === 'str') merged[merged.length - 1] = str(last.v + p.v);
    else merged.push(p);
  }
  if (merged.length === 1 && merged[0]!.k === 'str') return merged[0]!;
  if (merged.length === 0) return str('');
  return bicepRaw(`'${merged.map((p) => (p.k === 'str' ? bicepString(p.v).slice(1, -1) : `\${${toBicepFlat(p)}}`)).join('')}'`);
}

const OPERATORS: Readonly<Record<string, string>> = { add: '+', sub: '-', mul: '*', div: '/', mod: '%' };

/**
 * ARM functions Bicep spells as syntax (BCP069/BCP101 otherwise): createArray -> `[...]`, createObject ->
 * `{...}`, add/sub/mul/div/mod -> operators, and string concat() -> interpolation (prefer-interpolation).
 */
function bicepSyntax(fn: string, args: readonly Expr[]): Expr | undefined {
  if (fn === 'createArray') return { k: 'arr', items: args };
  if (fn === 'createObject') {
    const entries = [];
    for (let i = 0; i + 1 < args.length; i += 2) entries.push({ key: args[i]!.k === 'str' ? (args[i] as { v: string }).v : args[i]!, value: args[i + 1]! });
    return { k: 'obj', entries };
  }
  const op = OPERATORS[fn];
  if (op && args.length === 2) return bicepRaw(`${operand(args[0]!)} ${op} ${operand(args[1]!)}`);
  if (fn === 'concat' && args.some((a) => a.k === 'str') && !args.some((a) => a.k === 'arr' || a.k === 'obj')) return interpolate(args);
  return undefined;
}

/** An operand of a binary operator: parenthesised unless it is an atom or a call. */
function operand(e: Expr): string {
  const text = toBicepFlat(e);
  return e.k === 'bicepRaw' && / [-+*/%] /.test(text) && !text.startsWith("'") ? `(${text})` : text;
}

/** One `#disable-next-line` comment for several codes. */
function mergeSuppressions(comment: string | undefined, code: string | undefined): string | undefined {
  if (!code) return comment;
  return comment ? `${comment} ${code}` : `#disable-next-line ${code}`;
}

/** Every identifier the declarations reference: parameters and the symbols inside raw Bicep text. */
function collectIdentifiers(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) collectIdentifiers(v, out);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const e = value as Partial<Expr> & Record<string, unknown>;
  if (e.k === 'param') out.add((value as { name: string }).name);
  if (e.k === 'bicepRaw') {
    // Identifiers outside string literals (interpolation holes included).
    const text = (value as { text: string }).text.replace(/'(?:[^'\\$]|\\.|\$(?!\{))*'/g, ' ');
    for (const m of text.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) out.add(m[0]);
    for (const m of (value as { text: string }).text.matchAll(/\$\{([^}]*)\}/g)) for (const id of m[1]!.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) out.add(id[0]);
  }
  for (const v of Object.values(value as object)) collectIdentifiers(v, out);
}

/** Every function name a file calls (a parameter of the same name would shadow it). */
function collectFunctions(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) collectFunctions(v, out);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const e = value as Partial<Expr> & Record<string, unknown>;
  if (e.k === 'call') out.add((value as { fn: string }).fn);
  if (e.k === 'bicepRaw') for (const m of (value as { text: string }).text.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\(/g)) out.add(m[1]!);
  for (const v of Object.values(value as object)) collectFunctions(v, out);
}

// ---------------------------------------------------------------------------------------------------------------
// Parameter files.
// ---------------------------------------------------------------------------------------------------------------

const KEY_VAULT_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.KeyVault\/vaults\/([^/]+)$/i;

/**
 * One `param` per value of the ARM parameter file. A .bicepparam must also assign every parameter that has no
 * default (BCP258), where an ARM parameter file may leave it to the deployment command: those read an
 * environment variable (`readEnvironmentVariable('SQL_PASSWORD')`), the Bicep way to hand a secret in from a
 * pipeline, and `bicep build-params` names the variable when it is missing (BCP427).
 */
function parameterFileView(file: ParameterFileModel, parameters: readonly TemplateParameter[]): unknown {
  const declared = new Set(parameters.map((p) => p.name));
  const values = file.values.map((v) => {
    if (!declared.has(v.name)) throw new Error(`internal error: parameter file sets '${v.name}', which main.bicep does not declare`);
    let value: Expr;
    if (v.keyVaultReference) {
      const ref = v.keyVaultReference;
      const m = KEY_VAULT_ID.exec(ref.vaultId);
      if (!m) throw new BicepUnsupportedError(`parameter '${v.name}': keyVaultReference.vaultId ${JSON.stringify(ref.vaultId)} is not a Key Vault resource ID (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>)`);
      value = call('az.getSecret', str(m[1]!), str(m[2]!), str(m[3]!), str(ref.secretName), ...(ref.secretVersion ? [str(ref.secretVersion)] : []));
    } else if (v.value) {
      value = v.value;
    } else {
      throw new Error(`internal error: parameter file value '${v.name}' has neither value nor keyVaultReference`);
    }
    return { name: v.name, value, column: `param ${v.name} = `.length };
  });
  const given = new Set(file.values.map((v) => v.name));
  for (const p of parameters) {
    if (p.defaultValue !== undefined || given.has(p.name)) continue;
    values.push({ name: p.name, value: call('readEnvironmentVariable', str(environmentVariableName(p.name))), column: `param ${p.name} = `.length });
  }
  return { values };
}

/** `sqlPassword` -> `SQL_PASSWORD`. */
export function environmentVariableName(parameter: string): string {
  return parameter
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}
