import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { Artifact as RenderedArtifact } from '../model/artifact.js';

/** What emit needs of an artifact: where it goes and its bytes. */
type Artifact = Pick<RenderedArtifact, 'path' | 'text'>;
import { toOwners, type Owners } from './ownership.js';
import { ownedFiles } from './writeArtifacts.js';

// diff is loaded only when `check` finds a difference to show (its CommonJS build, on demand).
const require = createRequire(import.meta.url);
let diffModule: typeof import('diff') | undefined;
function createTwoFilesPatch(oldName: string, newName: string, before: string, after: string, oldHeader: string, newHeader: string, options: { context: number }): string {
  return (diffModule ??= require('diff') as typeof import('diff')).createTwoFilesPatch(oldName, newName, before, after, oldHeader, newHeader, options);
}

export interface Drift {
  readonly path: string;
  readonly kind: 'stale' | 'missing' | 'extra';
  /** Unified diff (disk -> rendered). */
  readonly diff: string;
  /** For ARM JSON: which parameters, resources or outputs changed. */
  readonly summary: readonly string[];
}

/** Compare rendered artifacts with the owned files on disk; reads only, writes nothing. */
export function checkDrift(outDir: string, artifacts: readonly Artifact[], owners: readonly string[] | Owners): Drift[] {
  const { names, format } = toOwners(owners);
  const root = resolve(outDir);
  const drift: Drift[] = [];
  const produced = new Set<string>();
  for (const a of artifacts) {
    const full = join(root, a.path);
    produced.add(full);
    const onDisk = readSafe(full);
    if (onDisk === undefined) {
      drift.push({ path: a.path, kind: 'missing', diff: patch(a.path, '', a.text), summary: [] });
    } else if (onDisk !== a.text) {
      drift.push({ path: a.path, kind: 'stale', diff: patch(a.path, onDisk, a.text), summary: a.path.endsWith('.json') ? summarise(onDisk, a.text) : [] });
    }
  }
  for (const name of names) {
    for (const f of ownedFiles(root, name, format)) {
      if (!produced.has(f)) {
        const rel = relative(root, f).split(sep).join('/');
        drift.push({ path: rel, kind: 'extra', diff: patch(rel, readSafe(f) ?? '', ''), summary: [] });
      }
    }
  }
  return drift.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function patch(path: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, 'on disk', 'rendered', { context: 3 });
}

function readSafe(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

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
