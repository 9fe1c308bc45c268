import type { Diagnostic } from '../diagnostics.js';
import { generateConfig } from '../generate.js';
import { compareTemplates } from './compareTemplates.js';
import { IMPORT_CODE, type StagedFile } from './importContext.js';
import { formatPath, type JsonSource } from './jsonSource.js';

/**
 * The proof an import is right: render the imported config (ARM only, in memory) and compare the template with
 * the original (compareTemplates.ts states the equivalence). A difference is a refusal at the original's path:
 * the import found no config that renders that construct.
 */
export function verifyImport(template: JsonSource, configName: string, configText: string, stagedFiles: readonly StagedFile[] = []): Diagnostic[] {
  // A `file:` runbook is rendered from the script found next to the template, or from an empty stand-in: the
  // template links the file and never holds its text, so the stand-in changes nothing that is compared.
  const scripts = new Map(stagedFiles.map((f) => [f.path, f.text ?? '']));
  const readFile = (path: string) => {
    const text = scripts.get(path.replace(/\\/g, '/').replace(/^\.\//, ''));
    return text === undefined ? { ok: false as const, reason: 'is not a runbook file of the imported template' } : { ok: true as const, text };
  };
  const result = generateConfig(configName, configText, { format: 'arm', readme: false, lint: false, readFile });
  const at = (path: readonly (string | number)[], message: string): Diagnostic => {
    const { line, col } = template.position(path);
    return { file: template.file, line, col, severity: 'error', code: IMPORT_CODE, message: `${formatPath(path)}: ${message}` };
  };
  if (!result.ok) {
    return result.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => at([], `the imported config does not render (${d.code} at ${d.pointer ?? `line ${d.line}`}: ${d.message})`));
  }
  const file = result.artifacts.find((a) => a.path.endsWith('/azuredeploy.json'));
  if (!file) return [at([], 'the imported config rendered no azuredeploy.json')];
  // verify parsed it while rendering (Artifact.json): no second parse.
  const rendered = (file.json ?? JSON.parse(file.text)) as Record<string, unknown>;
  return compareTemplates(template.value as Record<string, unknown>, rendered).map((d) => at(d.path, `no equivalent config: ${d.message}`));
}
