import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateConfig } from '../../generator/generate.js';
import { importToConfig, type ImportOutcome } from '../../generator/import/importFiles.js';
import type { ReadArtifact } from '../../generator/import/importContext.js';
import { parseJsonSource, type JsonSource } from '../../generator/import/jsonSource.js';

export const MODELINE = ['# yaml-language-server: $schema=../schemas/armgen.schema.json'];

/** A JSON text as the importer reads it (file name as given, for diagnostics). */
export function sourceOf(file: string, text: string): JsonSource {
  const parsed = parseJsonSource(file, text);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.message}`);
  return parsed.source;
}

export function sourceFile(path: string, shownAs = path): JsonSource {
  return sourceOf(shownAs, readFileSync(path, 'utf8'));
}

/** Import a template text (+ parameter files) into config text. */
export function importText(file: string, text: string, parameters: readonly JsonSource[] = [], readArtifact?: ReadArtifact): ImportOutcome {
  return importToConfig(sourceOf(file, text), parameters, MODELINE, 'imported.yaml', readArtifact);
}

/** The diagnostics of a refused import, as printed (`file:line:col: error CODE: message`). */
export function refusalsOf(outcome: ImportOutcome): string[] {
  if (outcome.ok) throw new Error(`expected the import to be refused, got:\n${outcome.text}`);
  return outcome.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.severity} ${d.code}: ${d.message}`);
}

/**
 * Render imported config text as `generate --format arm` does, the config placed in `folder` (its `file:` runbooks
 * are read there); returns every artifact's text by its path below the output folder (`azuredeploy.json`, `runbooks/x.ps1`).
 */
export function renderedFiles(configText: string, folder?: string): Map<string, string> {
  const readFile = (path: string) => (folder && existsSync(join(folder, path)) ? { ok: true as const, text: readFileSync(join(folder, path), 'utf8') } : { ok: false as const, reason: 'does not exist' });
  const result = generateConfig('imported.yaml', configText, { format: 'arm', readme: false, readFile });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`).join('\n'));
  return new Map(result.artifacts.map((a) => [a.path.replace(/^imported\//, ''), a.text]));
}

/** Render imported config text as `generate --format arm` does; returns azuredeploy.json's text. */
export function renderedTemplate(configText: string, folder?: string): string {
  return renderedFiles(configText, folder).get('azuredeploy.json')!;
}
