import { createEnvironment, type TemplateFn } from './environment.js';

/** What a starter-runbook template sees: plain values, each escaped by the helper that places it. */
export interface StarterRunbookView {
  readonly flow: 'powershell' | 'python';
  readonly runbookName: string;
  /** The user-assigned identity's config name, or null for the system-assigned identity. */
  readonly identity: string | null;
  readonly userAssigned: boolean;
  /** Automation variable that holds the user-assigned identity's client ID (null for system). */
  readonly clientIdVariable: string | null;
  readonly keyVault: { readonly vaultName: string; readonly secretName: string } | null;
}

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
