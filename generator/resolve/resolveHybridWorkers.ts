import { AUTOMATION_DOCS, HYBRID_WORKER_MACHINE_TYPES, WORKER_GROUP_CREDENTIAL_SINCE } from '../azure/automationAccess.js';
import { checkName, nameRules } from '../azure/naming.js';
import { formatResourceId, parseResourceId } from '../azure/resourceId.js';
import type { HybridWorker, HybridWorkerGroup } from '../model/config.generated.js';
import { call, obj, ref, str, type Expr } from '../model/expr.js';
import type { ResourceRef } from '../model/resourceRef.js';
import type { ModuleNode, ResourceNode } from '../model/resolved.js';
import type { HybridWorkerGroupSummary, HybridWorkerSummary } from '../model/summary.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import { childNode, childRef, type AccountRef } from './children.js';
import type { ResolveContext, ValueCheck } from './context.js';
import { hybridWorkerExtension, type ExtensionModules, type WorkerMachine } from './hybridWorkerExtension.js';
import type { SymbolTable } from './names.js';
import type { ResolvedCredential } from './resolveVariables.js';

const GROUP_TYPE = 'Microsoft.Automation/automationAccounts/hybridRunbookWorkerGroups';
const WORKER_TYPE = 'Microsoft.Automation/automationAccounts/hybridRunbookWorkerGroups/hybridRunbookWorkers';

export interface ResolvedWorkerGroup {
  readonly name: string;
  readonly ref: ResourceRef;
}

export interface HybridWorkerResolution {
  /** Groups, their workers, and the extension modules, in config order. */
  readonly resources: readonly (ResourceNode | ModuleNode)[];
  /** VMs read for their location (the extension goes where the VM is). */
  readonly existing: readonly ResourceRef[];
  /** By lower-cased name, for `runOn`. */
  readonly groups: ReadonlyMap<string, ResolvedWorkerGroup>;
  readonly summaries: readonly HybridWorkerGroupSummary[];
}

/**
 * `hybridWorkerGroups:` -> worker groups (each waits for its credential) and workers named `guid(group ID, machine ID
 * in lower case)`: the docs' sample names a worker from a new GUID per deployment, which registers the machine again
 * on every redeployment; a name computed from the group and the machine is the same every time. A machine can be in
 * one group only. `installExtension` adds the HybridWorker VM extension through a module into the VM's resource group.
 */
export function resolveHybridWorkers(
  ctx: ResolveContext,
  symbols: SymbolTable,
  account: AccountRef,
  credentials: ReadonlyMap<string, ResolvedCredential>,
): HybridWorkerResolution {
  const state: WorkerState = { resources: [], existing: [], groups: new Map(), machines: new Map(), modules: {}, summaries: [] };
  (ctx.config.hybridWorkerGroups ?? []).forEach((g, i) => resolveGroup(ctx, symbols, { account, credentials, state }, g, `/hybridWorkerGroups/${i}`));
  return { resources: state.resources, existing: state.existing, groups: state.groups, summaries: state.summaries };
}

interface WorkerState {
  readonly resources: (ResourceNode | ModuleNode)[];
  readonly existing: ResourceRef[];
  readonly groups: Map<string, ResolvedWorkerGroup>;
  /** Machine key -> the pointer of the worker that registers it. */
  readonly machines: Map<string, string>;
  readonly modules: ExtensionModules;
  readonly summaries: HybridWorkerGroupSummary[];
}

interface GroupInput {
  readonly account: AccountRef;
  readonly credentials: ReadonlyMap<string, ResolvedCredential>;
  readonly state: WorkerState;
}

function resolveGroup(ctx: ResolveContext, symbols: SymbolTable, input: GroupInput, g: HybridWorkerGroup, pointer: string): void {
  const { state } = input;
  const problem = checkName(nameRules.automationAsset, g.name);
  if (problem) ctx.error(`${pointer}/name`, 'AG300', problem);
  if (state.groups.has(g.name.toLowerCase())) {
    ctx.error(`${pointer}/name`, 'AG302', `hybrid worker group '${g.name}' is declared twice (names are case-insensitive)`);
    return;
  }
  const groupRef = childRef(ctx, input.account.ref, GROUP_TYPE, str(g.name), symbols.take(g.name, 'worker', 'group'));
  state.groups.set(g.name.toLowerCase(), { name: g.name, ref: groupRef });
  const credential = g.credential === undefined ? undefined : groupCredential(ctx, g.credential, `${pointer}/credential`, input.credentials);
  state.resources.push(
    childNode(groupRef, {
      // `properties` is required since 2022-02-22; `{}` is a valid body (REST example).
      properties: obj({ credential: credential ? obj({ name: str(credential.name) }) : undefined }),
      dependsOn: credential ? [credential.ref] : [],
    }),
  );
  const workers: HybridWorkerSummary[] = [];
  (g.workers ?? []).forEach((w, j) => {
    const summary = resolveWorker(ctx, symbols, input, { group: { name: g.name, ref: groupRef }, worker: w, pointer: `${pointer}/workers/${j}` });
    if (summary) workers.push(summary);
  });
  // A hint where the config could do more: an Azure VM (or a machine given by parameter) without installExtension.
  // An Arc-enabled server takes its extension outside ARM templates of this account (New-AzConnectedMachineExtension).
  if ((g.workers ?? []).some((w) => w.installExtension === undefined && !isArcMachine(w.vmResourceId))) {
    ctx.info(
      `${pointer}/workers`,
      'AG801',
      `registering an Azure VM in group '${g.name}' does not install the hybrid worker agent: add installExtension: { os: Windows | Linux }, or install the HybridWorker extension with Set-AzVMExtension or the portal (${AUTOMATION_DOCS.hybridWorkerInstall})`,
    );
  }
  state.summaries.push({ name: g.name, ...(credential ? { credential: credential.name } : {}), workers });
}

function groupCredential(ctx: ResolveContext, name: string, pointer: string, credentials: ReadonlyMap<string, ResolvedCredential>): ResolvedCredential | undefined {
  const api = ctx.api(GROUP_TYPE);
  if (api < WORKER_GROUP_CREDENTIAL_SINCE) {
    ctx.error(pointer, 'AG304', `a hybrid worker group's credential needs ${GROUP_TYPE} ${WORKER_GROUP_CREDENTIAL_SINCE} or later (apiVersions pins ${api})`);
  }
  const found = credentials.get(name.toLowerCase());
  if (!found) {
    const hint = suggestionHint(didYouMean(name, [...credentials.values()].map((c) => c.name)));
    ctx.error(pointer, 'AG301', `unknown credential '${name}'.${hint || ' Declare it under credentials:'}`);
  }
  return found;
}

function resolveWorker(
  ctx: ResolveContext,
  symbols: SymbolTable,
  input: GroupInput,
  at: { readonly group: ResolvedWorkerGroup; readonly worker: HybridWorker; readonly pointer: string },
): HybridWorkerSummary | undefined {
  const { state } = input;
  const { group, worker, pointer } = at;
  const machine = workerMachine(ctx, worker.vmResourceId, `${pointer}/vmResourceId`);
  if (!machine) return undefined;
  const other = state.machines.get(machine.key);
  if (other) {
    ctx.error(`${pointer}/vmResourceId`, 'AG302', `this machine is already a worker at ${other}: "A selected machine won't be added to a hybrid worker group if it is already part of another hybrid worker group" (${AUTOMATION_DOCS.hybridWorkerInstall})`);
    return undefined;
  }
  state.machines.set(machine.key, pointer);
  // The ID in lower case: resource IDs are case-insensitive, so re-casing it in the config keeps the worker's name.
  const name = call('guid', ref(group.ref, 'id'), machine.seed);
  const workerRef = childRef(ctx, group.ref, WORKER_TYPE, name, symbols.take(group.name, machine.label, 'worker'));
  state.resources.push(childNode(workerRef, { properties: obj({ vmResourceId: machine.id }) }));
  if (worker.installExtension) {
    const module = hybridWorkerExtension(ctx, symbols, { account: input.account, machine, worker: workerRef, os: worker.installExtension.os, pointer: `${pointer}/installExtension`, modules: state.modules });
    if (module) {
      state.existing.push(module.vm);
      state.resources.push(module.node);
    }
  }
  return {
    machine: machine.display,
    ...(machine.parsed ? { resourceGroup: str(machine.parsed.resourceGroup), subscriptionId: str(machine.parsed.subscriptionId) } : {}),
    ...(worker.installExtension ? { extension: worker.installExtension.os } : {}),
  };
}

function isArcMachine(value: HybridWorker['vmResourceId']): boolean {
  return typeof value === 'string' && parseResourceId(value)?.type?.toLowerCase() === HYBRID_WORKER_MACHINE_TYPES[1].toLowerCase();
}

/** Why a literal machine ID is not one a worker can register, or undefined. */
function machineIdProblem(value: unknown, shown: string): string | undefined {
  const parsed = typeof value === 'string' ? parseResourceId(value) : undefined;
  const known = parsed?.type && HYBRID_WORKER_MACHINE_TYPES.find((t) => t.toLowerCase() === parsed.type!.toLowerCase());
  if (parsed && known && parsed.names.length === 1 && parsed.resourceGroup && parsed.subscriptionId) return undefined;
  return `${shown} is not the resource ID of an Azure VM or Arc-enabled server (/subscriptions/<guid>/resourceGroups/<group>/providers/${HYBRID_WORKER_MACHINE_TYPES.join(' or ')}/<name>)`;
}

const MACHINE_CHECK: ValueCheck = { code: 'AG308', problem: machineIdProblem };

/** The machine a worker registers: its ID as written to the template, a comparison key, the seed of its name. */
function workerMachine(ctx: ResolveContext, value: HybridWorker['vmResourceId'], pointer: string): WorkerMachine | undefined {
  if (typeof value !== 'string') {
    const id = ctx.useParam(value, { pointer: `${pointer}/param`, type: 'string', check: MACHINE_CHECK });
    return { id, display: id, key: `{param:${value.param}}`, seed: call('toLower', id), label: value.param };
  }
  const problem = machineIdProblem(value, JSON.stringify(value));
  if (problem) {
    ctx.error(pointer, 'AG308', problem);
    return undefined;
  }
  const parsed = parseResourceId(value)!;
  const type = HYBRID_WORKER_MACHINE_TYPES.find((t) => t.toLowerCase() === parsed.type!.toLowerCase())!;
  const canonical = formatResourceId({ ...parsed, type });
  const name = parsed.names[0]!;
  const seed: Expr = str(canonical.toLowerCase());
  // Written as resourceId(...), the form arm-ttk's IDs-Should-Be-Derived-From-ResourceIDs (and armgen's lint) expects.
  const id = call('resourceId', str(parsed.subscriptionId!), str(parsed.resourceGroup!), str(type), str(name));
  return { id, display: str(canonical), key: canonical.toLowerCase(), seed, label: name, parsed: { type, subscriptionId: parsed.subscriptionId!, resourceGroup: parsed.resourceGroup!, name } };
}
