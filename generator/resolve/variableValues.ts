import { dateTimeValueText, ISO_DATE_TIME_LOOKALIKE, isoToEpochMs, MS_DATE_LOOKALIKE } from '../azure/automationVariables.js';
import type { Variable } from '../model/config.generated.js';
import { str, type Expr } from '../model/expr.js';
import type { ResolveContext } from './context.js';

/** `{ dateTime: '...' }`: an object whose only key is dateTime (any other object is a complex value). */
export function isDateTimeValue(value: unknown): value is { dateTime: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && 'dateTime' in value;
}

/**
 * A literal variable value as the JSON text the API stores (azure/automationVariables.ts): JSON for strings, numbers,
 * booleans, objects and arrays; `"\/Date(ms)\/"` for `{ dateTime }`, converted here from the ISO text (no clock).
 * A string that looks like a date stays a String; armgen says so, since that is rarely what its author meant.
 */
export function literalValue(ctx: ResolveContext, v: Variable, pointer: string): Expr {
  const value: unknown = v.value;
  if (isDateTimeValue(value)) {
    const ms = typeof value.dateTime === 'string' ? isoToEpochMs(value.dateTime) : undefined;
    if (ms === undefined) {
      ctx.error(`${pointer}/value/dateTime`, 'AG200', `variable '${v.name}': ${JSON.stringify(value.dateTime)} is not a date and time with its UTC offset (ISO 8601, e.g. 2030-01-01T00:00:00Z or 2030-01-01T08:00:00+01:00)`);
      return str('');
    }
    return str(dateTimeValueText(ms));
  }
  if (typeof value === 'string') adviseDateLookalike(ctx, v.name, value, `${pointer}/value`);
  return str(JSON.stringify(value));
}

/** The value itself is never quoted: an encrypted variable's text stays out of diagnostics even when acknowledged. */
function adviseDateLookalike(ctx: ResolveContext, name: string, value: string, pointer: string): void {
  if (MS_DATE_LOOKALIKE.test(value)) {
    ctx.warn(pointer, 'AG310', `variable '${name}' holds text in the \\/Date(...)\\/ form, which is stored as a String (armgen JSON-encodes strings), not a DateTime; for a DateTime variable write value: { dateTime: '<ISO 8601 date and time with offset>' }`);
  } else if (ISO_DATE_TIME_LOOKALIKE.test(value)) {
    ctx.info(pointer, 'AG310', `variable '${name}' holds an ISO 8601 date and time as text: it is stored as a String, which Get-AutomationVariable returns as text; for a DateTime variable write value: { dateTime: '<the same text>' }`);
  }
}
