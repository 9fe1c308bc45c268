/**
 * Diagnostics: every user mistake becomes one of these, located in the config file, and is printed as
 * `file:line:col: error CODE: message`. Bugs stay thrown `Error`s (stack shown with --debug).
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly file: string;
  /** 1-based; 0 when the problem has no position (e.g. the file cannot be read). */
  readonly line: number;
  readonly col: number;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  /** JSON pointer into the config, when the problem is at a value. */
  readonly pointer?: string;
}

/**
 * Stable codes, documented in the README; never renumber. The one-line summary is here; the longer text
 * (`armgen explain`, SARIF rule help) is in diagnosticDocs.ts.
 */
export const diagnosticCodes = {
  AG000: 'Usage error: an unknown command or option, a missing argument, or options that do not go together.',
  AG100: 'The config file cannot be read.',
  AG101: 'The config file is not valid YAML or JSON.',
  AG102: 'The config file has a duplicate key.',
  AG103: 'The config file is refused before it is expanded: too large, nested too deep, or too many aliases (a "billion laughs" document).',
  AG104: 'A value that cannot be carried exactly (an integer beyond 2^53, infinity or NaN, a lone UTF-16 surrogate, a control character in a key, a non-JSON tagged value).',
  AG200: 'The config does not match the schema (wrong type, missing or unknown key, bad value).',
  AG300: 'A name breaks Azure\'s naming rules for its resource type.',
  AG301: 'A reference to something the config does not declare (identity, parameter, runbook, schedule...).',
  AG302: 'Two entries declare the same thing.',
  AG303: 'A parameter is declared wrongly or used against its type.',
  AG304: 'A setting that the chosen API version does not support.',
  AG305: 'A role that is neither a known built-in role, a GUID nor a role definition ID.',
  AG306: 'An identity used where it is not attached to the account or not enabled.',
  AG307: 'An environment override that would change the template rather than a parameter value.',
  AG308: 'A value that Azure would reject (time in the past, bad resource ID, dependency cycle...).',
  AG309: 'The config cannot be rendered as Bicep (use --format arm for it).',
  AG310: 'A value that armgen stores as written but that reads as something else (a variable string that looks like a date stays a String).',
  AG311: 'A combination that deploys but cannot work (a webhook on an account with local authentication off, a webhook for a Python runbook).',
  AG400: 'An Azure template limit would be exceeded.',
  AG500: 'Lint: the rendered output breaks a best-practice rule.',
  AG501: 'A retired runtime: a runbook, runtime environment or module list on PowerShell 7.1/7.2 or Python 2.7/3.8.',
  AG502: 'Modules or packages the runtime likely cannot load (Az.Accounts pinned below what other Az modules need, a wheel for another Python or platform).',
  AG600: 'Output cannot be written (permissions, a file in the way, a path outside the output folder, two configs writing one file).',
  AG700: 'Least privilege: a broad role where a narrower one exists.',
  AG701: 'Deploy-time access: an identity the config relies on lacks a role it needs (a customer-managed key, a Key Vault secret), or a value it needs is unknown.',
  AG801: 'Deployment hint: a value the deployment needs that the config does not give (the artifacts location), or a setting with no effect.',
  AG900: 'Drift: the files on disk differ from what the config renders.',
  AG910: 'Import: a construct of the ARM template that has no armgen config equivalent (refused, with its JSON path).',
} as const;

export type DiagnosticCode = keyof typeof diagnosticCodes;

/** A user error: one or more diagnostics, collected and thrown once. Exit code 2, no stack. */
export class UserError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'UserError';
  }
}

/**
 * `file:line:col: error CODE: message` (line/col omitted when unknown), safe to print: the file name and
 * the message come from user input (a config's name, quoted config text), so they are escaped.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const file = escapeControls(d.file);
  const where = d.line > 0 ? `${file}:${d.line}:${d.col}` : file;
  return neutraliseLogCommands(`${where}: ${d.severity} ${d.code}: ${escapeControls(d.message)}`);
}

/** Sort by file, then position, then message, so output order never depends on discovery order. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.col - b.col ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

// C0 controls (U+0000-U+001F), DEL and C1 controls (U+0080-U+009F): a terminal acts on ESC/CSI sequences
// (colours, cursor moves, title changes, OSC 8 links), and CR/LF would start a new log line that a CI
// runner parses as a command (below).
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Text from user input (a file name, config text quoted in a message) made printable on one line: every
 * C0/C1 control character except those in `keep` becomes a visible `\xNN` escape.
 * @param keep controls to leave as they are (a diff keeps its tabs and line breaks)
 */
export function escapeControls(text: string, keep = ''): string {
  return text.replace(CONTROLS, (c) => (keep.includes(c) ? c : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/**
 * One printed line that no CI runner will take for a command: GitHub Actions runs a workflow command from
 * a line that starts with `::` after leading whitespace (`ActionCommand.TryParseV2`) and from `##[` anywhere
 * in a line (`TryParse`, the older form), both in actions/runner src/Runner.Common/ActionCommand.cs; Azure
 * Pipelines runs a logging command from `##vso[` anywhere in a line (azure-pipelines-agent, `Command.cs`,
 * "Logging commands" in the Azure Pipelines docs). The first character of each such marker is written as
 * its `\xNN` escape, so the text stays readable and a forged `::error` or `##vso[task.setvariable` is inert.
 * Call it per line (text with line breaks: see safeText).
 */
export function neutraliseLogCommands(line: string): string {
  return line.replace(/^(\s*):(?=:)/, '$1\\x3a').replace(/##(?=\[|vso\[)/gi, '\\x23#');
}

/**
 * Multi-line text that quotes user input (a diff, a note naming paths) made safe to print: controls other
 * than tab and line feed escaped, and each line neutralised (see neutraliseLogCommands).
 */
export function safeText(text: string): string {
  return escapeControls(text, '\t\n').split('\n').map(neutraliseLogCommands).join('\n');
}
