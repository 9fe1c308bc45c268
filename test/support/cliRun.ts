/** Run the armgen CLI in-process for tests, with its stdout and stderr captured. */
import { runCli } from '../../generator/cli.js';

/** An `io` for `runCli` that collects what it writes in `out`. */
export function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

/** Run armgen with `cwd` as the working directory (restored afterwards, also on failure). */
export async function runIn(cwd: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const c = capture();
    const code = await runCli(argv, c.io);
    return { code, ...c.out };
  } finally {
    process.chdir(before);
  }
}
