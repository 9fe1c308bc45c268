/**
 * Log Analytics and Automation: linking a workspace to an account, and the minimal workspace armgen can create.
 */

/**
 * The linked service that ties an Automation account to a workspace is the workspace's child `linkedServices/Automation`
 * with `properties.resourceId` = the account ID ("linking resources which require read access"; `writeAccessResourceId`
 * is for resources that need write access, such as a dedicated cluster). Name as in the template reference's sample
 * (learn.microsoft.com/azure/templates/microsoft.operationalinsights/workspaces/linkedservices) and quickstart
 * 101-automation; Azure Verified Modules write `automation`, the same resource (ARM names are case-insensitive).
 */
export const AUTOMATION_LINKED_SERVICE_NAME = 'Automation';
export const LINKED_SERVICE_DOC = 'https://learn.microsoft.com/azure/templates/microsoft.operationalinsights/workspaces/linkedservices';

/**
 * What the link is for, and the region rule that comes with it: "Update Management, Change Tracking and Inventory, and
 * Start/Stop VMs during off-hours ... have a dependency on a Log Analytics workspace, and therefore require linking the
 * workspace with an Automation account. However, only certain regions are supported to link them together. In general,
 * the mapping is *not* applicable if you plan to link an Automation account to a workspace that won't have these
 * features enabled." (azure-docs automation/how-to/region-mappings.md, ms.date 09/03/2020). Update Management and the
 * Log Analytics agent these features ran on were retired on 31 August 2024 (retiredFeatures.ts), and armgen deploys
 * none of them, so it enforces no region mapping; job logs reach a workspace through diagnostic settings, not the link.
 */
export const REGION_MAPPINGS_DOC = 'https://learn.microsoft.com/azure/automation/how-to/region-mappings';

/**
 * The minimal workspace: pricing tier PerGB2018, the pay-as-you-go tier (the legacy Standalone and PerNode tiers are not
 * available to subscriptions created after 2 April 2018: learn.microsoft.com/azure/azure-monitor/logs/cost-logs#legacy-pricing-tiers),
 * and a retention of 30 to 730 days for its analytics data (learn.microsoft.com/azure/azure-monitor/logs/data-retention-configure).
 */
export const WORKSPACE_SKU = 'PerGB2018';
export const WORKSPACE_RETENTION = { min: 30, max: 730, default: 30 } as const;
