/**
 * Canonical text of ARM template values, so armgen's ARM JSON and the JSON Bicep compiles from armgen's Bicep
 * compare equal where they evaluate the same but are spelled differently (tests only):
 * - `format('a{0}b', x)` and `concat('a', x, 'b')` -> one concat form; `format('{0}', x)` -> `x`;
 * - `extensionResourceId(format('/subscriptions/{0}/resourceGroups/{1}', s, g), T, N)` -> `resourceId(s, g, T, N)`;
 * - `resourceId(subscription().subscriptionId, g, ...)` -> `resourceId(g, ...)` (the deployment's subscription);
 * - an `existing` resource taken apart from an ID `X` (`resourceId(T, last(split(X, '/')))`, with or without group) -> `X`;
 * - an empty `properties: {}` -> absent; `dependsOn` as a sorted set.
 */
type Node =
  | { t: 'str'; v: string }
  | { t: 'num'; v: string }
  | { t: 'call'; fn: string; args: Node[] }
  | { t: 'member'; target: Node; name: string }
  | { t: 'index'; target: Node; index: Node };

export function parseArmExpression(text: string): Node {
  let pos = 0;
  const ws = () => {
    while (text[pos] === ' ') pos++;
  };
  const expr = (): Node => {
    ws();
    let node: Node;
    if (text[pos] === "'") {
      pos++;
      let v = '';
      for (;;) {
        const c = text[pos++];
        if (c === undefined) throw new SyntaxError(`unterminated string in ${text}`);
        if (c === "'") {
          if (text[pos] === "'") {
            v += "'";
            pos++;
            continue;
          }
          break;
        }
        v += c;
      }
      node = { t: 'str', v };
    } else if (/[-0-9]/.test(text[pos] ?? '')) {
      const m = /^-?\d+/.exec(text.slice(pos))!;
      pos += m[0].length;
      node = { t: 'num', v: m[0] };
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(pos));
      if (!m) throw new SyntaxError(`unexpected '${text[pos]}' at ${pos} in ${text}`);
      pos += m[0].length;
      ws();
      if (text[pos] !== '(') throw new SyntaxError(`expected ( after ${m[0]} in ${text}`);
      pos++;
      const args: Node[] = [];
      ws();
      if (text[pos] === ')') pos++;
      else {
        for (;;) {
          args.push(expr());
          ws();
          const c = text[pos++];
          if (c === ')') break;
          if (c !== ',') throw new SyntaxError(`expected , or ) in ${text}`);
        }
      }
      node = { t: 'call', fn: m[0].toLowerCase(), args };
    }
    for (;;) {
      if (text[pos] === '.') {
        const m = /^\.([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(pos))!;
        pos += m[0].length;
        node = { t: 'member', target: node, name: m[1]! };
      } else if (text[pos] === '[') {
        pos++;
        const index = expr();
        ws();
        pos++; // ]
        node = index.t === 'str' ? { t: 'member', target: node, name: index.v } : { t: 'index', target: node, index };
      } else break;
    }
    return node;
  };
  const node = expr();
  ws();
  if (pos !== text.length) throw new SyntaxError(`trailing text at ${pos} in ${text}`);
  return node;
}

const SUBSCRIPTION_ID = 'subscription().subscriptionId';

function canon(n: Node): Node {
  switch (n.t) {
    case 'member':
      return { ...n, target: canon(n.target) };
    case 'index':
      return { ...n, target: canon(n.target), index: canon(n.index) };
    case 'call': {
      let args = n.args.map(canon);
      if (n.fn === 'format' && args[0]?.t === 'str' && !/\{\{|\}\}/.test(args[0].v)) {
        const parts = args[0].v.split(/\{(\d+)\}/);
        const pieces: Node[] = parts.map((p, i) => (i % 2 === 0 ? { t: 'str', v: p } : args[Number(p) + 1]!));
        return concat(pieces);
      }
      if (n.fn === 'concat' && args.some((a) => a.t === 'str')) return concat(args);
      const group = args[0] && n.fn === 'extensionresourceid' ? resourceGroupParts(args[0]) : undefined;
      if (group) return canon({ t: 'call', fn: 'resourceid', args: [...group, ...args.slice(1)] });
      if (n.fn === 'resourceid' && args.length >= 4 && show(args[0]!) === SUBSCRIPTION_ID) args = args.slice(1);
      // An `existing` resource taken apart from an ID parameter: resourceId(split(X)[2], split(X)[4], T, last(split(X))) is X.
      if (n.fn === 'resourceid' && args.length === 4) {
        const [s, g, , name] = args.map(show);
        const id = /^last\(split\((.*), '\/'\)\)$/.exec(name ?? '')?.[1];
        if (id && s === `split(${id}, '/')[2]` && g === `split(${id}, '/')[4]`) return args[3]!.t === 'call' ? (args[3]!.args[0] as { args: Node[] }).args[0]! : n;
      }
      // ...or one known to be in the deployment's resource group (a module's target): resourceId(T, last(split(X))) is X.
      if (n.fn === 'resourceid' && args.length === 2) {
        const id = /^last\(split\((.*), '\/'\)\)$/.exec(show(args[1]!))?.[1];
        if (id && args[1]!.t === 'call') return (args[1]!.args[0] as { args: Node[] }).args[0]!;
      }
      return { ...n, args };
    }
    default:
      return n;
  }
}

/** `/subscriptions/S/resourceGroups/G` (in any concat spelling) -> [S, G]. */
function resourceGroupParts(n: Node): [Node, Node] | undefined {
  const pieces = n.t === 'call' && n.fn === 'concat' ? n.args : [n];
  // Split literal pieces at '/' boundaries into a token list, then match the shape.
  const tokens: Node[] = [];
  for (const p of pieces) {
    if (p.t !== 'str') {
      tokens.push(p);
      continue;
    }
    for (const seg of p.v.split('/')) if (seg !== '') tokens.push({ t: 'str', v: seg });
  }
  const [a, s, b, g, ...rest] = tokens;
  if (rest.length === 0 && a?.t === 'str' && a.v === 'subscriptions' && b?.t === 'str' && b.v === 'resourceGroups' && s && g) return [s, g];
  return undefined;
}

/** concat of pieces: adjacent literals merged, empty ones dropped; a single non-literal piece is itself. */
function concat(pieces: Node[]): Node {
  const flat: Node[] = [];
  for (const p of pieces.flatMap((x) => (x.t === 'call' && x.fn === 'concat' ? x.args : [x]))) {
    const last = flat[flat.length - 1];
    if (p.t === 'str' && p.v === '') continue;
    if (p.t === 'str' && last?.t === 'str') flat[flat.length - 1] = { t: 'str', v: last.v + p.v };
    else flat.push(p);
  }
  if (flat.length === 1) return flat[0]!;
  if (flat.length === 0) return { t: 'str', v: '' };
  return { t: 'call', fn: 'concat', args: flat };
}

function show(n: Node): string {
  switch (n.t) {
    case 'str':
      return `'${n.v.replace(/'/g, "''")}'`;
    case 'num':
      return n.v;
    case 'call':
      return `${n.fn === 'subscription' ? 'subscription' : n.fn}(${n.args.map(show).join(', ')})`;
    case 'member':
      return `${show(n.target)}.${n.name}`;
    case 'index':
      return `${show(n.target)}[${show(n.index)}]`;
  }
}

/** The canonical form of one JSON string value (expressions canonicalised, literals as they are). */
export function canonString(value: string): string {
  if (!value.startsWith('[') || value.startsWith('[[') || !value.endsWith(']')) return value;
  const node = canon(parseArmExpression(value.slice(1, -1)));
  // An expression that folds to a literal (format('{0}/{1}', 'a', 'b')) equals that literal.
  if (node.t === 'str') return node.v.startsWith('[') && node.v.endsWith(']') ? `[${node.v}` : node.v;
  return `[${show(node)}]`;
}

/** A whole JSON value, canonicalised (keys too). */
export function canonJson(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return canonString(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => canonJson(v));
    return key === 'dependsOn' ? items.map((i) => JSON.stringify(i)).sort().map((s) => JSON.parse(s) as unknown) : items;
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'properties' && typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0) continue;
      out[canonString(k)] = canonJson(v, k);
    }
    return out;
  }
  return value;
}
