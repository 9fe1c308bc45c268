import { lstatSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';

// fast-glob (CommonJS) is loaded only when an argument is a folder or a glob, not for plain file names.
const require = createRequire(import.meta.url);
let fastGlob: typeof import('fast-glob') | undefined;
const fg = () => (fastGlob ??= require('fast-glob') as typeof import('fast-glob'));

/**
 * Expand `<config..>` arguments: files as given, folders to the YAML/JSON files under them, anything
 * else as a glob. Sorted and de-duplicated, so the order never depends on the file system.
 * @returns the files, and the arguments that matched nothing.
 */
export function expandInputs(args: readonly string[]): { files: string[]; unmatched: string[] } {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const arg of args) {
    const st = statSafe(arg);
    // Anything named directly that is not a folder (a file, but also a link, FIFO or device) goes to the
    // reader, which accepts regular files only and says why it refuses the rest.
    if (!st?.isDirectory() && lstatSafe(arg)) {
      files.add(arg);
      continue;
    }
    const pattern = st?.isDirectory() ? `${fg().convertPathToPattern(arg.replace(/\/+$/, ''))}/**/*.{yaml,yml,json}` : arg;
    const found = fg().sync(pattern, { onlyFiles: true, dot: false, followSymbolicLinks: false, unique: true });
    if (found.length === 0) unmatched.push(arg);
    for (const f of found) files.add(f);
  }
  return { files: [...files].sort(), unmatched };
}

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function lstatSafe(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
