import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { decodeUtf8 } from './decodeUtf8.js';

/**
 * Reading files armgen did not write (configs, runbook scripts, files under the output folder): only
 * regular files, only inside the folder they belong to, at most MAX_INPUT_BYTES, and (as text) strict
 * UTF-8. A symbolic link or a /proc file could otherwise make armgen copy or print another file's content
 * (`scripts/env.ps1 -> /proc/self/environ`).
 */

/**
 * 4 MiB: Azure's limit for a template and for a parameter file (AZURE-NOTES.md, "Template size"); no
 * config, runbook or artifact of a deployable template is larger.
 */
const MAX_INPUT_BYTES = 4 * 1024 * 1024;

export interface InputRule {
  /** The folder the file must resolve inside (links followed), and its name for a message. */
  readonly within?: { readonly folder: string; readonly name: string };
  /** @default MAX_INPUT_BYTES */
  readonly maxBytes?: number;
  /** Real paths of folders already resolved in this run (one realpath per folder, not per file). */
  readonly realpaths?: Map<string, string>;
}

/**
 * A refusal's `reason` completes a sentence whose subject is the file ("is a symbolic link ...");
 * `missing` tells a file that does not exist from one that may not be read.
 */
export type InputRefusal = { readonly ok: false; readonly missing: boolean; readonly reason: string };
export type InputBytes = { readonly ok: true; readonly bytes: Buffer } | InputRefusal;
export type InputText = { readonly ok: true; readonly bytes: Buffer; readonly text: string } | InputRefusal;

// O_NOFOLLOW: a link swapped in after the checks fails to open. O_NONBLOCK: a FIFO swapped in never blocks.
// (Neither exists on Windows, where 0 keeps the checks above.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** The file's bytes, or why it was refused. */
export function readInputBytes(path: string, rule: InputRule = {}): InputBytes {
  const max = rule.maxBytes ?? MAX_INPUT_BYTES;
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (err) {
    return failure(err);
  }
  const kind = refuseKind(st, max);
  if (kind) return refused(kind);
  try {
    // lstat showed the last component is no link, so the file's real path is its real folder plus its name.
    const memo = rule.realpaths ?? new Map<string, string>();
    if (rule.within && !isInside(join(realFolder(dirname(path), memo), basename(path)), realFolder(rule.within.folder, memo))) {
      return refused(`is outside ${rule.within.name}`);
    }
    return readOpened(path, st, max);
  } catch (err) {
    return failure(err);
  }
}

function realFolder(folder: string, memo: Map<string, string>): string {
  let real = memo.get(folder);
  if (real === undefined) memo.set(folder, (real = realpathSync.native(folder)));
  return real;
}

/** The file's bytes and their strict UTF-8 text, or why it was refused. */
export function readInputText(path: string, rule: InputRule = {}): InputText {
  const read = readInputBytes(path, rule);
  if (!read.ok) return read;
  const decoded = decodeUtf8(read.bytes);
  return decoded.ok ? { ok: true, bytes: read.bytes, text: decoded.text } : refused(decoded.reason);
}

/** True when `real` is `folder` or below it (both already resolved). */
export function isInside(real: string, folder: string): boolean {
  return real === folder || real.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

function refuseKind(st: Stats, max: number): string | undefined {
  if (st.isSymbolicLink()) return 'is a symbolic link; armgen reads only regular files (name the file it points to)';
  if (st.isDirectory()) return 'is a folder, not a file';
  if (!st.isFile()) return 'is not a regular file (a FIFO, socket or device)';
  if (st.size > max) return `is larger than ${formatSize(max)}`;
  return undefined;
}

/** Read through a descriptor that is the same regular file the checks saw, and exactly as long as it says. */
function readOpened(path: string, st: Stats, max: number): InputBytes {
  const fd = openSync(path, OPEN_FLAGS);
  try {
    const fst = fstatSync(fd);
    if (!fst.isFile() || fst.ino !== st.ino || fst.dev !== st.dev) return refused('changed while armgen was reading it');
    // Ask for one byte more than announced: /proc and /sys files announce 0 or 4096 bytes and hold something
    // else. A regular file returns everything up to its end in full reads, so a short read is its end.
    const buf = Buffer.allocUnsafe(Math.min(fst.size, max) + 1);
    let total = 0;
    for (let n = -1; n !== 0 && total < buf.length; ) {
      const want = buf.length - total;
      n = readSync(fd, buf, total, want, null);
      total += n;
      if (n < want) break;
    }
    if (total !== fst.size) return refused('is not a regular file on disk (its size changes as it is read: a /proc or /sys file?)');
    return { ok: true, bytes: buf.subarray(0, total) };
  } finally {
    closeSync(fd);
  }
}

function refused(reason: string): InputRefusal {
  return { ok: false, missing: false, reason };
}

function failure(err: unknown): InputRefusal {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, missing: true, reason: 'does not exist' };
  if (code === 'ELOOP') return refused('is a symbolic link; armgen reads only regular files (name the file it points to)');
  if (code === 'EACCES' || code === 'EPERM') return refused('cannot be read: permission denied');
  return refused(`cannot be read (${code ?? (err as Error).message})`);
}

function formatSize(bytes: number): string {
  return bytes % 1048576 === 0 ? `${bytes / 1048576} MiB` : `${bytes} bytes`;
}
