import { formatDiagnostic, safeText, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { sarifText } from './sarif.js';
import type { RunResult, Tally } from './runConfigs.js';
import { armgenVersion } from './version.js';

export type DiagnosticsFormat = 'human' | 'sarif';

/** Where CLI output goes; injectable so tests can capture it. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

/**
 * How a command reports. Human format: diagnostics, notes and the summary on stderr (stdout stays for
 * what the command prints: a diff, a schema, a template). SARIF format: one SARIF log on stdout and
 * nothing else, so `> results.sarif` is always a valid file. Everything that may quote user input is
 * escaped (diagnostics.ts: escapeControls, neutraliseLogCommands).
 */
export interface Reporter {
  readonly format: DiagnosticsFormat;
  /** Every diagnostic of the run, once. */
  diagnostics(list: readonly Diagnostic[]): void;
  /** `armgen: TEXT` on stderr, in human format only. */
  summary(text: string): void;
  /** `armgen: note: TEXT` on stderr, in human format only. */
  note(text: string): void;
  /** Text for a reader on stdout (a diff), in human format only. */
  show(text: string): void;
}

export function createReporter(io: Io, format: DiagnosticsFormat): Reporter {
  const human = format === 'human';
  return {
    format,
    diagnostics(list) {
      const sorted = sortDiagnostics(list);
      if (human) for (const d of sorted) io.stderr(`${formatDiagnostic(d)}\n`);
      else io.stdout(sarifText(sorted, { version: armgenVersion, cwd: process.cwd() }));
    },
    summary(text) {
      if (human) io.stderr(`${safeText(`armgen: ${text}`)}\n`);
    },
    note(text) {
      if (human) io.stderr(`${safeText(`armgen: note: ${text}`)}\n`);
    },
    show(text) {
      if (human) io.stdout(safeText(text));
    },
  };
}

/** `N thing(s)`: the plural style of armgen's summaries. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}(s)`;
}

/** `, N warning(s)` for a summary, or ''. */
export function warningsNote(t: Tally): string {
  return t.warnings.length > 0 ? `, ${count(t.warnings.length, 'warning')}` : '';
}

/** How many YAML/JSON files the folder search passed over, for a summary, or ''. */
export function skippedNote(run: RunResult): string {
  return run.skipped > 0 ? `; ${count(run.skipped, 'YAML/JSON file')} in the given folders skipped (not armgen configs)` : '';
}
