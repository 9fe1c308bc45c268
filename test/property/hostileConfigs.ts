import fc from 'fast-check';
import { accountName } from './arbitraries.js';
import { identityResourceName } from './primitives.js';
import {
  ARMGEN_PARAMETERS, BICEP_DECORATORS, BICEP_KEYWORDS, BICEP_NAMESPACES, BICEP_TYPES, CONTROL_CHARS, FUNCTION_NAMES, HOSTILE_WORDS, PROTOTYPE_IDENTIFIERS,
  PROTOTYPE_NAMES, atLimit, caseVariant, edgeJson, edgeObject, edgeText, fraction, hostileKey, hostileWord, safeInteger, textOfLength, textWithControl,
  textWithLoneSurrogate, unsafeNumber,
} from './hostileValues.js';

/**
 * Configs whose names and values come from hostileValues.ts. A config is built from a `Plan` (which names, which
 * values) so the same shape serves two properties:
 * - `acceptableHostileConfig`: only names and values armgen must accept; it must render (exit 0);
 * - `anyHostileConfig`: names and values from the acceptable pools and from pools armgen may refuse (reserved words,
 *   case collisions, lone surrogates, numbers past 2^53, lengths past Azure's limits), so either outcome happens.
 */

type ParamType = 'string' | 'securestring' | 'int' | 'bool' | 'object' | 'secureObject' | 'array';

interface PlannedParam {
  readonly name: string;
  readonly type: ParamType;
  readonly defaultValue?: unknown;
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly description?: string;
}

interface Plan {
  readonly description: string;
  readonly params: readonly PlannedParam[];
  /** Environment name -> parameter name -> value. */
  readonly environments: ReadonlyArray<readonly [string, Record<string, unknown>]>;
  readonly identities: ReadonlyArray<{ readonly handle: string; readonly resourceName: string; readonly create: boolean; readonly tags?: Record<string, unknown> }>;
  readonly accountName: unknown;
  readonly accountTags?: Record<string, unknown>;
  readonly runbooks: ReadonlyArray<{ readonly name: string; readonly description?: string; readonly generated: boolean }>;
  readonly schedules: ReadonlyArray<{ readonly name: string; readonly interval: unknown; readonly description?: string }>;
  readonly variables: ReadonlyArray<{ readonly name: string; readonly value: unknown }>;
  readonly credentials: ReadonlyArray<{ readonly name: string; readonly userName: string }>;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** The secure parameter credentials take their password from; no pool produces this name. */
const PASSWORD_PARAM = 'fuzzCredentialPassword';
const lower = (s: string): string => s.toLowerCase();
/** Azure's asset-name rule (template reference of automationAccounts/variables): none of these, no control character, no trailing space. */
const ASSET_FORBIDDEN = /[<>*%&:\\?.+/\u0000-\u001f\u007f-\u009f]|[ ]$/;
const TAG_KEY_FORBIDDEN = /[<>%&\\?/\u0000-\u001f\u007f-\u009f]/;

// ---------------------------------------------------------------------------------------------------------------
// Names armgen must accept, per role
// ---------------------------------------------------------------------------------------------------------------

/** Parameter names: prototype names (constructor, toString...), names at the 255-character limit, plain ones. */
const okParamName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PROTOTYPE_IDENTIFIERS) },
  { weight: 1, arbitrary: atLimit(255).chain((n) => textOfLength(n, `${ALNUM}_`, 'p')) },
  { weight: 1, arbitrary: fc.constantFrom('p1', 'Value_2', 'x') },
);
/** Environment names (lower case, 1-32): prototype and Bicep words in lower case, and a name at the limit. */
const okEnvName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...[...PROTOTYPE_IDENTIFIERS, ...BICEP_KEYWORDS, ...BICEP_TYPES, ...BICEP_NAMESPACES, ...FUNCTION_NAMES, 'prod'].map(lower)) },
  { weight: 1, arbitrary: atLimit(32).chain((n) => textOfLength(n, 'abcdefghijklmnopqrstuvwxyz0123456789-', 'e')).filter((n) => !n.endsWith('-')) },
);
/** Identity handles: any hostile word that starts with a letter (not `system`), or one at the 64-character limit. */
const okHandle = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_WORDS.filter((w) => /^[A-Za-z]/.test(w) && lower(w) !== 'system')) },
  { weight: 1, arbitrary: atLimit(64).chain((n) => textOfLength(n, `${ALNUM}_-`, 'i')) },
);
/** Runbook names: hostile words starting with a letter, or at the 63-character limit. */
const okRunbookName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_WORDS.filter((w) => /^[A-Za-z]/.test(w))) },
  { weight: 1, arbitrary: atLimit(63).chain((n) => textOfLength(n, `${ALNUM}_-`, 'r')) },
);
/** Asset names (schedules, variables, credentials): any hostile word (`__proto__` too), hostile text, 128 characters. */
const okAssetName = fc.oneof(
  { weight: 3, arbitrary: hostileWord },
  { weight: 2, arbitrary: edgeText(128, 1).filter((n) => !ASSET_FORBIDDEN.test(n)) },
  { weight: 1, arbitrary: atLimit(128).chain((n) => textOfLength(n, `${ALNUM} _-()`, 'a')).filter((n) => !n.endsWith(' ')) },
);
/** Tag names: hostile keys without Azure's forbidden characters (and not `param`, which would make `{param}` a reference). */
const okTagKey = fc.oneof(hostileKey, atLimit(512).chain((n) => textOfLength(n))).filter((k) => !TAG_KEY_FORBIDDEN.test(k) && k.length <= 512 && k !== 'param');
const okTags = fc.uniqueArray(fc.tuple(okTagKey, fc.oneof(edgeText(256), atLimit(256).chain((n) => textOfLength(n)))), { maxLength: 4, selector: ([k]) => lower(k) }).map((e) => Object.fromEntries(e));

// ---------------------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------------------

/** A value of the parameter's type, from the edge pools. */
function valueOf(type: ParamType): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
    case 'securestring':
      return edgeText(64);
    case 'int':
      return safeInteger;
    case 'bool':
      return fc.boolean();
    case 'array':
      return fc.array(edgeJson, { maxLength: 3 });
    default:
      return edgeObject(edgeJson);
  }
}

const paramType = fc.constantFrom<ParamType>('string', 'securestring', 'int', 'bool', 'object', 'secureObject', 'array');

/** A parameter: a default for plain types (secure ones take none), an int range around its default. */
function plannedParam(name: string, type: ParamType): fc.Arbitrary<PlannedParam> {
  const secure = type === 'securestring' || type === 'secureObject';
  return fc.record({ value: secure ? fc.constant(undefined) : fc.option(valueOf(type), { nil: undefined }), ranged: fc.boolean(), description: fc.option(edgeText(80), { nil: undefined }) }).map(({ value, ranged, description }) => ({
    name,
    type,
    ...(value === undefined ? {} : { defaultValue: value }),
    ...(ranged && typeof value === 'number' ? { minValue: value, maxValue: value } : {}),
    ...(description === undefined ? {} : { description }),
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Plan -> config
// ---------------------------------------------------------------------------------------------------------------

/** The config a plan describes. Objects with hostile keys are built with Object.fromEntries (own `__proto__` keys). */
export function configOf(plan: Plan): Record<string, unknown> {
  const credentialParam = plan.credentials.length ? [[PASSWORD_PARAM, { type: 'securestring', description: 'fuzz password' }] as const] : [];
  const handles = plan.identities.map((i) => i.handle);
  const identity = (i: number): string => (handles.length && i % 2 === 1 ? handles[i % handles.length]! : 'system');
  const config: Record<string, unknown> = {
    description: plan.description,
    parameters: Object.fromEntries([...plan.params.map(({ name, ...p }) => [name, p] as const), ...credentialParam]),
    environments: Object.fromEntries(plan.environments.map(([name, values]) => [name, { parameters: values }])),
    identities: plan.identities.map((i) => ({ name: i.handle, resourceName: i.resourceName, ...(i.create ? { create: true } : {}), ...(i.create && i.tags ? { tags: i.tags } : {}) })),
    automationAccount: { name: plan.accountName, ...(plan.accountTags ? { tags: plan.accountTags } : {}), identity: { systemAssigned: true, userAssigned: handles } },
    runbooks: plan.runbooks.map((r, i) => ({
      name: r.name,
      type: 'PowerShell',
      ...(r.description === undefined ? {} : { description: r.description }),
      ...(r.generated ? { generate: { flow: 'powershell', identity: identity(i) } } : { uri: `https://example.org/runbooks/${i}.ps1` }),
    })),
    schedules: plan.schedules.map((s) => ({ name: s.name, frequency: 'Day', interval: s.interval, ...(s.description === undefined ? {} : { description: s.description }) })),
    jobSchedules: plan.runbooks.length && plan.schedules.length ? [{ runbook: plan.runbooks[0]!.name, schedule: plan.schedules[0]!.name }] : undefined,
    // Every parameter is used once, as a variable's value: an encrypted one for secure types.
    variables: [
      ...plan.variables.map((v) => ({ name: v.name, value: v.value, isEncrypted: false })),
      ...plan.params.map((p, i) => ({ name: `param-use-${i}`, value: { param: p.name }, isEncrypted: p.type === 'securestring' || p.type === 'secureObject' })),
    ],
    credentials: plan.credentials.map((c) => ({ name: c.name, userName: c.userName, password: { param: PASSWORD_PARAM } })),
  };
  for (const key of Object.keys(config)) {
    const v = config[key];
    if (v === undefined || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && Object.keys(v).length === 0)) delete config[key];
  }
  return config;
}

/** Environments for the declared plain parameters: each sets some of them, and every one that has no default. */
function environmentsFor(params: readonly PlannedParam[], name: fc.Arbitrary<string>, value: (p: PlannedParam) => fc.Arbitrary<unknown>) {
  const plain = params.filter((p) => p.type !== 'securestring' && p.type !== 'secureObject');
  const values = fc.tuple(...plain.map((p) => (p.defaultValue === undefined ? value(p) : fc.option(value(p), { nil: undefined })))).map((vs) =>
    Object.fromEntries(vs.flatMap((v, i) => (v === undefined ? [] : [[plain[i]!.name, v] as const]))),
  );
  return fc.uniqueArray(fc.tuple(name, values), { maxLength: 2, selector: ([n]) => n });
}

interface Pools {
  readonly paramName: fc.Arbitrary<string>;
  readonly envName: fc.Arbitrary<string>;
  readonly handle: fc.Arbitrary<string>;
  readonly runbookName: fc.Arbitrary<string>;
  readonly assetName: fc.Arbitrary<string>;
  readonly text: (max: number) => fc.Arbitrary<string>;
  readonly json: fc.Arbitrary<unknown>;
  readonly value: (p: PlannedParam) => fc.Arbitrary<unknown>;
  readonly interval: fc.Arbitrary<unknown>;
  readonly accountName: fc.Arbitrary<unknown>;
  readonly tags: fc.Arbitrary<Record<string, unknown>>;
  /** Unique by this key (lower case: names armgen must accept never collide by case; identity: duplicates allowed). */
  readonly key: (name: string) => string;
  /** Sometimes add a twin of a list's first entry whose name differs only by letter case (Azure: the same name). */
  readonly twins: boolean;
}

function planFrom(pools: Pools): fc.Arbitrary<Plan> {
  const unique = <T extends object>(arb: fc.Arbitrary<T>, key: keyof T & string, maxLength: number): fc.Arbitrary<T[]> =>
    fc.uniqueArray(arb, { maxLength, selector: (t) => pools.key(String(t[key])) }).chain((list) => {
      const first = list[0];
      if (!pools.twins || first === undefined) return fc.constant(list);
      const twin = caseVariant(String(first[key])).map((name) => [...list, { ...first, [key]: name }]);
      return fc.oneof({ weight: 11, arbitrary: fc.constant(list) }, { weight: 1, arbitrary: twin });
    });
  return unique(fc.record({ name: pools.paramName, type: paramType }), 'name', 4)
    .chain((declared) => fc.tuple(...declared.map((p) => plannedParam(p.name, p.type))))
    .chain((params) =>
      fc.record({
        description: pools.text(200),
        params: fc.constant(params),
        environments: environmentsFor(params, pools.envName, pools.value),
        identities: unique(fc.record({ handle: pools.handle, resourceName: identityResourceName, create: fc.boolean(), tags: fc.option(pools.tags, { nil: undefined }) }), 'handle', 2).map((ids) =>
          ids.map((i, n) => ({ ...i, resourceName: `${i.resourceName}${n}` })),
        ),
        accountName: pools.accountName,
        accountTags: fc.option(pools.tags, { nil: undefined }),
        runbooks: unique(fc.record({ name: pools.runbookName, description: fc.option(pools.text(512), { nil: undefined }), generated: fc.boolean() }), 'name', 3),
        schedules: unique(fc.record({ name: pools.assetName, interval: pools.interval, description: fc.option(pools.text(512), { nil: undefined }) }), 'name', 2),
        variables: unique(fc.record({ name: pools.assetName, value: pools.json }), 'name', 3),
        credentials: unique(fc.record({ name: pools.assetName, userName: pools.text(64) }), 'name', 2),
      }),
    );
}

const ACCEPTABLE: Pools = {
  paramName: okParamName,
  envName: okEnvName,
  handle: okHandle,
  runbookName: okRunbookName,
  assetName: okAssetName,
  text: (max) => fc.oneof({ weight: 4, arbitrary: edgeText(max) }, { weight: 1, arbitrary: atLimit(max).chain((n) => textOfLength(n, `${ALNUM} '"[]{}$\\`)) }),
  json: edgeJson,
  value: (p) => valueOf(p.type).map((v) => (p.minValue === undefined ? v : p.minValue)),
  interval: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constantFrom(2 ** 31 - 1, Number.MAX_SAFE_INTEGER)),
  accountName: fc.oneof(accountName, textOfLength(50, 'abcdefghijklmnopqrstuvwxyz0123456789-', 'a').map((n) => `${n.slice(0, 49)}z`), textOfLength(6, 'abc123', 'a')),
  tags: okTags,
  key: lower,
  twins: false,
};

/** A config of hostile names and edge values that armgen must accept and render (exit 0). */
export const acceptableHostileConfig: fc.Arbitrary<Record<string, unknown>> = planFrom(ACCEPTABLE).map(configOf);

// ---------------------------------------------------------------------------------------------------------------
// Names and values armgen may refuse
// ---------------------------------------------------------------------------------------------------------------

const reservedParamName = fc.constantFrom(...BICEP_KEYWORDS.filter((k) => /^[a-z]/i.test(k)), ...BICEP_TYPES, ...BICEP_DECORATORS, ...BICEP_NAMESPACES, ...FUNCTION_NAMES, ...ARMGEN_PARAMETERS, 'Name', 'Force', 'Verbose', 'TemplateFile');
/** Mostly `ok`; now and then (1 in 25) one of `bad`: about a third of the configs stay acceptable. */
const mostly = <T>(ok: fc.Arbitrary<T>, ...bad: fc.Arbitrary<T>[]): fc.Arbitrary<T> => fc.oneof({ weight: 24, arbitrary: ok }, { weight: 1, arbitrary: fc.oneof(...bad) });
/** A name from `ok`, or one armgen may refuse: reserved, prototype internals, over a limit, with a control or a lone surrogate. */
function mixed(ok: fc.Arbitrary<string>, limit: number, extra: fc.Arbitrary<string>[] = []): fc.Arbitrary<string> {
  const odd = fc.oneof(textWithControl, textWithLoneSurrogate, fc.constantFrom('', ' ', 'trailing ', 'a.b', 'a/b', 'a:b', 'x\u0000'));
  return mostly(ok, ok.chain(caseVariant), fc.constantFrom(...PROTOTYPE_NAMES), textOfLength(limit + 1, ALNUM, 'a'), odd, ...extra);
}
const mixedText = (max: number): fc.Arbitrary<string> => mostly(ACCEPTABLE.text(max), textWithLoneSurrogate, textOfLength(max + 1));
const mixedNumber = fc.oneof({ weight: 4, arbitrary: safeInteger }, { weight: 2, arbitrary: fraction }, { weight: 1, arbitrary: unsafeNumber });
const mixedJson = mostly(
  edgeJson,
  mixedNumber,
  textWithLoneSurrogate,
  fc.tuple(fc.oneof(textWithControl, textWithLoneSurrogate, hostileKey), edgeJson).map(([k, v]) => Object.fromEntries([[k, v]])),
  // What reads as a parameter reference: a name nobody declared, or no name at all.
  fc.oneof(hostileWord, fc.boolean(), safeInteger, fc.constant(null), edgeJson).map((name) => ({ param: name })),
);
const mixedTags = mostly(
  okTags,
  fc.array(fc.tuple(fc.oneof(hostileKey, textWithControl, fc.constantFrom('a<b', 'param', ...CONTROL_CHARS.slice(0, 3)), textOfLength(513)), mixedText(256)), { maxLength: 4 }).map((e) => Object.fromEntries(e)),
  okTags.chain((t) => fc.constantFrom(...Object.keys(t), 'Env').chain(caseVariant).map((k) => ({ ...t, Env: 'a', [k]: 'b' }))),
);

const ANY: Pools = {
  paramName: mixed(okParamName, 255, [reservedParamName]),
  envName: mixed(okEnvName, 32, [okEnvName.map((n) => n.toUpperCase())]),
  handle: mixed(okHandle, 64, [fc.constantFrom('system', 'System', 'SYSTEM')]),
  runbookName: mixed(okRunbookName, 63),
  assetName: mixed(okAssetName, 128),
  text: mixedText,
  json: mixedJson,
  value: (p) => mostly(valueOf(p.type), mixedJson),
  interval: mostly(ACCEPTABLE.interval, mixedNumber),
  accountName: mostly(ACCEPTABLE.accountName, hostileWord, textOfLength(51), textOfLength(5), mixedNumber),
  tags: mixedTags,
  // Exact duplicates are left out (fast-check would drop them anyway); names equal but for case stay in.
  key: (n) => n,
  twins: true,
};

/** A config whose names and values may or may not be acceptable: either it renders, or it is refused with located diagnostics. */
export const anyHostileConfig: fc.Arbitrary<Record<string, unknown>> = planFrom(ANY).map(configOf);
