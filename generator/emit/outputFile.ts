import type { Artifact } from '../model/artifact.js';

/**
 * What emit needs of a rendered artifact: where it goes (`NAME/file`), its text, and what it is (for the ownership
 * manifest; without it the kind is read from the path).
 */
export type OutputFile = Pick<Artifact, 'path' | 'text'> & { readonly kind?: Artifact['kind'] };
