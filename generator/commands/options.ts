import { UsageError } from './context.js';
import type { Argv } from 'yargs';
import type { DiagnosticsFormat } from './report.js';

/** Options every command takes (declared once on the root parser as yargs global options). */
export interface GlobalArgs {
  'diagnostics-format': DiagnosticsFormat;
  debug: boolean;
}
export interface InputArgs {
  config: string[];
}
export interface OutputArgs {
  out: string;
}
export interface RenderArgs {
  format: 'arm' | 'bicep' | 'all';
  readme: boolean;
  'stamp-version': boolean;
}
export interface StrictArgs {
  strict: boolean;
}

/**
 * What `<config..>` accepts, printed under each command's usage line. (A yargs `.positional()` would add
 * `[array] [required] [default: []]`, which the `<config..>` in the usage line already says.)
 */
export const CONFIG_ARGUMENT_HELP =
  '<config..>  config files (.yaml, .yml, .json; always read), folders (searched for armgen configs, skipping ' +
  'node_modules, hidden and git-ignored folders and the output folder) or quoted globs';

export function globalOptions<T>(y: Argv<T>): Argv<T & GlobalArgs> {
  return y
    .option('diagnostics-format', { describe: 'How to print diagnostics: human lines on stderr, or one SARIF 2.1.0 log on stdout', choices: ['human', 'sarif'] as const, default: 'human' as const, global: true })
    .option('debug', { describe: 'Show stack traces of internal errors', type: 'boolean', default: false, global: true });
}

export function outputOptions<T>(y: Argv<T>, describe = 'Output folder: configs render into DIR/NAME/'): Argv<T & OutputArgs> {
  return y
    .option('out', { alias: 'o', describe, type: 'string', default: 'out', requiresArg: true })
    .check((argv) => {
      const out = (argv as unknown as OutputArgs).out;
      // Without this, `-o -` (the usual "standard output") writes a folder named '-'.
      // Thrown, not returned: yargs hands a returned message on as a bare string, which reads as a crash.
      if (out === '-') throw new UsageError("-o - is not supported: armgen writes a folder of files; use --stdout to print one config's template");
      if (out.trim() === '') throw new UsageError('--out needs a folder name');
      return true;
    });
}

export function renderOptions<T>(y: Argv<T>): Argv<T & RenderArgs> {
  return y
    .option('format', { describe: 'Artifacts to render', choices: ['arm', 'bicep', 'all'] as const, default: 'all' as const })
    .option('readme', { describe: 'Render NAME/README.md (diagram, parameters, what the deploying principal needs) with every format; --no-readme leaves it out and keeps the one on disk', type: 'boolean', default: true })
    .option('stamp-version', { describe: "Write armgen's version into metadata._generator (causes drift on upgrade)", type: 'boolean', default: false });
}

export function strictOption<T>(y: Argv<T>): Argv<T & StrictArgs> {
  return y.option('strict', { describe: 'Treat warnings (least privilege, lint) as failures: exit 1', type: 'boolean', default: false });
}

/** A command's help: usage line, description, what `<config..>` accepts (when it takes configs), examples. */
export function describeCommand<T>(y: Argv<T>, usage: string, description: string, examples: readonly (readonly [string, string])[]): Argv<T> {
  const text = `$0 ${usage}\n\n${description}${usage.includes('<config..>') ? `\n\n${CONFIG_ARGUMENT_HELP}` : ''}`;
  return examples.reduce((acc, [cmd, what]) => acc.example(cmd, what), y.usage(text));
}
