import { HYBRID_WORKER_EXTENSION } from '../azure/automationAccess.js';
import { knownResourceType } from '../azure/resourceTypes.js';
import { arr, bool, call, index, interp, member, num, obj, param, ref, str, type Expr } from '../model/expr.js';
import { createdRef, existingRef, type ResourceRef } from '../model/resourceRef.js';
import type { ModuleNode, TemplateModel, TemplateParameter } from '../model/resolved.js';
import type { AccountRef } from './children.js';
import type { ResolveContext } from './context.js';
import type { SymbolTable } from './names.js';

const VM_TYPE = 'Microsoft.Compute/virtualMachines';
const EXTENSION_TYPE = 'Microsoft.Compute/virtualMachines/extensions';
const DEPLOYMENT_TYPE = 'Microsoft.Resources/deployments';

/** A machine a worker registers (see resolveHybridWorkers.ts). */
export interface WorkerMachine {
  /** The resource ID as written to the template: resourceId(...) of a literal, or the parameter. */
  readonly id: Expr;
  /** The ID for people (README): the canonical literal, or the parameter. */
  readonly display: Expr;
  /** Compares IDs the way Azure does (case-insensitive); a parameter is its own key. */
  readonly key: string;
  /** The ID in lower case, seeding names. */
  readonly seed: Expr;
  /** A word for symbols: the machine's name, or the parameter's. */
  readonly label: string;
  /** Taken apart from a literal ID. */
  readonly parsed?: { readonly type: string; readonly subscriptionId: string; readonly resourceGroup: string; readonly name: string };
}

/** The one inner template all extension modules share (built once per config). */
export interface ExtensionModules {
  template?: TemplateModel;
}

/**
 * The extension module's parameters: the one table the ARM nested deployment and the Bicep module file both print.
 * The VM's location is a parameter because Bicep needs an extension's location at the start of the (inner)
 * deployment (BCP120), so the calling template reads it from the VM.
 */
export const EXTENSION_MODULE_PARAMETERS = {
  vmName: 'Name of the virtual machine (in this deployment\'s resource group) that becomes a hybrid runbook worker.',
  location: 'Region of the virtual machine: its extension is created there.',
  automationAccountUrl: "The Automation account's automationHybridServiceUrl, where the extension registers the worker.",
  extensionType: 'HybridWorkerForWindows or HybridWorkerForLinux, by the VM\'s operating system.',
} as const;

/**
 * The HybridWorker extension on an Azure VM, as a module deployed into the VM's resource group (and subscription):
 * the VM usually lives outside the account's group, and a module works wherever it is. The settings are the
 * documented ones (extension-based-hybrid-runbook-worker-install, ARM and Bicep tabs); the module waits for the
 * worker's registration, as the docs' sample orders it. The VM's system-assigned identity must already be on.
 */
export function hybridWorkerExtension(
  ctx: ResolveContext,
  symbols: SymbolTable,
  input: { account: AccountRef; machine: WorkerMachine; worker: ResourceRef; os: 'Windows' | 'Linux'; pointer: string; modules: ExtensionModules },
): { node: ModuleNode; vm: ResourceRef } | undefined {
  const { machine } = input;
  if (machine.parsed && machine.parsed.type !== VM_TYPE) {
    ctx.error(input.pointer, 'AG200', `installExtension is for Azure VMs (${VM_TYPE}); an Arc-enabled server takes the extension as Microsoft.HybridCompute/machines/extensions, which armgen does not write: install it with New-AzConnectedMachineExtension`);
    return undefined;
  }
  const vmApi = knownResourceType(VM_TYPE)!.apiVersion;
  const parts = machine.parsed;
  const split = call('split', machine.id, str('/'));
  const vm = existingRef({
    symbol: symbols.take(machine.label, 'vm'),
    type: VM_TYPE,
    apiVersion: vmApi,
    id: parts ? { kind: 'parts', subscriptionId: str(parts.subscriptionId), resourceGroup: str(parts.resourceGroup), names: [str(parts.name)] } : { kind: 'given', id: machine.id },
  });
  const subscriptionId = parts ? str(parts.subscriptionId) : index(split, num(2));
  const resourceGroup = parts ? str(parts.resourceGroup) : index(split, num(4));
  input.modules.template ??= extensionModuleTemplate(ctx.api(EXTENSION_TYPE), vmApi);
  // Unique per deploying resource group and machine, known at deployment start, 49 characters (limit 64).
  const name = interp('hybridWorker-', call('guid', member(call('resourceGroup'), 'id'), machine.seed));
  const node: ModuleNode = {
    kind: 'module',
    ref: { symbol: symbols.take(machine.label, 'hybrid', 'worker', 'extension'), type: DEPLOYMENT_TYPE, apiVersion: ctx.api(DEPLOYMENT_TYPE), id: { kind: 'parts', subscriptionId, resourceGroup, names: [name] }, created: true },
    purpose: 'hybridWorkerExtension',
    target: { kind: 'resourceGroup', subscriptionId, resourceGroup, resource: { type: VM_TYPE } },
    template: input.modules.template,
    parameters: [
      { name: 'vmName', value: parts ? str(parts.name) : call('last', split) },
      { name: 'location', value: ref(vm, { full: ['location'] }) },
      { name: 'automationAccountUrl', value: ref(input.account.ref, { properties: [HYBRID_WORKER_EXTENSION.serviceUrlProperty] }) },
      { name: 'extensionType', value: str(HYBRID_WORKER_EXTENSION.typeByOs[input.os]) },
    ],
    // The account too: its automationHybridServiceUrl is read here (reference() makes no dependency by itself).
    dependsOn: [input.account.ref, input.worker],
  };
  return { node, vm };
}

/** The inner template: the existing VM and its HybridWorker extension. */
function extensionModuleTemplate(extensionApi: string, vmApi: string): TemplateModel {
  const p = EXTENSION_MODULE_PARAMETERS;
  const parameters: TemplateParameter[] = [
    { name: 'vmName', type: 'string', description: p.vmName },
    { name: 'location', type: 'string', description: p.location },
    { name: 'automationAccountUrl', type: 'string', description: p.automationAccountUrl },
    { name: 'extensionType', type: 'string', description: p.extensionType, allowedValues: arr(Object.values(HYBRID_WORKER_EXTENSION.typeByOs).map(str)) },
  ];
  const vm = existingRef({ symbol: 'vm', type: VM_TYPE, apiVersion: vmApi, id: { kind: 'parts', names: [param('vmName')] } });
  const extension = createdRef({ symbol: 'hybridWorkerExtension', type: EXTENSION_TYPE, apiVersion: extensionApi, name: str(HYBRID_WORKER_EXTENSION.name), parent: vm });
  return {
    scope: 'resourceGroup',
    parameters,
    resources: [
      {
        kind: 'resource',
        ref: extension,
        location: param('location'),
        properties: obj({
          publisher: str(HYBRID_WORKER_EXTENSION.publisher),
          type: param('extensionType'),
          typeHandlerVersion: str(HYBRID_WORKER_EXTENSION.typeHandlerVersion),
          autoUpgradeMinorVersion: bool(true),
          enableAutomaticUpgrade: bool(true),
          settings: obj({ AutomationAccountURL: param('automationAccountUrl') }),
        }),
        // The parent VM exists already: nothing to wait for inside the module.
        dependsOn: [],
      },
    ],
    outputs: [],
    existing: [vm],
  };
}
