/**
 * Offline validation of generated ARM templates and parameter files against Microsoft's official ARM JSON
 * schemas, copied to `<sharedDir>/arm-schemas/` (read its README.md: layout, draft-04, quirks 1-9).
 *
 * How a template is checked, and why it is not one `validate(deploymentTemplate.json)` call:
 * - Every file under `schemas/` is registered under its public URL (`https://schema.management.azure.com/<path>`),
 *   never under its own `id` (README "Layout": Sendgrid.Email.json declares a stale id). The in-memory copy's `id`
 *   is overwritten with that URL, so relative `#/...` refs resolve inside the right file.
 * - `deploymentTemplate.json#/definitions/resource` is a `oneOf` over ~194 resource definitions. When it fails, Ajv
 *   reports every branch (hundreds of errors: 822 for one bad sku), and compiling it takes 1.1-2 s on an idle
 *   2-CPU box (2.5-5.7 s under load). Instead we validate
 *   (a) the template "envelope": deploymentTemplate.json with `resources` reduced to "array or object", and
 *   (b) each resource against the ONE definition its literal `type` + `apiVersion` select, combined with the same
 *       base schema the official `oneOf` branch uses (`allOf [resourceBase, definition]`).
 *   This gives the same verdict as the whole schema because every branch pins `type` and `apiVersion` with an
 *   `enum`, and no two branches share a (type, apiVersion) pair, so at most one branch can ever match. The index
 *   builder checks both preconditions and throws if a schema refresh breaks them. `compileOfficialTemplateSchema`
 *   compiles the whole schema on demand so a test can confirm the verdicts agree.
 *   Measured (2 CPUs, under load): load + register 35 files 0.14-0.37 s; envelope compile ~0.1 s; one resource
 *   definition ~0.06-0.2 s on first use; then ~0.06 ms per template (the whole schema: 3-7 ms per template).
 * - Nested deployments (`Microsoft.Resources/deployments` with an inline `properties.template`) are validated
 *   recursively, each by its own `$schema`.
 *
 * The leniency transforms in `applyArmLeniency` cover README items 1-5 and nothing else. Items 6-9 stay errors,
 * because ARM's behaviour there is not something these schemas can express safely.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { OfflineArmSchemas, type ArmSchemaValidator } from './armSchemas/offlineValidator.js';
import { loadSchemas } from './armSchemas/schemaFiles.js';

export type { ArmSchemaValidator } from './armSchemas/offlineValidator.js';

const validators = new Map<string, OfflineArmSchemas>();

function load(sharedDir: string): OfflineArmSchemas {
  const armSchemasDir = resolve(sharedDir, 'arm-schemas');
  let validator = validators.get(armSchemasDir);
  if (validator === undefined) {
    if (!existsSync(join(armSchemasDir, 'schemas'))) throw new Error(`official ARM schemas not found: ${armSchemasDir}/schemas does not exist`);
    const { files, synthetic, childLists } = loadSchemas(armSchemasDir);
    validator = new OfflineArmSchemas(armSchemasDir, files, synthetic, childLists);
    validators.set(armSchemasDir, validator);
  }
  return validator;
}

/**
 * The offline ARM schema validator for `<sharedDir>/arm-schemas`. Built once per process; each schema is
 * compiled on first use and kept.
 * @throws when the folder is missing or its schemas no longer have the shape this module relies on.
 */
export function loadArmSchemaValidator(sharedDir: string): ArmSchemaValidator {
  return load(sharedDir);
}

/**
 * The whole official deploymentTemplate.json (same leniency transforms) as one Ajv function. Slow to compile
 * (~2 s); only for tests that confirm the per-resource shortcut gives the official verdict. It never looks at a
 * nested deployment's inner template, nor at `$schema`.
 */
export function compileOfficialTemplateSchema(sharedDir: string): ValidateFunction {
  return load(sharedDir).officialTemplateSchema();
}

/**
 * Types armgen deploys that the offline set cannot check: ../shared/arm-schemas copies only the Automation,
 * ManagedIdentity, Authorization, Insights, Resources and KeyVault files (its README). For these the validator must say
 * the API version exists upstream ("upstream has it, but it was not copied"), which upstream-index.json proves; any
 * other finding about them still fails. Remove a type once its schema file is added to the offline set.
 */
export const OUTSIDE_OFFLINE_SET = [
  'Microsoft.Network/privateEndpoints',
  'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
  'Microsoft.OperationalInsights/workspaces',
  'Microsoft.OperationalInsights/workspaces/linkedServices',
  'Microsoft.Compute/virtualMachines/extensions',
];
export const onlyUncopied = (error: string): boolean =>
  OUTSIDE_OFFLINE_SET.some((t) => error.includes(` (${t}@`) && error.endsWith('upstream has it, but it was not copied into arm-schemas'));
