import { findNodeAtLocation, type Node } from 'jsonc-parser';

/** 1-based line and column in a text. */
export interface TextPosition {
  readonly line: number;
  readonly col: number;
}

/** Offset -> line and column in `text`: the line starts are found once, each lookup is a binary search. */
export function textPositions(text: string): (offset: number) => TextPosition {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - (lineStarts[lo] as number) + 1 };
  };
}

/** The node of a jsonc-parser tree at `segments`, or the deepest one on the way there that exists. */
export function deepestNode(root: Node, segments: readonly (string | number)[]): Node {
  for (let n = segments.length; n > 0; n--) {
    const node = findNodeAtLocation(root, segments.slice(0, n) as (string | number)[]);
    if (node) return node;
  }
  return root;
}
