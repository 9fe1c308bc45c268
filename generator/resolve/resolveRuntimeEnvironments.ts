import { fromJson, obj, str } from '../model/expr.js';
import type { ResourceRef } from '../model/resourceRef.js';
import type { ResourceNode } from '../model/resolved.js';
import { childNode, childRef, type AccountRef } from './children.js';
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
  readonly dependencies: readonly ResourceRef[];
}

/**
 * `runtimeEnvironments:` -> `runtimeEnvironments` (runtime language + version, default packages) and their
 * `packages` children, which import in dependency order like modules (Az.Accounts first).
 */
export function resolveRuntimeEnvironments(
  ctx: ResolveContext,
  symbols: SymbolTable,
  account: AccountRef,
): { resources: ResourceNode[]; environments: ReadonlyMap<string, ResolvedRuntimeEnvironment> } {
  const resources: ResourceNode[] = [];
  const environments = new Map<string, ResolvedRuntimeEnvironment>();
  (ctx.config.runtimeEnvironments ?? []).forEach((env, i) => {
    const pointer = `/runtimeEnvironments/${i}`;
    if (environments.has(env.name.toLowerCase())) {
      ctx.error(`${pointer}/name`, 'AG302', `runtime environment '${env.name}' is declared twice`);
      return;
    }
    const api = ctx.api(ENV_TYPE);
    if (api < RUNTIME_ENVIRONMENTS_SINCE) ctx.error(pointer, 'AG304', `runtime environments need ${ENV_TYPE} ${RUNTIME_ENVIRONMENTS_SINCE} or later (apiVersions pins ${api})`);
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
    const packages = env.packages ?? [];
    const edges = importOrder(ctx, packages, `${pointer}/packages`, `package of runtime environment '${env.name}'`);
    const packageRefs = new Map<string, ResourceRef>();
    for (const p of packages) packageRefs.set(p.name, childRef(ctx, envRef, PACKAGE_TYPE, str(p.name), symbols.take(env.name, p.name, 'package')));
    const all: ResourceRef[] = [envRef];
    packages.forEach((p) => {
      const own = edges.get(p.name);
      if (!own) return;
      resources.push(
        childNode(packageRefs.get(p.name)!, {
          properties: obj({ contentLink: contentLink(galleryUri(p.uri ?? POWERSHELL_GALLERY, p.name, p.version), p.version) }),
          dependsOn: own.map((d) => packageRefs.get(d)!),
        }),
      );
      all.push(packageRefs.get(p.name)!);
    });
    environments.set(env.name.toLowerCase(), { name: env.name, language: env.language, dependencies: all });
  });
  return { resources, environments };
}
