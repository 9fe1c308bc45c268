/**
 * A small reader for the Bicep armgen writes (tests only): top-level `targetScope`, `param`, `resource`, `module` and
 * `output` declarations with their decorators. Literal values are read by bicepLiteral.ts.
 */
export interface BicepParam {
  readonly name: string;
  readonly type: string;
  readonly secure: boolean;
  /** The default's text, as written (multi-line for objects and arrays). */
  readonly defaultText?: string;
}

export interface BicepResource {
  readonly symbol: string;
  readonly keyword: 'resource' | 'module';
  /** `type@apiVersion` for resources, the module path for modules. */
  readonly target: string;
  readonly existing: boolean;
  readonly body: string;
}

export interface BicepOutput {
  readonly name: string;
  readonly type: string;
}

export interface BicepFile {
  readonly targetScope?: string;
  readonly params: BicepParam[];
  readonly resources: BicepResource[];
  readonly outputs: BicepOutput[];
}

/** Reads a block that starts on line `i` and may continue (an object/array/call opened at the end). */
function block(lines: readonly string[], i: number): { text: string; end: number } {
  let depth = 0;
  let text = '';
  let j = i;
  for (; j < lines.length; j++) {
    const line = lines[j]!;
    text += (j === i ? '' : '\n') + line;
    depth += depthChange(line);
    if (depth <= 0) break;
  }
  return { text, end: j };
}

/**
 * Net change of ({[ nesting on one line, outside string literals. Interpolations (`'a${f('(')}b'`) are code
 * again, with strings of their own, so a mode stack tracks string / interpolation nesting.
 */
function depthChange(line: string): number {
  let depth = 0;
  const modes: ('string' | 'interp')[] = [];
  const interpBraces: number[] = [];
  for (let k = 0; k < line.length; k++) {
    const c = line[k]!;
    const mode = modes[modes.length - 1];
    if (mode === 'string') {
      if (c === '\\') k++;
      else if (c === "'") modes.pop();
      else if (c === '$' && line[k + 1] === '{') {
        modes.push('interp');
        interpBraces.push(0);
        k++;
      }
      continue;
    }
    if (c === "'") modes.push('string');
    else if (mode === 'interp' && c === '{') interpBraces[interpBraces.length - 1]!++;
    else if (mode === 'interp' && c === '}') {
      if (interpBraces[interpBraces.length - 1] === 0) {
        modes.pop();
        interpBraces.pop();
      } else interpBraces[interpBraces.length - 1]!--;
    } else if (mode === undefined && '({['.includes(c)) depth++;
    else if (mode === undefined && ')}]'.includes(c)) depth--;
  }
  return depth;
}

export function parseBicep(text: string): BicepFile {
  const lines = text.split('\n');
  const params: BicepParam[] = [];
  const resources: BicepResource[] = [];
  const outputs: BicepOutput[] = [];
  let targetScope: string | undefined;
  let decorators: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '' || line.startsWith('#disable-next-line')) {
      if (line === '') decorators = [];
      continue;
    }
    if (line.startsWith('@')) {
      const b = block(lines, i);
      decorators.push(b.text);
      i = b.end;
      continue;
    }
    let m = /^targetScope = '([^']+)'$/.exec(line);
    if (m) {
      targetScope = m[1]!;
      continue;
    }
    m = /^param (\w+) (\w+\??)(?: = (.*))?$/.exec(line);
    if (m) {
      const b = m[3] !== undefined ? block(lines, i) : { text: line, end: i };
      const defaultText = m[3] !== undefined ? b.text.slice(b.text.indexOf(' = ') + 3) : undefined;
      params.push({ name: m[1]!, type: m[2]!, secure: decorators.includes('@secure()'), ...(defaultText !== undefined ? { defaultText } : {}) });
      i = b.end;
      decorators = [];
      continue;
    }
    m = /^resource (\w+) '([^']+)'( existing)? = (?:if \(.*\) )?\{$/.exec(line);
    if (m) {
      const b = block(lines, i);
      resources.push({ symbol: m[1]!, keyword: 'resource', target: m[2]!, existing: Boolean(m[3]), body: b.text });
      i = b.end;
      decorators = [];
      continue;
    }
    m = /^module (\w+) '([^']+)' = \{$/.exec(line);
    if (m) {
      const b = block(lines, i);
      resources.push({ symbol: m[1]!, keyword: 'module', target: m[2]!, existing: false, body: b.text });
      i = b.end;
      decorators = [];
      continue;
    }
    m = /^output (\w+) (\w+) = /.exec(line);
    if (m) {
      outputs.push({ name: m[1]!, type: m[2]! });
      i = block(lines, i).end;
      decorators = [];
      continue;
    }
    throw new Error(`unexpected top-level line ${i + 1}: ${line}`);
  }
  return { ...(targetScope ? { targetScope } : {}), params, resources, outputs };
}
