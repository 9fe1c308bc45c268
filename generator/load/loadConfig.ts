import { extname } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, DiagnosticCode } from '../diagnostics.js';

/** A parsed config: its plain data and a way to turn a JSON pointer back into file:line:col. */
export interface LoadedConfig {
  readonly file: string;
  readonly data: unknown;
  /** Position of the value at `pointer` (or of its key with `key: true`); the nearest existing ancestor otherwise. */
  locate(pointer: string, options?: { key?: boolean }): { line: number; col: number };
}

export type LoadResult = { ok: true; config: LoadedConfig } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Aliases a config may expand. Real configs use a handful; a "billion laughs" document needs thousands
 * and is refused before it is expanded (yaml's maxAliasCount counts expanded nodes).
 */
const MAX_ALIAS_COUNT = 1000;

/**
 * Parse YAML or JSON text (JSON is parsed as YAML 1.2, which it is a subset of, so both keep positions).
 * YAML 1.2 core schema: `yes`/`no`/`on`/`off` stay strings; duplicate keys are errors.
 */
export function loadConfig(file: string, text: string): LoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), {
    version: '1.2',
    schema: extname(file).toLowerCase() === '.json' ? 'json' : 'core',
    uniqueKeys: true,
    prettyErrors: false,
    keepSourceTokens: false,
    lineCounter,
  });
  const position = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const diag = (code: DiagnosticCode, offset: number, message: string): Diagnostic => ({
    file,
    ...position(offset),
    severity: 'error',
    code,
    message,
  });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      diagnostics: doc.errors.map((e) =>
        diag(e.code === 'DUPLICATE_KEY' ? 'AG102' : 'AG101', e.pos[0], firstLine(e.message) + (e.code === 'DUPLICATE_KEY' ? ' (each key may appear once)' : '')),
      ),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/alias/i.test(message)) {
      return { ok: false, diagnostics: [diag('AG103', 0, `refused: the document expands more than ${MAX_ALIAS_COUNT} aliases (${firstLine(message)})`)] };
    }
    return { ok: false, diagnostics: [diag('AG101', 0, firstLine(message))] };
  }
  if (data === null || data === undefined) {
    return { ok: false, diagnostics: [diag('AG101', 0, 'the file is empty: expected a mapping with at least `automationAccount:`')] };
  }
  return {
    ok: true,
    config: { file, data, locate: (pointer, options) => locateNode(doc, pointer, options?.key ?? false, position) },
  };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** Decode a JSON pointer into its segments (RFC 6901). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function locateNode(
  doc: Document,
  pointer: string,
  wantKey: boolean,
  position: (offset: number) => { line: number; col: number },
): { line: number; col: number } {
  let node: unknown = doc.contents;
  let best: { line: number; col: number } = nodeStart(node, position) ?? { line: 1, col: 1 };
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

function nodeStart(node: unknown, position: (offset: number) => { line: number; col: number }) {
  const range = (node as Node | undefined)?.range;
  return range ? position(range[0]) : undefined;
}
