import type { Artifact } from '../model/artifact.js';

/** What emit needs of a rendered artifact: where it goes (`NAME/file`) and its text. */
export type OutputFile = Pick<Artifact, 'path' | 'text'>;
