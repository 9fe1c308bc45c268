import { wheelFitsPython310 } from '../azure/packages.js';
import { DEFAULT_RUNTIME, findRuntime, knownVersions, retirementText, RUNTIME_ENVIRONMENT_DOC, type RuntimeLanguage } from '../azure/runtimes.js';
import type { RuntimeEnvironment } from '../model/config.generated.js';
import { fromJson, obj, str } from '../model/expr.js';
import type { ResourceRef } from '../model/resourceRef.js';
import type { ResourceNode } from '../model/resolved.js';
import { childNode, childRef, type AccountRef } from './children.js';
import type { ResolveContext } from './context.js';
import { adviseAzAccountsPin, type PinnedItem } from './moduleAdvice.js';
import type { SymbolTable } from './names.js';
import { contentLink, importOrder, resolvePackageLink, type ImportedItem } from './resolveModules.js';
import { tagsValue } from './values.js';

const ENV_TYPE = 'Microsoft.Automation/automationAccounts/runtimeEnvironments';
const PACKAGE_TYPE = 'Microsoft.Automation/automationAccounts/runtimeEnvironments/packages';
/** Runtime environments arrived with this API version (the official schemas have none before). */
const RUNTIME_ENVIRONMENTS_SINCE = '2023-05-15-preview';

export interface ResolvedRuntimeEnvironment {
  readonly name: string;
  readonly language: RuntimeLanguage;
  readonly version: string;
  /** Its packages as the config gives them, for the runbook module advice. */
  readonly packages: readonly PinnedItem[];
  /** The environment and its packages: a runbook using it waits for all of them. */
  readonly dependencies: readonly ResourceRef[];
  /** Its imported packages by lower-cased name (runbooks' dependsOn). */
  readonly imported: ReadonlyMap<string, ImportedItem>;
}

/** One environment to create: declared under `runtimeEnvironments:`, or armgen's default for starter runbooks. */
interface EnvironmentSpec {
  readonly env: RuntimeEnvironment;
  readonly pointer: string;
  readonly implied: boolean;
}

/**
 * `runtimeEnvironments:` -> `runtimeEnvironments` (runtime language + version, default packages) and their
 * `packages` children, which import in dependency order like modules (Az.Accounts first). A starter runbook with
 * neither `type` nor `runtimeEnvironment` runs in armgen's default environment for its language (PowerShell 7.4
 * with Az 12.3.0, or Python 3.10), created here unless the config declares one of that name.
 */
export function resolveRuntimeEnvironments(
  ctx: ResolveContext,
  symbols: SymbolTable,
  account: AccountRef,
): { resources: ResourceNode[]; environments: ReadonlyMap<string, ResolvedRuntimeEnvironment> } {
  const resources: ResourceNode[] = [];
  const environments = new Map<string, ResolvedRuntimeEnvironment>();
  for (const spec of [...declaredEnvironments(ctx), ...impliedEnvironments(ctx)]) {
    const { env, pointer } = spec;
    if (environments.has(env.name.toLowerCase())) {
      ctx.error(`${pointer}/name`, 'AG302', `runtime environment '${env.name}' is declared twice`);
      continue;
    }
    const api = ctx.api(ENV_TYPE);
    if (api < RUNTIME_ENVIRONMENTS_SINCE) {
      const why = spec.implied ? `runbook ${pointer} has no type, so it runs in armgen's default runtime environment '${env.name}', which needs` : 'runtime environments need';
      ctx.error(pointer, 'AG304', `${why} ${ENV_TYPE} ${RUNTIME_ENVIRONMENTS_SINCE} or later (apiVersions pins ${api})${spec.implied ? '; give the runbook a type' : ''}`);
    }
    checkRuntime(ctx, spec);
    const envRef = childRef(ctx, account.ref, ENV_TYPE, str(env.name), symbols.take(env.name, 'runtime'));
    resources.push(
      childNode(envRef, {
        location: account.location,
        ...(env.tags === undefined ? {} : { tags: tagsValue(ctx, env.tags, `${pointer}/tags`) }),
        properties: obj({
          description: env.description === undefined ? undefined : str(env.description),
          runtime: obj({ language: str(env.language), version: str(env.version) }),
          defaultPackages: env.defaultPackages === undefined ? undefined : fromJson(env.defaultPackages),
        }),
      }),
    );
    const packages = resolvePackages(ctx, symbols, spec, envRef);
    resources.push(...packages.resources);
    const imported = new Map(packages.items.map((p) => [p.name.toLowerCase(), p]));
    environments.set(env.name.toLowerCase(), { name: env.name, language: env.language, version: env.version, packages: env.packages ?? [], dependencies: [envRef, ...packages.items.map((p) => p.ref)], imported });
  }
  return { resources, environments };
}

function declaredEnvironments(ctx: ResolveContext): EnvironmentSpec[] {
  return (ctx.config.runtimeEnvironments ?? []).map((env, i) => ({ env, pointer: `/runtimeEnvironments/${i}`, implied: false }));
}

/** armgen's default environment of each language that a type-less starter runbook needs and the config does not declare. */
function impliedEnvironments(ctx: ResolveContext): EnvironmentSpec[] {
  const declared = new Set((ctx.config.runtimeEnvironments ?? []).map((e) => e.name.toLowerCase()));
  const implied = new Map<string, EnvironmentSpec>();
  (ctx.config.runbooks ?? []).forEach((rb, i) => {
    const language = defaultLanguageOf(rb);
    if (!language) return;
    const runtime = DEFAULT_RUNTIME[language];
    const key = runtime.environmentName.toLowerCase();
    if (declared.has(key) || implied.has(key)) return;
    const env: RuntimeEnvironment = {
      name: runtime.environmentName,
      language,
      version: runtime.version,
      description: `armgen's default ${language} ${runtime.version} environment for starter runbooks without a type`,
      ...(runtime.defaultPackages ? { defaultPackages: { ...runtime.defaultPackages } } : {}),
    };
    implied.set(key, { env, pointer: `/runbooks/${i}`, implied: true });
  });
  return [...implied.values()];
}

/** The language of the default environment a runbook runs in: a starter runbook with neither type nor runtimeEnvironment. */
export function defaultLanguageOf(rb: { readonly type?: string; readonly runtimeEnvironment?: string; readonly generate?: { readonly flow: string } }): RuntimeLanguage | undefined {
  if (rb.type !== undefined || rb.runtimeEnvironment !== undefined || rb.generate === undefined) return undefined;
  return rb.generate.flow === 'python' ? 'Python' : 'PowerShell';
}

/** The language/version pair must be one Automation documents; a retired one is AG501. */
function checkRuntime(ctx: ResolveContext, { env, pointer }: EnvironmentSpec): void {
  const runtime = findRuntime(env.language, env.version);
  if (!runtime) {
    ctx.error(`${pointer}/version`, 'AG308', `Azure Automation has no ${env.language} ${env.version} runtime; the documented ${env.language} versions are ${knownVersions(env.language)} (${RUNTIME_ENVIRONMENT_DOC})`);
    return;
  }
  if (runtime.retired) {
    const latest = DEFAULT_RUNTIME[env.language].version;
    ctx.warn(`${pointer}/version`, 'AG501', `runtime environment '${env.name}': ${retirementText(runtime)}. Use version: '${latest}' (language and version cannot change once created: create a new environment and move the runbooks to it)`);
  }
}

/** The environment's packages, linked by the package-link rules and imported in dependency order. */
function resolvePackages(ctx: ResolveContext, symbols: SymbolTable, { env, pointer }: EnvironmentSpec, envRef: ResourceRef): { resources: ResourceNode[]; items: ImportedItem[] } {
  const packages = env.packages ?? [];
  const at = `${pointer}/packages`;
  const what = `package of runtime environment '${env.name}'`;
  if (env.language === 'PowerShell') adviseAzAccountsPin(ctx, packages, at, what);
  const edges = importOrder(ctx, packages, at, what);
  const refs = new Map<string, ResourceRef>();
  for (const p of packages) refs.set(p.name, childRef(ctx, envRef, PACKAGE_TYPE, str(p.name), symbols.take(env.name, p.name, 'package')));
  const resources: ResourceNode[] = [];
  packages.forEach((p, i) => {
    const own = edges.get(p.name);
    const link = resolvePackageLink(ctx, env.language, p, `${at}/${i}`);
    if (!own || !link) return;
    if (link.file?.toLowerCase().endsWith('.whl') && env.language === 'Python' && env.version === '3.10') {
      const fit = wheelFitsPython310(link.file);
      // "For Python 3.10 packages, use .whl files targeting cp310 Linux OS"; Automation checks only when a job runs.
      if (!fit.fits) ctx.warn(`${at}/${i}/uri`, 'AG502', `${link.file} ${fit.why}: Python 3.10 runtime environments load only pure-Python or cp310 Linux x86-64 wheels, and a job that imports it fails`);
    }
    resources.push(childNode(refs.get(p.name)!, { properties: obj({ contentLink: contentLink(link.uri, p.version) }), dependsOn: own.map((d) => refs.get(d)!) }));
  });
  return { resources, items: packages.filter((p) => edges.has(p.name)).map((p) => ({ name: p.name, ref: refs.get(p.name)! })) };
}
