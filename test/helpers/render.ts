import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateConfig, type ConfigResult, type GenerateOptions } from '../../generator/generate.js';
import { readInputText } from '../../generator/io/readInputFile.js';
import type { FileRead } from '../../generator/resolve/resolveRunbooks.js';
import { repoRoot } from '../support/paths.js';

/** Every example config, as `examples/NAME.yaml` paths relative to the repository root. */
export function exampleConfigs(): string[] {
  return readdirSync(join(repoRoot, 'examples'))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => `examples/${f}`);
}

/** Render a config file of the repository in memory. */
export function renderFile(relativePath: string, options: GenerateOptions = {}): ConfigResult {
  return generateConfig(relativePath, readFileSync(join(repoRoot, relativePath), 'utf8'), { readFile: repoReader(relativePath), ...options });
}

/** Runbook `file:` entries of the examples, read like the CLI does (paths relative to the repository root). */
function repoReader(config: string): (path: string) => FileRead {
  const within = { folder: join(repoRoot, dirname(config)), name: "the config's folder" };
  return (path) => {
    const read = readInputText(join(repoRoot, path), { within });
    return read.ok ? { ok: true, text: read.text } : { ok: false, reason: read.reason };
  };
}

/** Render YAML text in memory; throws with the diagnostics when it is invalid (for tests of valid configs). */
export function renderYaml(yaml: string, name = 'test.yaml', options: GenerateOptions = {}): Extract<ConfigResult, { ok: true }> {
  const result = generateConfig(name, yaml, options);
  if (!result.ok) throw new Error(`expected a valid config, got:\n${result.diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`).join('\n')}`);
  return result;
}

/** The parsed ARM template of a rendered config. */
export function templateOf(result: Extract<ConfigResult, { ok: true }>): ArmTemplate {
  const file = result.artifacts.find((a) => a.path.endsWith('/azuredeploy.json'));
  if (!file) throw new Error('no azuredeploy.json rendered');
  return JSON.parse(file.text) as ArmTemplate;
}

export interface ArmTemplate {
  $schema: string;
  contentVersion: string;
  metadata?: Record<string, unknown>;
  parameters: Record<string, Record<string, unknown>>;
  resources: ArmResourceJson[];
  outputs: Record<string, { type: string; value: unknown }>;
}

export interface ArmResourceJson {
  type: string;
  apiVersion: string;
  name: string;
  [key: string]: unknown;
}

/** Render text expected to be invalid; returns its diagnostics. */
export function diagnosticsOf(yaml: string, name = 'bad.yaml'): string[] {
  const result = generateConfig(name, yaml);
  if (result.ok) throw new Error('expected the config to be rejected, but it rendered');
  return result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.col}: ${d.code}: ${d.message}`);
}
