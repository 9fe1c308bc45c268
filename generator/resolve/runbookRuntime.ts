import {
  DEFAULT_RUNTIME,
  ENVIRONMENT_RUNBOOK_TYPE,
  retirementText,
  runtimeOfLegacyType,
  systemEnvironment,
  systemEnvironmentNames,
  TYPES_WITHOUT_ENVIRONMENT,
  type RuntimeLanguage,
  type RuntimeVersion,
} from '../azure/runtimes.js';
import type { Runbook } from '../model/config.generated.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import type { ResolveContext } from './context.js';
import { defaultLanguageOf, type ResolvedRuntimeEnvironment } from './resolveRuntimeEnvironments.js';

/** `properties.runtimeEnvironment` exists on runbooks from this API version (official schemas). */
const RUNTIME_ENVIRONMENT_SINCE = '2024-10-23';
const RUNBOOK_TYPE = 'Microsoft.Automation/automationAccounts/runbooks';

const POWERSHELL_TYPES: ReadonlySet<string> = new Set(['PowerShell', 'PowerShell72', 'PowerShellWorkflow']);
const PYTHON_TYPES: ReadonlySet<string> = new Set(['Python', 'Python2', 'Python3']);

/** The language a runbook type runs (undefined for graphical and script runbooks). */
export function languageOfType(type: string | undefined): RuntimeLanguage | undefined {
  if (type === undefined) return undefined;
  return POWERSHELL_TYPES.has(type) ? 'PowerShell' : PYTHON_TYPES.has(type) ? 'Python' : undefined;
}

/** What a runbook runs on. */
export interface RunbookRuntime {
  /** The `runbookType` to write. */
  readonly type: string;
  readonly language: RuntimeLanguage | undefined;
  /** The `runtimeEnvironment` to write, if any. */
  readonly environmentName?: string;
  /** The environment, when this template creates it (declared, or armgen's default). */
  readonly environment?: ResolvedRuntimeEnvironment;
}

/**
 * The runbook's runtime: its type and runtime environment, checked together. A retired runtime is a warning (AG501)
 * that shows the fix; a type that contradicts its environment, or a runbook whose type cannot be known, is an error.
 * Runtime facts and sources: generator/azure/runtimes.ts.
 */
export function resolveRunbookRuntime(
  ctx: ResolveContext,
  rb: Runbook,
  pointer: string,
  environments: ReadonlyMap<string, ResolvedRuntimeEnvironment>,
): RunbookRuntime | undefined {
  const implied = defaultLanguageOf(rb);
  const environmentName = rb.runtimeEnvironment ?? (implied ? DEFAULT_RUNTIME[implied].environmentName : undefined);
  if (environmentName !== undefined) return inEnvironment(ctx, rb, pointer, environmentName, environments);
  if (rb.type === undefined) {
    ctx.error(pointer, 'AG200', `runbook '${rb.name}' needs a type (or a runtimeEnvironment, whose language sets it)`);
    return undefined;
  }
  if (rb.type === 'Python') {
    ctx.error(`${pointer}/type`, 'AG200', `runbook '${rb.name}': type Python names no Python version without a runtimeEnvironment; give it a runtime environment with language Python, version '3.10'`);
    return undefined;
  }
  const legacy = runtimeOfLegacyType(rb.type);
  if (legacy?.retired) adviseRetiredType(ctx, rb, pointer, legacy);
  return { type: rb.type, language: languageOfType(rb.type) };
}

/** A runbook in a runtime environment: its type is PowerShell or Python, of the environment's language. */
function inEnvironment(
  ctx: ResolveContext,
  rb: Runbook,
  pointer: string,
  name: string,
  environments: ReadonlyMap<string, ResolvedRuntimeEnvironment>,
): RunbookRuntime | undefined {
  const at = rb.runtimeEnvironment === undefined ? pointer : `${pointer}/runtimeEnvironment`;
  const api = ctx.api(RUNBOOK_TYPE);
  if (api < RUNTIME_ENVIRONMENT_SINCE) {
    const why = rb.runtimeEnvironment === undefined ? `runbook '${rb.name}' has no type, so it runs in armgen's default runtime environment '${name}'; that needs` : 'runtimeEnvironment needs';
    ctx.error(at, 'AG304', `${why} ${RUNBOOK_TYPE} ${RUNTIME_ENVIRONMENT_SINCE} or later (apiVersions pins ${api})`);
  }
  const declared = environments.get(name.toLowerCase());
  // Not declared here: a system-generated environment (PowerShell-7.2...) or one that already exists in the account.
  const system = declared ? undefined : systemEnvironment(name);
  if (!declared && !system && name.includes('.')) {
    // User-created names have no dots (official pattern ^[a-zA-Z][a-zA-Z-_0-9]*$); only system-generated ones do.
    const known = /^(PowerShell|Python)-(\d+\.\d+)$/i.exec(name);
    const hint = known
      ? ` No system-generated environment exists for ${known[1]} ${known[2]}: declare one under runtimeEnvironments (e.g. name: ${name.replace(/\./g, '_')}).`
      : suggestionHint(didYouMean(name, [...[...environments.values()].map((e) => e.name), ...systemEnvironmentNames()]));
    ctx.error(at, 'AG301', `runtime environment '${name}' cannot exist: created environment names have no dots, and it is not a system-generated one.${hint}`);
    return undefined;
  }
  const language = declared?.language ?? system?.language;
  if (rb.type !== undefined && !typeFitsEnvironment(ctx, rb, pointer, name, language)) return undefined;
  if (rb.type === undefined && language === undefined) {
    ctx.error(pointer, 'AG200', `runbook '${rb.name}' needs a type: runtime environment '${name}' is not declared under runtimeEnvironments, so armgen cannot tell its language`);
    return undefined;
  }
  if (system?.retired) {
    const latest = DEFAULT_RUNTIME[system.language];
    ctx.warn(at, 'AG501', `runbook '${rb.name}' runs in the system-generated environment '${name}': ${retirementText(system)}. Declare a runtime environment with language ${system.language}, version '${latest.version}' and use it`);
  }
  const lang = language ?? languageOfType(rb.type)!;
  return { type: rb.type ?? ENVIRONMENT_RUNBOOK_TYPE[lang], language: lang, environmentName: declared?.name ?? name, ...(declared ? { environment: declared } : {}) };
}

/** With a runtime environment the type is `PowerShell` or `Python` (manage-runtime-environment REST examples), matching its language. */
function typeFitsEnvironment(ctx: ResolveContext, rb: Runbook, pointer: string, name: string, language: RuntimeLanguage | undefined): boolean {
  const type = rb.type!;
  if (TYPES_WITHOUT_ENVIRONMENT.has(type)) {
    ctx.error(`${pointer}/type`, 'AG200', `runbook '${rb.name}': runtime environments do not support ${type} runbooks; drop runtimeEnvironment, or use type PowerShell`);
    return false;
  }
  const legacy = runtimeOfLegacyType(type);
  if (legacy && type !== 'PowerShell') {
    const fit = ENVIRONMENT_RUNBOOK_TYPE[legacy.language];
    ctx.error(`${pointer}/type`, 'AG200', `runbook '${rb.name}': type ${type} names its own runtime (${legacy.language} ${legacy.version}), but in runtime environment '${name}' the environment sets the version; use type: ${fit}`);
    return false;
  }
  const typeLanguage = languageOfType(type);
  if (language !== undefined && typeLanguage !== language) {
    ctx.error(`${pointer}/runtimeEnvironment`, 'AG200', `runbook '${rb.name}' is ${type} but runtime environment '${name}' runs ${language}`);
    return false;
  }
  return true;
}

/** AG501 for a legacy type on a retired runtime, with the runtime-environment fix spelled out. */
function adviseRetiredType(ctx: ResolveContext, rb: Runbook, pointer: string, runtime: RuntimeVersion): void {
  const latest = DEFAULT_RUNTIME[runtime.language];
  const env = runtime.language === 'PowerShell' ? 'ps74' : 'py310';
  const packages = latest.defaultPackages ? `, defaultPackages: { ${Object.entries(latest.defaultPackages).map(([k, v]) => `${k}: ${v}`).join(', ')} }` : '';
  const starter = rb.generate ? ` (or leave type out: a generated runbook then runs in armgen's default ${runtime.language} ${latest.version} environment)` : '';
  ctx.warn(
    `${pointer}/type`,
    'AG501',
    `runbook '${rb.name}' is ${rb.type}: ${retirementText(runtime)}. Move it to a runtime environment: runtimeEnvironments: [{ name: ${env}, language: ${runtime.language}, version: '${latest.version}'${packages} }] and on the runbook type: ${ENVIRONMENT_RUNBOOK_TYPE[runtime.language]}, runtimeEnvironment: ${env}${starter}`,
  );
}
