/**
 * Where Automation imports modules and packages from: `contentLink.uri` is the link to the package itself.
 *
 * - PowerShell Gallery: the NuGet v2 package endpoint; `<base>/<name>` downloads the latest .nupkg and
 *   `<base>/<name>/<version>` a pinned one (AVM `module/main.bicep` composes exactly these).
 * - A PowerShell module may also be a .zip ("Use .zip files for PowerShell runbook types") or a .nupkg file link
 *   (the REST example imports `https://psg-prod-eastus.azureedge.net/packages/az.accounts.2.12.4.nupkg`),
 *   learn.microsoft.com/azure/automation/manage-runtime-environment.
 * - Python packages are distribution files: "For Python 3.10 packages, use .whl files targeting cp310 Linux OS"
 *   (same page); python3Packages also take source archives (learn.microsoft.com/azure/automation/python-3-packages).
 */
import type { RuntimeLanguage } from './runtimes.js';

/** NuGet v2 package endpoint of the PowerShell Gallery. */
export const POWERSHELL_GALLERY = 'https://www.powershellgallery.com/api/v2/package';

/** File name endings of a package file, per language (lower case). */
export const PACKAGE_FILE_ENDINGS: Readonly<Record<RuntimeLanguage, readonly string[]>> = {
  PowerShell: ['.nupkg', '.zip'],
  Python: ['.whl', '.tar.gz', '.zip'],
};

/**
 * Whether a wheel file name can load in Automation's Python 3.10 sandbox (Linux, x86-64): pure (`py3`/`py310`,
 * platform `any`) or built for CPython 3.10 (`cp310`, or the stable ABI `abi3` from an older 3.x) on a Linux x86-64
 * platform tag. Wheel file names are `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl`
 * (packaging.python.org/specifications/binary-distribution-format); compressed tag sets use `.`.
 */
export function wheelFitsPython310(fileName: string): { readonly fits: true } | { readonly fits: false; readonly why: string } {
  const parts = fileName.replace(/\.whl$/i, '').split('-');
  if (parts.length < 5) return { fits: false, why: 'is not a wheel file name ({name}-{version}-{python}-{abi}-{platform}.whl)' };
  const [python, abi, platform] = parts.slice(-3).map((p) => p.toLowerCase().split('.')) as [string[], string[], string[]];
  const pythonFits = python.some((t) => t === 'py3' || t === 'py310' || t === 'cp310' || (abi.includes('abi3') && /^cp3\d$|^cp310$/.test(t)));
  if (!pythonFits) return { fits: false, why: `targets ${python.join('/')}, not Python 3.10` };
  const platformFits = platform.some((t) => t === 'any' || (t.includes('linux') && t.endsWith('x86_64')));
  if (!platformFits) return { fits: false, why: `targets ${platform.join('/')}, not Linux x86-64` };
  return { fits: true };
}
