/**
 * Compare a generated main.bicep with the ARM JSON it must equal (tests only), using the Bicep reader
 * (bicepReader.ts) and the literal parser (bicepLiteral.ts).
 */
import { expect } from 'chai';
import type { ArmTemplate } from '../../helpers/render.js';
import { parseBicepLiteral } from './bicepLiteral.js';
import type { BicepFile } from './bicepReader.js';

const ARM_TYPE: Readonly<Record<string, { type: string; secure: boolean }>> = {
  string: { type: 'string', secure: false },
  securestring: { type: 'string', secure: true },
  int: { type: 'int', secure: false },
  bool: { type: 'bool', secure: false },
  object: { type: 'object', secure: false },
  secureobject: { type: 'object', secure: true },
  array: { type: 'array', secure: false },
};

/** The JSON a template's default stands for: `[[x]` is the literal `[x]`; `[expr]` is an expression text. */
function armDefault(value: unknown): { literal: unknown } | { expression: string } {
  if (typeof value === 'string' && !value.startsWith('[[') && value.startsWith('[') && value.endsWith(']')) return { expression: value.slice(1, -1) };
  return { literal: unescapeArm(value) };
}

/** ARM's `[[` escape, undone at every depth (keys included). */
function unescapeArm(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith('[[') ? value.slice(1) : value;
  if (Array.isArray(value)) return value.map(unescapeArm);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [unescapeArm(k) as string, unescapeArm(v)]));
  return value;
}

/** Same parameters (names, order, types, secure-ness, defaults) in the ARM template and main.bicep. */
export function expectSameParameters(arm: ArmTemplate, bicep: BicepFile, where: string): void {
  expect(bicep.params.map((p) => p.name), `${where}: parameter names`).to.deep.equal(Object.keys(arm.parameters));
  for (const p of bicep.params) {
    const a = arm.parameters[p.name]!;
    const expected = ARM_TYPE[String(a.type).toLowerCase()];
    expect({ type: p.type, secure: p.secure }, `${where}: type of parameter ${p.name}`).to.deep.equal(expected);
    expect(p.defaultText !== undefined, `${where}: parameter ${p.name} has a default in one file only`).to.equal('defaultValue' in a);
    if (p.defaultText === undefined) continue;
    const d = armDefault(a.defaultValue);
    if ('expression' in d) {
      expect(p.defaultText, `${where}: default of ${p.name}`).to.equal(d.expression);
    } else {
      const parsed = parseBicepLiteral(p.defaultText);
      expect(parsed, `${where}: default of ${p.name} should be a literal: ${p.defaultText}`).to.not.equal(undefined);
      expect(parsed!.value, `${where}: default of ${p.name}`).to.deep.equal(d.literal);
    }
  }
}
