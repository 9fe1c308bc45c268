import yargs, { type Argv } from 'yargs';
import { checkCommand, EXIT, generateCommand, validateCommand } from './commands/generateCommand.js';
import { lintCommand } from './commands/lintCommand.js';
import { processIo, type Io } from './commands/report.js';
import { armgenVersion } from './commands/version.js';
import { UserError, formatDiagnostic } from './diagnostics.js';
import { readConfigSchema } from './validate/validator.js';

/**
 * Build the CLI (a factory, so tests get a fresh parser with captured output). The handlers hold no
 * logic of their own: each is one call into the pipeline plus reporting.
 */
export function buildCli(argv: readonly string[], io: Io = processIo, setExit: (code: number) => void = (c) => (process.exitCode = c)): Argv {
  const ctx = { io, setExit };
  return yargs([...argv])
    .scriptName('armgen')
    .usage('$0 <command> [options]\n\nTurn a typed armgen config into deploy-ready ARM JSON and Bicep for an Azure Automation account.')
    .command(generateCommand(ctx))
    .command(validateCommand(ctx))
    .command(checkCommand(ctx))
    .command(lintCommand(ctx))
    .command({
      command: 'schema',
      describe: 'Print the config JSON Schema (for editors: reference it with `$schema:`)',
      handler: () => io.stdout(`${JSON.stringify(readConfigSchema(), null, 2)}\n`),
    })
    .demandCommand(1, 'Give a command: generate, validate, check, lint or schema.')
    .strict()
    .version(armgenVersion)
    .help()
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .exitProcess(false)
    .fail((message, error) => {
      // Throwing stops yargs before any handler runs, so a usage error can never write anything.
      throw error ?? new UsageError(message);
    });
}

/** Wrong command line: exit 2 with a one-line message and a pointer to --help. */
class UsageError extends Error {}

/** Run the CLI and resolve to the exit code; user errors print diagnostics, bugs print a stack only with --debug. */
export async function runCli(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code = EXIT.ok as number;
  try {
    // A parse callback makes yargs hand back --help/--version text instead of printing it itself.
    await buildCli(argv, io, (c) => (code = c)).parseAsync([...argv], {}, (_err, _args, output) => {
      if (output) io.stdout(output.endsWith('\n') ? output : `${output}\n`);
    });
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`armgen: error AG000: ${err.message}\nRun 'armgen --help' for usage.\n`);
      return EXIT.invalid;
    }
    if (err instanceof UserError) {
      for (const d of err.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
      return EXIT.invalid;
    }
    const debug = argv.includes('--debug');
    io.stderr(`armgen: internal error: ${err instanceof Error ? err.message : String(err)}\n${debug && err instanceof Error ? `${err.stack}\n` : 'Run again with --debug for the stack trace, and please report it.\n'}`);
    return EXIT.invalid;
  }
  return code;
}
