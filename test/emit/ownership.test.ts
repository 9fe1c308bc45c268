import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { runCli } from '../../generator/cli.js';
import { capture, exampleProject, runbookProject, treeOf } from './fsHelpers.js';

interface ManifestJson {
  armgenManifest: number;
  files: { path: string; format: string; sha256: string }[];
}

const manifestOf = (folder: string) => JSON.parse(readFileSync(join(folder, '.armgen-manifest.json'), 'utf8')) as ManifestJson;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const HELLO = 'runbooks:\n  - name: Hello\n    type: PowerShell72\n    generate: { flow: powershell, identity: system }\n';

describe('ownership: armgen replaces or removes only the files its manifest lists', () => {
  it('keeps hand-written files that look like armgen output (runbooks/Helper.ps1, azuredeploy.parameters.staging.json)', async () => {
    // GIVEN a generated output folder with two hand-written files named like armgen's
    const { config, out } = exampleProject();
    expect(await runCli(['generate', config, '--out', out], capture().io)).to.equal(0);
    const folder = join(out, 'template-ua');
    mkdirSync(join(folder, 'runbooks'));
    writeFileSync(join(folder, 'runbooks', 'Helper.ps1'), "Write-Output 'mine'\n");
    writeFileSync(join(folder, 'azuredeploy.parameters.staging.json'), '{"mine": true}\n');
    // WHEN generate runs again THEN both survive, and check does not call them drift
    expect(await runCli(['generate', config, '--out', out], capture().io)).to.equal(0);
    expect(readFileSync(join(folder, 'runbooks', 'Helper.ps1'), 'utf8')).to.equal("Write-Output 'mine'\n");
    expect(readFileSync(join(folder, 'azuredeploy.parameters.staging.json'), 'utf8')).to.equal('{"mine": true}\n');
    expect(await runCli(['check', config, '--out', out], capture().io)).to.equal(0);
  });

  it('writes a canonical manifest: every file it wrote, sorted, with its kind and SHA-256; a re-run changes no byte', async () => {
    const { config, out } = exampleProject();
    writeFileSync(config, `${readFileSync(config, 'utf8')}${HELLO}`);
    expect(await runCli(['generate', config, '--out', out], capture().io)).to.equal(0);
    const folder = join(out, 'template-ua');
    const manifest = manifestOf(folder);
    expect(manifest.armgenManifest).to.equal(1);
    expect(manifest.files.map((f) => [f.path, f.format])).to.deep.equal([
      ['README.md', 'readme'],
      ['azuredeploy.json', 'arm'],
      ['azuredeploy.parameters.json', 'arm'],
      ['main.bicep', 'bicep'],
      ['main.bicepparam', 'bicep'],
      ['runbooks/Hello.ps1', 'script'],
    ]);
    for (const f of manifest.files) expect(f.sha256, f.path).to.equal(sha(join(folder, f.path)));
    const before = treeOf(out);
    const c = capture();
    expect(await runCli(['generate', config, '--out', out], c.io)).to.equal(0);
    expect(c.out.stderr).to.match(/\(0 written, 7 unchanged, 0 removed\)/);
    expect(treeOf(out)).to.deep.equal(before);
  });

  it('--format arm keeps the Bicep entries (and --format bicep the ARM ones)', async () => {
    // GIVEN both formats generated
    const { config, out } = exampleProject();
    expect(await runCli(['generate', config, '--out', out], capture().io)).to.equal(0);
    const folder = join(out, 'template-ua');
    const bicepEntries = manifestOf(folder).files.filter((f) => f.format === 'bicep');
    // WHEN the config changes and only ARM is regenerated THEN the Bicep entries are carried over unchanged
    writeFileSync(config, readFileSync(config, 'utf8').replace('aa-prod', 'aa-prod-2'));
    expect(await runCli(['generate', config, '--out', out, '--format', 'arm'], capture().io)).to.equal(0);
    expect(manifestOf(folder).files.filter((f) => f.format === 'bicep')).to.deep.equal(bicepEntries);
    // AND a Bicep-only run keeps the ARM entries it did not render
    const armEntries = manifestOf(folder).files.filter((f) => f.format === 'arm');
    expect(await runCli(['generate', config, '--out', out, '--format', 'bicep'], capture().io)).to.equal(0);
    expect(manifestOf(folder).files.filter((f) => f.format === 'arm')).to.deep.equal(armEntries);
    expect(await runCli(['check', config, '--out', out], capture().io)).to.equal(0);
  });

  it('an output folder without a manifest (an older armgen) has nothing removed, and generate says so', async () => {
    // GIVEN out/NAME/ as an older armgen left it: its files, one it no longer renders, no manifest
    const { config, out } = exampleProject();
    const folder = join(out, 'template-ua');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'azuredeploy.json'), '{"old": true}\n');
    writeFileSync(join(folder, 'azuredeploy.parameters.dev.json'), '{"old": true}\n');
    // WHEN generated THEN nothing is removed, a note says why, and the manifest lists only what was written
    const c = capture();
    expect(await runCli(['generate', config, '--out', out, '--format', 'arm'], c.io)).to.equal(0);
    expect(c.out.stderr).to.match(/note: .*template-ua has no \.armgen-manifest\.json .*: nothing was removed there/);
    expect(readFileSync(join(folder, 'azuredeploy.parameters.dev.json'), 'utf8')).to.equal('{"old": true}\n');
    expect(manifestOf(folder).files.map((f) => f.path)).to.deep.equal(['README.md', 'azuredeploy.json', 'azuredeploy.parameters.json']);
  });

  it('refuses to overwrite a hand-written file at a path the config now renders, and changes nothing', async () => {
    // GIVEN a generated folder (with a manifest) and a hand-written runbooks/Hello.ps1
    const { config, out } = exampleProject();
    expect(await runCli(['generate', config, '--out', out, '--format', 'arm'], capture().io)).to.equal(0);
    const folder = join(out, 'template-ua');
    mkdirSync(join(folder, 'runbooks'));
    writeFileSync(join(folder, 'runbooks', 'Hello.ps1'), "Write-Output 'mine'\n");
    const before = treeOf(out);
    // WHEN the config starts rendering a runbook of that name
    writeFileSync(config, `${readFileSync(config, 'utf8').replace('aa-prod', 'aa-prod-2')}${HELLO}`);
    const c = capture();
    // THEN exit 2 naming the file, and no file changed
    expect(await runCli(['generate', config, '--out', out, '--format', 'arm'], c.io)).to.equal(2);
    expect(c.out.stderr).to.match(/error AG600: cannot write output: .*runbooks\/Hello\.ps1 exists and armgen did not write it .*; nothing was changed/);
    expect(treeOf(out)).to.deep.equal(before);
  });

  it('a manifest listing a path outside its folder is ignored (nothing outside is removed) and rewritten', async () => {
    // GIVEN a manifest edited to list ../../victim.txt with the victim's true SHA-256
    const { config, out } = exampleProject();
    expect(await runCli(['generate', config, '--out', out, '--format', 'arm'], capture().io)).to.equal(0);
    const victim = join(out, '..', 'victim.txt');
    writeFileSync(victim, 'keep me\n');
    const folder = join(out, 'template-ua');
    const manifest = manifestOf(folder);
    manifest.files.push({ path: '../../victim.txt', format: 'arm', sha256: sha(victim) });
    writeFileSync(join(folder, '.armgen-manifest.json'), JSON.stringify(manifest));
    // WHEN generated THEN the victim is still there and a note says the manifest was unusable
    const c = capture();
    expect(await runCli(['generate', config, '--out', out, '--format', 'arm'], c.io)).to.equal(0);
    expect(existsSync(victim)).to.equal(true);
    expect(c.out.stderr).to.match(/note: .*\.armgen-manifest\.json lists an unusable path "\.\.\/\.\.\/victim\.txt": nothing was removed/);
    expect(manifestOf(folder).files.map((f) => f.path)).to.deep.equal(['README.md', 'azuredeploy.json', 'azuredeploy.parameters.json']);
  });

  it('--no-readme leaves README.md out: the one on disk stays, its manifest entry is kept, and check agrees', async () => {
    // GIVEN a folder generated with its README
    const { config, out } = exampleProject();
    expect(await runCli(['generate', config, '--out', out], capture().io)).to.equal(0);
    const folder = join(out, 'template-ua');
    const readme = readFileSync(join(folder, 'README.md'), 'utf8');
    // WHEN the config changes and generate runs with --no-readme
    writeFileSync(config, readFileSync(config, 'utf8').replace('aa-prod', 'aa-prod-2'));
    expect(await runCli(['generate', config, '--out', out, '--no-readme'], capture().io)).to.equal(0);
    // THEN README.md is untouched and still listed as armgen's; check without it is clean, check with it sees the stale README
    expect(readFileSync(join(folder, 'README.md'), 'utf8')).to.equal(readme);
    expect(manifestOf(folder).files.find((f) => f.path === 'README.md')).to.deep.include({ format: 'readme', sha256: sha(join(folder, 'README.md')) });
    expect(await runCli(['check', config, '--out', out, '--no-readme'], capture().io)).to.equal(0);
    const c = capture();
    expect(await runCli(['check', config, '--out', out], c.io)).to.equal(1);
    expect(c.out.stderr).to.match(/template-ua\/README\.md: error AG900: stale/);
  });

  it('never overwrites a README.md armgen did not write: generate refuses and says how to leave its README out', async () => {
    // GIVEN a folder generated without README, then a hand-written README.md in it
    const { config, out } = exampleProject();
    expect(await runCli(['generate', config, '--out', out, '--no-readme'], capture().io)).to.equal(0);
    const folder = join(out, 'template-ua');
    writeFileSync(join(folder, 'README.md'), '# my notes\n');
    const before = treeOf(out);
    // WHEN generate renders its README THEN exit 2 naming the file and the way out, and nothing changed
    const c = capture();
    expect(await runCli(['generate', config, '--out', out], c.io)).to.equal(2);
    expect(c.out.stderr).to.match(/README\.md exists and armgen did not write it .*or pass --no-readme/);
    expect(treeOf(out)).to.deep.equal(before);
    // AND with --no-readme the hand-written file stays as it is
    expect(await runCli(['generate', config, '--out', out, '--no-readme'], capture().io)).to.equal(0);
    expect(readFileSync(join(folder, 'README.md'), 'utf8')).to.equal('# my notes\n');
  });

  it('treats a README.md in a folder without a manifest as the user\'s too (no armgen without manifests wrote one)', async () => {
    const { config, out } = exampleProject();
    const folder = join(out, 'template-ua');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'README.md'), '# notes\n');
    const c = capture();
    expect(await runCli(['generate', config, '--out', out], c.io)).to.equal(2);
    expect(readFileSync(join(folder, 'README.md'), 'utf8')).to.equal('# notes\n');
  });
  it('owns staged files in a configured artifacts folder: listed as scripts, moved back to runbooks/ when the folder is dropped', async () => {
    // GIVEN a runbook file and a graphical runbook staged in artifacts.folder: scripts
    const { dir, config, out } = runbookProject("Write-Output 'env'\n");
    writeFileSync(join(dir, 'scripts', 'flow.graphrunbook'), '{"SchemaVersion":"1.7","RunbookDefinition":"AAEA","RunbookType":"GraphPowerShell"}');
    const graph = '  - name: Flow\n    type: GraphPowerShell\n    file: scripts/flow.graphrunbook\n';
    writeFileSync(config, `artifacts:\n  folder: scripts\n${readFileSync(config, 'utf8')}${graph}`);
    expect(await runCli(['generate', config, '--out', out], capture().io)).to.equal(0);
    const folder = join(out, 'rb');
    // THEN the manifest lists both as scripts in that folder, and check agrees
    const scripts = manifestOf(folder).files.filter((f) => f.format === 'script').map((f) => f.path);
    expect(scripts).to.deep.equal(['scripts/env.ps1', 'scripts/flow.graphrunbook']);
    expect(await runCli(['check', config, '--out', out], capture().io)).to.equal(0);
    // WHEN the folder setting is removed and generate runs again
    writeFileSync(config, readFileSync(config, 'utf8').replace('artifacts:\n  folder: scripts\n', ''));
    expect(await runCli(['generate', config, '--out', out], capture().io)).to.equal(0);
    // THEN the files move to runbooks/ and armgen removes its old copies (they are listed and unchanged)
    expect(existsSync(join(folder, 'runbooks', 'flow.graphrunbook'))).to.equal(true);
    expect(existsSync(join(folder, 'scripts', 'env.ps1'))).to.equal(false);
    expect(manifestOf(folder).files.filter((f) => f.format === 'script').map((f) => f.path)).to.deep.equal(['runbooks/env.ps1', 'runbooks/flow.graphrunbook']);
  });
});
