import { lstatSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { isInside } from '../io/readInputFile.js';
import { discoverConfigs } from './configDiscovery.js';

// fast-glob (CommonJS) is loaded only when an argument is a glob, not for plain file names.
const require = createRequire(import.meta.url);
let fastGlob: typeof import('fast-glob') | undefined;
const fg = () => (fastGlob ??= require('fast-glob') as typeof import('fast-glob'));

export interface ExpandedInputs {
  /** The config files to read, sorted and de-duplicated, so the order never depends on the file system. */
  readonly files: readonly string[];
  /** Arguments that name no config, each with why. */
  readonly unmatched: readonly { readonly arg: string; readonly why: string }[];
  /** YAML/JSON files found in folders that are not armgen configs (for the summary). */
  readonly skipped: number;
  /** The bytes of configs found in folders, already read to recognise them (the run need not read them again). */
  readonly bytes: ReadonlyMap<string, Buffer>;
}

export interface InputOptions {
  /** The output folder: never searched, and glob matches inside it are dropped. */
  readonly outDir?: string;
}

/**
 * Expand `<config..>` arguments: a file named directly is always read (whatever it holds: the reader says
 * what is wrong with it); a folder is searched for armgen configs (configDiscovery.ts); anything else is a
 * glob, whose matches are read like files named directly, except under node_modules or the output folder.
 */
export function expandInputs(args: readonly string[], options: InputOptions = {}): ExpandedInputs {
  const files = new Set<string>();
  const unmatched: { arg: string; why: string }[] = [];
  const bytes = new Map<string, Buffer>();
  let skipped = 0;
  for (const arg of args) {
    const st = statSafe(arg);
    // Anything named directly that is not a folder (a file, but also a link, FIFO or device) goes to the
    // reader, which accepts regular files only and says why it refuses the rest.
    if (!st?.isDirectory() && lstatSafe(arg)) {
      files.add(arg);
      continue;
    }
    const found = st?.isDirectory() ? discoverConfigs(arg, options) : { configs: globFiles(arg, options), skipped: [], bytes: new Map<string, Buffer>() };
    for (const [file, b] of found.bytes) bytes.set(file, b);
    skipped += found.skipped.length;
    if (found.configs.length === 0) unmatched.push({ arg, why: st?.isDirectory() ? emptyFolder(found.skipped.length) : NO_MATCH });
    for (const f of found.configs) files.add(f);
  }
  return { files: [...files].sort(), unmatched, skipped, bytes };
}

const NO_MATCH = 'no config file matches this argument (expected a .yaml, .yml or .json file, a folder, or a glob)';

function emptyFolder(skipped: number): string {
  const searched = 'node_modules, hidden and git-ignored folders and the output folder are not searched';
  return skipped === 0
    ? `no armgen config in this folder: it holds no .yaml, .yml or .json file (${searched})`
    : `no armgen config in this folder: ${skipped} YAML/JSON file(s) skipped, none with the armgen schema modeline, a $schema naming armgen or an automationAccount key (${searched}); name a file to read it anyway`;
}

function globFiles(pattern: string, options: InputOptions): string[] {
  const out = options.outDir === undefined ? undefined : resolve(options.outDir);
  return fg()
    .sync(pattern, { onlyFiles: true, dot: false, followSymbolicLinks: false, unique: true, ignore: ['**/node_modules/**'] })
    .filter((f) => out === undefined || !isInside(resolve(f), out));
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
