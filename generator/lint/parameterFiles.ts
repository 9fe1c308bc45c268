import { defineRule } from './rule.js';
import { declaredParameters } from './template.js';
import { isObject, type JsonValue } from './types.js';

const PARAMETERS_SCHEMA = /^https:\/\/schema\.management\.azure\.com\/schemas\/(2015-01-01|2019-04-01)\/deploymentParameters\.json#?$/;

/** arm-ttk's deploymentParameters group: $schema, contentVersion and a parameters object. */
export const parameterFileShape = defineRule({ id: 'parameter-file-shape', severity: 'error', kind: 'lint', appliesTo: 'parameters' }, {
  doc: 'A parameter file has the deploymentParameters $schema, a contentVersion like 1.0.0.0 and a parameters object.',
  source: 'arm-ttk DeploymentParameters Should Have Schema / ContentVersion / Parameters',
  check: (ctx, hit) => {
    const { $schema, contentVersion, parameters } = ctx.root;
    if (typeof $schema !== 'string' || !PARAMETERS_SCHEMA.test($schema)) hit(`$schema must be the 2019-04-01 (or 2015-01-01) deploymentParameters schema`, ['$schema']);
    if (typeof contentVersion !== 'string' || !/^\d+\.\d+\.\d+\.\d+$/.test(contentVersion)) hit('contentVersion must look like 1.0.0.0', ['contentVersion']);
    if (!isObject(parameters)) hit('the file has no parameters object', ['parameters']);
  },
});

/** Azure rejects a parameter file that names a parameter the template does not declare. */
export const parameterFileNames = defineRule({ id: 'parameter-file-names', severity: 'error', kind: 'lint', appliesTo: 'parameters' }, {
  doc: 'A parameter file names only parameters that its template (azuredeploy.json in the same folder) declares.',
  source: 'learn.microsoft.com parameter-files.md ("extra parameters not in the template are an error")',
  check: (ctx, hit) => {
    if (!ctx.template || !isObject(ctx.root.parameters)) return;
    const declared = new Set([...declaredParameters(ctx.template.root).keys()].map((n) => n.toLowerCase()));
    for (const name of Object.keys(ctx.root.parameters)) {
      if (!declared.has(name.toLowerCase())) hit(`parameter '${name}' is not declared by ${ctx.template.file.path}`, ['parameters', name]);
    }
  },
});

/** Every entry carries a `value` or a Key Vault `reference`. */
export const parameterFileValues = defineRule({ id: 'parameter-file-values', severity: 'error', kind: 'lint', appliesTo: 'parameters' }, {
  doc: 'Every parameter-file entry is an object with a value or a Key Vault reference (and not both).',
  source: 'arm-ttk DeploymentParameters Should Have Value; key-vault-parameter.md',
  check: (ctx, hit) => {
    if (!isObject(ctx.root.parameters)) return;
    for (const [name, entry] of Object.entries(ctx.root.parameters)) {
      const problem = entryProblem(name, entry);
      if (problem) hit(problem.message, ['parameters', name, ...problem.under]);
    }
  },
});

function entryProblem(name: string, entry: JsonValue): { message: string; under: string[] } | undefined {
  const at = (message: string, under: string[] = []) => ({ message, under });
  if (!isObject(entry)) return at(`parameter '${name}' must be an object with a 'value' or a 'reference'`);
  if (!('value' in entry) && !('reference' in entry)) return at(`parameter '${name}' has neither a 'value' nor a Key Vault 'reference'`);
  if ('value' in entry && 'reference' in entry) return at(`parameter '${name}' has both a 'value' and a 'reference'`);
  if (!('reference' in entry)) return undefined;
  const ref = entry.reference;
  const ok = isObject(ref) && isObject(ref.keyVault) && typeof ref.keyVault.id === 'string' && typeof ref.secretName === 'string';
  return ok ? undefined : at(`parameter '${name}': a reference needs keyVault.id and secretName`, ['reference']);
}
