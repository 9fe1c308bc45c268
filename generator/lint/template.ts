import { isExpression, parseExpression, type ExprNode } from './expression.js';
import type { Segment } from './jsonPath.js';
import { isObject, type JsonObject, type JsonValue } from './types.js';

export const DEPLOYMENTS_TYPE = 'microsoft.resources/deployments';

/**
 * One template in a file: the main template, or the inline `properties.template` of a nested
 * deployment. Nested templates with `expressionEvaluationOptions.scope: inner` have their own
 * parameters; outer-scoped ones see their parent's (ARM docs, linked-templates.md "Expression evaluation scope").
 */
export interface TemplateInfo {
  readonly template: JsonObject;
  readonly path: readonly Segment[];
  /** Its resources, child resources included (listResources). */
  readonly resources: readonly ResourceInfo[];
  /** The template whose `parameters`/`variables` this one's expressions resolve against. */
  readonly scope: TemplateInfo;
  readonly parent?: TemplateInfo;
}

export interface ResourceInfo {
  readonly resource: JsonObject;
  readonly path: readonly Segment[];
  /** `Parent/child` types of nested child resources joined, as ARM does. */
  readonly fullType: string;
}

/** Every template in the file: the root first, then nested ones, depth first. */
export function collectTemplates(root: JsonObject): TemplateInfo[] {
  const out: TemplateInfo[] = [];
  const visit = (template: JsonObject, path: readonly Segment[], parent: TemplateInfo | undefined, inner: boolean): void => {
    const info: { -readonly [K in keyof TemplateInfo]: TemplateInfo[K] } = { template, path, resources: listResources(template, path), ...(parent ? { parent } : {}), scope: parent?.scope as TemplateInfo };
    if (!parent || inner) info.scope = info; // the root and inner-scoped templates are their own scope
    out.push(info);
    for (const r of info.resources) {
      const nested = nestedTemplate(r);
      if (nested) visit(nested.template, nested.path, info, nested.inner);
    }
  };
  visit(root, [], undefined, true);
  return out;
}

/** A deployment resource's inline template, if it has one. */
export function nestedTemplate(r: ResourceInfo): { template: JsonObject; path: Segment[]; inner: boolean } | undefined {
  if (r.fullType.toLowerCase() !== DEPLOYMENTS_TYPE) return undefined;
  const props = r.resource.properties;
  if (!isObject(props) || !isObject(props.template)) return undefined;
  const options = props.expressionEvaluationOptions;
  const inner = isObject(options) && typeof options.scope === 'string' && options.scope.toLowerCase() === 'inner';
  return { template: props.template, path: [...r.path, 'properties', 'template'], inner };
}

/** The template's resources, child resources (`resources` inside a resource) included. */
function listResources(template: JsonObject, path: readonly Segment[]): ResourceInfo[] {
  const out: ResourceInfo[] = [];
  const walk = (list: JsonValue | undefined, at: readonly Segment[], parentType: string | undefined): void => {
    const entries: [Segment, JsonValue][] = Array.isArray(list) ? list.map((v, i) => [i, v]) : isObject(list) ? Object.entries(list) : [];
    for (const [key, resource] of entries) {
      if (!isObject(resource)) continue;
      const type = typeof resource.type === 'string' ? resource.type : '';
      const fullType = parentType && !type.includes('/') ? `${parentType}/${type}` : type;
      const rPath = [...at, key];
      out.push({ resource, path: rPath, fullType });
      if (resource.resources !== undefined) walk(resource.resources, [...rPath, 'resources'], fullType);
    }
  };
  walk(template.resources, [...path, 'resources'], undefined);
  return out;
}

/** The template's parameter declarations (names as written). */
export function declaredParameters(template: JsonObject): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  if (isObject(template.parameters)) for (const [k, v] of Object.entries(template.parameters)) if (isObject(v)) out.set(k, v);
  return out;
}

export function isSecureType(type: JsonValue | undefined): boolean {
  return typeof type === 'string' && (type.toLowerCase() === 'securestring' || type.toLowerCase() === 'secureobject');
}

/** A string in the JSON (a value or an object key) with where it is. */
export interface StringSite {
  readonly value: string;
  readonly path: readonly Segment[];
  readonly isKey: boolean;
}

/**
 * Every string (values and keys) under `value`. `skip` stops the walk at an object (used to leave out
 * nested templates that have their own scope).
 */
export function stringsIn(value: JsonValue, path: readonly Segment[], skip?: (obj: JsonObject, path: readonly Segment[]) => boolean): readonly StringSite[] {
  // Several rules walk a whole file: walk it once (the parsed file is not changed while rules run).
  const whole = !skip && path.length === 0 && typeof value === 'object' && value !== null;
  if (whole) {
    const hit = wholeFileStrings.get(value);
    if (hit) return hit;
  }
  const out: StringSite[] = [];
  const walk = (v: JsonValue, at: readonly Segment[]): void => {
    if (typeof v === 'string') out.push({ value: v, path: at, isKey: false });
    else if (Array.isArray(v)) v.forEach((item, i) => walk(item, [...at, i]));
    else if (isObject(v)) {
      if (skip?.(v, at)) return;
      for (const [k, child] of Object.entries(v)) {
        const keyPath = [...at, k]; // paths are never changed: the key and its value share one
        out.push({ value: k, path: keyPath, isKey: true });
        walk(child, keyPath);
      }
    }
  };
  walk(value, path);
  if (whole) wholeFileStrings.set(value, out);
  return out;
}

const wholeFileStrings = new WeakMap<object, readonly StringSite[]>();

/**
 * The strings whose expressions resolve in `info`'s parameter scope: the template itself and its
 * outer-scoped nested templates, but not inner-scoped nested templates (their own scope).
 */
export function scopeStrings(info: TemplateInfo, all: readonly TemplateInfo[]): readonly StringSite[] {
  const ownScopeChildren = new Set(all.filter((t) => t !== info && t.scope === t && isDescendant(t, info)).map((t) => t.template));
  return stringsIn(info.template, info.path, (obj) => ownScopeChildren.has(obj));
}

function isDescendant(t: TemplateInfo, ancestor: TemplateInfo): boolean {
  for (let p = t.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** Strings under one template only: nested templates (of either scope) are left out. */
export function ownStrings(info: TemplateInfo, all: readonly TemplateInfo[]): readonly StringSite[] {
  const nested = new Set(all.filter((t) => t.parent === info).map((t) => t.template));
  return stringsIn(info.template, info.path, (obj) => nested.has(obj));
}

/** Parse a string site if it is an expression; undefined for literals and unparsable text. */
export function expressionOf(s: string): ExprNode | undefined {
  if (!isExpression(s)) return undefined;
  const r = parseExpression(s);
  return r.ok ? r.node : undefined;
}
