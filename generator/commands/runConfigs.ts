import { dirname, posix } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { configName, generateConfig, type ConfigOutcome, type ConfigResult, type GenerateOptions } from '../generate.js';
import { decodeUtf8 } from '../io/decodeUtf8.js';
import { readInputText } from '../io/readInputFile.js';
import type { FileRead } from '../resolve/resolveRunbooks.js';
import { expandInputs } from './inputs.js';
import { renderInPool, slim } from './renderPool.js';

export interface RunResult {
  /** As commands read them: without the resolved model and parsed ARM JSON (renderPool.ts slim), to keep large batches small. */
  readonly results: readonly ConfigOutcome[];
  /** Problems not tied to one config (no input matched, two configs writing one folder). */
  readonly general: readonly Diagnostic[];
  /** YAML/JSON files in the given folders that are not armgen configs. */
  readonly skipped: number;
}

export interface RunOptions {
  /**
   * The output folder as the user gave it: never searched for configs, and the folder that diagnostics
   * located in rendered files name (`out/NAME/azuredeploy.json`), whether or not the run writes there.
   */
  readonly out: string;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Read and render every config named by the arguments, in memory. Nothing is written here: the caller
 * decides, once every config is known to be valid (all-or-nothing).
 */
export function runConfigs(args: readonly string[], options: GenerateOptions, run: RunOptions): RunResult {
  const { files, unmatched, skipped, bytes } = expandInputs(args, { outDir: run.out });
  const general: Diagnostic[] = unmatched.map(({ arg, why }) => ({ file: arg, line: 0, col: 0, severity: 'error', code: 'AG100', message: why }));
  const now = new Date();
  const progress = run.onProgress && ((done: number) => run.onProgress?.(done, files.length));
  // A large batch renders on every core (renderPool.ts); a small one, or a one-core machine, right here.
  const results =
    renderInPool({ files, options, out: run.out, now: now.getTime() }, renderConfigFile, progress) ??
    files.map((file, i) => {
      const result = slim(renderConfigFile(file, options, run.out, now, bytes.get(file)));
      progress?.(i + 1);
      return result;
    });
  // Two configs with the same base name would write the same output folder.
  const byName = new Map<string, string>();
  for (const r of results) {
    const other = byName.get(r.name.toLowerCase());
    if (other) {
      general.push({ file: r.file, line: 0, col: 0, severity: 'error', code: 'AG600', message: `writes the same output folder '${r.name}/' as ${other}; rename one of the configs` });
    } else byName.set(r.name.toLowerCase(), r.file);
  }
  return { results, general, skipped };
}

/**
 * One config file, read (unless `bytes` holds what config discovery already read) and rendered, its rendered-file
 * diagnostics named under the output folder.
 */
export function renderConfigFile(file: string, options: GenerateOptions, out: string, now: Date, bytes?: Buffer): ConfigResult {
  return inOutputFolder(runOne(file, { readFile: runbookReader(file), now, ...options }, bytes), out);
}

/**
 * A path under the output folder as the user would type it from the working directory: `out` +
 * `NAME/azuredeploy.json` -> `out/NAME/azuredeploy.json` (forward slashes, `./` dropped), so diagnostics,
 * SARIF and check's diff headers name the real file (`git apply` finds it).
 */
export function outputPath(out: string, relative: string): string {
  return posix.join(out.split('\\').join('/'), relative);
}

/**
 * The pipeline locates lint and limit findings in the rendered files relative to the output folder
 * (`NAME/azuredeploy.json`); every other diagnostic is in the config file.
 */
function inOutputFolder(r: ConfigResult, out: string): ConfigResult {
  const rendered = (d: Diagnostic) => d.file !== r.file && d.file.startsWith(`${r.name}/`);
  if (!r.diagnostics.some(rendered)) return r;
  return { ...r, diagnostics: r.diagnostics.map((d) => (rendered(d) ? { ...d, file: outputPath(out, d.file) } : d)) };
}

/** One config: its name checked, its file read (regular file, strict UTF-8), then rendered. */
function runOne(file: string, options: GenerateOptions, bytes: Buffer | undefined): ConfigResult {
  const name = configName(file);
  const error = (code: 'AG100' | 'AG600', message: string): ConfigResult => ({ ok: false, file, name, diagnostics: [{ file, line: 0, col: 0, severity: 'error', code, message }] });
  // The name is the output folder: '.' and '..' (from `..yaml`, `...yaml`) would write into the output root
  // or above it, and a hidden name would hide the output (and could meet armgen's own `.armgen-*` files).
  if (name === '' || name.startsWith('.')) {
    return error('AG600', `the config's name ${JSON.stringify(name)} (its file name without the extension) names its output folder, which cannot be empty, '.', '..' or start with '.'; rename the file`);
  }
  const read = bytes === undefined ? readInputText(file) : decodeUtf8(bytes);
  if (!read.ok) return error('AG100', `cannot read the config: it ${read.reason}`);
  return generateConfig(file, read.text, options);
}

/**
 * Runbook files named by a config (`runbooks[].file`, already joined to the config's folder): read only
 * inside the config's folder tree, so a config cannot copy `../../.ssh/id_rsa` or `/proc/self/environ`.
 */
function runbookReader(configFile: string): (path: string) => FileRead {
  const within = { folder: dirname(configFile), name: "the config's folder" };
  // Real paths resolved once per config, not once per runbook file.
  const realpaths = new Map<string, string>();
  return (path) => {
    const read = readInputText(path, { within, realpaths });
    return read.ok ? { ok: true, text: read.text } : { ok: false, reason: read.reason };
  };
}

/** A run's diagnostics, split the way the exit codes need them. */
export interface Tally {
  readonly all: readonly Diagnostic[];
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  /** Errors in the input (exit 2); lint errors in armgen's own output (AG500) are findings (exit 1). */
  readonly inputErrors: readonly Diagnostic[];
}

export function tally(run: RunResult): Tally {
  const all = [...run.general, ...run.results.flatMap((r) => r.diagnostics)];
  const errors = all.filter((d) => d.severity === 'error');
  return { all, errors, warnings: all.filter((d) => d.severity === 'warning'), inputErrors: errors.filter((d) => d.code !== 'AG500') };
}
