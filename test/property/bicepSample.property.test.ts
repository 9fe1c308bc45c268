import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'chai';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { generateConfig } from '../../generator/generate.js';
import { requireTool, runTool } from '../support/tools.js';
import { fullConfig } from './arbitraries.js';

/**
 * A sample of random valid configs through the real Bicep CLI: every main.bicep builds and lints with no
 * warning or error. ARMGEN_FUZZ_BICEP_SAMPLES sets the sample size (default 8; the CLI costs seconds per call,
 * so all files of a sample go through one `--pattern` call per command).
 */
const samples = Number(process.env.ARMGEN_FUZZ_BICEP_SAMPLES ?? 8);
const seed = Number(process.env.ARMGEN_FUZZ_SEED ?? 424242);

describe(`property: a sample of ${samples} random configs compiles warning-free with the real Bicep CLI`, function () {
  this.timeout(600_000);
  const bicep = requireTool('bicep');

  it('bicep build and bicep lint report nothing for any sampled config', () => {
    // GIVEN a sample of random valid configs rendered into one folder per config
    const dir = mkdtempSync(join(tmpdir(), 'armgen-fuzz-bicep-'));
    const configs = fc.sample(fullConfig, { numRuns: samples, seed });
    configs.forEach((config, i) => {
      const result = generateConfig(`c${i}.yaml`, stringify(config));
      if (!result.ok) throw new Error(`sample ${i} was rejected: ${result.diagnostics.map((d) => d.message).join('; ')}`);
      for (const a of result.artifacts) {
        mkdirSync(dirname(join(dir, a.path)), { recursive: true });
        writeFileSync(join(dir, a.path), a.text);
      }
    });
    // WHEN the real compiler builds and lints them
    const build = runTool(bicep!, ['build', '--pattern', `${dir}/*/main.bicep`], { cwd: dir });
    const lint = runTool(bicep!, ['lint', '--pattern', `${dir}/**/*.bicep`], { cwd: dir });
    // THEN neither reports an error or a warning
    const problems = `${build.stdout}\n${build.stderr}\n${lint.stdout}\n${lint.stderr}`.split('\n').filter((l) => /\b(Error|Warning) /.test(l));
    expect(problems, problems.join('\n')).to.deep.equal([]);
    expect(build.status, build.stderr).to.equal(0);
    expect(lint.status, lint.stderr).to.equal(0);
  });
});
