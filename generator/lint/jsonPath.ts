/**
 * JSON paths for lint findings (`$.resources[0].properties['odd key']`) and a cheap locator that finds
 * the line and column of such a path in the file's text, so findings print as `file:line:col`.
 */
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
 * text is not JSON or has no such path. One linear scan, no second parse.
 */
export function locateJsonPath(text: string, jsonPath: string): TextPosition | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.ws();
    const offset = scanner.find([], jsonPath);
    return offset === undefined ? undefined : positionOf(text, offset);
  } catch {
    return undefined;
  }
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

class Scanner {
  private i = 0;
  constructor(private readonly t: string) {}

  ws(): void {
    while (this.i < this.t.length && ' \t\r\n'.includes(this.t[this.i] as string)) this.i++;
  }

  /** Scan the value at the cursor; return the offset of the value at `target` if it is inside. */
  find(path: Segment[], target: string): number | undefined {
    const start = this.i;
    if (formatPath(path) === target) return start;
    const c = this.t[this.i];
    if (c === '{') {
      this.i++;
      this.ws();
      if (this.t[this.i] === '}') {
        this.i++;
        return undefined;
      }
      for (;;) {
        this.ws();
        const key = this.string();
        this.ws();
        this.expect(':');
        this.ws();
        const hit = this.find([...path, key], target);
        if (hit !== undefined) return hit;
        this.ws();
        if (this.t[this.i] === ',') {
          this.i++;
          continue;
        }
        this.expect('}');
        return undefined;
      }
    }
    if (c === '[') {
      this.i++;
      this.ws();
      if (this.t[this.i] === ']') {
        this.i++;
        return undefined;
      }
      for (let n = 0; ; n++) {
        this.ws();
        const hit = this.find([...path, n], target);
        if (hit !== undefined) return hit;
        this.ws();
        if (this.t[this.i] === ',') {
          this.i++;
          continue;
        }
        this.expect(']');
        return undefined;
      }
    }
    if (c === '"') {
      this.string();
      return undefined;
    }
    // number, true, false, null
    while (this.i < this.t.length && !',}] \t\r\n'.includes(this.t[this.i] as string)) this.i++;
    if (this.i === start) throw new Error('unexpected end');
    return undefined;
  }

  private string(): string {
    this.expect('"');
    const begin = this.i - 1;
    while (this.i < this.t.length) {
      const c = this.t[this.i];
      if (c === '\\') this.i += 2;
      else if (c === '"') {
        this.i++;
        return JSON.parse(this.t.slice(begin, this.i)) as string;
      } else this.i++;
    }
    throw new Error('unterminated string');
  }

  private expect(c: string): void {
    if (this.t[this.i] !== c) throw new Error(`expected ${c}`);
    this.i++;
  }
}
