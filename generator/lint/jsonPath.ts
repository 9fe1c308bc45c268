/**
 * JSON paths for lint findings (`$.resources[0].properties['odd key']`) and a locator that finds the line
 * and column of such a path in the file's text, so findings print as `file:line:col`.
 */
import { findNodeAtLocation, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { deepestNode, textPositions, type TextPosition } from '../util/jsonPositions.js';

export type Segment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(segments: readonly Segment[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (PLAIN_KEY.test(s)) out += `.${s}`;
    else out += `['${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
  }
  return out;
}

/** One step of a formatted path: `.key`, `[0]` or `['odd key']` (with `\\` and `\'` escapes). */
const STEP = /\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]/y;

/** The segments of a path written by formatPath; undefined for any other text. */
export function parsePath(jsonPath: string): Segment[] | undefined {
  if (!jsonPath.startsWith('$')) return undefined;
  const out: Segment[] = [];
  STEP.lastIndex = 1;
  while (STEP.lastIndex < jsonPath.length) {
    const m = STEP.exec(jsonPath);
    if (!m) return undefined;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push((m[3] ?? '').replace(/\\(.)/g, '$1'));
  }
  return out;
}

/** Finds JSON paths in one text. Nothing is parsed until the first question (most files have no findings). */
export interface JsonLocator {
  /** Where the value at `jsonPath` starts; undefined when the text is not JSON or has no such path. */
  readonly exact: (jsonPath: string) => TextPosition | undefined;
  /**
   * Where the value at `jsonPath` starts or, when the text has no such value, its deepest ancestor that
   * it has; in a text that is not JSON, where parsing fails. Always a position, so always a line >= 1.
   */
  readonly nearest: (jsonPath: string) => TextPosition;
}

export function jsonLocator(text: string): JsonLocator {
  let parsed: { root: Node | undefined; error: ParseError | undefined; position: (offset: number) => TextPosition } | undefined;
  const tree = () => (parsed ??= parseText(text));
  const position = (offset: number): TextPosition => tree().position(offset);
  return {
    exact: (jsonPath) => {
      const { root, error } = tree();
      const segments = parsePath(jsonPath);
      const node = root && !error && segments ? findNodeAtLocation(root, segments) : undefined;
      return node ? position(node.offset) : undefined;
    },
    nearest: (jsonPath) => {
      const { root, error } = tree();
      if (error) return position(error.offset);
      return position(root ? deepestNode(root, parsePath(jsonPath) ?? []).offset : 0);
    },
  };
}

/** Where the value at `jsonPath` starts in `text` (see JsonLocator.exact). */
export function locateJsonPath(text: string, jsonPath: string): TextPosition | undefined {
  return jsonLocator(text).exact(jsonPath);
}

function parseText(text: string): { root: Node | undefined; error: ParseError | undefined; position: (offset: number) => TextPosition } {
  const errors: ParseError[] = [];
  // jsonc-parser's syntax tree keeps each node's offset; comments and trailing commas are not JSON.
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  return { root, error: errors[0], position: textPositions(text) };
}
