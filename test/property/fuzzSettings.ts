import { stringify } from 'yaml';
import type { ConfigResult } from '../../generator/generate.js';
import type { Diagnostic } from '../../generator/diagnostics.js';

/**
 * Run sizes of the property tests, shared so one setting scales them all:
 * - ARMGEN_FUZZ_RUNS: configs per property (default 60, which keeps CI fast; an overnight run uses e.g. 10000);
 * - ARMGEN_FUZZ_SEED: replays a run (fast-check prints the seed and path of a failure);
 * - ARMGEN_FUZZ_SCHEMA_EVERY: the official-schema check runs on every Nth accepted config (default 5: ~50 ms each);
 * - ARMGEN_FUZZ_BICEP_SAMPLES: configs through the real Bicep CLI (default 8: the CLI costs seconds per call).
 */
export const FUZZ_RUNS = Number(process.env.ARMGEN_FUZZ_RUNS ?? 60);
export const FUZZ_SEED = process.env.ARMGEN_FUZZ_SEED === undefined ? undefined : Number(process.env.ARMGEN_FUZZ_SEED);
export const SCHEMA_EVERY = Math.max(1, Number(process.env.ARMGEN_FUZZ_SCHEMA_EVERY ?? 5));
export const BICEP_SAMPLES = Number(process.env.ARMGEN_FUZZ_BICEP_SAMPLES ?? 8);

/** fast-check parameters for `runs` runs (FUZZ_RUNS unless given) and the fixed seed, if any. */
export function fuzzParams(runs = FUZZ_RUNS): { numRuns: number; seed?: number } {
  return { numRuns: runs, ...(FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED }) };
}

/**
 * A config as the text of a .yaml or .json file. JSON has no Infinity or NaN (JSON.stringify would write null):
 * they are written as 1e400 / -1e400, numbers JSON.parse reads as infinite, so both formats carry the hostile value.
 */
export function serialise(config: Record<string, unknown>, asJson: boolean): { file: string; text: string } {
  if (!asJson) return { file: 'fuzz.yaml', text: stringify(config) };
  const marks = new Map<string, string>();
  const text = JSON.stringify(
    config,
    (_key, value: unknown) => {
      if (typeof value !== 'number' || Number.isFinite(value)) return value;
      const mark = `\u0000nonfinite${marks.size}`;
      marks.set(JSON.stringify(mark), value === -Infinity ? '-1e400' : '1e400');
      return mark;
    },
    2,
  );
  let out = text;
  for (const [mark, number] of marks) out = out.split(mark).join(number);
  return { file: 'fuzz.json', text: `${out}\n` };
}

/** Errors only. */
export const errorsOf = (r: ConfigResult): Diagnostic[] => r.diagnostics.filter((d) => d.severity === 'error');

/** Why a refused config's diagnostics are not all located and coded, or undefined when they are. */
export function unlocated(r: ConfigResult): string | undefined {
  const errors = errorsOf(r);
  if (errors.length === 0) return 'refused without an error diagnostic';
  const bad = r.diagnostics.filter((d) => !(d.line >= 1 && d.col >= 1 && /^AG\d{3}$/.test(d.code)));
  return bad.length ? `diagnostics without a position or code: ${JSON.stringify(bad)}` : undefined;
}

/** Diagnostics as lines, for failure messages. */
export const show = (r: ConfigResult): string => r.diagnostics.map((d) => `${d.line}:${d.col} ${d.severity} ${d.code} ${d.message}`).join('\n');
