import type { Argv, CommandModule } from 'yargs';
import type { CommandContext } from './context.js';
import { EXIT } from './exitCodes.js';
import { describeCommand, outputOptions, type GlobalArgs, type InputArgs, type OutputArgs, type StrictArgs } from './options.js';
import { count, createReporter, skippedNote } from './report.js';
import { runConfigs, tally } from './runConfigs.js';

export type LintArgs = GlobalArgs & InputArgs & OutputArgs & StrictArgs;

const DESCRIPTION = "Render configs in memory and check the ARM output against armgen's lint rules and Azure's template limits; exit 1 on any finding";

/**
 * `armgen lint <config..>`: render in memory (nothing is written); the pipeline lints what it renders
 * (generateConfig runs the lint rules and the limits), so this command only reports: lint findings as
 * AG500 / AG400 with the rule id in brackets, located in the rendered file (`out/NAME/azuredeploy.json`),
 * and the config's own warnings (AG700). Every warning or error it prints is a finding; an info (AG801, a hint)
 * is printed but never fails the run, as for generate and check.
 */
export function lintCommand(ctx: CommandContext): CommandModule<GlobalArgs, LintArgs> {
  return {
    command: 'lint <config..>',
    describe: DESCRIPTION,
    builder: (y: Argv<GlobalArgs>) =>
      describeCommand(lintStrictOption(outputOptions(y, 'Output folder the findings name (out/NAME/azuredeploy.json); nothing is written')), 'lint <config..> [options]', DESCRIPTION, [
        ['$0 lint automation.yaml', 'Lint one config'],
        ["$0 lint configs --strict", 'The same in a pipeline that passes --strict to every command'],
        ["$0 lint 'configs/**/*.yaml' --diagnostics-format sarif > lint.sarif", 'Report findings for GitHub code scanning'],
      ]) as unknown as Argv<LintArgs>,
    handler: (args) => {
      const report = createReporter(ctx.io, args['diagnostics-format']);
      const run = runConfigs(args.config, { format: 'arm' }, { out: args.out });
      const t = tally(run);
      report.diagnostics(t.all);
      if (t.inputErrors.length > 0) {
        report.summary(`nothing linted: ${count(t.inputErrors.length, 'error')} in the input`);
        ctx.setExit(EXIT.invalid);
        return;
      }
      const findings = t.all.filter((d) => d.severity !== 'info');
      report.summary(`${count(run.results.length, 'config')} linted, ${count(findings.length, 'finding')}${skippedNote(run)}`);
      ctx.setExit(findings.length > 0 ? EXIT.findings : EXIT.ok);
    },
  };
}

/**
 * `lint` already fails on every finding it prints, warnings included; `--strict` is accepted so a pipeline can
 * pass it to every command (issue 13 asks for `lint --strict` in CI), and it changes nothing.
 */
function lintStrictOption<T>(y: Argv<T>): Argv<T & StrictArgs> {
  return y.option('strict', { describe: 'Accepted for symmetry with generate/validate/check: lint already exits 1 on every finding, warnings included', type: 'boolean', default: false });
}
