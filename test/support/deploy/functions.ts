/**
 * The pure ARM template functions (string, array, object, numeric, logical, comparison): their value depends on
 * their arguments only (learn.microsoft.com template-functions-*). Keyed by lower-case name, as ARM matches names
 * case-insensitively. Functions that need the deployment (parameters, resourceId, reference, utcNow, ...) live in
 * evaluator.ts.
 */
import { addDuration, formatDate, parseDate } from './time.js';
import { armString, EvaluationError, isObject, stableGuid, stableHash, type ObjectValue, type Value } from './values.js';

export type PureFunction = (args: readonly Value[]) => Value;

const str = (fn: string, v: Value | undefined): string => {
  if (typeof v !== 'string') throw new EvaluationError(`${fn}(): expected a string, got ${JSON.stringify(v)}`);
  return v;
};
const num = (fn: string, v: Value | undefined): number => {
  if (typeof v !== 'number') throw new EvaluationError(`${fn}(): expected an integer, got ${JSON.stringify(v)}`);
  return v;
};
const arr = (fn: string, v: Value | undefined): Value[] => {
  if (!Array.isArray(v)) throw new EvaluationError(`${fn}(): expected an array, got ${JSON.stringify(v)}`);
  return v;
};
const deepEqual = (a: Value | undefined, b: Value | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);

/** .NET composite formatting as `format()` uses it: `{0}`, `{1:...}` (specifier ignored), `{{`/`}}` escapes. */
function format(args: readonly Value[]): string {
  const [template, ...rest] = args;
  return str('format', template).replace(/\{\{|\}\}|\{(\d+)(?:[,:][^}]*)?\}/g, (m, i: string | undefined) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    const v = rest[Number(i)];
    if (v === undefined) throw new EvaluationError(`format(): '${m}' has no argument`);
    return armString(v);
  });
}

/** `concat` joins strings, or concatenates arrays when the first argument is an array. */
function concat(args: readonly Value[]): Value {
  if (Array.isArray(args[0])) return args.flatMap((a) => arr('concat', a));
  return args.map((a) => armString(a)).join('');
}

/** `length` of a string, array or object (number of properties). */
function length(args: readonly Value[]): number {
  const [v] = args;
  if (typeof v === 'string' || Array.isArray(v)) return v.length;
  if (isObject(v)) return Object.keys(v).length;
  throw new EvaluationError(`length(): expected a string, array or object, got ${JSON.stringify(v)}`);
}

function contains(args: readonly Value[]): boolean {
  const [c, item] = args;
  if (typeof c === 'string') return c.toLowerCase().includes(str('contains', item).toLowerCase());
  if (Array.isArray(c)) return c.some((x) => deepEqual(x, item));
  if (isObject(c)) return Object.keys(c).some((k) => k.toLowerCase() === str('contains', item).toLowerCase());
  throw new EvaluationError('contains(): expected a string, array or object');
}

function empty(args: readonly Value[]): boolean {
  const [v] = args;
  if (v === null || v === undefined) return true;
  if (typeof v === 'string' || Array.isArray(v)) return v.length === 0;
  if (isObject(v)) return Object.keys(v).length === 0;
  return false;
}

function union(args: readonly Value[]): Value {
  if (Array.isArray(args[0])) {
    const out: Value[] = [];
    for (const a of args) for (const x of arr('union', a)) if (!out.some((y) => deepEqual(x, y))) out.push(x);
    return out;
  }
  return Object.assign({}, ...args.map((a) => (isObject(a) ? a : {}))) as ObjectValue;
}

function createObject(args: readonly Value[]): ObjectValue {
  if (args.length % 2 !== 0) throw new EvaluationError('createObject(): needs key/value pairs');
  const out: ObjectValue = {};
  for (let i = 0; i < args.length; i += 2) out[str('createObject', args[i])] = args[i + 1] as Value;
  return out;
}

function substring(args: readonly Value[]): string {
  const s = str('substring', args[0]);
  const start = args[1] === undefined ? 0 : num('substring', args[1]);
  const len = args[2] === undefined ? s.length - start : num('substring', args[2]);
  if (start < 0 || len < 0 || start + len > s.length) throw new EvaluationError(`substring(): ${start}+${len} is outside a string of length ${s.length}`);
  return s.substring(start, start + len);
}

/** `uri(base, relative)`: System.Uri combination; a base without a trailing '/' loses its last segment. */
function uri(args: readonly Value[]): string {
  try {
    return new URL(str('uri', args[1]), str('uri', args[0])).toString();
  } catch (err) {
    if (err instanceof EvaluationError) throw err;
    throw new EvaluationError(`uri(): '${String(args[0])}' is not an absolute URI`);
  }
}

/** dateTimeAdd keeps the base value's format unless one is given (template-functions-date#datetimeadd). */
function dateTimeAdd(args: readonly Value[]): string {
  const base = str('dateTimeAdd', args[0]);
  const given = args[2] === undefined ? undefined : str('dateTimeAdd', args[2]);
  const same = /^\d{8}T\d{6}Z$/.test(base) ? 'yyyyMMddTHHmmssZ' : /^\d{4}-\d{2}-\d{2} /.test(base) ? 'u' : 'yyyy-MM-ddTHH:mm:ssZ';
  return formatDate(addDuration(parseDate(base), str('dateTimeAdd', args[1])), given ?? same);
}

const compare = (fn: string, pick: (c: number) => boolean): PureFunction => (args) => {
  const [a, b] = args;
  if (typeof a === 'number' && typeof b === 'number') return pick(a - b);
  return pick(str(fn, a).localeCompare(str(fn, b)));
};

export const PURE_FUNCTIONS: Readonly<Record<string, PureFunction>> = {
  format,
  concat,
  length,
  contains,
  empty,
  union,
  createobject: createObject,
  substring,
  uri,
  datetimeadd: dateTimeAdd,
  string: (a) => armString(a[0] ?? null),
  int: (a) => (typeof a[0] === 'number' ? Math.trunc(a[0]) : Number.parseInt(str('int', a[0]), 10)),
  bool: (a) => (typeof a[0] === 'boolean' ? a[0] : str('bool', a[0]).toLowerCase() === 'true'),
  json: (a) => JSON.parse(str('json', a[0])) as Value,
  createarray: (a) => [...a],
  array: (a) => (Array.isArray(a[0]) ? a[0] : [a[0] ?? null]),
  split: (a) => str('split', a[0]).split(str('split', a[1])),
  join: (a) => arr('join', a[0]).map((x) => armString(x)).join(str('join', a[1])),
  first: (a) => (typeof a[0] === 'string' ? a[0].slice(0, 1) : (arr('first', a[0])[0] ?? null)),
  last: (a) => (typeof a[0] === 'string' ? a[0].slice(-1) : (arr('last', a[0]).at(-1) ?? null)),
  take: (a) => (typeof a[0] === 'string' ? a[0].slice(0, num('take', a[1])) : arr('take', a[0]).slice(0, num('take', a[1]))),
  skip: (a) => (typeof a[0] === 'string' ? a[0].slice(num('skip', a[1])) : arr('skip', a[0]).slice(num('skip', a[1]))),
  tolower: (a) => str('toLower', a[0]).toLowerCase(),
  toupper: (a) => str('toUpper', a[0]).toUpperCase(),
  trim: (a) => str('trim', a[0]).trim(),
  replace: (a) => str('replace', a[0]).split(str('replace', a[1])).join(str('replace', a[2])),
  startswith: (a) => str('startsWith', a[0]).toLowerCase().startsWith(str('startsWith', a[1]).toLowerCase()),
  endswith: (a) => str('endsWith', a[0]).toLowerCase().endsWith(str('endsWith', a[1]).toLowerCase()),
  indexof: (a) => str('indexOf', a[0]).toLowerCase().indexOf(str('indexOf', a[1]).toLowerCase()),
  lastindexof: (a) => str('lastIndexOf', a[0]).toLowerCase().lastIndexOf(str('lastIndexOf', a[1]).toLowerCase()),
  base64: (a) => Buffer.from(str('base64', a[0]), 'utf8').toString('base64'),
  uricomponent: (a) => encodeURIComponent(str('uriComponent', a[0])),
  guid: (a) => stableGuid(...a.map((x) => str('guid', x))),
  uniquestring: (a) => stableHash(...a.map((x) => str('uniqueString', x))),
  coalesce: (a) => a.find((x) => x !== null) ?? null,
  null: () => null,
  true: () => true,
  false: () => false,
  add: (a) => num('add', a[0]) + num('add', a[1]),
  sub: (a) => num('sub', a[0]) - num('sub', a[1]),
  mul: (a) => num('mul', a[0]) * num('mul', a[1]),
  div: (a) => Math.trunc(num('div', a[0]) / num('div', a[1])),
  mod: (a) => num('mod', a[0]) % num('mod', a[1]),
  min: (a) => Math.min(...(Array.isArray(a[0]) ? a[0] : a).map((x) => num('min', x))),
  max: (a) => Math.max(...(Array.isArray(a[0]) ? a[0] : a).map((x) => num('max', x))),
  range: (a) => Array.from({ length: num('range', a[1]) }, (_, i) => num('range', a[0]) + i),
  equals: (a) => deepEqual(a[0], a[1]),
  not: (a) => !a[0],
  and: (a) => a.every((x) => x === true),
  or: (a) => a.some((x) => x === true),
  greater: compare('greater', (c) => c > 0),
  greaterorequals: compare('greaterOrEquals', (c) => c >= 0),
  less: compare('less', (c) => c < 0),
  lessorequals: compare('lessOrEquals', (c) => c <= 0),
};
