import type { Diagnostic } from '../diagnostics.js';

/** An output problem the user can fix: exit 2, no stack; each diagnostic says what the run changed. */
export class WriteError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  /**
   * @param problems full sentences naming the path ("out/a/main.bicep is a folder ...")
   * @param outcome what the run changed on disk ("nothing was changed", "2 of 5 files were replaced ...")
   */
  constructor(outDir: string, problems: readonly string[], outcome: string) {
    super(problems.join('; '));
    this.diagnostics = problems.map((p) => ({ file: outDir, line: 0, col: 0, severity: 'error', code: 'AG600', message: `cannot write output: ${p}; ${outcome}` }));
  }

  /** The first diagnostic (there is always one). */
  get diagnostic(): Diagnostic {
    return this.diagnostics[0]!;
  }
}

/** A failed file-system call as a sentence for the user. */
export function describeFsError(cause: unknown, fallbackPath: string): string {
  const e = cause as NodeJS.ErrnoException;
  const at = e.path ?? fallbackPath;
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied at ${at}`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `a file is in the way of a folder at ${at}`;
    case 'EISDIR':
      return `a folder is in the way of a file at ${at}`;
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return e.message;
  }
}
