import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'chai';
import fc from 'fast-check';
import { generateConfig } from '../../generator/generate.js';
import type { Artifact } from '../../generator/model/artifact.js';
import { requireTool, runTool } from '../support/tools.js';
import { fullConfig } from './arbitraries.js';
import { BICEP_SAMPLES, FUZZ_SEED, errorsOf, serialise } from './fuzzSettings.js';
import { acceptableHostileConfig, anyHostileConfig } from './hostileConfigs.js';
import { duplicateResources } from './outputInvariant.js';

/**
 * The real-tool part of the invariant, on a sample of accepted configs (ordinary ones from arbitraries.ts, hostile
 * acceptable ones, and accepted ones from every pool, in turn): `bicep build` of every main.bicep, `bicep build-params`
 * of every .bicepparam and `bicep lint` of every .bicep report no error and no warning; each compiled main.json has no
 * two resources with one (type, name); and each compiled .bicepparam holds the values of its ARM parameter file.
 * ARMGEN_FUZZ_BICEP_SAMPLES sets the sample size (fuzzSettings.ts); all files go through one `--pattern` call per command.
 */

type Rendered = { name: string; artifacts: readonly Artifact[] };
type Json = Record<string, unknown>;

/** `count` accepted configs, a third from each generator; from every pool, only those armgen accepts cleanly. */
function sampleConfigs(count: number, seed: number): Rendered[] {
  const sources = [fullConfig, acceptableHostileConfig, anyHostileConfig];
  const out: Rendered[] = [];
  for (let i = 0, tries = 0; out.length < count && tries < count * 20; tries++) {
    const [config] = fc.sample(sources[out.length % 3]!, { numRuns: 1, seed: seed + tries });
    const result = generateConfig(`c${i}.yaml`, serialise(config!, false).text);
    if (result.ok && errorsOf(result).length === 0) out.push({ name: `c${i++}`, artifacts: result.artifacts });
    else if (out.length % 3 !== 2) throw new Error(`sample ${i} was refused: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  }
  return out;
}

/**
 * `param NAME = [int|bool|json(]readEnvironmentVariable('VAR')[)]`: each variable and the text a pipeline would set. A
 * string parameter takes any text, so it is left out (undefined) and another config's value for the variable serves.
 */
function environmentReads(bicepparam: string, template: Json): Map<string, string | undefined> {
  const types = (template.parameters ?? {}) as Record<string, { type: string }>;
  const reads = new Map<string, string | undefined>();
  for (const m of bicepparam.matchAll(/^param (\w+) = (?:(int|bool|json)\()?readEnvironmentVariable\('([A-Z0-9_]+)'\)\)?$/gm)) {
    const [, name, wrapper, variable] = m as unknown as [string, string, string | undefined, string];
    const text = wrapper === 'int' ? '42' : wrapper === 'bool' ? 'true' : wrapper === 'json' ? (/array/i.test(types[name]?.type ?? '') ? '[]' : '{}') : undefined;
    if (text !== undefined || !reads.has(variable)) reads.set(variable, text);
  }
  return reads;
}

/**
 * Configs in groups whose environment variables agree: one build-params call per group, with its variables set (a
 * variable only strings read is set to its name). Usually one group; two configs that read one variable as different
 * types (an int and a bool) go to different groups.
 */
function groupsByEnvironment(rendered: readonly Rendered[]): { members: Rendered[]; env: Record<string, string> }[] {
  const groups: { members: Rendered[]; env: Map<string, string | undefined> }[] = [];
  for (const r of rendered) {
    const template = JSON.parse(r.artifacts.find((a) => a.path.endsWith('/azuredeploy.json'))!.text) as Json;
    const env = new Map<string, string | undefined>();
    for (const a of r.artifacts.filter((x) => x.path.endsWith('.bicepparam'))) for (const [k, v] of environmentReads(a.text, template)) if (v !== undefined || !env.has(k)) env.set(k, v);
    const agrees = (g: (typeof groups)[number]): boolean => [...env].every(([k, v]) => v === undefined || g.env.get(k) === undefined || g.env.get(k) === v);
    let group = groups.find(agrees);
    if (!group) groups.push((group = { members: [], env: new Map() }));
    group.members.push(r);
    for (const [k, v] of env) if (v !== undefined || !group.env.has(k)) group.env.set(k, v ?? group.env.get(k));
  }
  return groups.map((g) => ({ members: g.members, env: Object.fromEntries([...g.env].map(([k, v]) => [k, v ?? `value of ${k}`])) }));
}

const problemLines = (...outputs: string[]): string[] => outputs.join('\n').split('\n').filter((l) => /\b(Error|Warning) /.test(l));

describe(`property: a sample of ${BICEP_SAMPLES} accepted configs passes the real Bicep CLI (build, build-params, lint)`, function () {
  this.timeout(0);
  const bicep = requireTool('bicep');
  let dir = '';
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('GIVEN sampled accepted configs WHEN built, parameter files built and linted THEN nothing is reported and the compiled output agrees', () => {
    // GIVEN a sample of accepted configs rendered into one folder per config, grouped by the environment variables
    // their .bicepparam files read (one build-params call per group, with its variables set)
    dir = mkdtempSync(join(tmpdir(), 'armgen-fuzz-bicep-'));
    const groups = groupsByEnvironment(sampleConfigs(BICEP_SAMPLES, FUZZ_SEED ?? 424242));
    const at = new Map<Rendered, string>();
    groups.forEach((g, i) => {
      for (const r of g.members) {
        at.set(r, join(dir, `g${i}`));
        for (const a of r.artifacts) {
          mkdirSync(dirname(join(dir, `g${i}`, a.path)), { recursive: true });
          writeFileSync(join(dir, `g${i}`, a.path), a.text);
        }
      }
    });
    // WHEN the real compiler builds, lints and builds the parameter files
    const build = runTool(bicep!, ['build', '--pattern', `${dir}/*/*/main.bicep`], { cwd: dir });
    const lint = runTool(bicep!, ['lint', '--pattern', `${dir}/**/*.bicep`], { cwd: dir });
    const params = groups.map((g, i) => runTool(bicep!, ['build-params', '--pattern', `${dir}/g${i}/*/*.bicepparam`], { cwd: dir, env: g.env }));
    // THEN no command reports an error or a warning
    const outputs = [build, lint, ...params].flatMap((r) => [r.stdout, r.stderr]);
    expect(problemLines(...outputs), problemLines(...outputs).join('\n')).to.deep.equal([]);
    for (const r of [build, lint, ...params]) expect(r.status, r.stderr).to.equal(0);
    for (const [r, base] of at) {
      // AND the compiled template has no two resources with one (type, name)
      expect(duplicateResources(JSON.parse(readFileSync(join(base, r.name, 'main.json'), 'utf8')), `${r.name}/main.json`)).to.deep.equal([]);
      // AND each compiled .bicepparam holds its ARM parameter file's values (plus the values read from the environment)
      for (const a of r.artifacts.filter((x) => x.path.endsWith('.bicepparam'))) {
        const compiled = (JSON.parse(readFileSync(join(base, a.path.replace(/\.bicepparam$/, '.json')), 'utf8')) as Json).parameters as Json;
        const armPath = a.path.replace(/main(\.[^.]+)?\.bicepparam$/, (_, env: string | undefined) => `azuredeploy.parameters${env ?? ''}.json`);
        const arm = (JSON.parse(r.artifacts.find((x) => x.path === armPath)!.text) as Json).parameters as Json;
        const fromEnvironment = [...a.text.matchAll(/^param (\w+) = \S*readEnvironmentVariable\(/gm)].map((m) => m[1]!);
        const rest = Object.fromEntries(Object.entries(compiled).filter(([k]) => !fromEnvironment.includes(k)));
        expect(rest, `${a.path}\n${a.text}`).to.deep.equal(arm);
      }
    }
  });
});
