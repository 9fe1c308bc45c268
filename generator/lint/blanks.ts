import { defineRule } from './rule.js';
import { eachProperty } from './traverse.js';
import { isObject, type JsonValue } from './types.js';

/**
 * Property names whose value may be empty, from arm-ttk's `$PropertiesThatCanBeEmpty` (the entries
 * that can occur in an Automation/identity/RBAC template).
 */
const BLANK_ALLOWED = ['resources', 'outputs', 'variables', 'parameters', 'functions', 'properties', 'template', 'defaultValue', 'value', 'accessPolicies', 'clientId'];
const ALLOWED = new Set(BLANK_ALLOWED.map((s) => s.toLowerCase()));

/** Subtrees holding the user's data rather than template structure: not inspected. */
const DATA = new Set(['defaultvalue', 'allowedvalues', 'value', 'metadata']);

function isBlank(v: JsonValue): string | undefined {
  if (v === null) return 'null';
  if (v === '' || (typeof v === 'string' && v.trim() === '')) return 'an empty string';
  if (Array.isArray(v) && v.length === 0) return 'an empty array';
  if (isObject(v) && Object.keys(v).length === 0) return 'an empty object';
  return undefined;
}

/**
 * No property value is `{}`, `[]`, `""` or `null` ("they have specific meaning in a declarative
 * model"): leave the property out instead. Exempt, as in arm-ttk: the allow-listed names above, and
 * keys that are expressions or resource IDs (the `{}` values of `userAssignedIdentities`). Only object
 * properties are checked (arm-ttk looks for blanks after a colon), and parameter defaults and values
 * are the user's data, not checked.
 */
export const noBlanks = defineRule({ id: 'no-blanks', severity: 'warning', kind: 'lint', appliesTo: 'template' }, {
  doc: `No property is {}, [], "" or null, except ${BLANK_ALLOWED.join(', ')} and userAssignedIdentities entries.`,
  source: 'arm-ttk Template Should Not Contain Blanks',
  check: (ctx, hit) =>
    eachProperty(ctx.root, [], (k, child, at, parentKey) => {
      const blank = isBlank(child);
      const exempt = ALLOWED.has(k.toLowerCase()) || /^\s*\[/.test(k) || /^\s*\/subscriptions\//i.test(k) || parentKey?.toLowerCase() === 'userassignedidentities';
      if (blank && !exempt) hit(`'${k}' is ${blank}; leave the property out instead`, [...at, k]);
      return !DATA.has(k.toLowerCase());
    }),
});
