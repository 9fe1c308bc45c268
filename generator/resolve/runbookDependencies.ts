import type { Runbook } from '../model/config.generated.js';
import type { ResourceRef } from '../model/resourceRef.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import type { ResolveContext } from './context.js';
import type { ImportedItem, ListKind, ModuleResolution } from './resolveModules.js';
import type { ResolvedRuntimeEnvironment } from './resolveRuntimeEnvironments.js';
import type { RunbookRuntime } from './runbookRuntime.js';

/** Where a runbook's modules come from: the list its runtime loads, in the config's words. */
interface ModuleSource {
  readonly items: ReadonlyMap<string, ImportedItem>;
  readonly what: string;
}

const LIST_TEXT: Readonly<Record<ListKind, string>> = {
  modules: 'modules (PowerShell 5.1)',
  powerShell72Modules: 'powerShell72Modules (PowerShell 7.2)',
  python3Packages: 'python3Packages (Python 3.8)',
};

/**
 * The list a runbook's runtime loads modules from: its runtime environment's packages; for legacy types
 * `powerShell72Modules` (PowerShell72), `python3Packages` (Python3) or `modules` (PowerShell 5.1, which also runs
 * workflow, graphical and script runbooks). Python 2 packages and environments this template does not create have
 * no list here.
 */
function sourceOf(runtime: RunbookRuntime, modules: ModuleResolution): ModuleSource | { readonly none: string } {
  if (runtime.environmentName !== undefined) {
    if (!runtime.environment) return { none: `runtime environment '${runtime.environmentName}' is not declared under runtimeEnvironments, so armgen imports no packages into it` };
    return { items: runtime.environment.imported, what: `packages of runtime environment '${runtime.environment.name}'` };
  }
  if (runtime.type === 'Python2') return { none: 'armgen imports no Python 2 packages' };
  const list: ListKind = runtime.type === 'PowerShell72' ? 'powerShell72Modules' : runtime.type === 'Python3' ? 'python3Packages' : 'modules';
  return { items: modules.imported[list], what: LIST_TEXT[list] };
}

/**
 * `runbooks[].dependsOn` -> the imports the runbook waits for, so it is published (and can be started by a job
 * schedule) only once its modules are there. Names resolve against the list its runtime loads (AG301 with a
 * did-you-mean, naming the list a name belongs to when it is another one).
 */
export function runbookDependencies(
  ctx: ResolveContext,
  rb: Runbook,
  pointer: string,
  runtime: RunbookRuntime,
  lists: { readonly modules: ModuleResolution; readonly environments: ReadonlyMap<string, ResolvedRuntimeEnvironment> },
): ResourceRef[] {
  const { modules } = lists;
  if (!rb.dependsOn) return [];
  const source = sourceOf(runtime, modules);
  const refs: ResourceRef[] = [];
  rb.dependsOn.forEach((name, j) => {
    const at = `${pointer}/dependsOn/${j}`;
    if ('none' in source) {
      ctx.error(at, 'AG301', `runbook '${rb.name}' depends on '${name}', but ${source.none}`);
      return;
    }
    const found = source.items.get(name.toLowerCase());
    if (found) {
      refs.push(found.ref);
      return;
    }
    const elsewhere = otherSources(lists).find((s) => s.items !== source.items && s.items.has(name.toLowerCase()));
    const hint = elsewhere
      ? ` It is among the ${elsewhere.what}, which this runbook does not load (it runs ${runtime.environmentName ? `in runtime environment '${runtime.environmentName}'` : `as ${runtime.type}`}).`
      : suggestionHint(didYouMean(name, [...source.items.values()].map((i) => i.name)));
    ctx.error(at, 'AG301', `runbook '${rb.name}' depends on unknown module '${name}': not among the ${source.what}.${hint}`);
  });
  return refs;
}

/** Every list a name could be declared in, for the hint when a runbook names one its runtime does not load. */
function otherSources(lists: { readonly modules: ModuleResolution; readonly environments: ReadonlyMap<string, ResolvedRuntimeEnvironment> }): ModuleSource[] {
  const own = (Object.keys(LIST_TEXT) as ListKind[]).map((k) => ({ items: lists.modules.imported[k], what: LIST_TEXT[k] }));
  const environments = [...lists.environments.values()].map((e) => ({ items: e.imported, what: `packages of runtime environment '${e.name}'` }));
  return [...own, ...environments];
}
