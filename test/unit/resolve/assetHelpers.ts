import { generateConfig, type GenerateOptions } from '../../../generator/generate.js';
import { loadArmSchemaValidator, type ArmSchemaValidator } from '../../support/armSchemas.js';
import { sharedDir } from '../../support/paths.js';
import { renderYaml, templateOf, type ArmResourceJson, type ArmTemplate } from '../../helpers/render.js';

/** An account with a system identity and one attached user-assigned identity, plus the given sections. */
export function config(sections: string, account = 'aa-assets-01'): string {
  return [
    'identities:',
    '  - name: ops',
    '    resourceName: uai-ops',
    'automationAccount:',
    `  name: ${account}`,
    '  identity:',
    '    systemAssigned: true',
    '    userAssigned: [ops]',
    sections,
  ].join('\n');
}

/** Render valid YAML and return the parsed template, the artifacts and the warnings. */
export function render(yaml: string, options: GenerateOptions = {}) {
  const result = renderYaml(yaml, 'assets.yaml', options);
  return { template: templateOf(result), result, warnings: result.diagnostics.filter((d) => d.severity === 'warning') };
}

/** `CODE pointer: message` of every error of a config expected to be rejected. */
export function errorsOf(yaml: string, options: GenerateOptions = {}): string[] {
  const result = generateConfig('bad.yaml', yaml, options);
  if (result.ok) throw new Error('expected the config to be rejected, but it rendered');
  return result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
}

export function resourcesOfType(t: ArmTemplate, suffix: string): ArmResourceJson[] {
  return t.resources.filter((r) => r.type === `Microsoft.Automation/automationAccounts/${suffix}` || r.type === suffix);
}

export function byName(t: ArmTemplate, type: string, short: string): ArmResourceJson {
  const found = resourcesOfType(t, type).find((r) => r.name.includes(`'${short}'`) || r.name === short);
  if (!found) throw new Error(`no ${type} named ${short} in ${t.resources.map((r) => r.name).join(', ')}`);
  return found;
}

export const ACCOUNT_ID = "[resourceId('Microsoft.Automation/automationAccounts', 'aa-assets-01')]";
export const childId = (type: string, ...names: string[]) =>
  `[resourceId('Microsoft.Automation/automationAccounts/${type}', 'aa-assets-01', ${names.map((n) => `'${n}'`).join(', ')})]`;

let validator: ArmSchemaValidator | undefined;
/** Errors of the official ARM schemas for the template; [] when ../shared is absent (tests then skip that part). */
export function officialSchemaErrors(t: ArmTemplate): string[] {
  if (!sharedDir) return [];
  validator ??= loadArmSchemaValidator(sharedDir);
  return validator.validateTemplate(t);
}
