import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';

export interface Position {
  readonly line: number;
  readonly col: number;
}

/** Offset -> 1-based line and column, from the line starts yaml's parser reported. */
export function positionOf(lineCounter: LineCounter, offset: number): Position {
  const p = lineCounter.linePos(offset);
  return { line: p.line, col: p.col };
}

/** Decode a JSON pointer into its segments (RFC 6901). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Position of the value at `pointer` (of its key with `wantKey`) in a parsed document; the nearest
 * existing ancestor when the pointer leads nowhere (e.g. a missing required key: its parent mapping).
 */
export function locateNode(doc: Document, pointer: string, wantKey: boolean, position: (offset: number) => Position): Position {
  let node: unknown = doc.contents;
  let best: Position = nodeStart(node, position) ?? { line: 1, col: 1 };
  const segments = pointerSegments(pointer);
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) return best;
      if (last && wantKey) return nodeStart(pair.key, position) ?? best;
      node = pair.value;
      best = nodeStart(node, position) ?? nodeStart(pair.key, position) ?? best;
    } else if (isSeq(node)) {
      node = node.items[Number(seg)];
      best = nodeStart(node, position) ?? best;
    } else {
      return best;
    }
  }
  return best;
}

function nodeStart(node: unknown, position: (offset: number) => Position): Position | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? position(range[0]) : undefined;
}
