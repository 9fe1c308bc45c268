/**
 * Date functions of ARM templates, on the simulated deployment time: `utcNow(format)` and
 * `dateTimeAdd(base, duration, format)` (learn.microsoft.com template-functions-date). Only the formats armgen and
 * the quickstarts use are supported; anything else is an evaluation error, so a new format shows up in a test.
 */
import { EvaluationError } from './values.js';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** .NET standard and custom formats used with ARM date functions. */
export function formatDate(d: Date, format: string | undefined): string {
  const Y = d.getUTCFullYear();
  const M = pad(d.getUTCMonth() + 1);
  const D = pad(d.getUTCDate());
  const h = pad(d.getUTCHours());
  const m = pad(d.getUTCMinutes());
  const s = pad(d.getUTCSeconds());
  switch (format) {
    case undefined:
    case 'yyyyMMddTHHmmssZ':
      return `${Y}${M}${D}T${h}${m}${s}Z`; // utcNow() default
    case 'u':
      return `${Y}-${M}-${D} ${h}:${m}:${s}Z`; // universal sortable
    case 's':
      return `${Y}-${M}-${D}T${h}:${m}:${s}`;
    case 'o':
      return `${Y}-${M}-${D}T${h}:${m}:${s}.${pad(d.getUTCMilliseconds(), 3)}0000Z`;
    case 'yyyy-MM-ddTHH:mm:ssZ':
      return `${Y}-${M}-${D}T${h}:${m}:${s}Z`;
    case 'd':
      return `${M}/${D}/${Y}`;
    default:
      throw new EvaluationError(`date format '${format}' is not modelled by the deploy simulator`);
  }
}

/** Parses the date strings ARM functions produce or accept (ISO 8601, 'u' format, compact utcNow()). */
export function parseDate(text: string): Date {
  const compact = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  const iso = compact ? `${compact[1]}-${compact[2]}-${compact[3]}T${compact[4]}:${compact[5]}:${compact[6]}Z` : text.replace(/^(\d{4}-\d{2}-\d{2}) /, '$1T');
  // Without an offset ARM reads the time as UTC (JavaScript would read it as local time).
  const d = new Date(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(iso) ? `${iso}Z` : iso);
  if (Number.isNaN(d.getTime())) throw new EvaluationError(`'${text}' is not a date ARM can parse`);
  return d;
}

/** Adds an ISO 8601 duration (`PT15M`, `P1D`, `-PT1H`, `P1Y2M`) the way dateTimeAdd does (calendar months/years). */
export function addDuration(base: Date, duration: string): Date {
  const m = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(duration);
  if (!m || duration === 'P' || duration === 'PT') throw new EvaluationError(`'${duration}' is not an ISO 8601 duration`);
  const sign = m[1] ? -1 : 1;
  const n = (i: number): number => sign * Number(m[i] ?? 0);
  const d = new Date(base.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + n(2), d.getUTCMonth() + n(3), d.getUTCDate() + 7 * n(4) + n(5));
  return new Date(d.getTime() + ((n(6) * 60 + n(7)) * 60 + n(8)) * 1000);
}
