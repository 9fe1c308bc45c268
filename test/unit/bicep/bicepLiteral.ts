/** A parser for the literal Bicep values armgen writes (tests only): strings, numbers, booleans, null, objects, arrays. */

/**
 * A literal Bicep value (as armgen writes literals) -> JSON; undefined when the text is an expression.
 */
export function parseBicepLiteral(text: string): { value: unknown } | undefined {
  let pos = 0;
  const fail = (): never => {
    throw new SyntaxError(`not a literal at ${pos}: ${text.slice(pos, pos + 20)}`);
  };
  const ws = () => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  };
  const stringLit = (): string => {
    if (text[pos] !== "'") fail();
    pos++;
    let out = '';
    for (;;) {
      const c = text[pos++];
      if (c === undefined) fail();
      if (c === "'") return out;
      if (c === '$' && text[pos] === '{') fail(); // interpolation: an expression
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = text[pos++];
      if (e === 'n') out += '\n';
      else if (e === 'r') out += '\r';
      else if (e === 't') out += '\t';
      else if (e === 'u') {
        const end = text.indexOf('}', pos);
        out += String.fromCodePoint(parseInt(text.slice(pos + 1, end), 16));
        pos = end + 1;
      } else out += e;
    }
  };
  const value = (): unknown => {
    ws();
    const c = text[pos];
    if (c === "'") return stringLit();
    if (c === '{') {
      pos++;
      const o: Record<string, unknown> = {};
      for (;;) {
        ws();
        if (text[pos] === '}') {
          pos++;
          return o;
        }
        let key: string;
        if (text[pos] === "'") key = stringLit();
        else {
          const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(pos)) ?? fail();
          key = m[0];
          pos += key.length;
        }
        if (text[pos] !== ':') fail();
        pos++;
        o[key] = value();
      }
    }
    if (c === '[') {
      pos++;
      const a: unknown[] = [];
      for (;;) {
        ws();
        if (text[pos] === ']') {
          pos++;
          return a;
        }
        a.push(value());
        ws();
        if (text[pos] === ',') pos++;
      }
    }
    const m = /^(-?\d+|true|false|null)(?![A-Za-z0-9_(.])/.exec(text.slice(pos)) ?? fail();
    pos += m[0].length;
    return m[0] === 'true' ? true : m[0] === 'false' ? false : m[0] === 'null' ? null : Number(m[0]);
  };
  try {
    const v = value();
    ws();
    return pos === text.length ? { value: v } : undefined;
  } catch (err) {
    if (err instanceof SyntaxError) return undefined;
    throw err;
  }
}
