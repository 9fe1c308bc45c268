import { AUTOMATION_DOCS, SOURCE_CONTROL } from '../azure/automationAccess.js';
import { checkName, nameRules } from '../azure/naming.js';
import type { SourceControl, StringOrParam } from '../model/config.generated.js';
import { bool, interp, obj, str, type Expr } from '../model/expr.js';
import type { ResourceRef } from '../model/resourceRef.js';
import type { ResourceNode } from '../model/resolved.js';
import type { SourceControlSummary } from '../model/summary.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import { childNode, childRef, secretParam, type AccountRef } from './children.js';
import type { ResolveContext, ValueCheck } from './context.js';
import type { SymbolTable } from './names.js';
import type { ResolvedIdentity } from './resolveIdentities.js';
import type { ResolvedAssignment } from './resolveRoleAssignments.js';

const SOURCE_CONTROL_TYPE = 'Microsoft.Automation/automationAccounts/sourceControls';
const VARIABLE_TYPE = 'Microsoft.Automation/automationAccounts/variables';
/** Scopes (RoleTarget keys) that contain the account: the account, the deployment's group and subscription. */
const COVERING_SCOPES = new Set(['account', 'rg:(deployment)', 'sub:(deployment)']);

export interface SourceControlInput {
  readonly account: AccountRef;
  readonly identities: ReadonlyMap<string, ResolvedIdentity>;
  readonly assignments: readonly ResolvedAssignment[];
}

export interface SourceControlResolution {
  /** The identity variable (when a user-assigned identity syncs) and the source controls. */
  readonly resources: readonly ResourceNode[];
  /** Variable names armgen adds, by lower-cased name, for collision checks with `variables:`. */
  readonly reservedVariables: ReadonlyMap<string, string>;
  readonly summaries: readonly SourceControlSummary[];
}

/**
 * `sourceControls:`. The token is taken only from securestring parameters. The sync runs as the account's managed
 * identity: the system-assigned one, or the user-assigned one the AUTOMATION_SC_USER_ASSIGNED_IDENTITY_ID variable
 * names (one per account, so every source control syncs as the same identity), which needs Contributor on the account.
 */
export function resolveSourceControls(ctx: ResolveContext, symbols: SymbolTable, input: SourceControlInput): SourceControlResolution {
  const list = ctx.config.sourceControls ?? [];
  const resources: ResourceNode[] = [];
  const summaries: SourceControlSummary[] = [];
  const seen = new Set<string>();
  const syncIdentity = list.length > 0 ? resolveSyncIdentity(ctx, symbols, input, list) : undefined;
  if (syncIdentity?.variable) resources.push(syncIdentity.variable);
  list.forEach((sc, i) => {
    const pointer = `/sourceControls/${i}`;
    const problem = checkName(nameRules.sourceControl, sc.name);
    if (problem) ctx.error(`${pointer}/name`, 'AG300', problem);
    if (seen.has(sc.name.toLowerCase())) {
      ctx.error(`${pointer}/name`, 'AG302', `source control '${sc.name}' is declared twice (names are case-insensitive)`);
      return;
    }
    seen.add(sc.name.toLowerCase());
    const branch = branchOf(ctx, sc, pointer);
    const repoUrl = limitedString(ctx, sc.repoUrl, `${pointer}/repoUrl`, { max: SOURCE_CONTROL.limits.repoUrl, https: true });
    const token = sc.securityToken;
    const ref = childRef(ctx, input.account.ref, SOURCE_CONTROL_TYPE, str(sc.name), symbols.take(sc.name, 'source', 'control'));
    resources.push(
      childNode(ref, {
        properties: obj({
          repoUrl,
          branch,
          folderPath: str(sc.folderPath),
          autoSync: bool(sc.autoSync ?? false),
          publishRunbook: bool(sc.publishRunbook ?? true),
          sourceType: str(sc.sourceType),
          securityToken: obj({
            accessToken: secretParam(ctx, token.accessToken, `${pointer}/securityToken/accessToken`, `the access token of source control '${sc.name}'`),
            refreshToken: token.refreshToken === undefined ? undefined : secretParam(ctx, token.refreshToken, `${pointer}/securityToken/refreshToken`, `the refresh token of source control '${sc.name}'`),
            tokenType: str(token.tokenType ?? 'PersonalAccessToken'),
          }),
          description: str(sc.description),
        }),
        dependsOn: syncIdentity?.variable ? [syncIdentity.variable.ref] : [],
      }),
    );
    summaries.push({ name: sc.name, sourceType: sc.sourceType, repoUrl, ...(branch ? { branch } : {}), folderPath: sc.folderPath, syncsAs: syncIdentity?.label ?? 'system' });
  });
  const reservedVariables = new Map<string, string>(syncIdentity?.variable ? [[SOURCE_CONTROL.userAssignedIdentityVariable.toLowerCase(), syncIdentity.pointer]] : []);
  return { resources, reservedVariables, summaries };
}

/** GitHub and Azure DevOps Git sync one branch; "Branch targeting isn't available for the TFVC source control type". */
function branchOf(ctx: ResolveContext, sc: SourceControl, pointer: string): Expr | undefined {
  if (sc.sourceType === 'VsoTfvc') {
    if (sc.branch !== undefined) ctx.error(`${pointer}/branch`, 'AG200', `a VsoTfvc source control has no branch ("Branch targeting isn't available for the TFVC source control type", ${AUTOMATION_DOCS.sourceControl}); remove branch`);
    return undefined;
  }
  if (sc.branch === undefined) {
    ctx.error(pointer, 'AG200', `source control '${sc.name}' (${sc.sourceType}) needs branch: the branch to sync from`);
    return undefined;
  }
  return limitedString(ctx, sc.branch, `${pointer}/branch`, { max: SOURCE_CONTROL.limits.branch });
}

/** A literal (its limits are in the schema) or a string parameter whose values are checked against the same limits. */
function limitedString(ctx: ResolveContext, value: StringOrParam, pointer: string, limits: { max: number; https?: boolean }): Expr {
  if (typeof value === 'string') return str(value);
  const check: ValueCheck = {
    code: 'AG308',
    problem: (v, shown) => {
      if (typeof v !== 'string' || v.length === 0 || v.length > limits.max) return `${shown} must be a string of 1-${limits.max} characters`;
      return limits.https && !v.startsWith('https://') ? `${shown} must be an https:// URL` : undefined;
    },
  };
  return ctx.useParam(value, { pointer: `${pointer}/param`, type: 'string', check });
}

interface SyncIdentity {
  /** 'system' or an identity handle. */
  readonly label: string;
  readonly pointer: string;
  /** AUTOMATION_SC_USER_ASSIGNED_IDENTITY_ID, for a user-assigned identity. */
  readonly variable?: ResourceNode & { readonly ref: ResourceRef };
}

/** The one identity every source control of the account syncs as, checked to be enabled and to hold Contributor. */
function resolveSyncIdentity(ctx: ResolveContext, symbols: SymbolTable, input: SourceControlInput, list: readonly SourceControl[]): SyncIdentity | undefined {
  const label = list[0]!.identity ?? 'system';
  const pointer = list[0]!.identity === undefined ? '/sourceControls/0' : '/sourceControls/0/identity';
  list.forEach((sc, i) => {
    if ((sc.identity ?? 'system').toLowerCase() !== label.toLowerCase()) {
      ctx.error(`/sourceControls/${i}/identity`, 'AG302', `every source control of an account syncs as one identity (the ${SOURCE_CONTROL.userAssignedIdentityVariable} variable, else the system-assigned one); this one says '${sc.identity ?? 'system'}', the first '${label}'`);
    }
  });
  let variable: SyncIdentity['variable'];
  if (label === 'system') {
    if (!input.account.systemAssigned) ctx.error(pointer, 'AG306', `source control syncs as the account's system-assigned identity${list[0]!.identity === undefined ? ' (the default)' : ''}, which is off; set automationAccount.identity.systemAssigned: true, or identity: <an attached user-assigned identity> (${AUTOMATION_DOCS.sourceControl})`);
  } else {
    const identity = input.identities.get(label);
    if (!identity) {
      ctx.error(pointer, 'AG301', `unknown identity '${label}'.${suggestionHint(didYouMean(label, ['system', ...input.identities.keys()])) || " Use 'system' or a name under identities:"}`);
      return undefined;
    }
    if (!input.account.attached.has(label)) ctx.error(pointer, 'AG306', `identity '${label}' is not attached to the account, so the sync cannot run as it; add it to automationAccount.identity.userAssigned`);
    variable = syncIdentityVariable(ctx, symbols, input.account, identity);
  }
  adviseContributor(ctx, pointer, label, input.assignments);
  return { label, pointer, ...(variable ? { variable } : {}) };
}

/** The variable that tells the sync which user-assigned identity to use: its client ID, a JSON string. */
function syncIdentityVariable(ctx: ResolveContext, symbols: SymbolTable, account: AccountRef, identity: ResolvedIdentity): ResourceNode {
  const name = SOURCE_CONTROL.userAssignedIdentityVariable;
  const ref = childRef(ctx, account.ref, VARIABLE_TYPE, str(name), symbols.take('source', 'control', 'identity', 'variable'));
  return childNode(ref, {
    properties: obj({
      description: str(`Client ID of user-assigned identity '${identity.handle}': source control syncs as this identity.`),
      // Variable values are JSON: a string keeps its quotes. A client ID is a GUID, so nothing needs escaping.
      value: interp('"', identity.clientId, '"'),
      isEncrypted: bool(false),
    }),
    dependsOn: identity.ref.created ? [identity.ref] : [],
  });
}

/** AG701 when no assignment of this config gives the sync identity Contributor (or Owner) on the account or above. */
function adviseContributor(ctx: ResolveContext, pointer: string, label: string, assignments: readonly ResolvedAssignment[]): void {
  const syncRoles: readonly string[] = SOURCE_CONTROL.syncRoles;
  const granted = assignments.some((a) => a.principal === label && syncRoles.includes(a.role.guid) && COVERING_SCOPES.has(a.target.key));
  if (granted) return;
  const who = label === 'system' ? 'the system-assigned identity' : `identity '${label}'`;
  ctx.warn(pointer, 'AG701', `source control syncs as ${who}, which needs the Contributor role on the Automation account ("Assign the user assigned or system-assigned managed identity to the Contributor role in the Automation account", ${AUTOMATION_DOCS.sourceControl}); add a role assignment { identity: ${label}, role: Contributor, scope: { kind: automationAccount } } unless it is granted outside this template`);
}
