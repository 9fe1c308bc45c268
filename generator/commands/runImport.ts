import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { writeNewFile } from '../emit/writeNewFile.js';
import type { StagedFile } from '../import/importContext.js';
import { artifactReader, importToConfig, readJsonSource } from '../import/importFiles.js';
import type { JsonSource } from '../import/jsonSource.js';
import { UsageError, type CommandContext } from './context.js';
import { EXIT } from './exitCodes.js';
import type { ImportArgs } from './importCommand.js';
import { createReporter } from './report.js';
import { schemaReference } from './scaffold.js';

const ALREADY_EXISTS = 'already exists; armgen import never overwrites a file without --force';

/** `armgen import`: loaded only when the command runs (importCommand.ts), so other commands never parse it. */
export function runImport(ctx: CommandContext, args: ImportArgs): void {
  const report = createReporter(ctx.io, args['diagnostics-format']);
  if (args.out === undefined && report.format === 'sarif') throw new UsageError('--diagnostics-format sarif prints the log on stdout: give --out for the config');
  if (args.force && args.out === undefined) throw new UsageError('--force needs --out');
  const fail = (diagnostics: readonly Diagnostic[]): void => {
    report.diagnostics(diagnostics);
    ctx.setExit(EXIT.invalid);
  };
  const sources: JsonSource[] = [];
  for (const path of [args.template, ...args.parameters]) {
    const read = readJsonSource(path);
    if (!read.ok) return fail([read.diagnostic]);
    sources.push(read.source);
  }
  if (args.out !== undefined && !args.force && existsSync(args.out)) {
    return fail([{ file: args.out, line: 0, col: 0, severity: 'error', code: 'AG600', message: ALREADY_EXISTS }]);
  }
  const folder = args.out === undefined ? process.cwd() : dirname(resolve(args.out));
  const outcome = importToConfig(sources[0]!, sources.slice(1), schemaReference(folder).lines, args.out ?? 'imported.yaml', artifactReader(args.template));
  if (!outcome.ok) return fail(outcome.diagnostics);
  const noteFiles = (): void => noteStagedFiles(report, outcome.stagedFiles, args.template, folder);
  if (args.out === undefined) {
    report.diagnostics([]);
    noteFiles();
    ctx.io.stdout(outcome.text);
    ctx.setExit(EXIT.ok);
    return;
  }
  const written = writeNewFile(args.out, outcome.text, args.force);
  if (!written.ok) return fail([{ file: args.out, line: 0, col: 0, severity: 'error', code: 'AG600', message: written.exists ? ALREADY_EXISTS : `cannot write: ${written.reason}` }]);
  report.diagnostics([]);
  noteFiles();
  report.summary(`wrote ${args.out}; next: armgen generate ${args.out}`);
  ctx.setExit(EXIT.ok);
}

/**
 * The config names each staged runbook script with `file:` relative to itself, and never copies a file: say which
 * scripts the user must place there, and where the template's own copy is when it was found.
 */
function noteStagedFiles(report: ReturnType<typeof createReporter>, files: readonly StagedFile[], template: string, folder: string): void {
  for (const f of files) {
    const found = f.text === undefined ? 'not found next to the template' : `found at ${join(dirname(template), f.path)}`;
    report.note(`runbook file: place ${f.path} in ${folder} (the config names it with file: ${f.path}; ${found})`);
  }
}
