import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { ArtifactKind } from '../model/artifact.js';
import type { OutputFile as Artifact } from './outputFile.js';
import { readInputBytes, readInputText, type InputRule } from '../io/readInputFile.js';
import { artifactFormat, runOwns, type ArtifactFormat, type RunRenders } from './ownership.js';

/**
 * The ownership manifest `DIR/NAME/.armgen-manifest.json`: every file armgen wrote in that folder, with
 * its kind and SHA-256. Only listed files are ever replaced or removed, and a listed file is removed only
 * while its bytes are still the ones armgen wrote (a hand edit makes it the user's). Hidden (a dot name),
 * so `armgen lint out/NAME`, ARM-TTK and shell globs that pick up `*.json` never mistake it for a
 * template; canonical (fixed key order, entries sorted by path, 2-space indent, one final LF; no time or
 * version), so it is byte-stable and reviewable, and it is an artifact like any other: written in the same
 * atomic batch, compared by `check`.
 */
export const MANIFEST_FILE = '.armgen-manifest.json';

const COMMENT = 'Written by armgen: the files it wrote in this folder. armgen replaces or removes only these, and removes one only while its SHA-256 matches. Do not edit; commit it with the output.';

export interface ManifestEntry {
  /** Inside `DIR/NAME/`, '/'-separated. */
  readonly path: string;
  readonly format: ArtifactFormat;
  /** Lower-case hex SHA-256 of the bytes armgen wrote. */
  readonly sha256: string;
}

export interface Manifest {
  readonly files: readonly ManifestEntry[];
}

/** A file a run produces in `DIR/NAME/`: its path there, its bytes and, when the renderer says, its kind. */
export interface ProducedFile {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly kind?: ArtifactKind;
}

export type ManifestRead =
  | { readonly state: 'absent' }
  | { readonly state: 'invalid'; readonly reason: string }
  | { readonly state: 'ok'; readonly manifest: Manifest };

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The manifest of one config's folder after a run: the artifacts it renders, plus the entries of the kinds
 * the run does not render carried over from `previous` (`--format arm` keeps the Bicep entries).
 */
export function buildManifest(produced: readonly ProducedFile[], format: RunRenders, previous?: Manifest): Manifest {
  const files: ManifestEntry[] = produced.map((p) => ({ path: p.path, format: artifactFormat(p.path, p.kind), sha256: sha256(p.bytes) }));
  const paths = new Set(files.map((f) => f.path));
  for (const e of previous?.files ?? []) if (!runOwns(format, e.format) && !paths.has(e.path)) files.push(e);
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}

/** Canonical text (see MANIFEST_FILE); valid JSON that JSON.parse reads back to the same entries. */
export function serializeManifest(manifest: Manifest): string {
  // One line per file, so a review diff shows one changed line per changed file.
  const line = (f: ManifestEntry) => `    { "path": ${JSON.stringify(f.path)}, "format": ${JSON.stringify(f.format)}, "sha256": ${JSON.stringify(f.sha256)} }`;
  const files = manifest.files.length ? `[\n${manifest.files.map(line).join(',\n')}\n  ]` : '[]';
  return `{\n  "$comment": ${JSON.stringify(COMMENT)},\n  "armgenManifest": 1,\n  "files": ${files}\n}\n`;
}

/**
 * The manifest artifact of config `name`, from that config's artifacts (`NAME/...` paths).
 * @param previous the manifest on disk, for the entries of formats this run does not render
 */
export function manifestArtifact(name: string, artifacts: readonly Artifact[], format: RunRenders, previous?: Manifest): Artifact {
  const prefix = `${name}/`;
  const produced = artifacts.filter((a) => a.path.startsWith(prefix)).map((a) => ({ path: a.path.slice(prefix.length), bytes: Buffer.from(a.text, 'utf8'), ...(a.kind ? { kind: a.kind } : {}) }));
  return { path: `${prefix}${MANIFEST_FILE}`, text: serializeManifest(buildManifest(produced, format, previous)) };
}

/**
 * Read `root/name/.armgen-manifest.json` (a regular file inside the output folder, strict UTF-8, checked shape).
 * @param realpaths the run's memo of resolved folders (see InputRule)
 */
export function readManifest(root: string, name: string, realpaths?: Map<string, string>): ManifestRead {
  const read = readInputText(join(root, name, MANIFEST_FILE), { within: { folder: root, name: 'the output folder' }, ...(realpaths ? { realpaths } : {}) });
  if (!read.ok) return read.missing ? { state: 'absent' } : { state: 'invalid', reason: read.reason };
  let data: unknown;
  try {
    data = JSON.parse(read.text);
  } catch {
    return { state: 'invalid', reason: 'is not valid JSON' };
  }
  const { armgenManifest, files } = (typeof data === 'object' && data !== null ? data : {}) as { armgenManifest?: unknown; files?: unknown };
  if (armgenManifest !== 1 || !Array.isArray(files)) return { state: 'invalid', reason: 'is not an armgen manifest (version 1)' };
  const seen = new Set<string>();
  for (const e of files as unknown[]) {
    const problem = entryProblem(e, seen);
    if (problem) return { state: 'invalid', reason: problem };
  }
  return { state: 'ok', manifest: { files: files as ManifestEntry[] } };
}

const FORMATS = new Set<unknown>(['arm', 'bicep', 'script', 'readme']);

/** Why an entry is unusable; its path is only ever joined to `DIR/NAME/`, so it must stay inside. */
function entryProblem(e: unknown, seen: Set<string>): string | undefined {
  const { path, format, sha256: hash } = (e ?? {}) as Record<string, unknown>;
  if (typeof path !== 'string' || !isSafeRelative(path) || path === MANIFEST_FILE) return `lists an unusable path ${JSON.stringify(path)}`;
  if (seen.has(path)) return `lists ${path} twice`;
  seen.add(path);
  if (!FORMATS.has(format) || typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return `has an unusable entry for ${path}`;
  return undefined;
}

/** 'a/b.json': '/'-separated segments, none empty, '.', '..', or holding '\', ':' or NUL. */
export function isSafeRelative(path: string): boolean {
  return path.split('/').every((s) => s !== '' && s !== '.' && s !== '..' && !/[\\:\0]/.test(s));
}

/** A listed file of the run's kinds that no config renders any more, and what is on disk there. */
export type Leftover =
  | { readonly path: string; readonly state: 'unreadable'; readonly reason: string }
  | { readonly path: string; readonly state: 'edited' }
  | { readonly path: string; readonly state: 'armgens'; readonly bytes: Buffer };

/**
 * The rule that decides when a file armgen wrote becomes the user's, for `generate` (remove or keep) and `check`
 * (report): of each listed file of the run's kinds that is not produced any more, a missing one is skipped, one that
 * cannot be read or whose SHA-256 changed is kept, and only one with armgen's own bytes is armgen's to remove.
 * `folder` is the config's output folder; paths are the manifest's (relative to it).
 */
export function leftoverFiles(folder: string, manifest: Manifest, produced: ReadonlySet<string>, format: RunRenders, rule: InputRule, skip?: (target: string) => boolean): Leftover[] {
  const out: Leftover[] = [];
  for (const e of manifest.files) {
    if (!runOwns(format, e.format) || produced.has(e.path)) continue;
    const target = join(folder, e.path);
    if (skip?.(target)) continue;
    const read = readInputBytes(target, rule);
    if (!read.ok) {
      if (!read.missing) out.push({ path: e.path, state: 'unreadable', reason: read.reason });
    } else out.push(sha256(read.bytes) === e.sha256 ? { path: e.path, state: 'armgens', bytes: read.bytes } : { path: e.path, state: 'edited' });
  }
  return out;
}
