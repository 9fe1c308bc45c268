import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { repoRoot } from './paths.js';

/** The real external tools that some tests drive (installed by .ci/install-tools.sh). */
export type ToolName = 'bicep' | 'pwsh';

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false; // follows symlinks: a dangling one fails here
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Absolute path of the tool: `<repoRoot>/.tools/bin/<name>` if present (the pinned
 * version), else the first executable match on PATH, else undefined.
 */
export function findTool(name: ToolName): string | undefined {
  const pinned = join(repoRoot, '.tools', 'bin', name);
  if (isExecutableFile(pinned)) return pinned;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = resolve(isAbsolute(dir) ? dir : resolve(process.cwd(), dir), name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

export interface ToolResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Generous: pwsh and bicep each take ~0.5 s to start, and more on a loaded CI machine. */
export const TOOL_TIMEOUT_MS = 120_000;

/** Runs a tool synchronously (`env` adds variables to its environment). A spawn failure or time-out shows as status null plus a note on stderr. */
export function runTool(path: string, args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}): ToolResult {
  const r = spawnSync(path, args, {
    cwd: opts.cwd ?? repoRoot,
    input: opts.input,
    encoding: 'utf8',
    timeout: TOOL_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      DOTNET_CLI_TELEMETRY_OPTOUT: '1',
      DOTNET_NOLOGO: '1',
      POWERSHELL_TELEMETRY_OPTOUT: '1',
      POWERSHELL_UPDATECHECK: 'Off',
      NO_COLOR: '1',
      ...opts.env,
    },
  });
  let stderr = r.stderr ?? '';
  if (r.error) stderr += `${stderr && !stderr.endsWith('\n') ? '\n' : ''}runTool: ${path}: ${r.error.message}`;
  else if (r.signal) stderr += `${stderr && !stderr.endsWith('\n') ? '\n' : ''}runTool: ${path}: killed by ${r.signal}`;
  return { status: r.status, stdout: r.stdout ?? '', stderr };
}

/** The skip message for a test that needs a tool that is not installed. */
export function TOOL_MISSING(name: ToolName | string): string {
  return `skipped: no '${name}' executable (run .ci/install-tools.sh, needs the .NET SDK)`;
}

/**
 * For a `describe` that needs a real tool: registers a `before` hook that skips the whole block, with a
 * clear message, when the tool is absent. Returns the executable's path (undefined only when skipped).
 */
export function requireTool(name: ToolName): string | undefined {
  const path = findTool(name);
  before(function () {
    if (!path) {
      console.log(`      ${TOOL_MISSING(name)}`);
      this.skip();
    }
  });
  return path;
}
