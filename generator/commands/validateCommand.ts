import type { Argv, CommandModule } from 'yargs';
import type { CommandContext } from './context.js';
import { EXIT } from './exitCodes.js';
import { describeCommand, outputOptions, strictOption, type GlobalArgs, type InputArgs, type OutputArgs, type StrictArgs } from './options.js';
import { count, createReporter, skippedNote, warningsNote } from './report.js';
import { runConfigs, tally } from './runConfigs.js';

export type ValidateArgs = GlobalArgs & InputArgs & OutputArgs & StrictArgs;

const DESCRIPTION = "Validate configs (schema, cross-references, Azure's rules and template limits) without writing anything";

export function validateCommand(ctx: CommandContext): CommandModule<GlobalArgs, ValidateArgs> {
  return {
    command: 'validate <config..>',
    describe: DESCRIPTION,
    builder: (y: Argv<GlobalArgs>) =>
      describeCommand(strictOption(outputOptions(y, 'Output folder (not searched for configs; names rendered files in diagnostics)')), 'validate <config..> [options]', DESCRIPTION, [
        ['$0 validate automation.yaml', 'Check one config'],
        ['$0 validate .', 'Check every armgen config of the repository'],
        ['$0 validate configs --diagnostics-format sarif > armgen.sarif', 'Report for GitHub code scanning'],
      ]) as unknown as Argv<ValidateArgs>,
    handler: (args) => {
      const report = createReporter(ctx.io, args['diagnostics-format']);
      const run = runConfigs(args.config, { format: 'arm', lint: false }, { out: args.out });
      const t = tally(run);
      report.diagnostics(t.all);
      const configs = count(run.results.length, 'config');
      if (t.errors.length > 0) {
        const invalid = run.results.filter((r) => r.diagnostics.some((d) => d.severity === 'error')).length;
        report.summary(`${invalid} of ${configs} invalid, ${count(t.errors.length, 'error')}${warningsNote(t)}`);
        ctx.setExit(EXIT.invalid);
      } else if (args.strict && t.warnings.length > 0) {
        report.summary(`${configs} valid, but --strict counts ${count(t.warnings.length, 'warning')} as failures`);
        ctx.setExit(EXIT.findings);
      } else {
        report.summary(`${configs} valid${warningsNote(t)}${skippedNote(run)}`);
        ctx.setExit(EXIT.ok);
      }
    },
  };
}
