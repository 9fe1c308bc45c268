/**
 * Which files armgen owns in `DIR/NAME/`: exactly those its manifest lists (manifest.ts), never a file
 * chosen by its name, so a hand-written `runbooks/Helper.ps1` or `azuredeploy.parameters.staging.json` next
 * to the output is never replaced or removed.
 */

/** Which artifact kinds a run renders (`--format`); a run owns only those (`--format arm` never removes main.bicep). */
export type OwnedFormat = 'arm' | 'bicep' | 'all';

/** An artifact's kind in the manifest: runbook scripts are staged for both ARM and Bicep. */
export type ArtifactFormat = 'arm' | 'bicep' | 'script';

/** The configs (output folder names) a run renders, and in which formats. */
export interface Owners {
  readonly names: readonly string[];
  /** @default 'all' */
  readonly format?: OwnedFormat;
}

/** Accept a plain list of names (all formats) where an Owners is expected. */
export function toOwners(owners: readonly string[] | Owners): Owners {
  return Array.isArray(owners) ? { names: owners as readonly string[] } : (owners as Owners);
}

/** The kind of an artifact, from its path inside `DIR/NAME/` ('/'-separated). */
export function artifactFormat(relative: string): ArtifactFormat {
  if (relative.startsWith('runbooks/')) return 'script';
  if (/\.bicep(param)?$/.test(relative)) return 'bicep';
  if (relative.endsWith('.json')) return 'arm';
  throw new Error(`armgen bug: no artifact format for ${relative}`);
}

/** Whether a run of `format` renders (so owns, replaces and removes) artifacts of `kind`. */
export function runOwns(format: OwnedFormat | undefined, kind: ArtifactFormat): boolean {
  return kind === 'script' || format === undefined || format === 'all' || format === kind;
}
