import { diagnosticCodes, formatDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.js';

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

/** Print diagnostics: human lines on stderr, or one SARIF 2.1.0 log on stdout. */
export function reportDiagnostics(io: Io, diagnostics: readonly Diagnostic[], format: DiagnosticsFormat, version: string): void {
  const sorted = sortDiagnostics(diagnostics);
  if (format === 'sarif') {
    io.stdout(`${JSON.stringify(toSarif(sorted, version), null, 2)}\n`);
    return;
  }
  for (const d of sorted) io.stderr(`${formatDiagnostic(d)}\n`);
}

/** SARIF 2.1.0 (docs.oasis-open.org/sarif/sarif/v2.1.0), the format GitHub code scanning ingests. */
export function toSarif(diagnostics: readonly Diagnostic[], version: string): unknown {
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'armgen',
            version,
            informationUri: 'https://github.com/armgen/armgen#diagnostic-codes',
            rules: codes.map((code) => ({ id: code, shortDescription: { text: diagnosticCodes[code] } })),
          },
        },
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: codes.indexOf(d.code),
          level: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note',
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file.split('\\').join('/') },
                ...(d.line > 0 ? { region: { startLine: d.line, startColumn: d.col } } : {}),
              },
            },
          ],
        })),
      },
    ],
  };
}
