import { createHash } from 'node:crypto';
import { CONTENT_VERSION, PARAMETERS_SCHEMA, TEMPLATE_SCHEMA } from '../arm/resourceTypes.js';
import type { TemplateModel } from '../model/resolved.js';
import type { RenderedFile } from '../render/renderedFile.js';
import { canonicalJson, orderHead } from './canonicalJson.js';

export interface VerifyOptions {
  /** Put armgen's version into metadata._generator (off by default so upgrades cause no drift). */
  readonly stampVersion?: string;
}

/**
 * Parse rendered ARM JSON back (a broken template fails here, loudly, instead of shipping), check the
 * envelope, stamp `metadata._generator` with a hash of the content, and return canonical text.
 * Throws Error: a failure here is a bug in armgen's templates, not a user mistake.
 */
export function verifyArm(file: RenderedFile, options: VerifyOptions = {}): RenderedFile {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(file.text) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`internal error: rendered ${file.path} is not valid JSON (${(err as Error).message})`);
  }
  const expectedSchema = file.kind === 'armTemplate' ? TEMPLATE_SCHEMA : PARAMETERS_SCHEMA;
  if (parsed.$schema !== expectedSchema || parsed.contentVersion !== CONTENT_VERSION) {
    throw new Error(`internal error: rendered ${file.path} lacks $schema ${expectedSchema} or contentVersion ${CONTENT_VERSION}`);
  }
  if (file.kind !== 'armTemplate') return { ...file, text: canonicalJson(parsed) };
  const { metadata: _ignored, ...content } = parsed;
  const templateHash = createHash('sha256').update(canonicalJson(content)).digest('hex');
  const generator = { name: 'armgen', ...(options.stampVersion ? { version: options.stampVersion } : {}), templateHash };
  return { ...file, text: canonicalJson(orderHead({ ...content, metadata: { _generator: generator } })) };
}

/** Model-level checks before rendering: every dependsOn names a resource of the same template. */
export function verifyDependencies(template: TemplateModel, where = 'template'): void {
  const symbols = new Set(template.resources.map((r) => r.symbol));
  for (const r of template.resources) {
    for (const d of r.dependsOn) {
      if (!symbols.has(d.symbol)) throw new Error(`internal error: ${where} resource '${r.symbol}' depends on '${d.symbol}', which the template does not deploy`);
    }
    if (r.deployment) verifyDependencies(r.deployment.template, `${where} > ${r.symbol}`);
  }
}
