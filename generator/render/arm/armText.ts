import { assertNever, type Expr, type RefProp } from '../../model/expr.js';
import type { ResourceRef } from '../../model/resourceRef.js';
import { setOwn } from '../../util/ownProperty.js';

/**
 * ARM template expression syntax: the one place that escapes for ARM JSON and spells the language-neutral
 * tree in ARM functions (learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions).
 */

/**
 * Escape a literal string for a JSON template value. ARM evaluates a string that starts with `[` and
 * ends with `]` as an expression; `[[` makes it literal again. A string that starts with `[` but does not
 * end with `]` is already literal and must stay as written (ARM docs "Escape characters" in
 * template-expressions.md; Bicep's emitter does the same).
 */
export function escapeArmLiteral(value: string): string {
  return value.startsWith('[') && value.endsWith(']') ? `[${value}` : value;
}

/** Quote a string for use inside an ARM expression: single quotes, doubled to escape. */
export function armStringLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const OPERATOR_FUNCTIONS = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '%': 'mod' } as const;

/** The text of an expression as it appears between ARM's `[` and `]`. */
export function armExpressionText(e: Expr): string {
  switch (e.k) {
    case 'str':
      return armStringLiteral(e.v);
    case 'num':
      return Number.isInteger(e.v) ? String(e.v) : `json('${e.v}')`;
    case 'bool':
      return e.v ? 'true()' : 'false()';
    case 'null':
      return 'null()';
    case 'obj':
      return `createObject(${e.entries
        .flatMap((en) => [typeof en.key === 'string' ? armStringLiteral(en.key) : armExpressionText(en.key), armExpressionText(en.value)])
        .join(', ')})`;
    case 'arr':
      return `createArray(${e.items.map(armExpressionText).join(', ')})`;
    case 'param':
      return `parameters(${armStringLiteral(e.name)})`;
    case 'call':
      return `${e.fn}(${e.args.map(armExpressionText).join(', ')})`;
    case 'member':
      return armExpressionText(e.target) + memberSuffix(e.path);
    case 'index':
      return `${armExpressionText(e.target)}[${armExpressionText(e.index)}]`;
    case 'ref':
      return refText(e.res, e.prop);
    case 'interp':
      return formatCall(e.parts);
    case 'op':
      return `${OPERATOR_FUNCTIONS[e.op]}(${armExpressionText(e.left)}, ${armExpressionText(e.right)})`;
    case 'cond':
      return `if(${armExpressionText(e.test)}, ${armExpressionText(e.then)}, ${armExpressionText(e.else)})`;
    default:
      return assertNever(e);
  }
}

function memberSuffix(path: readonly string[]): string {
  return path.map((p) => (IDENTIFIER.test(p) ? `.${p}` : `[${armStringLiteral(p)}]`)).join('');
}

/**
 * Interpolation as `format()`, what Bicep compiles `'a${x}'` to; literal braces are doubled
 * (Bicep's StringFormatConverter.AppendAndEscapeCurlies).
 */
function formatCall(parts: readonly (string | Expr)[]): string {
  let pattern = '';
  const args: string[] = [];
  for (const p of parts) {
    if (typeof p === 'string') pattern += p.replace(/[{}]/g, (c) => c + c);
    else {
      pattern += `{${args.length}}`;
      args.push(armExpressionText(p));
    }
  }
  return `format(${[armStringLiteral(pattern), ...args].join(', ')})`;
}

/** The ARM ID of a resource: `resourceId(...)`, `extensionResourceId(...)`, or the ID the config gave. */
export function armResourceId(ref: ResourceRef): string {
  if (ref.id.kind === 'given') return armExpressionText(ref.id.id);
  const name = ref.id.names.map(armExpressionText);
  if (ref.extensionOf) return `extensionResourceId(${armResourceId(ref.extensionOf)}, ${armStringLiteral(ref.type)}, ${name.join(', ')})`;
  const scope = [ref.id.subscriptionId, ref.id.resourceGroup].filter((x): x is Expr => x !== undefined).map(armExpressionText);
  const fn = ref.id.subscriptionLevel ? 'subscriptionResourceId' : 'resourceId';
  return `${fn}(${[...scope, armStringLiteral(ref.type), ...name].join(', ')})`;
}

function refText(ref: ResourceRef, prop: RefProp): string {
  if (prop === 'id' || prop === 'resource') return armResourceId(ref);
  const api = ref.apiVersion;
  if (api === undefined) throw new Error(`internal error: reading ${ref.type} '${ref.symbol}' needs an API version`);
  if ('full' in prop) return `reference(${armResourceId(ref)}, ${armStringLiteral(api)}, 'full')${memberSuffix(prop.full)}`;
  return `reference(${armResourceId(ref)}, ${armStringLiteral(api)})${memberSuffix(prop.properties)}`;
}

/**
 * Render a tree as the JSON value a template holds: literals stay JSON (strings `[[`-escaped where
 * needed), anything else becomes a `"[...]"` expression string.
 */
export function toArmJson(e: Expr): unknown {
  switch (e.k) {
    case 'str':
      return escapeArmLiteral(e.v);
    case 'num':
    case 'bool':
      return e.v;
    case 'null':
      return null;
    case 'arr':
      return e.items.map(toArmJson);
    case 'obj': {
      const out: Record<string, unknown> = {};
      for (const en of e.entries) {
        const key = typeof en.key === 'string' ? escapeArmLiteral(en.key) : (toArmJson(en.key) as string);
        setOwn(out, key, toArmJson(en.value));
      }
      return out;
    }
    default:
      return `[${armExpressionText(e)}]`;
  }
}

/**
 * Render a tree for a parameter file. Parameter files are not evaluated: values are taken literally, so
 * no `[[` escaping and no expressions (ARM docs, template-expressions.md "parameter files").
 */
export function toParameterFileJson(e: Expr): unknown {
  switch (e.k) {
    case 'str':
    case 'num':
    case 'bool':
      return e.v;
    case 'null':
      return null;
    case 'arr':
      return e.items.map(toParameterFileJson);
    case 'obj': {
      const out: Record<string, unknown> = {};
      for (const en of e.entries) {
        if (typeof en.key !== 'string') throw new Error('expression key in a parameter file value');
        setOwn(out, en.key, toParameterFileJson(en.value));
      }
      return out;
    }
    default:
      throw new Error(`an expression (${e.k}) cannot appear in a parameter file`);
  }
}
