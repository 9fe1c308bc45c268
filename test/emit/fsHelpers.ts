import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.js';

/** Helpers for the file-system tests: scratch projects, captured CLI output, real armgen processes. */

export const bin = join(repoRoot, 'dist/generator/bin.js');

export function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

export function scratchDir(prefix = 'armgen-fs-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A project `DIR/rb.yaml` with one runbook whose content is `scripts/env.ps1` (written by `script`). */
export function runbookProject(script?: string | Buffer): { dir: string; config: string; out: string; script: string } {
  const dir = scratchDir();
  mkdirSync(join(dir, 'scripts'));
  const config = join(dir, 'rb.yaml');
  writeFileSync(config, 'automationAccount:\n  name: aa-test-01\nrunbooks:\n  - name: Env\n    type: PowerShell\n    file: scripts/env.ps1\n');
  const scriptPath = join(dir, 'scripts', 'env.ps1');
  if (script !== undefined) writeFileSync(scriptPath, script);
  return { dir, config, out: join(dir, 'out'), script: scriptPath };
}

/** A copy of examples/template-ua.yaml as `DIR/NAME.yaml`. */
export function exampleProject(name = 'template-ua'): { dir: string; config: string; out: string } {
  const dir = scratchDir();
  const config = join(dir, `${name}.yaml`);
  writeFileSync(config, readFileSync(join(repoRoot, 'examples/template-ua.yaml')));
  return { dir, config, out: join(dir, 'out') };
}

/** Run the real CLI in a child process (its own /proc/self/environ), with extra environment variables. */
export function runBin(args: readonly string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

/** Start the real CLI without waiting; resolves to its exit code and output. */
export function startBin(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => void (stderr += d.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

/** Every file under `dir` (relative path -> bytes), dot files included; links are not followed. */
export function treeOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else if (e.isSymbolicLink()) files.set(`${rel}${e.name}`, Buffer.from('(a link, not followed)'));
      else files.set(`${rel}${e.name}`, readFileSync(join(d, e.name)));
    }
  };
  walk(dir, '');
  return files;
}

/** Whether any of the texts contains `needle`. */
export function leaks(needle: string, ...texts: readonly string[]): boolean {
  return texts.some((t) => t.includes(needle));
}
