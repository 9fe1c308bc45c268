import { randomBytes } from 'node:crypto';
import { accessSync, constants } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { OutputFile as Artifact } from './outputFile.js';
import { readInputBytes, type InputRule } from '../io/readInputFile.js';
import { README_FILE } from '../model/artifact.js';
import { buildManifest, isSafeRelative, leftoverFiles, MANIFEST_FILE, readManifest, serializeManifest, type Manifest, type ProducedFile } from './manifest.js';
import { foldersBelow, OutputTree } from './outputTree.js';
import { artifactFormat, rendersOf, toOwners, type ArtifactFormat, type Owners, type RunRenders } from './ownership.js';
import { WriteError } from './writeError.js';

/** Hidden temporaries beside their targets: `.<run tag>-<n>.armgen.tmp`. */
export const TEMP_SUFFIX = '.armgen.tmp';

/**
 * The name of a run's `n`-th temporary: hidden, unguessable (one random tag per run; 'wx' refuses any clash), and
 * found by the leftover sweep below when a killed run leaves it behind.
 */
export function temporaryName(tag: string, n: number): string {
  return `.${tag}-${n.toString(36)}${TEMP_SUFFIX}`;
}

/** A run's random tag for temporaryName. */
export function temporaryTag(): string {
  return randomBytes(6).toString('hex');
}

export interface PlannedWrite {
  readonly target: string;
  readonly bytes: Buffer;
  /** Manifests are renamed into place last, after the files they list. */
  readonly manifest: boolean;
}

export interface WritePlan {
  /** Files whose bytes differ from the disk (or are new). */
  readonly writes: readonly PlannedWrite[];
  /** Files armgen wrote (manifest, same SHA-256) that no config renders any more. */
  readonly removals: readonly string[];
  /** Temporaries a killed run left in the folders this plan looked at. */
  readonly leftovers: readonly string[];
  readonly unchanged: number;
  /** What the user should know (files kept, a folder without a manifest). */
  readonly notes: readonly string[];
  /** Reasons nothing may be written (a folder in the way of a file...), as sentences naming the path. */
  readonly problems: readonly string[];
}

/** The permission probe; injectable, because a test running as root is never denied. */
export type AccessCheck = (path: string, mode: number) => void;

/**
 * Decide what to write and remove, reading only: every target is checked first (a folder or file in the
 * way, a link leading outside, an unwritable folder, a file armgen did not write), so a run that cannot
 * finish changes nothing. Only files whose bytes differ are written.
 * @throws WriteError for an artifact path that is not `NAME/FILE` inside the output folder (an armgen bug).
 */
export function planWrites(outDir: string, artifacts: readonly Artifact[], owners: readonly string[] | Owners, access: AccessCheck = accessSync): WritePlan {
  const { names } = toOwners(owners);
  for (const a of artifacts) checkArtifactPath(outDir, a.path);
  const plan = new Planner(outDir, rendersOf(toOwners(owners)), access);
  const byName = new Map<string, Artifact[]>(names.map((n) => [n, []]));
  for (const a of artifacts) {
    const name = a.path.slice(0, a.path.indexOf('/'));
    byName.set(name, [...(byName.get(name) ?? []), a]);
  }
  if (plan.rootUsable()) for (const [name, list] of byName) plan.config(name, list);
  return plan.finish();
}

function checkArtifactPath(outDir: string, path: string): void {
  if (isAbsolute(path) || path.split(/[\\/]/).includes('..')) {
    throw new WriteError(outDir, [`refusing to write ${JSON.stringify(path)}: it leaves the output folder`], 'nothing was changed');
  }
  if (!isSafeRelative(path) || !path.includes('/') || path.startsWith('.')) {
    throw new WriteError(outDir, [`refusing to write ${JSON.stringify(path)}: it is not a file inside a config's folder (NAME/FILE, NAME not hidden)`], 'nothing was changed');
  }
}

class Planner {
  private readonly root: string;
  private readonly tree: OutputTree;
  private readonly writes: PlannedWrite[] = [];
  private readonly removals: string[] = [];
  private readonly notes: string[] = [];
  private readonly problems: string[] = [];
  private readonly touched = new Set<string>();
  private readonly rule: InputRule;
  private unchanged = 0;

  constructor(
    private readonly outDir: string,
    private readonly format: RunRenders,
    private readonly access: AccessCheck,
  ) {
    this.root = resolve(outDir);
    this.tree = new OutputTree(this.root);
    this.rule = { within: { folder: this.root, name: 'the output folder' }, realpaths: new Map() };
  }

  /** The output folder itself: missing (created by the write), a folder, or a link to one. */
  rootUsable(): boolean {
    const kind = this.tree.kindOf(this.root);
    if (kind === 'missing' || kind === 'dir' || (kind === 'link' && this.tree.isFolderLink(this.root))) return true;
    this.problems.push(`a file is in the way of the output folder ${this.outDir}`);
    return false;
  }

  /** One config's folder: its artifacts, its manifest, and the files it owned and no longer renders. */
  config(name: string, artifacts: readonly Artifact[]): void {
    const folder = join(this.root, name);
    const escape = this.tree.escapingAncestor(folder);
    if (escape) {
      this.problems.push(`${this.show(escape)} is a link that leads outside the output folder`);
      return;
    }
    const read = this.tree.kindOf(folder) === 'missing' ? ({ state: 'absent' } as const) : readManifest(this.root, name, this.rule.realpaths);
    const previous = read.state === 'ok' ? read.manifest : undefined;
    if (read.state === 'invalid') this.notes.push(`${this.show(join(folder, MANIFEST_FILE))} ${read.reason}: nothing was removed in ${this.show(folder)}; armgen rewrites the manifest`);
    if (read.state === 'absent' && (this.tree.list(folder)?.size ?? 0) > 0) {
      this.notes.push(`${this.show(folder)} has no ${MANIFEST_FILE} (written by an older armgen, or by hand): nothing was removed there; from now on the manifest records what armgen owns`);
    }
    const produced = artifacts.map((a) => ({ path: a.path.slice(name.length + 1), bytes: Buffer.from(a.text, 'utf8'), ...(a.kind ? { kind: a.kind } : {}) }));
    for (const p of produced) this.target(join(folder, p.path), p, previous);
    const manifest = serializeManifest(buildManifest(produced, this.format, previous));
    this.target(join(folder, MANIFEST_FILE), { path: MANIFEST_FILE, bytes: Buffer.from(manifest, 'utf8') }, undefined);
    if (previous) this.removalsOf(folder, previous, new Set(produced.map((p) => p.path)));
  }

  /** One file: checked on its way, compared with the disk, queued when its bytes differ. */
  private target(target: string, file: ProducedFile & { readonly bytes: Buffer }, previous: Manifest | undefined): void {
    const { path: rel, bytes } = file;
    const parent = dirname(target);
    for (const d of foldersBelow(this.root, parent)) {
      const kind = this.tree.kindOf(d);
      if (kind === 'missing') break;
      if (kind === 'dir' || (kind === 'link' && this.tree.isFolderLink(d))) continue;
      this.problems.push(`a file is in the way of the folder ${this.show(d)}`);
      return;
    }
    const escape = this.tree.escapingAncestor(parent);
    if (escape) {
      this.problems.push(`${this.show(escape)} is a link that leads outside the output folder`);
      return;
    }
    const kind = this.tree.kindOf(target);
    if (kind === 'dir') {
      this.problems.push(`${this.show(target)} is a folder, where armgen writes a file`);
      return;
    }
    const same = kind === 'file' && this.sameBytes(target, bytes);
    // A manifest lists what armgen wrote; an unlisted file of a kind it tracks is the user's. Scripts are
    // rendered in every format, so always tracked; ARM or Bicep files the manifest has never listed (an older
    // armgen's Bicep files after a `--format arm` run) are armgen's output from before manifests. armgen never
    // wrote a README.md before it wrote manifests, so one it has not listed is the user's, manifest or not.
    const readme = rel === README_FILE;
    if (kind !== 'missing' && !same && (previous ? !isListed(previous, rel) && tracks(previous, artifactFormat(rel, file.kind)) : readme)) {
      const hint = readme ? ', or pass --no-readme to leave armgen\'s README out' : '';
      this.problems.push(`${this.show(target)} exists and armgen did not write it (it is not in ${MANIFEST_FILE}); move it away or delete it${hint}`);
      return;
    }
    this.touched.add(parent);
    if (same) this.unchanged++;
    else this.writes.push({ target, bytes, manifest: rel === MANIFEST_FILE });
  }

  /** Listed files of this run's kinds that are no longer rendered: removed only while armgen's bytes. */
  private removalsOf(folder: string, previous: Manifest, produced: ReadonlySet<string>): void {
    const escaping = (target: string): boolean => {
      if (!this.tree.escapingAncestor(dirname(target))) return false;
      this.notes.push(`kept ${this.show(target)}: its folder is a link that leads outside the output folder`);
      return true;
    };
    for (const left of leftoverFiles(folder, previous, produced, this.format, this.rule, escaping)) {
      const target = join(folder, left.path);
      if (left.state === 'unreadable') {
        this.notes.push(`kept ${this.show(target)}: no config renders it any more, but it ${left.reason}`);
        continue;
      }
      if (left.state === 'edited') {
        this.notes.push(`kept ${this.show(target)}: no config renders it any more, but it was edited since armgen wrote it, so it is yours now`);
        continue;
      }
      this.removals.push(target);
      this.touched.add(dirname(target));
    }
  }

  private sameBytes(target: string, bytes: Buffer): boolean {
    const read = readInputBytes(target, { ...this.rule, maxBytes: bytes.length });
    return read.ok && read.bytes.equals(bytes);
  }

  finish(): WritePlan {
    if (this.problems.length === 0) this.checkWritable();
    const leftovers: string[] = [];
    for (const dir of this.tree.listedFolders()) {
      if (dir === this.root || !dir.startsWith(this.root + sep)) continue;
      for (const [name, kind] of this.tree.list(dir) ?? []) if (kind === 'file' && name.startsWith('.') && name.endsWith(TEMP_SUFFIX)) leftovers.push(join(dir, name));
    }
    return { writes: [...this.writes.filter((w) => !w.manifest), ...this.writes.filter((w) => w.manifest)], removals: this.removals, leftovers, unchanged: this.unchanged, notes: this.notes, problems: this.problems };
  }

  /** Every folder a temporary is written to or a file removed from (or its nearest existing ancestor). */
  private checkWritable(): void {
    const checked = new Set<string>();
    for (let dir of this.touched) {
      while (dir !== this.root && this.tree.kindOf(dir) === 'missing') dir = dirname(dir);
      if (checked.has(dir) || this.tree.kindOf(dir) === 'missing') continue;
      checked.add(dir);
      try {
        this.access(dir, constants.W_OK | constants.X_OK);
      } catch {
        this.problems.push(`permission denied: cannot write in ${this.show(dir)}`);
      }
    }
  }

  private show(path: string): string {
    return join(this.outDir, relative(this.root, path));
  }
}

const listedPaths = new WeakMap<Manifest, ReadonlySet<string>>();
function isListed(manifest: Manifest, rel: string): boolean {
  let paths = listedPaths.get(manifest);
  if (!paths) listedPaths.set(manifest, (paths = new Set(manifest.files.map((f) => f.path))));
  return paths.has(rel);
}

function tracks(manifest: Manifest, kind: ArtifactFormat): boolean {
  return kind === 'script' || kind === 'readme' || manifest.files.some((f) => f.format === kind);
}
