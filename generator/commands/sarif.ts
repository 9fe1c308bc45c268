import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { allDiagnosticDocs, ARMGEN_REPOSITORY_URL, explainMarkdown, type DiagnosticDoc } from '../diagnosticDocs.js';
import type { Diagnostic } from '../diagnostics.js';
import { gitRoot } from './projectRoot.js';

/**
 * SARIF 2.1.0 (OASIS, docs.oasis-open.org/sarif/sarif/v2.1.0) for GitHub code scanning, which requires
 * per rule `id`, `shortDescription.text`, `fullDescription.text` (each at most 1024 characters) and
 * `help.text`, and per result `message.text` and a location whose region has start and end line and column
 * ("SARIF support for code scanning", docs.github.com). `partialFingerprints` are left to the
 * upload-sarif action, which computes them from the files: a wrong value would make it skip its own.
 */

/** The base id GitHub's and Microsoft's tools use for the source root. */
const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  readonly version: string;
  /** The working directory the diagnostics' relative file names are relative to. */
  readonly cwd: string;
}

/** The SARIF log as text, safe to print into a CI log (see logSafeJson). */
export function sarifText(diagnostics: readonly Diagnostic[], options: SarifOptions): string {
  return `${logSafeJson(toSarif(diagnostics, options))}\n`;
}

/** One run, every armgen rule (the same list in every log, as GitHub expects), one result per diagnostic. */
export function toSarif(diagnostics: readonly Diagnostic[], options: SarifOptions): Log {
  const docs = allDiagnosticDocs();
  const index = new Map(docs.map((d, i) => [d.code, i]));
  const root = gitRoot(options.cwd) ?? resolve(options.cwd);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'armgen', version: options.version, semanticVersion: options.version, informationUri: ARMGEN_REPOSITORY_URL, rules: docs.map(rule) } },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` } },
        results: diagnostics.map((d) => result(d, index.get(d.code) ?? -1, options.cwd, root)),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

function rule(doc: DiagnosticDoc): ReportingDescriptor {
  return {
    id: doc.code,
    name: doc.name,
    shortDescription: { text: doc.summary },
    fullDescription: { text: `${doc.summary} ${doc.details}`.slice(0, 1024) },
    help: { text: `${doc.details}\n\nWhat to do: ${doc.fix}`, markdown: explainMarkdown(doc) },
    helpUri: doc.helpUri,
    // Lint rules and least privilege mostly warn; every other code is an error (a result's own level wins).
    defaultConfiguration: { level: doc.code === 'AG500' || doc.code === 'AG700' ? 'warning' : 'error' },
  };
}

function result(d: Diagnostic, ruleIndex: number, cwd: string, root: string): Result {
  // A problem with no position (an unreadable file, drift) is reported on the file's first line.
  const line = Math.max(1, d.line);
  const col = Math.max(1, d.col);
  return {
    ruleId: d.code,
    ruleIndex,
    level: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note',
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(d.file, cwd, root), region: { startLine: line, startColumn: col, endLine: line, endColumn: col + 1 } } }],
  };
}

/**
 * A file inside the source root as a relative, percent-encoded URI reference against %SRCROOT% (GitHub
 * resolves relative paths against the repository root); a file outside it as an absolute file: URI.
 */
function artifactLocation(file: string, cwd: string, root: string): { uri: string; uriBaseId?: string } {
  const absolute = resolve(cwd, file);
  const rel = relative(root, absolute);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return { uri: pathToFileURL(absolute).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/**
 * JSON text that no CI runner takes for a command when it is printed to a log: C1 controls and the
 * line separators U+2028/U+2029 (which JSON.stringify leaves raw) and the `#` of `##[` / `##vso[` become
 * `\uXXXX` escapes, which decode to the same string. (Pretty-printed JSON never starts a line with `::`.)
 */
export function logSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/[\u0080-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/##(?=\[|vso\[)/gi, '\\u0023#');
}
