import { WEBHOOK_EXPIRY_PARAMETER } from '../../resolve/resolveWebhooks.js';
import { expressionOf, importArg, importValue, paramName } from '../armValues.js';
import { isPlainObject } from '../importContext.js';
import { accountChildNames, isType, takeBase, type ResourceImporter } from './common.js';

const WEBHOOKS = 'Microsoft.Automation/automationAccounts/webhooks';

/**
 * A webhook (`webhooks[]`, resolve/resolveWebhooks.ts): its runbook, run-on group, parameters, expiry and URI. An
 * expiry from armgen's own `webhookExpiryTime` parameter is the default (left out); the URI is a secret and is taken
 * only as `[parameters('NAME')]` (without it Azure generates one).
 */
export const webhooks: ResourceImporter = {
  kind: 'webhook',
  claims: (r) => isType(r, WEBHOOKS),
  import(ctx, resource) {
    takeBase(ctx, resource, WEBHOOKS);
    const names = accountChildNames(ctx, resource, 1, 'a webhook');
    const properties = resource.object('properties');
    if (!names || !properties) return;
    const entry: Record<string, unknown> = { name: names[0] };
    const runbook = properties.object('runbook');
    const runbookName = runbook?.take('name');
    runbook?.finish("the webhook's runbook");
    if (typeof runbookName !== 'string' || expressionOf(runbookName)) ctx.refuse(properties.at('runbook'), "a webhook's runbook is imported as { name: <a literal runbook name> }");
    else entry.runbook = runbookName;
    if (properties.has('runOn')) entry.runOn = importArg(ctx, properties.take('runOn'), properties.at('runOn'), 'runOn');
    if (properties.has('parameters')) {
      const parameters = properties.take('parameters');
      if (!isPlainObject(parameters)) ctx.refuse(properties.at('parameters'), "a webhook's parameters are an object of runbook parameter values");
      else entry.parameters = parameters;
    }
    const enabled = properties.take('isEnabled');
    if (enabled !== true) entry.enabled = importValue(ctx, enabled ?? false, properties.at('isEnabled'), 'isEnabled');
    const expiry = properties.take('expiryTime');
    if (paramName(expressionOf(expiry)) !== WEBHOOK_EXPIRY_PARAMETER) entry.expiryTime = importValue(ctx, expiry, properties.at('expiryTime'), 'the expiry time');
    if (properties.has('uri')) {
      const uri = paramName(expressionOf(properties.take('uri')));
      if (uri === undefined) ctx.refuse(properties.at('uri'), "a webhook's URI is a secret: it is imported only as [parameters('NAME')] of a securestring parameter");
      else entry.uri = { param: uri };
    }
    properties.finish('the webhook properties');
    resource.finish('a webhook');
    ctx.push('webhooks', entry);
  },
};
