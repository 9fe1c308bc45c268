import type { ExtraFile } from '../../model/resolved.js';
import type { Artifact } from '../../model/artifact.js';
import type { StarterRunbookView } from '../../model/starterRunbook.js';
import { createEnvironment, type TemplateFn } from '../environment.js';

/**
 * PowerShell single-quoted string: only quote characters are special, and PowerShell treats the typographic
 * single quotes (U+2018..U+201B) as quotes too, so each is doubled (about_Quoting_Rules).
 */
export function psSingleQuoted(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`;
}

/**
 * Python string literal. JSON's string grammar is a subset of Python's (`\"`, `\\`, `\n`, `\uXXXX`...), so
 * JSON.stringify gives a valid, exact literal; U+2028/U+2029 are escaped too, to keep the line structure plain.
 */
export function pyStringLiteral(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export const runbookHelpers = {
  ps: (value: string): string => psSingleQuoted(value),
  py: (value: string): string => pyStringLiteral(value),
} as const;

let templates: ((entry: string) => TemplateFn) | undefined;

/** Render a starter runbook (`templates/runbooks/powershell.ps1.hbs` or `python.py.hbs`). */
export function renderStarterRunbook(view: StarterRunbookView): string {
  templates ??= createEnvironment('runbooks', runbookHelpers);
  const text = templates(view.flow === 'powershell' ? 'powershell.ps1' : 'python.py')(view);
  // One trailing newline, no trailing blanks: stable bytes whatever the template's last lines hold.
  return `${text.replace(/[ \t]+$/gm, '').replace(/\n+$/, '')}\n`;
}

/** Runbook scripts staged next to the template: copies as they are, starter runbooks rendered. */
export function renderRunbookFiles(files: readonly ExtraFile[]): Artifact[] {
  return files.map((f) => ({ path: f.path, kind: 'script', text: f.kind === 'copy' ? f.content : renderStarterRunbook(f.view) }));
}
