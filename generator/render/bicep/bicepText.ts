import { assertNever, type Expr, type RefProp } from '../../model/expr.js';
import type { ResourceRef } from '../../model/resourceRef.js';
import { keyLintCodes, lintCodes, suppressed } from './bicepSuppressions.js';

/**
 * Expression trees as Bicep text. The one place that escapes for Bicep (strings, property keys) and the
 * one place that lays expressions out the way `bicep format` (PrettyPrinterV2, width 120, 2-space indent)
 * prints them, so a generated file survives `bicep format` byte for byte.
 *
 * Layout rules, as observed on Bicep 0.49 (test/integration/bicepCompile.test.ts re-checks them):
 * - objects and arrays are multi-line (one entry per line), empty ones are `{}` / `[]`;
 * - a call stays on one line when the whole line fits in 120 columns; otherwise a call with two or more
 *   arguments puts each argument on its own line (trailing commas, `)` on its own line); a call with zero
 *   or one argument never breaks;
 * - string interpolations never break; a conditional that does not fit breaks before `?` and `:`, one level deeper.
 */

/** Width of `bicep format` (PrettyPrinterV2Options.Default). */
export const BICEP_WIDTH = 120;
const INDENT = '  ';

/** Tokens the Bicep lexer reads as keywords wherever they stand, so a property key spelled so needs quotes. */
const NON_CONTEXTUAL_KEYWORDS = new Set(['true', 'false', 'null']);
/** At most 255 characters: a longer one is BCP024 "The identifier exceeds the limit of 255" (a 512-character tag name is quoted). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;

/**
 * A Bicep single-quoted string literal (Bicep Lexer / StringUtils.EscapeBicepString): `\\`, `\'`, `\n`, `\r`,
 * `\t`, and `\$` only where `${` would start an interpolation. Other control characters (C0, DEL, C1,
 * U+2028/2029) and lone surrogates become `\u{X}` so the file stays printable and valid UTF-8; all other
 * characters (non-ASCII letters, emoji) are written as they are.
 */
export function bicepString(value: string): string {
  let out = "'";
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    const code = value.charCodeAt(i);
    switch (ch) {
      case '\\':
        out += '\\\\';
        continue;
      case "'":
        out += "\\'";
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '$':
        out += value[i + 1] === '{' ? '\\$' : '$';
        continue;
      default:
        break;
    }
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += value.slice(i, i + 2);
        i++;
        continue;
      }
      out += unicodeEscape(code);
      continue;
    }
    if ((code >= 0xdc00 && code <= 0xdfff) || code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) {
      out += unicodeEscape(code);
      continue;
    }
    out += ch;
  }
  return `${out}'`;
}

function unicodeEscape(code: number): string {
  return `\\u{${code.toString(16).toUpperCase()}}`;
}

/** A valid Bicep identifier (letters, digits, underscore; not starting with a digit; at most 255 characters). */
export function isBicepIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** True for identifiers Bicep reads as keywords everywhere (`true`, `false`, `null`). */
export function isBicepKeyword(name: string): boolean {
  return NON_CONTEXTUAL_KEYWORDS.has(name);
}

/**
 * An object property key: bare when it is a valid identifier and not a keyword (the linter's
 * prefer-unquoted-property-names wants exactly that), else a quoted string.
 */
export function bicepPropertyKey(key: string): string {
  return isBicepIdentifier(key) && !isBicepKeyword(key) ? key : bicepString(key);
}

/** Where an expression starts: its nesting level (for the lines it opens) and the column it starts at. */
export interface BicepPosition {
  /** Indentation level of the line the expression starts on (2 spaces per level). */
  readonly level: number;
  /** Column (0-based) where the expression's first character goes. */
  readonly column: number;
  /** Characters that follow the expression on its last line (`,`, `)`, `]`): they count against the width. */
  readonly trailing?: number;
  /** Inside a call: an array literal stays on one line (`[a, b]`) when it fits, as `bicep format` keeps it. */
  readonly inline?: boolean;
}

/** An expression as Bicep text, laid out as `bicep format` prints it. */
export function toBicep(e: Expr, at: BicepPosition = { level: 0, column: 0 }): string {
  const trailing = at.trailing ?? 0;
  switch (e.k) {
    case 'obj': {
      if (e.entries.length === 0) return '{}';
      const inner = INDENT.repeat(at.level + 1);
      const lines = e.entries.map((en) => {
        const key = typeof en.key === 'string' ? bicepPropertyKey(en.key) : expressionKey(en.key);
        const prefix = `${inner}${key}: `;
        const value = toBicep(en.value, { level: at.level + 1, column: prefix.length });
        return suppressed([...keyLintCodes(en.key), ...lintCodes(en.value)], inner, prefix + value);
      });
      return `{\n${lines.join('\n')}\n${INDENT.repeat(at.level)}}`;
    }
    case 'arr': {
      if (e.items.length === 0) return '[]';
      if (at.inline) {
        const flat = toBicepFlat(e);
        if (at.column + flat.length + trailing <= BICEP_WIDTH) return flat;
      }
      const inner = INDENT.repeat(at.level + 1);
      const lines = e.items.map((item) => inner + toBicep(item, { level: at.level + 1, column: inner.length }));
      return `[\n${lines.join('\n')}\n${INDENT.repeat(at.level)}]`;
    }
    case 'call': {
      const flat = toBicepFlat(e);
      if (at.column + flat.length + trailing <= BICEP_WIDTH) return flat;
      if (e.fn === 'not' && e.args.length === 1 && e.args[0]!.k !== 'op' && e.args[0]!.k !== 'cond') return `!${toBicep(e.args[0]!, { ...at, column: at.column + 1 })}`;
      if (e.args.length >= 2) {
        const inner = INDENT.repeat(at.level + 1);
        const args = e.args.map((a, i) => inner + toBicep(a, { level: at.level + 1, column: inner.length, trailing: i < e.args.length - 1 ? 1 : 0, inline: true }));
        return `${e.fn}(\n${args.join(',\n')}\n${INDENT.repeat(at.level)})`;
      }
      if (e.args.length === 1) {
        const open = `${e.fn}(`;
        return `${open}${toBicep(e.args[0]!, { level: at.level, column: at.column + open.length, trailing: trailing + 1, inline: true })})`;
      }
      return flat;
    }
    case 'cond': {
      // `bicep format` breaks a conditional that does not fit before `?` and `:`, one level deeper.
      const flat = toBicepFlat(e);
      if (at.column + flat.length + trailing <= BICEP_WIDTH) return flat;
      const inner = INDENT.repeat(at.level + 1);
      return `${operand(e.test)}\n${inner}? ${operand(e.then)}\n${inner}: ${operand(e.else)}`;
    }
    case 'member': {
      const suffix = memberSuffix(e.path);
      return toBicep(e.target, { ...at, trailing: trailing + suffix.length }) + suffix;
    }
    case 'index': {
      const suffix = `[${toBicepFlat(e.index)}]`;
      return toBicep(e.target, { ...at, trailing: trailing + suffix.length }) + suffix;
    }
    default:
      return toBicepFlat(e);
  }
}

/** An expression on one line (objects and arrays still multi-line at level 0: callers avoid them here). */
export function toBicepFlat(e: Expr): string {
  switch (e.k) {
    case 'str':
      return bicepString(e.v);
    case 'num':
      // Bicep has integer literals only; JSON numbers with a fraction go through json().
      if (Number.isInteger(e.v)) return String(e.v);
      return `json(${bicepString(String(e.v))})`;
    case 'bool':
      return e.v ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'arr':
      return `[${e.items.map(toBicepFlat).join(', ')}]`;
    case 'obj':
      return toBicep(e, { level: 0, column: 0 });
    case 'param':
      if (!isBicepIdentifier(e.name) || isBicepKeyword(e.name)) throw new Error(`parameter name '${e.name}' is not a valid Bicep identifier`);
      return e.name;
    case 'call':
      // ARM's not() is Bicep's `!` operator (Bicep has no not() function).
      if (e.fn === 'not' && e.args.length === 1) return `!${operand(e.args[0]!)}`;
      return `${e.fn}(${e.args.map(toBicepFlat).join(', ')})`;
    case 'member':
      return toBicepFlat(e.target) + memberSuffix(e.path);
    case 'index':
      return `${toBicepFlat(e.target)}[${toBicepFlat(e.index)}]`;
    case 'ref':
      return refText(e.res, e.prop);
    case 'interp':
      return interpolation(e.parts);
    case 'op':
      return `${operand(e.left)} ${e.op} ${operand(e.right)}`;
    case 'cond':
      return `${operand(e.test)} ? ${operand(e.then)} : ${operand(e.else)}`;
    default:
      return assertNever(e);
  }
}

/** A resource as Bicep reads it: its symbol, `sym.id`, `sym.properties.x` or a top-level property (`sym.identity.principalId`). */
function refText(res: ResourceRef, prop: RefProp): string {
  if (prop === 'resource') return res.symbol;
  if (prop === 'id') return `${res.symbol}.id`;
  if ('full' in prop) return res.symbol + memberSuffix(prop.full);
  return `${res.symbol}.properties${memberSuffix(prop.properties)}`;
}

/** `'a${x}b'`: literal parts escaped as in a string literal (`$` only before `{`), holes flat. */
function interpolation(parts: readonly (string | Expr)[]): string {
  return `'${parts.map((p) => (typeof p === 'string' ? bicepString(p).slice(1, -1) : `\${${toBicepFlat(p)}}`)).join('')}'`;
}

/** An operand of an operator or a conditional: parenthesised unless it is an atom. */
function operand(e: Expr): string {
  const text = toBicepFlat(e);
  return e.k === 'op' || e.k === 'cond' ? `(${text})` : text;
}

/** `.a.b`, with `['x-y']` for segments that are not identifiers (or are keywords). */
function memberSuffix(path: readonly string[]): string {
  return path.map((p) => (isBicepIdentifier(p) && !isBicepKeyword(p) ? `.${p}` : `[${bicepString(p)}]`)).join('');
}

/** An object key computed at deployment time (`userAssignedIdentities`): `'${expr}'`. A literal stays literal. */
function expressionKey(key: Expr): string {
  if (key.k === 'str') return bicepPropertyKey(key.v);
  if (key.k === 'interp') return toBicepFlat(key);
  return `'\${${toBicepFlat(key)}}'`;
}
