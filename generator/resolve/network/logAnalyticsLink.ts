import { AUTOMATION_LINKED_SERVICE_NAME } from '../../azure/logAnalytics.js';
import { obj, param, str, type Expr } from '../../model/expr.js';
import { createdRef, existingRef, type ResourceRef } from '../../model/resourceRef.js';
import type { ResourceNode, TemplateModel } from '../../model/resolved.js';

export const WORKSPACE_TYPE = 'Microsoft.OperationalInsights/workspaces';
export const LINKED_SERVICE_TYPE = 'Microsoft.OperationalInsights/workspaces/linkedServices';

export interface LinkApis {
  readonly workspace: string;
  readonly linkedService: string;
}

/**
 * The workspace's linked service `Automation` with the account's ID as `resourceId` (the read-access link; the
 * workspace is its parent, so it is written where the workspace lives).
 */
export function linkedServiceNode(api: string, symbol: string, workspace: ResourceRef, accountId: Expr, dependsOn: readonly ResourceRef[]): ResourceNode {
  return {
    kind: 'resource',
    ref: createdRef({ symbol, type: LINKED_SERVICE_TYPE, apiVersion: api, name: str(AUTOMATION_LINKED_SERVICE_NAME), parent: workspace }),
    properties: obj({ resourceId: accountId }),
    dependsOn,
  };
}

/** The module's parameters: the one table both the ARM nested deployment and the Bicep module file are printed from. */
export const LINK_MODULE_PARAMETERS = {
  workspaceName: 'Name of the Log Analytics workspace, in the resource group this module deploys to.',
  automationAccountId: 'Resource ID of the Automation account to link.',
} as const;

/** The inner template that links an existing workspace (in its own resource group, any subscription) to the account. */
export function logAnalyticsLinkModule(apis: LinkApis): TemplateModel {
  const workspace = existingRef({ symbol: 'workspace', type: WORKSPACE_TYPE, apiVersion: apis.workspace, id: { kind: 'parts', names: [param('workspaceName')] } });
  return {
    scope: 'resourceGroup',
    parameters: [
      { name: 'workspaceName', type: 'string', description: LINK_MODULE_PARAMETERS.workspaceName },
      { name: 'automationAccountId', type: 'string', description: LINK_MODULE_PARAMETERS.automationAccountId },
    ],
    resources: [linkedServiceNode(apis.linkedService, 'automationLink', workspace, param('automationAccountId'), [])],
    outputs: [],
    existing: [workspace],
  };
}
