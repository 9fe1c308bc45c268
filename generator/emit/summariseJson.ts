/** The semantic summary `check` prints for a changed ARM JSON file. */

type Json = Record<string, unknown>;

/** A short semantic summary of an ARM JSON change: parameters, resources (by type and name), outputs. */
export function summarise(beforeText: string, afterText: string): string[] {
  let before: Json;
  let after: Json;
  try {
    before = JSON.parse(beforeText) as Json;
    after = JSON.parse(afterText) as Json;
  } catch {
    return ['the file on disk is not valid JSON'];
  }
  const lines: string[] = [];
  for (const section of ['parameters', 'outputs'] as const) {
    compareMaps(section.replace(/s$/, ''), (before[section] ?? {}) as Json, (after[section] ?? {}) as Json, lines);
  }
  const key = (r: Json) => `${String(r.type)} ${JSON.stringify(r.name)}`;
  const toMap = (list: unknown) => Object.fromEntries(((list ?? []) as Json[]).map((r) => [key(r), r]));
  compareMaps('resource', toMap(before.resources), toMap(after.resources), lines);
  if (lines.length === 0 && JSON.stringify(before) !== JSON.stringify(after)) lines.push('metadata or formatting changed');
  if (lines.length === 0) lines.push('formatting only (same JSON content)');
  return lines;
}

function compareMaps(what: string, before: Json, after: Json, lines: string[]): void {
  for (const k of Object.keys(before)) if (!(k in after)) lines.push(`${what} ${k} removed`);
  for (const k of Object.keys(after)) {
    if (!(k in before)) lines.push(`${what} ${k} added`);
    else {
      const paths = changedPaths(before[k], after[k], '');
      if (paths.length) lines.push(`${what} ${k} changed at ${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ` and ${paths.length - 5} more` : ''}`);
    }
  }
}

function changedPaths(a: unknown, b: unknown, at: string): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return [at || '/'];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => changedPaths((a as Json)[k], (b as Json)[k], `${at}/${k}`));
}
