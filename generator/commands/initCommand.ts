import type { Argv, CommandModule } from 'yargs';
import type { CommandContext } from './context.js';
import { EXIT } from './exitCodes.js';
import { describeCommand, type GlobalArgs } from './options.js';
import { createReporter } from './report.js';
import { exampleNames, scaffoldConfig, STARTER_FILE } from './scaffold.js';

type InitArgs = GlobalArgs & { file?: string; example?: string };

const DESCRIPTION = 'Write a new, commented config with the schema modeline for editors; never overwrites a file';

export function initCommand(ctx: CommandContext): CommandModule<GlobalArgs, InitArgs> {
  return {
    command: 'init [file]',
    describe: DESCRIPTION,
    builder: (y: Argv<GlobalArgs>) =>
      describeCommand(y, 'init [file] [--example NAME]', DESCRIPTION, [
        ['$0 init', `Write ${STARTER_FILE}, a small commented config`],
        ['$0 init configs/ops.yaml --example system-vm', "Start from armgen's system-vm example"],
      ])
        .positional('file', { describe: `The config to create (default: ${STARTER_FILE}, or NAME.yaml with --example)`, type: 'string' })
        .option('example', { describe: "Start from one of armgen's examples", type: 'string', choices: exampleNames(), requiresArg: true }) as unknown as Argv<InitArgs>,
    handler: (args) => {
      const report = createReporter(ctx.io, args['diagnostics-format']);
      const file = args.file ?? (args.example ? `${args.example}.yaml` : STARTER_FILE);
      const done = scaffoldConfig(file, args.example);
      if (!done.ok) {
        report.diagnostics(done.diagnostics);
        ctx.setExit(EXIT.invalid);
        return;
      }
      report.diagnostics([]);
      const schemaHint = done.installed ? '' : '; for editor support run `armgen schema > armgen.schema.json` beside it';
      report.summary(`wrote ${done.written.join(', ')}; next: armgen validate ${file}${schemaHint}`);
      ctx.setExit(EXIT.ok);
    },
  };
}
