/**
 * The files armgen owns inside `DIR/NAME/`: only these are ever replaced or removed, so hand-written
 * files next to the output (a README, a pipeline file) are never touched.
 */
const ARM = [/^azuredeploy\.json$/, /^azuredeploy\.parameters(\.[a-z][a-z0-9-]*)?\.json$/];
const BICEP = [/^main\.bicep$/, /^main(\.[a-z][a-z0-9-]*)?\.bicepparam$/, /^modules\/[A-Za-z0-9_.-]+\.bicep$/];
const SCRIPTS = [/^runbooks\/[A-Za-z0-9_.-]+\.(ps1|py)$/];

/** Which artifact kinds a run renders; a run owns only those (`--format arm` never removes main.bicep). */
export type OwnedFormat = 'arm' | 'bicep' | 'all';

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

/**
 * True when `relative` (a path inside a config's output folder, '/'-separated) is an armgen artifact of the
 * given format.
 */
export function isOwned(relative: string, format: OwnedFormat = 'all'): boolean {
  const patterns = [...(format === 'bicep' ? [] : ARM), ...(format === 'arm' ? [] : BICEP), ...SCRIPTS];
  return patterns.some((re) => re.test(relative));
}
