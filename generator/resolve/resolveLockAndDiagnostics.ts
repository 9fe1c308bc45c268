import type { StringOrParam } from '../model/config.generated.js';
import { arr, bool, interp, obj, str, type Expr } from '../model/expr.js';
import { createdRef, type ResourceRef } from '../model/resourceRef.js';
import type { ResourceNode, TemplateNode } from '../model/resolved.js';
import type { AccountRef } from './children.js';
import type { ResolveContext } from './context.js';
import { givenResourceId } from './givenIds.js';
import { lockNode } from './locks.js';
import type { SymbolTable } from './names.js';

const DIAGNOSTIC_TYPE = 'Microsoft.Insights/diagnosticSettings';
/** The Automation log categories (learn.microsoft.com, "Supported logs for Microsoft.Automation/automationAccounts"). */
export const LOG_CATEGORIES = ['AuditEvent', 'DscNodeStatus', 'JobLogs', 'JobStreams'] as const;

const DESTINATIONS: readonly { key: 'workspaceId' | 'storageAccountId' | 'eventHubAuthorizationRuleId'; type: string; what: string }[] = [
  { key: 'workspaceId', type: 'Microsoft.OperationalInsights/workspaces', what: 'Log Analytics workspace' },
  { key: 'storageAccountId', type: 'Microsoft.Storage/storageAccounts', what: 'storage account' },
  { key: 'eventHubAuthorizationRuleId', type: 'Microsoft.EventHub/namespaces/authorizationRules', what: 'Event Hubs namespace authorization rule' },
];

/**
 * `diagnosticSettings:` -> extension resources on the account (`scope` = the account): logs of the chosen
 * categories (default: all four) and AllMetrics (default on), to at least one destination.
 */
export function resolveDiagnosticSettings(ctx: ResolveContext, symbols: SymbolTable, account: AccountRef): ResourceNode[] {
  const resources: ResourceNode[] = [];
  const names = new Map<string, string>();
  (ctx.config.diagnosticSettings ?? []).forEach((d, i) => {
    const pointer = `/diagnosticSettings/${i}`;
    const name = d.name === undefined ? defaultName(account.name, '', '-diagnosticSettings') : str(d.name);
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
      kind: 'resource',
      ref: createdRef({ symbol: symbols.take(d.name ?? 'diagnostic-settings'), type: DIAGNOSTIC_TYPE, apiVersion: ctx.api(DIAGNOSTIC_TYPE), name, extensionOf: account.ref }),
      properties: obj({
        workspaceId: destinations.workspaceId,
        logAnalyticsDestinationType: d.logAnalyticsDestinationType === undefined ? undefined : str(d.logAnalyticsDestinationType),
        storageAccountId: destinations.storageAccountId,
        eventHubAuthorizationRuleId: destinations.eventHubAuthorizationRuleId,
        eventHubName: d.eventHubName === undefined ? undefined : ctx.stringValue(d.eventHubName, `${pointer}/eventHubName`),
        logs: arr(logs.map((category) => obj({ category: str(category), enabled: bool(true) }))),
        metrics: metrics ? arr([obj({ category: str('AllMetrics'), enabled: bool(true) })]) : undefined,
      }),
      dependsOn: [account.ref],
    });
  });
  return resources;
}

/**
 * `lock:` -> a `Microsoft.Authorization/locks` extension resource on the account, after everything under it
 * (locks.ts). A ReadOnly lock on the account also stops its runbooks from starting when it is on their group.
 */
export function resolveLock(ctx: ResolveContext, symbols: SymbolTable, account: AccountRef, others: readonly TemplateNode[], alsoAfter: readonly ResourceRef[] = []): ResourceNode | undefined {
  const lock = ctx.config.lock;
  if (!lock) return undefined;
  return lockNode(
    ctx,
    {
      lock,
      pointer: '/lock',
      scope: account.ref,
      scopeName: account.name,
      symbol: symbols.take('account', 'lock'),
      readOnlyBlocks: 'the account, so the next deployment of this template fails, role assignments on the account cannot be made, and runbooks in a ReadOnly-locked group cannot start',
      alsoAfter,
    },
    others,
  );
}

function defaultName(accountName: Expr, before: string, after: string): Expr {
  return interp(before, accountName, after);
}

/** A destination ID: a literal is checked and written as `resourceId(...)`, a parameter used as given (givenIds.ts). */
function idValue(ctx: ResolveContext, value: StringOrParam, pointer: string, type: string, what: string): Expr {
  return givenResourceId(ctx, value, pointer, { type, what })?.id ?? str(typeof value === 'string' ? value : '');
}
