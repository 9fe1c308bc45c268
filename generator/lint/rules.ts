import { apiVersionsRecent } from './apiVersions.js';
import { noBlanks } from './blanks.js';
import { dependsOnInTemplate } from './dependsOn.js';
import { expressionsValid } from './expressions.js';
import { limitDeploymentName, limitExpressionLength, limitOutputs, limitParameterFileSize, limitParameters, limitResources, limitTemplateSize } from './limits.js';
import { locationParameter, noHardcodedLocation } from './location.js';
import { parameterFileNames, parameterFileShape, parameterFileValues } from './parameterFiles.js';
import { parametersReferenced } from './parametersReferenced.js';
import { resourceIdFunctions } from './resourceIds.js';
import { defineRule, type LintRule } from './rule.js';
import { outputsNoSecrets, secureParameterDefault } from './secrets.js';

/** Every .json artifact parses (checked by the engine before any other rule). */
export const jsonValid = defineRule({ id: 'json-valid', severity: 'error', kind: 'lint', appliesTo: 'any' }, {
  doc: 'Every .json artifact is valid JSON.',
  source: 'arm-ttk JSONFiles Should Be Valid',
  check: () => undefined,
});

/** The registry, in the order findings are reported. Ids are stable: add, never rename. */
export const allRules: readonly LintRule[] = [
  jsonValid,
  expressionsValid,
  parametersReferenced,
  noHardcodedLocation,
  locationParameter,
  resourceIdFunctions,
  dependsOnInTemplate,
  outputsNoSecrets,
  secureParameterDefault,
  apiVersionsRecent,
  noBlanks,
  parameterFileShape,
  parameterFileNames,
  parameterFileValues,
  limitParameters,
  limitResources,
  limitOutputs,
  limitTemplateSize,
  limitParameterFileSize,
  limitDeploymentName,
  limitExpressionLength,
];

/** The rule table for the README: id, severity, kind and one line of doc. */
export const lintRules: readonly { readonly id: string; readonly severity: 'error' | 'warning'; readonly kind: 'lint' | 'limit'; readonly doc: string; readonly source: string }[] = allRules.map(
  ({ id, severity, kind, doc, source }) => ({ id, severity, kind, doc, source }),
);

/** The README table as Markdown. */
export function lintRulesMarkdown(): string {
  const rows = lintRules.map((r) => `| \`${r.id}\` | ${r.kind === 'limit' ? 'AG400' : 'AG500'} | ${r.severity} | ${r.doc.replace(/\|/g, '\\|')} |`);
  return ['| Rule | Code | Severity | What it checks |', '|---|---|---|---|', ...rows].join('\n');
}
