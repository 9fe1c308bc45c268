/**
 * The files armgen owns inside `DIR/NAME/`: only these are ever replaced or removed, so hand-written
 * files next to the output (a README, a pipeline file) are never touched.
 */
const OWNED = [
  /^azuredeploy\.json$/,
  /^azuredeploy\.parameters(\.[a-z][a-z0-9-]*)?\.json$/,
  /^main\.bicep$/,
  /^main(\.[a-z][a-z0-9-]*)?\.bicepparam$/,
  /^modules\/[A-Za-z0-9_.-]+\.bicep$/,
  /^runbooks\/[A-Za-z0-9_.-]+\.(ps1|py)$/,
];

/** True when `relative` (a path inside a config's output folder, '/'-separated) is an armgen artifact. */
export function isOwned(relative: string): boolean {
  return OWNED.some((re) => re.test(relative));
}
