import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics.js';
import { generateConfig, type ConfigResult, type GenerateOptions } from '../generate.js';
import { expandInputs } from './inputs.js';

export interface RunResult {
  readonly results: readonly ConfigResult[];
  /** Problems not tied to one config (no input matched, two configs writing one folder). */
  readonly general: readonly Diagnostic[];
}

/**
 * Read and render every config named by the arguments, in memory. Nothing is written here: the caller
 * decides, once every config is known to be valid (all-or-nothing).
 */
export function runConfigs(args: readonly string[], options: GenerateOptions, onProgress?: (done: number, total: number) => void): RunResult {
  const { files, unmatched } = expandInputs(args);
  const general: Diagnostic[] = unmatched.map((a) => ({
    file: a,
    line: 0,
    col: 0,
    severity: 'error',
    code: 'AG100',
    message: 'no config file matches this argument (expected a .yaml, .yml or .json file, a folder, or a glob)',
  }));
  const results: ConfigResult[] = [];
  const now = new Date();
  files.forEach((file, i) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      results.push({ ok: false, file, name: file, diagnostics: [{ file, line: 0, col: 0, severity: 'error', code: 'AG100', message: `cannot read the config: ${e.code ?? e.message}` }] });
      return;
    }
    // The CLI is the only place that reads the clock: resolve stays a pure function of its inputs.
    results.push(generateConfig(file, text, { readFile: readTextOrUndefined, now, ...options }));
    onProgress?.(i + 1, files.length);
  });
  // Two configs with the same base name would write the same output folder.
  const byName = new Map<string, string>();
  for (const r of results) {
    const other = byName.get(r.name.toLowerCase());
    if (other) {
      general.push({ file: r.file, line: 0, col: 0, severity: 'error', code: 'AG600', message: `writes the same output folder '${r.name}/' as ${other}; rename one of the configs` });
    } else byName.set(r.name.toLowerCase(), r.file);
  }
  return { results, general };
}

/** Runbook files named by a config (`runbooks[].file`): the text, or undefined when unreadable. */
function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
