import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The git work tree holding `dir` (the nearest folder with a `.git` folder or file, as git itself finds
 * it), or undefined outside one. Its root is what GitHub resolves SARIF paths against, and where the
 * .gitignore rules that apply to `dir` start.
 */
export function gitRoot(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}
