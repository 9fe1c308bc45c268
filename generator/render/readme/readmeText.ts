import type { Expr } from '../../model/expr.js';
import { setOwn } from '../../util/ownProperty.js';

/**
 * Escaping for the generated README: every user value (config name, descriptions, parameter values, resource
 * names) passes through one of these, so no value can break the Markdown around it or the Mermaid diagram,
 * whatever quotes, pipes, brackets, backticks, HTML or line breaks it holds.
 */

/** Line and paragraph breaks, other control characters and bidi/format controls: a value is shown on one line. */
const BREAKS = /[\p{Cc}\p{Zl}\p{Zp}\p{Cf}]+/gu;

/**
 * Inline Markdown text, safe in a GFM table cell, a heading or after a fixed prefix on a line:
 * - breaks become one space (a line break would end the table row or the paragraph);
 * - `&`, `<`, `>` become entities (no raw HTML, no autolink `<...>`, no entity the user typed is decoded);
 * - the ASCII punctuation Markdown or GFM gives a meaning inline (`\ * _ [ ] # ~ | $` and the backtick) is
 *   backslash-escaped, which CommonMark allows for any ASCII punctuation: no emphasis, code span, link, image
 *   (`!` and `(` mean nothing without `[`), strikethrough, heading close or math (`$` on GitHub); `|` must be
 *   escaped even inside code spans in a GFM table, so user text is never put in a code span.
 */
export function markdownText(value: string): string {
  return value
    .replace(BREAKS, ' ')
    .replace(/[\\`*_[\]#~|$]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * armgen's own identifiers (action strings, file names) as a code span. They hold no backtick, pipe or break; a
 * value that did would fall back to plain escaped text rather than break the cell.
 */
export function markdownCode(value: string): string {
  return /^[^`|\p{Cc}\p{Zl}\p{Zp}]+$/u.test(value) ? `\`${value}\`` : markdownText(value);
}

/** A link to one of armgen's doc URLs (constants, https only), its text the page's last path segment. */
export function markdownDocLink(url: string): string {
  if (!/^https:\/\/[A-Za-z0-9./#?=_-]+$/.test(url)) return markdownText(url);
  const page = url.replace(/[#?].*$/, '').replace(/\/+$/, '').split('/').pop() ?? url;
  return `[${markdownText(page)}](${url})`;
}

/** Characters left as they are inside a quoted Mermaid label; everything else becomes a `#code;` entity. */
const MERMAID_PLAIN = /[A-Za-z0-9 ,./:@+=_(){}'-]/;

/**
 * A Mermaid label as a quoted string (`"..."`), one or more lines joined by `<br>`. Inside the quotes only letters,
 * digits, spaces and `, . / : @ + = _ ( ) { } ' -` stay as they are (a quoted string ends only at `"`); every other
 * character, including `"`, `#`, `;`, `&`, `<`, `>`, square brackets, pipes, backticks, `%` and all non-ASCII, is
 * written as Mermaid's decimal entity code `#NNN;`
 * (mermaid.js.org/syntax/flowchart "Entity codes to escape characters"), which Mermaid shows as that character and
 * never as markup or syntax. Breaks become spaces first. So a label can neither end its string nor the diagram.
 */
export function mermaidLabel(lines: string | readonly string[]): string {
  const list = typeof lines === 'string' ? [lines] : lines;
  return `"${list.map(mermaidLine).join('<br>')}"`;
}

function mermaidLine(line: string): string {
  let out = '';
  for (const ch of line.replace(BREAKS, ' ')) out += MERMAID_PLAIN.test(ch) ? ch : `#${ch.codePointAt(0)!};`;
  return out;
}

/**
 * A value as README text: a literal as itself, a parameter as `{name}` (the README explains the braces), an
 * interpolation of those spelled out; anything computed at deployment is said to be so.
 */
export function exprText(e: Expr): string {
  switch (e.k) {
    case 'str':
      return e.v;
    case 'num':
    case 'bool':
      return String(e.v);
    case 'null':
      return 'null';
    case 'param':
      return `{${e.name}}`;
    case 'interp':
      return e.parts.map((p) => (typeof p === 'string' ? p : exprText(p))).join('');
    default: {
      const json = literalJson(e);
      return json === undefined ? '(computed at deployment)' : JSON.stringify(json);
    }
  }
}

/** The plain JSON value of a literal tree (strings, numbers, booleans, null, arrays, objects with literal keys); undefined otherwise. */
export function literalJson(e: Expr): unknown {
  switch (e.k) {
    case 'str':
    case 'num':
    case 'bool':
      return e.v;
    case 'null':
      return null;
    case 'arr': {
      const items = e.items.map(literalJson);
      return items.includes(undefined) ? undefined : items;
    }
    case 'obj': {
      const out: Record<string, unknown> = {};
      for (const en of e.entries) {
        const v = typeof en.key === 'string' ? literalJson(en.value) : undefined;
        if (v === undefined) return undefined;
        setOwn(out, en.key as string, v);
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** A parameter value for a table cell: a string as itself (the empty one said so), any other literal as compact JSON. */
export function valueText(e: Expr): string {
  if (e.k === 'str') return e.v === '' ? '(empty string)' : e.v;
  return exprText(e);
}
