import type { ResourceRef } from './resourceRef.js';

/**
 * A language-neutral expression tree: the only way a value reaches a rendered file. Resolve builds it; the ARM
 * printer (render/arm/) and the Bicep printer (render/bicep/) each write their own native syntax from it, so
 * escaping lives in one function per language and a config value can never become an expression by accident:
 * user text only ever enters as a `str` leaf.
 */
export type Expr =
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'bool'; readonly v: boolean }
  | { readonly k: 'null' }
  | { readonly k: 'obj'; readonly entries: readonly ObjEntry[] }
  | { readonly k: 'arr'; readonly items: readonly Expr[] }
  | { readonly k: 'param'; readonly name: string }
  /** A function both languages spell the same way (`guid`, `uri`, `split`, `subscriptionResourceId`...); ARM's `not(x)` is Bicep's `!x`. */
  | { readonly k: 'call'; readonly fn: string; readonly args: readonly Expr[] }
  | { readonly k: 'member'; readonly target: Expr; readonly path: readonly string[] }
  | { readonly k: 'index'; readonly target: Expr; readonly index: Expr }
  /** A resource armgen knows (created or existing) and what is read from it. */
  | { readonly k: 'ref'; readonly res: ResourceRef; readonly prop: RefProp }
  /** String interpolation: ARM `format('a{0}', x)`, Bicep `'a${x}'`. */
  | { readonly k: 'interp'; readonly parts: readonly (string | Expr)[] }
  /** A binary operator: ARM `sub(a, b)`, Bicep `a - b`. */
  | { readonly k: 'op'; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr }
  /** A conditional: ARM `if(t, a, b)`, Bicep `t ? a : b`. */
  | { readonly k: 'cond'; readonly test: Expr; readonly then: Expr; readonly else: Expr };

/**
 * What an expression reads from a resource:
 * - `resource`: the resource itself where a language wants one (ARM: its ID; Bicep: its symbol, for `scope:`,
 *   `parent:` and `dependsOn`);
 * - `id`: its resource ID (ARM `resourceId(...)`, Bicep `sym.id`);
 * - `properties`: a runtime property (ARM `reference(id, api).a.b`, Bicep `sym.properties.a.b`);
 * - `full`: a top-level runtime property such as `identity.principalId` (ARM `reference(id, api, 'full').identity...`).
 */
export type RefProp =
  | 'resource'
  | 'id'
  | { readonly properties: readonly string[] }
  | { readonly full: readonly string[] };

export type BinaryOperator = '+' | '-' | '*' | '/' | '%';

/** An object entry; the key is a literal or, for `userAssignedIdentities`, an expression. */
export interface ObjEntry {
  readonly key: string | Expr;
  readonly value: Expr;
}

export const str = (v: string): Expr => ({ k: 'str', v });
export const num = (v: number): Expr => ({ k: 'num', v });
export const bool = (v: boolean): Expr => ({ k: 'bool', v });
export const nul: Expr = { k: 'null' };
export const param = (name: string): Expr => ({ k: 'param', name });
export const call = (fn: string, ...args: Expr[]): Expr => ({ k: 'call', fn, args });
export const member = (target: Expr, ...path: string[]): Expr => ({ k: 'member', target, path });
export const index = (target: Expr, i: Expr): Expr => ({ k: 'index', target, index: i });
export const arr = (items: readonly Expr[]): Expr => ({ k: 'arr', items });
export const ref = (res: ResourceRef, prop: RefProp): Expr => ({ k: 'ref', res, prop });
export const op = (operator: BinaryOperator, left: Expr, right: Expr): Expr => ({ k: 'op', op: operator, left, right });
export const cond = (test: Expr, then: Expr, otherwise: Expr): Expr => ({ k: 'cond', test, then, else: otherwise });

/** Interpolation with adjacent literals merged; a result without holes is a plain string. */
export function interp(...parts: readonly (string | Expr)[]): Expr {
  const merged: (string | Expr)[] = [];
  for (const p of parts) {
    const text = typeof p === 'string' ? p : p.k === 'str' ? p.v : undefined;
    const last = merged[merged.length - 1];
    if (text !== undefined && typeof last === 'string') merged[merged.length - 1] = last + text;
    else merged.push(text ?? p);
  }
  const only = merged[0];
  if (merged.length === 0) return str('');
  if (merged.length === 1 && typeof only === 'string') return str(only);
  return { k: 'interp', parts: merged.filter((p) => p !== '') };
}

/** Build an object, dropping entries whose value is `undefined` (absent, not null). */
export function obj(entries: Record<string, Expr | undefined> | readonly (readonly [string | Expr, Expr | undefined])[]): Expr {
  const list = Array.isArray(entries) ? entries : Object.entries(entries);
  const kept: ObjEntry[] = [];
  for (const [key, value] of list as readonly (readonly [string | Expr, Expr | undefined])[]) {
    if (value !== undefined) kept.push({ key, value });
  }
  return { k: 'obj', entries: kept };
}

/** Convert a plain JSON value (from config) into a literal tree; object keys are sorted by code unit. */
export function fromJson(value: unknown): Expr {
  if (value === null) return nul;
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number') return num(value);
  if (typeof value === 'boolean') return bool(value);
  if (Array.isArray(value)) return arr(value.map(fromJson));
  if (typeof value === 'object') {
    const keys = Object.keys(value as object).sort(compareCodeUnits);
    return obj(keys.map((k) => [k, fromJson((value as Record<string, unknown>)[k])] as const));
  }
  throw new Error(`fromJson: unsupported value of type ${typeof value}`);
}

/** The direct sub-expressions of a node (object keys that are expressions included). */
export function children(e: Expr): readonly Expr[] {
  switch (e.k) {
    case 'obj':
      return e.entries.flatMap((en) => (typeof en.key === 'string' ? [en.value] : [en.key, en.value]));
    case 'arr':
      return e.items;
    case 'call':
      return e.args;
    case 'member':
      return [e.target];
    case 'index':
      return [e.target, e.index];
    case 'interp':
      return e.parts.filter((p): p is Expr => typeof p !== 'string');
    case 'op':
      return [e.left, e.right];
    case 'cond':
      return [e.test, e.then, e.else];
    case 'str':
    case 'num':
    case 'bool':
    case 'null':
    case 'param':
    case 'ref':
      return [];
    default:
      return assertNever(e);
  }
}

/** Every node of a tree, depth first, parents before children. */
export function* walk(e: Expr): Generator<Expr> {
  yield e;
  for (const c of children(e)) yield* walk(c);
}

/** Sort by UTF-16 code units, never by locale, so output is identical on every machine. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function assertNever(x: never): never {
  throw new Error(`unexpected variant: ${JSON.stringify(x)}`);
}
