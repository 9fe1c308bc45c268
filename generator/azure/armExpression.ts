/**
 * A small parser for ARM template expressions (`"[resourceId('T', parameters('n'))]"`), used by lint and by resolve (`{ expr: ... }`):
 * function calls (with `namespace.fn` user functions), single-quoted strings with `''` escapes, numbers,
 * `.property` and `[index]` access. Grammar from learn.microsoft.com template-expressions.md.
 */
export type ExprNode =
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'lit'; readonly v: 'true' | 'false' | 'null' }
  | { readonly k: 'call'; readonly name: string; readonly args: readonly ExprNode[] }
  | { readonly k: 'member'; readonly target: ExprNode; readonly name: string }
  | { readonly k: 'index'; readonly target: ExprNode; readonly index: ExprNode };

/**
 * True when ARM evaluates the JSON string as an expression: it starts with `[` and ends with `]`, and
 * does not start with `[[` (the escape for a literal that starts with `[`).
 */
export function isExpression(s: string): boolean {
  return s.length >= 2 && s.startsWith('[') && s.endsWith(']') && !s.startsWith('[[');
}

/** The literal a JSON string stands for when it is not an expression (`[[x]` -> `[x]`). */
export function literalValue(s: string): string {
  return s.startsWith('[[') && s.endsWith(']') ? s.slice(1) : s;
}

type ParseResult = { readonly ok: true; readonly node: ExprNode } | { readonly ok: false; readonly error: string };

/**
 * Parsed expressions by text. Several rules parse the same strings of a file, and a batch renders the same
 * expressions config after config; results are immutable (readonly nodes), so they are shared. Bounded:
 * cleared when full, so memory stays flat however many distinct expressions a run sees.
 */
const parsed = new Map<string, ParseResult>();
const PARSED_MAX = 20_000;
const PARSED_KEY_MAX = 4096;

/** Parse the JSON string of an expression (with its brackets). */
export function parseExpression(s: string): ParseResult {
  if (s.length > PARSED_KEY_MAX) return parseExpressionUncached(s);
  let r = parsed.get(s);
  if (r === undefined) {
    if (parsed.size >= PARSED_MAX) parsed.clear();
    r = parseExpressionUncached(s);
    parsed.set(s, r);
  }
  return r;
}

function parseExpressionUncached(s: string): ParseResult {
  try {
    const p = new Parser(s.slice(1, -1));
    p.ws();
    const node = p.expr();
    p.ws();
    if (!p.atEnd()) throw new SyntaxError(`unexpected '${p.rest().slice(0, 20)}' after the expression`);
    return { ok: true, node };
  } catch (err) {
    if (err instanceof SyntaxError) return { ok: false, error: err.message };
    throw err;
  }
}

/** Visit every node, depth first, parents before children. */
export function walkExpr(node: ExprNode, visit: (n: ExprNode) => void): void {
  visit(node);
  switch (node.k) {
    case 'call':
      for (const a of node.args) walkExpr(a, visit);
      break;
    case 'member':
      walkExpr(node.target, visit);
      break;
    case 'index':
      walkExpr(node.target, visit);
      walkExpr(node.index, visit);
      break;
    default:
      break;
  }
}

/** Every call in the tree (function names as written; compare case-insensitively, as ARM does). */
export function callsIn(node: ExprNode): Extract<ExprNode, { k: 'call' }>[] {
  const out: Extract<ExprNode, { k: 'call' }>[] = [];
  walkExpr(node, (n) => {
    if (n.k === 'call') out.push(n);
  });
  return out;
}

/** Names given to `fn('name')` calls (`parameters`, `variables`), lower-cased function match. */
export function namedReferences(node: ExprNode, fn: string): string[] {
  const lower = fn.toLowerCase();
  return callsIn(node)
    .filter((c) => c.name.toLowerCase() === lower)
    .flatMap((c) => (c.args[0]?.k === 'str' ? [c.args[0].v] : []));
}

const IDENT_START = /[A-Za-z_$]/;
const IDENT = /[A-Za-z0-9_$]/;

class Parser {
  private i = 0;
  constructor(private readonly t: string) {}

  atEnd(): boolean {
    return this.i >= this.t.length;
  }

  rest(): string {
    return this.t.slice(this.i);
  }

  ws(): void {
    while (this.i < this.t.length && /\s/.test(this.t[this.i] as string)) this.i++;
  }

  expr(): ExprNode {
    let node = this.primary();
    for (;;) {
      this.ws();
      const c = this.t[this.i];
      if (c === '.') {
        this.i++;
        this.ws();
        // `.?` safe dereference (languageVersion 2.0)
        if (this.t[this.i] === '?') this.i++;
        node = { k: 'member', target: node, name: this.ident() };
      } else if (c === '[') {
        this.i++;
        this.ws();
        const index = this.expr();
        this.ws();
        this.expect(']');
        node = { k: 'index', target: node, index };
      } else return node;
    }
  }

  private primary(): ExprNode {
    const c = this.t[this.i];
    if (c === undefined) throw new SyntaxError('the expression is empty or ends too early');
    if (c === "'") return { k: 'str', v: this.string() };
    if (c === '-' || /[0-9]/.test(c)) return this.number();
    if (IDENT_START.test(c)) {
      let name = this.ident();
      this.ws();
      // user-defined function: namespace.name(
      if (this.t[this.i] === '.') {
        const save = this.i;
        this.i++;
        this.ws();
        if (IDENT_START.test(this.t[this.i] ?? '')) {
          const second = this.ident();
          this.ws();
          if (this.t[this.i] === '(') name = `${name}.${second}`;
          else this.i = save;
        } else this.i = save;
      }
      this.ws();
      if (this.t[this.i] === '(') {
        this.i++;
        const args: ExprNode[] = [];
        this.ws();
        if (this.t[this.i] === ')') {
          this.i++;
          return { k: 'call', name, args };
        }
        for (;;) {
          this.ws();
          args.push(this.expr());
          this.ws();
          if (this.t[this.i] === ',') {
            this.i++;
            continue;
          }
          this.expect(')');
          return { k: 'call', name, args };
        }
      }
      const lower = name.toLowerCase();
      if (lower === 'true' || lower === 'false' || lower === 'null') return { k: 'lit', v: lower };
      throw new SyntaxError(`'${name}' is not followed by '(' (ARM expressions are function calls)`);
    }
    throw new SyntaxError(`unexpected '${c}'`);
  }

  private ident(): string {
    const start = this.i;
    if (!IDENT_START.test(this.t[this.i] ?? '')) throw new SyntaxError(`expected a name at '${this.rest().slice(0, 20)}'`);
    while (this.i < this.t.length && IDENT.test(this.t[this.i] as string)) this.i++;
    return this.t.slice(start, this.i);
  }

  private string(): string {
    this.i++; // opening quote
    let out = '';
    for (;;) {
      const c = this.t[this.i];
      if (c === undefined) throw new SyntaxError('unterminated string literal');
      this.i++;
      if (c === "'") {
        if (this.t[this.i] === "'") {
          out += "'";
          this.i++;
          continue;
        }
        return out;
      }
      out += c;
    }
  }

  private number(): ExprNode {
    const m = /^-?[0-9]+(\.[0-9]+)?/.exec(this.rest());
    if (!m) throw new SyntaxError(`bad number at '${this.rest().slice(0, 20)}'`);
    this.i += m[0].length;
    return { k: 'num', v: Number(m[0]) };
  }

  private expect(c: string): void {
    if (this.t[this.i] !== c) throw new SyntaxError(`expected '${c}' at '${this.rest().slice(0, 20) || 'end'}'`);
    this.i++;
  }
}
