/**
 * What the deploy simulator finds in the committed examples (out/NAME/azuredeploy.json with
 * azuredeploy.parameters.json) TODAY, scenario by scenario, as `rule @ template path`. examples.test.ts asserts
 * the simulator finds exactly these: a new violation fails the test, and so does a fixed one, so whoever fixes the
 * generator (and regenerates out/) removes the entries here in the same commit. The goal is an empty table.
 *
 * Causes (armgen at fe97e3c):
 *  - template-link-local-file: `_artifactsLocation` defaults to deployment().properties.templateLink.uri and the
 *    parameter file does not set it, so a `--template-file` deployment fails validation.
 *  - job-schedule-name-reused: job schedules are named guid(account ID, runbook, schedule) and deployJobSchedules
 *    defaults to true, so every redeployment PUTs the same job-schedule GUID again.
 *  - role-assignment-update-not-permitted: role-assignment names are seeded with the identity's (or account's)
 *    resource ID, not its principal ID; after an identity is recreated the same name arrives with a new principal.
 *  - deployment-name-shared: seed-roles' cross-subscription nested deployment into rg-secrets is named from
 *    literal IDs only, so a second account's deployment takes over the same deployment name in that group.
 */
import type { ScenarioName } from '../support/deploy/scenarios.js';

export type KnownViolations = Readonly<Record<string, Readonly<Record<ScenarioName, readonly string[]>>>>;

const none = { firstDeploy: [], redeploy: [], recreateIdentity: [], secondAccount: [] } as const;

export const KNOWN_VIOLATIONS: KnownViolations = {
  'created-identity': none,
  maximal: none,
  operations: none,
  'python-runbook': none,
  'seed-end-to-end': none,
  'seed-roles': none,
  'system-vm': none,
  'template-ua': none,
};
