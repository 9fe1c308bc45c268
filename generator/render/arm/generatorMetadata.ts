import { createHash } from 'node:crypto';
import type { Artifact } from '../../model/artifact.js';
import { canonicalJson, orderHead } from '../../verify/canonicalJson.js';

/**
 * The last step of an ARM file: canonical text, and for a template `metadata._generator` with armgen's name and
 * a hash of the content (like Bicep's templateHash). The version is stamped only when asked, so an upgrade of
 * armgen alone never causes drift.
 */
export function finishArmFile(file: Artifact, parsed: Record<string, unknown>, stampVersion?: string): Artifact {
  if (file.kind !== 'armTemplate') return { ...file, text: canonicalJson(parsed), json: parsed };
  const { metadata: _ignored, ...content } = parsed;
  const templateHash = createHash('sha256').update(canonicalJson(content)).digest('hex');
  const generator = { name: 'armgen', ...(stampVersion ? { version: stampVersion } : {}), templateHash };
  const stamped = orderHead({ ...content, metadata: { _generator: generator } }) as Record<string, unknown>;
  return { ...file, text: canonicalJson(stamped), json: stamped };
}
