import fc from 'fast-check';

/**
 * Hostile names and edge values for the property tests: words that mean something to JavaScript, ARM or Bicep,
 * the same names in other letter cases, numbers at the edges of what JSON, ARM and Bicep carry, strings at Azure's
 * length limits, and the characters that break naive text handling (lone surrogates, C0/C1 controls, bidi controls,
 * NUL). Each pool says whether armgen must accept it (`...Ok`) or may refuse it; the configs in hostileConfigs.ts
 * put them where a name or a value goes.
 */

/** Every property of Object.prototype: `obj[name]` or `name in obj` finds these on any plain object. */
export const PROTOTYPE_NAMES: readonly string[] = Object.getOwnPropertyNames(Object.prototype);
/** The prototype names that are also valid identifiers for armgen's schema (a letter first): constructor, toString... */
export const PROTOTYPE_IDENTIFIERS: readonly string[] = PROTOTYPE_NAMES.filter((n) => /^[A-Za-z]/.test(n));

/** Bicep keywords, type names, decorators and namespaces (Azure/bicep LanguageConstants.cs; see generator/azure/naming.ts). */
export const BICEP_KEYWORDS = ['metadata', 'param', 'var', 'resource', 'module', 'output', 'targetScope', 'import', 'using', 'extends', 'type', 'func', 'existing', 'if', 'for', 'in', 'from', 'as', 'with', 'assert', 'test', 'extension', 'provider', 'true', 'false', 'null', 'none', 'void'] as const;
export const BICEP_TYPES = ['string', 'int', 'bool', 'object', 'array', 'any', 'resourceInput', 'resourceOutput'] as const;
export const BICEP_DECORATORS = ['description', 'secure', 'allowed', 'minLength', 'maxLength', 'minValue', 'maxValue', 'metadata', 'sealed', 'export', 'discriminator', 'batchSize', 'onlyIfNotExists'] as const;
export const BICEP_NAMESPACES = ['az', 'sys'] as const;
/** Names of template functions (ARM and Bicep): a symbol or parameter of that name may shadow the function. */
export const FUNCTION_NAMES = ['concat', 'format', 'json', 'parameters', 'variables', 'reference', 'resourceId', 'resourceGroup', 'subscription', 'tenant', 'deployment', 'environment', 'utcNow', 'newGuid', 'guid', 'uniqueString', 'getSecret', 'readEnvironmentVariable', 'loadTextContent'] as const;
/** Parameters armgen adds itself (resolveParameters.ts, resolveAssets.ts): a declared one of that name is refused. */
export const ARMGEN_PARAMETERS = ['location', 'scheduleStartTime', 'deployJobSchedules', 'jobScheduleSeed', '_artifactsLocation', '_artifactsLocationSasToken'] as const;

/** Every word of the pools above: what armgen must place safely wherever a free name is allowed. */
export const HOSTILE_WORDS: readonly string[] = [...new Set([...PROTOTYPE_NAMES, ...BICEP_KEYWORDS, ...BICEP_TYPES, ...BICEP_DECORATORS, ...BICEP_NAMESPACES, ...FUNCTION_NAMES, ...ARMGEN_PARAMETERS])];

/** The same name in another letter case: all upper, all lower, first letter flipped, or a random mix. */
export function caseVariant(name: string): fc.Arbitrary<string> {
  const flip = (c: string) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase());
  return fc.oneof(
    fc.constant(name.toUpperCase()),
    fc.constant(name.toLowerCase()),
    fc.constant(flip(name.charAt(0)) + name.slice(1)),
    fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }).map((up) => [...name].map((c, i) => (up[i] ? c.toUpperCase() : c.toLowerCase())).join('')),
  );
}

/** A word from the pools, sometimes in another letter case. */
export const hostileWord: fc.Arbitrary<string> = fc.constantFrom(...HOSTILE_WORDS).chain((w) => fc.oneof({ weight: 3, arbitrary: fc.constant(w) }, { weight: 1, arbitrary: caseVariant(w) }));

// ---------------------------------------------------------------------------------------------------------------
// Characters
// ---------------------------------------------------------------------------------------------------------------

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
/** C0 controls (NUL included), DEL and C1 controls: Unicode category Cc. */
export const CONTROL_CHARS: readonly string[] = [...range(0x00, 0x1f), '\u007f', ...range(0x80, 0x9f)];
/** Bidirectional controls (Trojan Source, CVE-2021-42574) and invisible format characters. */
export const BIDI_AND_INVISIBLE: readonly string[] = ['\u061c', '\u200e', '\u200f', ...range(0x202a, 0x202e), ...range(0x2066, 0x2069), '\u200b', '\u200d', '\ufeff', '\u2028', '\u2029', '\u00a0'];
/** Half of a UTF-16 pair on its own: not a character, refused by armgen (AG104) because `bicep build` fails on it. */
export const LONE_SURROGATES: readonly string[] = ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00'];
/** Whole characters that are easy to get wrong: a surrogate pair, a combining mark, a ligature, a right-to-left letter. */
const WHOLE_ODDITIES = ['🚀', '😀', 'e\u0301', 'ﬁ', 'ß', 'İ', 'ǅ', 'א', '中', 'Zürich'];
/** ASCII that means something to ARM, Bicep, YAML, PowerShell, Markdown or a CI log. */
const SYNTAX = ["'", '"', '`', '\\', '[', ']', '[[', '${', '}', '{{', '#', '##vso[', '::', '$', '|', '<', '>', '&', '%', ':', ' ', '-', '--', '*', '!', '@'];

/** One "character" that is valid text: controls, bidi, odd Unicode, syntax, or a plain letter. Never a lone surrogate. */
export const edgeChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...CONTROL_CHARS) },
  { weight: 2, arbitrary: fc.constantFrom(...BIDI_AND_INVISIBLE) },
  { weight: 2, arbitrary: fc.constantFrom(...WHOLE_ODDITIES) },
  { weight: 3, arbitrary: fc.constantFrom(...SYNTAX) },
  { weight: 3, arbitrary: fc.constantFrom(...'abcXYZ019') },
);

/** Text of valid characters only (no lone surrogate), `minLength` to `maxLength` UTF-16 code units. */
export function edgeText(maxLength: number, minLength = 0): fc.Arbitrary<string> {
  // Whole parts are kept while they fit, so a surrogate pair is never cut in half.
  const fit = (parts: string[]): string => parts.reduce((s, p) => (s.length + p.length <= maxLength ? s + p : s), '');
  return fc
    .array(fc.oneof({ weight: 4, arbitrary: edgeChar }, { weight: 1, arbitrary: hostileWord }), { minLength, maxLength: Math.min(maxLength, 24) })
    .map(fit)
    .filter((s) => s.length >= minLength);
}

/** Text with one lone surrogate somewhere: refused (AG104) wherever it appears. */
export const textWithLoneSurrogate: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('', 'a', 'ok ', 'x\u0301'), fc.constantFrom(...LONE_SURROGATES), fc.constantFrom('', 'b', ' end'))
  .map(([a, s, b]) => `${a}${s}${b}`);

/** Text with a control character: fine in a value, refused in a key or an Azure name. */
export const textWithControl: fc.Arbitrary<string> = fc.tuple(fc.constantFrom('a', 'name', 'x y'), fc.constantFrom(...CONTROL_CHARS)).map(([a, c]) => `${a}${c}z`);

/** A string of exactly `length` characters from `alphabet`, starting with `first` (for names at a limit). */
export function textOfLength(length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789', first = 'a'): fc.Arbitrary<string> {
  if (length <= 1) return fc.constant(first.slice(0, length));
  return fc.array(fc.constantFrom(...alphabet), { minLength: length - 1, maxLength: length - 1 }).map((rest) => first + rest.join(''));
}

/** Lengths at an Azure limit: the limit itself and just below it (accepted). */
export const atLimit = (limit: number): fc.Arbitrary<number> => fc.constantFrom(limit, limit - 1);

// ---------------------------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------------------------

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** Integers every layer carries exactly: JSON, ARM (64-bit) and Bicep; -0 reads as 0. */
export const SAFE_INTEGER_EDGES: readonly number[] = [0, -0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 32, MAX_SAFE - 1, MAX_SAFE, -MAX_SAFE];
/** Numbers armgen refuses (AG104): integers past 2^53 - 1 (already rounded when read) and non-finite ones. */
export const UNSAFE_NUMBERS: readonly number[] = [MAX_SAFE + 1, -(MAX_SAFE + 1), MAX_SAFE + 3, 2 ** 63, 1e21, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity, NaN];
/** Fractions JSON carries; ARM keeps them as JSON numbers, Bicep writes them as json('...'). */
export const FRACTION_EDGES: readonly number[] = [0.5, -0.5, 0.1 + 0.2, 1e-7, -1e-7, 5e-324, 2.5e-308, 123456789.123, 1e15 + 0.5, MAX_SAFE / 2];

export const safeInteger: fc.Arbitrary<number> = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...SAFE_INTEGER_EDGES) }, { weight: 1, arbitrary: fc.maxSafeInteger() });
export const fraction: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FRACTION_EDGES) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }).filter((d) => !Number.isInteger(d)) },
);
export const unsafeNumber: fc.Arbitrary<number> = fc.constantFrom(...UNSAFE_NUMBERS);

/** A JSON key that is hostile but valid: prototype names (`__proto__` too), Bicep words, syntax, whole Unicode. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileWord },
  { weight: 2, arbitrary: edgeText(16, 1).filter((k) => !CONTROL_CHARS.some((c) => k.includes(c))) },
);

/**
 * An object of hostile keys. One-key `{ param }`, `{ expr }` and `{ keyVaultReference }` are left out: armgen reads
 * those as a reference, a deploy-time expression or a Key Vault reference where a value goes, by design.
 */
export function edgeObject(value: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .uniqueArray(fc.tuple(hostileKey, value), { maxLength: 4, selector: ([k]) => k })
    .filter((entries) => !(entries.length === 1 && ['param', 'expr', 'keyVaultReference'].includes(entries[0]![0])))
    .map((entries) => Object.fromEntries(entries));
}

/** Any JSON value armgen must carry exactly: edge integers, fractions, hostile text and keys, nested once. */
export const edgeJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; leaf: unknown }>((tie) => ({
  leaf: fc.oneof(safeInteger, fraction, edgeText(40), fc.boolean(), fc.constant(null)),
  value: fc.oneof({ weight: 4, arbitrary: tie('leaf') }, { weight: 1, arbitrary: fc.array(tie('leaf'), { maxLength: 4 }) }, { weight: 1, arbitrary: edgeObject(tie('leaf')) }),
})).value;
