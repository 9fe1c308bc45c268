/**
 * armgen's speed budget, measured on this machine (`npm run bench`; not a test). Every figure is a ratio of two
 * things measured side by side in the same run (interleaved where they are short), never an absolute time alone:
 *  (a) cold `armgen generate` of the built-in example (the bundle package.json's `bin` runs, and the unbundled
 *      dist/generator/bin.js) vs a bare `node -e 0`: medians of N interleaved runs;
 *  (b) `armgen generate` of 1,000 configs x 3 environments into an empty folder vs the floor: a bare Node process
 *      that reads the same configs and writes the same bytes;
 *  (c) `armgen check` of the same (render in memory, compare with disk) vs the floor: read configs + compare bytes;
 *  (d) unchanged re-`generate` of the same vs the same floor as (c);
 *  (e) the real `bicep build` of the example's main.bicep vs cold `armgen generate` of its config.
 * Peak RSS of each armgen run (worker threads included). PASS/MISS against the targets of issue 14; when a target
 * is missed (or with --profile) it prints V8 CPU profiles of the cold start and of the batch.
 *
 * Options: --runs N (cold-start runs per command, default 11, at least 7), --configs N (batch size,
 * default 1000), --profile, --keep (keep the temporary folder).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { profileOne } from './profile.js';

const here = dirname(fileURLToPath(import.meta.url));
/** dist/bench/bench.js -> the package root (schemas/, templates/, examples/ beside dist/). */
const root = resolve(here, '..', '..');
/** What `npm install armgen` runs: package.json's bin (the bundle's launcher). */
const launcher = join(root, (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: { armgen: string } }).bin.armgen);
const unbundled = join(root, 'dist', 'generator', 'bin.js');
const example = join(root, 'examples', 'template-ua.yaml');
const EXAMPLE_NAME = 'template-ua';

/** issue 14 */
const TARGET = { coldRatio: 2, checkPerSecond: 2000, generatePerSecond: 1000, regeneratePerSecond: 2000, peakMb: 200 } as const;

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

/** The floor a batch is measured against, in a child process: read every config, then write (or read and compare) every output file. */
function floor(mode: 'write' | 'compare', configs: string, reference: string, out: string): void {
  for (const f of readdirSync(configs)) readFileSync(join(configs, f), 'utf8');
  const files = filesBelow(reference);
  for (const rel of files) {
    const bytes = readFileSync(join(reference, rel));
    if (mode === 'write') {
      mkdirSync(dirname(join(out, rel)), { recursive: true });
      writeFileSync(join(out, rel), bytes);
    } else if (!readFileSync(join(out, rel)).equals(bytes)) throw new Error(`floor: ${rel} differs`);
  }
}

function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesBelow(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

/** Preloaded into each armgen run (node -r): writes the process's peak RSS (all its threads) when it exits. */
const RSS_REPORTER = "process.on('exit', () => require('node:fs').writeFileSync(process.env.ARMGEN_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n";

interface BatchRun extends Timing {
  readonly peakMb: number;
}

/** One armgen command over the batch, with its wall and CPU time and its peak RSS. */
function armgenBatch(tmp: string, args: readonly string[]): BatchRun {
  const reporter = join(tmp, 'rss-reporter.cjs');
  if (!existsSync(reporter)) writeFileSync(reporter, RSS_REPORTER);
  const rssFile = join(tmp, 'rss.txt');
  const t = timed(process.execPath, ['-r', reporter, launcher, ...args], { env: { ...process.env, ARMGEN_BENCH_RSS: rssFile } });
  return { ...t, peakMb: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

function floorRun(mode: 'write' | 'compare', configs: string, reference: string, out: string): Timing {
  return timed(process.execPath, [fileURLToPath(import.meta.url), '--floor', mode, configs, reference, out]);
}

// -------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const floorMode = arg('--floor');
  if (floorMode === 'write' || floorMode === 'compare') {
    const at = process.argv.indexOf('--floor');
    floor(floorMode, process.argv[at + 2] as string, process.argv[at + 3] as string, process.argv[at + 4] as string);
    return;
  }
  const runs = Math.max(7, Number(arg('--runs') ?? 11));
  const count = Math.max(1, Number(arg('--configs') ?? 1000));
  for (const f of [launcher, unbundled]) if (!existsSync(f)) throw new Error(`${f} is missing: run npm run build first`);
  const tmp = mkdtempSync(join(tmpdir(), 'armgen-bench-'));
  const say = (s = '') => process.stdout.write(`${s}\n`);
  const misses: string[] = [];
  const check = (name: string, ok: boolean) => {
    if (!ok) misses.push(name);
    return verdict(ok);
  };
  try {
    const cpu = cpus();
    say('armgen benchmark');
    say(`machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores (${availableParallelism()} available), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${platform()} ${release()}, node ${process.version}`);
    say();
    const cold = coldStart(tmp, runs, say, check);
    batch(tmp, count, say, check);
    bicepVsArmgen(tmp, runs, cold, say);
    say();
    say(misses.length === 0 ? 'targets: all met' : `targets missed: ${misses.join(', ')}`);
    if (process.argv.includes('--profile') || misses.length > 0) profiles(tmp, say, misses);
  } finally {
    if (process.argv.includes('--keep')) say(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

interface Cold {
  readonly armgen: ReturnType<typeof stats>;
  readonly coldOut: string;
}

/** (a): node -e 0, the unbundled CLI and the bundle, interleaved so that machine noise hits all alike; one warm-up each (it also fills the compile cache). */
function coldStart(tmp: string, runs: number, say: (s?: string) => void, check: (name: string, ok: boolean) => string): Cold {
  const coldOut = join(tmp, 'cold-out');
  const commands: [string, string[]][] = [
    ['node -e 0', ['-e', '0']],
    ['armgen generate (unbundled dist/generator/bin.js)', [unbundled, 'generate', example, '--out', join(tmp, 'cold-unbundled')]],
    [`armgen generate (bundle, ${relative(root, launcher)})`, [launcher, 'generate', example, '--out', coldOut]],
  ];
  const times: Timing[][] = commands.map(() => []);
  for (let i = 0; i <= runs; i++) {
    commands.forEach(([, args], j) => {
      const t = timed(process.execPath, args);
      if (i > 0) times[j]!.push(t);
    });
  }
  const [node, plain, bundle] = times.map(stats) as [ReturnType<typeof stats>, ReturnType<typeof stats>, ReturnType<typeof stats>];
  const cpuText = (t: { cpu: number }) => (Number.isNaN(t.cpu) ? '' : `, CPU ${ms(t.cpu)}`);
  const ratio = (t: { wall: number; cpu: number }) => `${(t.wall / node.wall).toFixed(2)}x wall${Number.isNaN(t.cpu) ? '' : `, ${(t.cpu / node.cpu).toFixed(2)}x CPU`}`;
  say(`(a) cold start of examples/${EXAMPLE_NAME}.yaml, median of ${runs} interleaved runs each (after one warm-up); wall (min-max)${BASH ? ', CPU = user+sys' : ''}:`);
  commands.forEach(([label], j) => {
    const t = [node, plain, bundle][j]!;
    say(`    ${label.padEnd(56)} ${ms(t.wall).padStart(8)}  (${ms(t.min)}-${ms(t.max)}${cpuText(t)})${j > 0 ? `  = ${ratio(t)} node` : ''}`);
  });
  say(`    bundle vs node -e 0: ${(bundle.wall / node.wall).toFixed(2)}x   target <= ${TARGET.coldRatio}x: ${check('cold', bundle.wall / node.wall <= TARGET.coldRatio)}   (unbundled: ${(plain.wall / node.wall).toFixed(2)}x)`);
  say();
  return { armgen: bundle, coldOut };
}

/** (b)-(d): the batch through the CLI (as a monorepo's CI runs it), each next to its floor. */
function batch(tmp: string, count: number, say: (s?: string) => void, check: (name: string, ok: boolean) => string): void {
  const configs = join(tmp, 'configs');
  const out = join(tmp, 'batch-out');
  makeConfigs(configs, count);
  const line = (label: string, t: BatchRun, floorT: Timing, target: number, name: string) => {
    const perSecond = count / (t.wall / 1000);
    say(`    ${label.padEnd(34)} ${ms(t.wall).padStart(9)} (CPU ${ms(t.cpu)}), floor ${ms(floorT.wall)}: ${(t.wall / floorT.wall).toFixed(1)}x the floor; ${perSecond.toFixed(0)} configs/s   target >= ${target}: ${check(name, perSecond >= target)}; peak RSS ${t.peakMb.toFixed(0)} MB: ${check('memory', t.peakMb < TARGET.peakMb)}`);
  };
  say(`(b)-(d) ${count} configs (template-ua variations, ${ENVIRONMENTS.length} environments each) through the CLI, ${availableParallelism()} cores; floor = bare Node reading the configs and writing / comparing the same bytes:`);
  const generated = armgenBatch(tmp, ['generate', configs, '--out', out]);
  const fWrite = floorRun('write', configs, out, join(tmp, 'floor-out'));
  line('(b) generate into an empty folder', generated, fWrite, TARGET.generatePerSecond, 'generate');
  const fCompare = floorRun('compare', configs, out, out);
  const checked = armgenBatch(tmp, ['check', configs, '--out', out]);
  line('(c) check (in memory vs disk)', checked, fCompare, TARGET.checkPerSecond, 'check');
  const regenerated = armgenBatch(tmp, ['generate', configs, '--out', out]);
  line('(d) unchanged re-generate', regenerated, fCompare, TARGET.regeneratePerSecond, 'regenerate');
  say();
}

/** (e) */
function bicepVsArmgen(tmp: string, runs: number, cold: Cold, say: (s?: string) => void): void {
  say('(e) bicep build vs armgen generate of the built-in example:');
  const bicep = findBicep();
  if (!bicep) {
    say('    bicep: not installed (run bash .ci/install-tools.sh)');
    return;
  }
  const version = spawnSync(bicep, ['--version'], { encoding: 'utf8' }).stdout.trim();
  let bicepFile = join(cold.coldOut, EXAMPLE_NAME, 'main.bicep');
  if (existsSync(bicepFile)) {
    say(`    ${version}; building armgen's own ${EXAMPLE_NAME}/main.bicep`);
  } else {
    bicepFile = join(tmp, 'equivalent', 'main.bicep');
    mkdirSync(dirname(bicepFile), { recursive: true });
    writeFileSync(bicepFile, EQUIVALENT_BICEP);
    say(`    ${version}; armgen emits no main.bicep, so this builds a hand-written equivalent of template-ua (${bicepFile})`);
  }
  const bicepOut = join(tmp, 'bicep-out.json');
  const env = { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' };
  timed(bicep, ['build', bicepFile, '--outfile', bicepOut], { env });
  const bicepRuns = Math.max(5, Math.ceil(runs / 2));
  const bicepT: Timing[] = [];
  for (let i = 0; i < bicepRuns; i++) bicepT.push(timed(bicep, ['build', bicepFile, '--outfile', bicepOut], { env }));
  const b = stats(bicepT);
  say(`    bicep build main.bicep            ${ms(b.wall)}  (median of ${bicepRuns}, ${ms(b.min)}-${ms(b.max)})`);
  say(`    armgen generate template-ua.yaml  ${ms(cold.armgen.wall)}  (bundle, median from (a))`);
  say(`    bicep build / armgen generate: ${(b.wall / cold.armgen.wall).toFixed(1)}x (wall)${Number.isNaN(b.cpu) ? '' : `, ${(b.cpu / cold.armgen.cpu).toFixed(1)}x (CPU)`}`);
}

function profiles(tmp: string, say: (s?: string) => void, misses: readonly string[]): void {
  say();
  say(process.argv.includes('--profile') ? 'CPU profiles (--profile):' : `CPU profiles (a target was missed: ${misses.join(', ')}):`);
  for (const l of profileOne(root, 'cold armgen generate (bundle)', join(tmp, 'prof-cold'), [], [launcher, 'generate', example, '--out', join(tmp, 'prof-cold-out')])) say(l);
  for (const l of profileOne(root, 'armgen check of the batch (main thread)', join(tmp, 'prof-batch'), [], [launcher, 'check', join(tmp, 'configs'), '--out', join(tmp, 'batch-out')])) say(l);
  if (!process.argv.includes('--keep')) say('  (the .cpuprofile files are deleted at exit: add --keep to open them in Chrome DevTools)');
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
