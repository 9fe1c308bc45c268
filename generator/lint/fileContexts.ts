import type { FileContext } from './rule.js';
import { collectTemplates } from './template.js';
import { isObject, type JsonObject, type LintFile } from './types.js';

const MAIN_TEMPLATE_NAMES = ['azuredeploy.json', 'maintemplate.json'];

/** The files as rules see them, and the .json files that are not JSON objects (in the given order). */
interface ReadFiles {
  readonly contexts: readonly FileContext[];
  readonly broken: readonly { readonly file: LintFile; readonly message: string }[];
}

/**
 * Parse (unless the caller passed the value), classify and pair the .json files: each parameter file
 * gets the template in its folder. `forcedTemplate` makes that file the template and every other one a
 * parameter file. Files that are not .json, or neither template nor parameter file, are left out.
 */
export function readFiles(files: readonly LintFile[], forcedTemplate?: LintFile): ReadFiles {
  const contexts: FileContext[] = [];
  const broken: { file: LintFile; message: string }[] = [];
  for (const file of files) {
    if (!file.path.toLowerCase().endsWith('.json')) continue;
    const read = jsonOf(file);
    if (typeof read === 'string' || !isObject(read.value)) {
      broken.push({ file, message: typeof read === 'string' ? read : 'the file is not a JSON object' });
      continue;
    }
    const root = read.value;
    const kind = forcedTemplate ? (file === forcedTemplate ? 'template' : 'parameters') : classify(file.path, root);
    if (kind) contexts.push({ file, root, kind, templates: kind === 'template' ? collectTemplates(root) : [] });
  }
  return { contexts: contexts.map((ctx) => (ctx.kind === 'parameters' ? withTemplate(ctx, contexts) : ctx)), broken };
}

/** The file's value (parsed only when the caller did not pass it), or why it is not JSON. */
function jsonOf(file: LintFile): { value: unknown } | string {
  if (file.json !== undefined) return { value: file.json };
  try {
    return { value: JSON.parse(file.text) as unknown };
  } catch (err) {
    return `not valid JSON: ${(err as Error).message}`;
  }
}

function classify(path: string, root: JsonObject): 'template' | 'parameters' | undefined {
  const schema = typeof root.$schema === 'string' ? root.$schema.toLowerCase() : '';
  if (schema.includes('deploymentparameters')) return 'parameters';
  if (schema.includes('deploymenttemplate')) return 'template';
  if (/\.parameters(\.[^/]*)?\.json$/i.test(path)) return 'parameters';
  if ('resources' in root) return 'template';
  return undefined;
}

function dirOf(path: string): string {
  const p = path.replace(/\\/g, '/');
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

function withTemplate(ctx: FileContext, all: readonly FileContext[]): FileContext {
  const dir = dirOf(ctx.file.path);
  const candidates = all.filter((c) => c.kind === 'template' && dirOf(c.file.path) === dir);
  const template = candidates.find((c) => MAIN_TEMPLATE_NAMES.includes(c.file.path.replace(/\\/g, '/').split('/').pop()?.toLowerCase() ?? '')) ?? (candidates.length === 1 ? candidates[0] : undefined);
  return template ? { ...ctx, template } : ctx;
}
