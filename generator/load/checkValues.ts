/** A value armgen cannot carry into JSON, ARM and Bicep exactly as written, at a JSON pointer. */
export interface ValueProblem {
  readonly pointer: string;
  /** The problem is in the key at `pointer`, not in its value. */
  readonly inKey: boolean;
  readonly message: string;
}

/** A UTF-16 surrogate without its other half: JSON.stringify escapes it, but `bicep build` fails on it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * C0 and C1 control characters (NUL, TAB, line breaks, ESC, DEL...). Allowed in values, which are carried
 * escaped; refused in keys: every key is a name (a tag, a parameter, a property) and is quoted in diagnostics,
 * where a line break or ESC would forge or hide output.
 */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/**
 * Every value and key of the loaded data, at any depth: integers must be safe (beyond ±(2^53 - 1) a
 * number is already rounded: 9007199254740993 reads as ...992), numbers finite (YAML's `.inf`/`.nan`
 * become null in ARM JSON but json('Infinity') in Bicep), strings well-formed UTF-16, keys free of control
 * characters, and nothing but JSON data (a YAML tag like `!!binary` builds a byte array). A value that
 * aliases share is visited once.
 */
export function checkValues(data: unknown): ValueProblem[] {
  const problems: ValueProblem[] = [];
  const visited = new Set<object>();
  const visit = (value: unknown, pointer: string): void => {
    const problem = valueProblem(value);
    if (problem) {
      problems.push({ pointer, inKey: false, message: problem });
      return;
    }
    if (typeof value !== 'object' || value === null || visited.has(value)) return;
    visited.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${pointer}/${i}`));
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      const at = `${pointer}/${escapePointer(key)}`;
      const keyProblem = keyProblemOf(key);
      if (keyProblem) problems.push({ pointer: at, inKey: true, message: keyProblem });
      visit(item, at);
    }
  };
  visit(data, '');
  return problems;
}

/**
 * Whether a scalar (or a key, with `key`) might be refused by checkValues: a cheap test for the walks
 * that see every value, so that checkValues, which builds a JSON pointer for each, runs only when needed.
 */
export function mayBeInexact(value: unknown, key = false): boolean {
  if (typeof value === 'string') return SURROGATE.test(value) || (key && CONTROL.test(value));
  if (typeof value === 'number') return !Number.isSafeInteger(value) && (!Number.isFinite(value) || Number.isInteger(value));
  return typeof value === 'object' && value !== null;
}

/** Any surrogate code unit, paired or not: cheaper than LONE_SURROGATE, which is tried only after it. */
const SURROGATE = /[\uD800-\uDFFF]/;

function valueProblem(value: unknown): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `${String(value)} is not a number JSON can hold; ARM and Bicep have no infinity or NaN`;
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      // Not quoted: the value may be a secret (this check runs before anything knows which values are secure).
      return 'this integer is beyond ±9007199254740991 (2^53 - 1), so it has been rounded; quote it to keep it exact as a string';
    }
    return undefined;
  }
  if (typeof value === 'string') return surrogateProblem(value, 'the text');
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto !== Object.prototype && proto !== null) {
      return `a ${(value as object).constructor?.name ?? 'non-JSON'} value (from a YAML tag such as !!binary or !!set) is not JSON data; write a string, number, boolean, null, sequence or mapping`;
    }
  }
  return undefined;
}

function keyProblemOf(key: string): string | undefined {
  const control = CONTROL.exec(key);
  if (control) return `the key ${JSON.stringify(key)} contains the control character ${codePoint(control[0])}; keys are names and may not`;
  return surrogateProblem(key, `the key ${JSON.stringify(key)}`);
}

function surrogateProblem(text: string, what: string): string | undefined {
  if (!SURROGATE.test(text)) return undefined;
  const lone = LONE_SURROGATE.exec(text);
  if (!lone) return undefined;
  return `${what} has a lone UTF-16 surrogate ${codePoint(lone[0])} at character ${lone.index + 1} (half of a character; \`bicep build\` fails on it); write the whole character`;
}

function codePoint(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
