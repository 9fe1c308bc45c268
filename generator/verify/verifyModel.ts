import type { ResourceRef } from '../model/resourceRef.js';
import type { TemplateModel } from '../model/resolved.js';

/**
 * Model-level checks before rendering: every dependsOn names a resource this same template creates (ARM fails
 * a deployment whose dependsOn names one it does not deploy, and an existing resource is never a dependency),
 * and no two resources share a symbol.
 * @throws Error: a failure is a bug in resolve, not a user mistake.
 */
export function verifyModel(template: TemplateModel, where = 'template'): void {
  const created = new Set<ResourceRef>();
  const symbols = new Set<string>();
  for (const node of template.resources) {
    const symbol = node.ref.symbol;
    if (symbols.has(symbol)) throw new Error(`internal error: ${where} declares '${symbol}' twice`);
    symbols.add(symbol);
    created.add(node.ref);
  }
  for (const node of template.resources) {
    const symbol = node.ref.symbol;
    for (const d of node.dependsOn) {
      if (!created.has(d)) throw new Error(`internal error: ${where} resource '${symbol}' depends on '${d.symbol}', which the template does not deploy`);
    }
    if (node.kind === 'module') verifyModel(node.template, `${where} > ${node.ref.symbol}`);
  }
}
