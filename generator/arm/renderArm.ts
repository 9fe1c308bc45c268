import { assertNever, type Expr } from './expr.js';

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
      return armExpressionText(e.target) + e.path.map((p) => (IDENTIFIER.test(p) ? `.${p}` : `[${armStringLiteral(p)}]`)).join('');
    case 'index':
      return `${armExpressionText(e.target)}[${armExpressionText(e.index)}]`;
    case 'dual':
      return armExpressionText(e.arm);
    case 'bicepRaw':
      throw new Error(`bicepRaw '${e.text}' reached the ARM renderer outside a dual node`);
    default:
      return assertNever(e);
  }
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
        Object.defineProperty(out, key, { value: toArmJson(en.value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'dual':
      return toArmJson(e.arm);
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
        Object.defineProperty(out, en.key, { value: toParameterFileJson(en.value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    default:
      throw new Error(`an expression (${e.k}) cannot appear in a parameter file`);
  }
}
