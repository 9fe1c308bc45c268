import type { Argv, CommandModule } from 'yargs';
import { writeArtifacts, WriteError } from '../emit/writeArtifacts.js';
import type { ConfigResult } from '../generate.js';
import { UsageError, type CommandContext } from './context.js';
import { EXIT } from './exitCodes.js';
import { describeCommand, outputOptions, renderOptions, strictOption, type GlobalArgs, type InputArgs, type OutputArgs, type RenderArgs, type StrictArgs } from './options.js';
import { count, createReporter, skippedNote, warningsNote, type Io, type Reporter } from './report.js';
import { outputPath, runConfigs, tally, type RunResult, type Tally } from './runConfigs.js';
import { armgenVersion } from './version.js';

export type GenerateArgs = GlobalArgs & InputArgs & OutputArgs & RenderArgs & StrictArgs & { 'keep-going': boolean; stdout: boolean };

const DESCRIPTION = 'Render configs into DIR/NAME/ (ARM JSON + parameter files, Bicep); writes nothing unless every config is valid';

export function generateCommand(ctx: CommandContext): CommandModule<GlobalArgs, GenerateArgs> {
  return {
    command: 'generate <config..>',
    describe: DESCRIPTION,
    builder: (y: Argv<GlobalArgs>) =>
      describeCommand(strictOption(renderOptions(outputOptions(y))), 'generate <config..> [options]', DESCRIPTION, [
        ['$0 generate automation.yaml', 'Render one config into out/automation/'],
        ["$0 generate 'configs/**/*.yaml' --format arm", 'Render every config under configs/, ARM JSON only'],
        ['$0 generate configs --strict', 'Search configs/ for armgen configs; warnings fail the run'],
        ['$0 generate automation.yaml --format bicep --stdout', 'Print main.bicep instead of writing files'],
      ])
        .option('keep-going', { describe: 'Write the valid configs and report the invalid ones (exit 2)', type: 'boolean', default: false })
        .option('stdout', { describe: "Print one config's template (azuredeploy.json or main.bicep) instead of writing files; needs one config and --format arm or bicep", type: 'boolean', default: false })
        .check((argv) => {
          // Thrown, not returned: yargs hands a returned message on as a bare string, which reads as a crash.
          const problem = stdoutUsage(argv as unknown as GenerateArgs);
          if (problem !== true) throw new UsageError(problem);
          return true;
        }) as unknown as Argv<GenerateArgs>,
    handler: (args) => {
      const report = createReporter(ctx.io, args['diagnostics-format']);
      const run = runConfigs(args.config, { format: args.format, readme: args.readme, ...(args['stamp-version'] ? { stampVersion: armgenVersion } : {}) }, { out: args.out, onProgress: progress(ctx.io) });
      const t = tally(run);
      const strictFail = args.strict && t.warnings.length > 0;
      if ((t.errors.length > 0 && (args.stdout || !args['keep-going'])) || run.general.length > 0 || strictFail) {
        report.diagnostics(t.all);
        report.summary(`nothing written: ${problems(t, strictFail)}`);
        ctx.setExit(t.inputErrors.length > 0 ? EXIT.invalid : EXIT.findings);
        return;
      }
      if (args.stdout) return printTemplate(ctx, report, run, args);
      const ok = run.results.filter((r) => r.ok && !r.diagnostics.some((d) => d.severity === 'error'));
      const artifacts = ok.flatMap((r) => (r.ok ? [...r.artifacts] : []));
      try {
        const summary = writeArtifacts(args.out, artifacts, { names: ok.map((r) => r.name), format: args.format, readme: args.readme });
        report.diagnostics(t.all);
        for (const note of summary.notes) report.note(note);
        report.summary(`${count(ok.length, 'config')} -> ${args.out}/ (${summary.written} written, ${summary.unchanged} unchanged, ${summary.removed} removed)${warningsNote(t)}${skippedNote(run)}`);
      } catch (err) {
        if (!(err instanceof WriteError)) throw err;
        report.diagnostics([...t.all, ...err.diagnostics]);
        ctx.setExit(EXIT.invalid);
        return;
      }
      ctx.setExit(t.inputErrors.length > 0 ? EXIT.invalid : t.errors.length > 0 ? EXIT.findings : EXIT.ok);
    },
  };
}

/** `--stdout` needs one format (and the terminal for the template, not a SARIF log). */
function stdoutUsage(args: GenerateArgs): true | string {
  if (!args.stdout) return true;
  if (args.format === 'all') return '--stdout prints one file: add --format arm (azuredeploy.json) or --format bicep (main.bicep)';
  if (args['diagnostics-format'] === 'sarif') return '--stdout and --diagnostics-format sarif both print to stdout; use one of them';
  if (args.config.length > 1) return `--stdout prints one config's template, and ${args.config.length} configs are given`;
  return true;
}

/**
 * `--stdout`: the template of the one config, byte for byte what `generate` would write; nothing is
 * written. Bicep modules live in files of their own, so a main.bicep that uses them is refused.
 */
function printTemplate(ctx: CommandContext, report: Reporter, run: RunResult, args: GenerateArgs): void {
  const [only, ...more] = run.results.filter((r): r is Extract<ConfigResult, { ok: true }> => r.ok);
  if (!only || more.length > 0) throw new UsageError(`--stdout prints one config's template, and the arguments name ${count(run.results.length, 'config')}; name one config file`);
  const main = `${only.name}/${args.format === 'arm' ? 'azuredeploy.json' : 'main.bicep'}`;
  const template = only.artifacts.find((a) => a.path === main);
  const modules = only.artifacts.filter((a) => a.path.startsWith(`${only.name}/modules/`));
  if (!template) throw new Error(`armgen rendered no ${main}`);
  if (modules.length > 0) throw new UsageError(`--stdout cannot print ${main} alone: it uses ${count(modules.length, 'module file')} under modules/; write the files with 'armgen generate', or print the ARM template with --format arm`);
  ctx.io.stdout(template.text);
  const others = only.artifacts.filter((a) => a !== template).map((a) => a.path.slice(only.name.length + 1));
  report.diagnostics(tally(run).all);
  report.summary(`printed ${outputPath(args.out, main)} (nothing written)${others.length ? `; not printed: ${others.join(', ')}` : ''}`);
  ctx.setExit(EXIT.ok);
}

function problems(t: Tally, strictFail: boolean): string {
  if (t.errors.length > 0) return count(t.errors.length, 'error');
  return strictFail ? `--strict counts ${count(t.warnings.length, 'warning')} as failures` : 'see above';
}

function progress(io: Io): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    if (total >= 20) io.stderr(`\r${done}/${total} configs${done === total ? '\n' : ''}`);
  };
}
