import { isExpression } from './expression.js';
import { defineRule, type LintRule } from './rule.js';
import { DEPLOYMENTS_TYPE, declaredParameters, type TemplateInfo } from './template.js';
import { expressionStrings, perResource, perTemplate } from './traverse.js';
import { isObject } from './types.js';

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

/** The size of a whole file in UTF-8 bytes, reported at the file's root. */
function sizeLimit(id: string, appliesTo: 'template' | 'parameters', what: string, max: number): LintRule {
  return defineRule({ id, severity: 'error', kind: 'limit', appliesTo }, {
    doc: `A ${what} is at most 4 MB (4,194,304 bytes of UTF-8 text).`,
    source: LIMITS_DOC,
    check: (ctx, hit) => {
      const bytes = Buffer.byteLength(ctx.file.text, 'utf8');
      if (bytes > max) hit(cite(`the ${what} is ${bytes} bytes; Azure's limit is 4 MB (${max} bytes)`), []);
    },
  });
}

/** A count per template (each nested template on its own), reported at the section counted. */
function countLimit(id: string, doc: string, section: 'parameters' | 'resources' | 'outputs', count: (info: TemplateInfo) => number, said: (n: number) => string): LintRule {
  const max = ARM_LIMITS[section];
  return defineRule({ id, severity: 'error', kind: 'limit', appliesTo: 'template' }, {
    doc,
    source: LIMITS_DOC,
    check: perTemplate((info, hit) => {
      const n = count(info);
      if (n > max) hit(cite(`the template ${said(n)}; Azure's limit is ${max}`), [...info.path, section]);
    }),
  });
}

export const limitTemplateSize = sizeLimit('limit-template-size', 'template', 'template', ARM_LIMITS.templateBytes);
export const limitParameterFileSize = sizeLimit('limit-parameter-file-size', 'parameters', 'parameter file', ARM_LIMITS.parameterFileBytes);

export const limitParameters = countLimit(
  'limit-parameters',
  'A template (each nested template counted on its own) declares at most 256 parameters.',
  'parameters',
  (info) => declaredParameters(info.template).size,
  (n) => `declares ${n} parameters`,
);

export const limitResources = countLimit(
  'limit-resources',
  'A template (each nested template counted on its own) has at most 800 resources, child resources and literal copy counts included.',
  'resources',
  (info) => info.resources.reduce((n, r) => n + copies(r.resource.copy), 0),
  (n) => `has ${n} resources (copies included)`,
);

/** How many resources a resource declaration stands for: its literal copy count, else 1. */
function copies(copy: unknown): number {
  return isObject(copy) && typeof copy.count === 'number' && copy.count >= 0 ? copy.count : 1;
}

export const limitOutputs = countLimit(
  'limit-outputs',
  'A template (each nested template counted on its own) has at most 64 outputs.',
  'outputs',
  (info) => (isObject(info.template.outputs) ? Object.keys(info.template.outputs).length : 0),
  (n) => `has ${n} outputs`,
);

export const limitDeploymentName = defineRule({ id: 'limit-deployment-name', severity: 'error', kind: 'limit', appliesTo: 'template' }, {
  doc: 'A literal name of a Microsoft.Resources/deployments resource is at most 64 characters.',
  source: `${LIMITS_DOC}; resource-name-rules.md (Microsoft.Resources/deployments: 1-64)`,
  check: perResource((r, hit) => {
    if (r.fullType.toLowerCase() !== DEPLOYMENTS_TYPE || typeof r.resource.name !== 'string' || isExpression(r.resource.name)) return;
    const name = r.resource.name.startsWith('[[') ? r.resource.name.slice(1) : r.resource.name;
    if (name.length > ARM_LIMITS.deploymentName) hit(cite(`deployment name '${name.slice(0, 40)}...' is ${name.length} characters; Azure's limit is ${ARM_LIMITS.deploymentName}`), [...r.path, 'name']);
  }),
});

export const limitExpressionLength = defineRule({ id: 'limit-expression-length', severity: 'error', kind: 'limit', appliesTo: 'template' }, {
  doc: 'A template expression is at most 24,576 characters.',
  source: `${LIMITS_DOC}; template-expressions.md`,
  check: (ctx, hit) => {
    for (const site of expressionStrings(ctx)) {
      if (site.value.length > ARM_LIMITS.expressionChars) hit(cite(`an expression of ${site.value.length} characters; Azure's limit is ${ARM_LIMITS.expressionChars}`), site.path);
    }
  },
});
