import { account } from './account.js';
import type { ResourceImporter } from './common.js';
import { diagnosticSettings } from './diagnosticSettings.js';
import { createdIdentities, federatedCredentials } from './identities.js';
import { hybridWorkerExtensions, hybridWorkerGroups, hybridWorkers } from './hybridWorkers.js';
import { locks } from './locks.js';
import { createdWorkspaces, logAnalyticsLinkModules, workspaceLinks } from './logAnalytics.js';
import { modules, powerShell72Modules, python3Packages } from './modules.js';
import { privateDnsZoneGroups, privateEndpointModules, privateEndpoints } from './privateEndpoints.js';
import { principalRoleAssignments, roleAssignmentModules } from './roleAssignments.js';
import { runbooks } from './runbooks.js';
import { runtimeEnvironmentPackages, runtimeEnvironments } from './runtimeEnvironments.js';
import { jobSchedules, schedules } from './schedules.js';
import { sourceControlIdentityVariable, sourceControls } from './sourceControls.js';
import { credentials, variables } from './variables.js';
import { webhooks } from './webhooks.js';

/**
 * Every resource kind import maps, in the order they are imported (an identity before the account that attaches
 * it, the account before its children, environments and modules before the runbooks that wait for them, runbooks
 * before the variables their starters re-create, armgen's source-control identity variable before the other
 * variables, worker groups before their workers and the workers' extension modules). A resource no importer
 * claims is refused by its type.
 */
export const importers: readonly ResourceImporter[] = [
  createdIdentities,
  account,
  federatedCredentials,
  runtimeEnvironments,
  runtimeEnvironmentPackages,
  modules,
  powerShell72Modules,
  python3Packages,
  runbooks,
  schedules,
  jobSchedules,
  sourceControlIdentityVariable,
  variables,
  credentials,
  hybridWorkerGroups,
  hybridWorkers,
  hybridWorkerExtensions,
  webhooks,
  sourceControls,
  diagnosticSettings,
  privateEndpoints,
  privateDnsZoneGroups,
  privateEndpointModules,
  createdWorkspaces,
  workspaceLinks,
  logAnalyticsLinkModules,
  roleAssignmentModules,
  principalRoleAssignments,
  locks,
];
