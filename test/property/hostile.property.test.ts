import { expect } from 'chai';
import fc from 'fast-check';
import { generateConfig, type ConfigResult } from '../../generator/generate.js';
import { loadArmSchemaValidator, type ArmSchemaValidator } from '../support/armSchemas.js';
import { sharedDir } from '../support/paths.js';
import { FUZZ_RUNS, SCHEMA_EVERY, errorsOf, fuzzParams, serialise, show, unlocated } from './fuzzSettings.js';
import { hostileBreak } from './hostileBreaks.js';
import { acceptableHostileConfig, anyHostileConfig } from './hostileConfigs.js';
import { outputProblems } from './outputInvariant.js';

/**
 * Hostile names and edge values (hostileValues.ts) through the whole pipeline. The property: every config armgen
 * accepts (exit 0) yields output that satisfies the invariant (outputInvariant.ts: parses, no two resources with one
 * type and name, official schemas on every ARMGEN_FUZZ_SCHEMA_EVERY-th config); every config it refuses gets
 * located, coded diagnostics (exit 2); nothing ever throws. Sizes: fuzzSettings.ts.
 */

/** Runs armgen on the config; a thrown error is reported with the config that caused it. */
function run(config: Record<string, unknown>, asJson: boolean): { result: ConfigResult; text: string } {
  const { file, text } = serialise(config, asJson);
  try {
    return { result: generateConfig(file, text), text };
  } catch (err) {
    throw new Error(`armgen threw (an internal error, never a user mistake): ${(err as Error).stack}\n--- config ---\n${text}`);
  }
}

describe(`property: hostile names and edge values (${FUZZ_RUNS} runs each; ARMGEN_FUZZ_RUNS to change)`, function () {
  this.timeout(0);
  let validator: ArmSchemaValidator | undefined;
  let accepted = 0;

  before(() => {
    validator = sharedDir ? loadArmSchemaValidator(sharedDir) : undefined;
    if (!validator) console.log('      (official-schema check skipped: ../shared/arm-schemas is absent)');
  });

  /** The invariant for an accepted config; the schema check on every SCHEMA_EVERY-th one. */
  function expectInvariant(result: Extract<ConfigResult, { ok: true }>, text: string): void {
    expect(errorsOf(result), `accepted, but with errors (exit 1):\n${show(result)}\n--- config ---\n${text}`).to.deep.equal([]);
    const problems = outputProblems(result.artifacts, accepted++ % SCHEMA_EVERY === 0 ? validator : undefined);
    expect(problems, `${problems.join('\n')}\n--- config ---\n${text}`).to.deep.equal([]);
  }

  it('GIVEN hostile names and edge values armgen must accept WHEN generated THEN it exits 0 and the output holds the invariant', () => {
    fc.assert(
      fc.property(acceptableHostileConfig, fc.boolean(), (config, asJson) => {
        const { result, text } = run(config, asJson);
        if (!result.ok) expect.fail(`refused an acceptable config:\n${show(result)}\n--- config ---\n${text}`);
        expectInvariant(result, text);
      }),
      fuzzParams(),
    );
  });

  it('GIVEN an acceptable config with one hostile break WHEN generated THEN it is refused with located diagnostics naming the cause', () => {
    fc.assert(
      fc.property(acceptableHostileConfig, hostileBreak, fc.boolean(), (config, b, asJson) => {
        const { result, text } = run(b.apply(config), asJson);
        expect(result.ok, `${b.label}: accepted\n--- config ---\n${text}`).to.equal(false);
        expect(unlocated(result), `${b.label}\n${show(result)}`).to.equal(undefined);
        const codes = errorsOf(result).map((d) => d.code);
        expect(codes.some((c) => b.codes.includes(c)), `${b.label}: expected one of ${b.codes.join(', ')}\n${show(result)}\n--- config ---\n${text}`).to.equal(true);
      }),
      fuzzParams(),
    );
  });

  it('GIVEN names and values from every pool WHEN generated THEN an accepted config holds the invariant and a refused one is located; both happen', () => {
    const outcomes = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(anyHostileConfig, fc.boolean(), (config, asJson) => {
        const { result, text } = run(config, asJson);
        if (result.ok) {
          outcomes.accepted++;
          expectInvariant(result, text);
        } else {
          outcomes.refused++;
          expect(unlocated(result), `${show(result)}\n--- config ---\n${text}`).to.equal(undefined);
        }
      }),
      fuzzParams(),
    );
    // AND the generator reaches both outcomes (a pool that only ever fails would test nothing)
    if (FUZZ_RUNS >= 30) expect(outcomes.accepted, JSON.stringify(outcomes)).to.be.greaterThan(0);
    if (FUZZ_RUNS >= 30) expect(outcomes.refused, JSON.stringify(outcomes)).to.be.greaterThan(0);
  });
});
