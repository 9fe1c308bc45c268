import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { Artifact as RenderedArtifact } from '../model/artifact.js';

/** What emit needs of an artifact: where it goes and its bytes. */
type Artifact = Pick<RenderedArtifact, 'path' | 'text'>;
import { isOwned, toOwners, type OwnedFormat, type Owners } from './ownership.js';

export interface WritePlan {
  readonly writes: readonly { readonly target: string; readonly text: string }[];
  readonly removals: readonly string[];
  /** Temporaries a killed run left in the configs' folders (cleared even where nothing else changes). */
  readonly leftovers: readonly string[];
}

/**
 * Write artifacts atomically and all-or-nothing: phase 1 writes every file to a temporary sibling (a
 * failure there deletes the temporaries and leaves the tree untouched); phase 2 renames each into place
 * (rename is atomic on POSIX, so a reader or a crash sees the old or the new file, never half of one);
 * then owned files no longer produced are removed.
 * @throws WriteError (exit 2) with a diagnostic naming the path and the reason.
 */
export function writeArtifacts(
  outDir: string,
  artifacts: readonly Artifact[],
  owners: readonly string[] | Owners,
  fs: WriteFs = nodeFs,
): { written: number; removed: number; unchanged: number } {
  const plan = planWrites(outDir, artifacts, owners);
  const temps: { temp: string; target: string }[] = [];
  for (const dir of new Set(plan.writes.map((w) => dirname(w.target)))) removeLeftoverTemps(dir);
  for (const temp of plan.leftovers) rmSync(temp, { force: true });
  // One random tag per run, a counter per file: temporaries stay unique and unguessable ('wx' refuses any clash).
  const tag = randomBytes(6).toString('hex');
  const made = new Set<string>();
  try {
    for (const w of plan.writes) {
      const dir = dirname(w.target);
      if (!made.has(dir)) {
        fs.mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      const temp = join(dir, `.${tag}-${temps.length.toString(36)}${TEMP_SUFFIX}`);
      temps.push({ temp, target: w.target });
      fs.writeFileSync(temp, w.text, { encoding: 'utf8', flag: 'wx' });
    }
  } catch (err) {
    for (const t of temps) rmSync(t.temp, { force: true });
    throw new WriteError(outDir, err);
  }
  try {
    for (const t of temps) fs.renameSync(t.temp, t.target);
    for (const r of plan.removals) fs.unlinkSync(r);
  } catch (err) {
    for (const t of temps) rmSync(t.temp, { force: true });
    throw new WriteError(outDir, err);
  }
  return { written: plan.writes.length, removed: plan.removals.length, unchanged: artifacts.length - plan.writes.length };
}

/** The file-system calls a write makes; injectable so tests can simulate a full disk or a denied rename. */
export interface WriteFs {
  mkdirSync(path: string, options: { recursive: true }): unknown;
  writeFileSync(path: string, text: string, options: { encoding: 'utf8'; flag: 'wx' }): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
}

const nodeFs: WriteFs = { mkdirSync, writeFileSync, renameSync, unlinkSync };

const TEMP_SUFFIX = '.armgen.tmp';

/** A run killed between its two phases leaves hidden temporaries; the next run clears them. */
function removeLeftoverTemps(dir: string): void {
  for (const e of readdirSafe(dir)) if (e.startsWith('.') && e.endsWith(TEMP_SUFFIX)) rmSync(join(dir, e), { force: true });
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Decide what to write (changed files only) and remove, refusing paths that leave the output folder. */
export function planWrites(outDir: string, artifacts: readonly Artifact[], owners: readonly string[] | Owners): WritePlan {
  const { names, format } = toOwners(owners);
  const root = resolve(outDir);
  const writes: { target: string; text: string }[] = [];
  const produced = new Set<string>();
  const folders = new FolderCheck(root);
  for (const a of artifacts) {
    const target = safeTarget(root, a.path, folders);
    produced.add(target);
    // A file in a folder that does not exist yet is new: no need to look for it.
    if (!folders.exists(dirname(target)) || readIfFile(target) !== a.text) writes.push({ target, text: a.text });
  }
  const removals: string[] = [];
  const leftovers: string[] = [];
  for (const name of names) scanConfigFolder({ root, name, format }, (f) => !produced.has(f) && removals.push(f), (t) => leftovers.push(t));
  return { writes, removals, leftovers };
}

/** Owned files (of `format`, default all) currently on disk in `DIR/NAME/`. */
export function ownedFiles(root: string, name: string, format?: OwnedFormat): string[] {
  const out: string[] = [];
  scanConfigFolder({ root, name, format }, (f) => out.push(f));
  return out;
}

/** Walk `DIR/NAME/` (sorted, links not followed): owned files to `onOwned`, leftover temporaries to `onTemp`. */
function scanConfigFolder(
  at: { readonly root: string; readonly name: string; readonly format: OwnedFormat | undefined },
  onOwned: (file: string) => unknown,
  onTemp?: (file: string) => unknown,
): void {
  const dir = join(at.root, at.name);
  const walk = (d: string) => {
    let entries: string[];
    try {
      entries = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const e of entries) {
      const full = join(d, e);
      const st = lstatSafe(full);
      if (st?.isDirectory()) walk(full);
      else if (st?.isFile() && isOwned(relative(dir, full).split(sep).join('/'), at.format)) onOwned(full);
      else if (onTemp && st?.isFile() && e.startsWith('.') && e.endsWith(TEMP_SUFFIX)) onTemp(full);
    }
  };
  walk(dir);
}

function safeTarget(root: string, path: string, folders: FolderCheck): string {
  const target = resolve(root, path);
  if (isAbsolute(path) || path.split(/[\\/]/).includes('..') || !target.startsWith(root + sep)) {
    throw new WriteError(root, new Error(`refusing to write ${JSON.stringify(path)}: it leaves the output folder`));
  }
  folders.check(dirname(target), path);
  return target;
}

/**
 * A symlinked folder on the way could still lead outside the output folder: resolve what exists of each
 * target folder. Checked once per folder and plan (every file of a config shares its folder), not per file:
 * the verdict depends only on the folder, and planning changes nothing on disk.
 */
class FolderCheck {
  private readonly verdicts = new Map<string, string | null>();
  private readonly existing = new Set<string>();
  private realRoot: string | undefined | null = null;
  constructor(private readonly root: string) {}

  /** @throws WriteError when `folder` (or what exists of it) resolves outside the output folder. */
  check(folder: string, path: string): void {
    let existing = this.verdicts.get(folder);
    if (existing === undefined) {
      existing = this.outsideAncestor(folder);
      this.verdicts.set(folder, existing);
    }
    if (existing !== null) {
      throw new WriteError(this.root, new Error(`refusing to write ${JSON.stringify(path)}: ${existing} is a link that leads outside the output folder`));
    }
  }

  /** Whether `folder` existed when it was checked (call check() first). */
  exists(folder: string): boolean {
    return this.existing.has(folder);
  }

  /** The existing ancestor of `folder` that resolves outside the root, or null when it stays inside. */
  private outsideAncestor(folder: string): string | null {
    let existing = folder;
    while (existing !== this.root && lstatSafe(existing) === undefined) existing = dirname(existing);
    if (existing === folder || folder === this.root) this.existing.add(folder);
    const real = realpathSafe(existing);
    if (this.realRoot === null) this.realRoot = realpathSafe(this.root);
    const realRoot = this.realRoot;
    return real && realRoot && real !== realRoot && !real.startsWith(realRoot + sep) ? existing : null;
  }
}

function readIfFile(path: string): string | undefined {
  try {
    return lstatSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function lstatSafe(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function realpathSafe(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** An output problem the user can fix: exit 2, no stack. */
export class WriteError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(outDir: string, cause: unknown) {
    const e = cause as NodeJS.ErrnoException;
    const reason =
      e.code === 'EACCES' || e.code === 'EPERM'
        ? `permission denied at ${e.path ?? outDir}`
        : e.code === 'ENOTDIR' || e.code === 'EEXIST'
          ? `a file is in the way of a folder at ${e.path ?? outDir}`
          : e.code === 'ENOSPC'
            ? 'no space left on the device'
            : e.message;
    super(reason);
    this.diagnostic = { file: outDir, line: 0, col: 0, severity: 'error', code: 'AG600', message: `cannot write output: ${reason}; nothing was changed` };
  }
}
