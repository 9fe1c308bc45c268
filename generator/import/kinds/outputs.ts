import { canonicalString, idKey, resourceIdParts, expressionOf } from '../armValues.js';
import { Fields, isPlainObject, type ImportContext } from '../importContext.js';

/** Outputs armgen writes for the account and every identity (resolve/resolveOutputs.ts). */
const ACCOUNT_OUTPUTS = new Set(['automationAccountName', 'automationAccountResourceId', 'systemAssignedPrincipalId']);
const IDENTITY_OUTPUT = /^(.+)(ResourceId|PrincipalId|ClientId)$/;

/** Before the resources: the identity handles armgen chose, from `<handle>ResourceId` outputs. */
export function scanOutputHandles(ctx: ImportContext, outputs: unknown): void {
  if (!isPlainObject(outputs)) return;
  for (const [name, output] of Object.entries(outputs)) {
    const m = IDENTITY_OUTPUT.exec(name);
    if (!m || m[2] !== 'ResourceId' || !isPlainObject(output)) continue;
    const parts = resourceIdParts(expressionOf(output.value));
    if (parts?.type.toLowerCase() === 'microsoft.managedidentity/userassignedidentities') ctx.outputHandles.set(idKey(output.value)!, m[1]!);
  }
}

/**
 * Outputs: armgen writes its own (the account's name and ID, the system identity's principal, each identity's ID,
 * principal and client ID), so those are recognised by name and re-rendered; any other output is refused.
 */
export function importOutputs(ctx: ImportContext, template: Fields): void {
  const outputs = template.object('outputs');
  if (!outputs) return;
  const handles = new Set([...ctx.identities.values()].map((i) => i.handle));
  for (const name of Object.keys(outputs.value)) {
    const m = IDENTITY_OUTPUT.exec(name);
    if (ACCOUNT_OUTPUTS.has(name) || (m && handles.has(m[1]!))) {
      outputs.take(name);
      continue;
    }
    const value = (outputs.value[name] as { value?: unknown } | undefined)?.value;
    ctx.refuse(outputs.at(name), `output '${name}'${typeof value === 'string' ? ` (${canonicalString(value)})` : ''} has no armgen equivalent: armgen writes its own outputs (the account's name and ID, each identity's resource, principal and client ID)`);
    outputs.take(name);
  }
}
