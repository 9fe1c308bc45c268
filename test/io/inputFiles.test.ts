import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { runCli } from '../../generator/cli.js';
import { capture, exampleProject, leaks, runBin, runbookProject, scratchDir, treeOf } from '../emit/fsHelpers.js';

const hasProc = existsSync('/proc/self/environ');

describe('input files armgen reads: a link, a /proc file or a badly encoded file is refused, never copied or printed', () => {
  it('a runbook `file:` that is a link to /proc/self/environ is refused, and the environment appears nowhere', function () {
    if (!hasProc) this.skip();
    // GIVEN scripts/env.ps1 -> /proc/self/environ and a secret in armgen's environment
    const { config, out, script } = runbookProject();
    symlinkSync('/proc/self/environ', script);
    const canary = `CANARY_${randomBytes(8).toString('hex')}`;
    // WHEN generate runs as a real process
    const run = runBin(['generate', config, '--out', out], { ARMGEN_TEST_CANARY: canary });
    // THEN exit 2 with a located AG100 saying why, nothing written, and the secret in no output
    expect(existsSync(out), 'nothing written (today: the environment is copied into out/rb/runbooks/)').to.equal(false);
    expect(leaks(canary, run.stdout, run.stderr)).to.equal(false);
    expect(run.status, run.stderr).to.equal(2);
    expect(run.stderr).to.match(/rb\.yaml:6:11: error AG100: \/runbooks\/0\/file: cannot read runbook file scripts\/env\.ps1 \(relative to the config file\): it is a symbolic link/);
  });

  it('a runbook file reached through a linked folder that leads outside the config folder is refused', async () => {
    // GIVEN scripts/ -> a folder elsewhere holding env.ps1
    const project = runbookProject();
    const elsewhere = scratchDir();
    writeFileSync(join(elsewhere, 'env.ps1'), 'private\n');
    rmdirSync(join(project.dir, 'scripts'));
    symlinkSync(elsewhere, join(project.dir, 'scripts'));
    // WHEN generated THEN refused as outside, nothing written
    const c = capture();
    expect(await runCli(['generate', project.config, '--out', project.out], c.io)).to.equal(2);
    expect(c.out.stderr).to.match(/cannot read runbook file scripts\/env\.ps1 .*: it is outside the config's folder/);
    expect(existsSync(project.out)).to.equal(false);
  });

  it('a runbook saved as UTF-16 is refused with a hint to re-save it as UTF-8 (not copied as mojibake)', async () => {
    const { config, out } = runbookProject(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Write-Output 'hi'\n", 'utf16le')]));
    const c = capture();
    expect(await runCli(['generate', config, '--out', out], c.io)).to.equal(2);
    expect(c.out.stderr).to.match(/env\.ps1 .*: it is not valid UTF-8 \(looks like UTF-16\): re-save it as UTF-8/);
    expect(existsSync(out)).to.equal(false);
  });

  it('a runbook saved in Windows-1252 is refused the same way', async () => {
    const { config, out } = runbookProject(Buffer.from([0x23, 0x20, 0x67, 0x72, 0xfc, 0xdf, 0x65, 0x0a]));
    const c = capture();
    expect(await runCli(['generate', config, '--out', out], c.io)).to.equal(2);
    expect(c.out.stderr).to.match(/looks like Windows-1252 or another legacy code page\): re-save it as UTF-8/);
  });

  it('a runbook saved as UTF-8 with a BOM is copied byte for byte', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Write-Output 'grüße'\r\n", 'utf8')]);
    const { config, out } = runbookProject(bytes);
    expect(await runCli(['generate', config, '--out', out], capture().io)).to.equal(0);
    expect(readFileSync(join(out, 'rb', 'runbooks', 'env.ps1')).equals(bytes)).to.equal(true);
  });

  it('a config file that is a link, or a FIFO, is refused with the reason (and never blocks)', async function () {
    const { dir, config, out } = exampleProject();
    symlinkSync(config, join(dir, 'alias.yaml'));
    let c = capture();
    expect(await runCli(['validate', join(dir, 'alias.yaml')], c.io)).to.equal(2);
    expect(c.out.stderr).to.match(/alias\.yaml: error AG100: cannot read the config: it is a symbolic link/);
    try {
      execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    } catch {
      this.skip();
    }
    c = capture();
    expect(await runCli(['generate', join(dir, 'pipe.yaml'), '--out', out], c.io)).to.equal(2);
    expect(c.out.stderr).to.match(/pipe\.yaml: error AG100: cannot read the config: it is not a regular file \(a FIFO/);
  });
});

describe('config names: the name is the output folder, so ".", ".." and hidden names are refused', () => {
  it('a config named `..yaml` (name ".") is refused instead of writing into the output root', async () => {
    // GIVEN an output folder holding another config's output, and a config file named `..yaml`
    const { dir, config, out } = exampleProject('other');
    expect(await runCli(['generate', config, '--out', out, '--format', 'arm'], capture().io)).to.equal(0);
    const before = treeOf(out);
    writeFileSync(join(dir, '..yaml'), readFileSync(config));
    // WHEN it is generated THEN AG600 names the problem, and the output folder is exactly as it was
    const c = capture();
    expect(await runCli(['generate', join(dir, '..yaml'), '--out', out, '--format', 'arm'], c.io)).to.equal(2);
    expect(c.out.stderr).to.match(/\.\.yaml: error AG600: the config's name "\." .* cannot be empty, '\.', '\.\.' or start with '\.'; rename the file/);
    expect(treeOf(out)).to.deep.equal(before);
  });

  it('a config named `...yaml` (name "..") and a hidden `.staging.yaml` are refused by every command', async () => {
    const { dir, config } = exampleProject();
    for (const name of ['...yaml', '.staging.yaml']) {
      writeFileSync(join(dir, name), readFileSync(config));
      for (const args of [['validate', join(dir, name)], ['generate', join(dir, name), '--out', join(dir, 'out')]]) {
        const c = capture();
        expect(await runCli(args, c.io), args.join(' ')).to.equal(2);
        expect(c.out.stderr).to.match(/error AG600: the config's name/);
      }
    }
    expect(readdirSync(dir).includes('out')).to.equal(false);
  });
});
