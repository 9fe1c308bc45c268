import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { runCli } from '../../generator/cli.js';
import { capture } from '../support/cliRun.js';
import { repoRoot } from '../support/paths.js';

/** A scratch project: a copy of one example config, run with the repository as the working directory. */
function scratch(): { dir: string; config: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'armgen-cli-'));
  const config = join(dir, 'template-ua.yaml');
  cpSync(join(repoRoot, 'examples/template-ua.yaml'), config);
  return { dir, config, out: join(dir, 'out') };
}

describe('the armgen CLI', () => {
  it('prints usage naming every command with --help and exits 0', async () => {
    const { out, io } = capture();
    const code = await runCli(['--help'], io);
    expect(code).to.equal(0);
    for (const cmd of ['generate', 'validate', 'check', 'lint', 'schema']) expect(out.stdout).to.match(new RegExp(`armgen ${cmd}`));
  });

  it('prints the package version with --version', async () => {
    const { out, io } = capture();
    await runCli(['--version'], io);
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(out.stdout.trim()).to.equal(pkg.version);
  });

  it('exits 2 with a usage error for an unknown command or option, without a stack trace', async () => {
    for (const argv of [['frobnicate'], ['generate', 'x.yaml', '--no-such-flag'], []]) {
      const { out, io } = capture();
      expect(await runCli(argv, io), argv.join(' ')).to.equal(2);
      expect(out.stderr).to.match(/error AG000/);
      expect(out.stderr).not.to.match(/\n\s+at /);
    }
  });

  it('prints the config schema with `schema`', async () => {
    const { out, io } = capture();
    await runCli(['schema'], io);
    expect(JSON.parse(out.stdout)).to.deep.equal(JSON.parse(readFileSync(join(repoRoot, 'schemas/armgen.schema.json'), 'utf8')));
  });

  it('exits 2 when no file matches an argument', async () => {
    const { out, io } = capture();
    expect(await runCli(['validate', 'no/such/*.yaml'], io)).to.equal(2);
    expect(out.stderr).to.match(/no\/such\/\*\.yaml: error AG100/);
  });

  it('generate writes NAME/ files and their manifest, then check passes; a changed, missing or extra file is drift (exit 1)', async () => {
    // GIVEN a config that also renders a starter runbook
    const { config, out } = scratch();
    const base = readFileSync(config, 'utf8');
    writeFileSync(config, `${base}runbooks:\n  - name: Hello\n    type: PowerShell72\n    generate: { flow: powershell, identity: system }\n`);
    expect(await runCli(['generate', config, '--out', out, '--format', 'arm'], capture().io)).to.equal(0);
    expect(readdirSync(join(out, 'template-ua')).sort()).to.deep.equal(['.armgen-manifest.json', 'README.md', 'azuredeploy.json', 'azuredeploy.parameters.json', 'runbooks']);
    expect(await runCli(['check', config, '--out', out, '--format', 'arm'], capture().io)).to.equal(0);

    // stale
    const template = join(out, 'template-ua', 'azuredeploy.json');
    const original = readFileSync(template, 'utf8');
    writeFileSync(template, original.replace('"Basic"', '"Free"'));
    let c = capture();
    expect(await runCli(['check', config, '--out', out, '--format', 'arm'], c.io)).to.equal(1);
    expect(c.out.stderr).to.match(/azuredeploy\.json: error AG900: stale.*resource Microsoft\.Automation\/automationAccounts .* changed at \/properties\/sku\/name/);
    expect(c.out.stdout).to.match(/^-\s+"name": "Free"/m);
    expect(readFileSync(template, 'utf8'), 'check writes nothing').to.include('"Free"');

    // missing
    rmSync(template);
    c = capture();
    expect(await runCli(['check', config, '--out', out, '--format', 'arm'], c.io)).to.equal(1);
    expect(c.out.stderr).to.match(/azuredeploy\.json: error AG900: missing/);

    // extra: a file armgen wrote that the config no longer renders; hand-written files are never drift
    writeFileSync(template, original);
    writeFileSync(config, base);
    writeFileSync(join(out, 'template-ua', 'azuredeploy.parameters.old.json'), '{}\n');
    writeFileSync(join(out, 'template-ua', 'NOTES.md'), 'mine\n');
    c = capture();
    expect(await runCli(['check', config, '--out', out, '--format', 'arm'], c.io)).to.equal(1);
    expect(c.out.stderr).to.match(/runbooks\/Hello\.ps1: error AG900: extra/);
    expect(c.out.stderr).not.to.match(/NOTES\.md|parameters\.old/);

    // generate removes the file it wrote and keeps the user's files
    expect(await runCli(['generate', config, '--out', out, '--format', 'arm'], capture().io)).to.equal(0);
    expect(existsSync(join(out, 'template-ua', 'runbooks', 'Hello.ps1'))).to.equal(false);
    expect(readFileSync(join(out, 'template-ua', 'NOTES.md'), 'utf8')).to.equal('mine\n');
    expect(readFileSync(join(out, 'template-ua', 'azuredeploy.parameters.old.json'), 'utf8')).to.equal('{}\n');
    expect(await runCli(['check', config, '--out', out, '--format', 'arm'], capture().io)).to.equal(0);
  });

  it("check's diff names the files as out/NAME/... and `git apply` in the working directory brings out/ up to date", async function () {
    if (spawnSync('git', ['--version']).status !== 0) this.skip();
    // GIVEN generated output with one file edited and one deleted, the output folder given as `out`
    const { dir, config } = scratch();
    const bin = join(repoRoot, 'dist/generator/bin.js');
    const armgen = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8' });
    expect(armgen('generate', config, '--format', 'arm').status).to.equal(0);
    const template = join(dir, 'out', 'template-ua', 'azuredeploy.json');
    writeFileSync(template, readFileSync(template, 'utf8').replace('"Basic"', '"Free"'));
    rmSync(join(dir, 'out', 'template-ua', 'azuredeploy.parameters.json'));
    // WHEN check prints the diff
    const check = armgen('check', config, '--format', 'arm');
    expect(check.status).to.equal(1);
    expect(check.stdout).to.match(/^--- a\/out\/template-ua\/azuredeploy\.json\t/m);
    expect(check.stderr).to.match(/^out\/template-ua\/azuredeploy\.json: error AG900: stale/m);
    // THEN git applies it as it is, and check passes
    const apply = spawnSync('git', ['apply', '-'], { cwd: dir, input: check.stdout, encoding: 'utf8' });
    expect(apply.status, apply.stderr).to.equal(0);
    expect(armgen('check', config, '--format', 'arm').status).to.equal(0);
  });

  it('a run owns only the formats it renders: --format arm never reports or removes the Bicep files', async () => {
    // GIVEN both formats rendered
    const { config, out } = scratch();
    expect(await runCli(['generate', config, '--out', out], capture().io)).to.equal(0);
    expect(readdirSync(join(out, 'template-ua')).sort()).to.include.members(['main.bicep', 'main.bicepparam', 'azuredeploy.json']);
    // WHEN only ARM is checked and regenerated THEN the Bicep files are neither drift nor removed
    expect(await runCli(['check', config, '--out', out, '--format', 'arm'], capture().io)).to.equal(0);
    expect(await runCli(['generate', config, '--out', out, '--format', 'arm'], capture().io)).to.equal(0);
    expect(existsSync(join(out, 'template-ua', 'main.bicep'))).to.equal(true);
    // AND with --format bicep the ARM files stay as well
    expect(await runCli(['generate', config, '--out', out, '--format', 'bicep'], capture().io)).to.equal(0);
    expect(existsSync(join(out, 'template-ua', 'azuredeploy.json'))).to.equal(true);
    expect(await runCli(['check', config, '--out', out], capture().io)).to.equal(0);
  });

  it('check exits 2 on an invalid config', async () => {
    const { dir, out } = scratch();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'automationAccount: {}\n');
    expect(await runCli(['check', bad, '--out', out], capture().io)).to.equal(2);
  });

  it('expands folders and globs, and refuses two configs that would write the same folder', async () => {
    const { dir, out } = scratch();
    mkdirSync(join(dir, 'nested'));
    cpSync(join(repoRoot, 'examples/system-vm.yaml'), join(dir, 'nested', 'system-vm.yaml'));
    expect(await runCli(['generate', dir, '--out', out, '--format', 'arm'], capture().io)).to.equal(0);
    expect(readdirSync(out).sort()).to.deep.equal(['system-vm', 'template-ua']);
    cpSync(join(repoRoot, 'examples/system-vm.yaml'), join(dir, 'nested', 'template-ua.yaml'));
    const c = capture();
    expect(await runCli(['generate', `${dir}/**/*.yaml`, '--out', join(dir, 'out2'), '--format', 'arm'], c.io)).to.equal(2);
    expect(c.out.stderr).to.match(/error AG600: writes the same output folder 'template-ua\/'/);
    expect(existsSync(join(dir, 'out2'))).to.equal(false);
  });

  it('--keep-going writes the valid configs and still exits 2 for the invalid ones', async () => {
    const { dir, config, out } = scratch();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'automationAccount:\n  name: x\n');
    expect(await runCli(['generate', config, bad, '--out', out, '--keep-going', '--format', 'arm'], capture().io)).to.equal(2);
    expect(readdirSync(out)).to.deep.equal(['template-ua']);
  });

  it('--strict turns least-privilege warnings into exit 1 and writes nothing', async () => {
    const { dir, out } = scratch();
    const seed = join(dir, 'seed-roles.yaml');
    cpSync(join(repoRoot, 'examples/seed-roles.yaml'), seed);
    const c = capture();
    expect(await runCli(['generate', seed, '--out', out, '--strict'], c.io)).to.equal(1);
    expect(c.out.stderr).to.match(/warning AG700/);
    expect(existsSync(out)).to.equal(false);
    expect(await runCli(['generate', seed, '--out', out, '--format', 'arm'], capture().io)).to.equal(0);
  });

  it('prints SARIF 2.1.0 on stdout with --diagnostics-format sarif', async () => {
    const c = capture();
    const code = await runCli(['validate', join(repoRoot, 'test/fixtures/invalid/unknown-keys.yaml'), '--diagnostics-format', 'sarif'], c.io);
    expect(code).to.equal(2);
    const sarif = JSON.parse(c.out.stdout) as { version: string; runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    expect(sarif.version).to.equal('2.1.0');
    const run = sarif.runs[0]!;
    expect(run.tool.driver.name).to.equal('armgen');
    expect(run.results).to.have.length(3);
    expect(run.results.every((r) => r.ruleId === 'AG200' && run.tool.driver.rules[r.ruleIndex]!.id === 'AG200')).to.equal(true);
    expect(run.results[0]!.locations[0]!.physicalLocation.region.startLine).to.equal(3);
    expect(c.out.stderr).to.equal('');
  });

  it('runs as a real process through the bin entry: exit codes and streams', () => {
    const bin = join(repoRoot, 'dist/generator/bin.js');
    const { config, out } = scratch();
    const ok = spawnSync(process.execPath, [bin, 'generate', config, '--out', out, '--format', 'arm'], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).to.equal(0);
    const bad = spawnSync(process.execPath, [bin, 'validate', join(repoRoot, 'test/fixtures/invalid/wrong-types.yaml')], { encoding: 'utf8' });
    expect(bad.status).to.equal(2);
    expect(bad.stderr).to.match(/wrong-types\.yaml:2:9: error AG200/);
    expect(bad.stderr).not.to.match(/\n\s+at /);
  });
});
