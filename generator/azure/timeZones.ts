import { createRequire } from 'node:module';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';

/**
 * Time zones an Automation schedule accepts: "The time zone for the schedule. This string can be the IANA ID or
 * the Windows Time Zone ID" (New-AzAutomationSchedule -TimeZone help; AVM's schedule test uses `Europe/Berlin`,
 * the REST example `UTC`).
 *
 * IANA names are checked by the ICU data Node ships: `new Intl.DateTimeFormat('en', { timeZone })` throws for an
 * unknown zone. Membership in `Intl.supportedValuesOf('timeZone')` would be wrong: Node 20 lists canonical names
 * only, without `UTC`, `Etc/UTC` or `Asia/Kolkata`, all of which it accepts. Only a name of IANA shape is asked
 * (`Area/Location`, `UTC`, `Etc/GMT+1`): newer engines also accept offsets such as `+01:00`, which are no zone ID.
 *
 * Windows IDs (`W. Europe Standard Time`) come from CLDR's windowsZones.xml through the `windows-iana` package,
 * loaded only when a name is not an IANA zone (most configs never need it).
 */
const IANA_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

const require = createRequire(import.meta.url);
let windowsIds: ReadonlySet<string> | undefined;

/** The Windows time zone IDs CLDR maps to IANA zones (139 in windows-iana 5.1.0). */
export function windowsTimeZoneIds(): ReadonlySet<string> {
  windowsIds ??= new Set((require('windows-iana') as typeof import('windows-iana')).WINDOWS_TO_IANA_MAP.map((row) => row.windowsName));
  return windowsIds;
}

/** True when ICU knows the IANA zone (aliases such as `US/Pacific` and `UTC` included). */
export function isIanaTimeZone(name: string): boolean {
  if (!IANA_SHAPE.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch (err) {
    if (err instanceof RangeError) return false;
    throw err;
  }
}

/** Why Azure would refuse the time zone (with the closest known names), or undefined when it is known. */
export function timeZoneProblem(name: string): string | undefined {
  if (isIanaTimeZone(name) || windowsTimeZoneIds().has(name)) return undefined;
  const candidates = [...Intl.supportedValuesOf('timeZone'), 'UTC', ...windowsTimeZoneIds()];
  const hint = suggestionHint(didYouMean(name, candidates));
  return `unknown time zone ${JSON.stringify(name)}: Azure Automation takes an IANA time zone ID (such as Europe/Berlin or UTC) or a Windows time zone ID (such as W. Europe Standard Time).${hint}`;
}
