import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseDocument } from 'yaml';
import { repoRoot } from '../paths.js';

export type Json = Record<string, unknown>;

/** Parse a YAML file of the repository strictly: a syntax error, a warning or a duplicate key fails the test. */
export function loadYaml(rel: string): Json {
  const doc = parseDocument(readFileSync(join(repoRoot, rel), 'utf8'), { uniqueKeys: true, prettyErrors: true });
  expect(doc.errors.map((e) => e.message), `${rel} is not valid YAML`).to.deep.equal([]);
  expect(doc.warnings.map((e) => e.message), `${rel} has YAML warnings`).to.deep.equal([]);
  return doc.toJS() as Json;
}

/**
 * Replace `${{ a.b }}` expressions (GitHub Actions, Azure Pipelines template expressions) and `$(A.B)` macros
 * (Azure Pipelines) by the values a test gives; any other expression fails, so a test never runs a script
 * with an expression left in it. Only plain context paths are supported: the examples use no functions there.
 */
export function expand(text: string, values: Readonly<Record<string, string>>): string {
  const lookup = (expr: string): string => {
    const value = values[expr.trim()];
    if (value === undefined) throw new Error(`expand: no value for ${JSON.stringify(expr.trim())} in ${JSON.stringify(text)}`);
    return value;
  };
  return text.replace(/\$\{\{([^}]*)\}\}/g, (_, e: string) => lookup(e)).replace(/\$\(([A-Za-z_][\w.]*)\)/g, (_, e: string) => lookup(e));
}

/** Expand every value of an env/variables mapping. */
export function expandAll(map: Readonly<Record<string, unknown>>, values: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, expand(String(v), values)]));
}

export type AzCall = readonly string[];

/**
 * Run the scripts of a CI job, in order, in the repository root, the way the runner does (`bash -eo pipefail`),
 * with a fake `az` first on PATH that records its arguments instead of calling Azure. Returns every az call.
 */
export function runWithFakeAz(scripts: readonly string[], env: Readonly<Record<string, string>>): AzCall[] {
  const dir = mkdtempSync(join(tmpdir(), 'armgen-fake-az-'));
  try {
    const log = join(dir, 'az.log');
    writeFileSync(join(dir, 'az'), `#!${process.execPath}\nrequire('node:fs').appendFileSync(process.env.FAKE_AZ_LOG, JSON.stringify(process.argv.slice(2)) + '\\n');\n`);
    chmodSync(join(dir, 'az'), 0o755);
    writeFileSync(log, '');
    for (const script of scripts) {
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { PATH: `${dir}:${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? dir, FAKE_AZ_LOG: log, ...env },
      });
      expect(r.status, `script failed:\n${script}\nstderr: ${r.stderr}`).to.equal(0);
    }
    return readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as string[]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The value after `--flag` in an az call. */
export function argOf(call: AzCall, flag: string): string | undefined {
  const i = call.indexOf(flag);
  return i >= 0 ? call[i + 1] : undefined;
}
