import { basename, dirname, extname, join } from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import { checkArtifacts, checkLimitsOnly, findingToDiagnostic as lintDiagnostic } from './lint/lint.js';
import { loadConfig, type LoadedConfig } from './load/loadConfig.js';
import type { ResolvedModel } from './model/resolved.js';
import { renderArm } from './render/renderArm.js';
import { BicepUnsupportedError, renderBicep } from './render/renderBicep.js';
import type { RenderedFile } from './render/renderedFile.js';
import type { Finding } from './resolve/context.js';
import { resolveModel } from './resolve/resolveModel.js';
import type { FileRead } from './resolve/resolveRunbooks.js';
import { toDiagnostics } from './validate/toDiagnostics.js';
import { validateConfig } from './validate/validator.js';
import { verifyArm, verifyDependencies } from './verify/verifyArm.js';
import { verifyBicep } from './verify/verifyBicep.js';

export type OutputFormat = 'arm' | 'bicep' | 'all';

export interface GenerateOptions {
  /** Which artifacts to render. @default 'all' */
  readonly format?: OutputFormat;
  /** armgen's version for metadata._generator; omitted unless asked, so upgrades cause no drift. */
  readonly stampVersion?: string;
  /**
   * The current time, to reject schedule start times already in the past. The CLI passes `new Date()`;
   * undefined skips the check, so rendering stays a pure function of the config text.
   */
  readonly now?: Date;
  /**
   * Run the lint rules over the rendered output (Azure's template limits always run: exceeding one is a
   * config error). @default true
   */
  readonly lint?: boolean;
  /** Reads a file (runbook `file:` entries, resolved against the config's folder): its text or why not. */
  readonly readFile?: (path: string) => FileRead;
}

/** One rendered file, addressed relative to the output folder (`NAME/azuredeploy.json`). */
export interface Artifact {
  readonly path: string;
  readonly text: string;
}

export type ConfigResult =
  | { readonly ok: true; readonly file: string; readonly name: string; readonly artifacts: readonly Artifact[]; readonly diagnostics: readonly Diagnostic[]; readonly model: ResolvedModel }
  | { readonly ok: false; readonly file: string; readonly name: string; readonly diagnostics: readonly Diagnostic[] };

/** The config's name: `examples/template-ua.yaml` -> `template-ua` (the output folder). */
export function configName(file: string): string {
  return basename(file, extname(file));
}

/**
 * load -> validate -> resolve -> render -> verify, for one config's text. Pure: no file system, clock,
 * environment or randomness, so the same text always yields the same bytes. User mistakes come back as
 * diagnostics; a thrown Error is an armgen bug.
 */
export function generateConfig(file: string, text: string, options: GenerateOptions = {}): ConfigResult {
  const name = configName(file);
  const loaded = loadConfig(file, text);
  if (!loaded.ok) return { ok: false, file, name, diagnostics: loaded.diagnostics };
  const validated = validateConfig(loaded.config.data);
  if (!validated.ok) return { ok: false, file, name, diagnostics: toDiagnostics(loaded.config, validated.errors) };
  const resolved = resolveModel(name, validated.config, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.readFile ? { readFile: readRelativeTo(file, options.readFile) } : {}),
  });
  const diagnostics = resolved.findings.map((f) => findingToDiagnostic(loaded.config, f));
  if (!resolved.ok) return { ok: false, file, name, diagnostics };
  verifyDependencies(resolved.model.template);
  const rendered: RenderedFile[] = [];
  const format = options.format ?? 'all';
  if (format === 'arm' || format === 'all') rendered.push(...renderArm(resolved.model).map((f) => verifyArm(f, options)));
  if (format === 'bicep' || format === 'all') {
    try {
      rendered.push(...renderBicep(resolved.model).map(verifyBicep));
    } catch (err) {
      // Something Bicep cannot express as armgen renders it: a located user error, never a silent drop.
      if (!(err instanceof BicepUnsupportedError)) throw err;
      const at = loaded.config.locate('');
      return { ok: false, file, name, diagnostics: [...diagnostics, { file, ...at, severity: 'error', code: 'AG309', message: `cannot render Bicep: ${err.message}` }] };
    }
  }
  // Runbook scripts staged next to the template (copied or generated), for both ARM and Bicep.
  rendered.push(...resolved.model.extraFiles.map((f): RenderedFile => ({ path: f.path, kind: 'script', text: f.content })));
  const artifacts = rendered.map((f) => ({ path: `${name}/${f.path}`, text: f.text }));
  const texts = new Map(artifacts.map((a) => [a.path, a.text]));
  const findings = (options.lint === false ? checkLimitsOnly(artifacts) : checkArtifacts(artifacts)).map((f) => lintDiagnostic(f, texts.get(f.path)));
  const all = [...diagnostics, ...findings];
  if (findings.some((d) => d.code === 'AG400')) return { ok: false, file, name, diagnostics: all };
  return { ok: true, file, name, artifacts, diagnostics: all, model: resolved.model };
}

/** A reader for paths relative to the config file's folder. */
function readRelativeTo(configFile: string, read: (path: string) => FileRead): (relative: string) => FileRead {
  return (relative) => read(join(dirname(configFile), relative));
}

function findingToDiagnostic(config: LoadedConfig, f: Finding): Diagnostic {
  const at = config.locate(f.pointer);
  return { file: config.file, line: at.line, col: at.col, severity: f.severity, code: f.code, message: `${f.pointer || '/'}: ${f.message}`, pointer: f.pointer };
}
