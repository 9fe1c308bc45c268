import { GRAPH_RUNBOOK_EXTENSION, GRAPHICAL_TYPES, graphRunbookProblem } from '../azure/graphRunbook.js';
import type { Runbook } from '../model/config.generated.js';
import type { ResolveContext } from './context.js';
import type { RunbookRuntime } from './runbookRuntime.js';

/** What reading a file gave: its text, or why not, as the rest of a sentence ("is a symbolic link"). */
export type FileRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** Reads a file named relative to the config file. */
export type ReadFile = (relativePath: string) => FileRead;

/** What a local file holds, by its extension. */
type FileKind = 'PowerShell' | 'Python' | 'graphical';

function kindOf(file: string): FileKind {
  return file.endsWith('.ps1') ? 'PowerShell' : file.endsWith('.py') ? 'Python' : 'graphical';
}

/**
 * A runbook's local `file:`, read and checked against its type: a .ps1 or .py script for a runbook of that language,
 * a .graphrunbook for a graphical one (its JSON envelope checked loosely, azure/graphRunbook.ts). The text is
 * returned as read (decoded losslessly, BOM kept), so the staged copy has the same bytes; '' after an error.
 */
export function runbookFileContent(ctx: ResolveContext, readFile: ReadFile | undefined, c: { rb: Runbook; pointer: string; runtime: RunbookRuntime }): string {
  const { rb, pointer, runtime } = c;
  const file = rb.file!;
  const at = `${pointer}/file`;
  const kind = kindOf(file);
  const graphical = GRAPHICAL_TYPES.has(runtime.type);
  if (kind === 'graphical' && !graphical) {
    ctx.error(`${pointer}/type`, 'AG200', `runbook '${rb.name}': ${file} is a graphical runbook, which needs type GraphPowerShell, GraphPowerShellWorkflow or Graph (got ${runtime.type})`);
  } else if (kind !== 'graphical' && graphical) {
    ctx.error(at, 'AG200', `runbook '${rb.name}' is a graphical runbook (type ${runtime.type}): its file is a ${GRAPH_RUNBOOK_EXTENSION} exported from the portal, not a ${kind} script`);
  } else if (kind !== 'graphical' && runtime.language !== undefined && runtime.language !== kind) {
    ctx.error(at, 'AG200', `runbook '${rb.name}' is a ${runtime.language} runbook (type ${runtime.type}${runtime.environmentName ? `, runtime environment '${runtime.environmentName}'` : ''}) but ${file} is a ${kind} script`);
  } else if (kind !== 'graphical' && runtime.language === undefined) {
    ctx.error(`${pointer}/type`, 'AG200', `runbook type ${runtime.type} cannot take a .ps1/.py file; use uri for script runbooks`);
  }
  const text = read(ctx, readFile, file, at);
  if (text === undefined) return '';
  if (kind === 'graphical' && graphical) {
    const problem = graphRunbookProblem(text, runtime.type);
    if (problem) ctx.error(at, 'AG308', `${file} ${problem}; export the runbook from the portal (Export) or with Export-AzAutomationRunbook and use that file`);
  }
  return text;
}

function read(ctx: ResolveContext, readFile: ReadFile | undefined, path: string, pointer: string): string | undefined {
  if (!readFile) {
    ctx.error(pointer, 'AG100', `cannot read ${path}: runbook files are read by the CLI, and this caller gave no file access`);
    return undefined;
  }
  const result = readFile(path);
  if (!result.ok) ctx.error(pointer, 'AG100', `cannot read runbook file ${path} (relative to the config file): it ${result.reason}`);
  return result.ok ? result.text : undefined;
}
