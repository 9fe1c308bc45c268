import { CONTENT_VERSION, PARAMETERS_SCHEMA } from '../../azure/templateSchemas.js';
import type { Artifact } from '../../model/artifact.js';
import type { Expr } from '../../model/expr.js';
import type { ParameterFileModel, ResolvedModel } from '../../model/resolved.js';
import { createEnvironment, type TemplateFn } from '../environment.js';
import { armTemplateView } from './armTemplate.js';
import { toParameterFileJson } from './armText.js';

/**
 * The only helper the ARM templates may call (knownHelpersOnly): every value is JSON-encoded, so no config value can
 * break the JSON around it, whatever quotes, brackets or newlines it holds.
 */
export const armHelpers = {
  json: (value: unknown): string => JSON.stringify(value),
} as const;

let templates: ((entry: string) => TemplateFn) | undefined;

/** The ARM template and one parameter file per environment (raw text: verify parses and formats it). */
export function renderArm(model: ResolvedModel): Artifact[] {
  templates ??= createEnvironment('arm', armHelpers);
  const files: Artifact[] = [{ path: 'azuredeploy.json', kind: 'armTemplate', text: templates('azuredeploy.json')(armTemplateView(model.template)) }];
  for (const file of model.parameterFiles) {
    files.push({
      path: file.environment ? `azuredeploy.parameters.${file.environment}.json` : 'azuredeploy.parameters.json',
      kind: 'armParameters',
      text: templates('azuredeploy.parameters.json')(parameterFileView(file)),
    });
  }
  return files;
}

/** Parameter files take values literally (no expressions, no `[[`); Key Vault references as ARM's `reference` object. */
function parameterFileView(file: ParameterFileModel): unknown {
  return {
    schema: PARAMETERS_SCHEMA,
    contentVersion: CONTENT_VERSION,
    values: file.values.filter((v) => !('environmentVariable' in v)).map((v) => ({
      name: v.name,
      body:
        'keyVaultReference' in v
          ? {
              reference: {
                keyVault: { id: v.keyVaultReference.vaultId },
                secretName: v.keyVaultReference.secretName,
                ...(v.keyVaultReference.secretVersion ? { secretVersion: v.keyVaultReference.secretVersion } : {}),
              },
            }
          : { value: toParameterFileJson((v as { value: Expr }).value) },
    })),
  };
}
