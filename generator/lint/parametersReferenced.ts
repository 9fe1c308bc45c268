import { namedReferences } from './expression.js';
import { formatPath } from './jsonPath.js';
import type { LintRule } from './rule.js';
import { declaredParameters, expressionOf, scopeStrings } from './template.js';

/**
 * Every declared parameter is used by some `parameters('x')` expression in its scope (arm-ttk
 * "Parameters Must Be Referenced", Bicep `no-unused-params`). Inner-scoped nested templates are their
 * own scope; ARM parameter names are case-insensitive.
 */
export const parametersReferenced: LintRule = {
  id: 'parameters-referenced',
  severity: 'warning',
  kind: 'lint',
  appliesTo: 'template',
  doc: "Every declared parameter is used by a parameters('name') expression in its template (nested inner-scoped templates included).",
  source: 'arm-ttk Parameters Must Be Referenced; Bicep no-unused-params',
  check: (ctx) => {
    const hits = [];
    for (const info of ctx.templates) {
      if (info.scope !== info) continue;
      const declared = declaredParameters(info.template);
      if (declared.size === 0) continue;
      const used = new Set<string>();
      for (const site of scopeStrings(info, ctx.templates)) {
        const node = expressionOf(site.value);
        if (node) for (const name of namedReferences(node, 'parameters')) used.add(name.toLowerCase());
      }
      for (const name of declared.keys()) {
        if (!used.has(name.toLowerCase())) {
          hits.push({ message: `parameter '${name}' is declared but never used in a parameters('${name}') expression`, jsonPath: formatPath([...info.path, 'parameters', name]) });
        }
      }
    }
    return hits;
  },
};
