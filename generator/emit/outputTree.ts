import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, sep } from 'node:path';
import { isInside } from '../io/readInputFile.js';

/** What is at a path of the output tree (links not followed). */
export type EntryKind = 'missing' | 'dir' | 'file' | 'link' | 'other';

/**
 * A read-only view of the output tree for one plan: each folder is listed once (one readdir gives the
 * kind of every entry, instead of an lstat per file), and each folder's real path is resolved once.
 */
export class OutputTree {
  private readonly listings = new Map<string, Map<string, EntryKind> | null>();
  private readonly escapes = new Map<string, string | null>();
  private realRoot: string | null | undefined;

  constructor(readonly root: string) {}

  /** The kind of the entry at `path` (below the root), from its folder's listing. */
  kindOf(path: string): EntryKind {
    if (path === this.root) return kindOfStat(path);
    return this.list(dirname(path))?.get(basename(path)) ?? 'missing';
  }

  /** The entries of folder `dir` and their kinds; null when it is not a listable folder. */
  list(dir: string): ReadonlyMap<string, EntryKind> | null {
    let listing = this.listings.get(dir);
    if (listing === undefined) {
      listing = listKinds(dir);
      this.listings.set(dir, listing);
    }
    return listing;
  }

  /** Whether `path` (a link) leads to a folder. */
  isFolderLink(path: string): boolean {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  }

  /**
   * The folder on the way to `dir` (itself or an ancestor that exists) whose real path leaves the root,
   * or null. A symlinked config folder could otherwise lead a write outside the output folder.
   */
  escapingAncestor(dir: string): string | null {
    let verdict = this.escapes.get(dir);
    if (verdict === undefined) {
      let existing = dir;
      while (existing !== this.root && this.kindOf(existing) === 'missing') existing = dirname(existing);
      const real = realpathOrUndefined(existing);
      if (this.realRoot === undefined) this.realRoot = realpathOrUndefined(this.root) ?? null;
      verdict = real && this.realRoot && !isInside(real, this.realRoot) ? existing : null;
      this.escapes.set(dir, verdict);
    }
    return verdict;
  }

  /** Folders listed so far (to find leftover temporaries in them). */
  listedFolders(): string[] {
    return [...this.listings].filter(([, l]) => l !== null).map(([d]) => d);
  }
}

function listKinds(dir: string): Map<string, EntryKind> | null {
  try {
    const kinds = new Map<string, EntryKind>();
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      kinds.set(e.name, e.isDirectory() ? 'dir' : e.isFile() ? 'file' : e.isSymbolicLink() ? 'link' : 'other');
    }
    return kinds;
  } catch {
    return null;
  }
}

function kindOfStat(path: string): EntryKind {
  try {
    const st = lstatSync(path);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : st.isSymbolicLink() ? 'link' : 'other';
  } catch {
    return 'missing';
  }
}

function realpathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/** `a/b` -> [`root/a`, `root/a/b`]: the folders from the root (exclusive) down to `dir`. */
export function foldersBelow(root: string, dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; d !== root && d.startsWith(root + sep); d = dirname(d)) out.unshift(d);
  return out;
}
