/** What a renderer produces: a path relative to the config's output folder and its text. */
export interface RenderedFile {
  readonly path: string;
  readonly kind: 'armTemplate' | 'armParameters' | 'bicep' | 'bicepParameters' | 'script';
  readonly text: string;
}
