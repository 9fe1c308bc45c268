import { findBuiltinRole, findBuiltinRoleById, suggestBuiltinRoles } from '../../azure/roles/builtinRoles.js';
import { GUID, parseResourceId } from '../../azure/resourceId.js';
import { call, str, type Expr } from '../../model/expr.js';
import { suggestionHint } from '../../util/didYouMean.js';
import type { ResolveContext } from '../context.js';

const ROLE_DEFINITIONS = 'Microsoft.Authorization/roleDefinitions';

export interface ResolvedRole {
  /** The role definition GUID, lower case. */
  readonly guid: string;
  /** The built-in role's display name, when it is one. */
  readonly name?: string;
  readonly privileged: boolean;
  /**
   * The role definition ID as the subscription that evaluates it sees it (or a given subscription):
   * `subscriptionResourceId([sub], 'Microsoft.Authorization/roleDefinitions', guid)`.
   */
  readonly definitionId: (subscriptionId: Expr | undefined) => Expr;
}

/**
 * A role by built-in name (or alias), GUID, or role definition ID. A full ID of a built-in role is normalised to
 * its GUID (built-in IDs are the same in every subscription), so two spellings of one role are one role; a full ID
 * of a custom role is kept as given: the role may exist only in the subscription it names.
 */
export function resolveRole(ctx: ResolveContext, text: string, pointer: string): ResolvedRole | undefined {
  const inSubscription = (guid: string) => (sub: Expr | undefined) => call('subscriptionResourceId', ...(sub ? [sub] : []), str(ROLE_DEFINITIONS), str(guid));
  const builtin = findBuiltinRole(text) ?? (GUID.test(text) ? findBuiltinRoleById(text) : undefined);
  if (builtin) return { guid: builtin.id, name: builtin.name, privileged: builtin.privileged ?? false, definitionId: inSubscription(builtin.id) };
  if (GUID.test(text)) return { guid: text.toLowerCase(), privileged: false, definitionId: inSubscription(text.toLowerCase()) };
  const parsed = parseResourceId(text);
  const guid = parsed?.type?.toLowerCase() === ROLE_DEFINITIONS.toLowerCase() && parsed.resourceGroup === undefined && parsed.names.length === 1 && GUID.test(parsed.names[0]!) ? parsed.names[0]!.toLowerCase() : undefined;
  if (guid) {
    const known = findBuiltinRoleById(guid);
    if (known) return { guid, name: known.name, privileged: known.privileged ?? false, definitionId: inSubscription(guid) };
    const given = str(parsed!.subscriptionId ? `/subscriptions/${parsed!.subscriptionId}/providers/${ROLE_DEFINITIONS}/${guid}` : `/providers/${ROLE_DEFINITIONS}/${guid}`);
    return { guid, privileged: false, definitionId: () => given };
  }
  const hint = suggestionHint(suggestBuiltinRoles(text));
  ctx.error(pointer, 'AG305', `unknown role ${JSON.stringify(text)}: not a built-in role name, a role definition GUID or a role definition ID.${hint}`);
  return undefined;
}
