/** README quirk 5's custom Ajv keyword: checks the last segment of a literal `parent/child` resource name. */
import type { FuncKeywordDefinition } from 'ajv';
import { snippet } from './schemaJson.js';

export const CHILD_NAME_KEYWORD = 'armgenChildName';

/** Parameters of the quirk-5 keyword: what the LAST segment of a literal `parent/child` name must satisfy. */
export interface ChildNameSpec {
  readonly resourceType: string;
  readonly segments: number;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
}

/** What `common/definitions.json#/definitions/expression` accepts: `[...]`, but not the `[[...` literal escape. */
const isArmExpression = (value: string): boolean => /^\[([^[].*)?\]$/s.test(value);

/** The quirk-5 keyword: validates the last segment of a literal `parent/child` name. */
export function childNameKeyword(): FuncKeywordDefinition {
  return {
    keyword: CHILD_NAME_KEYWORD,
    schemaType: 'object',
    errors: true,
    compile(spec: ChildNameSpec) {
      const regex = spec.pattern === undefined ? undefined : new RegExp(spec.pattern, 'u');
      const validate: ReturnType<NonNullable<FuncKeywordDefinition['compile']>> = (data: unknown) => {
        const fail = (message: string, notApplicable = false): boolean => {
          validate.errors = [{ keyword: CHILD_NAME_KEYWORD, message, params: { notApplicable } }];
          return false;
        };
        if (typeof data !== 'string' || !data.includes('/') || isArmExpression(data)) return fail('not a literal parent/child name', true);
        const parts = data.split('/');
        const last = parts[parts.length - 1] ?? '';
        const length = [...last].length;
        if (parts.length !== spec.segments) {
          return fail(`literal name ${snippet(data)} has ${parts.length} segment(s), but a ${spec.resourceType} name needs ${spec.segments}`);
        }
        if (regex !== undefined && !regex.test(last)) return fail(`last name segment "${last}" must match pattern "${spec.pattern}"`);
        if (spec.maxLength !== undefined && length > spec.maxLength) {
          return fail(`last name segment "${last}" must NOT have more than ${spec.maxLength} characters`);
        }
        if (spec.minLength !== undefined && length < spec.minLength) {
          return fail(`last name segment "${last}" must NOT have fewer than ${spec.minLength} characters`);
        }
        validate.errors = undefined;
        return true;
      };
      return validate;
    },
  };
}
