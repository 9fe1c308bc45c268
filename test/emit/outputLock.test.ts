import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { runCli } from '../../generator/cli.js';
import { acquireOutputLock, LockTimeoutError } from '../../generator/emit/outputLock.js';
import { repoRoot } from '../support/paths.js';
import { bin, capture, exampleProject, scratchDir, startBin, treeOf } from './fsHelpers.js';

/** `count` copies of template-ua (distinct account names) in a fresh folder. */
function manyConfigs(count: number): string {
  const dir = scratchDir();
  const base = readFileSync(join(repoRoot, 'examples/template-ua.yaml'), 'utf8');
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `c${String(i).padStart(2, '0')}.yaml`), base.replace('aa-prod', `aa-prod-${i}`));
  return dir;
}

const pause = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const hasTemp = (dir: string) => {
  try {
    return readdirSync(dir).some((f) => f.endsWith('.armgen.tmp'));
  } catch {
    return false;
  }
};

describe('one run at a time per output folder: a lock, waited for, taken over from a dead process', function () {
  this.timeout(60_000);

  it('a second generate started while the first is writing waits for it instead of deleting its temporaries', async function () {
    if (process.platform === 'win32') this.skip(); // SIGSTOP
    const configs = manyConfigs(12);
    const out = join(scratchDir(), 'out');
    // GIVEN run A frozen (SIGSTOP) in the middle of its write, its temporaries on disk
    // (polled for, up to three attempts: the write takes a few milliseconds)
    let a: ReturnType<typeof spawn> | undefined;
    let aExit: Promise<number | null> | undefined;
    for (let attempt = 0; attempt < 3 && !a; attempt++) {
      const child = spawn(process.execPath, [bin, 'generate', configs, '--out', out, '--format', 'arm'], { stdio: 'ignore' });
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      const until = Date.now() + 30_000;
      while (Date.now() < until && !hasTemp(join(out, 'c00')) && !existsSync(join(out, 'c00', 'azuredeploy.json'))) {
        Atomics.wait(pause, 0, 0, 1); // poll every millisecond: the temporaries exist only while A writes
      }
      if (hasTemp(join(out, 'c00'))) {
        child.kill('SIGSTOP');
        a = child;
        aExit = exited;
      } else await exited;
    }
    if (!a || !aExit) this.skip(); // never caught A writing (a very fast or very slow machine)
    // WHEN run B starts on the same folder, gets time to reach its write, and then A continues
    const b = startBin(['generate', configs, '--out', out, '--format', 'arm']);
    await sleep(2500);
    a.kill('SIGCONT');
    const [aCode, bResult] = await Promise.all([aExit, b]);
    // THEN both succeed, no temporary or lock is left, and the output is exactly what the configs render
    expect(aCode, 'run A').to.equal(0);
    expect(bResult.code, bResult.stderr).to.equal(0);
    const tree = treeOf(out);
    expect([...tree.keys()].filter((p) => p.endsWith('.armgen.tmp') || p.endsWith('.armgen.lock'))).to.deep.equal([]);
    expect(await runCli(['check', configs, '--out', out, '--format', 'arm'], capture().io)).to.equal(0);
  });

  it('a lock left by a process that no longer runs is taken over', async () => {
    // GIVEN an output folder holding the lock of a process that has exited
    const { config, out } = exampleProject();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    mkdirSync(out);
    writeFileSync(join(out, '.armgen.lock'), `${JSON.stringify({ pid: Number(dead.stdout), host: hostname(), started: '2020-01-01T00:00:00.000Z', token: 'dead' })}\n`);
    // WHEN generated THEN it succeeds at once and leaves no lock
    const started = Date.now();
    expect(await runCli(['generate', config, '--out', out, '--format', 'arm'], capture().io)).to.equal(0);
    expect(Date.now() - started).to.be.below(10_000);
    expect(existsSync(join(out, '.armgen.lock'))).to.equal(false);
  });

  it('a generate in another process waits while the lock is held, then writes', async () => {
    // GIVEN the output folder's lock held by this process
    const { config, out } = exampleProject();
    mkdirSync(out);
    const release = acquireOutputLock(out);
    // WHEN a generate process starts THEN it writes nothing while the lock is held (long enough to have rendered)
    const child = startBin(['generate', config, '--out', out, '--format', 'arm']);
    await sleep(2500);
    expect(existsSync(join(out, 'template-ua'))).to.equal(false);
    // AND once released, it finishes
    release();
    const result = await child;
    expect(result.code, result.stderr).to.equal(0);
    expect(existsSync(join(out, 'template-ua', 'azuredeploy.json'))).to.equal(true);
  });

  it('gives up after the timeout naming the holder (a process on another machine cannot be checked)', () => {
    const out = scratchDir();
    writeFileSync(join(out, '.armgen.lock'), `${JSON.stringify({ pid: 4242, host: 'build-agent-7', started: '2024-05-01T10:00:00.000Z', token: 'x' })}\n`);
    const started = Date.now();
    expect(() => acquireOutputLock(out, 300)).to.throw(LockTimeoutError, /process 4242 on build-agent-7, started 2024-05-01T10:00:00\.000Z\) holds .*\.armgen\.lock; waited 0 s\. If no armgen is running, delete/);
    expect(Date.now() - started).to.be.within(250, 5_000);
  });

  it('releases the lock after a failed write', async () => {
    const { config, out } = exampleProject();
    expect(await runCli(['generate', config, '--out', out, '--format', 'arm'], capture().io)).to.equal(0);
    mkdirSync(join(out, 'template-ua', 'main.bicep'));
    expect(await runCli(['generate', config, '--out', out], capture().io)).to.equal(2);
    expect(existsSync(join(out, '.armgen.lock'))).to.equal(false);
  });
});
