import type { ParameterValue, ResolvedModel, TemplateParameter } from '../../model/resolved.js';
import { vaultIdText } from './describe.js';
import { valueText } from './readmeText.js';

export interface ParameterRow {
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly defaultValue: string;
  /** One cell per parameter file, in the order of `ParameterTableView.files`. */
  readonly values: readonly string[];
}

export interface ParameterTableView {
  /** Column heads: `(base)` for the file without an environment, then each environment's name. */
  readonly files: readonly string[];
  readonly rows: readonly ParameterRow[];
}

const SECURE = new Set(['securestring', 'secureObject']);

/**
 * One row per template parameter, one column per parameter file (the base file and each environment): what the file
 * gives, else whether the default applies or a value must be given at deployment. Secure parameters never show a value
 * (parameter files never hold one in clear: resolve refuses it); a Key Vault reference names the vault and secret.
 */
export function parameterTableView(model: ResolvedModel): ParameterTableView {
  const files = model.parameterFiles.map((f) => f.environment ?? '(base)');
  const rows = model.template.parameters.map((p): ParameterRow => ({
    name: p.name,
    type: p.type,
    description: p.description ?? '',
    defaultValue: defaultText(p),
    values: model.parameterFiles.map((f) => cellText(p, f.values.find((v) => v.name === p.name))),
  }));
  return { files, rows };
}

function defaultText(p: TemplateParameter): string {
  if (p.defaultValue === undefined) return SECURE.has(p.type) ? '(none: secure)' : '(none: required)';
  return valueText(p.defaultValue);
}

function cellText(p: TemplateParameter, v: ParameterValue | undefined): string {
  if (v === undefined) return p.defaultValue === undefined ? '(give at deployment)' : '(default)';
  if ('keyVaultReference' in v) {
    const ref = v.keyVaultReference;
    return `secret ${ref.secretName}${ref.secretVersion ? ` (version ${ref.secretVersion})` : ''} from ${vaultIdText(ref.vaultId)}`;
  }
  if ('environmentVariable' in v) return `(environment variable ${v.environmentVariable}, Bicep)`;
  return SECURE.has(p.type) ? '(secure)' : valueText(v.value);
}
