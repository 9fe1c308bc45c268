/**
 * How Azure Automation stores a variable: `properties.value` is the JSON text of the value (Microsoft.Automation
 * 2024-10-23 `VariableCreateOrUpdateProperties.value`, a string; there is no type property: the type follows the
 * value). The forms, by the type the portal and Get-AutomationVariable show:
 *
 * | type     | `value` (decoded)             | source |
 * |----------|-------------------------------|--------|
 * | String   | `"text"` (quotes included)    | REST example createOrUpdateVariable.json (`"\"ComputerName.domain.com\""`) |
 * | Integer  | `500`                         | docs azure-monitor/insights/solutions-resources-automation.md (variables table) |
 * | Boolean  | `true` / `false` (lower case) | same table ("must be lowercase") |
 * | DateTime | `"\/Date(1495656897378)\/"`   | same table (`get-date ... | ConvertTo-Json`); terraform-provider-azurerm automation_variable.go writes `"\/Date(<ms>)\/"` |
 * | Not defined (Null) | no `value`          | learn.microsoft.com/azure/automation/shared-resources/variables ("set to Null"); the azurerm null variable sends none |
 * | complex  | a JSON object or array        | azurerm object variable ("saved as a JSON object") |
 *
 * The service parses the text with a Microsoft (JavaScriptSerializer-style) JSON reader: its errors read "Invalid
 * JSON primitive" (Azure/azure-powershell#14215), and that reader takes a string as a DateTime only in the escaped
 * form `"\/Date(ms)\/"`; an ISO 8601 string stays a String (a DateTime sent as ISO text is created as a String
 * variable: Azure/azure-powershell#14109).
 */

/** The MS-JSON date form of an instant: `"\/Date(<ms since 1970-01-01 UTC>)\/"`, quotes and escaped slashes included. */
export function dateTimeValueText(msSinceEpoch: number): string {
  return `"\\/Date(${msSinceEpoch})\\/"`;
}

/** `"\/Date(<ms>)\/"`, quotes and escaped slashes included: the stored form dateTimeValueText writes. */
const MS_DATE_VALUE = /^"\\\/Date\((-?\d+)\)\\\/"$/;

/**
 * The ISO 8601 text (UTC, `Z`) of a stored MS-JSON date, the inverse of dateTimeValueText; undefined when the text
 * is not that form or its instant is outside .NET's DateTime range (years 1-9999), which isoToEpochMs refuses too.
 */
export function isoFromDateTimeValueText(text: string): string | undefined {
  const m = MS_DATE_VALUE.exec(text);
  if (!m) return undefined;
  const date = new Date(Number(m[1]));
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1 || year > 9999) return undefined;
  return date.toISOString().replace('.000Z', 'Z');
}

/**
 * The instant an ISO 8601 date and time with a UTC offset names, in ms since the epoch; undefined when it is no
 * calendar date, no time of day, or outside .NET's DateTime range (years 1-9999). Pure: no clock, no local time zone.
 */
export function isoToEpochMs(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const ms = Number((m[7] ?? '0').padEnd(3, '0'));
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  const offsetHours = m[8] === 'Z' ? 0 : Number(m[10]);
  const offsetMinutes = m[8] === 'Z' ? 0 : Number(m[11]);
  if (offsetHours > 14 || offsetMinutes > 59) return undefined;
  const sign = m[9] === '-' ? -1 : 1;
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear keeps the year as written.
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, ms);
  return utc.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
}

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** A string a reader might take for a date: the MS-JSON form, with or without its escapes (`\/Date(…)\/`, `/Date(…)/`). */
export const MS_DATE_LOOKALIKE = /^\\?\/Date\(-?\d+([+-]\d{4})?\)\\?\/$/;

/** An ISO 8601 date and time as text (`2030-01-01T00:00:00Z`): stored as a String, not a DateTime. */
export const ISO_DATE_TIME_LOOKALIKE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
