/**
 * Deploy-time expressions in the config: `{ expr: "dateTimeAdd(utcNow('u'), 'P1D')" }`. The text is ARM expression
 * syntax (the brackets may be left out), parsed by the same parser lint uses, and converted to the model's
 * expression tree, so both printers spell it in their own language. Only the functions of the place's table are
 * accepted; `parameters('x')` becomes a reference to the declared parameter x.
 */
import { callsIn, isExpression, parseExpression, type ExprNode } from '../azure/armExpression.js';
import type { ExprType, FunctionTable } from '../azure/templateFunctions.js';
import { bool, call, index, member, nul, num, param, str, type Expr } from '../model/expr.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';

/** `{ expr: ... }`: an object whose only key is `expr`. */
export function isExprRef(value: unknown): value is { expr: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && Object.hasOwn(value, 'expr');
}

/** Where an expression is converted: the functions allowed there, and the parameters it may read. */
export interface ExprScope {
  readonly functions: FunctionTable;
  /** Where the table applies, for messages ("a parameter's defaultValue"). */
  readonly place: string;
  /** The type of a declared parameter, or undefined; absent where `parameters()` is not allowed. */
  readonly parameterType?: (name: string) => ExprType | undefined;
}

export type Converted = { readonly ok: true; readonly expr: Expr; readonly type: ExprType; readonly parameters: readonly string[] } | { readonly ok: false; readonly error: string };

class ExprError extends Error {}

/** Parse and convert an `{ expr }` text; the error says what is wrong and what the place allows. */
export function convertExpression(text: string, scope: ExprScope): Converted {
  const source = isExpression(text.trim()) ? text.trim() : `[${text}]`;
  const parsed = parseExpression(source);
  if (!parsed.ok) return { ok: false, error: `cannot parse the expression: ${parsed.error}` };
  const parameters: string[] = [];
  try {
    const { expr, type } = convert(parsed.node, scope, parameters);
    return { ok: true, expr, type, parameters };
  } catch (err) {
    if (err instanceof ExprError) return { ok: false, error: err.message };
    throw err;
  }
}

function convert(node: ExprNode, scope: ExprScope, parameters: string[]): { expr: Expr; type: ExprType } {
  switch (node.k) {
    case 'str':
      return { expr: str(node.v), type: 'string' };
    case 'num':
      if (!Number.isSafeInteger(node.v)) throw new ExprError(`${node.v} is not an integer: ARM numbers are 64-bit integers`);
      return { expr: num(node.v), type: 'int' };
    case 'lit':
      return node.v === 'null' ? { expr: nul, type: 'any' } : { expr: bool(node.v === 'true'), type: 'bool' };
    case 'member': {
      const target = convert(node.target, scope, parameters).expr;
      const expr = target.k === 'member' ? member(target.target, ...target.path, node.name) : member(target, node.name);
      return { expr, type: 'any' };
    }
    case 'index':
      return { expr: index(convert(node.target, scope, parameters).expr, convert(node.index, scope, parameters).expr), type: 'any' };
    case 'call':
      return convertCall(node, scope, parameters);
    default:
      throw new ExprError('unsupported expression');
  }
}

function convertCall(node: Extract<ExprNode, { k: 'call' }>, scope: ExprScope, parameters: string[]): { expr: Expr; type: ExprType } {
  if (node.name.toLowerCase() === 'parameters') {
    const arg = node.args[0];
    if (!scope.parameterType) throw new ExprError(`parameters() is not allowed in ${scope.place}`);
    if (node.args.length !== 1 || arg?.k !== 'str') throw new ExprError("parameters() takes one parameter name as a string literal: parameters('name')");
    const type = scope.parameterType(arg.v);
    if (!type) throw new ExprError(`parameters('${arg.v}') names no declared parameter (names are compared exactly: Bicep is case-sensitive)`);
    parameters.push(arg.v);
    return { expr: param(arg.v), type };
  }
  const f = scope.functions.get(node.name.toLowerCase());
  if (!f) {
    const names = [...scope.functions.values()].map((x) => x.name);
    const hint = suggestionHint(didYouMean(node.name, names));
    throw new ExprError(`${node.name}() is not allowed in ${scope.place}.${hint} Allowed: ${[...names, 'parameters'].join(', ')}`);
  }
  if (node.args.length < f.minArgs || node.args.length > f.maxArgs) {
    const expected = f.minArgs === f.maxArgs ? `${f.minArgs}` : `${f.minArgs}-${f.maxArgs}`;
    throw new ExprError(`${f.name}() takes ${expected} argument${expected === '1' ? '' : 's'}, not ${node.args.length}`);
  }
  return { expr: call(f.name, ...node.args.map((a) => convert(a, scope, parameters).expr)), type: f.returns };
}

/**
 * True for a literal string that ARM would evaluate if it were written into a template as it is: `[fn(...)]`.
 * armgen keeps such strings literal (ARM JSON escapes them as `[[...]`), which is rarely what was meant.
 */
export function looksLikeExpression(value: string): boolean {
  if (!isExpression(value)) return false;
  const parsed = parseExpression(value);
  return parsed.ok && callsIn(parsed.node).length > 0;
}

/** JSON pointers of the config's strings that look like expressions (the text inside `{ expr }` aside). */
export function expressionLookalikes(value: unknown, pointer = ''): string[] {
  if (typeof value === 'string') return looksLikeExpression(value) ? [pointer] : [];
  if (typeof value !== 'object' || value === null || isExprRef(value)) return [];
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  return entries.flatMap(([key, v]) => expressionLookalikes(v, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`));
}
