import fc from 'fast-check';
import type { DiagnosticCode } from '../../generator/diagnostics.js';
import {
  BICEP_DECORATORS, BICEP_KEYWORDS, BICEP_NAMESPACES, BICEP_TYPES, CONTROL_CHARS, HOSTILE_WORDS, PROTOTYPE_IDENTIFIERS, PROTOTYPE_NAMES,
  caseVariant, edgeJson, fraction, textOfLength, textWithControl, textWithLoneSurrogate, unsafeNumber,
} from './hostileValues.js';

/**
 * One way to make an acceptable hostile config (hostileConfigs.ts) unacceptable, and the codes armgen answers with.
 * Applied to any acceptable config, the result must be refused: exit 2, every error located (line and column >= 1)
 * with a code, at least one of them one of `codes` (others may follow from the same cause), never a thrown error.
 */
export interface HostileBreak {
  readonly label: string;
  readonly codes: readonly DiagnosticCode[];
  readonly apply: (config: Record<string, unknown>) => Record<string, unknown>;
}

type Config = Record<string, unknown>;
const list = (c: Config, key: string): Config[] => (Array.isArray(c[key]) ? (c[key] as Config[]) : []);
const account = (c: Config): Config => c.automationAccount as Config;
const withVariable = (c: Config, variable: Config): Config => ({ ...c, variables: [...list(c, 'variables'), { isEncrypted: false, ...variable }] });
/** Declares a parameter and uses it (as a variable), so only its name or value can be the problem. */
const withParam = (c: Config, name: string, p: Config): Config =>
  withVariable({ ...c, parameters: Object.fromEntries([...Object.entries((c.parameters as Config | undefined) ?? {}), [name, p]]) }, { name: `broken-use-${list(c, 'variables').length}`, value: { param: name } });
const withTags = (c: Config, tags: Config): Config => ({ ...c, automationAccount: { ...account(c), tags } });
/** A word with letters and a case variant of it that differs (Azure compares these names case-insensitively). */
const caseTwins = (words: readonly string[]): fc.Arbitrary<[string, string]> =>
  fc.constantFrom(...words.filter((w) => /[a-z]/i.test(w))).chain((w) => caseVariant(w).filter((v) => v !== w).map((v) => [w, v] as [string, string]));
const letterWords = HOSTILE_WORDS.filter((w) => /^[A-Za-z]/.test(w) && w.toLowerCase() !== 'system');

const brk = (label: string, codes: DiagnosticCode[], apply: (c: Config) => Config): HostileBreak => ({ label, codes, apply });

/** Values armgen cannot carry exactly (AG104), wherever they are. */
const unrepresentable: fc.Arbitrary<HostileBreak> = fc.oneof(
  textWithLoneSurrogate.map((t) => brk('lone surrogate in the description', ['AG104'], (c) => ({ ...c, description: t }))),
  textWithLoneSurrogate.map((t) => brk('lone surrogate in a tag value', ['AG104'], (c) => withTags(c, { t }))),
  textWithLoneSurrogate.map((t) => brk('lone surrogate in a tag name', ['AG104'], (c) => withTags(c, Object.fromEntries([[t, 'v']])))),
  textWithLoneSurrogate.map((t) => brk('lone surrogate deep in a variable value', ['AG104'], (c) => withVariable(c, { name: 'broken-var', value: { a: [1, { b: t }] } }))),
  textWithLoneSurrogate.map((t) => brk('lone surrogate in a string default', ['AG104'], (c) => withParam(c, 'brokenParam', { type: 'string', defaultValue: t }))),
  textWithControl.map((k) => brk('control character in a tag name', ['AG104'], (c) => withTags(c, Object.fromEntries([[k, 'v']])))),
  textWithControl.map((k) => brk('control character in an object key', ['AG104'], (c) => withVariable(c, { name: 'broken-var', value: Object.fromEntries([[k, 1]]) }))),
  unsafeNumber.map((n) => brk(`number ${n} in a variable value`, ['AG104'], (c) => withVariable(c, { name: 'broken-var', value: [n] }))),
  unsafeNumber.map((n) => brk(`number ${n} as an int default`, ['AG104'], (c) => withParam(c, 'brokenParam', { type: 'int', defaultValue: n }))),
);

/** Parameter names that are reserved, collide by case, or break the schema's pattern. */
const badParameterNames: fc.Arbitrary<HostileBreak> = fc.oneof(
  fc.constantFrom(...BICEP_KEYWORDS.filter((k) => /^[a-z]/i.test(k)), ...BICEP_TYPES, ...BICEP_DECORATORS, ...BICEP_NAMESPACES, 'Name', 'Force', 'Verbose', 'TemplateFile').map((n) =>
    brk(`parameter named '${n}' (reserved by Bicep or the deployment cmdlet)`, ['AG303'], (c) => withParam(c, n, { type: 'string', defaultValue: 'x' })),
  ),
  caseTwins(PROTOTYPE_IDENTIFIERS).map(([a, b]) =>
    brk(`parameters '${a}' and '${b}'`, ['AG302'], (c) => withParam(withParam({ ...c, parameters: {} }, a, { type: 'string', defaultValue: 'x' }), b, { type: 'string', defaultValue: 'y' })),
  ),
  caseVariant('location').filter((v) => v !== 'location').map((n) => brk(`parameter '${n}' (armgen adds 'location')`, ['AG302'], (c) => withParam(c, n, { type: 'string', defaultValue: 'westeurope' }))),
  fc.constantFrom(...PROTOTYPE_NAMES.filter((n) => n.startsWith('_')), '1abc', 'a-b', 'a b').map((n) => brk(`parameter named '${n}' (not a parameter name)`, ['AG200'], (c) => withParam(c, n, { type: 'string', defaultValue: 'x' }))),
  textOfLength(256, 'abcxyz_', 'p').map((n) => brk('parameter name of 256 characters', ['AG200'], (c) => withParam(c, n, { type: 'string', defaultValue: 'x' }))),
  fc.constantFrom(...PROTOTYPE_IDENTIFIERS).map((n) =>
    brk(`use of undeclared parameter '${n}'`, ['AG301'], (c) => withVariable({ ...c, parameters: undefined, environments: undefined, variables: [], credentials: undefined }, { name: 'broken-var', value: { param: n } })),
  ),
  fc.constantFrom(...PROTOTYPE_IDENTIFIERS).map((n) =>
    brk(`environment setting undeclared parameter '${n}'`, ['AG307'], (c) => ({ ...c, environments: { fuzzenv: { parameters: Object.fromEntries([[`${n}Undeclared`, 1]]) } } })),
  ),
  fraction.map((n) => brk(`int parameter defaulting to ${n}`, ['AG200', 'AG303'], (c) => withParam(c, 'brokenParam', { type: 'int', defaultValue: n }))),
);

/** Names of child resources that collide by case or break Azure's rules. */
const badNames: fc.Arbitrary<HostileBreak> = fc.oneof(
  caseTwins(letterWords).map(([a, b]) => brk(`runbooks '${a}' and '${b}'`, ['AG302'], (c) => ({ ...c, jobSchedules: undefined, runbooks: [a, b].map((name) => ({ name, type: 'PowerShell', uri: 'https://example.org/r.ps1' })) }))),
  caseTwins(HOSTILE_WORDS).map(([a, b]) => brk(`variables '${a}' and '${b}'`, ['AG302'], (c) => withVariable(withVariable(c, { name: a, value: 1 }), { name: b, value: 2 }))),
  caseTwins(HOSTILE_WORDS).map(([a, b]) => brk(`schedules '${a}' and '${b}'`, ['AG302'], (c) => ({ ...c, jobSchedules: undefined, schedules: [a, b].map((name) => ({ name, frequency: 'Day' })) }))),
  caseTwins(letterWords).map(([a, b]) =>
    brk(`identities '${a}' and '${b}'`, ['AG302'], (c) => ({
      ...c,
      runbooks: undefined,
      jobSchedules: undefined,
      identities: [a, b].map((name, i) => ({ name, resourceName: `uai-twin-${i}` })),
      automationAccount: { ...account(c), identity: { systemAssigned: true, userAssigned: [a, b] } },
    })),
  ),
  caseTwins(['Env', 'constructor', 'toString', 'param']).map(([a, b]) => brk(`tags '${a}' and '${b}'`, ['AG308'], (c) => withTags(c, Object.fromEntries([[a, '1'], [b, '2']])))),
  fc.constantFrom('system', 'System', 'SYSTEM').map((n) =>
    brk(`identity named '${n}'`, ['AG302'], (c) => ({ ...c, runbooks: undefined, jobSchedules: undefined, identities: [{ name: n, resourceName: 'uai-sys' }], automationAccount: { ...account(c), identity: { userAssigned: [n] } } })),
  ),
  fc.oneof(fc.constantFrom('a<b', 'a*b', 'a%b', 'a&b', 'a:b', 'a\\b', 'a?b', 'a.b', 'a+b', 'a/b', 'trailing '), fc.constantFrom(...CONTROL_CHARS).map((ch) => `a${ch}b`)).map((n) =>
    brk(`asset name ${JSON.stringify(n)}`, ['AG300'], (c) => withVariable(c, { name: n, value: 1 })),
  ),
);

/** Lengths one past Azure's limit, and numbers out of range. */
const pastLimits: fc.Arbitrary<HostileBreak> = fc.oneof(
  textOfLength(64).map((n) => brk('runbook name of 64 characters', ['AG200'], (c) => ({ ...c, jobSchedules: undefined, runbooks: [{ name: n, type: 'PowerShell', uri: 'https://example.org/r.ps1' }] }))),
  textOfLength(129).map((n) => brk('variable name of 129 characters', ['AG200', 'AG300'], (c) => withVariable(c, { name: n, value: 1 }))),
  textOfLength(33).map((n) => brk('environment name of 33 characters', ['AG200'], (c) => ({ ...c, environments: Object.fromEntries([[n, { parameters: {} }]]) }))),
  textOfLength(65).map((n) => brk('identity name of 65 characters', ['AG200'], (c) => ({ ...c, identities: [{ name: n, resourceName: 'uai-long' }], runbooks: undefined, jobSchedules: undefined, automationAccount: { ...account(c), identity: { userAssigned: [n] } } }))),
  fc.oneof(textOfLength(51), textOfLength(5)).map((n) => brk(`account name of ${n.length} characters`, ['AG300'], (c) => ({ ...c, automationAccount: { ...account(c), name: n } }))),
  textOfLength(257).map((v) => brk('tag value of 257 characters', ['AG200', 'AG308'], (c) => withTags(c, { t: v }))),
  textOfLength(513).map((k) => brk('tag name of 513 characters', ['AG200', 'AG308'], (c) => withTags(c, Object.fromEntries([[k, 'v']])))),
  textOfLength(513).map((d) => brk('runbook description of 513 characters', ['AG200'], (c) => ({ ...c, jobSchedules: undefined, runbooks: [{ name: 'r', type: 'PowerShell', uri: 'https://example.org/r.ps1', description: d }] }))),
  fc.oneof(fc.constantFrom(0, -0, -1, -(2 ** 31)), fraction).map((n) => brk(`schedule interval ${n}`, ['AG200'], (c) => ({ ...c, jobSchedules: undefined, schedules: [{ name: 's', frequency: 'Day', interval: n }] }))),
);

/** Any break, with an edge JSON value thrown in so the break is not the config's only oddity. */
export const hostileBreak: fc.Arbitrary<HostileBreak> = fc
  .tuple(fc.oneof(unrepresentable, badParameterNames, badNames, pastLimits), edgeJson)
  .map(([b, extra]) => ({ ...b, apply: (c: Config) => b.apply(withVariable(c, { name: 'edge-extra', value: extra })) }));
