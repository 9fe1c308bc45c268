import { visit } from 'jsonc-parser';
import { mayBeInexact } from './checkValues.js';
import { MAX_DEPTH, MAX_EXPANDED_VALUES } from './limits.js';

/**
 * The fast path for `.json` configs: JSON.parse is ~40x faster than yaml's parser and builds the same
 * values that YAML 1.2's JSON schema gives (same numbers, strings and escapes). It is taken only when it
 * cannot differ from the YAML path: the text is strict JSON, within the depth and size limits, and no
 * object repeats a key (JSON.parse would keep the last one silently; jsonc-parser's scanner reports every
 * key, decoded, in one linear pass). Otherwise undefined: the caller parses with yaml, which reports the
 * problem with its position, exactly as before.
 */
export function parseJsonFast(text: string): { data: unknown; mayBeInexact: boolean } | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  const scan = scanValues(data);
  if (!scan || hasDuplicateKey(text)) return undefined;
  return { data, mayBeInexact: scan.mayBeInexact };
}

/**
 * Depth and value count (keys included, as the YAML path counts them) without recursion: the data may be
 * 100,000 levels deep. Undefined over a limit. Also whether any value or key may be one checkValues refuses.
 */
function scanValues(data: unknown): { mayBeInexact: boolean } | undefined {
  const values: unknown[] = [data];
  const depths: number[] = [0];
  let count = 0;
  let inexact = false;
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop()!;
    if (++count > MAX_EXPANDED_VALUES) return undefined;
    if (typeof value !== 'object' || value === null) {
      inexact ||= mayBeInexact(value);
      continue;
    }
    if (depth + 1 > MAX_DEPTH) return undefined;
    if (Array.isArray(value)) {
      for (const item of value) {
        values.push(item);
        depths.push(depth + 1);
      }
      continue;
    }
    for (const key in value) {
      count++;
      inexact ||= mayBeInexact(key, true);
      values.push((value as Record<string, unknown>)[key]);
      depths.push(depth + 1);
    }
  }
  return { mayBeInexact: inexact };
}

function hasDuplicateKey(text: string): boolean {
  const open: Set<string>[] = [];
  let duplicate = false;
  visit(text, {
    onObjectBegin: () => void open.push(new Set()),
    onObjectEnd: () => void open.pop(),
    onObjectProperty: (property) => {
      const keys = open[open.length - 1];
      if (!keys) return;
      if (keys.has(property)) duplicate = true;
      keys.add(property);
    },
  });
  return duplicate;
}
