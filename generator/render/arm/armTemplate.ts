import { CONTENT_VERSION, SUBSCRIPTION_TEMPLATE_SCHEMA, TEMPLATE_SCHEMA } from '../../azure/templateSchemas.js';
import { call, member, ref, type Expr } from '../../model/expr.js';
import type { ResourceRef } from '../../model/resourceRef.js';
import type { ModuleNode, ResourceNode, TemplateModel, TemplateNode, TemplateOutput, TemplateParameter } from '../../model/resolved.js';
import { armResourceId, escapeArmLiteral, toArmJson } from './armText.js';
import { setOwn } from '../../util/ownProperty.js';

/**
 * The ARM printer: a template model as ARM JSON values, ready for the templates' `json` helper. Property order
 * is the one Azure's own tools write. Nested deployments carry their inner template as a value built by the
 * same function, so an inner template is printed exactly like the main one.
 */
export interface ArmTemplateView {
  readonly schema: string;
  readonly contentVersion: string;
  readonly parameters: readonly ArmEntry[];
  readonly resources: readonly ArmResourceView[];
  readonly outputs: readonly ArmEntry[];
}

/** A named section entry (a parameter or output) and its JSON body. */
export interface ArmEntry {
  readonly name: string;
  readonly body: unknown;
}

/** A resource as an ordered list of its present properties. */
export interface ArmResourceView {
  readonly fields: readonly ArmEntry[];
}

export function armTemplateView(t: TemplateModel): ArmTemplateView {
  return {
    schema: t.scope === 'subscription' ? SUBSCRIPTION_TEMPLATE_SCHEMA : TEMPLATE_SCHEMA,
    contentVersion: CONTENT_VERSION,
    parameters: t.parameters.map((p) => ({ name: p.name, body: parameterBody(p) })),
    resources: t.resources.map((r) => ({ fields: resourceFields(r) })),
    outputs: t.outputs.map((o) => ({ name: o.name, body: outputBody(o) })),
  };
}

/** The same view as one JSON object (an inner template, or a test's look at the whole template). */
export function armTemplateObject(t: TemplateModel): Record<string, unknown> {
  const v = armTemplateView(t);
  return {
    $schema: v.schema,
    contentVersion: v.contentVersion,
    parameters: entries(v.parameters),
    resources: v.resources.map((r) => entries(r.fields)),
    outputs: entries(v.outputs),
  };
}

function entries(list: readonly ArmEntry[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of list) setOwn(out, e.name, e.body);
  return out;
}

function parameterBody(p: TemplateParameter): Record<string, unknown> {
  return compact({
    type: p.type,
    defaultValue: p.defaultValue === undefined ? undefined : toArmJson(p.defaultValue),
    allowedValues: p.allowedValues === undefined ? undefined : toArmJson(p.allowedValues),
    minLength: p.minLength,
    maxLength: p.maxLength,
    minValue: p.minValue,
    maxValue: p.maxValue,
    metadata: p.description === undefined ? undefined : { description: escapeArmLiteral(p.description) },
  });
}

function outputBody(o: TemplateOutput): Record<string, unknown> {
  return compact({
    type: o.type,
    metadata: o.description === undefined ? undefined : { description: escapeArmLiteral(o.description) },
    value: toArmJson(o.value),
  });
}

function resourceFields(node: TemplateNode): ArmEntry[] {
  return node.kind === 'module' ? moduleFields(node) : plainFields(node);
}

function plainFields(r: ResourceNode): ArmEntry[] {
  const { ref: res } = r;
  const name: Expr = res.id.kind === 'parts' && res.id.names.length > 1 ? childName(res.id.names) : shortNameOf(r);
  return fields({
    condition: json(r.condition),
    type: res.type,
    apiVersion: res.apiVersion,
    scope: res.extensionOf ? `[${armResourceId(res.extensionOf)}]` : undefined,
    name: toArmJson(name),
    location: json(r.location),
    tags: json(r.tags),
    sku: json(r.sku),
    identity: json(r.identity),
    properties: json(r.properties),
    dependsOn: dependsOn(r.dependsOn),
  });
}

/** A child's ARM name: its segments joined by `/` (`format('{0}/{1}', account, runbook)`). */
function childName(names: readonly Expr[]): Expr {
  return call('format', { k: 'str', v: names.map((_, i) => `{${i}}`).join('/') }, ...names);
}

function shortNameOf(r: ResourceNode): Expr {
  const id = r.ref.id;
  if (id.kind !== 'parts' || id.names.length !== 1) throw new Error(`internal error: resource '${r.ref.symbol}' has no name`);
  return id.names[0]!;
}

function moduleFields(m: ModuleNode): ArmEntry[] {
  const t = m.target;
  const subscriptionId = t.subscriptionId ?? (t.kind === 'subscription' ? member(call('subscription'), 'subscriptionId') : undefined);
  const parameters: Record<string, unknown> = {};
  for (const p of m.parameters) parameters[p.name] = { value: toArmJson(p.value) };
  return fields({
    type: 'Microsoft.Resources/deployments',
    apiVersion: m.ref.apiVersion,
    name: toArmJson(deploymentName(m)),
    subscriptionId: subscriptionId === undefined ? undefined : toArmJson(subscriptionId),
    resourceGroup: t.kind === 'resourceGroup' && t.resourceGroup ? toArmJson(t.resourceGroup) : undefined,
    location: t.kind === 'subscription' ? toArmJson(t.location) : undefined,
    properties: {
      // Inner scope: the nested template sees only its parameters, so nothing of the outer template leaks in
      // (arm-ttk "Secure Params In Nested Deployments"; learn.microsoft.com linked-templates "expression evaluation scope").
      expressionEvaluationOptions: { scope: 'Inner' },
      mode: 'Incremental',
      parameters,
      template: armTemplateObject(m.template),
    },
    dependsOn: dependsOn(m.dependsOn),
  });
}

function deploymentName(m: ModuleNode): Expr {
  if (m.ref.id.kind !== 'parts' || m.ref.id.names.length !== 1) throw new Error(`internal error: module '${m.ref.symbol}' has no name`);
  return m.ref.id.names[0]!;
}

function dependsOn(refs: readonly ResourceRef[]): unknown {
  return refs.length === 0 ? undefined : refs.map((d) => toArmJson(ref(d, 'id')));
}

/** Present fields (already ARM JSON) in the given order. */
function fields(values: Record<string, unknown>): ArmEntry[] {
  const out: ArmEntry[] = [];
  for (const [name, value] of Object.entries(values)) if (value !== undefined) out.push({ name, body: value });
  return out;
}

function json(e: Expr | undefined): unknown {
  return e === undefined ? undefined : toArmJson(e);
}

function compact(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined) out[k] = v;
  return out;
}
