import { readdirSync, type Dirent } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { OutputFile as Artifact } from './outputFile.js';
import { decodeUtf8 } from '../io/decodeUtf8.js';
import { readInputBytes, type InputRule } from '../io/readInputFile.js';
import { leftoverFiles, MANIFEST_FILE, manifestArtifact, readManifest, type Manifest } from './manifest.js';
import { rendersOf, toOwners, type Owners, type RunRenders } from './ownership.js';
import { summarise } from './summariseJson.js';

export { summarise } from './summariseJson.js';

// diff is loaded only when `check` finds a difference to show (its CommonJS build, on demand).
const require = createRequire(import.meta.url);
let diffModule: typeof import('diff') | undefined;
function patch(label: string, before: string, after: string): string {
  diffModule ??= require('diff') as typeof import('diff');
  return diffModule.createTwoFilesPatch(`a/${label}`, `b/${label}`, before, after, 'on disk', 'rendered', { context: 3 });
}

export interface Drift {
  /** Relative to the output folder: `NAME/file`, or `NAME/` for an orphan folder. */
  readonly path: string;
  readonly kind: 'stale' | 'missing' | 'extra' | 'orphan';
  /** What is wrong, for the AG900 diagnostic. */
  readonly message: string;
  /** Unified diff (disk -> rendered); empty when the file on disk may not be shown (a link, not UTF-8...). */
  readonly diff: string;
  /** For ARM JSON: which parameters, resources or outputs changed. */
  readonly summary: readonly string[];
}

export interface CheckOptions {
  /** Check only the given configs' folders: other folders with a manifest are not reported as orphans. */
  readonly partial?: boolean;
  /**
   * How diff headers name a file (given `NAME/file`): the CLI names `out/NAME/file`, the path `git apply`
   * needs from the working directory. @default the path relative to the output folder
   */
  readonly diffPath?: (path: string) => string;
}

/**
 * Compare rendered artifacts (and each config's manifest) with the output folder, byte for byte; reads
 * only regular files inside the output folder, writes nothing, and shows a file's content only when it is
 * valid UTF-8 text there (never what a link points to).
 */
export function checkDrift(outDir: string, artifacts: readonly Artifact[], owners: readonly string[] | Owners, options: CheckOptions = {}): Drift[] {
  const { names } = toOwners(owners);
  const format = rendersOf(toOwners(owners));
  const root = resolve(outDir);
  const within: Reading = { within: { folder: root, name: 'the output folder' }, realpaths: new Map(), label: options.diffPath ?? ((path) => path) };
  const byName = new Map<string, Artifact[]>(names.map((n) => [n, []]));
  for (const a of artifacts) {
    const name = a.path.slice(0, a.path.indexOf('/'));
    byName.set(name, [...(byName.get(name) ?? []), a]);
  }
  const drift: Drift[] = [];
  for (const [name, list] of byName) {
    const read = readManifest(root, name, within.realpaths);
    const previous = read.state === 'ok' ? read.manifest : undefined;
    for (const a of [...list, manifestArtifact(name, list, format, previous)]) {
      const d = compare(root, a, within);
      if (d) drift.push(d);
    }
    if (previous) drift.push(...extras(root, name, previous, new Set(list.map((a) => a.path.slice(name.length + 1))), format, within));
  }
  if (!options.partial) drift.push(...orphans(root, names));
  return drift.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** How files are read, and how a diff header names a path. */
interface Reading extends InputRule {
  readonly label: (path: string) => string;
}

function compare(root: string, a: Artifact, within: Reading): Drift | undefined {
  const read = readInputBytes(join(root, a.path), within);
  if (!read.ok && read.missing) return { path: a.path, kind: 'missing', message: 'missing: the config renders this file', diff: patch(within.label(a.path), '', a.text), summary: [] };
  if (!read.ok) return { path: a.path, kind: 'stale', message: `stale: it ${read.reason}`, diff: '', summary: [] };
  if (read.bytes.equals(Buffer.from(a.text, 'utf8'))) return undefined;
  const onDisk = decodeUtf8(read.bytes);
  if (!onDisk.ok) return { path: a.path, kind: 'stale', message: `stale: the file on disk ${onDisk.reason.replace(/: re-save it as UTF-8$/, '')}`, diff: '', summary: [] };
  const summary = a.path.endsWith('.json') ? summarise(onDisk.text, a.text) : [];
  return { path: a.path, kind: 'stale', message: `stale: differs from what the config renders${summary.length ? ` (${summary.join('; ')})` : ''}`, diff: patch(within.label(a.path), onDisk.text, a.text), summary };
}

/** Listed files of this run's kinds that no config renders: generate removes them (or keeps an edited one). */
function extras(root: string, name: string, manifest: Manifest, produced: ReadonlySet<string>, format: RunRenders, within: Reading): Drift[] {
  const base = 'extra: armgen wrote this file and no config renders it any more';
  // A missing one is skipped: only the manifest is stale, and compare() reports it.
  return leftoverFiles(join(root, name), manifest, produced, format, within).map((left): Drift => {
    const path = `${name}/${left.path}`;
    if (left.state === 'unreadable') return { path, kind: 'extra', message: `${base}, but it ${left.reason}; generate keeps it`, diff: '', summary: [] };
    if (left.state === 'edited') return { path, kind: 'extra', message: `${base}, but it was edited since; generate keeps it and stops owning it`, diff: '', summary: [] };
    // Exactly the bytes armgen wrote (same SHA-256), so showing them reveals nothing else.
    const text = decodeUtf8(left.bytes);
    return { path, kind: 'extra', message: base, diff: text.ok ? patch(within.label(path), text.text, '') : '', summary: [] };
  });
}

/** Folders of the output folder with a manifest that no given config renders (its config was deleted or renamed). */
function orphans(root: string, names: readonly string[]): Drift[] {
  const given = new Set(names.map((n) => n.toLowerCase()));
  let entries: Dirent[];
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !given.has(e.name.toLowerCase()))
    .filter((e) => readManifest(root, e.name).state !== 'absent')
    .map((e) => ({
      path: `${e.name}/`,
      kind: 'orphan' as const,
      message: `orphan: armgen wrote this folder (it has ${MANIFEST_FILE}) and no given config renders it (its config was deleted or renamed); delete the folder, or pass --partial when checking only some configs`,
      diff: '',
      summary: [],
    }));
}
