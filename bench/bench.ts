/**
 * armgen's speed budget, measured on this machine (`npm run bench`; not a test). Prints four figures:
 *  (a) cold `armgen generate` of the built-in example vs a bare `node -e 0`: medians and their ratio;
 *  (b) 1,000 generated environment configs rendered and written in one process: configs/s, peak RSS;
 *  (c) the drift check (render in memory + compare with disk) over the same batch: configs/s;
 *  (d) the real `bicep build` of the example's main.bicep vs `armgen generate` of its config.
 * and PASS/MISS against the targets of issue 6 (cold start <= 3x node, >= 2,000 configs/s, < 200 MB).
 *
 * Options: --runs N (cold-start runs per command, default 11, at least 7), --configs N (batch size,
 * default 1000), --profile (also write V8 CPU profiles of a cold start and of the batch and print
 * their top costs), --keep (keep the temporary folder).
 *
 * (b) and (c) run in child processes of this script (`--worker batch|check DIR`), so each peak RSS is
 * that of one armgen-like process and nothing else.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, tmpdir, totalmem, availableParallelism } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
/** dist/bench/bench.js -> the package root (schemas/, templates/, examples/ beside dist/). */
const root = resolve(here, '..', '..');
const bin = join(root, 'dist', 'generator', 'bin.js');
const example = join(root, 'examples', 'template-ua.yaml');
const EXAMPLE_NAME = 'template-ua';

const TARGET = { coldRatio: 3, configsPerSecond: 2000, peakMb: 200 } as const;

interface WorkerResult {
  readonly configs: number;
  readonly ok: number;
  readonly failed: readonly string[];
  readonly seconds: number;
  /** User + system CPU seconds of the worker over the same span (robust against other load). */
  readonly cpuSeconds: number;
  readonly renderSeconds: number;
  readonly ioSeconds: number;
  readonly files: number;
  readonly drifted: number;
  readonly peakMb: number;
}

// -------------------------------------------------------------------------------------------------
// Helpers

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function ms(n: number): string {
  return `${n.toFixed(n < 100 ? 1 : 0)} ms`;
}

function verdict(ok: boolean): string {
  return ok ? 'PASS' : 'MISS';
}

interface Timing {
  /** Wall-clock ms. */
  readonly wall: number;
  /** User + system CPU ms of the command and its children (NaN without bash). */
  readonly cpu: number;
}

/** bash's `time` keyword reports the child's own wall and CPU time (no bash start-up included). */
const BASH = ['/bin/bash', '/usr/bin/bash'].find((b) => existsSync(b));
const TIME_SCRIPT = `TIMEFORMAT='@@armgen-bench %3R %3U %3S'; { time "$@" >/dev/null 2>&3 ; } 3>&2 2>&1`;

/**
 * Run a command to completion and time it. CPU time barely moves when other processes share the
 * machine, wall time does: both are reported. Throws with the command's output when it fails.
 */
function timed(cmd: string, args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Timing {
  const spawnOpts = { cwd: opts.cwd ?? root, env: opts.env ?? process.env, encoding: 'utf8' as const, maxBuffer: 64 * 1024 * 1024 };
  if (BASH) {
    const r = spawnSync(BASH, ['-c', TIME_SCRIPT, 'bench', cmd, ...args], spawnOpts);
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
    const m = /@@armgen-bench ([\d.]+) ([\d.]+) ([\d.]+)/.exec(r.stdout);
    if (m) return { wall: Number(m[1]) * 1000, cpu: (Number(m[2]) + Number(m[3])) * 1000 };
  }
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, spawnOpts);
  const t1 = process.hrtime.bigint();
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stdout}${r.stderr}`);
  return { wall: Number(t1 - t0) / 1e6, cpu: Number.NaN };
}

function stats(ts: readonly Timing[]): { wall: number; cpu: number; min: number; max: number } {
  const walls = ts.map((t) => t.wall);
  return { wall: median(walls), cpu: median(ts.map((t) => t.cpu)), min: Math.min(...walls), max: Math.max(...walls) };
}

function findBicep(): string | undefined {
  const candidates = [join(root, '.tools', 'bin', 'bicep'), ...(process.env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, 'bicep'))];
  for (const c of candidates) {
    const r = spawnSync(c, ['--version'], { encoding: 'utf8' });
    if (!r.error && r.status === 0) return c;
  }
  return undefined;
}

// -------------------------------------------------------------------------------------------------
// The batch: 1,000 variations of the template-ua example, each with dev/test/prod environments

const ENVIRONMENTS = ['dev', 'test', 'prod'] as const;

function makeConfigs(dir: string, count: number): void {
  const base = parse(readFileSync(example, 'utf8')) as Record<string, unknown>;
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(4, '0');
    const config = structuredClone(base) as { parameters: Record<string, { value?: unknown }>; automationAccount: { sku?: string }; environments?: unknown; description?: string };
    config.description = `Benchmark config ${n}: template-ua with per-environment names`;
    config.parameters.automationAccountName = { ...config.parameters.automationAccountName, value: `aa-team${n}` };
    config.parameters.userAssignedOne = { ...config.parameters.userAssignedOne, value: `uai-team${n}-one` };
    config.parameters.userAssignedTwo = { ...config.parameters.userAssignedTwo, value: `uai-team${n}-two` };
    config.automationAccount.sku = i % 2 === 0 ? 'Basic' : 'Free';
    config.environments = Object.fromEntries(
      ENVIRONMENTS.map((env) => [env, { parameters: { automationAccountName: `aa-team${n}-${env}`, userAssignedOne: `uai-team${n}-${env}-one`, userAssignedTwo: `uai-team${n}-${env}-two` } }]),
    );
    writeFileSync(join(dir, `team${n}.yaml`), `# yaml-language-server: $schema=../schemas/armgen.schema.json\n${stringify(config)}`);
  }
}

/** In a child process: render (and write, or check) every config of DIR with the library. */
async function worker(mode: 'batch' | 'check', dir: string, outDir: string): Promise<void> {
  const { generateConfig } = await import('../generator/generate.js');
  const { writeArtifacts } = await import('../generator/emit/writeArtifacts.js');
  const { checkDrift } = await import('../generator/emit/checkDrift.js');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f));
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const artifacts: { path: string; text: string }[] = [];
  const names: string[] = [];
  const failed: string[] = [];
  let renderMs = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const r0 = performance.now();
    const result = generateConfig(file, text);
    renderMs += performance.now() - r0;
    if (result.ok) {
      artifacts.push(...result.artifacts);
      names.push(result.name);
    } else failed.push(`${file}: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  }
  let drifted = 0;
  const w0 = performance.now();
  if (mode === 'batch') writeArtifacts(outDir, artifacts, names);
  else drifted = checkDrift(outDir, artifacts, names).length;
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const result: WorkerResult = {
    configs: files.length,
    ok: names.length,
    failed: failed.slice(0, 3),
    seconds: (t1 - t0) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    renderSeconds: renderMs / 1000,
    ioSeconds: (t1 - w0) / 1000,
    files: artifacts.length,
    drifted,
    peakMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runWorker(mode: 'batch' | 'check', dir: string, outDir: string, extraNodeArgs: readonly string[] = []): WorkerResult {
  const r = spawnSync(process.execPath, [...extraNodeArgs, fileURLToPath(import.meta.url), '--worker', mode, dir, outDir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`bench worker ${mode} failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as WorkerResult;
}

// -------------------------------------------------------------------------------------------------
// CPU profiles (--profile)

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function and per module (package or file), from a .cpuprofile. */
function summariseProfile(path: string, top = 12): string[] {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFn = new Map<string, number>();
  const byModule = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id);
    if (!n) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    const file = url.replace(/^file:\/\//, '');
    const mod = moduleOf(file, functionName);
    byModule.set(mod, (byModule.get(mod) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'} ${file ? `${file.replace(`${root}/`, '')}:${lineNumber + 1}` : ''}`.trim();
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  }
  // Inclusive time of armgen's pipeline stages (a sample counts once per stage on its stack).
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byStage = new Map<string, number>();
  for (const [id, us] of self) {
    const onStack = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const fn = byId.get(cur)?.callFrame.functionName ?? '';
      if (STAGES.includes(fn)) onStack.add(fn);
    }
    for (const fn of onStack) byStage.set(fn, (byStage.get(fn) ?? 0) + us);
  }
  const stages = STAGES.filter((s) => byStage.has(s)).map((s) => [s, byStage.get(s) as number] as const);
  const fmt = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `      ${(us / 1000).toFixed(1).padStart(8)} ms  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
  return [
    `    total sampled: ${(total / 1000).toFixed(1)} ms`,
    '    pipeline stages (inclusive):',
    ...stages.map(([k, us]) => `      ${(us / 1000).toFixed(1).padStart(8)} ms  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`),
    '    self time by module:',
    ...fmt(byModule),
    '    self time by function:',
    ...fmt(byFn),
  ];
}

/** armgen functions whose inclusive time the profile summary shows, in pipeline order. */
const STAGES = ['parseAsync', 'expandInputs', 'generateConfig', 'loadConfig', 'configValidator', 'validateConfig', 'resolveModel', 'renderArm', 'renderBicep', 'verifyArm', 'verifyBicep', 'writeArtifacts', 'planWrites', 'checkDrift'];

function moduleOf(file: string, fn: string): string {
  if (!file) return fn.startsWith('(') ? fn : '(native)';
  if (file.startsWith('node:')) return 'node: (core)';
  const nm = file.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = file.slice(nm + '/node_modules/'.length).split('/');
    return `npm:${rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  return file.replace(`${root}/`, '');
}

function profileOne(label: string, dir: string, nodeArgs: readonly string[], args: readonly string[]): string[] {
  mkdirSync(dir, { recursive: true });
  spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200', ...nodeArgs, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return [`  ${label}: no profile written`];
  return [`  ${label} (${join(dir, file)}):`, ...summariseProfile(join(dir, file))];
}

// -------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const workerMode = arg('--worker');
  if (workerMode === 'batch' || workerMode === 'check') {
    await worker(workerMode, process.argv[process.argv.indexOf('--worker') + 2] as string, process.argv[process.argv.indexOf('--worker') + 3] as string);
    return;
  }
  const runs = Math.max(7, Number(arg('--runs') ?? 11));
  const count = Math.max(1, Number(arg('--configs') ?? 1000));
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first`);
  const tmp = mkdtempSync(join(tmpdir(), 'armgen-bench-'));
  const lines: string[] = [];
  const say = (s = '') => {
    lines.push(s);
    process.stdout.write(`${s}\n`);
  };
  const misses: string[] = [];
  try {
    const cpu = cpus();
    say('armgen benchmark');
    say(`machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores (${availableParallelism()} available), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${platform()} ${release()}, node ${process.version}`);
    say();

    // (a) cold start, interleaved so that machine noise hits both commands alike; one warm-up each.
    const out = join(tmp, 'cold-out');
    const armgenArgs = [bin, 'generate', example, '--out', out];
    timed(process.execPath, ['-e', '0']);
    timed(process.execPath, armgenArgs);
    const nodeT: Timing[] = [];
    const armgenT: Timing[] = [];
    for (let i = 0; i < runs; i++) {
      nodeT.push(timed(process.execPath, ['-e', '0']));
      armgenT.push(timed(process.execPath, armgenArgs));
    }
    const node = stats(nodeT);
    const armgen = stats(armgenT);
    const coldArmgen = armgen.wall;
    const ratio = armgen.wall / node.wall;
    if (ratio > TARGET.coldRatio) misses.push('cold');
    const cpuText = (t: { cpu: number }) => (Number.isNaN(t.cpu) ? '' : `, CPU ${ms(t.cpu)}`);
    say(`(a) cold start, median of ${runs} runs each (interleaved, after one warm-up); wall time (min-max)${BASH ? ', CPU = user+sys' : ''}:`);
    say(`    node -e 0                                   ${ms(node.wall)}  (${ms(node.min)}-${ms(node.max)}${cpuText(node)})`);
    say(`    armgen generate examples/template-ua.yaml   ${ms(armgen.wall)}  (${ms(armgen.min)}-${ms(armgen.max)}${cpuText(armgen)})`);
    say(`    ratio ${ratio.toFixed(2)}x wall${Number.isNaN(armgen.cpu) ? '' : `, ${(armgen.cpu / node.cpu).toFixed(2)}x CPU`}   target <= ${TARGET.coldRatio}x: ${verdict(ratio <= TARGET.coldRatio)}`);
    say();

    // (b) the batch, written; (c) the drift check over what (b) wrote.
    const configs = join(tmp, 'configs');
    const batchOut = join(tmp, 'batch-out');
    makeConfigs(configs, count);
    const batch = runWorker('batch', configs, batchOut);
    const cps = batch.configs / batch.seconds;
    if (cps < TARGET.configsPerSecond) misses.push('batch');
    if (batch.peakMb >= TARGET.peakMb) misses.push('memory');
    say(`(b) ${batch.configs} environment configs (template-ua variations, ${ENVIRONMENTS.length} environments each) in one process, library generateConfig + writeArtifacts:`);
    if (batch.ok !== batch.configs) say(`    WARNING: only ${batch.ok} of ${batch.configs} configs rendered; first failures:\n      ${batch.failed.join('\n      ')}`);
    say(`    ${batch.files} files in ${ms(batch.seconds * 1000)} (render ${ms(batch.renderSeconds * 1000)}, write ${ms(batch.ioSeconds * 1000)})`);
    say(`    ${cps.toFixed(0)} configs/s (${(batch.configs / batch.cpuSeconds).toFixed(0)} per CPU-second)   target >= ${TARGET.configsPerSecond}: ${verdict(cps >= TARGET.configsPerSecond)}`);
    say(`    peak RSS ${batch.peakMb.toFixed(1)} MB   target < ${TARGET.peakMb} MB: ${verdict(batch.peakMb < TARGET.peakMb)}`);
    say();

    const check = runWorker('check', configs, batchOut);
    const checkCps = check.configs / check.seconds;
    say(`(c) drift check (render in memory + checkDrift against (b)'s output) over the same ${check.configs} configs:`);
    say(`    ${check.files} files in ${ms(check.seconds * 1000)} (render ${ms(check.renderSeconds * 1000)}, compare ${ms(check.ioSeconds * 1000)}), ${check.drifted} drifted`);
    say(`    ${checkCps.toFixed(0)} configs/s (${(check.configs / check.cpuSeconds).toFixed(0)} per CPU-second)   peak RSS ${check.peakMb.toFixed(1)} MB`);
    say();

    // (d) bicep build vs armgen generate.
    say('(d) bicep build vs armgen generate of the built-in example:');
    const bicep = findBicep();
    if (!bicep) {
      say('    bicep: not installed (run bash .ci/install-tools.sh)');
    } else {
      const version = spawnSync(bicep, ['--version'], { encoding: 'utf8' }).stdout.trim();
      let bicepFile = join(out, EXAMPLE_NAME, 'main.bicep');
      if (existsSync(bicepFile)) {
        say(`    ${version}; building armgen's own ${EXAMPLE_NAME}/main.bicep`);
      } else {
        bicepFile = join(tmp, 'equivalent', 'main.bicep');
        mkdirSync(dirname(bicepFile), { recursive: true });
        writeFileSync(bicepFile, EQUIVALENT_BICEP);
        say(`    ${version}; armgen does not emit main.bicep yet, so this builds a hand-written equivalent of template-ua (${bicepFile})`);
      }
      const bicepOut = join(tmp, 'bicep-out.json');
      const env = { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' };
      timed(bicep, ['build', bicepFile, '--outfile', bicepOut], { env });
      const bicepRuns = Math.max(5, Math.ceil(runs / 2));
      const bicepT: Timing[] = [];
      for (let i = 0; i < bicepRuns; i++) bicepT.push(timed(bicep, ['build', bicepFile, '--outfile', bicepOut], { env }));
      const b = stats(bicepT);
      const bicepMedian = b.wall;
      say(`    bicep build main.bicep            ${ms(b.wall)}  (median of ${bicepRuns}, ${ms(b.min)}-${ms(b.max)}${cpuText(b)})`);
      say(`    armgen generate template-ua.yaml  ${ms(coldArmgen)}  (median from (a)${cpuText(armgen)})`);
      say(`    armgen is ${(bicepMedian / coldArmgen).toFixed(1)}x faster per file; ${count} configs: bicep ~${((bicepMedian * count) / 1000).toFixed(0)} s sequentially vs armgen ${batch.seconds.toFixed(2)} s in one process`);
    }
    say();
    say(`targets: cold start <= ${TARGET.coldRatio}x node ${verdict(!misses.includes('cold'))}; >= ${TARGET.configsPerSecond} configs/s ${verdict(!misses.includes('batch'))}; < ${TARGET.peakMb} MB peak ${verdict(!misses.includes('memory'))}`);

    if (process.argv.includes('--profile') || misses.length > 0) {
      say();
      say(process.argv.includes('--profile') ? 'CPU profiles (--profile):' : `CPU profiles (a target was missed: ${misses.join(', ')}):`);
      for (const l of profileOne('cold armgen generate', join(tmp, 'prof-cold'), [], armgenArgs)) say(l);
      if (!process.argv.includes('--keep')) say('  (the .cpuprofile files are deleted at exit: add --keep to open them in Chrome DevTools)');
      for (const l of profileOne('batch worker', join(tmp, 'prof-batch'), [], [fileURLToPath(import.meta.url), '--worker', 'batch', configs, join(tmp, 'prof-batch-out')])) say(l);
    }
  } finally {
    if (process.argv.includes('--keep')) say(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

/** template-ua by hand in Bicep: the account with its system-assigned and two existing user-assigned identities. */
const EQUIVALENT_BICEP = `@description('Automation account name')
param automationAccountName string = 'YourAutomationAccount'

@description('User-assigned managed identity')
param userAssignedOne string = 'userAssignedOne'

@description('User-assigned managed identity')
param userAssignedTwo string = 'userAssignedTwo'

@description('Location for all resources.')
param location string = resourceGroup().location

resource uaiOne 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: userAssignedOne
}

resource uaiTwo 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: userAssignedTwo
}

resource automationAccount 'Microsoft.Automation/automationAccounts@2024-10-23' = {
  name: automationAccountName
  location: location
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '\${uaiOne.id}': {}
      '\${uaiTwo.id}': {}
    }
  }
  properties: {
    disableLocalAuth: true
    sku: {
      name: 'Basic'
    }
    encryption: {
      keySource: 'Microsoft.Automation'
    }
  }
}

output automationAccountName string = automationAccount.name
output automationAccountResourceId string = automationAccount.id
output systemAssignedPrincipalId string = automationAccount.identity.principalId
`;

await main();
