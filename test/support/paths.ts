import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: tests run compiled from dist/test/..., sources live beside dist/. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** `../shared` beside the checkout, or undefined (tests then skip with a clear message). */
export const sharedDir: string | undefined = (() => {
  const dir = process.env.ARMGEN_SHARED_DIR ?? join(repoRoot, '..', 'shared');
  return existsSync(join(dir, 'arm-schemas')) ? dir : undefined;
})();

export const SHARED_MISSING = 'skipped: ../shared (official ARM schemas, fixtures, role data) is not beside this checkout';
