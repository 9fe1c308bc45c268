import type { Artifact } from '../model/artifact.js';

/**
 * Sanity checks on rendered Bicep text (main.bicep, modules, .bicepparam): LF line endings, one final newline,
 * no trailing spaces or doubled blank lines (which `bicep format` would change), string literals closed on
 * their line, and (), [], {} balanced outside strings (interpolation holes included). The real compiler
 * checks the rest in test/integration/bicepCompile.test.ts. Throws Error: a failure is a bug in armgen's
 * Bicep templates or renderer, not a user mistake.
 */
export function verifyBicep(file: Artifact): void {
  const fail = (why: string): never => {
    throw new Error(`internal error: rendered ${file.path} is not well-formed Bicep: ${why}`);
  };
  const text = file.text;
  if (text.includes('\r')) fail('it contains CR characters (Bicep output uses LF line endings)');
  if (!text.endsWith('\n') || text.endsWith('\n\n')) fail('it must end with exactly one newline');
  if (text.startsWith('\n')) fail('it starts with a blank line');
  if (/\n\n\n/.test(text)) fail('it has two blank lines in a row');
  const trailing = /[ \t]\n/.exec(text);
  if (trailing) fail(`line ${lineAt(text, trailing.index)} ends with whitespace`);
  checkBalance(text, fail);
}

const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/** The 1-based line of an offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let nl = text.indexOf('\n'); nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) line++;
  return line;
}

/** Runs of characters the lexer below does nothing with, outside and inside a string literal (sticky: matched at i only). */
const PLAIN_CODE = /[^'\\$(){}[\]/\n]+/y;
const PLAIN_STRING = /[^'\\$\n]+/y;

/**
 * A small lexer: single-quoted strings with escapes and `${...}` holes; // and /* *\/ comments. One pass
 * (linear time); runs of plain characters are skipped with one sticky regex match instead of a loop step each.
 */
function checkBalance(text: string, fail: (why: string) => never): void {
  // Stack entries: an opening bracket, or "'" for a string we are inside, or "${" for an interpolation hole.
  const stack: string[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const plain = stack[stack.length - 1] === "'" ? PLAIN_STRING : PLAIN_CODE;
    plain.lastIndex = i;
    if (plain.test(text)) {
      i = plain.lastIndex;
      if (i >= text.length) break;
    }
    const ch = text[i]!;
    if (ch === '\n') line++;
    const top = stack[stack.length - 1];
    if (top === "'") {
      if (ch === '\n') fail(`line ${line - 1}: a string literal is not closed on its line`);
      if (ch === '\\') {
        i++;
        continue;
      }
      if (ch === '$' && text[i + 1] === '{') {
        stack.push('${');
        i++;
        continue;
      }
      if (ch === "'") stack.pop();
      continue;
    }
    if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) fail(`line ${line}: a block comment is not closed`);
      line += text.slice(i, end).split('\n').length - 1;
      i = end + 1;
      continue;
    }
    if (ch === "'") {
      if (text.startsWith("'''", i)) fail(`line ${line}: multi-line strings are not generated`);
      stack.push("'");
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') {
      stack.push(ch);
      continue;
    }
    if (ch === '}' && top === '${') {
      stack.pop();
      continue;
    }
    const opener = CLOSERS[ch];
    if (opener !== undefined) {
      if (top !== opener) fail(`line ${line}: '${ch}' closes ${top === undefined ? 'nothing' : `'${top}'`}`);
      stack.pop();
    }
  }
  if (stack.length > 0) fail(`'${stack[stack.length - 1]}' is never closed`);
}
