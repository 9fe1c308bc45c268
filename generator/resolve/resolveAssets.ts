import type { Expr } from '../model/expr.js';
import type { ExtraFile, ModuleNode, ResourceNode, TemplateNode, TemplateParameter } from '../model/resolved.js';
import type { HybridWorkerGroupSummary, LogAnalyticsSummary, PrivateEndpointSummary, RunbookSummary, SourceControlSummary, WebhookSummary } from '../model/summary.js';
import type { ResourceRef } from '../model/resourceRef.js';
import type { AccountRef } from './children.js';
import type { ResolveContext } from './context.js';
import type { SymbolTable } from './names.js';
import type { ResolvedAccount } from './resolveAccount.js';
import type { ResolvedIdentity } from './resolveIdentities.js';
import { resolveHybridWorkers } from './resolveHybridWorkers.js';
import { resolveDiagnosticSettings, resolveLock } from './resolveLockAndDiagnostics.js';
import { resolveLogAnalytics } from './resolveLogAnalytics.js';
import { resolveModules } from './resolveModules.js';
import { resolvePrivateEndpoints } from './resolvePrivateEndpoints.js';
import { ARTIFACTS_LOCATION, ARTIFACTS_SAS_TOKEN, resolveRunbooks, type ReadFile } from './resolveRunbooks.js';
import { resolveRuntimeEnvironments } from './resolveRuntimeEnvironments.js';
import { DEPLOY_JOB_SCHEDULES_PARAMETER, JOB_SCHEDULE_SEED_PARAMETER, resolveSchedules, SCHEDULE_START_PARAMETER } from './resolveSchedules.js';
import type { ResolvedAssignment } from './resolveRoleAssignments.js';
import { resolveSourceControls } from './resolveSourceControls.js';
import { resolveVariables } from './resolveVariables.js';
import { resolveWebhooks, WEBHOOK_EXPIRY_PARAMETER } from './resolveWebhooks.js';

/** What resolve takes from outside the config: the clock and file access belong to the CLI layer. */
export interface ResolveOptions {
  /** "Now", to reject fixed schedule start times in the past; undefined skips that check (resolve reads no clock). */
  readonly now?: Date;
  /** Reads a runbook `file:` named relative to the config file; undefined makes such runbooks an error. */
  readonly readFile?: ReadFile;
}

/** Template parameters armgen may add itself; reserved so no Bicep symbol takes their names. */
export const ASSET_PARAMETERS = [ARTIFACTS_LOCATION, ARTIFACTS_SAS_TOKEN, SCHEDULE_START_PARAMETER, DEPLOY_JOB_SCHEDULES_PARAMETER, JOB_SCHEDULE_SEED_PARAMETER, WEBHOOK_EXPIRY_PARAMETER];

export interface AssetResolution {
  /** Everything but the lock, in deployment-friendly order (environments, modules, runbooks, schedules...). */
  readonly resources: readonly (ResourceNode | ModuleNode)[];
  /** Existing resources the assets read (the VMs that get the HybridWorker extension). */
  readonly existing: readonly ResourceRef[];
  readonly parameters: readonly TemplateParameter[];
  readonly extraFiles: readonly ExtraFile[];
  readonly runbooks: readonly RunbookSummary[];
  readonly webhooks: readonly WebhookSummary[];
  readonly hybridWorkerGroups: readonly HybridWorkerGroupSummary[];
  readonly sourceControls: readonly SourceControlSummary[];
  readonly privateEndpoints: readonly PrivateEndpointSummary[];
  readonly logAnalytics?: LogAnalyticsSummary;
  /** Added last: it waits for every resource under the account, these and `scopedElsewhere` alike. */
  readonly lock: (others: readonly TemplateNode[]) => ResourceNode | undefined;
}

/**
 * The account's contents: runtime environments, modules, runbooks (and their staged files), schedules, job
 * schedules, variables, credentials, hybrid worker groups, webhooks, source control, diagnostic settings and the
 * lock; and what connects it to networks and workspaces: private endpoints and the Log Analytics link. Every one
 * depends on the account; only the HybridWorker extension of a worker VM is deployed elsewhere (a module into the
 * VM's resource group).
 */
export function resolveAssets(
  ctx: ResolveContext,
  symbols: SymbolTable,
  input: { account: ResolvedAccount; location: Expr; identities: ReadonlyMap<string, ResolvedIdentity>; assignments: readonly ResolvedAssignment[] },
  options: ResolveOptions,
): AssetResolution {
  const account: AccountRef = {
    ref: input.account.ref,
    name: input.account.name,
    location: input.location,
    systemAssigned: input.account.systemAssigned,
    attached: input.account.attached,
  };
  const runtime = resolveRuntimeEnvironments(ctx, symbols, account);
  const modules = resolveModules(ctx, symbols, account);
  const runbooks = resolveRunbooks(ctx, symbols, {
    account,
    identities: input.identities,
    environments: runtime.environments,
    modules,
    ...(options.readFile ? { readFile: options.readFile } : {}),
  });
  // Source control may reserve a variable name, and worker groups need the credentials: resolved before what needs them.
  const sourceControls = resolveSourceControls(ctx, symbols, { account, identities: input.identities, assignments: input.assignments });
  const variables = resolveVariables(ctx, symbols, account, new Map([...runbooks.reservedVariables, ...sourceControls.reservedVariables]));
  const workers = resolveHybridWorkers(ctx, symbols, account, variables.credentials);
  const schedules = resolveSchedules(ctx, symbols, { account, runbooks: runbooks.runbooks, groups: workers.groups }, options.now);
  const webhooks = resolveWebhooks(ctx, symbols, { account, runbooks: runbooks.runbooks, runbookSummaries: runbooks.summaries, groups: workers.groups, now: options.now });
  const diagnostics = resolveDiagnosticSettings(ctx, symbols, account);
  const endpoints = resolvePrivateEndpoints(ctx, symbols, account, input.account.resource.tags);
  const logAnalytics = resolveLogAnalytics(ctx, symbols, account, input.account.resource.tags);
  const connections = [...endpoints.nodes, ...logAnalytics.nodes];
  return {
    resources: [
      ...runtime.resources,
      ...modules.resources,
      ...runbooks.resources,
      ...schedules.resources,
      ...variables.resources,
      ...workers.resources,
      ...webhooks.resources,
      ...sourceControls.resources,
      ...diagnostics,
      ...connections,
    ],
    existing: workers.existing,
    parameters: [...runbooks.parameters, ...schedules.parameters, ...webhooks.parameters],
    extraFiles: runbooks.extraFiles,
    runbooks: runbooks.summaries,
    webhooks: webhooks.summaries,
    hybridWorkerGroups: workers.summaries,
    sourceControls: sourceControls.summaries,
    privateEndpoints: endpoints.summaries,
    ...(logAnalytics.summary ? { logAnalytics: logAnalytics.summary } : {}),
    // Approving an endpoint's connection writes a privateEndpointConnections child of the account, which a ReadOnly lock
    // would block; the lock comes after those and after the workspace link, so it never races them.
    lock: (others) => resolveLock(ctx, symbols, account, others, connections.map((n) => n.ref)),
  };
}
