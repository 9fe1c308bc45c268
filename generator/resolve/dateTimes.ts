/**
 * Literal date-times of the config (schedule start and expiry, webhook expiry): the ISO 8601 form the schema allows,
 * read the way Azure may read them. Resolve reads no clock: callers pass "now".
 */

/** ISO 8601 date and time, optional seconds and offset (the config schema's pattern). */
export const DATE_TIME_FORM = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?$/;
const HAS_OFFSET = /(Z|[+-][0-9]{2}:[0-9]{2})$/;
/** The widest UTC offset (UTC+14): a time without an offset is only surely past when older than this. */
const MAX_OFFSET_MS = 14 * 60 * 60 * 1000;

export function hasOffset(value: string): boolean {
  return HAS_OFFSET.test(value);
}

/** The text with `Z` appended when it names no offset (for Date.parse, which would read it as local time). */
export function withZone(value: string): string {
  return hasOffset(value) ? value : `${value}Z`;
}

/**
 * The latest instant (ms since the epoch) a literal may mean: without an offset it may be read in a time zone up to
 * 14 hours ahead of UTC. NaN when the text is not a date and time of the schema's form.
 */
export function latestInstant(value: string): number {
  if (!DATE_TIME_FORM.test(value)) return Number.NaN;
  const at = Date.parse(withZone(value));
  return hasOffset(value) ? at : at + MAX_OFFSET_MS;
}
