import { Composer, CST, Lexer, LineCounter, Parser, type Document } from 'yaml';
import { MAX_DEPTH, MAX_YAML_TOKENS, TOKEN_COUNT_FROM_BYTES } from './limits.js';

/** A problem found while parsing, at a source offset. */
export interface ParseProblem {
  readonly code: 'AG101' | 'AG102' | 'AG103';
  readonly offset: number;
  readonly message: string;
}

export interface ParsedYaml {
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** yaml's own syntax errors (the document is still composed, as far as yaml could). */
  readonly problems: readonly ParseProblem[];
}

/**
 * Parse YAML 1.2 (JSON with the `json` schema) into a document with source ranges, after refusing inputs
 * whose token count or nesting depth would make yaml itself slow or overflow the stack. This is
 * parseDocument() split in its two steps (Parser, then Composer) so the depth can be checked in between;
 * duplicate keys are left to checkStructure, which finds them in linear time (yaml's uniqueKeys is
 * quadratic: 40,000 keys took 14 s).
 */
export function parseYaml(text: string, schema: 'core' | 'json'): ParsedYaml | ParseProblem {
  const tooMany = text.length >= TOKEN_COUNT_FROM_BYTES ? tokenLimitOffset(text) : undefined;
  if (tooMany !== undefined) {
    return { code: 'AG103', offset: tooMany, message: `refused: the file has more than ${MAX_YAML_TOKENS.toLocaleString('en-US')} YAML tokens (about 500 KB of YAML); armgen reads configs up to that size` };
  }
  const lineCounter = new LineCounter();
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const tooDeep = depthLimitOffset(tokens);
  if (tooDeep !== undefined) {
    return { code: 'AG103', offset: tooDeep, message: `refused: values are nested more than ${MAX_DEPTH} levels deep` };
  }
  const composer = new Composer({ version: '1.2', schema, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  let doc: Document.Parsed | undefined;
  let extra: ParseProblem | undefined;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (doc) {
      // The wording of yaml's parseDocument(), which this replaces.
      extra = { code: 'AG101', offset: next.range[0], message: 'Source contains multiple documents; please use YAML.parseAllDocuments()' };
      break;
    }
    doc = next;
  }
  if (!doc) throw new Error('yaml composed no document although forceDoc was set');
  const problems: ParseProblem[] = doc.errors.map((e) => ({
    code: e.code === 'DUPLICATE_KEY' ? 'AG102' : 'AG101',
    offset: e.pos[0],
    message: firstLine(e.message) + (e.code === 'DUPLICATE_KEY' ? ' (each key may appear once)' : ''),
  }));
  if (extra) problems.push(extra);
  return { doc, lineCounter, problems };
}

export function isParseProblem(value: ParsedYaml | ParseProblem): value is ParseProblem {
  return 'code' in value;
}

/** yaml's message without the source excerpt and position it may append (we print our own). */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** yaml's lexer marks document starts, flow ends and scalars with control characters that are not in the source. */
const LEXER_MARKERS = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/** The offset of the first token over MAX_YAML_TOKENS, by yaml's lexer (cheap: no tree is built). */
function tokenLimitOffset(text: string): number | undefined {
  let count = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (LEXER_MARKERS.has(token)) continue;
    if (++count > MAX_YAML_TOKENS) return offset;
    offset += token.length;
  }
  return undefined;
}

/** The offset of the first collection nested deeper than MAX_DEPTH, walking the syntax tree without recursion. */
function depthLimitOffset(tokens: readonly CST.Token[]): number | undefined {
  const pending: CST.Token[] = [...tokens];
  const depths: number[] = tokens.map(() => 0);
  while (pending.length > 0) {
    const token = pending.pop()!;
    const depth = depths.pop()!;
    if (token.type === 'document') {
      if (token.value) {
        pending.push(token.value);
        depths.push(depth);
      }
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > MAX_DEPTH) return token.offset;
      for (const item of token.items as { key?: CST.Token | null; value?: CST.Token }[]) {
        if (item.key) {
          pending.push(item.key);
          depths.push(depth + 1);
        }
        if (item.value) {
          pending.push(item.value);
          depths.push(depth + 1);
        }
      }
    }
  }
  return undefined;
}
