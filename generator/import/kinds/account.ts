import { DISABLE_LOCAL_AUTH_SINCE } from '../../azure/automationAccess.js';
import { canonical, expressionOf, importArg, importValue, type Arg } from '../armValues.js';
import { isPlainObject, type Fields, type ImportContext } from '../importContext.js';
import { importEncryption } from './encryption.js';
import { identityFor } from './identities.js';
import { isType, takeBase, type ResourceImporter } from './common.js';

const ACCOUNT = 'Microsoft.Automation/automationAccounts';
/** API versions before 2021-06-22 have no `disableLocalAuth` (resolveAccount.ts). */
const DEFAULT_LOCATIONS = new Set(["[parameters('location')]", '[resourcegroup().location]']);

/** The canonical (lower-cased) resource ID expression of the account with this name. */
export function accountIdKey(name: Arg): string {
  const arg = typeof name === 'string' ? `'${name.replace(/'/g, "''")}'` : `parameters('${name.param}')`;
  return `[resourceid('${ACCOUNT.toLowerCase()}',${arg.toLowerCase()})]`;
}

/** The Automation account (`automationAccount:`); one per template. */
export const account: ResourceImporter = {
  kind: 'Automation account',
  claims: (r) => isType(r, ACCOUNT),
  import(ctx, resource) {
    if (ctx.draft.automationAccount) {
      ctx.refuse(resource.path, 'a second Automation account: an armgen config describes one account (split the template)');
      return;
    }
    takeBase(ctx, resource, ACCOUNT);
    const config: Record<string, unknown> = {};
    const name = importArg(ctx, resource.take('name'), resource.at('name'), 'the account name');
    if (name === undefined) {
      ctx.draft.automationAccount = {}; // refused already; no second "no account" refusal
      return;
    }
    config.name = name;
    ctx.account = { name: typeof name === 'string' ? name : `[parameters('${name.param}')]`, id: accountIdKey(name) };
    location(ctx, resource, config);
    if (resource.has('tags')) config.tags = importValue(ctx, resource.take('tags'), resource.at('tags'), 'tags');
    const properties = resource.object('properties');
    if (properties) accountProperties(ctx, properties, config, String(resource.value.apiVersion));
    const identity = resource.object('identity');
    if (identity) config.identity = accountIdentity(ctx, identity);
    resource.finish('the Automation account');
    ctx.draft.automationAccount = order(config);
  },
};

function location(ctx: ImportContext, resource: Fields, config: Record<string, unknown>): void {
  const value = resource.take('location');
  const node = expressionOf(value);
  const text = node ? `[${canonical(node)}]` : undefined;
  if (text !== undefined && DEFAULT_LOCATIONS.has(text)) {
    if (text === '[resourcegroup().location]') {
      ctx.comment('automationAccount', "The template's location [resourceGroup().location] becomes armgen's `location` parameter with that default.");
    }
    return;
  }
  if (value === undefined) {
    ctx.refuse(resource.at('location'), 'the account has no location');
    return;
  }
  const v = importValue(ctx, value, resource.at('location'), 'the account location');
  if (v !== undefined) config.location = v;
}

function accountProperties(ctx: ImportContext, properties: Fields, config: Record<string, unknown>, api: string): void {
  const sku = properties.object('sku');
  if (sku) {
    config.sku = importValue(ctx, sku.take('name'), sku.at('name'), 'the SKU');
    sku.finish('the account SKU');
  }
  if (properties.has('disableLocalAuth')) {
    config.disableLocalAuth = importValue(ctx, properties.take('disableLocalAuth'), properties.at('disableLocalAuth'), 'disableLocalAuth');
  } else if (api >= DISABLE_LOCAL_AUTH_SINCE) {
    config.disableLocalAuth = false;
    ctx.comment('automationAccount.disableLocalAuth', 'The template does not set disableLocalAuth (Azure: false, local authentication allowed); armgen writes it. Consider true.');
  }
  if (properties.has('publicNetworkAccess')) {
    config.publicNetworkAccess = importValue(ctx, properties.take('publicNetworkAccess'), properties.at('publicNetworkAccess'), 'publicNetworkAccess');
  }
  const encryption = properties.object('encryption');
  if (encryption) config.encryption = importEncryption(ctx, encryption);
  properties.finish('the Automation account properties');
}

function accountIdentity(ctx: ImportContext, identity: Fields): Record<string, unknown> {
  const type = String(identity.take('type'));
  const kinds = type.split(',').map((s) => s.trim().toLowerCase());
  const out: Record<string, unknown> = {};
  if (kinds.includes('systemassigned')) out.systemAssigned = true;
  const attached = identity.object('userAssignedIdentities');
  if (attached) {
    const handles: string[] = [];
    for (const [key, value] of Object.entries(attached.value)) {
      attached.take(key);
      if (!isPlainObject(value) || Object.keys(value).length > 0) ctx.refuse(attached.at(key), 'an attached identity takes {} (Azure fills in its IDs)');
      const known = identityFor(ctx, key, attached.at(key));
      if (known) handles.push(known.handle);
    }
    out.userAssigned = handles;
  }
  if (kinds.some((k) => !['systemassigned', 'userassigned', 'none'].includes(k))) ctx.refuse(identity.at('type'), `identity type '${type}' has no armgen equivalent`);
  identity.finish('the account identity');
  return out;
}

function order(config: Record<string, unknown>): Record<string, unknown> {
  const keys = ['name', 'location', 'sku', 'tags', 'publicNetworkAccess', 'disableLocalAuth', 'identity', 'encryption'];
  return Object.fromEntries(keys.filter((k) => k in config).map((k) => [k, config[k]]));
}
