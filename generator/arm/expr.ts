/**
 * A tiny expression tree that renders to both ARM template expressions and Bicep.
 *
 * Every value that reaches a template goes through this tree, so escaping happens in exactly one
 * place per target language (see `renderArm.ts` and `renderBicep.ts`) and a config value can never
 * become an expression by accident: user text only ever enters as a `str` leaf.
 */
export type Expr =
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'bool'; readonly v: boolean }
  | { readonly k: 'null' }
  | { readonly k: 'obj'; readonly entries: readonly ObjEntry[] }
  | { readonly k: 'arr'; readonly items: readonly Expr[] }
  | { readonly k: 'param'; readonly name: string }
  | { readonly k: 'call'; readonly fn: string; readonly args: readonly Expr[] }
  | { readonly k: 'member'; readonly target: Expr; readonly path: readonly string[] }
  | { readonly k: 'index'; readonly target: Expr; readonly index: Expr }
  /** Same value, spelled differently per language (e.g. `resourceId(...)` in ARM, `sym.id` in Bicep). */
  | { readonly k: 'dual'; readonly arm: Expr; readonly bicep: Expr }
  /** Bicep-only raw text (a symbol reference such as `uamiOne.id`); only ever inside `dual`. */
  | { readonly k: 'bicepRaw'; readonly text: string };

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
export const dual = (arm: Expr, bicep: Expr): Expr => ({ k: 'dual', arm, bicep });
export const bicepRaw = (text: string): Expr => ({ k: 'bicepRaw', text });
export const arr = (items: readonly Expr[]): Expr => ({ k: 'arr', items });

/** Build an object, dropping entries whose value is `undefined` (absent, not null). */
export function obj(entries: Record<string, Expr | undefined> | readonly (readonly [string | Expr, Expr | undefined])[]): Expr {
  const list = Array.isArray(entries) ? entries : Object.entries(entries);
  const kept: ObjEntry[] = [];
  for (const [key, value] of list as readonly (readonly [string | Expr, Expr | undefined])[]) {
    if (value !== undefined) kept.push({ key, value });
  }
  return { k: 'obj', entries: kept };
}

/** True when the tree is a plain literal: no parameter, function or symbol anywhere inside. */
export function isLiteral(e: Expr): boolean {
  switch (e.k) {
    case 'str':
    case 'num':
    case 'bool':
    case 'null':
      return true;
    case 'obj':
      return e.entries.every((en) => typeof en.key === 'string' && isLiteral(en.value));
    case 'arr':
      return e.items.every(isLiteral);
    case 'param':
    case 'call':
    case 'member':
    case 'index':
    case 'dual':
    case 'bicepRaw':
      return false;
    default:
      return assertNever(e);
  }
}

/** Convert a plain JSON value (from config) into a literal tree. */
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

/** The plain JSON value of a literal tree (throws on expressions: a bug, not a user error). */
export function toJson(e: Expr): unknown {
  switch (e.k) {
    case 'str':
    case 'num':
    case 'bool':
      return e.v;
    case 'null':
      return null;
    case 'arr':
      return e.items.map(toJson);
    case 'obj': {
      const out: Record<string, unknown> = {};
      for (const en of e.entries) {
        if (typeof en.key !== 'string') throw new Error('toJson: expression key in a literal object');
        out[en.key] = toJson(en.value);
      }
      return out;
    }
    default:
      throw new Error(`toJson: '${e.k}' is not a literal`);
  }
}

/** Sort by UTF-16 code units, never by locale, so output is identical on every machine. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function assertNever(x: never): never {
  throw new Error(`unexpected variant: ${JSON.stringify(x)}`);
}
