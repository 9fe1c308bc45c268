import { bicepHelpers } from './bicep/bicepHelpers.js';
import type { Helpers } from './environment.js';
import { armHelpers } from './arm/renderArm.js';
import { readmeHelpers } from './readme/renderReadme.js';
import { runbookHelpers } from './runbooks/renderRunbooks.js';

/**
 * Every template language armgen renders, with the helpers its renderer passes to createEnvironment: what
 * the build precompiles (scripts/precompile.mjs). Not imported at run time. A language missing here still
 * works, compiled at run time; test/unit/render/precompiledTemplates.test.ts checks each one is precompiled.
 */
export const templateLanguages: Readonly<Record<string, Helpers>> = {
  arm: armHelpers,
  bicep: bicepHelpers,
  readme: readmeHelpers,
  runbooks: runbookHelpers,
};
