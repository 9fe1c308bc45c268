import type { Argv } from 'yargs';
import type { DiagnosticsFormat } from './report.js';

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
  strict: boolean;
}
export interface ReportArgs {
  'diagnostics-format': DiagnosticsFormat;
  debug: boolean;
}

export function inputOptions<T>(y: Argv<T>): Argv<T & InputArgs> {
  return y.positional('config', {
    describe: 'Config files (.yaml/.yml/.json), folders or globs (quote globs)',
    type: 'string',
    array: true,
    demandOption: true,
  }) as unknown as Argv<T & InputArgs>;
}

export function outputOptions<T>(y: Argv<T>): Argv<T & OutputArgs> {
  return y.option('out', { alias: 'o', describe: 'Output folder', type: 'string', default: 'out' });
}

export function renderOptions<T>(y: Argv<T>): Argv<T & RenderArgs> {
  return y
    .option('format', { describe: 'Artifacts to render', choices: ['arm', 'bicep', 'all'] as const, default: 'all' as const })
    .option('readme', { describe: 'Render NAME/README.md (diagram, parameters, what the deploying principal needs) with every format; --no-readme leaves it out and keeps the one on disk', type: 'boolean', default: true })
    .option('stamp-version', { describe: "Write armgen's version into metadata._generator (causes drift on upgrade)", type: 'boolean', default: false })
    .option('strict', { describe: 'Treat warnings as errors (exit 1)', type: 'boolean', default: false });
}

export function reportOptions<T>(y: Argv<T>): Argv<T & ReportArgs> {
  return y
    .option('diagnostics-format', { describe: 'How to print diagnostics', choices: ['human', 'sarif'] as const, default: 'human' as const })
    .option('debug', { describe: 'Show stack traces of internal errors', type: 'boolean', default: false });
}
