import { isExpression, parseExpression } from './expression.js';
import { formatPath } from './jsonPath.js';
import type { LintRule } from './rule.js';
import { stringsIn } from './template.js';
import type { RuleHit } from './types.js';

/** Every `"[...]"` string (values and keys) is a well-formed ARM expression. */
export const expressionsValid: LintRule = {
  id: 'expressions-valid',
  severity: 'error',
  kind: 'lint',
  appliesTo: 'template',
  doc: "Every string that ARM evaluates ('[' ... ']', not '[[') parses as an ARM expression.",
  source: 'learn.microsoft.com template-expressions.md',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    for (const site of stringsIn(ctx.root, [])) {
      if (!isExpression(site.value)) continue;
      const r = parseExpression(site.value);
      if (!r.ok) hits.push({ message: `${site.isKey ? 'key' : 'value'} is not a valid expression: ${r.error}`, jsonPath: formatPath(site.path) });
    }
    return hits;
  },
};
