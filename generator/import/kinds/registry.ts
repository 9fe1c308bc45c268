import { account } from './account.js';
import type { ResourceImporter } from './common.js';
import { createdIdentities, federatedCredentials } from './identities.js';
import { locks } from './locks.js';
import { principalRoleAssignments, roleAssignmentModules } from './roleAssignments.js';

/**
 * Every resource kind import maps, in the order they are imported (an identity before the account that attaches
 * it, the account before what refers to it). A resource no importer claims is refused by its type. Runbooks,
 * schedules, job schedules, variables, credentials, modules and packages, runtime environments, diagnostic
 * settings, private endpoints and the linked workspace are not imported yet: each is one more module here.
 */
export const importers: readonly ResourceImporter[] = [
  createdIdentities,
  account,
  federatedCredentials,
  roleAssignmentModules,
  principalRoleAssignments,
  locks,
];
