import type { Argv, CommandModule } from 'yargs';
import type { Diagnostic } from '../diagnostics.js';
import type { Artifact } from '../generate.js';
import { checkDrift } from '../emit/checkDrift.js';
import { writeArtifacts, WriteError } from '../emit/writeArtifacts.js';
import { inputOptions, outputOptions, renderOptions, reportOptions, type InputArgs, type OutputArgs, type RenderArgs, type ReportArgs } from './options.js';
import { reportDiagnostics, type Io } from './report.js';
import { runConfigs, type RunResult } from './runConfigs.js';
import { armgenVersion } from './version.js';

export type GenerateArgs = InputArgs & OutputArgs & RenderArgs & ReportArgs & { 'keep-going': boolean };
export type CheckArgs = InputArgs & OutputArgs & RenderArgs & ReportArgs & { partial: boolean };
export type ValidateArgs = InputArgs & ReportArgs & { strict: boolean };

/** Exit codes: 0 ok; 1 drift or lint/strict findings; 2 invalid input, usage or I/O error. */
export const EXIT = { ok: 0, findings: 1, invalid: 2 } as const;

interface Ctx {
  readonly io: Io;
  readonly setExit: (code: number) => void;
}

function collect(run: RunResult): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  const all = [...run.general, ...run.results.flatMap((r) => r.diagnostics)];
  return { errors: all.filter((d) => d.severity === 'error'), warnings: all.filter((d) => d.severity === 'warning') };
}

function progress(io: Io): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    if (total >= 20) io.stderr(`\r${done}/${total} configs${done === total ? '\n' : ''}`);
  };
}

export function generateCommand(ctx: Ctx): CommandModule<object, GenerateArgs> {
  return {
    command: 'generate <config..>',
    describe: 'Render configs into DIR/NAME/ (ARM JSON + parameter files, Bicep); writes nothing unless every config is valid',
    builder: (y: Argv) =>
      reportOptions(renderOptions(outputOptions(inputOptions(y)))).option('keep-going', {
        describe: 'Write the valid configs and report the invalid ones (exit 2)',
        type: 'boolean',
        default: false,
      }) as unknown as Argv<GenerateArgs>,
    handler: (args) => {
      const run = runConfigs(args.config, { format: args.format, readme: args.readme, ...(args['stamp-version'] ? { stampVersion: armgenVersion } : {}) }, progress(ctx.io));
      const { errors, warnings } = collect(run);
      const format = args['diagnostics-format'];
      const strictFail = args.strict && warnings.length > 0;
      // Lint errors in armgen's own output (AG500) are findings (exit 1), not invalid input (exit 2).
      const inputErrors = errors.filter((d) => d.code !== 'AG500');
      if ((errors.length > 0 && !args['keep-going']) || run.general.length > 0 || strictFail) {
        reportDiagnostics(ctx.io, [...errors, ...warnings], format, armgenVersion);
        ctx.setExit(inputErrors.length > 0 ? EXIT.invalid : EXIT.findings);
        return;
      }
      const ok = run.results.filter((r) => r.ok && !r.diagnostics.some((d) => d.severity === 'error'));
      const artifacts: Artifact[] = ok.flatMap((r) => (r.ok ? [...r.artifacts] : []));
      try {
        const summary = writeArtifacts(args.out, artifacts, { names: ok.map((r) => r.name), format: args.format, readme: args.readme });
        if (format === 'human') for (const note of summary.notes) ctx.io.stderr(`armgen: note: ${note}\n`);
        if (format === 'human') ctx.io.stderr(`armgen: ${ok.length} config(s) -> ${args.out}/ (${summary.written} written, ${summary.unchanged} unchanged, ${summary.removed} removed)\n`);
      } catch (err) {
        if (!(err instanceof WriteError)) throw err;
        reportDiagnostics(ctx.io, err.diagnostics, format, armgenVersion);
        ctx.setExit(EXIT.invalid);
        return;
      }
      reportDiagnostics(ctx.io, [...errors, ...warnings], format, armgenVersion);
      ctx.setExit(inputErrors.length > 0 ? EXIT.invalid : errors.length > 0 ? EXIT.findings : EXIT.ok);
    },
  };
}

export function checkCommand(ctx: Ctx): CommandModule<object, CheckArgs> {
  return {
    command: 'check <config..>',
    describe: 'Render in memory and compare with DIR/; exit 1 on drift (stale, missing or extra files); writes nothing',
    builder: (y: Argv) =>
      reportOptions(renderOptions(outputOptions(inputOptions(y)))).option('partial', {
        describe: "Check only the given configs' folders; without it, a folder in DIR/ with an armgen manifest that no given config renders (its config was deleted or renamed) is drift",
        type: 'boolean',
        default: false,
      }) as unknown as Argv<CheckArgs>,
    handler: (args) => {
      const run = runConfigs(args.config, { format: args.format, readme: args.readme, lint: false, ...(args['stamp-version'] ? { stampVersion: armgenVersion } : {}) });
      const { errors, warnings } = collect(run);
      const format = args['diagnostics-format'];
      if (errors.length > 0) {
        reportDiagnostics(ctx.io, [...errors, ...warnings], format, armgenVersion);
        ctx.setExit(EXIT.invalid);
        return;
      }
      const artifacts = run.results.flatMap((r) => (r.ok ? [...r.artifacts] : []));
      const drift = checkDrift(args.out, artifacts, { names: run.results.map((r) => r.name), format: args.format, readme: args.readme }, { partial: args.partial });
      const diagnostics: Diagnostic[] = drift.map((d) => ({ file: `${args.out}/${d.path}`, line: 0, col: 0, severity: 'error', code: 'AG900', message: d.message }));
      if (format === 'human') for (const d of drift) if (d.diff) ctx.io.stdout(d.diff);
      reportDiagnostics(ctx.io, [...diagnostics, ...warnings], format, armgenVersion);
      if (drift.length > 0 && format === 'human') ctx.io.stderr(`armgen: ${drift.length} file(s) drifted; run \`armgen generate\` and commit the result\n`);
      ctx.setExit(drift.length > 0 || (args.strict && warnings.length > 0) ? EXIT.findings : EXIT.ok);
    },
  };
}

export function validateCommand(ctx: Ctx): CommandModule<object, ValidateArgs> {
  return {
    command: 'validate <config..>',
    describe: 'Validate configs (schema and cross-references) without writing anything',
    builder: (y: Argv) =>
      reportOptions(inputOptions(y)).option('strict', { describe: 'Treat warnings as errors (exit 1)', type: 'boolean', default: false }) as unknown as Argv<ValidateArgs>,
    handler: (args) => {
      const run = runConfigs(args.config, { format: 'arm', lint: false });
      const { errors, warnings } = collect(run);
      reportDiagnostics(ctx.io, [...errors, ...warnings], args['diagnostics-format'], armgenVersion);
      if (errors.length === 0 && args['diagnostics-format'] === 'human') ctx.io.stderr(`armgen: ${run.results.length} config(s) valid\n`);
      ctx.setExit(errors.length > 0 ? EXIT.invalid : args.strict && warnings.length > 0 ? EXIT.findings : EXIT.ok);
    },
  };
}
