import { REGION_MAPPINGS_DOC, WORKSPACE_RETENTION, WORKSPACE_SKU } from '../azure/logAnalytics.js';
import { nameRules } from '../azure/naming.js';
import type { CreatedWorkspace } from '../model/config.generated.js';
import { call, interp, num, obj, ref, str, type Expr } from '../model/expr.js';
import { createdRef } from '../model/resourceRef.js';
import type { ModuleNode, ResourceNode } from '../model/resolved.js';
import type { LogAnalyticsSummary } from '../model/summary.js';
import type { AccountRef } from './children.js';
import type { ResolveContext } from './context.js';
import { givenResourceId } from './givenIds.js';
import type { SymbolTable } from './names.js';
import { linkedServiceNode, logAnalyticsLinkModule, WORKSPACE_TYPE, type LinkApis } from './network/logAnalyticsLink.js';
import { tagsValue } from './values.js';

const DEPLOYMENT_TYPE = 'Microsoft.Resources/deployments';
const POINTER = '/logAnalytics';

export interface LogAnalyticsResolution {
  readonly nodes: readonly (ResourceNode | ModuleNode)[];
  readonly summary?: LogAnalyticsSummary;
}

/**
 * `logAnalytics:` -> the workspace's linked service `Automation` pointing at the account. The link is a child of the
 * workspace, so it is written where the workspace lives: an existing workspace (any group or subscription) gets a
 * nested deployment into its resource group, as Azure Verified Modules do; a workspace created here is in the
 * deployment's group, with the link beside it. No region mapping is enforced (see azure/logAnalytics.ts).
 */
export function resolveLogAnalytics(ctx: ResolveContext, symbols: SymbolTable, account: AccountRef, accountTags: Expr | undefined): LogAnalyticsResolution {
  const cfg = ctx.config.logAnalytics;
  if (!cfg) return { nodes: [] };
  const apis: LinkApis = { workspace: ctx.api(WORKSPACE_TYPE), linkedService: ctx.api('Microsoft.OperationalInsights/workspaces/linkedServices') };
  if (cfg.workspaceId !== undefined && cfg.createWorkspace !== undefined) {
    ctx.error(POINTER, 'AG200', 'give workspaceId (link an existing workspace) or createWorkspace (create one and link it), not both: an account has one linked workspace');
    return { nodes: [] };
  }
  if (!(ctx.config.diagnosticSettings ?? []).some((d) => d.workspaceId !== undefined)) {
    ctx.info(POINTER, 'AG801', `the link alone sends no job logs or streams to the workspace (it served the retired solution-based features, ${REGION_MAPPINGS_DOC}); add diagnosticSettings with workspaceId for those`);
  }
  if (cfg.createWorkspace) return createdWorkspace(ctx, symbols, { account, accountTags, apis, cfg: cfg.createWorkspace });
  const workspace = givenResourceId(ctx, cfg.workspaceId!, `${POINTER}/workspaceId`, { type: WORKSPACE_TYPE, what: 'Log Analytics workspace' });
  if (!workspace) return { nodes: [] };
  const accountId = ref(account.ref, 'id');
  // Unique per account (its ID names the deploying group) and workspace, known at deployment start, 44 characters.
  const deploymentName = interp('law-link-', call('guid', accountId, workspace.id));
  const module: ModuleNode = {
    kind: 'module',
    ref: {
      symbol: symbols.take('logAnalytics', 'link'),
      type: DEPLOYMENT_TYPE,
      apiVersion: ctx.api(DEPLOYMENT_TYPE),
      id: { kind: 'parts', subscriptionId: workspace.subscriptionId, resourceGroup: workspace.resourceGroup, names: [deploymentName] },
      created: true,
    },
    purpose: 'logAnalyticsLink',
    target: { kind: 'resourceGroup', subscriptionId: workspace.subscriptionId, resourceGroup: workspace.resourceGroup },
    template: logAnalyticsLinkModule(apis),
    parameters: [
      { name: 'workspaceName', value: workspace.name },
      { name: 'automationAccountId', value: accountId },
    ],
    dependsOn: [account.ref],
  };
  const text = typeof cfg.workspaceId === 'string' ? str(cfg.workspaceId) : { k: 'param' as const, name: cfg.workspaceId!.param };
  return { nodes: [module], summary: { created: false, workspaceId: text, resourceGroup: workspace.resourceGroup, subscriptionId: workspace.subscriptionId } };
}

/** A PerGB2018 workspace in the deployment's group at the account's location (unless given), linked beside it. */
function createdWorkspace(
  ctx: ResolveContext,
  symbols: SymbolTable,
  input: { account: AccountRef; accountTags: Expr | undefined; apis: LinkApis; cfg: CreatedWorkspace },
): LogAnalyticsResolution {
  const { cfg, account, apis } = input;
  const at = (key: string) => `${POINTER}/createWorkspace/${key}`;
  const name = ctx.stringValue(cfg.name, at('name'), nameRules.logAnalyticsWorkspace);
  const tags = cfg.tags === undefined ? input.accountTags : tagsValue(ctx, cfg.tags, at('tags'));
  const workspace = createdRef({ symbol: symbols.take('logAnalytics', 'workspace'), type: WORKSPACE_TYPE, apiVersion: apis.workspace, name });
  const node: ResourceNode = {
    kind: 'resource',
    ref: workspace,
    location: cfg.location === undefined ? account.location : ctx.stringValue(cfg.location, at('location')),
    ...(tags ? { tags } : {}),
    properties: obj({ sku: obj({ name: str(WORKSPACE_SKU) }), retentionInDays: num(cfg.retentionInDays ?? WORKSPACE_RETENTION.default) }),
    dependsOn: [],
  };
  const link = linkedServiceNode(apis.linkedService, symbols.take('logAnalytics', 'link'), workspace, ref(account.ref, 'id'), [workspace, account.ref]);
  return { nodes: [node, link], summary: { created: true, name } };
}
