import type { ResolveContext } from './context.js';

/** Where staged runbook files go inside `out/NAME/` unless `artifacts.folder` says otherwise (the quickstart layout). */
export const DEFAULT_ARTIFACTS_FOLDER = 'runbooks';

/** The configured folder, unchecked (artifactsFolder checks it once). */
export function folderOf(ctx: ResolveContext): string {
  return ctx.config.artifacts?.folder ?? DEFAULT_ARTIFACTS_FOLDER;
}

/** Folders armgen writes itself: `modules/` holds the Bicep module files (render/bicep). */
const RESERVED_FOLDERS = ['modules'];

/**
 * The folder runbook files are staged in and linked from (`artifacts.folder`, top level only: the template, which
 * spells the folder in every content link, is one for all environments). A folder armgen writes itself is refused,
 * case-insensitively (Windows and macOS file systems are).
 */
export function artifactsFolder(ctx: ResolveContext): string {
  const folder = ctx.config.artifacts?.folder;
  for (const [env, e] of Object.entries(ctx.config.environments ?? {})) {
    if (e?.artifacts?.folder !== undefined) {
      ctx.error(`/environments/${env}/artifacts/folder`, 'AG307', 'the artifacts folder is spelled in the template\'s content links, which every environment shares; set it under the top-level artifacts only');
    }
  }
  if (folder === undefined) return folderOf(ctx);
  const first = folder.split('/')[0]!.toLowerCase();
  if (RESERVED_FOLDERS.includes(first)) {
    ctx.error('/artifacts/folder', 'AG200', `${folder} is where armgen writes its Bicep modules; choose another folder for the staged runbook files`);
  }
  return folder;
}
