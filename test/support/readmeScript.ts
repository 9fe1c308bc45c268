import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './paths.js';

/** The marker in README.md before the code block a test runs as its script. */
export const SCRIPT_MARKER = '<!-- test/integration/packageInstall.test.ts runs the next code block line by line -->';

/** The command lines of the code block after the marker (blank and comment-only lines dropped). */
export function readmeScript(readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')): string[] {
  const at = readme.indexOf(SCRIPT_MARKER);
  if (at < 0) throw new Error(`README.md has no ${SCRIPT_MARKER}`);
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!block) throw new Error('README.md has no ```sh block after the script marker');
  return block[1]!.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
}

export interface LineResult {
  readonly line: string;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly cwd: string;
}

/** npm settings a user may give in the environment, which reach the registry: kept. */
const REGISTRY_SETTINGS = /^npm_config_(registry|proxy|https_proxy|noproxy|cafile|strict_ssl|cache)$/i;

/**
 * The environment of a fresh shell: without the npm_* variables of the `npm test` that runs the tests (such as
 * npm_config_local_prefix, which would make npm in the temporary project act for armgen's own package), but
 * with the user's registry settings; quiet and colourless.
 */
export function freshShellEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => (!/^npm_/i.test(k) || REGISTRY_SETTINGS.test(k)) && k !== 'INIT_CWD'));
  return { ...env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1' };
}

/**
 * Run script lines one after another like a person at a shell: each in bash (`-eo pipefail`), starting in `cwd`,
 * a `cd` carrying over to the next line. Stops at the first line that fails.
 */
export function runLines(lines: readonly string[], cwd: string, env: NodeJS.ProcessEnv): LineResult[] {
  const results: LineResult[] = [];
  let here = cwd;
  for (const line of lines) {
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', `${line}\nprintf '\\n%s' "$PWD" >&3`], {
      cwd: here,
      env,
      encoding: 'utf8',
      timeout: 10 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    const fd3 = String((r.output as (string | null)[])[3] ?? '');
    const result = { line, status: r.status, stdout: r.stdout, stderr: r.stderr + (r.error ? `\n${r.error.message}` : ''), cwd: here };
    results.push(result);
    if (r.status !== 0) break;
    here = fd3.split('\n').at(-1) || here;
  }
  return results;
}

/**
 * A stand-in for a fresh clone of armgen: the working tree's files that git tracks or would track (so work not
 * yet committed is tested too), without build output, and armgen's installed node_modules linked in (what
 * `npm ci` in a clone would install).
 */
export function cloneWorkingTree(target: string): void {
  const listed = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const rel of listed.stdout.split('\0').filter(Boolean)) {
    if (rel === '.tools' || rel.startsWith('.tools/') || !existsSync(join(repoRoot, rel))) continue;
    mkdirSync(dirname(join(target, rel)), { recursive: true });
    cpSync(join(repoRoot, rel), join(target, rel), { verbatimSymlinks: true });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(target, 'node_modules'), 'dir');
}
