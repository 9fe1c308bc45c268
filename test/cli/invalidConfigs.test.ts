import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { runCli } from '../../generator/cli.js';
import { capture } from '../support/cliRun.js';
import { repoRoot } from '../support/paths.js';

const dir = 'test/fixtures/invalid';

describe('invalid configs: each mistake is a located diagnostic, exit 2, nothing written', () => {
  const cwd = process.cwd();
  before(() => process.chdir(repoRoot));
  after(() => process.chdir(cwd));

  for (const file of readdirSync(join(repoRoot, dir)).filter((f) => f.endsWith('.yaml')).sort()) {
    it(`${file} is rejected with exactly the expected diagnostics`, async () => {
      // GIVEN an invalid config and the diagnostics a user should see
      const expected = readFileSync(join(repoRoot, dir, file.replace(/\.yaml$/, '.expected')), 'utf8');
      const { out, io } = capture();
      // WHEN it is validated
      const code = await runCli(['validate', `${dir}/${file}`], io);
      // THEN exit 2, the expected file:line:col diagnostics, a summary that counts them, and no stack trace
      expect(code).to.equal(2);
      const errors = expected.split('\n').filter((l) => / error AG\d{3}: /.test(l)).length;
      const warnings = expected.split('\n').filter((l) => / warning AG\d{3}: /.test(l)).length;
      expect(out.stderr).to.equal(`${expected}armgen: 1 of 1 config(s) invalid, ${errors} error(s)${warnings ? `, ${warnings} warning(s)` : ''}\n`);
      expect(out.stderr).not.to.match(/\n\s+at /);
      expect(out.stderr).to.match(new RegExp(`^${dir}/${file}:\\d+:\\d+: error AG\\d{3}: `, 'm'));
    });
  }

  it('generate with one invalid config among valid ones writes nothing and leaves existing files as they were', async () => {
    // GIVEN an output folder holding a file from an earlier run
    const out = mkdtempSync(join(tmpdir(), 'armgen-invalid-'));
    mkdirSync(join(out, 'template-ua'));
    writeFileSync(join(out, 'template-ua', 'azuredeploy.json'), 'earlier\n');
    const { io } = capture();
    // WHEN a valid and an invalid config are generated together
    const code = await runCli(['generate', 'examples/template-ua.yaml', `${dir}/short-account-name.yaml`, '--out', out], io);
    // THEN exit 2 and the folder is untouched
    expect(code).to.equal(2);
    expect(readdirSync(out)).to.deep.equal(['template-ua']);
    expect(readdirSync(join(out, 'template-ua'))).to.deep.equal(['azuredeploy.json']);
    expect(readFileSync(join(out, 'template-ua', 'azuredeploy.json'), 'utf8')).to.equal('earlier\n');
  });
});
