/**
 * Parameter values of a deployment: the parameter file's values (a Key Vault reference or a securestring without
 * a value gets a dummy, since the simulator never sees secrets), then the template's defaults, evaluated at the
 * start. A default that fails breaks the deployment at validation; the simulator reports it and continues with a
 * stand-in value, so one run still finds the violations further on.
 */
import type { Evaluator } from './evaluator.js';
import { ruleOf, violation, type Violation } from './rules.js';
import { EvaluationError, isObject, type ObjectValue, type Value } from './values.js';

/** Values given by a deploymentParameters file (`{ value }`, or `{ reference: { keyVault, secretName } }`). */
export function givenValues(template: ObjectValue, parameterFile: unknown): Record<string, Value> {
  const declared = isObject(template.parameters) ? template.parameters : {};
  const file = isObject(parameterFile) && isObject(parameterFile.parameters) ? parameterFile.parameters : {};
  const out: Record<string, Value> = {};
  for (const [name, entry] of Object.entries(file)) {
    if (!isObject(entry)) continue;
    if ('value' in entry) out[name] = entry.value as Value;
    else if (isObject(entry.reference)) out[name] = `dummy-keyvault-secret-${String(entry.reference.secretName)}`;
  }
  for (const [name, decl] of Object.entries(declared)) {
    if (!isObject(decl) || name in out || 'defaultValue' in decl) continue;
    if (/^secure/i.test(String(decl.type))) out[name] = /object/i.test(String(decl.type)) ? {} : `dummy-secure-${name}`;
  }
  return out;
}

/** A value of the declared type that lets evaluation go on after a parameter failed. */
function standIn(name: string, decl: ObjectValue, err: EvaluationError): Value {
  if (err.kind === 'templateLink') return 'https://stand-in.invalid/artifacts/';
  switch (String(decl.type).toLowerCase()) {
    case 'bool':
      return false;
    case 'int':
      return 0;
    case 'object':
    case 'secureobject':
      return {};
    case 'array':
      return [];
    default:
      return `stand-in-${name}`;
  }
}

/**
 * Evaluates every declared parameter (ARM validates them all at the start, used or not); a failed one is
 * reported and replaced by a stand-in in the evaluator.
 */
export function resolveParameters(ev: Evaluator, template: ObjectValue, at: string): Violation[] {
  const declared = isObject(template.parameters) ? template.parameters : {};
  const violations: Violation[] = [];
  for (const [name, decl] of Object.entries(declared)) {
    try {
      ev.parameter(name);
    } catch (err) {
      if (!(err instanceof EvaluationError)) throw err;
      const stand = standIn(name, isObject(decl) ? decl : {}, err);
      violations.push(violation(ruleOf(err), `${at}parameters.${name}`, `parameter '${name}'`, `${err.message} (the simulator goes on with ${JSON.stringify(stand)})`));
      ev.overrideParameter(name, stand);
    }
  }
  return violations;
}
