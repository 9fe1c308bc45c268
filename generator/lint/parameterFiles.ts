import { formatPath } from './jsonPath.js';
import type { LintRule } from './rule.js';
import { declaredParameters } from './template.js';
import { isObject, type RuleHit } from './types.js';

const PARAMETERS_SCHEMA = /^https:\/\/schema\.management\.azure\.com\/schemas\/(2015-01-01|2019-04-01)\/deploymentParameters\.json#?$/;

/** arm-ttk's deploymentParameters group: $schema, contentVersion and a parameters object. */
export const parameterFileShape: LintRule = {
  id: 'parameter-file-shape',
  severity: 'error',
  kind: 'lint',
  appliesTo: 'parameters',
  doc: 'A parameter file has the deploymentParameters $schema, a contentVersion like 1.0.0.0 and a parameters object.',
  source: 'arm-ttk DeploymentParameters Should Have Schema / ContentVersion / Parameters',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const { $schema, contentVersion, parameters } = ctx.root;
    if (typeof $schema !== 'string' || !PARAMETERS_SCHEMA.test($schema)) hits.push({ message: `$schema must be the 2019-04-01 (or 2015-01-01) deploymentParameters schema`, jsonPath: '$.$schema' });
    if (typeof contentVersion !== 'string' || !/^\d+\.\d+\.\d+\.\d+$/.test(contentVersion)) hits.push({ message: 'contentVersion must look like 1.0.0.0', jsonPath: '$.contentVersion' });
    if (!isObject(parameters)) hits.push({ message: 'the file has no parameters object', jsonPath: '$.parameters' });
    return hits;
  },
};

/** Azure rejects a parameter file that names a parameter the template does not declare. */
export const parameterFileNames: LintRule = {
  id: 'parameter-file-names',
  severity: 'error',
  kind: 'lint',
  appliesTo: 'parameters',
  doc: 'A parameter file names only parameters that its template (azuredeploy.json in the same folder) declares.',
  source: 'learn.microsoft.com parameter-files.md ("extra parameters not in the template are an error")',
  check: (ctx) => {
    if (!ctx.template || !isObject(ctx.root.parameters)) return [];
    const declared = new Set([...declaredParameters(ctx.template.root).keys()].map((n) => n.toLowerCase()));
    return Object.keys(ctx.root.parameters)
      .filter((name) => !declared.has(name.toLowerCase()))
      .map((name) => ({ message: `parameter '${name}' is not declared by ${ctx.template?.file.path}`, jsonPath: formatPath(['parameters', name]) }));
  },
};

/** Every entry carries a `value` or a Key Vault `reference`. */
export const parameterFileValues: LintRule = {
  id: 'parameter-file-values',
  severity: 'error',
  kind: 'lint',
  appliesTo: 'parameters',
  doc: 'Every parameter-file entry is an object with a value or a Key Vault reference (and not both).',
  source: 'arm-ttk DeploymentParameters Should Have Value; key-vault-parameter.md',
  check: (ctx) => {
    if (!isObject(ctx.root.parameters)) return [];
    const hits: RuleHit[] = [];
    for (const [name, entry] of Object.entries(ctx.root.parameters)) {
      const jsonPath = formatPath(['parameters', name]);
      if (!isObject(entry)) hits.push({ message: `parameter '${name}' must be an object with a 'value' or a 'reference'`, jsonPath });
      else if (!('value' in entry) && !('reference' in entry)) hits.push({ message: `parameter '${name}' has neither a 'value' nor a Key Vault 'reference'`, jsonPath });
      else if ('value' in entry && 'reference' in entry) hits.push({ message: `parameter '${name}' has both a 'value' and a 'reference'`, jsonPath });
      else if ('reference' in entry) {
        const ref = entry.reference;
        const ok = isObject(ref) && isObject(ref.keyVault) && typeof ref.keyVault.id === 'string' && typeof ref.secretName === 'string';
        if (!ok) hits.push({ message: `parameter '${name}': a reference needs keyVault.id and secretName`, jsonPath: formatPath(['parameters', name, 'reference']) });
      }
    }
    return hits;
  },
};
