import { basename, dirname, extname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { readInputText } from '../io/readInputFile.js';
import { configText } from './configText.js';
import type { ReadArtifact, StagedFile } from './importContext.js';
import { importTemplate } from './importTemplate.js';
import { parseJsonSource, type JsonSource } from './jsonSource.js';
import { verifyImport } from './verifyImport.js';

export type ImportOutcome = { readonly ok: true; readonly text: string; readonly stagedFiles: readonly StagedFile[] } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Read and parse one JSON input (regular UTF-8 file, size-limited, like every armgen input). */
export function readJsonSource(path: string): { ok: true; source: JsonSource } | { ok: false; diagnostic: Diagnostic } {
  const read = readInputText(path);
  if (!read.ok) return { ok: false, diagnostic: { file: path, line: 0, col: 0, severity: 'error', code: 'AG100', message: read.reason } };
  const parsed = parseJsonSource(path, read.text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return { ok: false, diagnostic: { file: path, line: parsed.line, col: parsed.col, severity: 'error', code: 'AG101', message: parsed.message } };
  return { ok: true, source: parsed.source };
}

/**
 * Template (+ parameter files) -> config text, verified: the config is rendered and compared with the template
 * before anything is written. `configFile` names the config (its folder sets the schema modeline's path).
 */
export function importToConfig(template: JsonSource, parameterFiles: readonly JsonSource[], modeline: readonly string[], configFile = 'imported.yaml', readArtifact?: ReadArtifact): ImportOutcome {
  const imported = importTemplate(template, parameterFiles, readArtifact);
  if (!imported.ok) return { ok: false, diagnostics: imported.diagnostics };
  const text = configText(imported.config, imported.comments, { modeline, source: basename(template.file) });
  const name = `${basename(configFile, extname(configFile))}${extname(configFile) || '.yaml'}`;
  const problems = verifyImport(template, name, text, imported.stagedFiles);
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  return { ok: true, text, stagedFiles: imported.stagedFiles };
}

/**
 * Reads the files staged next to a template (`runbooks/<file>` of an armgen output folder), as every armgen input
 * is read; a path that leaves the template's folder is never read.
 */
export function artifactReader(templatePath: string): ReadArtifact {
  return (relative) => {
    if (relative.startsWith('/') || relative.split('/').some((s) => s === '..' || s === '.' || s === '')) return undefined;
    const folder = dirname(templatePath);
    const read = readInputText(join(folder, relative), { within: { folder, name: "the template's folder" } });
    return read.ok ? read.text : undefined;
  };
}
