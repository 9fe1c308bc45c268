import type { ExitCode } from './exitCodes.js';
import type { Io } from './report.js';

/** What a command handler gets: where to print, and how to set the exit code. */
export interface CommandContext {
  readonly io: Io;
  readonly setExit: (code: ExitCode) => void;
}

/**
 * A wrong command line found by a handler after parsing (`--stdout` with a folder of several configs):
 * reported like yargs' own usage errors, AG000 and exit 2, before anything is written.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
