import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { runCli } from '../../generator/cli.js';
import { capture, exampleProject, leaks, runBin, runbookProject, scratchDir } from './fsHelpers.js';

const hasProc = existsSync('/proc/self/environ');

describe('check: reads only regular files inside the output folder and compares bytes', () => {
  it('a committed link out/NAME/azuredeploy.json -> /proc/self/environ is stale, and the environment is never printed', function () {
    if (!hasProc) this.skip();
    // GIVEN a generated output whose template was replaced by a link to the process environment
    const { config, out } = exampleProject();
    expect(runBin(['generate', config, '--out', out, '--format', 'arm']).status).to.equal(0);
    const template = join(out, 'template-ua', 'azuredeploy.json');
    rmSync(template);
    symlinkSync('/proc/self/environ', template);
    const canary = `CANARY_${randomBytes(8).toString('hex')}`;
    // WHEN check runs as a real process with a secret in its environment
    const run = runBin(['check', config, '--out', out, '--format', 'arm'], { ARMGEN_TEST_CANARY: canary });
    // THEN drift (exit 1) saying why, and the secret appears in no output
    expect(leaks(canary, run.stdout, run.stderr), 'the environment was printed').to.equal(false);
    expect(run.status, run.stderr).to.equal(1);
    expect(run.stderr).to.match(/azuredeploy\.json: error AG900: stale: it is a symbolic link/);
  });

  it('a config folder linked to a folder outside the output folder is never read or shown', async () => {
    // GIVEN out/template-ua -> a folder elsewhere whose azuredeploy.json holds a secret
    const { config, out } = exampleProject();
    expect(await runCli(['generate', config, '--out', out, '--format', 'arm'], capture().io)).to.equal(0);
    const elsewhere = scratchDir();
    renameSync(join(out, 'template-ua'), join(elsewhere, 'moved'));
    writeFileSync(join(elsewhere, 'moved', 'azuredeploy.json'), '{"secret": "hunter2"}\n');
    symlinkSync(join(elsewhere, 'moved'), join(out, 'template-ua'));
    // WHEN checked THEN every file is reported as outside, and the secret is not printed
    const c = capture();
    expect(await runCli(['check', config, '--out', out, '--format', 'arm'], c.io)).to.equal(1);
    expect(leaks('hunter2', c.out.stdout, c.out.stderr), 'the secret was printed').to.equal(false);
    expect(c.out.stderr).to.match(/azuredeploy\.json: error AG900: stale: it is outside the output folder/);
  });

  it('an invalid byte on disk is drift for check and is rewritten by generate (decoded text would hide it)', async () => {
    // GIVEN a runbook holding U+FFFD, generated, then its bytes EF BF BD on disk replaced by one invalid byte FF
    const { config, out } = runbookProject("Write-Output 'replacement: \ufffd'\n");
    expect(await runCli(['generate', config, '--out', out], capture().io)).to.equal(0);
    const copied = join(out, 'rb', 'runbooks', 'env.ps1');
    const good = readFileSync(copied);
    const at = good.indexOf(Buffer.from('\ufffd', 'utf8'));
    const corrupt = Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at + 3)]);
    writeFileSync(copied, corrupt);
    // WHEN checked THEN it is stale, without printing the undecodable file
    const c = capture();
    expect(await runCli(['check', config, '--out', out], c.io)).to.equal(1);
    expect(c.out.stderr).to.match(/runbooks\/env\.ps1: error AG900: stale: the file on disk is not valid UTF-8/);
    // AND generate sees the bytes differ and restores them
    c.out.stderr = '';
    expect(await runCli(['generate', config, '--out', out], c.io)).to.equal(0);
    expect(c.out.stderr).to.match(/\(1 written, \d+ unchanged, 0 removed\)/);
    expect(readFileSync(copied).equals(good)).to.equal(true);
  });

  it('reports an output folder whose config was deleted (orphan), unless --partial scopes the check', async () => {
    // GIVEN two configs generated into one output folder, then one config deleted
    const { dir, config, out } = exampleProject();
    const other = join(dir, 'retired.yaml');
    writeFileSync(other, readFileSync(config));
    expect(await runCli(['generate', config, other, '--out', out, '--format', 'arm'], capture().io)).to.equal(0);
    rmSync(other);
    // WHEN the remaining config is checked THEN the folder of the deleted one is drift
    const c = capture();
    expect(await runCli(['check', config, '--out', out, '--format', 'arm'], c.io)).to.equal(1);
    expect(c.out.stderr).to.match(/retired\/: error AG900: orphan: armgen wrote this folder .* no given config renders it .*--partial/);
    // AND with --partial only the given config's folder is compared
    expect(await runCli(['check', config, '--out', out, '--format', 'arm', '--partial'], capture().io)).to.equal(0);
  });

  it('a file armgen wrote and no longer renders, edited since, is reported without its content and kept by generate', async () => {
    // GIVEN a generated starter runbook, then removed from the config and edited by hand
    const { config, out } = exampleProject();
    const base = readFileSync(config, 'utf8');
    writeFileSync(config, `${base}runbooks:\n  - name: Hello\n    type: PowerShell72\n    generate: { flow: powershell, identity: system }\n`);
    expect(await runCli(['generate', config, '--out', out, '--format', 'arm'], capture().io)).to.equal(0);
    writeFileSync(config, base);
    const hello = join(out, 'template-ua', 'runbooks', 'Hello.ps1');
    writeFileSync(hello, "Write-Output 'my private change'\n");
    // WHEN checked THEN it is extra, says it was edited, and prints nothing of it
    let c = capture();
    expect(await runCli(['check', config, '--out', out, '--format', 'arm'], c.io)).to.equal(1);
    expect(c.out.stderr).to.match(/Hello\.ps1: error AG900: extra: .* edited since; generate keeps it and stops owning it/);
    expect(leaks('my private change', c.out.stdout, c.out.stderr)).to.equal(false);
    // AND generate keeps it, says so, and afterwards the output checks clean
    c = capture();
    expect(await runCli(['generate', config, '--out', out, '--format', 'arm'], c.io)).to.equal(0);
    expect(c.out.stderr).to.match(/note: kept .*Hello\.ps1: no config renders it any more, but it was edited since armgen wrote it/);
    expect(readFileSync(hello, 'utf8')).to.equal("Write-Output 'my private change'\n");
    expect(await runCli(['check', config, '--out', out, '--format', 'arm'], capture().io)).to.equal(0);
  });
});
