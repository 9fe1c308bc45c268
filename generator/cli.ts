import yargs, { type Argv } from 'yargs';
import { checkCommand } from './commands/checkCommand.js';
import { UsageError, type CommandContext } from './commands/context.js';
import { EXIT, type ExitCode } from './commands/exitCodes.js';
import { generateCommand } from './commands/generateCommand.js';
import { importCommand } from './commands/importCommand.js';
import { explainCommand, schemaCommand } from './commands/infoCommands.js';
import { initCommand } from './commands/initCommand.js';
import { lintCommand } from './commands/lintCommand.js';
import { skipHelpCache } from './commands/helpCache.js';
import { globalOptions } from './commands/options.js';
import { processIo, type Io } from './commands/report.js';
import { validateCommand } from './commands/validateCommand.js';
import { armgenVersion } from './commands/version.js';
import { DIAGNOSTIC_CODES_URL } from './diagnosticDocs.js';
import { UserError, formatDiagnostic, safeText } from './diagnostics.js';
import { didYouMean, suggestionHint } from './util/didYouMean.js';

const COMMANDS = ['generate', 'validate', 'check', 'lint', 'init', 'import', 'explain', 'schema', 'completion'] as const;

/**
 * Build the CLI (a factory, so tests get a fresh parser with captured output). The handlers hold no
 * logic of their own: each is one call into the pipeline plus reporting.
 */
export function buildCli(argv: readonly string[], io: Io = processIo, setExit: (code: ExitCode) => void = (c) => (process.exitCode = c)): Argv {
  const ctx: CommandContext = { io, setExit };
  const y: Argv = skipHelpCache(globalOptions(yargs([...argv])))
    .scriptName('armgen')
    .usage('$0 <command> [options]\n\nTurn a typed armgen config into deploy-ready ARM JSON and Bicep for an Azure Automation account.')
    .command(generateCommand(ctx))
    .command(validateCommand(ctx))
    .command(checkCommand(ctx))
    .command(lintCommand(ctx))
    .command(initCommand(ctx))
    .command(importCommand(ctx))
    .command(explainCommand(ctx))
    .command(schemaCommand(ctx))
    .group(['diagnostics-format', 'debug', 'help', 'version'], 'Global options:')
    .completion('completion', 'Print a bash/zsh completion script (armgen completion >> ~/.bashrc)')
    .example('$0 init', 'Start a config')
    .example('$0 generate automation-account.yaml', 'Render it into out/automation-account/')
    .example("$0 check 'configs/**/*.yaml'", 'In CI: fail when out/ is stale')
    .epilogue(`Exit codes: 0 ok; 1 drift, lint findings or --strict warnings; 2 invalid input, usage or I/O error.\nDiagnostic codes: armgen explain AGnnn, or ${DIAGNOSTIC_CODES_URL}`)
    .demandCommand(1, `Give a command: ${COMMANDS.slice(0, -1).join(', ')}.`)
    .recommendCommands()
    .strict()
    // Fixed, so the messages (and the unknown-option parsing below) never depend on the user's locale.
    .locale('en')
    .version(armgenVersion)
    .help()
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .exitProcess(false)
    .fail((message, error) => {
      // Throwing stops yargs before any handler runs, so a usage error can never write anything.
      // A .check() that returns a message reaches here as a yargs YError: a usage error too.
      if (error && error.name !== 'YError') throw error;
      throw new UsageError(explainUsage(message ?? error?.message ?? '', argv, knownOptions(y)));
    });
  return y;
}

/**
 * The options of the parser as it stands (a command's builder has added its own): yargs' getOptions(),
 * which @types/yargs does not declare.
 */
function knownOptions(y: Argv): string[] {
  return Object.keys((y as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions().key);
}

/**
 * yargs' message, made to guide: strict mode names unknown options ("Unknown arguments: ouut") but
 * suggests only commands (recommendCommands: "Did you mean generate?"), so add the closest known options,
 * from the parser of the command being run, and say which command was not found.
 */
function explainUsage(message: string, argv: readonly string[], known: readonly string[]): string {
  if (message.startsWith('Did you mean')) return `unknown command '${argv[0]}'. ${message}`;
  // An unknown `--flag` takes the next word as its value, so yargs sees no config and says only that;
  // name the unknown option instead, the real mistake.
  const swallowed = message.startsWith('Not enough non-option arguments') ? unknownLongOptions(argv, known) : [];
  const listed = swallowed.length > 0 ? swallowed : /^Unknown arguments?: (.+)$/.exec(message)?.[1]?.split(', ');
  if (!listed) return message;
  // yargs lists an unknown --foo-bar twice, also as fooBar; long options only, as typed (no one-letter aliases).
  const unknown = listed.filter((u) => !/[A-Z]/.test(u) || !listed.includes(u.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)));
  const options = known.filter((k) => k.length > 1 && k === k.toLowerCase());
  const hints = unknown.flatMap((u) => didYouMean(u.replace(/^-+/, ''), options, 2).map((s) => `--${s}`));
  return `unknown ${unknown.length === 1 ? 'argument' : 'arguments'}: ${unknown.join(', ')}.${suggestionHint([...new Set(hints)])}`;
}

/** The `--long` options in argv that the parser does not know, named as yargs names them (no dashes, `=value` or `no-`). */
function unknownLongOptions(argv: readonly string[], known: readonly string[]): string[] {
  const stop = argv.indexOf('--');
  return (stop < 0 ? argv : argv.slice(0, stop)).flatMap((a) => {
    const name = /^--(?:no-)?([^=]+)/.exec(a)?.[1];
    return name !== undefined && !known.includes(name) ? [name] : [];
  });
}

/** Run the CLI and resolve to the exit code; user errors print diagnostics, bugs print a stack only with --debug. */
export async function runCli(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code: number = EXIT.ok;
  try {
    // A parse callback makes yargs hand back --help/--version/completion text instead of printing it itself.
    await buildCli(argv, io, (c) => (code = c)).parseAsync([...argv], {}, (_err, _args, output) => {
      if (output) io.stdout(output.endsWith('\n') ? output : `${output}\n`);
    });
  } catch (err) {
    return reportFailure(err, argv, io);
  }
  return code;
}

function reportFailure(err: unknown, argv: readonly string[], io: Io): number {
  // yargs rejects with a bare string when a .check() returns a message: that is a usage error too.
  if (typeof err === 'string') return reportFailure(new UsageError(err), argv, io);
  if (err instanceof UsageError) {
    const command = COMMANDS.find((c) => c === argv[0]);
    io.stderr(`${safeText(`armgen: error AG000: ${err.message}`)}\nRun 'armgen ${command ? `${command} ` : ''}--help' for usage.\n`);
    return EXIT.invalid;
  }
  if (err instanceof UserError) {
    for (const d of err.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
    return EXIT.invalid;
  }
  const debug = argv.includes('--debug');
  const message = safeText(`armgen: internal error: ${err instanceof Error ? err.message : String(err)}`);
  io.stderr(`${message}\n${debug && err instanceof Error ? `${err.stack}\n` : 'Run again with --debug for the stack trace, and please report it.\n'}`);
  return EXIT.invalid;
}
