import { camelCase } from '../../resolve/names.js';
import { argOf, canonical, expressionOf, idKey, importArg, importValue, resourceIdParts, type Arg } from '../armValues.js';
import type { ImportContext, KnownIdentity } from '../importContext.js';
import type { JsonPath } from '../jsonSource.js';
import { childName, isType, takeBase, type ResourceImporter } from './common.js';

const UAMI = 'Microsoft.ManagedIdentity/userAssignedIdentities';
const FIC = 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials';

/** `[resourceId('…/userAssignedIdentities', name)]` for an identity in the deployment's group (what a created one is). */
function localIdKey(name: Arg): string {
  const arg = typeof name === 'string' ? `'${name.replace(/'/g, "''")}'` : `parameters('${name.param}')`;
  return `[resourceid('${UAMI.toLowerCase()}',${arg.toLowerCase()})]`;
}

/** A config handle for an identity: armgen's own (from its outputs), the parameter's name, or the Azure name without `uai-`. */
function handleFor(ctx: ImportContext, key: string, name: Arg): string {
  const fromOutputs = ctx.outputHandles.get(key);
  if (fromOutputs) return fromOutputs;
  const base = typeof name === 'string' ? camelCase(name.replace(/^(uai|id|umi|mi)-/i, '')) : name.param;
  let handle = base;
  for (let i = 2; [...ctx.identities.values()].some((k) => k.handle === handle) || handle.toLowerCase() === 'system'; i++) handle = `${base}${i}`;
  return handle;
}

/**
 * The identity a resource ID names (an account's `userAssignedIdentities` key, a role assignment's principal):
 * one declared already, or a new existing identity (`resourceName` [+ `resourceGroup`, `subscriptionId`], or
 * `resourceId` for a literal ID).
 */
export function identityFor(ctx: ImportContext, value: string, path: JsonPath): KnownIdentity | undefined {
  const key = idKey(value)!;
  const known = ctx.identities.get(key);
  if (known) return known;
  const node = expressionOf(value);
  const parts = resourceIdParts(node);
  let config: Record<string, unknown>;
  let name: Arg;
  if (!node && value.startsWith('/subscriptions/')) {
    name = value.split('/').pop() ?? value;
    config = { resourceId: value };
  } else if (parts && parts.type.toLowerCase() === UAMI.toLowerCase() && parts.names.length === 1) {
    name = parts.names[0]!;
    config = { resourceName: name, ...(parts.resourceGroup ? { resourceGroup: parts.resourceGroup } : {}), ...(parts.subscriptionId ? { subscriptionId: parts.subscriptionId } : {}) };
  } else {
    ctx.refuse(path, `${value} is not a user-assigned identity's resource ID that armgen can express (resourceId('${UAMI}', name) with optional resource group and subscription, or a literal ID)`);
    return undefined;
  }
  const identity = { handle: handleFor(ctx, key, name), config };
  config.name = identity.handle;
  ctx.identities.set(key, identity);
  ctx.draft.identities.push(orderKeys(config, ['name', 'resourceName', 'resourceGroup', 'subscriptionId', 'resourceId']));
  return ctx.identities.get(key);
}

function orderKeys(config: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of order) if (k in config) out[k] = config[k];
  for (const k of Object.keys(config)) if (!(k in out)) out[k] = config[k];
  for (const k of Object.keys(config)) delete config[k];
  return Object.assign(config, out);
}

/** A created identity (`identities[]` with `create: true`). */
export const createdIdentities: ResourceImporter = {
  kind: 'user-assigned identity',
  claims: (r) => isType(r, UAMI),
  import(ctx, resource) {
    takeBase(ctx, resource, UAMI);
    const name = importArg(ctx, resource.take('name'), resource.at('name'), 'the identity name');
    if (name === undefined) return;
    const key = localIdKey(name);
    const config: Record<string, unknown> = { name: handleFor(ctx, key, name), resourceName: name, create: true };
    const location = resource.take('location');
    if (location !== undefined && !['[parameters(\'location\')]'].includes(canonicalText(location))) {
      const v = importValue(ctx, location, resource.at('location'), 'the identity location');
      if (v !== undefined) config.location = v;
    }
    const properties = resource.object('properties');
    if (properties?.has('isolationScope')) config.isolationScope = properties.take('isolationScope');
    properties?.finish('the identity properties');
    if (resource.has('tags')) config.tags = importValue(ctx, resource.take('tags'), resource.at('tags'), 'tags');
    resource.finish('a user-assigned identity');
    ctx.identities.set(key, { handle: config.name as string, config });
    ctx.draft.identities.push(config);
  },
};

function canonicalText(value: unknown): string {
  const node = expressionOf(value);
  return node ? `[${canonical(node)}]` : String(value);
}

/** A federated credential of a created identity (`identities[].federatedCredentials[]`). */
export const federatedCredentials: ResourceImporter = {
  kind: 'federated identity credential',
  claims: (r) => isType(r, FIC),
  import(ctx, resource) {
    takeBase(ctx, resource, FIC);
    const parts = childName(resource.take('name'));
    const parentName = parts ? argOf(parts[0]) : undefined;
    const owner = parentName === undefined ? undefined : ctx.identities.get(localIdKey(parentName));
    if (!parts || !owner || owner.config.create !== true || typeof parts[1] !== 'string') {
      ctx.refuse(resource.at('name'), "a federated credential is imported only as format('{0}/{1}', <created identity name>, '<credential>')");
      return;
    }
    const properties = resource.object('properties');
    const credential: Record<string, unknown> = { name: parts[1] };
    for (const key of ['issuer', 'subject', 'audiences']) if (properties?.has(key)) credential[key] = properties.take(key);
    properties?.finish('the federated credential properties');
    resource.finish('a federated identity credential');
    ((owner.config.federatedCredentials ??= []) as unknown[]).push(credential);
  },
};
