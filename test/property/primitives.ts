import fc from 'fast-check';
import { edgeText } from './hostileValues.js';

/** Small arbitraries the config generators (arbitraries.ts, accessArbitraries.ts) share. */

/** Strings that break naive generators: quotes, brackets at either end, interpolation, escapes, control and bidi characters, emoji. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("O'Brien", "[concat('a')]", '[x]', '[[x]]', '[start', 'end]', '${x}', '$x', '\\', '\\n', '"q"', "''", 'tab\tx', 'line\nbreak', 'cr\rx', '\u202Eevil', '\u200B', '🚀', 'Zürich', 'ﬁ', '\u0000nul', '\u0007bell', '{{x}}', '{0}', '__proto__', 'constructor'),
  fc.string({ unit: 'grapheme', maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  edgeText(24),
);

export const letters = 'abcdefghijklmnopqrstuvwxyz';
export const alnum = `${letters}0123456789`;
export const pick = (chars: string) => fc.constantFrom(...chars.split(''));

export const identityResourceName = fc
  .tuple(pick(alnum), fc.array(fc.oneof(pick(alnum), fc.constantFrom('-', '_')), { minLength: 2, maxLength: 30 }))
  .map(([a, rest]) => `${a}${rest.join('')}`);

/** Automation asset names (schedules, variables, webhooks, worker groups): letters, digits, - _ space and ü. */
export const assetName = fc
  .tuple(pick(letters), fc.array(fc.oneof(pick(alnum), fc.constantFrom('-', '_', ' ', 'ü')), { maxLength: 20 }), pick(alnum))
  .map(([a, mid, z]) => `${a}${mid.join('')}${z}`);

export const runbookName = fc.tuple(pick(letters), fc.array(fc.oneof(pick(alnum), fc.constantFrom('-', '_')), { maxLength: 20 })).map(([a, r]) => `${a}${r.join('')}`);

export const futureTime = fc.date({ min: new Date('2031-01-01T00:00:00Z'), max: new Date('2039-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z'));

export const rgName = fc.array(fc.oneof(pick(alnum), fc.constantFrom('-', '_', '(', ')')), { minLength: 1, maxLength: 30 }).map((a) => a.join(''));

export const guid = fc.uuid().map((u) => u.toLowerCase());
