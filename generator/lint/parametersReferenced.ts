import { namedReferences } from './expression.js';
import { defineRule } from './rule.js';
import { declaredParameters, scopeStrings } from './template.js';
import { expressionsIn, perTemplate } from './traverse.js';

/**
 * Every declared parameter is used by some `parameters('x')` expression in its scope (arm-ttk
 * "Parameters Must Be Referenced", Bicep `no-unused-params`). Inner-scoped nested templates are their
 * own scope; ARM parameter names are case-insensitive.
 */
export const parametersReferenced = defineRule({ id: 'parameters-referenced', severity: 'warning', kind: 'lint', appliesTo: 'template' }, {
  doc: "Every declared parameter is used by a parameters('name') expression in its template (nested inner-scoped templates included).",
  source: 'arm-ttk Parameters Must Be Referenced; Bicep no-unused-params',
  check: perTemplate((info, hit, ctx) => {
    const declared = declaredParameters(info.template);
    // a scope's own template only: an outer-scoped nested template resolves parameters('x') in its parent
    if (info.scope !== info || declared.size === 0) return;
    const used = new Set<string>();
    for (const { node } of expressionsIn(scopeStrings(info, ctx.templates))) for (const name of namedReferences(node, 'parameters')) used.add(name.toLowerCase());
    for (const name of declared.keys()) {
      if (!used.has(name.toLowerCase())) hit(`parameter '${name}' is declared but never used in a parameters('${name}') expression`, [...info.path, 'parameters', name]);
    }
  }),
});
