/** CPU profiles for the benchmark (bench.ts): self time by module and function, inclusive time by pipeline stage. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
function summariseProfile(root: string, path: string, top = 12): string[] {
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
    const mod = moduleOf(root, file, functionName);
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
const STAGES = ['parseAsync', 'expandInputs', 'renderInPool', 'renderConfigFile', 'generateConfig', 'loadConfig', 'configValidator', 'validateConfig', 'resolveModel', 'renderArm', 'renderBicep', 'verifyArm', 'verifyBicep', 'writeArtifacts', 'planWrites', 'checkDrift'];

function moduleOf(root: string, file: string, fn: string): string {
  if (!file) return fn.startsWith('(') ? fn : '(native)';
  if (file.startsWith('node:')) return 'node: (core)';
  const nm = file.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = file.slice(nm + '/node_modules/'.length).split('/');
    return `npm:${rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  return file.replace(`${root}/`, '');
}

export function profileOne(root: string, label: string, dir: string, nodeArgs: readonly string[], args: readonly string[]): string[] {
  mkdirSync(dir, { recursive: true });
  spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200', ...nodeArgs, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // One profile per thread: the main thread's is the largest.
  const file = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)[0];
  if (!file) return [`  ${label}: no profile written`];
  return [`  ${label} (${join(dir, file)}):`, ...summariseProfile(root, join(dir, file))];
}

