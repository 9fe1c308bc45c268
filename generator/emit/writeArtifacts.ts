import { accessSync, lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { OutputFile as Artifact } from './outputFile.js';
import { readManifest } from './manifest.js';
import { acquireOutputLock, LockTimeoutError } from './outputLock.js';
import { runOwns, type Owners, type RunRenders } from './ownership.js';
import { planWrites, temporaryName, temporaryTag, type AccessCheck, type PlannedWrite, type WritePlan } from './planWrites.js';
import { describeFsError, WriteError } from './writeError.js';

export { WriteError } from './writeError.js';

/** The file-system calls a write makes; injectable so tests can simulate a full disk or a denied rename. */
export interface WriteFs {
  mkdirSync(path: string, options: { recursive: true }): string | undefined;
  writeFileSync(path: string, data: Uint8Array, options: { flag: 'wx' }): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  accessSync: AccessCheck;
}

const nodeFs: WriteFs = { mkdirSync, writeFileSync, renameSync, unlinkSync, accessSync };

export interface WriteOptions {
  readonly fs?: WriteFs;
  /** How long to wait for another run's lock on the output folder. @default 30 s */
  readonly lockTimeoutMs?: number;
}

export interface WriteSummary {
  readonly written: number;
  readonly removed: number;
  readonly unchanged: number;
  /** Things the user should know: files kept because they were edited, folders without a manifest. */
  readonly notes: readonly string[];
}

/**
 * Write artifacts (and each config's manifest) atomically and all-or-nothing, holding the output folder's
 * lock: plan and check every target first; phase 1 writes each changed file to a hidden temporary beside
 * it (a failure deletes them: nothing changed); phase 2 renames each into place (atomic on POSIX: a reader
 * or a crash sees the old or the new file), removes the files armgen owned and no longer renders, and
 * renames the manifests last, so a killed run never leaves a manifest listing files it did not write.
 * @throws WriteError (exit 2) naming the path, the reason, and what was changed.
 */
export function writeArtifacts(outDir: string, artifacts: readonly Artifact[], owners: readonly string[] | Owners, options: WriteOptions = {}): WriteSummary {
  const fs = options.fs ?? nodeFs;
  const root = resolve(outDir);
  let created: string | undefined;
  try {
    created = fs.mkdirSync(root, { recursive: true });
  } catch (err) {
    throw new WriteError(outDir, [describeFsError(err, outDir)], 'nothing was changed');
  }
  let release: () => void;
  try {
    release = acquireOutputLock(root, options.lockTimeoutMs);
  } catch (err) {
    removeEmptyFolders(created ? [created] : []);
    if (err instanceof LockTimeoutError) throw new WriteError(outDir, [err.message], 'nothing was changed');
    throw new WriteError(outDir, [describeFsError(err, outDir)], 'nothing was changed');
  }
  let done = false;
  try {
    const plan = planWrites(outDir, artifacts, owners, fs.accessSync);
    if (plan.problems.length > 0) throw new WriteError(outDir, plan.problems, 'nothing was changed');
    for (const temp of plan.leftovers) rmSync(temp, { force: true });
    const temps = writeTemporaries(outDir, plan, fs);
    commit(outDir, root, plan, temps, fs);
    done = true;
    return { written: plan.writes.length, removed: plan.removals.length, unchanged: plan.unchanged, notes: plan.notes };
  } finally {
    release();
    if (!done) removeEmptyFolders(created ? [created] : []);
  }
}

interface Temp {
  readonly temp: string;
  readonly write: PlannedWrite;
}

/** Phase 1: every changed file to a temporary; on failure the temporaries and new folders go again. */
function writeTemporaries(outDir: string, plan: WritePlan, fs: WriteFs): Temp[] {
  // One random tag per run, a counter per file: temporaries stay unique and unguessable ('wx' refuses any clash).
  const tag = temporaryTag();
  const temps: Temp[] = [];
  const folders = new Map<string, string | undefined>();
  try {
    for (const write of plan.writes) {
      const dir = dirname(write.target);
      if (!folders.has(dir)) folders.set(dir, fs.mkdirSync(dir, { recursive: true }));
      const temp = join(dir, temporaryName(tag, temps.length));
      temps.push({ temp, write });
      fs.writeFileSync(temp, write.bytes, { flag: 'wx' });
    }
  } catch (err) {
    for (const t of temps) rmSync(t.temp, { force: true });
    removeEmptyFolders([...folders.values()].filter((d): d is string => d !== undefined));
    throw new WriteError(outDir, [describeFsError(err, outDir)], 'nothing was changed');
  }
  return temps;
}

/** Phase 2: files into place, stale files out, manifests last; a failure says exactly what changed. */
function commit(outDir: string, root: string, plan: WritePlan, temps: readonly Temp[], fs: WriteFs): void {
  const replaced: string[] = [];
  const removed: string[] = [];
  try {
    for (const t of temps.filter((x) => !x.write.manifest)) {
      fs.renameSync(t.temp, t.write.target);
      replaced.push(t.write.target);
    }
    for (const r of plan.removals) {
      fs.unlinkSync(r);
      removed.push(r);
    }
    for (const t of temps.filter((x) => x.write.manifest)) {
      fs.renameSync(t.temp, t.write.target);
      replaced.push(t.write.target);
    }
  } catch (err) {
    for (const t of temps) rmSync(t.temp, { force: true });
    throw new WriteError(outDir, [describeFsError(err, outDir)], partialOutcome(outDir, root, replaced, removed, temps.length + plan.removals.length));
  }
}

function partialOutcome(outDir: string, root: string, replaced: readonly string[], removed: readonly string[], planned: number): string {
  const list = (paths: readonly string[]) => {
    const shown = paths.slice(0, 5).map((p) => join(outDir, relative(root, p)));
    return `${shown.join(', ')}${paths.length > 5 ? ` and ${paths.length - 5} more` : ''}`;
  };
  const parts = [replaced.length ? `replaced ${list(replaced)}` : '', removed.length ? `removed ${list(removed)}` : ''].filter(Boolean);
  if (parts.length === 0) return 'nothing was changed';
  return `before the failure this run ${parts.join(' and ')} (${replaced.length + removed.length} of ${planned} changes); everything else is unchanged. Fix the cause and run generate again`;
}

/** Folders this run created (the shallowest of each chain mkdir made), removed again with their empty subfolders. */
function removeEmptyFolders(created: readonly string[]): void {
  const prune = (dir: string): void => {
    for (const e of readdirSafe(dir)) if (e.isDirectory()) prune(join(dir, e.name));
    try {
      rmdirSync(dir);
    } catch {
      // not empty: leave it
    }
  };
  for (const top of created) prune(top);
}

function readdirSafe(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** Files armgen owns (its manifest lists them, of what `format` renders, default all) that exist in `DIR/NAME/`. */
export function ownedFiles(root: string, name: string, format?: RunRenders): string[] {
  const read = readManifest(resolve(root), name);
  if (read.state !== 'ok') return [];
  return read.manifest.files
    .filter((f) => runOwns(format, f.format))
    .map((f) => join(resolve(root), name, f.path))
    .filter((path) => lstatSync(path, { throwIfNoEntry: false }) !== undefined);
}
