/**
 * The simulated Azure: the resources that exist, keyed by resource ID (case-insensitive, as ARM keys them),
 * with what the service generates for them (principal and client IDs of managed identities). Deterministic:
 * every generated ID is a stable hash of the resource ID and a serial number, so a scenario always gives the
 * same values, and a recreated identity gets a new one.
 */
import { isUnder, typeOfId } from './resourceIds.js';
import { OPEN, sameText, stableGuid, type ObjectValue, type Value } from './values.js';

export interface StoredResource {
  readonly id: string;
  readonly type: string;
  readonly location: string | undefined;
  readonly properties: ObjectValue;
  /** The `identity` block as last PUT, with `principalId`/`tenantId` of a system-assigned identity. */
  readonly identity: ObjectValue | undefined;
  /** Already there before the simulation (an existing identity or vault a template only refers to). */
  readonly preexisting: boolean;
  /** Nested deployments: the resource group whose deployment created this record. */
  readonly launchedFrom?: string;
}

const UAMI = 'microsoft.managedidentity/userassignedidentities';
const ACCOUNT = 'microsoft.automation/automationaccounts';
const WEBHOOK = 'microsoft.automation/automationaccounts/webhooks';
const LOCKS = '/providers/microsoft.authorization/locks/';

export class AzureState {
  readonly tenantId = stableGuid('tenant');
  private readonly byId = new Map<string, StoredResource>();
  private readonly groupLocations = new Map<string, string>();
  private serial = 0;

  /** Declares a resource group of the environment and its location (what resourceGroup().location gives). */
  addResourceGroup(path: string, location: string): void {
    this.groupLocations.set(path.toLowerCase(), location);
  }

  resourceGroupLocation(path: string): string | undefined {
    return this.groupLocations.get(path.toLowerCase());
  }

  get(id: string): StoredResource | undefined {
    return this.byId.get(id.toLowerCase());
  }

  all(): StoredResource[] {
    return [...this.byId.values()];
  }

  /** Stores the result of a PUT. A PUT replaces properties; service-generated values survive it. */
  put(resource: Omit<StoredResource, 'preexisting'>): StoredResource {
    const before = this.get(resource.id);
    const properties = { ...resource.properties, ...this.generatedProperties(resource, before) };
    const stored: StoredResource = { ...resource, properties, identity: this.identityAfterPut(resource, before), preexisting: false };
    this.byId.set(resource.id.toLowerCase(), stored);
    return stored;
  }

  /**
   * A resource a template refers to without deploying it is assumed to exist already (the environment the
   * template is written for). Its unknown properties read as opaque placeholders (OPEN).
   */
  existingOrAssumed(id: string): StoredResource {
    const found = this.get(id);
    if (found) return found;
    const type = typeOfId(id) ?? 'unknown';
    const properties: ObjectValue = sameText(type, UAMI) ? this.uamiProperties(id, undefined) : assumedProperties(type, id);
    Object.defineProperty(properties, OPEN, { value: true });
    const assumed: StoredResource = { id, type, location: undefined, properties, identity: undefined, preexisting: true };
    this.byId.set(id.toLowerCase(), assumed);
    return assumed;
  }

  /** Deletes and recreates every user-assigned identity, and turns every system-assigned identity off and on. */
  recreateIdentities(): void {
    for (const r of this.all()) {
      const fresh = sameText(r.type, UAMI) ? { ...r.properties, ...this.newIdentityIds(r.id) } : r.properties;
      if (r.preexisting && !(OPEN in fresh)) Object.defineProperty(fresh, OPEN, { value: true });
      const identity = r.identity && typeof r.identity.principalId === 'string' ? { ...r.identity, principalId: this.newPrincipal(r.id) } : r.identity;
      this.byId.set(r.id.toLowerCase(), { ...r, properties: fresh, identity });
    }
  }

  /** The ReadOnly lock whose scope holds `id`, if any (locks are inherited by everything under their scope). */
  readOnlyLockOver(id: string): StoredResource | undefined {
    return this.all().find((r) => {
      const at = r.id.toLowerCase().lastIndexOf(LOCKS);
      return at > 0 && r.properties.level === 'ReadOnly' && isUnder(id, r.id.slice(0, at));
    });
  }

  private newPrincipal(id: string): string {
    return stableGuid('principal', id.toLowerCase(), String(this.serial++));
  }

  private newIdentityIds(id: string): ObjectValue {
    return { principalId: this.newPrincipal(id), clientId: stableGuid('client', id.toLowerCase(), String(this.serial++)), tenantId: this.tenantId };
  }

  /**
   * What the service adds to a PUT body: an identity's IDs; an account's automationHybridServiceUrl (read-only, REST
   * GET of the account); a webhook's URI, generated on create and kept by a PUT that gives none.
   */
  private generatedProperties(resource: Omit<StoredResource, 'preexisting'>, before: StoredResource | undefined): ObjectValue {
    const type = resource.type.toLowerCase();
    if (type === UAMI) return this.uamiProperties(resource.id, before);
    if (type === ACCOUNT) return { automationHybridServiceUrl: `https://${stableGuid('account', resource.id.toLowerCase())}.jrds.azure-automation.net/automationAccounts/${stableGuid('account', resource.id.toLowerCase())}` };
    if (type !== WEBHOOK) return {};
    const given = resource.properties.uri;
    if (typeof given === 'string' && given !== '') return {};
    const kept = before?.properties.uri;
    return { uri: typeof kept === 'string' && kept !== '' ? kept : `https://${stableGuid('webhook-host', resource.id.toLowerCase())}.webhook.azure-automation.net/webhooks?token=${stableGuid('webhook-token', resource.id.toLowerCase(), String(this.serial++))}` };
  }

  /** A user-assigned identity keeps its principal and client ID for its lifetime. */
  private uamiProperties(id: string, before: StoredResource | undefined): ObjectValue {
    const keep = (k: string): Value | undefined => before?.properties[k];
    if (typeof keep('principalId') === 'string') return { principalId: keep('principalId')!, clientId: keep('clientId')!, tenantId: this.tenantId };
    return this.newIdentityIds(id);
  }

  /** A system-assigned identity is created when enabled and keeps its principal until it is turned off. */
  private identityAfterPut(resource: Omit<StoredResource, 'preexisting'>, before: StoredResource | undefined): ObjectValue | undefined {
    const given = resource.identity;
    if (!given || typeof given.type !== 'string' || !/systemassigned/i.test(given.type)) return given;
    const kept = before?.identity?.principalId;
    return { ...given, principalId: typeof kept === 'string' ? kept : this.newPrincipal(resource.id), tenantId: this.tenantId };
  }
}

/**
 * Runtime properties an existing resource of a known type has (REST GET shapes): a vault's `vaultUri`, a key's
 * `keyUri` and `keyUriWithVersion` (learn.microsoft.com/rest/api/keyvault/keyvault/vaults/get, .../keys/get).
 */
function assumedProperties(type: string, id: string): ObjectValue {
  const names = id.split('/');
  if (sameText(type, 'Microsoft.KeyVault/vaults')) return { vaultUri: `https://${names.at(-1)}.vault.azure.net/` };
  if (sameText(type, 'Microsoft.KeyVault/vaults/keys')) {
    const keyUri = `https://${names.at(-3)}.vault.azure.net/keys/${names.at(-1)}`;
    return { keyUri, keyUriWithVersion: `${keyUri}/${stableGuid('key-version', id.toLowerCase()).replace(/-/g, '')}` };
  }
  return {};
}
