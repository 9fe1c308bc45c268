import type { Argv, CommandModule } from 'yargs';
import type { Diagnostic } from '../diagnostics.js';
import { checkDrift } from '../emit/checkDrift.js';
import type { CommandContext } from './context.js';
import { EXIT } from './exitCodes.js';
import { describeCommand, outputOptions, renderOptions, strictOption, type GlobalArgs, type InputArgs, type OutputArgs, type RenderArgs, type StrictArgs } from './options.js';
import { count, createReporter, skippedNote } from './report.js';
import { outputPath, runConfigs, tally } from './runConfigs.js';
import { armgenVersion } from './version.js';

export type CheckArgs = GlobalArgs & InputArgs & OutputArgs & RenderArgs & StrictArgs & { partial: boolean };

const DESCRIPTION = 'Render in memory and compare with DIR/; exit 1 on drift (stale, missing or extra files), with a diff `git apply` accepts; writes nothing';

export function checkCommand(ctx: CommandContext): CommandModule<GlobalArgs, CheckArgs> {
  return {
    command: 'check <config..>',
    describe: DESCRIPTION,
    builder: (y: Argv<GlobalArgs>) =>
      describeCommand(strictOption(renderOptions(outputOptions(y, 'Output folder to compare with'))), 'check <config..> [options]', DESCRIPTION, [
        ["$0 check 'configs/**/*.yaml'", 'Fail (exit 1) when out/ is not what the configs render'],
        ['$0 check configs > drift.patch && git apply drift.patch', 'Bring out/ up to date from the printed diff'],
        ['$0 check configs --diagnostics-format sarif > armgen.sarif', 'Report drift for GitHub code scanning'],
      ]).option('partial', {
        describe: "Check only the given configs' folders; without it, a folder in DIR/ with an armgen manifest that no given config renders (its config was deleted or renamed) is drift",
        type: 'boolean',
        default: false,
      }) as unknown as Argv<CheckArgs>,
    handler: (args) => {
      const report = createReporter(ctx.io, args['diagnostics-format']);
      const run = runConfigs(args.config, { format: args.format, readme: args.readme, lint: false, ...(args['stamp-version'] ? { stampVersion: armgenVersion } : {}) }, { out: args.out });
      const t = tally(run);
      if (t.errors.length > 0) {
        report.diagnostics(t.all);
        report.summary(`nothing compared: ${count(t.errors.length, 'error')}`);
        ctx.setExit(EXIT.invalid);
        return;
      }
      const artifacts = run.results.flatMap((r) => (r.ok ? [...r.artifacts] : []));
      const owners = { names: run.results.map((r) => r.name), format: args.format, readme: args.readme };
      const drift = checkDrift(args.out, artifacts, owners, { partial: args.partial, diffPath: (p) => outputPath(args.out, p) });
      const driftDiagnostics: Diagnostic[] = drift.map((d) => ({ file: outputPath(args.out, d.path), line: 0, col: 0, severity: 'error', code: 'AG900', message: d.message }));
      for (const d of drift) if (d.diff) report.show(d.diff);
      report.diagnostics([...driftDiagnostics, ...t.warnings]);
      const strictFail = args.strict && t.warnings.length > 0;
      if (drift.length > 0) report.summary(`${count(drift.length, 'file')} drifted; run \`armgen generate\` and commit the result, or apply the diff above with \`git apply\``);
      else if (strictFail) report.summary(`${count(run.results.length, 'config')} up to date in ${args.out}/, but --strict counts ${count(t.warnings.length, 'warning')} as failures`);
      else report.summary(`${count(run.results.length, 'config')} up to date in ${args.out}/${skippedNote(run)}`);
      ctx.setExit(drift.length > 0 || strictFail ? EXIT.findings : EXIT.ok);
    },
  };
}
