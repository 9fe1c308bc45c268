/** Arbitrary names and strings for armgen configs: hostile strings, and names valid for their Azure resource type. */
import fc from 'fast-check';
import { edgeText } from './hostileValues.js';

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

/** Automation account name: 6-50, letters/digits/hyphens, starts with a letter, ends alphanumeric. */
export const accountName = fc
  .tuple(pick(letters), fc.array(fc.oneof(pick(alnum), fc.constant('-')), { minLength: 4, maxLength: 40 }), pick(alnum))
  .map(([a, mid, z]) => `${a}${mid.join('')}${z}`);

export const identityResourceName = fc
  .tuple(pick(alnum), fc.array(fc.oneof(pick(alnum), fc.constantFrom('-', '_')), { minLength: 2, maxLength: 30 }))
  .map(([a, rest]) => `${a}${rest.join('')}`);

export const rgName = fc.array(fc.oneof(pick(alnum), fc.constantFrom('-', '_', '(', ')')), { minLength: 1, maxLength: 30 }).map((a) => a.join(''));

export const guid = fc.uuid().map((u) => u.toLowerCase());
