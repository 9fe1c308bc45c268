/**
 * Azure resource IDs: the one parser and printer armgen uses.
 *
 * Grammar (learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource#resourceid):
 *   /subscriptions/{guid}[/resourceGroups/{group}][/providers/{namespace}/{type}/{name}[/{type}/{name}]...]
 *   /providers/{namespace}/{type}/{name}...                 (tenant-level, e.g. role definitions)
 * ARM treats IDs case-insensitively ("Resource IDs are case-insensitive", resource-name-rules.md), so the
 * keywords `subscriptions`, `resourceGroups` and `providers` are matched in any case; the printer always writes
 * the canonical spelling. Names keep the case they were written in.
 */
export interface ParsedResourceId {
  readonly subscriptionId?: string;
  readonly resourceGroup?: string;
  /** The resource's type (`Microsoft.KeyVault/vaults`, `Microsoft.EventHub/namespaces/authorizationRules`); absent for a group or subscription. */
  readonly type?: string;
  /** Name segments, one per type segment after the namespace (`['ns', 'rule']`). */
  readonly names: readonly string[];
}

/** A GUID in any letter case (subscription IDs, role definition IDs, principal IDs). */
export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * Parse a resource ID, or undefined when the text is not one (no empty segment, a GUID subscription, a
 * namespace with a dot, type and name segments in pairs).
 */
export function parseResourceId(text: string): ParsedResourceId | undefined {
  if (!text.startsWith('/') || text.endsWith('/')) return undefined;
  const seg = text.slice(1).split('/');
  if (seg.some((s) => s === '')) return undefined;
  let i = 0;
  let subscriptionId: string | undefined;
  let resourceGroup: string | undefined;
  if (seg[i]?.toLowerCase() === 'subscriptions') {
    subscriptionId = seg[i + 1];
    if (subscriptionId === undefined || !GUID.test(subscriptionId)) return undefined;
    i += 2;
    if (seg[i]?.toLowerCase() === 'resourcegroups') {
      resourceGroup = seg[i + 1];
      if (resourceGroup === undefined) return undefined;
      i += 2;
    }
  }
  if (i === seg.length) return subscriptionId === undefined ? undefined : { subscriptionId, ...(resourceGroup ? { resourceGroup } : {}), names: [] };
  if (seg[i]?.toLowerCase() !== 'providers') return undefined;
  const namespace = seg[i + 1];
  const rest = seg.slice(i + 2);
  if (namespace === undefined || !namespace.includes('.') || rest.length === 0 || rest.length % 2 !== 0) return undefined;
  const types = rest.filter((_, j) => j % 2 === 0);
  const names = rest.filter((_, j) => j % 2 === 1);
  return {
    ...(subscriptionId ? { subscriptionId } : {}),
    ...(resourceGroup ? { resourceGroup } : {}),
    type: [namespace, ...types].join('/'),
    names,
  };
}

/** The canonical text of a parsed ID (keywords in Azure's spelling). */
export function formatResourceId(id: ParsedResourceId): string {
  let out = '';
  if (id.subscriptionId !== undefined) out += `/subscriptions/${id.subscriptionId}`;
  if (id.resourceGroup !== undefined) out += `/resourceGroups/${id.resourceGroup}`;
  if (id.type !== undefined) {
    const [namespace, ...types] = id.type.split('/');
    out += `/providers/${namespace}`;
    types.forEach((t, j) => (out += `/${t}/${id.names[j] ?? ''}`));
  }
  return out;
}

/** A comparison key: IDs that Azure treats as the same resource get the same key. */
export function resourceIdKey(id: ParsedResourceId): string {
  return formatResourceId(id).toLowerCase();
}
