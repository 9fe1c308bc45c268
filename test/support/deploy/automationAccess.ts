/**
 * Webhooks and hybrid runbook workers as the Automation service keeps them:
 *  - a webhook's URI is set once: a PUT without `uri` keeps the stored one (or, on create, the service generates
 *    one), a PUT with the same URI changes nothing, a PUT with another URI fails with "Property 'uri' cannot be
 *    updated" (Azure/azure-powershell#7688: New-AzAutomationWebhook over an existing webhook);
 *  - a webhook whose expiryTime is not after the deployment is expired when created ("Expiration date of the webhook,
 *    after which it can no longer be used", learn.microsoft.com/azure/automation/automation-webhooks; AVM's default
 *    utcNow() does this, AZURE-NOTES §1 row 19): stored, reported as a hazard;
 *  - a machine is registered once per account: "A selected machine won't be added to a hybrid worker group if it is
 *    already part of another hybrid worker group" (extension-based-hybrid-runbook-worker-install); the docs'
 *    newGuid() worker names register the same machine again under a new name on every redeployment.
 */
import type { AzureState } from './azureState.js';
import type { PutRequest } from './putRules.js';
import { violation, type Violation } from './rules.js';
import { parseDate } from './time.js';
import { EvaluationError, sameText } from './values.js';

const WORKERS = 'Microsoft.Automation/automationAccounts/hybridRunbookWorkerGroups/hybridRunbookWorkers';

/** A webhook PUT: refused when it changes the URI; a hazard (stored) when it is already expired. */
export function putWebhook(put: PutRequest, state: AzureState): { refused?: Violation; hazard?: Violation } {
  const { resource, properties } = put;
  const before = state.get(resource.id);
  const given = typeof properties.uri === 'string' && properties.uri !== '' ? properties.uri : undefined;
  const stored = typeof before?.properties.uri === 'string' ? before.properties.uri : undefined;
  if (given !== undefined && stored !== undefined && given !== stored) {
    return { refused: violation('webhook-uri-immutable', resource.at, resource.label, "the webhook exists with another URI: \"Property 'uri' cannot be updated\"; a new URI needs a new webhook name") };
  }
  const expiry = properties.expiryTime;
  if (typeof expiry !== 'string') return {};
  let at: Date;
  try {
    at = parseDate(expiry);
  } catch (err) {
    if (err instanceof EvaluationError) return { refused: violation('webhook-expired-at-creation', resource.at, resource.label, `expiryTime '${expiry}' is not a date`) };
    throw err;
  }
  if (at.getTime() > put.ctx.time.getTime()) return {};
  return { hazard: violation('webhook-expired-at-creation', resource.at, resource.label, `expiryTime ${expiry} is not after this deployment (${put.ctx.time.toISOString()}): the webhook is expired, and cannot be enabled again`) };
}

/** A worker PUT: refused when its machine is registered under another worker name of the same account. */
export function putHybridWorker(put: PutRequest, state: AzureState): Violation | undefined {
  const { resource, properties } = put;
  const machine = properties.vmResourceId;
  if (typeof machine !== 'string') return undefined;
  const account = resource.id.split('/hybridRunbookWorkerGroups/')[0]!.toLowerCase();
  const other = state
    .all()
    .find((r) => sameText(r.type, WORKERS) && r.id.toLowerCase() !== resource.id.toLowerCase() && r.id.toLowerCase().startsWith(`${account}/`) && sameText(String(r.properties.vmResourceId), machine));
  if (!other) return undefined;
  return violation('hybrid-worker-machine-registered', resource.at, resource.label, `${machine} is already registered as worker ${other.id.split('/').slice(-3).join('/')}`);
}
