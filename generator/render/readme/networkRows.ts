import { deployPrerequisites, type PermissionRuleId } from '../../azure/deployerPermissions.js';
import { parseResourceId } from '../../azure/resourceId.js';
import type { Expr } from '../../model/expr.js';
import type { DeploymentSummary, LogAnalyticsSummary, PrivateEndpointSummary } from '../../model/summary.js';
import { accountText, groupText, THIS_GROUP } from './describe.js';
import { exprText } from './readmeText.js';
import type { PrerequisiteRow } from './permissionView.js';

/** Adds one permission row (scope, rule) with the reason it is needed. */
export type AddRow = (scope: string, rule: PermissionRuleId, reason: string) => void;

/** `endpoint pep-x (Webhook)`. */
export function endpointText(pe: PrivateEndpointSummary): string {
  return `private endpoint ${exprText(pe.name)} (${pe.service})`;
}

/** The resource group an endpoint lives in. */
export function endpointGroupText(pe: PrivateEndpointSummary): string {
  if (pe.resourceGroup === undefined) return THIS_GROUP;
  if (pe.subscriptionId === undefined) return `resource group ${exprText(pe.resourceGroup)} in the subscription of ${subnetText(pe)}`;
  return groupText(pe.resourceGroup, pe.subscriptionId);
}

export const subnetText = (pe: PrivateEndpointSummary): string => `subnet ${exprText(pe.subnetId)}`;
export const zoneText = (pe: PrivateEndpointSummary): string => `private DNS zone ${pe.privateDnsZoneId ? exprText(pe.privateDnsZoneId) : ''}`;

/** A literal resource ID by its names (`vnet-hub/snet-pe`) where a picture has little room; anything else as exprText. */
export function shortIdText(id: Expr): string {
  const parsed = id.k === 'str' ? parseResourceId(id.v) : undefined;
  return parsed && parsed.names.length > 0 ? parsed.names.join('/') : exprText(id);
}

/** The workspace as the README names it. */
export function workspaceText(la: LogAnalyticsSummary): string {
  return la.created ? `Log Analytics workspace ${exprText(la.name)} (created here)` : `Log Analytics workspace ${exprText(la.workspaceId)}`;
}

/**
 * Per endpoint: write it (and run its nested deployment) in its group, join the subnet, join the DNS zone, and approve
 * the connection on the account unless it waits for manual approval. The workspace link: create the workspace, write
 * the linked service where the workspace lives (through a nested deployment for an existing one).
 */
export function networkPermissionRows(summary: DeploymentSummary, add: AddRow): void {
  for (const pe of summary.privateEndpoints) {
    const group = endpointGroupText(pe);
    add(group, 'privateEndpoints', `create ${endpointText(pe)}`);
    if (pe.resourceGroup !== undefined) add(group, 'deployments', `the nested deployment that creates ${endpointText(pe)}`);
    add(subnetText(pe), 'joinSubnet', `put ${endpointText(pe)} in this subnet`);
    if (pe.privateDnsZoneId) add(zoneText(pe), 'joinPrivateDnsZone', `register ${endpointText(pe)} in this zone`);
    if (!pe.manualApproval) add(`the ${accountText(summary)}`, 'approvePrivateEndpoint', `approve the connection of ${endpointText(pe)} at once`);
  }
  const la = summary.logAnalytics;
  if (!la) return;
  if (la.created) {
    add(THIS_GROUP, 'createWorkspace', `create ${workspaceText(la)}`);
    add(THIS_GROUP, 'linkWorkspace', `link the ${workspaceText(la)} to the account`);
    return;
  }
  const group = `the resource group of ${exprText(la.workspaceId)}`;
  add(`the ${workspaceText(la)}`, 'linkWorkspace', 'link the workspace to the account');
  add(group, 'deployments', 'the nested deployment that links the workspace');
}

/**
 * Per endpoint: its virtual network is in its region and subscription; its DNS zone is linked to the networks that use
 * it. One row per (resource, requirement), reasons merged in config order.
 */
export function networkPrerequisiteRows(summary: DeploymentSummary): PrerequisiteRow[] {
  const rows = new Map<string, PrerequisiteRow & { reasons: string[] }>();
  const add = (resource: string, prerequisite: keyof typeof deployPrerequisites, reason: string): void => {
    const key = `${resource}|${prerequisite}`;
    const row = rows.get(key) ?? { resource, ...deployPrerequisites[prerequisite], reasons: [] };
    row.reasons.push(reason);
    rows.set(key, row);
  };
  for (const pe of summary.privateEndpoints) {
    const where = pe.resourceGroup === undefined ? `the deployment's subscription, region ${exprText(pe.location)}` : `region ${exprText(pe.location)}`;
    add(subnetText(pe), 'privateEndpointNetwork', `${endpointText(pe)} is created in ${where}`);
    if (pe.privateDnsZoneId) add(zoneText(pe), 'privateDnsZoneLink', `${endpointText(pe)} registers its addresses in it`);
  }
  return [...rows.values()];
}
