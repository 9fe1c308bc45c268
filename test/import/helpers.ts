import { readFileSync } from 'node:fs';
import { generateConfig } from '../../generator/generate.js';
import { importToConfig, type ImportOutcome } from '../../generator/import/importFiles.js';
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
export function importText(file: string, text: string, parameters: readonly JsonSource[] = []): ImportOutcome {
  return importToConfig(sourceOf(file, text), parameters, MODELINE, 'imported.yaml');
}

/** The diagnostics of a refused import, as printed (`file:line:col: error CODE: message`). */
export function refusalsOf(outcome: ImportOutcome): string[] {
  if (outcome.ok) throw new Error(`expected the import to be refused, got:\n${outcome.text}`);
  return outcome.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.severity} ${d.code}: ${d.message}`);
}

/** Render imported config text as `generate --format arm` does; returns azuredeploy.json's text. */
export function renderedTemplate(configText: string, name = 'imported.yaml'): string {
  const result = generateConfig(name, configText, { format: 'arm', readme: false });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`).join('\n'));
  return result.artifacts.find((a) => a.path.endsWith('/azuredeploy.json'))!.text;
}
