import { parseResourceId } from '../../azure/resourceId.js';
import { call, str, type Expr } from '../../model/expr.js';
import type { Artifact } from '../../model/artifact.js';
import { environmentVariableName } from '../../model/environmentVariable.js';
import type { ParameterFileModel, ResolvedModel, TemplateModel, TemplateParameter } from '../../model/resolved.js';
import { createEnvironment, type TemplateFn } from '../environment.js';
import { bicepHelpers } from './bicepHelpers.js';
import { bicepFileView, BicepUnsupportedError, functionsCalled, type BicepModuleFile } from './bicepTemplate.js';

export { BicepUnsupportedError } from './bicepTemplate.js';
export { environmentVariableName } from '../../model/environmentVariable.js';

let templates: ((entry: string) => TemplateFn) | undefined;

/**
 * main.bicep, its module files (one per distinct module, rendered once), main.bicepparam and
 * main.<env>.bicepparam, all from the same resolved model as the ARM JSON.
 */
export function renderBicep(model: ResolvedModel): Artifact[] {
  templates ??= createEnvironment('bicep', bicepHelpers);
  const render = templates('main.bicep');
  const main = bicepFileView(model.template, model.name);
  const files: Artifact[] = [{ path: 'main.bicep', kind: 'bicep', text: render(main.view) }];
  const modules = new Map<string, string>();
  const pending: BicepModuleFile[] = [...main.modules];
  for (let m = pending.shift(); m; m = pending.shift()) {
    const inner = bicepFileView(m.template, `${model.name}/${m.path}`);
    const text = render(inner.view);
    const previous = modules.get(m.path);
    if (previous !== undefined && previous !== text) throw new Error(`internal error: two different module files would be written to ${m.path}`);
    modules.set(m.path, text);
    if (inner.modules.length > 0) throw new Error(`internal error: module ${m.path} calls modules of its own`);
  }
  for (const path of [...modules.keys()].sort()) files.push({ path, kind: 'bicep', text: modules.get(path)! });
  for (const file of model.parameterFiles) {
    files.push({
      path: file.environment ? `main.${file.environment}.bicepparam` : 'main.bicepparam',
      kind: 'bicepParameters',
      text: templates('main.bicepparam')(parameterFileView(file, model.template)),
    });
  }
  return files;
}

/**
 * One `param` per value of the ARM parameter file. A .bicepparam must also assign every parameter that has no
 * default (BCP258), where an ARM parameter file may leave it to the deployment command: those read an
 * environment variable (`readEnvironmentVariable('SQL_PASSWORD')`), the Bicep way to hand a secret in from a
 * pipeline, and `bicep build-params` names the variable when it is missing (BCP427); other types are converted.
 */
function parameterFileView(file: ParameterFileModel, template: TemplateModel): unknown {
  const declared = new Set(template.parameters.map((p) => p.name));
  const assigned: { name: string; value: Expr }[] = file.values.map((v) => {
    if (!declared.has(v.name)) throw new Error(`internal error: parameter file sets '${v.name}', which main.bicep does not declare`);
    const value =
      'keyVaultReference' in v ? getSecret(v.name, v.keyVaultReference) : 'environmentVariable' in v ? call('readEnvironmentVariable', str(v.environmentVariable)) : v.value;
    return { name: v.name, value };
  });
  const given = new Set(file.values.map((v) => v.name));
  for (const p of template.parameters) {
    if (p.defaultValue !== undefined || given.has(p.name)) continue;
    assigned.push({ name: p.name, value: fromEnvironment(p) });
  }
  // A parameter the file assigns shadows a function of its name in the whole file: `param json = 'y'` breaks json('0.5').
  const calls = functionsCalled(assigned.map((a) => a.value));
  const shadowing = assigned.find((a) => calls.has(a.name));
  if (shadowing) {
    const where = file.environment ? `main.${file.environment}.bicepparam` : 'main.bicepparam';
    throw new BicepUnsupportedError(`${where}: parameter '${shadowing.name}' has the name of the Bicep function ${shadowing.name}(), which the file uses; Bicep would resolve it to the parameter. Rename the parameter.`);
  }
  return { values: assigned.map((a) => ({ head: `param ${a.name}`, value: a.value })) };
}

/** `az.getSecret(sub, group, vault, secret[, version])`, what Bicep compiles to a parameter file's Key Vault reference. */
function getSecret(name: string, ref: { vaultId: string; secretName: string; secretVersion?: string }): Expr {
  const id = parseResourceId(ref.vaultId);
  if (!id || id.type?.toLowerCase() !== 'microsoft.keyvault/vaults' || !id.subscriptionId || !id.resourceGroup) {
    throw new BicepUnsupportedError(
      `parameter '${name}': keyVaultReference.vaultId ${JSON.stringify(ref.vaultId)} is not a Key Vault resource ID (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>)`,
    );
  }
  return call('az.getSecret', str(id.subscriptionId), str(id.resourceGroup), str(id.names[0]!), str(ref.secretName), ...(ref.secretVersion ? [str(ref.secretVersion)] : []));
}

/**
 * A value read from the environment of the deploying pipeline. `readEnvironmentVariable` returns a string, so other
 * types are converted where they are read (a bare read would never type-check: BCP033); `bicep build-params` then
 * fails on a value that does not convert (BCP338) or a JSON text of the wrong shape (BCP033).
 */
function fromEnvironment(p: TemplateParameter): Expr {
  const read = call('readEnvironmentVariable', str(environmentVariableName(p.name)));
  switch (p.type) {
    case 'string':
    case 'securestring':
      return read;
    case 'int':
      return call('int', read);
    case 'bool':
      return call('bool', read);
    default:
      return call('json', read);
  }
}
