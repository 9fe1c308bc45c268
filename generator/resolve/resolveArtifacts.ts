import type { Artifacts } from '../model/config.generated.js';
import type { ParameterFileModel, ParameterValue } from '../model/resolved.js';
import { folderOf } from './artifactsFolder.js';
import type { ResolveContext } from './context.js';
import { kvRef } from './parameterFiles.js';
import { ARTIFACTS_LOCATION, ARTIFACTS_SAS_TOKEN } from './resolveRunbooks.js';

/** The environment variable a .bicepparam reads the artifacts location from when the config gives none. */
export const ARTIFACTS_LOCATION_VARIABLE = 'ARTIFACTS_LOCATION';

/**
 * `artifacts:` (top level and per environment) -> `_artifactsLocation` / `_artifactsLocationSasToken` values in the
 * parameter files. The parameter's default, `deployment().properties.templateLink.uri`, exists only when the template
 * is deployed from a URI (learn.microsoft.com linked-templates: "templateLink ... isn't available" for a local
 * template), and never for Bicep, so without a configured location every .bicepparam reads it from the pipeline's
 * environment and generate says so once (AG801).
 */
export function resolveArtifacts(ctx: ResolveContext, staged: boolean, files: readonly ParameterFileModel[]): ParameterFileModel[] {
  const top = ctx.config.artifacts;
  const environments = ctx.config.environments ?? {};
  if (!staged) {
    if (top) ctx.warn('/artifacts', 'AG801', 'artifacts has no effect: this config stages no files (no runbook with file: or generate:)');
    for (const [env, e] of Object.entries(environments)) {
      if (e?.artifacts) ctx.warn(`/environments/${env}/artifacts`, 'AG801', 'artifacts has no effect: this config stages no files (no runbook with file: or generate:)');
    }
    return [...files];
  }
  let missing = false;
  const out = files.map((file) => {
    const own = file.environment !== undefined && Object.hasOwn(environments, file.environment) ? environments[file.environment]?.artifacts : undefined;
    const pointer = own ? `/environments/${file.environment}/artifacts` : '/artifacts';
    const location = own?.location ?? top?.location;
    const sas = own?.sasToken ?? top?.sasToken;
    const values: ParameterValue[] = [...file.values];
    if (location !== undefined) values.push({ name: ARTIFACTS_LOCATION, value: { k: 'str', v: location } });
    else {
      missing = true;
      values.push({ name: ARTIFACTS_LOCATION, environmentVariable: ARTIFACTS_LOCATION_VARIABLE });
    }
    if (sas !== undefined) values.push({ name: ARTIFACTS_SAS_TOKEN, keyVaultReference: kvRef(ctx, sas.keyVaultReference, `${pointer}/sasToken/keyVaultReference`) });
    return { ...file, values };
  });
  if (missing) {
    ctx.info(
      '/runbooks',
      'AG801',
      `the template links ${folderOf(ctx)}/ files through ${ARTIFACTS_LOCATION}: set artifacts.location (the URI you upload out/<name>/ to) for a local or Bicep deployment, or pass ${ARTIFACTS_LOCATION} when deploying (the .bicepparam reads the ${ARTIFACTS_LOCATION_VARIABLE} environment variable); see README "Deploying and redeploying"`,
    );
  }
  return out;
}

export type { Artifacts };
