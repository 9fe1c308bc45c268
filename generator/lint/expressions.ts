import { parseExpression } from './expression.js';
import { defineRule } from './rule.js';
import { expressionStrings } from './traverse.js';

/** Every `"[...]"` string (values and keys) is a well-formed ARM expression. */
export const expressionsValid = defineRule({ id: 'expressions-valid', severity: 'error', kind: 'lint', appliesTo: 'template' }, {
  doc: "Every string that ARM evaluates ('[' ... ']', not '[[') parses as an ARM expression.",
  source: 'learn.microsoft.com template-expressions.md',
  check: (ctx, hit) => {
    for (const site of expressionStrings(ctx)) {
      const r = parseExpression(site.value);
      if (!r.ok) hit(`${site.isKey ? 'key' : 'value'} is not a valid expression: ${r.error}`, site.path);
    }
  },
});
