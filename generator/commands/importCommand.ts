import type { Argv, CommandModule } from 'yargs';
import type { CommandContext } from './context.js';
import { describeCommand, type GlobalArgs } from './options.js';

export type ImportArgs = GlobalArgs & { template: string; parameters: string[]; out?: string; force: boolean };

const DESCRIPTION = 'Write the armgen config of an existing ARM template of an Automation account (verified: it renders an equivalent template)';

export function importCommand(ctx: CommandContext): CommandModule<GlobalArgs, ImportArgs> {
  return {
    command: 'import <template> [parameters..]',
    describe: DESCRIPTION,
    builder: (y: Argv<GlobalArgs>) =>
      describeCommand(y, 'import <template.json> [parameters.json..] [--out config.yaml [--force]]', DESCRIPTION, [
        ['$0 import azuredeploy.json azuredeploy.parameters.json --out automation.yaml', 'Import a template and its parameter values'],
        ['$0 import template.json > automation.yaml', 'Print the config'],
      ])
        .positional('template', { describe: 'The ARM template (JSON)', type: 'string' })
        .positional('parameters', { describe: 'Parameter files: values of the default one become `value:`, of NAME.parameters.<env>.json `environments.<env>`', type: 'string', array: true, default: [] })
        .option('out', { alias: 'o', describe: 'Write the config to this file (atomically) instead of stdout', type: 'string', requiresArg: true })
        .option('force', { describe: 'Let --out replace an existing file', type: 'boolean', default: false }) as unknown as Argv<ImportArgs>,
    // The import feature (generator/import/, ~2,700 lines) loads only for this command: every other run skips it.
    handler: async (args) => (await import('./runImport.js')).runImport(ctx, args),
  };
}

