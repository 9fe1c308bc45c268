import { account } from './account.js';
import type { ResourceImporter } from './common.js';
import { diagnosticSettings } from './diagnosticSettings.js';
import { createdIdentities, federatedCredentials } from './identities.js';
import { locks } from './locks.js';
import { modules, powerShell72Modules, python3Packages } from './modules.js';
import { principalRoleAssignments, roleAssignmentModules } from './roleAssignments.js';
import { runbooks } from './runbooks.js';
import { runtimeEnvironmentPackages, runtimeEnvironments } from './runtimeEnvironments.js';
import { jobSchedules, schedules } from './schedules.js';
import { credentials, variables } from './variables.js';

/**
 * Every resource kind import maps, in the order they are imported (an identity before the account that attaches
 * it, the account before its children, environments and modules before the runbooks that wait for them, runbooks
 * before the variables their starters re-create). A resource no importer claims is refused by its type.
 * Private endpoints, the linked workspace, webhooks, hybrid worker groups and source
 * control are not imported yet: each is one more module here.
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
  variables,
  credentials,
  diagnosticSettings,
  roleAssignmentModules,
  principalRoleAssignments,
  locks,
];
