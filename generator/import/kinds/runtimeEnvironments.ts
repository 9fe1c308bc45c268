import { importValue } from '../armValues.js';
import { isPlainObject, type ImportContext } from '../importContext.js';
import { accountChildNames, isType, takeAccountLocation, takeBase, type ResourceImporter } from './common.js';
import { dependencyNames } from './dependencies.js';
import { packageEntry } from './modules.js';

const ENVIRONMENTS = 'Microsoft.Automation/automationAccounts/runtimeEnvironments';
const PACKAGES = 'Microsoft.Automation/automationAccounts/runtimeEnvironments/packages';

/** armgen's default environment for starter runbooks without a type (resolve/resolveRuntimeEnvironments.ts impliedEnvironments). */
export function isImpliedEnvironment(env: Readonly<Record<string, unknown>>): boolean {
  return typeof env.description === 'string' && /^armgen's default (PowerShell|Python) \S+ environment for starter runbooks without a type$/.test(env.description);
}

/** A runtime environment (`runtimeEnvironments[]`): language, version, description, default packages, tags. */
export const runtimeEnvironments: ResourceImporter = {
  kind: 'runtime environment',
  claims: (r) => isType(r, ENVIRONMENTS),
  import(ctx, resource) {
    takeBase(ctx, resource, ENVIRONMENTS);
    takeAccountLocation(resource);
    const names = accountChildNames(ctx, resource, 1, 'a runtime environment');
    const properties = resource.object('properties');
    if (!names || !properties) return;
    const env: Record<string, unknown> = { name: names[0] };
    const runtime = properties.object('runtime');
    if (runtime) {
      env.language = runtime.take('language');
      env.version = runtime.take('version');
      runtime.finish('the runtime');
    } else ctx.refuse(properties.path, 'a runtime environment needs properties.runtime (language and version)');
    if (properties.has('description')) env.description = properties.take('description');
    const defaults = properties.has('defaultPackages') ? properties.take('defaultPackages') : undefined;
    if (defaults !== undefined) {
      if (isPlainObject(defaults) && Object.values(defaults).every((v) => typeof v === 'string')) env.defaultPackages = defaults;
      else ctx.refuse(properties.at('defaultPackages'), 'defaultPackages is imported as literal name -> version pairs');
    }
    properties.finish('the runtime environment properties');
    if (resource.has('tags')) env.tags = importValue(ctx, resource.take('tags'), resource.at('tags'), 'tags');
    resource.finish('a runtime environment');
    ctx.push('runtimeEnvironments', env);
  },
};

/** A package of a runtime environment declared before it (`runtimeEnvironments[].packages[]`). */
export const runtimeEnvironmentPackages: ResourceImporter = {
  kind: 'runtime environment package',
  claims: (r) => isType(r, PACKAGES),
  import(ctx, resource) {
    takeBase(ctx, resource, PACKAGES);
    const names = accountChildNames(ctx, resource, 2, 'a runtime environment package');
    if (!names) return;
    const env = environmentNamed(ctx, names[0]!);
    if (!env) {
      ctx.refuse(resource.at('name'), `runtime environment '${names[0]}' is not one this template creates`);
      return;
    }
    const entry = packageEntry(ctx, resource.object('properties'), names[1]!, env.language === 'PowerShell');
    const after = dependencyNames(resource, PACKAGES);
    if (after.length > 0) entry.dependsOn = after;
    resource.finish('a runtime environment package');
    ((env.packages ??= []) as unknown[]).push(entry);
  },
};

function environmentNamed(ctx: ImportContext, name: string): Record<string, unknown> | undefined {
  return ctx.draft.runtimeEnvironments?.find((e) => typeof e.name === 'string' && e.name.toLowerCase() === name.toLowerCase());
}
