import { accessSync, existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { runCli } from '../../generator/cli.js';
import { WriteError, writeArtifacts, type WriteFs } from '../../generator/emit/writeArtifacts.js';
import { capture, exampleProject, scratchDir, treeOf } from './fsHelpers.js';

const realFs: WriteFs = { mkdirSync, writeFileSync, renameSync, unlinkSync, accessSync };
const artifacts = [
  { path: 'cfg/azuredeploy.json', text: '{"new":1}\n' },
  { path: 'cfg/azuredeploy.parameters.json', text: '{"new":2}\n' },
];

function thrown(fn: () => unknown): WriteError {
  try {
    fn();
  } catch (err) {
    if (err instanceof WriteError) return err;
    throw err;
  }
  throw new Error('expected a WriteError');
}

describe('every target is checked before anything is written, and a failure says exactly what changed', () => {
  it('a folder in the way of one target stops the run before another changed file is replaced', async () => {
    // GIVEN a generated output whose main.bicep was replaced by a folder, and a config change to the parameters
    const { config, out } = exampleProject();
    expect(await runCli(['generate', config, '--out', out], capture().io)).to.equal(0);
    const folder = join(out, 'template-ua');
    unlinkSync(join(folder, 'main.bicep'));
    mkdirSync(join(folder, 'main.bicep'));
    writeFileSync(config, readFileSync(config, 'utf8').replace('aa-prod', 'aa-prod-2'));
    const before = treeOf(out);
    // WHEN generated THEN exit 2 naming the folder, "nothing was changed", and that is true
    const c = capture();
    expect(await runCli(['generate', config, '--out', out], c.io)).to.equal(2);
    expect(readFileSync(join(folder, 'azuredeploy.parameters.json'), 'utf8'), 'the parameters were replaced').to.include('"aa-prod"');
    expect(treeOf(out)).to.deep.equal(before);
    expect(c.out.stderr).to.match(/error AG600: cannot write output: .*template-ua\/main\.bicep is a folder, where armgen writes a file; nothing was changed/);
  });

  it('a file in the way of a folder, and a second problem, are both reported (one diagnostic each)', async () => {
    const { config, out } = exampleProject();
    expect(await runCli(['generate', config, '--out', out], capture().io)).to.equal(0);
    const folder = join(out, 'template-ua');
    writeFileSync(join(folder, 'runbooks'), 'a file, not a folder\n');
    unlinkSync(join(folder, 'main.bicepparam'));
    mkdirSync(join(folder, 'main.bicepparam'));
    writeFileSync(config, `${readFileSync(config, 'utf8')}runbooks:\n  - name: Hello\n    type: PowerShell72\n    generate: { flow: powershell, identity: system }\n`);
    const before = treeOf(out);
    const c = capture();
    expect(await runCli(['generate', config, '--out', out], c.io)).to.equal(2);
    expect(c.out.stderr).to.match(/cannot write output: a file is in the way of the folder .*template-ua\/runbooks; nothing was changed/);
    expect(c.out.stderr).to.match(/cannot write output: .*main\.bicepparam is a folder/);
    expect(treeOf(out)).to.deep.equal(before);
  });

  it('an unwritable folder is found before any write', () => {
    // GIVEN an output folder whose config folder may not be written (simulated: tests may run as root)
    const out = scratchDir();
    writeArtifacts(out, artifacts, ['cfg']);
    const before = treeOf(out);
    const denied: WriteFs = { ...realFs, accessSync: (path, mode) => (path.endsWith('cfg') ? (() => { throw Object.assign(new Error('EACCES'), { code: 'EACCES' }); })() : accessSync(path, mode)) };
    // WHEN changed artifacts are written THEN a clear error, and nothing changed
    const changed = artifacts.map((a) => ({ ...a, text: a.text.replace('new', 'newer') }));
    expect(() => writeArtifacts(out, changed, ['cfg'], { fs: denied })).to.throw(WriteError, /permission denied: cannot write in .*cfg/);
    expect(treeOf(out)).to.deep.equal(before);
  });

  it('a rename failing part-way reports which files were replaced, not "nothing was changed"', () => {
    const out = scratchDir();
    writeArtifacts(out, artifacts, ['cfg']);
    let renames = 0;
    const flaky: WriteFs = {
      ...realFs,
      renameSync: (from, to) => {
        if (++renames === 2) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
        renameSync(from, to);
      },
    };
    const changed = artifacts.map((a) => ({ ...a, text: a.text.replace('new', 'newer') }));
    const message = thrown(() => writeArtifacts(out, changed, ['cfg'], { fs: flaky })).diagnostic.message;
    expect(message).to.match(/before the failure this run replaced .*cfg\/azuredeploy\.json \(1 of 3 changes\); everything else is unchanged/);
    expect(message).not.to.match(/nothing was changed/);
    expect(treeOf(out).get('cfg/azuredeploy.json')?.toString()).to.equal('{"newer":1}\n');
    expect([...treeOf(out).keys()].some((p) => p.endsWith('.armgen.tmp'))).to.equal(false);
  });

  it('a first run that fails leaves no empty output folder and no lock behind', () => {
    const out = join(scratchDir(), 'fresh', 'out');
    const fullDisk: WriteFs = { ...realFs, writeFileSync: () => { throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }); } };
    expect(thrown(() => writeArtifacts(out, artifacts, ['cfg'], { fs: fullDisk })).diagnostic.message).to.match(/no space left on the device; nothing was changed$/);
    expect(existsSync(join(out, '..'))).to.equal(false);
  });
});
