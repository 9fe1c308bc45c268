import { existsSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { readInputText } from '../io/readInputFile.js';
import { packageRoot } from '../paths.js';

/** The examples shipped with armgen (package.json "files"), each a config `armgen init --example NAME` copies. */
export const examplesDir = join(packageRoot, 'examples');

/** The config `armgen init` writes when no name is given (its output folder: out/automation-account/). */
export const STARTER_FILE = 'automation-account.yaml';

/** Example names (`examples/NAME.yaml`), sorted; none when armgen is installed without its examples. */
export function exampleNames(): string[] {
  try {
    return readdirSync(examplesDir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length)).sort();
  } catch {
    return [];
  }
}

export type Scaffolded = { readonly ok: true; readonly written: readonly string[]; readonly installed: boolean } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Write a new config (the commented starter, or an example with the runbook files it names) with a schema
 * modeline for editors. Never overwrites: every target is checked first, then created with the `wx` flag
 * (which fails if the file appeared meanwhile), so an existing file is never touched.
 */
export function scaffoldConfig(target: string, example?: string): Scaffolded {
  const schema = schemaReference(dirname(target));
  const config = example === undefined ? starterConfig(schema, basename(target)) : exampleConfig(example, schema);
  const files = [{ path: target, text: config.text }, ...config.extra.map((f) => ({ path: join(dirname(target), f.path), text: f.text }))];
  const taken = files.filter((f) => lstatSafe(f.path));
  if (taken.length > 0) {
    return { ok: false, diagnostics: taken.map((f) => ({ file: f.path, line: 0, col: 0, severity: 'error', code: 'AG600', message: 'already exists; armgen init never overwrites a file: choose another name, or move the file away' })) };
  }
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      writeFileSync(f.path, f.text, { flag: 'wx' });
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { ok: false, diagnostics: [{ file: e.path ?? target, line: 0, col: 0, severity: 'error', code: 'AG600', message: `cannot write: ${e.code === 'EEXIST' ? 'it appeared while armgen was writing' : (e.code ?? e.message)}` }] };
  }
  return { ok: true, written: files.map((f) => f.path), installed: schema.installed };
}

interface SchemaReference {
  /** The modeline and, when the schema file is not installed, how to create it. */
  readonly lines: readonly string[];
  readonly installed: boolean;
}

/**
 * The yaml-language-server modeline (a path relative to the config's folder): armgen's schema in the
 * nearest node_modules/armgen when armgen is installed in the project, else `armgen.schema.json` beside the
 * config, which `armgen schema > armgen.schema.json` creates.
 */
export function schemaReference(folder: string): SchemaReference {
  const from = resolve(folder);
  for (let d = from; ; d = dirname(d)) {
    const schema = join(d, 'node_modules', 'armgen', 'schemas', 'armgen.schema.json');
    if (existsSync(schema)) return { lines: [`# yaml-language-server: $schema=${relative(from, schema).split(sep).join('/')}`], installed: true };
    if (dirname(d) === d) break;
  }
  return { lines: ['# yaml-language-server: $schema=armgen.schema.json', '# (armgen is not installed in this project: create the schema file with `armgen schema > armgen.schema.json`)'], installed: false };
}

interface ConfigText {
  readonly text: string;
  readonly extra: readonly { readonly path: string; readonly text: string }[];
}

/** An example with its modeline replaced, and the local runbook files it names (`runbooks[].file`). */
function exampleConfig(name: string, schema: SchemaReference): ConfigText {
  const read = readInputText(join(examplesDir, `${name}.yaml`));
  if (!read.ok) throw new Error(`armgen's example ${name}.yaml ${read.reason}`);
  const body = read.text.replace(/^#[ \t]*yaml-language-server:.*\n/, '');
  const runbooks = (parse(body) as { runbooks?: { file?: unknown }[] }).runbooks ?? [];
  const extra = runbooks.flatMap((r) => (typeof r.file === 'string' ? [r.file] : [])).map((path) => {
    const file = readInputText(join(examplesDir, path), { within: { folder: examplesDir, name: "armgen's examples folder" } });
    if (!file.ok) throw new Error(`armgen's example file ${path} ${file.reason}`);
    return { path, text: file.text };
  });
  return { text: `${schema.lines.join('\n')}\n${body}`, extra };
}

/** The starter: the smallest useful config, with the next steps as comments. */
function starterConfig(schema: SchemaReference, file: string): ConfigText {
  const name = basename(file, extname(file));
  const text = `${schema.lines.join('\n')}
# An armgen config: one Azure Automation account, rendered into deploy-ready ARM JSON and Bicep.
#   armgen validate ${file}    check it (schema, names, references, Azure's rules)
#   armgen generate ${file}    write out/${name}/ (the output folder is named after this file)
#   armgen explain AGnnn    what a diagnostic code means
# Every key is described in the schema: an editor with the YAML extension completes and checks them.
description: Automation account with a system-assigned managed identity
parameters:
  automationAccountName:
    type: string
    defaultValue: aa-example-01       # 6-50 letters, digits and hyphens, starting with a letter
    description: Automation account name
automationAccount:
  name: { param: automationAccountName }
  # location defaults to the resource group's location; sku to Basic
  identity:
    systemAssigned: true
# Grant the identity a role, for example read access to the deployment's resource group:
# roleAssignments:
#   - identity: system
#     role: Reader
#     scope: { kind: resourceGroup }
`;
  return { text, extra: [] };
}

function lstatSafe(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
