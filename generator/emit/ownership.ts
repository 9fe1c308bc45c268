import { README_FILE, type ArtifactKind } from '../model/artifact.js';

/**
 * Which files armgen owns in `DIR/NAME/`: exactly those its manifest lists (manifest.ts), never a file
 * chosen by its name, so a hand-written `runbooks/Helper.ps1` or `azuredeploy.parameters.staging.json` next
 * to the output is never replaced or removed.
 */

/** Which artifact kinds a run renders (`--format`); a run owns only those (`--format arm` never removes main.bicep). */
export type OwnedFormat = 'arm' | 'bicep' | 'all';

/**
 * An artifact's kind in the manifest: runbook scripts are staged for both ARM and Bicep; the README describes the
 * deployment whatever the format, and is left out only by `--no-readme`.
 */
export type ArtifactFormat = 'arm' | 'bicep' | 'script' | 'readme';

/** What a run renders, so owns: its `--format`, and whether it renders the README (`--no-readme`: not). */
export type RunRenders = OwnedFormat | { readonly format?: OwnedFormat; readonly readme?: boolean } | undefined;

/** The configs (output folder names) a run renders, and in which formats. */
export interface Owners {
  readonly names: readonly string[];
  /** @default 'all' */
  readonly format?: OwnedFormat;
  /** Whether the run renders README.md. @default true */
  readonly readme?: boolean;
}

/** Accept a plain list of names (all formats) where an Owners is expected. */
export function toOwners(owners: readonly string[] | Owners): Owners {
  return Array.isArray(owners) ? { names: owners as readonly string[] } : (owners as Owners);
}

/** The manifest format of each artifact kind the renderers produce. */
const FORMAT_OF_KIND: Readonly<Record<ArtifactKind, ArtifactFormat>> = {
  armTemplate: 'arm',
  armParameters: 'arm',
  bicep: 'bicep',
  bicepParameters: 'bicep',
  script: 'script',
  readme: 'readme',
};

/** Files a config stages for its runbooks, in whichever folder (`artifacts.folder`, default runbooks/). */
const STAGED_FILE = /\.(ps1|py|graphrunbook)$/;

/**
 * The kind of an artifact inside `DIR/NAME/` ('/'-separated): what the renderer says it is, when it says; otherwise
 * from its path (staged runbook files are recognised by extension, since `artifacts.folder` moves them).
 */
export function artifactFormat(relative: string, kind?: ArtifactKind): ArtifactFormat {
  if (kind !== undefined) return FORMAT_OF_KIND[kind];
  if (relative.startsWith('runbooks/') || STAGED_FILE.test(relative)) return 'script';
  if (relative === README_FILE) return 'readme';
  if (/\.bicep(param)?$/.test(relative)) return 'bicep';
  if (relative.endsWith('.json')) return 'arm';
  throw new Error(`armgen bug: no artifact format for ${relative}`);
}

/** Whether a run that renders `renders` (so owns, replaces and removes) artifacts of `kind`. */
export function runOwns(renders: RunRenders, kind: ArtifactFormat): boolean {
  const { format, readme } = typeof renders === 'object' ? renders : { format: renders, readme: true };
  if (kind === 'readme') return readme !== false;
  return kind === 'script' || format === undefined || format === 'all' || format === kind;
}

/** What an Owners value says the run renders. */
export function rendersOf(owners: Owners): RunRenders {
  return { ...(owners.format ? { format: owners.format } : {}), ...(owners.readme === false ? { readme: false } : {}) };
}
