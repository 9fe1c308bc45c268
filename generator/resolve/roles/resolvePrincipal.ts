import type { RoleAssignment } from '../../model/config.generated.js';
import { ref, str, type Expr } from '../../model/expr.js';
import type { ResourceRef } from '../../model/resourceRef.js';
import { didYouMean, suggestionHint } from '../../util/didYouMean.js';
import type { ResolveContext } from '../context.js';
import type { ResolvedIdentity } from '../resolveIdentities.js';

/** The principal side of an assignment: who gets the role. */
export interface Principal {
  /** `system`, an identity's config name, or `principal <id>` (for messages and duplicate detection). */
  readonly label: string;
  /** The identity's config name, when the principal is one of the account's identities. */
  readonly identity?: string;
  /**
   * Whether the principal ID is known when the deployment starts (a literal or a parameter). An identity's is
   * not (it is read with reference()), so its assignments go through a module, where it is.
   */
  readonly knownAtStart: boolean;
  /** A value known when the deployment starts that tells principals apart (an identity's resource ID, else the ID). */
  readonly seed: Expr;
  readonly principalId: Expr;
  /** The API's principalType; undefined lets Azure look it up. */
  readonly principalType?: Expr;
  /** The created resource the principal ID is read from, if this template creates it. */
  readonly dependency?: ResourceRef;
}

export interface PrincipalInput {
  readonly account: { readonly ref: ResourceRef; readonly systemAssigned: boolean; readonly systemPrincipalId: Expr };
  readonly attached: ReadonlySet<string>;
  readonly identities: ReadonlyMap<string, ResolvedIdentity>;
}

/**
 * `identity:` (the account's system identity or an attached user-assigned one) or `principalId:` (any principal,
 * with an optional principalType). Managed identities are service principals: saying so lets ARM skip the Entra
 * lookup that races replication of a just-created identity (PrincipalNotFound;
 * learn.microsoft.com/azure/role-based-access-control/role-assignments-template#principaltype).
 */
export function resolvePrincipal(ctx: ResolveContext, ra: RoleAssignment, pointer: string, input: PrincipalInput): Principal | undefined {
  if (ra.identity !== undefined && ra.principalId !== undefined) {
    ctx.error(pointer, 'AG200', 'give identity (one of the account\'s identities) or principalId (any principal), not both');
    return undefined;
  }
  if (ra.principalId !== undefined) {
    const id = typeof ra.principalId === 'string' ? str(ra.principalId.toLowerCase()) : ctx.useParam(ra.principalId, { pointer: `${pointer}/principalId/param`, type: 'string' });
    const label = typeof ra.principalId === 'string' ? `principal ${ra.principalId.toLowerCase()}` : `principal { param: ${ra.principalId.param} }`;
    return { label, knownAtStart: true, seed: id, principalId: id, ...(ra.principalType ? { principalType: str(ra.principalType) } : {}) };
  }
  if (ra.principalType !== undefined && ra.principalType !== 'ServicePrincipal') {
    ctx.error(`${pointer}/principalType`, 'AG200', `an identity is a ServicePrincipal, not a ${ra.principalType}; principalType applies to principalId`);
  }
  const handle = ra.identity!;
  const servicePrincipal = str('ServicePrincipal');
  if (handle === 'system') {
    if (!input.account.systemAssigned) {
      ctx.error(`${pointer}/identity`, 'AG306', `role assignment ${pointer.split('/').pop()} is for the system-assigned identity, which is off; set automationAccount.identity.systemAssigned: true`);
      return undefined;
    }
    const account = input.account.ref;
    return { label: 'system', identity: 'system', knownAtStart: false, seed: ref(account, 'id'), principalId: input.account.systemPrincipalId, principalType: servicePrincipal, dependency: account };
  }
  const identity = input.identities.get(handle);
  if (!identity) {
    const hint = suggestionHint(didYouMean(handle, ['system', ...input.identities.keys()]));
    ctx.error(`${pointer}/identity`, 'AG301', `unknown identity '${handle}'.${hint || ' Declare it under identities: and attach it to the account.'}`);
    return undefined;
  }
  if (!input.attached.has(handle)) {
    ctx.error(`${pointer}/identity`, 'AG306', `identity '${handle}' is not attached to the account; add it to automationAccount.identity.userAssigned`);
    return undefined;
  }
  return {
    label: handle,
    identity: handle,
    knownAtStart: false,
    seed: ref(identity.ref, 'id'),
    principalId: identity.principalId,
    principalType: servicePrincipal,
    ...(identity.ref.created ? { dependency: identity.ref } : {}),
  };
}
