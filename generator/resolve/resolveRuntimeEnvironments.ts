import { call, fromJson, obj, str } from '../arm/expr.js';
import type { ArmResource, Dependency } from '../model/resolved.js';
import { accountChild, childDependency, uniqueDependencies, type AccountRef } from './children.js';
import type { ResolveContext } from './context.js';
import { contentLink, galleryUri, importOrder, POWERSHELL_GALLERY } from './resolveModules.js';
import type { SymbolTable } from './names.js';
import { tagsValue } from './values.js';

const ENV_TYPE = 'Microsoft.Automation/automationAccounts/runtimeEnvironments';
const PACKAGE_TYPE = 'Microsoft.Automation/automationAccounts/runtimeEnvironments/packages';
/** Runtime environments arrived with this API version (the official schemas have none before). */
const RUNTIME_ENVIRONMENTS_SINCE = '2023-05-15-preview';

export interface ResolvedRuntimeEnvironment {
  readonly name: string;
  readonly language: 'PowerShell' | 'Python';
  /** The environment and its packages: a runbook using it waits for all of them. */
  readonly dependencies: readonly Dependency[];
}

/**
 * `runtimeEnvironments:` -> `runtimeEnvironments` (runtime language + version, default packages) and their
 * `packages` children, which import in dependency order like modules (Az.Accounts first).
 */
export function resolveRuntimeEnvironments(
  ctx: ResolveContext,
  symbols: SymbolTable,
  account: AccountRef,
): { resources: ArmResource[]; environments: ReadonlyMap<string, ResolvedRuntimeEnvironment> } {
  const resources: ArmResource[] = [];
  const environments = new Map<string, ResolvedRuntimeEnvironment>();
  (ctx.config.runtimeEnvironments ?? []).forEach((env, i) => {
    const pointer = `/runtimeEnvironments/${i}`;
    if (environments.has(env.name.toLowerCase())) {
      ctx.error(`${pointer}/name`, 'AG302', `runtime environment '${env.name}' is declared twice`);
      return;
    }
    const api = ctx.api(ENV_TYPE);
    if (api < RUNTIME_ENVIRONMENTS_SINCE) ctx.error(pointer, 'AG304', `runtime environments need ${ENV_TYPE} ${RUNTIME_ENVIRONMENTS_SINCE} or later (apiVersions pins ${api})`);
    const symbol = symbols.take(env.name, 'runtime');
    const envDependency = childDependency(ENV_TYPE, account, str(env.name), symbol);
    resources.push(
      accountChild(ctx, account, {
        type: ENV_TYPE,
        symbol,
        short: str(env.name),
        location: account.location,
        ...(env.tags === undefined ? {} : { tags: tagsValue(ctx, env.tags, `${pointer}/tags`) }),
        properties: obj({
          description: env.description === undefined ? undefined : str(env.description),
          runtime: obj({ language: str(env.language), version: str(env.version) }),
          defaultPackages: env.defaultPackages === undefined ? undefined : fromJson(env.defaultPackages),
        }),
      }),
    );
    const packages = env.packages ?? [];
    const edges = importOrder(ctx, packages, `${pointer}/packages`, `package of runtime environment '${env.name}'`);
    const packageDeps = new Map<string, Dependency>();
    const packageSymbols = packages.map((p) => symbols.take(env.name, p.name, 'package'));
    packages.forEach((p, j) => {
      packageDeps.set(p.name, { arm: call('resourceId', str(PACKAGE_TYPE), account.name, str(env.name), str(p.name)), symbol: packageSymbols[j]! });
    });
    const all: Dependency[] = [envDependency];
    packages.forEach((p, j) => {
      const own = edges.get(p.name);
      if (!own) return;
      const pkgSymbol = packageSymbols[j]!;
      resources.push({
        kind: 'child',
        symbol: pkgSymbol,
        type: PACKAGE_TYPE,
        apiVersion: ctx.api(PACKAGE_TYPE),
        name: call('format', str('{0}/{1}/{2}'), account.name, str(env.name), str(p.name)),
        parent: { symbol, name: str(p.name) },
        properties: obj({ contentLink: contentLink(galleryUri(p.uri ?? POWERSHELL_GALLERY, p.name, p.version), p.version) }),
        dependsOn: uniqueDependencies([envDependency, ...own.map((d) => packageDeps.get(d)!)]),
      });
      all.push(packageDeps.get(p.name)!);
    });
    environments.set(env.name.toLowerCase(), { name: env.name, language: env.language, dependencies: all });
  });
  return { resources, environments };
}
