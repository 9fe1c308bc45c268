import { formatResourceId } from '../../azure/resourceId.js';
import { LOG_CATEGORIES } from '../../resolve/resolveLockAndDiagnostics.js';
import { canonicalString, expressionOf, importValue, resourceIdParts } from '../armValues.js';
import type { ConfigValue, Fields, ImportContext } from '../importContext.js';
import { isType, takeBase, type ResourceImporter } from './common.js';

const DIAGNOSTIC_SETTINGS = 'Microsoft.Insights/diagnosticSettings';
const DESTINATIONS = ['workspaceId', 'storageAccountId', 'eventHubAuthorizationRuleId'] as const;

/** armgen's default name: `<account name>-diagnosticSettings` (resolve/resolveLockAndDiagnostics.ts). */
function isDefaultName(ctx: ImportContext, name: unknown): boolean {
  const account = ctx.account!.name;
  const expected = account.startsWith('[') ? `[format('{0}-diagnosticSettings',${account.slice(1, -1)})]` : `${account}-diagnosticSettings`;
  return typeof name === 'string' && canonicalString(name).toLowerCase() === expected.toLowerCase();
}

/** A destination: a literal ID, `{ param }`, or `resourceId(sub, rg, type, name)` of literals written back as the literal ID. */
function destination(ctx: ImportContext, properties: Fields, key: string): ConfigValue | undefined {
  const value = properties.take(key);
  const parts = resourceIdParts(expressionOf(value));
  const literal = parts && [parts.subscriptionId, parts.resourceGroup, ...parts.names].every((a) => a === undefined || typeof a === 'string');
  if (parts && literal && parts.subscriptionId !== undefined) {
    return formatResourceId({ subscriptionId: parts.subscriptionId as string, resourceGroup: parts.resourceGroup as string, type: parts.type, names: parts.names as string[] });
  }
  return importValue(ctx, value, properties.at(key), key);
}

/** `[{ category, enabled: true }]` -> the category names, or undefined (refused) for another shape. */
function categories(ctx: ImportContext, properties: Fields, key: string): string[] | undefined {
  const list = properties.has(key) ? properties.take(key) : [];
  const ok = Array.isArray(list) && list.every((e) => typeof e === 'object' && e !== null && Object.keys(e).sort().join() === 'category,enabled' && (e as { enabled: unknown }).enabled === true && typeof (e as { category: unknown }).category === 'string');
  if (!ok) ctx.refuse(properties.at(key), `${key} is imported as a list of { category, enabled: true } (armgen sends the categories it names)`);
  return ok ? (list as { category: string }[]).map((e) => e.category) : undefined;
}

/** A diagnostic setting on the account (`diagnosticSettings[]`): its destinations, log categories and AllMetrics. */
export const diagnosticSettings: ResourceImporter = {
  kind: 'diagnostic setting',
  claims: (r) => isType(r, DIAGNOSTIC_SETTINGS),
  import(ctx, resource) {
    takeBase(ctx, resource, DIAGNOSTIC_SETTINGS);
    const scope = resource.take('scope');
    if (typeof scope !== 'string' || canonicalString(scope).toLowerCase() !== ctx.account?.id) {
      ctx.refuse(resource.at('scope'), 'a diagnostic setting is imported only on the Automation account');
      return;
    }
    const entry: Record<string, unknown> = {};
    const name = resource.take('name');
    if (!isDefaultName(ctx, name)) entry.name = importValue(ctx, name, resource.at('name'), 'the diagnostic setting name');
    const properties = resource.object('properties');
    if (!properties) return;
    for (const key of DESTINATIONS) if (properties.has(key)) entry[key] = destination(ctx, properties, key);
    for (const key of ['eventHubName', 'logAnalyticsDestinationType']) if (properties.has(key)) entry[key] = importValue(ctx, properties.take(key), properties.at(key), key);
    const logs = categories(ctx, properties, 'logs');
    if (logs && logs.join() !== LOG_CATEGORIES.join()) entry.logs = logs;
    const metrics = categories(ctx, properties, 'metrics');
    if (metrics && metrics.join() !== 'AllMetrics') entry.metrics = false;
    if (metrics && metrics.length > 0 && metrics.join() !== 'AllMetrics') ctx.refuse(properties.at('metrics'), 'metrics is imported as AllMetrics or none');
    properties.finish('the diagnostic setting properties');
    resource.finish('a diagnostic setting');
    ctx.push('diagnosticSettings', entry);
  },
};
