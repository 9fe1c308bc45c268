import { AUTOMATION_DOCS, DISABLE_LOCAL_AUTH_SINCE, WEBHOOK } from '../azure/automationAccess.js';
import { checkName, nameRules } from '../azure/naming.js';
import type { Webhook } from '../model/config.generated.js';
import { bool, call, fromJson, obj, param, str, type Expr } from '../model/expr.js';
import type { ResourceNode, TemplateParameter } from '../model/resolved.js';
import type { RunbookSummary, WebhookSummary } from '../model/summary.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import { childNode, childRef, secretParam, type AccountRef } from './children.js';
import type { ResolveContext, ValueCheck } from './context.js';
import { DATE_TIME_FORM, latestInstant } from './dateTimes.js';
import type { SymbolTable } from './names.js';
import type { ResolvedWorkerGroup } from './resolveHybridWorkers.js';
import { runOnGroup } from './runOn.js';
import type { ResolvedRunbook } from './resolveRunbooks.js';

const WEBHOOK_TYPE = 'Microsoft.Automation/automationAccounts/webhooks';
const ACCOUNT_TYPE = 'Microsoft.Automation/automationAccounts';

/** The string parameter that holds the expiry of every webhook that sets none. */
export const WEBHOOK_EXPIRY_PARAMETER = 'webhookExpiryTime';

export interface WebhookInput {
  readonly account: AccountRef;
  readonly runbooks: ReadonlyMap<string, ResolvedRunbook>;
  readonly runbookSummaries: readonly RunbookSummary[];
  readonly groups: ReadonlyMap<string, ResolvedWorkerGroup>;
  readonly now: Date | undefined;
}

/**
 * `webhooks:`. The URI never reaches a file in clear: without `uri` Azure generates it (and shows it only in the
 * response that creates the webhook); with `uri` it comes from a securestring parameter. The expiry defaults to a
 * parameter computed at deployment, one year ahead (the portal's default), so it is never already due; a fixed
 * expiry in the past is refused. Webhooks need local authentication on the account.
 */
export function resolveWebhooks(ctx: ResolveContext, symbols: SymbolTable, input: WebhookInput): { resources: ResourceNode[]; parameters: TemplateParameter[]; summaries: WebhookSummary[] } {
  const resources: ResourceNode[] = [];
  const summaries: WebhookSummary[] = [];
  const seen = new Set<string>();
  let usesDefaultExpiry = false;
  (ctx.config.webhooks ?? []).forEach((w, i) => {
    const pointer = `/webhooks/${i}`;
    const problem = checkName(nameRules.automationAsset, w.name);
    if (problem) ctx.error(`${pointer}/name`, 'AG300', problem);
    if (seen.has(w.name.toLowerCase())) {
      ctx.error(`${pointer}/name`, 'AG302', `webhook '${w.name}' is declared twice (names are case-insensitive)`);
      return;
    }
    seen.add(w.name.toLowerCase());
    const runbook = webhookRunbook(ctx, w, pointer, input);
    const group = w.runOn === undefined ? undefined : runOnGroup(ctx, w.runOn, `${pointer}/runOn`, input.groups);
    if (w.expiryTime === undefined) usesDefaultExpiry = true;
    const uri = w.uri === undefined ? undefined : secretParam(ctx, w.uri, `${pointer}/uri`, `the URI of webhook '${w.name}'`);
    if (!uri) {
      ctx.info(
        pointer,
        'AG801',
        `Azure generates the URI of webhook '${w.name}' and shows it only in the response that creates it (armgen writes no secret to an output), so nobody can call it afterwards. Either create the webhook first with New-AzAutomationWebhook or the portal and keep its URI (this template then keeps that URI), or, once the account exists, generate one (${WEBHOOK.generateUri}), store it in Key Vault and pass it with uri: { param: NAME } (${AUTOMATION_DOCS.webhooks})`,
      );
    }
    if (!runbook) return;
    const webhookRef = childRef(ctx, input.account.ref, WEBHOOK_TYPE, str(w.name), symbols.take(w.name, 'webhook'));
    resources.push(
      childNode(webhookRef, {
        properties: obj({
          isEnabled: bool(w.enabled ?? true),
          expiryTime: expiryOf(ctx, w, pointer, input.now),
          runbook: obj({ name: str(runbook.name) }),
          parameters: w.parameters === undefined ? undefined : fromJson(w.parameters),
          runOn: group ? str(group.name) : w.runOn === undefined ? undefined : str(w.runOn),
          uri,
        }),
        dependsOn: [runbook.ref, ...(group ? [group.ref] : [])],
      }),
    );
    summaries.push({ name: w.name, runbook: runbook.name, ...(w.runOn ? { runOn: group?.name ?? w.runOn } : {}), ...(w.uri ? { uriParameter: w.uri.param } : {}) });
  });
  if (seen.size > 0) checkLocalAuth(ctx, '/webhooks/0');
  return { resources, parameters: usesDefaultExpiry ? [expiryParameter(ctx)] : [], summaries };
}

/** The runbook the webhook starts: declared here, and not a Python one (webhooks cannot start those). */
function webhookRunbook(ctx: ResolveContext, w: Webhook, pointer: string, input: WebhookInput): ResolvedRunbook | undefined {
  const runbook = input.runbooks.get(w.runbook.toLowerCase());
  if (!runbook) {
    const hint = suggestionHint(didYouMean(w.runbook, [...input.runbooks.values()].map((r) => r.name)));
    ctx.error(`${pointer}/runbook`, 'AG301', `unknown runbook '${w.runbook}'.${hint || ' Declare it under runbooks:'}`);
    return undefined;
  }
  const type = input.runbookSummaries.find((s) => s.name === runbook.name)?.type;
  if (type !== undefined && WEBHOOK.unsupportedRunbookType.test(type)) {
    ctx.error(`${pointer}/runbook`, 'AG311', `runbook '${runbook.name}' is a ${type} runbook: "Using a webhook to start a Python runbook is not supported" (${AUTOMATION_DOCS.webhooks}); point the webhook at a PowerShell runbook`);
  }
  return runbook;
}

/** Why a fixed expiry cannot be used: not a date and time, or already past at `now`. */
function expiryProblem(value: unknown, shown: string, now: Date | undefined): string | undefined {
  const at = typeof value === 'string' ? latestInstant(value) : Number.NaN;
  if (typeof value !== 'string' || !DATE_TIME_FORM.test(value) || Number.isNaN(at)) return `${shown} is not a date and time (ISO 8601, e.g. 2027-06-30T00:00:00Z)`;
  if (!now || at > now.getTime()) return undefined;
  return `webhook expiry ${shown} is already past at ${now.toISOString()}: the webhook would be expired when created, and an expired webhook cannot be enabled again. Give a later time, or remove expiryTime to expire one year after each deployment (parameter ${WEBHOOK_EXPIRY_PARAMETER})`;
}

function expiryOf(ctx: ResolveContext, w: Webhook, pointer: string, now: Date | undefined): Expr {
  if (w.expiryTime === undefined) return param(WEBHOOK_EXPIRY_PARAMETER);
  if (typeof w.expiryTime === 'string') {
    const problem = expiryProblem(w.expiryTime, w.expiryTime, now);
    if (problem) ctx.error(`${pointer}/expiryTime`, 'AG308', problem);
    return str(w.expiryTime);
  }
  const check: ValueCheck = { code: 'AG308', problem: (value, shown) => expiryProblem(value, shown, now) };
  return ctx.useParam(w.expiryTime, { pointer: `${pointer}/expiryTime/param`, type: 'string', check });
}

/** One year after each deployment: the portal's default, never due at creation; a redeployment extends it. */
function expiryParameter(ctx: ResolveContext): TemplateParameter {
  if (ctx.config.parameters && Object.hasOwn(ctx.config.parameters, WEBHOOK_EXPIRY_PARAMETER)) {
    ctx.error(`/parameters/${WEBHOOK_EXPIRY_PARAMETER}`, 'AG302', `'${WEBHOOK_EXPIRY_PARAMETER}' is the parameter armgen adds for webhooks without expiryTime; rename yours, or use it explicitly with expiryTime: { param: ${WEBHOOK_EXPIRY_PARAMETER} } on every webhook`);
  }
  return {
    name: WEBHOOK_EXPIRY_PARAMETER,
    type: 'string',
    description: 'Expiry of the webhooks that set none (ISO 8601). Default: one year after the deployment, as in the portal; each redeployment extends it (allowed while a webhook has not expired).',
    defaultValue: call('dateTimeAdd', call('utcNow', str('u')), str(WEBHOOK.defaultLifetime)),
  };
}

/**
 * "Starting a runbook using a webhook" is among the features that disabling local authentication stops
 * (disable-local-authentication, Compatibility), and armgen's default is disableLocalAuth: true: an error, since the
 * webhook could never be called. A parameter is checked on every value it can take.
 */
function checkLocalAuth(ctx: ResolveContext, firstWebhook: string): void {
  if (ctx.api(ACCOUNT_TYPE) < DISABLE_LOCAL_AUTH_SINCE) return;
  const setting = ctx.config.automationAccount.disableLocalAuth;
  const problem = `the account disables local authentication, and webhooks use it: "Starting a runbook using a webhook" is among the features disableLocalAuth: true stops (${AUTOMATION_DOCS.disableLocalAuth}). Set automationAccount.disableLocalAuth: false to call webhooks, or start the runbook through Azure Resource Manager (Entra authentication) instead of a webhook`;
  if (setting === undefined) ctx.error(firstWebhook, 'AG311', `${problem} (disableLocalAuth is true by default)`);
  else if (setting === true) ctx.error('/automationAccount/disableLocalAuth', 'AG311', problem);
  else if (typeof setting === 'object') {
    ctx.useParam(setting, { pointer: '/automationAccount/disableLocalAuth/param', type: 'bool', check: { code: 'AG311', problem: (value) => (value === true ? problem : undefined) } });
  }
}
