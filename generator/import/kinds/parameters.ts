import { DEPLOY_JOB_SCHEDULES_PARAMETER, JOB_SCHEDULE_SEED_PARAMETER } from '../../resolve/resolveJobSchedules.js';
import { ARTIFACTS_LOCATION, ARTIFACTS_SAS_TOKEN } from '../../resolve/resolveRunbooks.js';
import { SCHEDULE_START_PARAMETER } from '../../resolve/resolveSchedules.js';
import { WEBHOOK_EXPIRY_PARAMETER } from '../../resolve/resolveWebhooks.js';
import { isExpression } from '../../azure/armExpression.js';
import { canonicalString } from '../armValues.js';
import { Fields, isPlainObject, type ImportContext } from '../importContext.js';
import type { JsonPath, JsonSource } from '../jsonSource.js';

/** armgen's parameter types, by the lower-cased ARM spelling (ARM type names are case-insensitive: the seed writes `String`). */
const TYPES: Record<string, string> = {
  string: 'string',
  securestring: 'securestring',
  int: 'int',
  bool: 'bool',
  object: 'object',
  secureobject: 'secureObject',
  array: 'array',
};

/** The `location` parameter armgen adds itself (resolveParameters.ts): not a config parameter. */
function isArmgenLocation(name: string, p: Readonly<Record<string, unknown>>): boolean {
  const description = isPlainObject(p.metadata) ? p.metadata.description : undefined;
  return (
    name === 'location' &&
    String(p.type).toLowerCase() === 'string' &&
    typeof p.defaultValue === 'string' &&
    canonicalString(p.defaultValue) === '[resourcegroup().location]' &&
    description === 'Location for all resources.' &&
    Object.keys(p).every((k) => ['type', 'defaultValue', 'metadata'].includes(k))
  );
}

/**
 * Parameters armgen adds itself, by name and type: the artifacts location and SAS token of staged runbooks
 * (resolveRunbooks.ts), the job-schedule switch and name seed (resolveJobSchedules.ts) and the default schedule
 * start (resolveSchedules.ts) and the default webhook expiry (resolveWebhooks.ts). Left for armgen to add; the verification checks they are armgen's to the letter.
 */
const ARMGEN_PARAMETERS: Readonly<Record<string, string>> = {
  [ARTIFACTS_LOCATION]: 'string',
  [ARTIFACTS_SAS_TOKEN]: 'securestring',
  [DEPLOY_JOB_SCHEDULES_PARAMETER]: 'bool',
  [JOB_SCHEDULE_SEED_PARAMETER]: 'string',
  [SCHEDULE_START_PARAMETER]: 'string',
  [WEBHOOK_EXPIRY_PARAMETER]: 'string',
};

function isArmgenParameter(name: string, p: Readonly<Record<string, unknown>>): boolean {
  return Object.hasOwn(ARMGEN_PARAMETERS, name) && String(p.type).toLowerCase() === ARMGEN_PARAMETERS[name];
}

/** Template `parameters` -> config `parameters:` (armgen's own `location` parameter left for armgen to add). */
export function importParameters(ctx: ImportContext, template: Fields): void {
  const params = template.object('parameters');
  if (!params) return;
  for (const [name, raw] of Object.entries(params.value)) {
    params.take(name);
    const p = Fields.of(ctx, raw, params.at(name), `parameter '${name}'`);
    if (!p) continue;
    if (isArmgenLocation(name, p.value)) {
      ctx.comment('parameters', "The template's `location` parameter is the one armgen adds itself (default: the resource group's location).");
      continue;
    }
    if (isArmgenParameter(name, p.value)) continue;
    const out: Record<string, unknown> = {};
    const type = TYPES[String(p.take('type')).toLowerCase()];
    if (!type) ctx.refuse(p.at('type'), `parameter type ${JSON.stringify(p.value.type)} has no armgen equivalent (${Object.values(TYPES).join(', ')})`);
    else out.type = type;
    if (p.has('defaultValue')) out.defaultValue = defaultValue(p.take('defaultValue'));
    const metadata = p.object('metadata');
    if (metadata?.has('description')) out.description = metadata.take('description');
    metadata?.finish(`the metadata of parameter '${name}'`);
    for (const key of ['allowedValues', 'minLength', 'maxLength', 'minValue', 'maxValue']) if (p.has(key)) out[key] = p.take(key);
    p.finish(`parameter '${name}'`);
    ctx.draft.parameters[name] = out;
  }
}

/** A literal default, or `{ expr }` for an expression default (armgen converts the text back). */
function defaultValue(value: unknown): unknown {
  if (typeof value === 'string' && isExpression(value)) return { expr: value.slice(1, -1) };
  if (typeof value === 'string' && value.startsWith('[[')) return value.slice(1);
  return value;
}

/** `azuredeploy.parameters.prod.json` -> `prod`; undefined for the default file. */
export function environmentOf(file: string): string | undefined {
  return /\.parameters\.([a-z][a-z0-9-]{0,31})\.json$/.exec(file)?.[1];
}

/**
 * A parameter file's values: the default file's become `value` / `keyVaultReference` on each parameter, an
 * environment's (`*.parameters.<env>.json`) `environments.<env>.parameters`.
 */
export function importParameterFile(ctx: ImportContext, source: JsonSource, env: string | undefined): void {
  const file = Fields.of(ctx, source.value, [], 'a parameter file');
  if (!file) return;
  file.derived('$schema', 'contentVersion');
  const values = file.object('parameters');
  file.finish('the parameter file');
  if (!values) return;
  for (const [name, raw] of Object.entries(values.value)) {
    values.take(name);
    const entry = Fields.of(ctx, raw, values.at(name), `the value of '${name}'`);
    const declared = ctx.draft.parameters[name];
    if (!entry) continue;
    if (ARTIFACT_VALUES.has(name)) {
      artifactsValue(ctx, name, entry, values.at(name));
      continue;
    }
    if (!declared) {
      ctx.refuse(values.at(name), `a value for '${name}', which is not a parameter of the imported config`);
      continue;
    }
    const value = entry.has('value') ? { value: entry.take('value') } : keyVaultReference(ctx, entry);
    entry.finish(`the value of '${name}'`);
    if (!value) continue;
    if (env === undefined) Object.assign(declared, value);
    else {
      const target = (ctx.draft.environments[env] ??= { parameters: {} });
      target.parameters[name] = 'value' in value ? value.value : value;
    }
  }
}

const ARTIFACT_VALUES = new Set(['_artifactsLocation', '_artifactsLocationSasToken']);

/** The artifacts location (`artifacts.location`) and its SAS token from Key Vault (`artifacts.sasToken`): one for every environment. */
function artifactsValue(ctx: ImportContext, name: string, entry: Fields, path: JsonPath): void {
  const isLocation = name === '_artifactsLocation';
  const value = isLocation ? entry.take('value') : keyVaultReference(ctx, entry);
  entry.finish(`the value of '${name}'`);
  if (value === undefined) return;
  if (isLocation && typeof value !== 'string') {
    ctx.refuse(path, '_artifactsLocation is imported as a literal URI (artifacts.location)');
    return;
  }
  const artifacts = (ctx.draft.artifacts ??= {});
  const key = isLocation ? 'location' : 'sasToken';
  if (artifacts[key] !== undefined && JSON.stringify(artifacts[key]) !== JSON.stringify(value)) {
    ctx.refuse(path, `${name} differs between parameter files; armgen's artifacts: section is one for every environment`);
    return;
  }
  artifacts[key] = value;
}

function keyVaultReference(ctx: ImportContext, entry: Fields): { keyVaultReference: Record<string, unknown> } | undefined {
  const reference = entry.object('reference');
  if (!reference) {
    ctx.refuse(entry.path, 'a parameter value needs `value` or `reference` (a Key Vault reference)');
    return undefined;
  }
  const keyVault = reference.object('keyVault');
  const vaultId = keyVault?.take('id');
  keyVault?.finish('the Key Vault reference');
  const out: Record<string, unknown> = { vaultId, secretName: reference.take('secretName') };
  if (reference.has('secretVersion')) out.secretVersion = reference.take('secretVersion');
  reference.finish('the Key Vault reference');
  return { keyVaultReference: out };
}
