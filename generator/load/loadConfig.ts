import { extname } from 'node:path';
import type { Diagnostic, DiagnosticCode } from '../diagnostics.js';
import { checkStructure } from './checkStructure.js';
import { checkValues } from './checkValues.js';
import { MAX_INPUT_BYTES } from './limits.js';
import { locateNode, positionOf, type Position } from './locate.js';
import { parseJsonFast } from './parseJsonFast.js';
import { isParseProblem, parseYaml, type ParseProblem } from './parseYaml.js';

export { pointerSegments } from './locate.js';

/** A parsed config: its plain data and a way to turn a JSON pointer back into file:line:col. */
export interface LoadedConfig {
  readonly file: string;
  readonly data: unknown;
  /** Position of the value at `pointer` (or of its key with `key: true`); the nearest existing ancestor otherwise. */
  locate(pointer: string, options?: { key?: boolean }): { line: number; col: number };
}

export type LoadResult = { ok: true; config: LoadedConfig } | { ok: false; diagnostics: Diagnostic[] };

type Locate = LoadedConfig['locate'];

/**
 * Parse YAML or JSON text into plain data, refusing (AG103) any input that would cost more than the
 * limits in limits.ts allow, and any value that JSON, ARM or Bicep would not carry exactly (AG104).
 * YAML 1.2 core schema: `yes`/`no`/`on`/`off` stay strings; duplicate keys are errors (AG102).
 * A `.json` file that is strict JSON takes JSON.parse (parseJsonFast) and is only re-parsed by yaml, for
 * positions, when a diagnostic needs one; everything else is parsed once by yaml, whose positions cost
 * nothing extra (its syntax nodes always carry offsets; the line table is one push per line).
 */
export function loadConfig(file: string, text: string): LoadResult {
  // A UTF-16 unit is at least one UTF-8 byte, so a long text is refused without measuring it.
  if (text.length > MAX_INPUT_BYTES || Buffer.byteLength(text, 'utf8') > MAX_INPUT_BYTES) {
    const message = `refused: the file is larger than ${MAX_INPUT_BYTES.toLocaleString('en-US')} bytes (4 MiB), the most armgen reads`;
    return fail([diagnostic(file, 'AG103', { line: 1, col: 1 }, message)]);
  }
  const source = text.replace(/^\uFEFF/, '');
  const json = extname(file).toLowerCase() === '.json';
  const fast = json ? parseJsonFast(source) : undefined;
  if (fast) return loaded(file, fast.data, lazyLocate(source), fast.mayBeInexact);
  const parsed = parseYaml(source, json ? 'json' : 'core');
  if (isParseProblem(parsed)) return fail([located(file, parsed, positionInText(source, parsed.offset))]);
  const position = (offset: number) => positionOf(parsed.lineCounter, offset);
  const structure = checkStructure(parsed.doc, source, (offset) => position(offset).line);
  const problems = [...parsed.problems, ...structure.problems];
  if (problems.length > 0) return fail(problems.map((p) => located(file, p, position(p.offset))));
  let data: unknown;
  try {
    // Aliases were counted and sized by checkStructure, in linear time; yaml's own count is not needed.
    data = parsed.doc.toJS({ maxAliasCount: -1 });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return fail([diagnostic(file, 'AG101', { line: 1, col: 1 }, (message.split('\n')[0] ?? message))]);
  }
  return loaded(file, data, (pointer, options) => locateNode(parsed.doc, pointer, options?.key ?? false, position), structure.mayBeInexact);
}

/**
 * The loaded data, unless it is empty or holds a value that cannot be carried exactly (AG104); checked
 * only when the parse saw a value that may be one (`check`).
 */
function loaded(file: string, data: unknown, locate: Locate, check: boolean): LoadResult {
  if (data === null || data === undefined) {
    return fail([diagnostic(file, 'AG101', { line: 1, col: 1 }, 'the file is empty: expected a mapping with at least `automationAccount:`')]);
  }
  const problems = check ? checkValues(data) : [];
  if (problems.length > 0) {
    return fail(
      problems.map((p) => ({ ...diagnostic(file, 'AG104', locate(p.pointer, { key: p.inKey }), `${printable(p.pointer) || '/'}: ${p.message}`), pointer: p.pointer })),
    );
  }
  return { ok: true, config: { file, data, locate } };
}

/** A pointer for a message: the control characters and lone surrogates it may hold, escaped. */
function printable(pointer: string): string {
  return pointer.replace(/[\u0000-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Positions for data that came from JSON.parse: yaml parses the text once, on the first call. */
function lazyLocate(source: string): Locate {
  let locate: Locate | undefined;
  return (pointer, options) => {
    if (!locate) {
      const parsed = parseYaml(source, 'json');
      locate = isParseProblem(parsed)
        ? () => ({ line: 1, col: 1 })
        : (p, o) => locateNode(parsed.doc, p, o?.key ?? false, (offset) => positionOf(parsed.lineCounter, offset));
    }
    return locate(pointer, options);
  };
}

/** Line and column of an offset, for a refusal found before yaml's parser counted lines. */
function positionInText(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    line++;
    lineStart = nl + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

function located(file: string, problem: ParseProblem, at: Position): Diagnostic {
  return diagnostic(file, problem.code, at, problem.message);
}

function diagnostic(file: string, code: DiagnosticCode, at: Position, message: string): Diagnostic {
  return { file, line: at.line, col: at.col, severity: 'error', code, message };
}

function fail(diagnostics: Diagnostic[]): LoadResult {
  return { ok: false, diagnostics };
}
