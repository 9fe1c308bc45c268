import { linkSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { temporaryName, temporaryTag } from './planWrites.js';
import { describeFsError } from './writeError.js';

/** `exists`: the target was there (or appeared meanwhile) and `overwrite` was off. */
export type SingleWrite = { readonly ok: true } | { readonly ok: false; readonly exists: boolean; readonly reason: string };

/**
 * Write one file atomically: the text goes to a hidden temporary beside the target (named like generate's, `wx`:
 * never follows a link left there), which then replaces the target in one step, so a reader sees the old file or
 * the whole new one. Without `overwrite` the temporary file is hard-linked into place, which fails if the target
 * exists (even one created meanwhile): an existing file is never touched.
 */
export function writeNewFile(target: string, text: string, overwrite: boolean): SingleWrite {
  const temp = join(dirname(target), temporaryName(temporaryTag(), 0));
  try {
    writeFileSync(temp, text, { flag: 'wx' });
  } catch (err) {
    return { ok: false, exists: false, reason: describeFsError(err, target) };
  }
  try {
    if (overwrite) renameSync(temp, target);
    else {
      linkSync(temp, target);
      unlinkSync(temp);
    }
    return { ok: true };
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    const exists = (err as NodeJS.ErrnoException).code === 'EEXIST';
    return { ok: false, exists, reason: exists ? 'already exists' : describeFsError(err, target) };
  }
}
