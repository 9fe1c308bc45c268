import { spawn } from 'node:child_process';
import { accessSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync, renameSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { WriteError, writeArtifacts, type WriteFs } from '../../generator/emit/writeArtifacts.js';
import { runCli } from '../../generator/cli.js';
import { repoRoot } from '../support/paths.js';

const quiet = { stdout: () => undefined, stderr: () => undefined };
const artifacts = [
  { path: 'cfg/azuredeploy.json', text: '{"new":1}\n' },
  { path: 'cfg/azuredeploy.parameters.json', text: '{"new":2}\n' },
];

function outWithOldFiles(): string {
  const out = mkdtempSync(join(tmpdir(), 'armgen-emit-'));
  mkdirSync(join(out, 'cfg'));
  writeFileSync(join(out, 'cfg', 'azuredeploy.json'), 'old template\n');
  writeFileSync(join(out, 'cfg', 'azuredeploy.parameters.json'), 'old parameters\n');
  return out;
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else files[`${rel}${e.name}`] = readFileSync(join(d, e.name), 'utf8');
    }
  };
  walk(dir, '');
  return files;
}

const realFs: WriteFs = { mkdirSync, writeFileSync, renameSync, unlinkSync, accessSync };

describe('writing output: atomic, all-or-nothing, never outside the output folder', () => {
  it('a full disk during the write leaves every old file as it was and no temporary behind', () => {
    // GIVEN an output folder from an earlier run and a disk that fills up on the second file
    const out = outWithOldFiles();
    const before = snapshot(out);
    let writes = 0;
    const fullDisk: WriteFs = {
      ...realFs,
      writeFileSync: (path, text, options) => {
        if (++writes === 2) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        realFs.writeFileSync(path, text, options);
      },
    };
    // WHEN armgen writes THEN it fails with a clear error and the folder is unchanged
    expect(() => writeArtifacts(out, artifacts, ['cfg'], { fs: fullDisk })).to.throw(WriteError, /no space left on the device/);
    expect(snapshot(out)).to.deep.equal(before);
  });

  it('clears temporaries a killed run left, also in a folder whose files are already up to date', () => {
    // GIVEN an up-to-date output folder (with a subfolder) holding temporaries of a killed run, and a hand-written file
    const out = outWithOldFiles();
    const withModule = [...artifacts, { path: 'cfg/modules/m.bicep', text: 'module\n' }];
    writeArtifacts(out, withModule, ['cfg']);
    writeFileSync(join(out, 'cfg', '.0123456789ab.armgen.tmp'), 'half a file');
    writeFileSync(join(out, 'cfg', 'modules', '.ba9876543210-1.armgen.tmp'), 'half a file');
    writeFileSync(join(out, 'cfg', 'notes.armgen.tmp'), 'not ours: no leading dot');
    // WHEN armgen writes the same artifacts again (nothing to write)
    const r = writeArtifacts(out, withModule, ['cfg']);
    // THEN the temporaries are gone and everything else is as it was
    expect(r.written).to.equal(0);
    expect(Object.keys(snapshot(out)).sort()).to.deep.equal(['cfg/.armgen-manifest.json', 'cfg/azuredeploy.json', 'cfg/azuredeploy.parameters.json', 'cfg/modules/m.bicep', 'cfg/notes.armgen.tmp']);
  });

  it('a denied write is reported as permission denied and changes nothing', () => {
    const out = outWithOldFiles();
    const before = snapshot(out);
    const denied: WriteFs = { ...realFs, writeFileSync: () => { throw Object.assign(new Error('EACCES'), { code: 'EACCES', path: out }); } };
    expect(() => writeArtifacts(out, artifacts, ['cfg'], { fs: denied })).to.throw(WriteError, /permission denied/);
    expect(snapshot(out)).to.deep.equal(before);
  });

  it('a file in the way of the output folder is a clear error (AG600, exit 2)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'armgen-emit-'));
    writeFileSync(join(out, 'template-ua'), 'I am a file\n');
    let stderr = '';
    const code = await runCli(['generate', join(repoRoot, 'examples/template-ua.yaml'), '--out', out, '--format', 'arm'], { stdout: () => undefined, stderr: (t) => void (stderr += t) });
    expect(code).to.equal(2);
    expect(stderr).to.match(/error AG600: cannot write output: a file is in the way/);
    expect(readFileSync(join(out, 'template-ua'), 'utf8')).to.equal('I am a file\n');
  });

  it('refuses a symlinked config folder that leads outside the output folder', async () => {
    const out = mkdtempSync(join(tmpdir(), 'armgen-emit-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'armgen-elsewhere-'));
    symlinkSync(elsewhere, join(out, 'template-ua'));
    let stderr = '';
    const code = await runCli(['generate', join(repoRoot, 'examples/template-ua.yaml'), '--out', out, '--format', 'arm'], { stdout: () => undefined, stderr: (t) => void (stderr += t) });
    expect(code).to.equal(2);
    expect(stderr).to.match(/leads outside the output folder/);
    expect(readdirSync(elsewhere)).to.deep.equal([]);
  });

  it('refuses artifact paths that would escape the output folder', () => {
    const out = mkdtempSync(join(tmpdir(), 'armgen-emit-'));
    for (const path of ['../escape.json', '/etc/armgen.json', 'cfg/../../escape.json']) {
      expect(() => writeArtifacts(out, [{ path, text: '{}\n' }], ['cfg']), path).to.throw(WriteError, /leaves the output folder/);
    }
  });

  it('rewrites only files whose bytes changed (the manifest counts as a file)', () => {
    const out = outWithOldFiles();
    expect(writeArtifacts(out, artifacts, ['cfg'])).to.deep.include({ written: 3, removed: 0, unchanged: 0 });
    expect(writeArtifacts(out, artifacts, ['cfg'])).to.deep.include({ written: 0, removed: 0, unchanged: 3 });
  });

  it('a process killed in the middle of a large batch leaves each file either old or new and complete', async function () {
    this.timeout(120_000);
    // GIVEN 300 configs already rendered once (the "old" version; ARM JSON only, which this test parses)
    const dir = mkdtempSync(join(tmpdir(), 'armgen-kill-'));
    const configs = join(dir, 'configs');
    mkdirSync(configs);
    const base = readFileSync(join(repoRoot, 'examples/template-ua.yaml'), 'utf8');
    for (let i = 0; i < 300; i++) writeFileSync(join(configs, `c${String(i).padStart(3, '0')}.yaml`), base.replace('aa-prod', `aa-old-${i}`));
    const out = join(dir, 'out');
    expect(await runCli(['generate', configs, '--out', out, '--format', 'arm', '--no-readme'], quiet)).to.equal(0);
    const old = snapshot(out);
    // WHEN the configs change and a generate process is killed part-way through (timed from a full run,
    // retried at other points until a kill lands inside the write phase)
    const bin = join(repoRoot, 'dist/generator/bin.js');
    const runChild = () => spawn(process.execPath, [bin, 'generate', configs, '--out', out, '--format', 'arm', '--no-readme'], { stdio: 'ignore' });
    const started = Date.now();
    const probe = runChild();
    await new Promise((r) => probe.on('exit', r));
    const fullRun = Date.now() - started;
    const flip = (from: string, to: string) => {
      for (let i = 0; i < 300; i++) writeFileSync(join(configs, `c${String(i).padStart(3, '0')}.yaml`), base.replace('aa-prod', `aa-${from === 'old' ? 'new' : 'old'}-${i}`));
      return to;
    };
    let partial = 0;
    let current = 'new';
    let previous = snapshot(out);
    for (const fraction of [0.9, 0.97, 0.99]) {
      current = flip(current, current === 'new' ? 'old' : 'new');
      const child = runChild();
      const exited = new Promise((r) => child.on('exit', r));
      await new Promise((r) => setTimeout(r, Math.round(fullRun * fraction)));
      child.kill('SIGKILL');
      await exited;
      // THEN every parameter file is the complete previous or the complete next version, never half of one
      const after = snapshot(out);
      let changed = 0;
      for (const [path, text] of Object.entries(after)) {
        if (path.endsWith('.armgen.tmp') || path === '.armgen.lock') continue;
        const i = Number(/c(\d+)\//.exec(path)![1]);
        if (path.endsWith('parameters.json')) {
          const next = previous[path]!.replace(/aa-(old|new)-\d+/, `aa-${current}-${i}`);
          expect([previous[path], next], path).to.include(text);
          if (text !== previous[path]) changed++;
        } else {
          expect(() => JSON.parse(text), path).not.to.throw();
        }
      }
      expect(Object.keys(after).filter((p) => !p.endsWith('.armgen.tmp') && p !== '.armgen.lock').sort()).to.deep.equal(Object.keys(old).sort());
      previous = after;
      if (changed > 0 && changed < 300) {
        partial = changed;
        break;
      }
    }
    // AND a re-run completes the job and clears any leftover temporaries
    expect(await runCli(['generate', configs, '--out', out, '--format', 'arm', '--no-readme'], quiet)).to.equal(0);
    expect(Object.keys(snapshot(out)).some((p) => p.endsWith('.armgen.tmp') || p === '.armgen.lock')).to.equal(false);
    expect(existsSync(join(out, 'c000', 'azuredeploy.parameters.json'))).to.equal(true);
    // The rename phase is a few milliseconds, so most kills land before it: all-or-nothing, nothing replaced.
    console.log(`      (largest partial replacement seen: ${partial} of 300 parameter files; full run ${fullRun} ms)`);
  });
});
