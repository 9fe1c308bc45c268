import { deployerPermissions, deployPrerequisites, KEY_VAULT_DATA_ROLES, KEY_VAULT_SECRET_READERS, KEY_VAULT_TYPE, type PermissionRuleId } from '../../azure/deployerPermissions.js';
import type { ResolvedModel, TemplateNode } from '../../model/resolved.js';
import type { DeploymentSummary, HybridWorkerSummary } from '../../model/summary.js';
import { accountText, groupText, identityResourceName, identityScopeText, moduleScopeText, principalText, roleText, scopeText, THIS_GROUP, vaultIdText } from './describe.js';
import { networkPermissionRows, networkPrerequisiteRows, shortIdText } from './networkRows.js';
import { exprText } from './readmeText.js';

export interface PermissionRow {
  readonly scope: string;
  readonly action: string;
  readonly roles: readonly string[];
  /** What in this deployment needs it. */
  readonly reasons: readonly string[];
  readonly doc: string;
}

export interface PrerequisiteRow {
  readonly resource: string;
  readonly requirement: string;
  readonly reasons: readonly string[];
  readonly doc: string;
}

const DEPLOYMENT_TYPE = 'Microsoft.Resources/deployments';
const IDENTITY_TYPE = 'Microsoft.ManagedIdentity/userAssignedIdentities';

/** Rows keyed by (scope, rule), reasons merged, in first-seen order: the table is byte-stable. */
class Rows {
  private readonly rows = new Map<string, { scope: string; rule: PermissionRuleId; reasons: string[] }>();

  add(scope: string, rule: PermissionRuleId, reason: string): void {
    const key = JSON.stringify([scope, rule]);
    const row = this.rows.get(key) ?? { scope, rule, reasons: [] };
    if (!row.reasons.includes(reason)) row.reasons.push(reason);
    this.rows.set(key, row);
  }

  /** Grouped by scope (scopes in first-seen order), rules in the order they were first needed there. */
  list(): PermissionRow[] {
    const scopes = [...new Set([...this.rows.values()].map((r) => r.scope))];
    const rows = [...this.rows.values()].sort((a, b) => scopes.indexOf(a.scope) - scopes.indexOf(b.scope));
    return rows.map((r) => ({ scope: r.scope, ...deployerPermissions[r.rule], reasons: r.reasons }));
  }
}

/**
 * What the principal that runs the deployment needs, scope by scope, derived from the model: the deployment and the
 * account in the target group, identities created or attached, every role assignment at its own scope (and the nested
 * deployment it goes through, where that is another group or a subscription), the lock, diagnostic settings, private
 * endpoints and the workspace link (networkRows.ts), each vault a parameter file reads a secret from, and each worker
 * VM that gets the HybridWorker extension.
 */
export function permissionRows(model: ResolvedModel): PermissionRow[] {
  const { summary } = model;
  const rows = new Rows();
  rows.add(THIS_GROUP, 'deployments', 'run this deployment and its nested deployments here');
  rows.add(THIS_GROUP, 'automationAccount', `create or update the ${accountText(summary)} and its runbooks, modules, schedules and variables`);
  identityRows(model, rows);
  for (const ra of summary.roleAssignments) {
    rows.add(scopeText(ra.scope, summary), 'roleAssignments', `grant ${roleText(ra.role)} to the ${principalText(ra.principal)}`);
    const where = ra.node.type === DEPLOYMENT_TYPE ? moduleScopeText(ra.scope) : undefined;
    if (where) rows.add(where, 'deployments', `the nested deployment that grants ${roleText(ra.role)} to the ${principalText(ra.principal)}`);
  }
  if (summary.account.lock) rows.add(`the ${accountText(summary)}`, 'locks', `put a ${summary.account.lock} lock on the account`);
  const diagnostics = nodesOfType(model.template.resources, 'Microsoft.Insights/diagnosticSettings').length;
  if (diagnostics > 0) rows.add(THIS_GROUP, 'diagnosticSettings', `${diagnostics} diagnostic setting${diagnostics === 1 ? '' : 's'} on the account`);
  networkPermissionRows(summary, (scope, rule, reason) => rows.add(scope, rule, reason));
  for (const [vaultId, uses] of keyVaultReferences(model)) rows.add(vaultIdText(vaultId), 'keyVaultDeploy', `read ${uses.join(', ')} during the deployment`);
  for (const { group, worker } of extensionWorkers(summary)) {
    const vm = exprText(worker.machine);
    const where = worker.resourceGroup ? groupText(worker.resourceGroup, worker.subscriptionId) : `the resource group of ${vm}`;
    rows.add(where, 'deployments', `the nested deployment that installs the HybridWorker extension (group ${group})`);
    rows.add(where, 'vmExtension', `install the HybridWorker extension on ${shortIdText(worker.machine)}`);
  }
  return rows.list();
}

/** Workers whose VM gets the HybridWorker extension from this template, with their group's name. */
function extensionWorkers(summary: DeploymentSummary): { group: string; worker: HybridWorkerSummary }[] {
  return (summary.hybridWorkerGroups ?? []).flatMap((g) => g.workers.filter((w) => w.extension !== undefined).map((worker) => ({ group: g.name, worker })));
}

/** Identities created here (and their federated credentials), and every attached one (assign/action on it). */
function identityRows(model: ResolvedModel, rows: Rows): void {
  const { summary } = model;
  const federated = new Set(nodesOfType(model.template.resources, `${IDENTITY_TYPE}/federatedIdentityCredentials`).map((n) => n.ref.parent));
  for (const identity of summary.identities) {
    if (!identity.ref.created) continue;
    rows.add(THIS_GROUP, 'createIdentity', `create identity ${identity.handle} (${identityResourceName(identity.ref)})`);
    if (federated.has(identity.ref)) rows.add(THIS_GROUP, 'federatedCredentials', `federated credentials of identity ${identity.handle}`);
    if (identity.lock) rows.add(scopeText({ kind: 'identity', handle: identity.handle }, summary), 'locks', `put a ${identity.lock} lock on identity ${identity.handle}`);
  }
  for (const identity of summary.identities) {
    if (!summary.account.userAssigned.includes(identity.handle)) continue;
    const scope = identity.ref.created ? THIS_GROUP : identityScopeText(identity);
    rows.add(scope, 'assignIdentity', `attach identity ${identity.handle} to the account`);
  }
}

/** Each vault the parameter files read secrets from, with what they read (`secret s for parameter p (prod)`). */
function keyVaultReferences(model: ResolvedModel): Map<string, string[]> {
  const byVault = new Map<string, string[]>();
  for (const file of model.parameterFiles) {
    for (const v of file.values) {
      if (!('keyVaultReference' in v)) continue;
      const list = byVault.get(v.keyVaultReference.vaultId) ?? [];
      const use = `secret ${v.keyVaultReference.secretName} for parameter ${v.name} (${file.environment ?? 'base'})`;
      if (!list.includes(use)) list.push(use);
      byVault.set(v.keyVaultReference.vaultId, list);
    }
  }
  return byVault;
}

function nodesOfType(nodes: readonly TemplateNode[], type: string): TemplateNode[] {
  return nodes.filter((n) => n.kind === 'resource' && n.ref.type.toLowerCase() === type.toLowerCase());
}

/**
 * What must already be true outside the template: vaults that parameter files read from allow template deployment;
 * vaults (or wider scopes) that get Key Vault data-plane roles use the RBAC permission model; a customer-managed key
 * is reachable by the identity that reads it; a vault a generated runbook reads a secret from lets its identity read it.
 */
export function prerequisiteRows(model: ResolvedModel): PrerequisiteRow[] {
  const { summary } = model;
  const rows: PrerequisiteRow[] = [];
  for (const [vaultId, uses] of keyVaultReferences(model)) {
    rows.push({ resource: vaultIdText(vaultId), ...deployPrerequisites.keyVaultTemplateDeployment, reasons: uses.map((u) => `the parameter files read ${u}`) });
  }
  const rbacScopes = new Map<string, string[]>();
  for (const ra of summary.roleAssignments) {
    if (!KEY_VAULT_DATA_ROLES.has(ra.role.id)) continue;
    const scope = scopeText(ra.scope, summary);
    rbacScopes.set(scope, [...(rbacScopes.get(scope) ?? []), `${roleText(ra.role)} for the ${principalText(ra.principal)}`]);
  }
  for (const [scope, reasons] of rbacScopes) rows.push({ resource: scope, ...deployPrerequisites.keyVaultRbacModel, reasons });
  const enc = summary.account.encryption;
  if (enc) {
    const vault = enc.keyVaultUri ? exprText(enc.keyVaultUri) : '(vault URI not given)';
    const key = enc.keyName ? exprText(enc.keyName) : '(not named)';
    rows.push({ resource: `Key Vault ${vault}, key ${key}`, ...deployPrerequisites.customerManagedKey, reasons: [`the account is encrypted with this key, read by the ${principalText(enc.identity)}`] });
  }
  for (const { group, worker } of extensionWorkers(summary)) {
    rows.push({ resource: `VM ${exprText(worker.machine)}`, ...deployPrerequisites.hybridWorkerVm, reasons: [`this template installs the HybridWorker extension on it for hybrid worker group ${group}`] });
  }
  const sync = summary.sourceControls?.[0];
  if (sync) {
    const names = (summary.sourceControls ?? []).map((sc) => sc.name).join(', ');
    rows.push({ resource: `the ${accountText(summary)}`, ...deployPrerequisites.sourceControlSync, reasons: [`source control ${names} syncs as the ${principalText(sync.syncsAs)}`] });
  }
  for (const rb of summary.runbooks) {
    if (!rb.keyVaultSecret || rb.signsInAs === undefined) continue;
    const { vaultName, secretName } = rb.keyVaultSecret;
    rows.push({
      resource: `Key Vault ${vaultName}`,
      ...deployPrerequisites.runbookSecret,
      reasons: [`runbook ${rb.name} reads secret ${secretName} as the ${principalText(rb.signsInAs)}; ${grantsSecretRead(summary, rb.signsInAs, vaultName) ? 'this template grants it' : 'this template grants no secret-reading role on that vault to it'}`],
    });
  }
  rows.push(...networkPrerequisiteRows(summary));
  return rows;
}

/** Whether a role assignment of the template lets `principal` read secrets in the vault named `vaultName` (a literal name match). */
function grantsSecretRead(summary: DeploymentSummary, principal: string, vaultName: string): boolean {
  return summary.roleAssignments.some(
    (ra) =>
      ra.principal === principal &&
      KEY_VAULT_SECRET_READERS.has(ra.role.id) &&
      ra.scope.kind === 'resource' &&
      ra.scope.type?.toLowerCase() === KEY_VAULT_TYPE.toLowerCase() &&
      ra.scope.name?.k === 'str' &&
      ra.scope.name.v.toLowerCase() === vaultName.toLowerCase(),
  );
}
