import { existsSync, readdirSync, type Dirent } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Ignore } from 'ignore';
import { MANIFEST_FILE } from '../emit/manifest.js';
import { readInputText } from '../io/readInputFile.js';
import { readIfArmgenConfig } from './configSniff.js';
import { gitRoot } from './projectRoot.js';

export interface Discovery {
  /** armgen configs found, as `folder/...` paths (the folder as given). */
  readonly configs: readonly string[];
  /** YAML/JSON files found that are not armgen configs. */
  readonly skipped: readonly string[];
  /** Each config's bytes, read once to recognise it (by its path in `configs`). */
  readonly bytes: ReadonlyMap<string, Buffer>;
}

export interface DiscoveryOptions {
  /** The output folder, never searched (its JSON files are armgen's output, not configs). */
  readonly outDir?: string;
}

// ignore (CommonJS, the .gitignore matcher eslint and prettier use) is loaded only when a folder is searched.
const require = createRequire(import.meta.url);
let ignoreFactory: (() => Ignore) | undefined;
const newIgnore = (): Ignore => (ignoreFactory ??= require('ignore') as () => Ignore)();

const CANDIDATE = /\.(?:ya?ml|json)$/i;

/** A .gitignore (or .git/info/exclude) and the folder its patterns are relative to. */
interface IgnoreFile {
  readonly base: string;
  readonly rules: Ignore;
}

/**
 * The armgen configs under a folder, as git would list the repository's files: hidden entries
 * (`.git`, `.github`), `node_modules`, folders holding an armgen manifest (rendered output), the output
 * folder and git-ignored paths are skipped; symbolic links are not followed. The .gitignore files that
 * apply are those from the git root down (gitignore(5): a deeper file's patterns take precedence).
 */
export function discoverConfigs(folder: string, options: DiscoveryOptions = {}): Discovery {
  const found = { configs: [] as string[], skipped: [] as string[], bytes: new Map<string, Buffer>() };
  const root = resolve(folder);
  const walk = new Walk(options.outDir === undefined ? undefined : resolve(options.outDir), found);
  // A folder named on the command line is searched even when git ignores it (then only its own .gitignore files apply).
  const inherited = ancestorIgnoreFiles(root);
  walk.folder(folder, root, isIgnored(inherited, root, true) ? [] : inherited);
  return found;
}

class Walk {
  constructor(
    private readonly outDir: string | undefined,
    private readonly found: { configs: string[]; skipped: string[]; bytes: Map<string, Buffer> },
  ) {}

  folder(shown: string, abs: string, inherited: readonly IgnoreFile[]): void {
    const own = readIgnoreFile(abs, '.gitignore');
    const ignores = own ? [...inherited, own] : inherited;
    for (const entry of listFolder(abs)) {
      if (entry.name.startsWith('.')) continue;
      const path = join(abs, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' || path === this.outDir || isIgnored(ignores, path, true) || existsSync(join(path, MANIFEST_FILE))) continue;
        this.folder(join(shown, entry.name), path, ignores);
      } else if (entry.isFile() && CANDIDATE.test(entry.name) && !isIgnored(ignores, path, false)) {
        const file = join(shown, entry.name);
        const bytes = readIfArmgenConfig(path);
        if (bytes) {
          this.found.configs.push(file);
          this.found.bytes.set(file, bytes);
        } else this.found.skipped.push(file);
      }
    }
  }
}

/** Entries sorted by name, so the order never depends on the file system; an unreadable folder is empty. */
function listFolder(abs: string): Dirent[] {
  try {
    return readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

/** .git/info/exclude and the .gitignore files of the folders from the git root down to `root`'s parent. */
function ancestorIgnoreFiles(root: string): IgnoreFile[] {
  const top = gitRoot(root);
  if (top === undefined) return [];
  const files = [readIgnoreFile(top, join('.git', 'info', 'exclude'))];
  const chain: string[] = [];
  for (let d = root; d !== top; ) chain.unshift((d = dirname(d)));
  for (const d of chain) files.push(readIgnoreFile(d, '.gitignore'));
  return files.filter((f): f is IgnoreFile => f !== undefined);
}

function readIgnoreFile(base: string, name: string): IgnoreFile | undefined {
  const read = readInputText(join(base, name));
  return read.ok ? { base, rules: newIgnore().add(read.text) } : undefined;
}

/** gitignore(5) precedence: the deepest file with a matching pattern decides (a `!` pattern re-includes). */
function isIgnored(files: readonly IgnoreFile[], path: string, isFolder: boolean): boolean {
  for (let i = files.length - 1; i >= 0; i--) {
    const file = files[i]!;
    const rel = relative(file.base, path).split(sep).join('/');
    if (rel === '' || rel.startsWith('..')) continue;
    const verdict = file.rules.test(isFolder ? `${rel}/` : rel);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}
