import { linkSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { TEMP_SUFFIX } from './planWrites.js';

export type SingleWrite = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Write one file atomically: the text goes to a temporary file beside the target (`wx`: never follows a link left
 * there), which then replaces the target in one step, so a reader sees the old file or the whole new one. Without
 * `overwrite` the temporary file is hard-linked into place, which fails if the target exists (even one created
 * meanwhile): an existing file is never touched.
 */
export function writeNewFile(target: string, text: string, overwrite: boolean): SingleWrite {
  const temp = `${target}.${process.pid}${TEMP_SUFFIX}`;
  try {
    writeFileSync(temp, text, { flag: 'wx' });
  } catch (err) {
    return { ok: false, reason: `cannot write: ${(err as NodeJS.ErrnoException).code ?? String(err)}` };
  }
  try {
    if (overwrite) renameSync(temp, target);
    else {
      linkSync(temp, target);
      unlinkSync(temp);
    }
    return { ok: true };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    return { ok: false, reason: code === 'EEXIST' ? 'already exists; armgen import never overwrites a file without --force' : `cannot write: ${code ?? String(err)}` };
  }
}
