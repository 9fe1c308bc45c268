import type { ResourceType } from '../azure/resourceTypes.js';
import { retirementText, runtimeOfLegacyType, type RuntimeLanguage } from '../azure/runtimes.js';
import type { Module, PythonPackage } from '../model/config.generated.js';
import { obj, str, type Expr } from '../model/expr.js';
import type { ResourceRef } from '../model/resourceRef.js';
import type { ResourceNode } from '../model/resolved.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import { childNode, childRef, type AccountRef } from './children.js';
import type { ResolveContext } from './context.js';
import { adviseAzAccountsPin } from './moduleAdvice.js';
import type { SymbolTable } from './names.js';
import { packageLink, type PackageSpec } from './packageLinks.js';
import { tagsValue } from './values.js';

const AZ_ACCOUNTS = 'az.accounts';
/** Az.* modules (and the Az roll-up) need Az.Accounts loaded first; importing them in parallel fails. */
const NEEDS_AZ_ACCOUNTS = /^az(\..+)?$/i;

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

/** The link of one module or package (see packageLink for the rules), or undefined after reporting why not. */
export function resolvePackageLink(ctx: ResolveContext, language: RuntimeLanguage, spec: PackageSpec, pointer: string): { uri: string; file?: string } | undefined {
  const link = packageLink(language, spec);
  if (!link.ok) {
    ctx.error(`${pointer}/${link.key}`, 'AG308', link.problem);
    return undefined;
  }
  return link;
}

export function contentLink(uri: string, version: string | undefined): Expr {
  return obj({ uri: str(uri), version: version === undefined ? undefined : str(version) });
}

/** A module or package this template imports, by its config name, for what waits for it. */
export interface ImportedItem {
  readonly name: string;
  readonly ref: ResourceRef;
}

export interface ModuleResolution {
  readonly resources: readonly ResourceNode[];
  /** Lower-cased names of the PowerShell 5.1 and 7.2 modules, for the runbook advice. */
  readonly ps51: ReadonlySet<string>;
  readonly ps72: ReadonlySet<string>;
  /** The imported items of each list, by lower-cased name (runbooks' dependsOn). */
  readonly imported: Readonly<Record<ListKind, ReadonlyMap<string, ImportedItem>>>;
}

export type ListKind = 'modules' | 'powerShell72Modules' | 'python3Packages';

const LISTS: readonly { key: ListKind; type: ResourceType; what: string; language: RuntimeLanguage; location: boolean }[] = [
  { key: 'modules', type: 'Microsoft.Automation/automationAccounts/modules', what: 'module', language: 'PowerShell', location: true },
  { key: 'powerShell72Modules', type: 'Microsoft.Automation/automationAccounts/powerShell72Modules', what: 'PowerShell 7.2 module', language: 'PowerShell', location: true },
  // python3Packages declares no `location` in the official schema.
  { key: 'python3Packages', type: 'Microsoft.Automation/automationAccounts/python3Packages', what: 'Python package', language: 'Python', location: false },
];

/**
 * `modules:`, `powerShell72Modules:` and `python3Packages:` -> child resources with `contentLink`, chained
 * with dependsOn so dependent imports wait (AVM imports all in parallel and Az.* imports then fail).
 */
export function resolveModules(ctx: ResolveContext, symbols: SymbolTable, account: AccountRef): ModuleResolution {
  const resources: ResourceNode[] = [];
  const imported: Record<ListKind, Map<string, ImportedItem>> = { modules: new Map(), powerShell72Modules: new Map(), python3Packages: new Map() };
  for (const list of LISTS) {
    const items: readonly (Module | PythonPackage)[] = ctx.config[list.key] ?? [];
    if (items.length === 0) continue;
    const pointer = `/${list.key}`;
    if (list.key === 'powerShell72Modules') adviseRetiredModules(ctx, pointer);
    if (list.language === 'PowerShell') adviseAzAccountsPin(ctx, items, pointer, list.what);
    const edges = importOrder(ctx, items, pointer, list.what);
    const refs = new Map<string, ResourceRef>();
    for (const m of items) if (!refs.has(m.name)) refs.set(m.name, childRef(ctx, account.ref, list.type, str(m.name), symbols.take(m.name, list.key === 'python3Packages' ? 'package' : 'module')));
    items.forEach((m, i) => {
      const own = edges.get(m.name);
      const link = resolvePackageLink(ctx, list.language, m, `${pointer}/${i}`);
      if (!own || !link) return;
      imported[list.key].set(m.name.toLowerCase(), { name: m.name, ref: refs.get(m.name)! });
      resources.push(
        childNode(refs.get(m.name)!, {
          ...(list.location ? { location: account.location } : {}),
          ...(m.tags === undefined ? {} : { tags: tagsValue(ctx, m.tags, `${pointer}/${i}/tags`) }),
          properties: obj({ contentLink: contentLink(link.uri, m.version) }),
          dependsOn: own.map((d) => refs.get(d)!),
        }),
      );
    });
  }
  return { resources, ps51: new Set(imported.modules.keys()), ps72: new Set(imported.powerShell72Modules.keys()), imported };
}

/** AG501: powerShell72Modules serve PowerShell72 runbooks only, and PowerShell 7.2 is retired. */
function adviseRetiredModules(ctx: ResolveContext, pointer: string): void {
  const ps72 = runtimeOfLegacyType('PowerShell72')!;
  ctx.warn(
    pointer,
    'AG501',
    `powerShell72Modules serve PowerShell 7.2 runbooks; ${retirementText(ps72)}. Import these modules as packages of a runtime environment instead: runtimeEnvironments: [{ name: ps74, language: PowerShell, version: '7.4', defaultPackages: { Az: 12.3.0 }, packages: [...] }]`,
  );
}
