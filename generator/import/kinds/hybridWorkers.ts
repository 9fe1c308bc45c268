import type { ExprNode } from '../../azure/armExpression.js';
import { HYBRID_WORKER_EXTENSION } from '../../azure/automationAccess.js';
import { formatResourceId } from '../../azure/resourceId.js';
import { canonical, expressionOf, importValue, isCall, resourceIdParts } from '../armValues.js';
import type { ConfigValue, Fields, ImportContext } from '../importContext.js';
import { accountChildNames, isType, takeBase, type ResourceImporter } from './common.js';
import { deploymentSeed, moduleParameters } from './moduleParts.js';

const GROUPS = 'Microsoft.Automation/automationAccounts/hybridRunbookWorkerGroups';
const WORKERS = `${GROUPS}/hybridRunbookWorkers`;
const DEPLOYMENTS = 'Microsoft.Resources/deployments';
const EXTENSION_PREFIX = 'hybridWorker-';

/** Workers found so far, by the canonical text of the machine seed in their name (`toLower(parameters('x'))` or the lower-cased ID). */
const workersBySeed = new WeakMap<ImportContext, Map<string, Record<string, unknown>>>();

function groupEntry(ctx: ImportContext, name: string): Record<string, unknown> | undefined {
  return ctx.draft.hybridWorkerGroups?.find((g) => typeof g.name === 'string' && g.name.toLowerCase() === name.toLowerCase());
}

/** A hybrid worker group (`hybridWorkerGroups[]`, resolve/resolveHybridWorkers.ts) with its run-as credential. */
export const hybridWorkerGroups: ResourceImporter = {
  kind: 'hybrid worker group',
  claims: (r) => isType(r, GROUPS),
  import(ctx, resource) {
    takeBase(ctx, resource, GROUPS);
    const names = accountChildNames(ctx, resource, 1, 'a hybrid worker group');
    const properties = resource.object('properties');
    if (!names) return;
    const entry: Record<string, unknown> = { name: names[0] };
    const credential = properties?.object('credential');
    if (credential) {
      const name = credential.take('name');
      if (typeof name === 'string' && !expressionOf(name)) entry.credential = name;
      else ctx.refuse(credential.at('name'), "a worker group's credential is imported as { name: <a literal credential name> }");
      credential.finish("the worker group's credential");
    }
    properties?.finish('the hybrid worker group properties');
    resource.finish('a hybrid worker group');
    ctx.push('hybridWorkerGroups', entry);
  },
};

/** armgen's worker name: format('{0}/{1}/{2}', <account>, 'group', guid(<group ID>, <machine seed>)) -> group and seed. */
function workerName(ctx: ImportContext, value: unknown): { group: string; seed: ExprNode } | undefined {
  const node = expressionOf(value);
  if (!ctx.account || !isCall(node, 'format') || node.args.length !== 4 || node.args[0]?.k !== 'str' || node.args[0].v !== '{0}/{1}/{2}') return undefined;
  const [, account, group, guid] = node.args;
  const isAccount = account!.k === 'str' ? account!.v === ctx.account.name : `[${canonical(account!)}]`.toLowerCase() === ctx.account.name.toLowerCase();
  if (!isAccount || group?.k !== 'str' || !isCall(guid, 'guid') || guid.args.length !== 2) return undefined;
  return { group: group.v, seed: guid.args[1]! };
}

/** The machine: `resourceId(sub, group, type, name)` of literals back to the literal ID, or `{ param }`. */
function machineId(ctx: ImportContext, properties: Fields): ConfigValue | undefined {
  const value = properties.take('vmResourceId');
  const parts = resourceIdParts(expressionOf(value));
  if (!parts) return importValue(ctx, value, properties.at('vmResourceId'), 'the machine ID');
  const literal = [parts.subscriptionId, parts.resourceGroup, ...parts.names].every((a) => typeof a === 'string');
  if (literal && parts.subscriptionId !== undefined) return formatResourceId({ subscriptionId: parts.subscriptionId as string, resourceGroup: parts.resourceGroup as string, type: parts.type, names: parts.names as string[] });
  ctx.refuse(properties.at('vmResourceId'), "a worker's machine is imported as resourceId(subscription, group, type, name) of literals or [parameters('NAME')]");
  return undefined;
}

/** A worker of a group declared in this template, named as armgen names it (the same name on every redeployment). */
export const hybridWorkers: ResourceImporter = {
  kind: 'hybrid worker',
  claims: (r) => isType(r, WORKERS),
  import(ctx, resource) {
    takeBase(ctx, resource, WORKERS);
    const name = workerName(ctx, resource.take('name'));
    const group = name && groupEntry(ctx, name.group);
    if (!name || !group) {
      ctx.refuse(resource.at('name'), "a hybrid worker is imported in armgen's shape only: format('{0}/{1}/{2}', <the account's name>, '<a group of this template>', guid(<the group's ID>, <the machine ID in lower case>))");
      return;
    }
    const properties = resource.object('properties');
    if (!properties) return;
    const vmResourceId = machineId(ctx, properties);
    properties.finish('the hybrid worker properties');
    resource.finish('a hybrid worker');
    if (vmResourceId === undefined) return;
    const worker: Record<string, unknown> = { vmResourceId };
    ((group.workers ??= []) as Record<string, unknown>[]).push(worker);
    const seen = workersBySeed.get(ctx) ?? new Map<string, Record<string, unknown>>();
    workersBySeed.set(ctx, seen);
    seen.set(canonical(name.seed).toLowerCase(), worker);
  },
};

const OS_BY_TYPE = new Map(Object.entries(HYBRID_WORKER_EXTENSION.typeByOs).map(([os, type]) => [type, os]));

/** armgen's HybridWorker extension module (resolve/hybridWorkerExtension.ts) -> `installExtension: { os }` on its worker. */
export const hybridWorkerExtensions: ResourceImporter = {
  kind: 'hybrid worker extension (module)',
  claims: (r) => isType(r, DEPLOYMENTS) && deploymentSeed(r.name, EXTENSION_PREFIX) !== undefined,
  import(ctx, resource) {
    takeBase(ctx, resource, DEPLOYMENTS);
    const seed = deploymentSeed(resource.take('name'), EXTENSION_PREFIX)!;
    const worker = seed.length === 2 ? workersBySeed.get(ctx)?.get(canonical(seed[1]!).toLowerCase()) : undefined;
    if (!worker) {
      ctx.refuse(resource.at('name'), "a hybridWorker- deployment is imported only as armgen's extension module of a worker in this template: format('hybridWorker-{0}', guid(resourceGroup().id, <the worker's machine ID in lower case>))");
      return;
    }
    const parameters = moduleParameters(ctx, resource, ['vmName', 'location', 'automationAccountUrl', 'extensionType'], "armgen's hybrid worker extension module");
    resource.finish("armgen's hybrid worker extension module");
    const type = parameters?.extensionType;
    const os = typeof type?.value === 'string' ? OS_BY_TYPE.get(type.value as never) : undefined;
    if (!type || !os) {
      ctx.refuse(type?.path ?? resource.at('properties', 'parameters'), `the extension module's extensionType is imported as ${[...OS_BY_TYPE.keys()].join(' or ')}`);
      return;
    }
    worker.installExtension = { os };
  },
};
