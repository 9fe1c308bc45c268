import { isExpression } from './expression.js';
import { formatPath } from './jsonPath.js';
import type { LintRule } from './rule.js';
import { DEPLOYMENTS_TYPE, declaredParameters, listResources, stringsIn } from './template.js';
import { isObject, type RuleHit } from './types.js';

/** Where Azure documents its template limits (also learn.microsoft.com template-best-practices). */
export const LIMITS_DOC = 'learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits#template-limits';

/** Azure Resource Manager template limits (AZURE-NOTES.md §4.3). */
export const ARM_LIMITS = {
  parameters: 256,
  resources: 800,
  outputs: 64,
  templateBytes: 4 * 1024 * 1024,
  parameterFileBytes: 4 * 1024 * 1024,
  expressionChars: 24_576,
  deploymentName: 64,
} as const;

const cite = (what: string): string => `${what} (${LIMITS_DOC})`;

export const limitTemplateSize: LintRule = {
  id: 'limit-template-size',
  severity: 'error',
  kind: 'limit',
  appliesTo: 'template',
  doc: 'A template is at most 4 MB (4,194,304 bytes of UTF-8 text).',
  source: LIMITS_DOC,
  check: (ctx) => {
    const bytes = Buffer.byteLength(ctx.file.text, 'utf8');
    return bytes > ARM_LIMITS.templateBytes ? [{ message: cite(`the template is ${bytes} bytes; Azure's limit is 4 MB (${ARM_LIMITS.templateBytes} bytes)`) }] : [];
  },
};

export const limitParameterFileSize: LintRule = {
  id: 'limit-parameter-file-size',
  severity: 'error',
  kind: 'limit',
  appliesTo: 'parameters',
  doc: 'A parameter file is at most 4 MB (4,194,304 bytes of UTF-8 text).',
  source: LIMITS_DOC,
  check: (ctx) => {
    const bytes = Buffer.byteLength(ctx.file.text, 'utf8');
    return bytes > ARM_LIMITS.parameterFileBytes ? [{ message: cite(`the parameter file is ${bytes} bytes; Azure's limit is 4 MB (${ARM_LIMITS.parameterFileBytes} bytes)`) }] : [];
  },
};

export const limitParameters: LintRule = {
  id: 'limit-parameters',
  severity: 'error',
  kind: 'limit',
  appliesTo: 'template',
  doc: 'A template (each nested template counted on its own) declares at most 256 parameters.',
  source: LIMITS_DOC,
  check: (ctx) =>
    ctx.templates.flatMap((info) => {
      const n = declaredParameters(info.template).size;
      return n > ARM_LIMITS.parameters ? [{ message: cite(`the template declares ${n} parameters; Azure's limit is ${ARM_LIMITS.parameters}`), jsonPath: formatPath([...info.path, 'parameters']) }] : [];
    }),
};

export const limitResources: LintRule = {
  id: 'limit-resources',
  severity: 'error',
  kind: 'limit',
  appliesTo: 'template',
  doc: 'A template (each nested template counted on its own) has at most 800 resources, child resources and literal copy counts included.',
  source: LIMITS_DOC,
  check: (ctx) =>
    ctx.templates.flatMap((info) => {
      let n = 0;
      for (const r of listResources(info.template, info.path)) {
        const copy = r.resource.copy;
        n += isObject(copy) && typeof copy.count === 'number' && copy.count >= 0 ? copy.count : 1;
      }
      return n > ARM_LIMITS.resources ? [{ message: cite(`the template has ${n} resources (copies included); Azure's limit is ${ARM_LIMITS.resources}`), jsonPath: formatPath([...info.path, 'resources']) }] : [];
    }),
};

export const limitOutputs: LintRule = {
  id: 'limit-outputs',
  severity: 'error',
  kind: 'limit',
  appliesTo: 'template',
  doc: 'A template (each nested template counted on its own) has at most 64 outputs.',
  source: LIMITS_DOC,
  check: (ctx) =>
    ctx.templates.flatMap((info) => {
      const n = isObject(info.template.outputs) ? Object.keys(info.template.outputs).length : 0;
      return n > ARM_LIMITS.outputs ? [{ message: cite(`the template has ${n} outputs; Azure's limit is ${ARM_LIMITS.outputs}`), jsonPath: formatPath([...info.path, 'outputs']) }] : [];
    }),
};

export const limitDeploymentName: LintRule = {
  id: 'limit-deployment-name',
  severity: 'error',
  kind: 'limit',
  appliesTo: 'template',
  doc: 'A literal name of a Microsoft.Resources/deployments resource is at most 64 characters.',
  source: `${LIMITS_DOC}; resource-name-rules.md (Microsoft.Resources/deployments: 1-64)`,
  check: (ctx) => {
    const hits: RuleHit[] = [];
    for (const info of ctx.templates) {
      for (const r of listResources(info.template, info.path)) {
        if (r.fullType.toLowerCase() !== DEPLOYMENTS_TYPE || typeof r.resource.name !== 'string' || isExpression(r.resource.name)) continue;
        const name = r.resource.name.startsWith('[[') ? r.resource.name.slice(1) : r.resource.name;
        if (name.length > ARM_LIMITS.deploymentName) hits.push({ message: cite(`deployment name '${name.slice(0, 40)}...' is ${name.length} characters; Azure's limit is ${ARM_LIMITS.deploymentName}`), jsonPath: formatPath([...r.path, 'name']) });
      }
    }
    return hits;
  },
};

export const limitExpressionLength: LintRule = {
  id: 'limit-expression-length',
  severity: 'error',
  kind: 'limit',
  appliesTo: 'template',
  doc: 'A template expression is at most 24,576 characters.',
  source: `${LIMITS_DOC}; template-expressions.md`,
  check: (ctx) =>
    stringsIn(ctx.root, []).flatMap((site) =>
      isExpression(site.value) && site.value.length > ARM_LIMITS.expressionChars
        ? [{ message: cite(`an expression of ${site.value.length} characters; Azure's limit is ${ARM_LIMITS.expressionChars}`), jsonPath: formatPath(site.path) }]
        : [],
    ),
};
