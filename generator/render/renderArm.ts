import type { ResolvedModel, TemplateModel, TemplateParameter } from '../model/resolved.js';
import { createEnvironment, type TemplateFn } from './environment.js';
import { armHelpers } from './helpers.js';
import type { RenderedFile } from './renderedFile.js';

let templates: ((entry: string) => TemplateFn) | undefined;

/** The ARM template and one parameter file per environment (raw text: verify parses and formats it). */
export function renderArm(model: ResolvedModel): RenderedFile[] {
  templates ??= createEnvironment('arm', armHelpers);
  const files: RenderedFile[] = [{ path: 'azuredeploy.json', kind: 'armTemplate', text: templates('azuredeploy.json')(templateView(model.template)) }];
  for (const file of model.parameterFiles) {
    files.push({
      path: file.environment ? `azuredeploy.parameters.${file.environment}.json` : 'azuredeploy.parameters.json',
      kind: 'armParameters',
      text: templates('azuredeploy.parameters.json')(file),
    });
  }
  return files;
}

/** Numeric constraints may legitimately be 0, which `{{#if}}` treats as absent: say "has" explicitly. */
function templateView(t: TemplateModel): unknown {
  return {
    ...t,
    parameters: t.parameters.map(parameterView),
    resources: t.resources.map((r) => (r.deployment ? { ...r, deployment: { ...r.deployment, template: templateView(r.deployment.template) } } : r)),
  };
}

function parameterView(p: TemplateParameter): unknown {
  return {
    ...p,
    hasMinLength: p.minLength !== undefined,
    hasMaxLength: p.maxLength !== undefined,
    hasMinValue: p.minValue !== undefined,
    hasMaxValue: p.maxValue !== undefined,
  };
}
