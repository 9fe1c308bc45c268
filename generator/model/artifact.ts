/** What a rendered file is: decides its verification, lint and ownership. */
/** The README each config's output folder gets (render/readme), by its path inside `DIR/NAME/`. */
export const README_FILE = 'README.md';

export type ArtifactKind = 'armTemplate' | 'armParameters' | 'bicep' | 'bicepParameters' | 'script' | 'readme';

/**
 * One rendered file. Renderers address it relative to the config's output folder (`azuredeploy.json`);
 * generate() prefixes the config name (`NAME/azuredeploy.json`) before it reaches emit.
 */
export interface Artifact {
  readonly path: string;
  readonly kind: ArtifactKind;
  readonly text: string;
  /** ARM JSON only: the parsed value verify produced, so lint need not parse the text again. */
  readonly json?: unknown;
}
