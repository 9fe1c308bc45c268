/**
 * JSON paths for lint findings (`$.resources[0].properties['odd key']`) and a cheap locator that finds
 * the line and column of such a path in the file's text, so findings print as `file:line:col`.
 */
import { parseTree, type Node, type ParseError } from 'jsonc-parser';

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

export interface TextPosition {
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly col: number;
}

/**
 * Where the value at `jsonPath` starts in `text` (a key's value, an array item), or undefined when the
 * text is not JSON or has no such path. jsonc-parser's syntax tree keeps each node's offset.
 */
export function locateJsonPath(text: string, jsonPath: string): TextPosition | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (!root || errors.length > 0) return undefined;
  const offset = findOffset(root, [], jsonPath);
  return offset === undefined ? undefined : positionOf(text, offset);
}

function findOffset(node: Node, path: Segment[], target: string): number | undefined {
  if (formatPath(path) === target) return node.offset;
  const children = node.children ?? [];
  if (node.type === 'object') {
    for (const property of children) {
      const [key, value] = property.children ?? [];
      const hit = key && value ? findOffset(value, [...path, String(key.value)], target) : undefined;
      if (hit !== undefined) return hit;
    }
  } else if (node.type === 'array') {
    for (let n = 0; n < children.length; n++) {
      const hit = findOffset(children[n]!, [...path, n], target);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}
