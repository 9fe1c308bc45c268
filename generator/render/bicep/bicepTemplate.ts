import { arr, call, index, num, ref, str, walk, type Expr } from '../../model/expr.js';
import type { ResourceRef } from '../../model/resourceRef.js';
import type { ModuleNode, ModuleTarget, ResourceNode, TemplateModel, TemplateParameter } from '../../model/resolved.js';
import { bicepReservedKind } from '../../azure/naming.js';
import { lintCodes } from './bicepSuppressions.js';
import { isBicepIdentifier, isBicepKeyword } from './bicepText.js';

/**
 * The Bicep printer: a template model as Bicep declarations, ready for templates/bicep. Resources are symbols
 * (`parent:`, `scope:`, `dependsOn` name them), references read `sym.id` / `sym.properties.x`, and every
 * existing resource a file uses gets its `existing` declaration. Module files are chosen here, and only here.
 */
export interface BicepFileView {
  readonly targetScope?: string;
  readonly declarations: readonly BicepDeclaration[];
}

export type BicepDeclaration =
  | { readonly partial: 'parameter'; readonly decorators: readonly Decorator[]; readonly head: string; readonly value?: Expr; readonly suppress?: readonly string[] }
  | { readonly partial: 'existing'; readonly symbol: string; readonly typeApi: string; readonly props: readonly BicepProp[] }
  | { readonly partial: 'resource'; readonly symbol: string; readonly typeApi: string; readonly condition?: Expr; readonly props: readonly BicepProp[] }
  | { readonly partial: 'module'; readonly symbol: string; readonly path: string; readonly props: readonly BicepProp[] }
  | { readonly partial: 'output'; readonly decorators: readonly Decorator[]; readonly head: string; readonly value: Expr };

/** `@name(args)`; a decorator without arguments is `@name()`. */
export interface Decorator {
  readonly name: string;
  readonly args: readonly Expr[];
}

export interface BicepProp {
  readonly key: string;
  readonly value: Expr;
  /** A linter rule this line breaks on purpose (the `#disable-next-line` above it). */
  readonly suppress?: string;
}

/** A module file the main file calls: its path and the model it prints. */
export interface BicepModuleFile {
  readonly path: string;
  readonly template: TemplateModel;
}

/** Something in the model that Bicep cannot express as armgen renders it: a clear error (AG309), never a silent drop. */
export class BicepUnsupportedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BicepUnsupportedError';
  }
}

/** The declarations of one Bicep file, and the module files it calls. */
export function bicepFileView(t: TemplateModel, where: string): { view: BicepFileView; modules: BicepModuleFile[] } {
  const modules: BicepModuleFile[] = [];
  const volatile = volatileParameters(t.parameters);
  const body: BicepDeclaration[] = t.resources.map((r) => (r.kind === 'module' ? moduleDeclaration(r, modules, where) : resourceDeclaration(r, volatile)));
  const outputs: BicepDeclaration[] = t.outputs.map((o) => ({
    partial: 'output',
    decorators: o.description === undefined ? [] : [{ name: 'description', args: [str(o.description)] }],
    head: `output ${o.name} ${o.type}`,
    value: o.value,
  }));
  const used = usedRefs([...body, ...outputs]);
  const existing = t.existing.filter((e) => used.has(e)).map((e) => existingDeclaration(e, where));
  for (const r of used) if (!r.created && !t.existing.includes(r)) throw new Error(`internal error: ${where} uses existing ${r.type} '${r.symbol}' that the model does not list`);
  const rest = [...existing, ...body, ...outputs];
  // A parameter read by another parameter's default ({ expr: "parameters('x')" }) is used too.
  const usedNames = usedParams(rest, t.parameters.flatMap((p) => (p.defaultValue ? [p.defaultValue] : [])));
  const params = t.parameters.map((p) => parameterDeclaration(p, usedNames));
  checkSymbols(t, where, [...params, ...rest]);
  return { view: { ...(t.scope === 'subscription' ? { targetScope: 'subscription' } : {}), declarations: [...params, ...rest] }, modules };
}

function parameterDeclaration(p: TemplateParameter, used: ReadonlySet<string>): BicepDeclaration {
  const type = p.type === 'securestring' ? 'string' : p.type === 'secureObject' ? 'object' : p.type;
  const decorators: Decorator[] = [];
  if (p.description !== undefined) decorators.push({ name: 'description', args: [str(p.description)] });
  if (p.type === 'securestring' || p.type === 'secureObject') decorators.push({ name: 'secure', args: [] });
  if (p.allowedValues !== undefined) decorators.push({ name: 'allowed', args: [p.allowedValues] });
  for (const key of ['minLength', 'maxLength', 'minValue', 'maxValue'] as const) {
    const v = p[key];
    if (v !== undefined) decorators.push({ name: key, args: [num(v)] });
  }
  // A parameter only ARM uses stays declared so both files take the same parameters; the linter is told it is on purpose.
  const suppress = [...(p.defaultValue ? lintCodes(p.defaultValue) : []), ...(used.has(p.name) ? [] : ['no-unused-params'])];
  return { partial: 'parameter', decorators, head: `param ${p.name} ${type}`, ...(p.defaultValue ? { value: p.defaultValue } : {}), ...(suppress.length ? { suppress } : {}) };
}

/**
 * Parameters whose default is new on every deployment (newGuid(), utcNow()). A resource named from one breaks the
 * linter's use-stable-resource-identifiers on purpose: job-schedule names must change on every deployment (see
 * resolveSchedules.ts), so that one line says so.
 */
function volatileParameters(parameters: readonly TemplateParameter[]): Set<string> {
  const out = new Set<string>();
  for (const p of parameters) {
    if (p.defaultValue && [...walk(p.defaultValue)].some((n) => n.k === 'call' && (n.fn === 'newGuid' || n.fn === 'utcNow'))) out.add(p.name);
  }
  return out;
}

function resourceDeclaration(r: ResourceNode, volatile: ReadonlySet<string>): BicepDeclaration {
  const res = r.ref;
  const name = res.id.kind === 'parts' ? res.id.names[res.id.names.length - 1] : undefined;
  if (!name || !res.apiVersion) throw new Error(`internal error: resource '${res.symbol}' has no name or API version`);
  const props = compactProps({
    name,
    parent: res.parent ? ref(res.parent, 'resource') : undefined,
    scope: res.extensionOf ? ref(res.extensionOf, 'resource') : undefined,
    location: r.location,
    tags: r.tags,
    sku: r.sku,
    identity: r.identity,
    // An empty `properties: {}` (which ARM's schema wants on some types) is noise in Bicep: `bicep build` omits nothing by it.
    properties: r.properties && !(r.properties.k === 'obj' && r.properties.entries.length === 0) ? r.properties : undefined,
  });
  const unstable = [...walk(name)].some((n) => n.k === 'param' && volatile.has(n.name));
  const named = unstable ? props.map((p) => (p.key === 'name' ? { ...p, suppress: 'use-stable-resource-identifiers' } : p)) : props;
  return { partial: 'resource', symbol: res.symbol, typeApi: `${res.type}@${res.apiVersion}`, ...(r.condition ? { condition: r.condition } : {}), props: withDependsOn(named, r.dependsOn) };
}

function moduleDeclaration(m: ModuleNode, modules: BicepModuleFile[], where: string): BicepDeclaration {
  const path = modulePath(m.purpose, m.target, `${where}: module '${m.ref.symbol}'`);
  const known = modules.find((f) => f.path === path);
  if (!known) modules.push({ path, template: m.template });
  else if (known.template !== m.template && JSON.stringify(known.template) !== JSON.stringify(m.template)) {
    throw new Error(`internal error: two different module templates would be written to ${path}`);
  }
  const params = { k: 'obj', entries: m.parameters.map((p) => ({ key: p.name, value: p.value })) } as const;
  const scope = moduleScope(m.target);
  const name = m.ref.id.kind === 'parts' ? m.ref.id.names[0] : undefined;
  const props = compactProps({ name, scope, params: params.entries.length ? params : undefined });
  return { partial: 'module', symbol: m.ref.symbol, path, props: withDependsOn(props, m.dependsOn) };
}

/** `modules/<purpose>.<target>.bicep`; a resource module is per resource type, which Bicep needs at compile time. */
function modulePath(purpose: string, target: ModuleTarget, where: string): string {
  if (target.kind === 'resourceGroup' && target.resource) {
    const type = target.resource.type;
    if (!type) {
      throw new BicepUnsupportedError(
        `${where}: a ${purpose} module works on a resource whose type is known only at deployment (an ID given by parameter); Bicep needs the type at compile time for its 'existing' declaration. Give the resource as type + name (+ resourceGroup, subscriptionId) or a literal ID, or use --format arm.`,
      );
    }
    return `modules/${purpose}.resource.${type.replace(/^Microsoft\./i, '').replace(/\//g, '.')}.bicep`;
  }
  return `modules/${purpose}.${target.kind}.bicep`;
}

function moduleScope(t: ModuleTarget): Expr | undefined {
  if (t.kind === 'subscription') return t.subscriptionId ? call('subscription', t.subscriptionId) : call('subscription');
  return resourceGroupScope(t.subscriptionId, t.resourceGroup);
}

/** `resourceGroup(sub, rg)`, `resourceGroup(rg)` (same subscription), or undefined (the deployment's group). */
function resourceGroupScope(sub: Expr | undefined, rg: Expr | undefined): Expr | undefined {
  if (!rg) return undefined;
  return sub ? call('resourceGroup', sub, rg) : call('resourceGroup', rg);
}

function existingDeclaration(e: ResourceRef, where: string): BicepDeclaration {
  if (!e.apiVersion) {
    throw new BicepUnsupportedError(
      `${where}: Bicep output needs an 'existing' declaration of type '${e.type}', which armgen does not know the API version of; use --format arm for this config (or add the type to generator/azure/resourceTypes.ts)`,
    );
  }
  let name: Expr;
  let scope: Expr | undefined;
  if (e.id.kind === 'parts' && e.parent) {
    // An existing child (a Key Vault key): named under its declared parent, which carries the scope.
    const props = compactProps({ name: e.id.names[e.id.names.length - 1]!, parent: ref(e.parent, 'resource') });
    return { partial: 'existing', symbol: e.symbol, typeApi: `${e.type}@${e.apiVersion}`, props };
  }
  if (e.id.kind === 'parts') {
    if (e.id.names.length !== 1) throw new BicepUnsupportedError(`${where}: an existing child resource (${e.type}) needs its parent declared; armgen supports existing top-level resources and children of declared parents`);
    name = e.id.names[0]!;
    scope = resourceGroupScope(e.id.subscriptionId, e.id.resourceGroup);
  } else {
    // Taken apart at deployment time: /subscriptions/{2}/resourceGroups/{4}/providers/.../{last}.
    const parts = call('split', e.id.id, str('/'));
    name = call('last', parts);
    scope = e.id.inDeploymentGroup ? undefined : call('resourceGroup', index(parts, num(2)), index(parts, num(4)));
  }
  return { partial: 'existing', symbol: e.symbol, typeApi: `${e.type}@${e.apiVersion}`, props: compactProps({ name, scope }) };
}

/** dependsOn entries Bicep does not infer from a symbol reference (the no-unnecessary-dependson rule). */
function withDependsOn(props: BicepProp[], dependsOn: readonly ResourceRef[]): BicepProp[] {
  const implied = new Set<ResourceRef>();
  for (const p of props) for (const n of walk(p.value)) if (n.k === 'ref') implied.add(n.res);
  const explicit = dependsOn.filter((d, i) => !implied.has(d) && dependsOn.indexOf(d) === i);
  return explicit.length ? [...props, { key: 'dependsOn', value: arr(explicit.map((d) => ref(d, 'resource'))) }] : props;
}

function compactProps(values: Record<string, Expr | undefined>): BicepProp[] {
  return Object.entries(values)
    .filter((e): e is [string, Expr] => e[1] !== undefined)
    .map(([key, value]) => ({ key, value }));
}

/** Every expression of a declaration. */
function exprsOf(d: BicepDeclaration): Expr[] {
  switch (d.partial) {
    case 'parameter':
      return [...d.decorators.flatMap((x) => x.args), ...(d.value ? [d.value] : [])];
    case 'output':
      return [...d.decorators.flatMap((x) => x.args), d.value];
    case 'resource':
      return [...(d.condition ? [d.condition] : []), ...d.props.map((p) => p.value)];
    default:
      return d.props.map((p) => p.value);
  }
}

/** Resources referenced by the declarations (and, through given IDs and parents, by those resources). */
function usedRefs(decls: readonly BicepDeclaration[]): Set<ResourceRef> {
  const out = new Set<ResourceRef>();
  const add = (r: ResourceRef): void => {
    if (out.has(r)) return;
    out.add(r);
    if (r.parent) add(r.parent);
    if (r.extensionOf) add(r.extensionOf);
  };
  for (const d of decls) for (const e of exprsOf(d)) for (const n of walk(e)) if (n.k === 'ref') add(n.res);
  return out;
}

function usedParams(decls: readonly BicepDeclaration[], defaults: readonly Expr[]): Set<string> {
  const out = new Set<string>();
  for (const e of [...decls.flatMap(exprsOf), ...defaults]) for (const n of walk(e)) if (n.k === 'param') out.add(n.name);
  return out;
}

/**
 * The functions Bicep text printed from these expressions calls: the calls in the tree, and json(), which the
 * printer itself writes for a number with a fraction (bicepText.ts: Bicep has integer literals only). A parameter
 * of one of these names would shadow the function in its file (Bicep resolves the name to the parameter: BCP265).
 */
export function functionsCalled(exprs: Iterable<Expr>): Set<string> {
  const calls = new Set<string>();
  for (const e of exprs) {
    for (const n of walk(e)) {
      if (n.k === 'call') calls.add(n.fn);
      if (n.k === 'num' && !Number.isInteger(n.v)) calls.add('json');
    }
  }
  return calls;
}

/**
 * Identifiers must be valid, and a parameter named like a function the file calls or a decorator it uses would
 * shadow it (Bicep resolves the name to the parameter: BCP062/BCP265).
 */
function checkSymbols(t: TemplateModel, where: string, decls: readonly BicepDeclaration[]): void {
  const calls = functionsCalled(decls.flatMap(exprsOf));
  for (const d of decls) {
    if (d.partial === 'parameter' || d.partial === 'output') for (const x of d.decorators) calls.add(x.name);
  }
  for (const p of t.parameters) {
    check(p.name, `${where}: parameter`);
    // resolve refuses these for config parameters; this guards the ones armgen declares itself.
    const reserved = bicepReservedKind(p.name);
    if (reserved) throw new BicepUnsupportedError(`${where}: parameter '${p.name}' is ${reserved}; Bicep cannot declare a parameter of that name without breaking the file. Rename the parameter.`);
    if (calls.has(p.name)) {
      throw new BicepUnsupportedError(`${where}: parameter '${p.name}' has the name of the Bicep function or decorator ${p.name}(), which the file uses; Bicep would resolve it to the parameter. Rename the parameter.`);
    }
  }
  for (const r of t.resources) check(r.ref.symbol, `${where}: symbol`);
  for (const e of t.existing) check(e.symbol, `${where}: symbol`);
}

function check(name: string, what: string): void {
  if (!isBicepIdentifier(name) || isBicepKeyword(name) || name === 'az' || name === 'sys') {
    throw new BicepUnsupportedError(`${what} '${name}' is not a valid Bicep identifier (letters, digits and _; not a keyword or the az/sys namespaces)`);
  }
}
