import { deployedTypes } from '../azure/resourceTypes.js';
import type { Diagnostic } from '../diagnostics.js';
import { environmentOf, importParameterFile, importParameters } from './kinds/parameters.js';
import { importOutputs, scanOutputHandles } from './kinds/outputs.js';
import { importers } from './kinds/registry.js';
import { Fields, ImportContext, isPlainObject, type ConfigDraft, type ReadArtifact, type StagedFile } from './importContext.js';
import type { JsonSource } from './jsonSource.js';

export type ImportResult =
  | { readonly ok: true; readonly config: ConfigDraft; readonly comments: ReadonlyMap<string, string>; readonly stagedFiles: readonly StagedFile[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Template keys armgen writes itself or that carry no deployment meaning. */
const TEMPLATE_KEYS = ['$schema', 'contentVersion'];

/**
 * An ARM template (and its parameter files) -> an armgen config draft. Pure: the caller reads the files (the
 * runbook scripts staged next to the template through `readArtifact`) and writes the result. Every construct is mapped or refused with its JSON path; the caller verifies the draft by
 * rendering it (verifyImport.ts).
 */
export function importTemplate(template: JsonSource, parameterFiles: readonly JsonSource[] = [], readArtifact?: ReadArtifact): ImportResult {
  const ctx = new ImportContext(template);
  if (readArtifact) ctx.readArtifact = readArtifact;
  const root = Fields.of(ctx, template.value, [], 'an ARM template');
  if (!root) return { ok: false, diagnostics: ctx.refusals };
  root.derived(...TEMPLATE_KEYS);
  importMetadata(ctx, root);
  importParameters(ctx, root);
  scanOutputHandles(ctx, root.value.outputs);
  importResources(ctx, root);
  importOutputs(ctx, root);
  root.finish('the template');
  for (const file of parameterFiles) {
    const fileCtx = new ImportContext(file, ctx.draft);
    importParameterFile(fileCtx, file, environmentOf(file.file));
    ctx.refusals.push(...fileCtx.refusals);
  }
  if (ctx.refusals.length > 0) return { ok: false, diagnostics: ctx.refusals };
  return { ok: true, config: ctx.draft, comments: ctx.comments, stagedFiles: ctx.stagedFiles };
}

/** `metadata._generator` is armgen's own stamp (recomputed on render); other template metadata has no config equivalent. */
function importMetadata(ctx: ImportContext, root: Fields): void {
  const metadata = root.object('metadata');
  if (!metadata) return;
  const generator = metadata.value._generator;
  if (isPlainObject(generator) && generator.name === 'armgen') {
    metadata.take('_generator');
    ctx.comment('description', 'Imported from a template armgen rendered.');
  }
  metadata.finish('the template metadata');
}

function importResources(ctx: ImportContext, root: Fields): void {
  const resources = root.take('resources');
  if (!Array.isArray(resources)) {
    ctx.refuse(['resources'], 'resources must be an array (languageVersion 2.0 symbolic resources have no armgen equivalent)');
    return;
  }
  const claimed = new Set<number>();
  for (const importer of importers) {
    resources.forEach((raw, i) => {
      if (claimed.has(i) || !isPlainObject(raw) || !importer.claims(raw)) return;
      claimed.add(i);
      const fields = new Fields(ctx, raw, ['resources', i]);
      importer.import(ctx, fields);
    });
  }
  resources.forEach((raw, i) => {
    if (claimed.has(i)) return;
    const type = isPlainObject(raw) ? String(raw.type) : 'a non-object';
    const maps = `import maps: ${importers.map((m) => m.kind).join(', ')}`;
    // A type armgen renders but import does not map yet is not "no equivalent": say which.
    const deployed = Object.keys(deployedTypes).some((t) => t.toLowerCase() === type.toLowerCase());
    ctx.refuse(['resources', i, 'type'], deployed ? `resource type ${type} is not imported yet (${maps}); write it in the config by hand` : `resource type ${type} has no armgen equivalent (${maps})`);
  });
  if (!ctx.draft.automationAccount) ctx.refuse(['resources'], 'the template has no Microsoft.Automation/automationAccounts resource: an armgen config describes one Automation account');
}
