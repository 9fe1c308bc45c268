import type { ResourceType } from '../azure/resourceTypes.js';
import type { Module, PythonPackage } from '../model/config.generated.js';
import { obj, str, type Expr } from '../model/expr.js';
import type { ResourceRef } from '../model/resourceRef.js';
import type { ResourceNode } from '../model/resolved.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import { childNode, childRef, type AccountRef } from './children.js';
import type { ResolveContext } from './context.js';
import type { SymbolTable } from './names.js';
import { tagsValue } from './values.js';

/** NuGet v2 package endpoint of the PowerShell Gallery: `<base>/<name>[/<version>]` downloads the .nupkg. */
export const POWERSHELL_GALLERY = 'https://www.powershellgallery.com/api/v2/package';

const AZ_ACCOUNTS = 'az.accounts';
/** Az.* modules (and the Az roll-up) need Az.Accounts loaded first; importing them in parallel fails. */
const NEEDS_AZ_ACCOUNTS = /^az(\..+)?$/i;
/** Full links to a Python distribution are used as given. */
const PYTHON_DISTRIBUTION = /\.(whl|tar\.gz|zip)$/i;

export interface ImportItem {
  readonly name: string;
  readonly dependsOn?: readonly string[];
}

/**
 * The import order of one list of modules/packages: for each item, the names it must wait for (explicit
 * `dependsOn`, plus Az.Accounts for every other Az.* module in the same list). Unknown names are AG301;
 * a cycle is AG308 naming the whole cycle; duplicates are AG302. Returns undefined edges for bad items.
 */
export function importOrder(ctx: ResolveContext, items: readonly ImportItem[], pointer: string, what: string): Map<string, string[]> {
  const byLower = new Map<string, { name: string; index: number }>();
  items.forEach((m, i) => {
    const key = m.name.toLowerCase();
    const other = byLower.get(key);
    if (other) ctx.error(`${pointer}/${i}/name`, 'AG302', `${what} '${m.name}' is already declared at ${pointer}/${other.index}`);
    else byLower.set(key, { name: m.name, index: i });
  });
  const edges = new Map<string, string[]>();
  items.forEach((m, i) => {
    if (byLower.get(m.name.toLowerCase())?.index !== i) return;
    const deps: string[] = [];
    const accounts = byLower.get(AZ_ACCOUNTS);
    if (accounts && m.name.toLowerCase() !== AZ_ACCOUNTS && NEEDS_AZ_ACCOUNTS.test(m.name)) deps.push(accounts.name);
    (m.dependsOn ?? []).forEach((d, j) => {
      const target = byLower.get(d.toLowerCase());
      if (!target) {
        const hint = suggestionHint(didYouMean(d, [...byLower.values()].map((v) => v.name)));
        ctx.error(`${pointer}/${i}/dependsOn/${j}`, 'AG301', `unknown ${what} '${d}': dependsOn names another entry of the same list.${hint}`);
        return;
      }
      if (!deps.includes(target.name)) deps.push(target.name);
    });
    edges.set(m.name, deps);
  });
  const cycle = findCycle(edges);
  if (cycle) {
    const first = byLower.get(cycle[0]!.toLowerCase())!;
    ctx.error(`${pointer}/${first.index}/dependsOn`, 'AG308', `${what} dependency cycle: ${cycle.join(' -> ')}; ARM cannot deploy resources that wait for each other`);
  }
  return edges;
}

/** The first cycle found by depth-first search, as a closed path (`a -> b -> a`), in a stable order. */
export function findCycle(edges: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    const s = state.get(node);
    if (s === 'done') return undefined;
    if (s === 'visiting') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of edges.keys()) {
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}

/** `<base>/<name>[/<version>]`, the gallery convention (a trailing slash on the base is tolerated). */
export function galleryUri(base: string, name: string, version: string | undefined): string {
  const root = base.replace(/\/+$/, '');
  return version === undefined ? `${root}/${name}` : `${root}/${name}/${version}`;
}

export function contentLink(uri: string, version: string | undefined): Expr {
  return obj({ uri: str(uri), version: version === undefined ? undefined : str(version) });
}

export interface ModuleResolution {
  readonly resources: readonly ResourceNode[];
  /** Lower-cased names of the PowerShell 5.1 and 7.2 modules, for the runbook advice. */
  readonly ps51: ReadonlySet<string>;
  readonly ps72: ReadonlySet<string>;
}

type ListKind = 'modules' | 'powerShell72Modules' | 'python3Packages';

const LISTS: readonly { key: ListKind; type: ResourceType; what: string; location: boolean }[] = [
  { key: 'modules', type: 'Microsoft.Automation/automationAccounts/modules', what: 'module', location: true },
  { key: 'powerShell72Modules', type: 'Microsoft.Automation/automationAccounts/powerShell72Modules', what: 'PowerShell 7.2 module', location: true },
  // python3Packages declares no `location` in the official schema.
  { key: 'python3Packages', type: 'Microsoft.Automation/automationAccounts/python3Packages', what: 'Python package', location: false },
];

/**
 * `modules:`, `powerShell72Modules:` and `python3Packages:` -> child resources with `contentLink`, chained
 * with dependsOn so dependent imports wait (AVM imports all in parallel and Az.* imports then fail).
 */
export function resolveModules(ctx: ResolveContext, symbols: SymbolTable, account: AccountRef): ModuleResolution {
  const resources: ResourceNode[] = [];
  const names: Record<ListKind, Set<string>> = { modules: new Set(), powerShell72Modules: new Set(), python3Packages: new Set() };
  for (const list of LISTS) {
    const items: readonly (Module | PythonPackage)[] = ctx.config[list.key] ?? [];
    if (items.length === 0) continue;
    const pointer = `/${list.key}`;
    const edges = importOrder(ctx, items, pointer, list.what);
    const refs = new Map<string, ResourceRef>();
    for (const m of items) if (!refs.has(m.name)) refs.set(m.name, childRef(ctx, account.ref, list.type, str(m.name), symbols.take(m.name, list.key === 'python3Packages' ? 'package' : 'module')));
    items.forEach((m, i) => {
      const own = edges.get(m.name);
      if (!own) return;
      names[list.key].add(m.name.toLowerCase());
      const uri = list.key === 'python3Packages' && PYTHON_DISTRIBUTION.test(m.uri ?? '') ? m.uri! : galleryUri(m.uri ?? POWERSHELL_GALLERY, m.name, m.version);
      resources.push(
        childNode(refs.get(m.name)!, {
          ...(list.location ? { location: account.location } : {}),
          ...(m.tags === undefined ? {} : { tags: tagsValue(ctx, m.tags, `${pointer}/${i}/tags`) }),
          properties: obj({ contentLink: contentLink(uri, m.version) }),
          dependsOn: own.map((d) => refs.get(d)!),
        }),
      );
    });
  }
  return { resources, ps51: names.modules, ps72: names.powerShell72Modules };
}
