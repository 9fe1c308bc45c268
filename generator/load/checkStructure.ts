import { isAlias, isMap, isScalar, isSeq, type Alias, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { mayBeInexact } from './checkValues.js';
import { MAX_ALIAS_COUNT, MAX_EXPANDED_CHARS, MAX_EXPANDED_VALUES } from './limits.js';
import type { ParseProblem } from './parseYaml.js';

/** The size of a value with every alias in it expanded. */
interface Size {
  values: number;
  chars: number;
}

/** A key already in a mapping: its node and its YAML value (`2024` the number, `"2024"` the string). */
interface SeenKey {
  readonly node: Node | null;
  readonly value: unknown;
}

/** Thrown inside the walk to stop at the first limit exceeded (the rest cannot matter). */
class Refused {
  constructor(readonly problem: ParseProblem) {}
}

/**
 * One pass over the parsed document, before any value is built (Document.toJS), in linear time:
 * - the expanded size: each alias counts the size of the value it repeats, computed once per anchor, so a
 *   "billion laughs" or 400 aliases of a 1 MB list are refused without being expanded;
 * - aliases: at most MAX_ALIAS_COUNT, each after its anchor and never inside it (that value would be endless);
 * - keys: each mapping's keys are compared as the JSON keys they become (`2024` and `"2024"` are one key),
 *   with one Set per mapping; a mapping or sequence as a key is refused (JSON keys are strings).
 * It also notes whether any scalar or key may be one checkValues refuses, so that the walk over the built
 * data, which is slower, runs only then. `line` turns an offset into a line number, for messages that
 * point at an earlier key.
 */
export function checkStructure(doc: Document.Parsed, text: string, line: (offset: number) => number): { problems: ParseProblem[]; mayBeInexact: boolean } {
  const walk = new StructureWalk(text, line);
  try {
    walk.size(doc.contents);
  } catch (err) {
    if (err instanceof Refused) return { problems: [...walk.problems, err.problem], mayBeInexact: walk.mayBeInexact };
    throw err;
  }
  return { problems: walk.problems, mayBeInexact: walk.mayBeInexact };
}

class StructureWalk {
  readonly problems: ParseProblem[] = [];
  mayBeInexact = false;
  /** The latest node bearing each anchor name so far, in document order (yaml resolves aliases the same way). */
  private readonly anchors = new Map<string, Node>();
  /** Expanded sizes of anchored values, for their aliases. */
  private readonly anchoredSizes = new Map<Node, Size>();
  /** Anchored values being walked: an alias to one of them is inside it. */
  private readonly open = new Set<Node>();
  private aliases = 0;

  constructor(
    private readonly text: string,
    private readonly line: (offset: number) => number,
  ) {}

  size(node: unknown): Size {
    if (isAlias(node)) return this.aliasSize(node);
    if (!isMap(node) && !isSeq(node)) {
      if (isScalar(node) && node.anchor) this.anchors.set(node.anchor, node);
      const value = isScalar(node) ? node.value : null;
      if (!this.mayBeInexact && mayBeInexact(value)) this.mayBeInexact = true;
      const size = { values: 1, chars: typeof value === 'string' ? value.length : 0 };
      if (isScalar(node) && node.anchor) this.anchoredSizes.set(node, size);
      return size;
    }
    const collection = node as YAMLMap | YAMLSeq;
    if (collection.anchor) {
      this.anchors.set(collection.anchor, collection);
      this.open.add(collection);
    }
    const total: Size = { values: 1, chars: 0 };
    const offset = collection.range?.[0] ?? 0;
    if (isMap(collection)) {
      const keys = new Map<string, SeenKey>();
      for (const pair of collection.items) {
        this.add(total, this.size(pair.key), offset);
        this.checkKey(pair, keys);
        this.add(total, this.size(pair.value), offset);
      }
    } else {
      for (const item of collection.items) this.add(total, this.size(item), offset);
    }
    if (collection.anchor) {
      this.open.delete(collection);
      this.anchoredSizes.set(collection, total);
    }
    return total;
  }

  private aliasSize(alias: Alias): Size {
    const at = alias.range?.[0] ?? 0;
    if (++this.aliases > MAX_ALIAS_COUNT) {
      throw new Refused({ code: 'AG103', offset: at, message: `refused: the document uses more than ${MAX_ALIAS_COUNT} aliases` });
    }
    const target = this.anchors.get(alias.source);
    if (!target) {
      this.problems.push({ code: 'AG101', offset: at, message: `unknown alias *${alias.source}: an alias must come after its anchor &${alias.source}` });
      return { values: 1, chars: 0 };
    }
    if (this.open.has(target)) {
      throw new Refused({ code: 'AG103', offset: at, message: `refused: alias *${alias.source} is inside the value anchored &${alias.source}, which would repeat itself endlessly` });
    }
    return this.anchoredSizes.get(target) ?? { values: 1, chars: 0 };
  }

  private add(total: Size, part: Size, offset: number): void {
    total.values += part.values;
    total.chars += part.chars;
    if (total.values > MAX_EXPANDED_VALUES) {
      throw new Refused({ code: 'AG103', offset, message: `refused: with its aliases expanded, this value holds more than ${MAX_EXPANDED_VALUES.toLocaleString('en-US')} values` });
    }
    if (total.chars > MAX_EXPANDED_CHARS) {
      throw new Refused({ code: 'AG103', offset, message: `refused: with its aliases expanded, this value holds more than ${MAX_EXPANDED_CHARS.toLocaleString('en-US')} characters of text` });
    }
  }

  /** A key is the JSON key it becomes, as yaml's toJS makes it (null -> "", else String(value)). */
  private checkKey(pair: Pair, seen: Map<string, SeenKey>): void {
    const key = pair.key as Node | null;
    const resolved = isAlias(key) ? this.anchors.get(key.source) : key;
    const offset = key?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? 0;
    const value = isScalar(resolved) ? resolved.value : resolved ? resolved : null;
    if (value !== null && typeof value === 'object') {
      const what = isMap(resolved) ? 'a mapping' : isSeq(resolved) ? 'a sequence' : 'a tagged value';
      this.problems.push({ code: 'AG101', offset, message: `a key must be a string, number, boolean or null, not ${what} (JSON keys are strings)` });
      return;
    }
    const jsonKey = value === null ? '' : String(value);
    if (!this.mayBeInexact && mayBeInexact(jsonKey, true)) this.mayBeInexact = true;
    const first = seen.get(jsonKey);
    if (!first) {
      seen.set(jsonKey, { node: key, value });
      return;
    }
    // Same value: yaml's own wording (what its uniqueKeys reported). Different YAML types: name both.
    const message =
      first.value === value
        ? 'Map keys must be unique (each key may appear once)'
        : `key ${this.source(key)} and key ${this.source(first.node)} on line ${this.line(first.node?.range?.[0] ?? 0)} both become the JSON key ${JSON.stringify(jsonKey)} (each key may appear once)`;
    this.problems.push({ code: 'AG102', offset, message });
  }

  /** A key as written, shortened for a message. */
  private source(node: Node | null): string {
    const written = node?.range ? this.text.slice(node.range[0], node.range[1]).trim() : '';
    const shown = written === '' ? '(empty)' : written.length > 40 ? `${written.slice(0, 37)}...` : written;
    return `\`${shown}\``;
  }
}
