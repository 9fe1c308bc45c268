import { AUTOMATION_LINKED_SERVICE_NAME, WORKSPACE_RETENTION, WORKSPACE_SKU } from '../../azure/logAnalytics.js';
import { canonical, canonicalString, expressionOf, importArg, importValue } from '../armValues.js';
import type { ImportContext } from '../importContext.js';
import type { JsonPath } from '../jsonSource.js';
import { isType, takeBase, type ResourceImporter } from './common.js';
import { accountText, deploymentSeed, givenId, isAccountId, moduleParameters, sameJson } from './moduleParts.js';

const DEPLOYMENTS = 'Microsoft.Resources/deployments';
const WORKSPACES = 'Microsoft.OperationalInsights/workspaces';
const LINKED_SERVICES = 'Microsoft.OperationalInsights/workspaces/linkedServices';

function second(ctx: ImportContext, path: JsonPath): boolean {
  if (!ctx.draft.logAnalytics) return false;
  ctx.refuse(path, 'a second linked workspace: an account has one (logAnalytics:)');
  return true;
}

/** armgen's `law-link-` module (resolve/resolveLogAnalytics.ts): an existing workspace linked to the account -> `logAnalytics.workspaceId`. */
export const logAnalyticsLinkModules: ResourceImporter = {
  kind: 'linked workspace (module)',
  claims: (r) => isType(r, DEPLOYMENTS) && deploymentSeed(r.name, 'law-link-') !== undefined,
  import(ctx, resource) {
    takeBase(ctx, resource, DEPLOYMENTS);
    const seed = deploymentSeed(resource.take('name'), 'law-link-')!;
    if (seed.length !== 2 || !isAccountId(ctx, `[${canonical(seed[0]!)}]`)) {
      ctx.refuse(resource.at('name'), "a law-link- deployment is imported only as armgen's link module: format('law-link-{0}', guid(<the account's ID>, <the workspace ID>))");
      return;
    }
    const parameters = moduleParameters(ctx, resource, ['workspaceName', 'automationAccountId'], "armgen's workspace link module");
    resource.finish("armgen's workspace link module");
    if (!parameters || second(ctx, resource.at('name'))) return;
    if (!isAccountId(ctx, parameters.automationAccountId?.value)) {
      ctx.refuse(parameters.automationAccountId?.path ?? resource.at('properties'), 'the link module is imported only when it links the Automation account of this template');
      return;
    }
    // The workspace name and the deployment's placement are taken from the ID by armgen: rendered again and compared.
    const workspaceId = givenId(ctx, `[${canonical(seed[1]!)}]`, resource.at('name'), WORKSPACES, 'the workspace ID');
    if (workspaceId !== undefined) ctx.draft.logAnalytics = { workspaceId };
  },
};



/** A workspace created here (PerGB2018, armgen's only SKU) -> `logAnalytics.createWorkspace`; its link is the next importer's. */
export const createdWorkspaces: ResourceImporter = {
  kind: 'Log Analytics workspace',
  claims: (r) => isType(r, WORKSPACES),
  import(ctx, resource) {
    takeBase(ctx, resource, WORKSPACES);
    if (second(ctx, resource.path)) return;
    const created: Record<string, unknown> = { name: importArg(ctx, resource.take('name'), resource.at('name'), 'the workspace name') };
    const account = ctx.draft.automationAccount ?? {};
    const location = resource.take('location');
    if (!sameJson(location, accountText(account.location, "[parameters('location')]"))) created.location = importValue(ctx, location, resource.at('location'), 'the workspace location');
    if (resource.has('tags') && !sameJson(resource.value.tags, accountText(account.tags, ''))) created.tags = importValue(ctx, resource.take('tags'), resource.at('tags'), 'the workspace tags');
    resource.take('tags');
    const properties = resource.object('properties');
    const sku = properties?.object('sku');
    if (sku && sku.take('name') !== WORKSPACE_SKU) ctx.refuse(sku.at('name'), `a created workspace is imported with SKU ${WORKSPACE_SKU} only (armgen's)`);
    sku?.finish('the workspace SKU');
    const retention = properties?.take('retentionInDays');
    if (retention !== WORKSPACE_RETENTION.default) created.retentionInDays = importValue(ctx, retention, properties!.at('retentionInDays'), 'retentionInDays');
    properties?.finish('the workspace properties');
    resource.finish('a Log Analytics workspace');
    ctx.draft.logAnalytics = { createWorkspace: created };
  },
};

/** The `Automation` linked service beside a created workspace: armgen writes it again from `createWorkspace`. */
export const workspaceLinks: ResourceImporter = {
  kind: 'workspace link',
  claims: (r) => isType(r, LINKED_SERVICES),
  import(ctx, resource) {
    takeBase(ctx, resource, LINKED_SERVICES);
    const node = expressionOf(resource.take('name'));
    const workspace = node?.k === 'call' && node.args.length === 3 && node.args[2]?.k === 'str' && node.args[2].v === AUTOMATION_LINKED_SERVICE_NAME ? node.args[1] : undefined;
    const created = ctx.draft.logAnalytics?.createWorkspace as Record<string, unknown> | undefined;
    const createdName = created && (typeof created.name === 'string' ? created.name : `[parameters('${String((created.name as { param: string }).param)}')]`);
    const linked = workspace && createdName !== undefined && canonicalString(workspace.k === 'str' ? workspace.v : `[${canonical(workspace)}]`).toLowerCase() === canonicalString(createdName).toLowerCase();
    const properties = resource.object('properties');
    if (!linked || !properties || !isAccountId(ctx, properties.take('resourceId'))) {
      ctx.refuse(resource.at('name'), `a linked service is imported only as armgen writes it: '${AUTOMATION_LINKED_SERVICE_NAME}' of the workspace this template creates, pointing at the account`);
      return;
    }
    properties.finish('the linked service properties');
    resource.finish('a linked service');
  },
};
