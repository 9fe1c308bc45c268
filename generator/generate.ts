import { basename, dirname, extname, join } from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import { checkArtifacts, checkLimitsOnly, findingToDiagnostic as lintDiagnostic } from './lint/lint.js';
import { loadConfig, type LoadedConfig } from './load/loadConfig.js';
import type { Artifact } from './model/artifact.js';
import type { ResolvedModel } from './model/resolved.js';
import { finishArmFile } from './render/arm/generatorMetadata.js';
import { renderArm } from './render/arm/renderArm.js';
import { renderReadme } from './render/readme/renderReadme.js';
import { BicepUnsupportedError, renderBicep } from './render/bicep/renderBicep.js';
import { renderRunbookFiles } from './render/runbooks/renderRunbooks.js';
import type { Finding } from './resolve/context.js';
import { resolveModel } from './resolve/resolveModel.js';
import type { FileRead } from './resolve/resolveRunbooks.js';
import { toDiagnostics } from './validate/toDiagnostics.js';
import { validateConfig } from './validate/validator.js';
import { verifyArm } from './verify/verifyArm.js';
import { verifyBicep } from './verify/verifyBicep.js';
import { verifyModel } from './verify/verifyModel.js';

export type { Artifact } from './model/artifact.js';

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
  /**
   * Render `NAME/README.md` (diagram, parameters per environment, what the deploying principal needs). It belongs to
   * every format: it describes the deployment, whichever language deploys it. @default true
   */
  readonly readme?: boolean;
  /** Reads a file (runbook `file:` entries, resolved against the config's folder): its text or why not. */
  readonly readFile?: (path: string) => FileRead;
}

type Rendered = { readonly ok: true; readonly file: string; readonly name: string; readonly artifacts: readonly Artifact[]; readonly diagnostics: readonly Diagnostic[] };
type Refused = { readonly ok: false; readonly file: string; readonly name: string; readonly diagnostics: readonly Diagnostic[] };

/** One config through the pipeline, with the model it was rendered from (tests and tools read it). */
export type ConfigResult = (Rendered & { readonly model: ResolvedModel }) | Refused;

/** What the commands keep of a result: no model and no parsed JSON, so a batch of thousands stays small. */
export type ConfigOutcome = Rendered | Refused;

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
  verifyModel(resolved.model.template);
  let rendered: Artifact[];
  try {
    rendered = renderFiles(resolved.model, options);
  } catch (err) {
    // Something Bicep cannot express as armgen renders it: a located user error, never a silent drop.
    if (!(err instanceof BicepUnsupportedError)) throw err;
    const at = loaded.config.locate('');
    return { ok: false, file, name, diagnostics: [...diagnostics, { file, ...at, severity: 'error', code: 'AG309', message: `cannot render Bicep: ${err.message}` }] };
  }
  const artifacts = rendered.map((f) => ({ ...f, path: `${name}/${f.path}` }));
  const texts = new Map(artifacts.map((a) => [a.path, a.text]));
  const findings = (options.lint === false ? checkLimitsOnly(artifacts) : checkArtifacts(artifacts)).map((f) => lintDiagnostic(f, texts.get(f.path)));
  const all = [...diagnostics, ...findings];
  if (findings.some((d) => d.code === 'AG400')) return { ok: false, file, name, diagnostics: all };
  return { ok: true, file, name, artifacts, diagnostics: all, model: resolved.model };
}

/** Render, verify and finish every artifact of the chosen formats, plus the staged runbook scripts. */
function renderFiles(model: ResolvedModel, options: GenerateOptions): Artifact[] {
  const out: Artifact[] = [];
  const format = options.format ?? 'all';
  if (format === 'arm' || format === 'all') {
    for (const f of renderArm(model)) out.push(finishArmFile(f, verifyArm(f), options.stampVersion));
  }
  if (format === 'bicep' || format === 'all') {
    for (const f of renderBicep(model)) {
      verifyBicep(f);
      out.push(f);
    }
  }
  out.push(...renderRunbookFiles(model.extraFiles));
  if (options.readme !== false) out.push(renderReadme(model));
  return out;
}

/** A reader for paths relative to the config file's folder. */
function readRelativeTo(configFile: string, read: (path: string) => FileRead): (relative: string) => FileRead {
  return (relative) => read(join(dirname(configFile), relative));
}

function findingToDiagnostic(config: LoadedConfig, f: Finding): Diagnostic {
  const at = config.locate(f.pointer);
  return { file: config.file, line: at.line, col: at.col, severity: f.severity, code: f.code, message: `${f.pointer || '/'}: ${f.message}`, pointer: f.pointer };
}
