import { callsIn, namedReferences, type ExprNode } from './expression.js';
import { defineRule, type Hit } from './rule.js';
import { declaredParameters, isSecureType, stringsIn, type TemplateInfo } from './template.js';
import { expressionsIn, perTemplate } from './traverse.js';
import { isObject, type JsonObject, type JsonValue } from './types.js';

/**
 * Outputs are stored in the deployment history in clear text: they must not carry a secure parameter
 * or the result of a `list*()` call (listKeys, listAccountSas, ...), directly or through a variable.
 * Outputs declared `securestring`/`secureObject` are not returned by ARM and pass.
 */
export const outputsNoSecrets = defineRule({ id: 'outputs-no-secrets', severity: 'error', kind: 'lint', appliesTo: 'template' }, {
  doc: 'Outputs do not return a secure parameter or a list*() result (directly or through a variable); securestring/secureObject outputs are exempt.',
  source: 'arm-ttk Outputs Must Not Contain Secrets; Bicep outputs-should-not-contain-secrets',
  check: perTemplate(checkOutputs),
});

function checkOutputs(info: TemplateInfo, hit: Hit): void {
  if (!isObject(info.template.outputs)) return;
  const scope = info.scope.template;
  const secure = new Set([...declaredParameters(scope)].filter(([, p]) => isSecureType(p.type)).map(([n]) => n.toLowerCase()));
  const variables = isObject(scope.variables) ? scope.variables : {};
  for (const [name, output] of Object.entries(info.template.outputs)) {
    if (!isObject(output) || isSecureType(output.type)) continue;
    const problem = secretIn(output, secure, variables, new Set());
    if (problem) hit(`output '${name}' ${problem}; outputs are visible to anyone who can read the deployment`, [...info.path, 'outputs', name]);
  }
}

function secretIn(value: JsonObject, secure: Set<string>, variables: JsonObject, seen: Set<string>): string | undefined {
  for (const { node } of expressionsIn(stringsIn(value, []))) {
    const problem = secretInExpr(node, secure, variables, seen);
    if (problem) return problem;
  }
  return undefined;
}

function secretInExpr(node: ExprNode, secure: Set<string>, variables: JsonObject, seen: Set<string>): string | undefined {
  const param = namedReferences(node, 'parameters').find((p) => secure.has(p.toLowerCase()));
  if (param) return `returns the secure parameter '${param}'`;
  const list = callsIn(node).find((c) => c.name.toLowerCase().startsWith('list'));
  if (list) return `returns the result of ${list.name}()`;
  for (const v of namedReferences(node, 'variables')) {
    const key = Object.keys(variables).find((k) => k.toLowerCase() === v.toLowerCase());
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const inner = variables[key];
    const problem = inner === undefined ? undefined : secretIn({ v: inner }, secure, variables, seen);
    if (problem) return `${problem} (through variable '${key}')`;
  }
  return undefined;
}

/**
 * A `securestring`/`secureObject` parameter has no default: a default is stored in the template in
 * clear text. An empty default or `[newGuid()]` is allowed, as arm-ttk and Bicep allow it.
 */
export const secureParameterDefault = defineRule({ id: 'secure-parameter-default', severity: 'error', kind: 'lint', appliesTo: 'template' }, {
  doc: "Secure parameters (securestring, secureObject) have no defaultValue, except '' , {} or [newGuid()].",
  source: 'arm-ttk Secure String Parameters Cannot Have Default; Bicep secure-parameter-default',
  check: perTemplate((info, hit) => {
    for (const [name, p] of declaredParameters(info.template)) {
      if (isSecureType(p.type) && 'defaultValue' in p && !allowedSecureDefault(p.defaultValue)) {
        hit(`secure parameter '${name}' has a default value, which is stored in the template in clear text; pass it in a parameter file (or a Key Vault reference)`, [...info.path, 'parameters', name, 'defaultValue']);
      }
    }
  }),
});

function allowedSecureDefault(d: JsonValue | undefined): boolean {
  return d === '' || (isObject(d) && Object.keys(d).length === 0) || (typeof d === 'string' && /^\[\s*newGuid\s*\(\s*\)\s*\]$/i.test(d));
}
