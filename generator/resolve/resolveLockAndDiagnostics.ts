import { arr, bool, call, obj, str, type Expr } from '../arm/expr.js';
import type { StringOrParam } from '../model/config.generated.js';
import type { ArmResource, Dependency } from '../model/resolved.js';
import { ACCOUNT_SYMBOL, uniqueDependencies, type AccountRef } from './children.js';
import type { ResolveContext } from './context.js';
import type { SymbolTable } from './names.js';

const LOCK_TYPE = 'Microsoft.Authorization/locks';
const DIAGNOSTIC_TYPE = 'Microsoft.Insights/diagnosticSettings';
/** The Automation log categories (learn.microsoft.com, "Supported logs for Microsoft.Automation/automationAccounts"). */
export const LOG_CATEGORIES = ['AuditEvent', 'DscNodeStatus', 'JobLogs', 'JobStreams'] as const;

const DESTINATIONS: readonly { key: 'workspaceId' | 'storageAccountId' | 'eventHubAuthorizationRuleId'; type: RegExp; what: string }[] = [
  { key: 'workspaceId', type: /^Microsoft\.OperationalInsights\/workspaces\/[^/]+$/i, what: 'Log Analytics workspace' },
  { key: 'storageAccountId', type: /^Microsoft\.Storage\/storageAccounts\/[^/]+$/i, what: 'storage account' },
  { key: 'eventHubAuthorizationRuleId', type: /^Microsoft\.EventHub\/namespaces\/[^/]+\/authorizationRules\/[^/]+$/i, what: 'Event Hubs namespace authorization rule' },
];
const RESOURCE_ID = /^\/subscriptions\/([0-9a-fA-F-]{36})\/resourceGroups\/([^/]+)\/providers\/(.+)$/;

/**
 * `diagnosticSettings:` -> extension resources on the account (`scope` = the account): logs of the chosen
 * categories (default: all four) and AllMetrics (default on), to at least one destination.
 */
export function resolveDiagnosticSettings(ctx: ResolveContext, symbols: SymbolTable, account: AccountRef): ArmResource[] {
  const resources: ArmResource[] = [];
  const names = new Map<string, string>();
  (ctx.config.diagnosticSettings ?? []).forEach((d, i) => {
    const pointer = `/diagnosticSettings/${i}`;
    const name = d.name === undefined ? defaultName(account.name, '{0}-diagnosticSettings') : str(d.name);
    const key = d.name?.toLowerCase() ?? '';
    if (names.has(key)) {
      ctx.error(`${pointer}${d.name === undefined ? '' : '/name'}`, 'AG302', `two diagnostic settings would be named ${d.name === undefined ? 'by default' : `'${d.name}'`} (also ${names.get(key)}); give each a name`);
      return;
    }
    names.set(key, pointer);
    const destinations: Record<string, Expr | undefined> = {};
    for (const dest of DESTINATIONS) {
      const value = d[dest.key];
      if (value === undefined) continue;
      destinations[dest.key] = idValue(ctx, value, `${pointer}/${dest.key}`, dest.type, dest.what);
    }
    if (Object.keys(destinations).length === 0) {
      ctx.error(pointer, 'AG200', 'a diagnostic setting needs at least one destination: workspaceId, storageAccountId or eventHubAuthorizationRuleId');
    }
    if (d.eventHubName !== undefined && d.eventHubAuthorizationRuleId === undefined) {
      ctx.error(`${pointer}/eventHubName`, 'AG200', 'eventHubName needs eventHubAuthorizationRuleId');
    }
    if (d.logAnalyticsDestinationType !== undefined && d.workspaceId === undefined) {
      ctx.error(`${pointer}/logAnalyticsDestinationType`, 'AG200', 'logAnalyticsDestinationType applies only with workspaceId');
    }
    const logs = d.logs ?? LOG_CATEGORIES;
    const metrics = d.metrics ?? true;
    if (logs.length === 0 && !metrics) ctx.error(pointer, 'AG200', 'nothing to send: logs is empty and metrics is false');
    resources.push({
      kind: 'child',
      symbol: symbols.take(d.name ?? 'diagnostic-settings'),
      type: DIAGNOSTIC_TYPE,
      apiVersion: ctx.api(DIAGNOSTIC_TYPE),
      name,
      scope: account.id,
      properties: obj({
        workspaceId: destinations.workspaceId,
        logAnalyticsDestinationType: d.logAnalyticsDestinationType === undefined ? undefined : str(d.logAnalyticsDestinationType),
        storageAccountId: destinations.storageAccountId,
        eventHubAuthorizationRuleId: destinations.eventHubAuthorizationRuleId,
        eventHubName: d.eventHubName === undefined ? undefined : ctx.stringValue(d.eventHubName, `${pointer}/eventHubName`),
        logs: arr(logs.map((category) => obj({ category: str(category), enabled: bool(true) }))),
        metrics: metrics ? arr([obj({ category: str('AllMetrics'), enabled: bool(true) })]) : undefined,
      }),
      dependsOn: [account.dependency],
    });
  });
  return resources;
}

/**
 * `lock:` -> a `Microsoft.Authorization/locks` extension resource on the account. It waits for every
 * child of the account (and theirs), so a ReadOnly lock never races their writes (AVM's lock depends on the
 * account only).
 */
export function resolveLock(ctx: ResolveContext, symbols: SymbolTable, account: AccountRef, others: readonly ArmResource[]): ArmResource | undefined {
  const lock = ctx.config.lock;
  if (!lock) return undefined;
  const notes = lock.notes ?? (lock.level === 'CanNotDelete' ? 'Cannot delete resource or child resources.' : 'Cannot delete or modify the resource or child resources.');
  return {
    kind: 'child',
    symbol: symbols.take('account', 'lock'),
    type: LOCK_TYPE,
    apiVersion: ctx.api(LOCK_TYPE),
    name: lock.name === undefined ? defaultName(account.name, 'lock-{0}') : str(lock.name),
    scope: account.id,
    properties: obj({ level: str(lock.level), notes: str(notes) }),
    dependsOn: uniqueDependencies([account.dependency, ...underAccount(account, others)]),
  };
}

/** dependsOn entries for the resources that live under the account: its children and theirs. */
function underAccount(account: AccountRef, resources: readonly ArmResource[]): Dependency[] {
  const shortBySymbol = new Map<string, { type: string; names: Expr[] }>();
  const out: Dependency[] = [];
  for (const r of resources) {
    if (r.kind === 'child' && r.parent?.symbol === ACCOUNT_SYMBOL) {
      shortBySymbol.set(r.symbol, { type: r.type, names: [r.parent.name] });
      out.push({ arm: call('resourceId', str(r.type), account.name, r.parent.name), symbol: r.symbol });
    } else if (r.kind === 'child' && r.parent && shortBySymbol.has(r.parent.symbol)) {
      const names = [...shortBySymbol.get(r.parent.symbol)!.names, r.parent.name];
      shortBySymbol.set(r.symbol, { type: r.type, names });
      out.push({ arm: call('resourceId', str(r.type), account.name, ...names), symbol: r.symbol });
    }
    // Extension resources on the account (role assignments, diagnostic settings) are not listed: their only
    // dependsOn form is extensionResourceId(...), which `bicep decompile` cannot map to a symbol.
  }
  return out;
}

function defaultName(accountName: Expr, pattern: string): Expr {
  if (accountName.k === 'str') return str(pattern.replace('{0}', accountName.v));
  return call('format', str(pattern), accountName);
}

/**
 * A destination ID. A literal one is checked and written as `resourceId(sub, group, type, names...)`, the
 * form arm-ttk and armgen's lint expect (IDs-Should-Be-Derived-From-ResourceIDs); a parameter is used as given.
 */
function idValue(ctx: ResolveContext, value: StringOrParam, pointer: string, type: RegExp, what: string): Expr {
  if (typeof value !== 'string') return ctx.stringValue(value, pointer);
  const m = RESOURCE_ID.exec(value);
  if (!m || !type.test(m[3]!)) {
    ctx.error(pointer, 'AG308', `${JSON.stringify(value)} is not a ${what} resource ID (/subscriptions/<guid>/resourceGroups/<group>/providers/...)`);
    return str(value);
  }
  const segments = m[3]!.split('/');
  const namespace = segments.shift()!;
  const types: string[] = [];
  const names: string[] = [];
  segments.forEach((seg, i) => (i % 2 === 0 ? types : names).push(seg));
  return call('resourceId', str(m[1]!), str(m[2]!), str([namespace, ...types].join('/')), ...names.map(str));
}
