import { ref } from '../model/expr.js';
import type { TemplateOutput } from '../model/resolved.js';
import type { ResolveContext } from './context.js';
import { camelCase } from './names.js';
import type { ResolvedAccount } from './resolveAccount.js';
import type { ResolvedIdentity } from './resolveIdentities.js';

/**
 * Outputs the runbooks need: the account's ID, the system identity's principalId (when on) and, for
 * every user-assigned identity, its resource ID, principalId and clientId (the seed's runbooks sign in
 * with `Connect-AzAccount -Identity -AccountId <clientId>`).
 */
export function resolveOutputs(ctx: ResolveContext, account: ResolvedAccount, identities: ReadonlyMap<string, ResolvedIdentity>): TemplateOutput[] {
  const outputs: TemplateOutput[] = [
    { name: 'automationAccountName', type: 'string', value: account.name, description: 'Name of the Automation account.' },
    { name: 'automationAccountResourceId', type: 'string', value: ref(account.ref, 'id'), description: 'Resource ID of the Automation account.' },
  ];
  if (account.systemAssigned) {
    outputs.push({ name: 'systemAssignedPrincipalId', type: 'string', value: account.systemPrincipalId, description: "Object (principal) ID of the account's system-assigned identity." });
  }
  for (const identity of identities.values()) {
    const base = camelCase(identity.handle);
    outputs.push(
      { name: `${base}ResourceId`, type: 'string', value: ref(identity.ref, 'id'), description: `Resource ID of user-assigned identity '${identity.handle}'.` },
      { name: `${base}PrincipalId`, type: 'string', value: identity.principalId, description: `Object (principal) ID of user-assigned identity '${identity.handle}'.` },
      { name: `${base}ClientId`, type: 'string', value: identity.clientId, description: `Client ID of user-assigned identity '${identity.handle}' (Connect-AzAccount -Identity -AccountId).` },
    );
  }
  const seen = new Set<string>();
  for (const o of outputs) {
    if (seen.has(o.name.toLowerCase())) ctx.error('/identities', 'AG302', `two outputs would be named '${o.name}'; rename one of the identities`);
    seen.add(o.name.toLowerCase());
  }
  return outputs;
}
