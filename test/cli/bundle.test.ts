import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { repoRoot } from '../support/paths.js';

/** What package.json's `bin` runs: the bundle scripts/bundle.mjs builds from dist/generator/ (npm run build). */
const launcher = join(repoRoot, 'dist/generator/armgen.cjs');
const unbundled = join(repoRoot, 'dist/generator/bin.js');

function run(bin: string, args: string[], cwd = repoRoot) {
  return spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, DISABLE_V8_COMPILE_CACHE: '1' } });
}

function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesBelow(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

describe('the bundled CLI (dist/generator/armgen.cjs) behaves as the unbundled one', () => {
  it('GIVEN an example WHEN both generate it THEN they write the same files, byte for byte, and the same summary', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'armgen-bundle-'));
    try {
      const a = run(launcher, ['generate', 'examples/template-ua.yaml', 'examples/maximal.yaml', '--out', join(tmp, 'bundled')]);
      const b = run(unbundled, ['generate', 'examples/template-ua.yaml', 'examples/maximal.yaml', '--out', join(tmp, 'unbundled')]);
      expect(a.status, a.stderr).to.equal(0);
      expect(b.status, b.stderr).to.equal(0);
      expect(a.stderr.replace('bundled', 'unbundled')).to.equal(b.stderr);
      const files = filesBelow(join(tmp, 'bundled'));
      expect(files).to.include('template-ua/azuredeploy.json');
      expect(filesBelow(join(tmp, 'unbundled'))).to.deep.equal(files);
      for (const f of files) expect(readFileSync(join(tmp, 'bundled', f), 'utf8'), f).to.equal(readFileSync(join(tmp, 'unbundled', f), 'utf8'));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('GIVEN an invalid config and a usage error WHEN the bundle runs them THEN exit codes and diagnostics are those of the unbundled CLI', () => {
    for (const args of [['validate', 'test/fixtures/invalid'], ['generate', 'examples/template-ua.yaml', '--ouut', 'x'], ['--version'], ['check', 'examples/template-ua.yaml', '--diagnostics-format', 'sarif']]) {
      const a = run(launcher, args);
      const b = run(unbundled, args);
      expect([a.status, a.stdout, a.stderr], args.join(' ')).to.deep.equal([b.status, b.stdout, b.stderr]);
    }
  });
});
