import { POWERSHELL_GALLERY } from '../../azure/packages.js';
import type { Fields, ImportContext, ListSection } from '../importContext.js';
import { accountChildNames, isType, takeAccountLocation, takeBase, type ResourceImporter } from './common.js';
import { dependencyNames } from './dependencies.js';

const MODULES = 'Microsoft.Automation/automationAccounts/modules';
const PS72_MODULES = 'Microsoft.Automation/automationAccounts/powerShell72Modules';
const PYTHON3_PACKAGES = 'Microsoft.Automation/automationAccounts/python3Packages';

/**
 * `properties.contentLink` of a module or package -> its config entry: `uri` is left out when it is the PowerShell
 * Gallery link armgen builds from name and version (resolve/packageLinks.ts rule 1), kept otherwise.
 */
export function packageEntry(ctx: ImportContext, properties: Fields | undefined, name: string, powerShell: boolean): Record<string, unknown> {
  const entry: Record<string, unknown> = { name };
  const link = properties?.object('contentLink');
  properties?.finish(`the properties of '${name}'`);
  if (!link) {
    ctx.refuse(properties?.path ?? [], `'${name}' has no contentLink: armgen imports modules and packages from a link`);
    return entry;
  }
  const uri = link.take('uri');
  const version = link.has('version') ? link.take('version') : undefined;
  link.finish(`the content link of '${name}'`);
  if (typeof uri !== 'string' || (version !== undefined && typeof version !== 'string')) {
    ctx.refuse(link.path, `the content link of '${name}' is imported only with a literal uri and version`);
    return entry;
  }
  const gallery = [POWERSHELL_GALLERY, name, ...(version === undefined ? [] : [version])].join('/');
  if (!powerShell || uri !== gallery) entry.uri = uri;
  if (version !== undefined) entry.version = version;
  return entry;
}

/** One list of the account's modules or packages: `format('{0}/{1}', account, name)` with a content link. */
function accountPackages(kind: string, type: string, section: ListSection, powerShell: boolean): ResourceImporter {
  return {
    kind,
    claims: (r) => isType(r, type),
    import(ctx, resource) {
      takeBase(ctx, resource, type);
      takeAccountLocation(resource);
      const names = accountChildNames(ctx, resource, 1, `a ${kind}`);
      if (!names) return;
      const entry = packageEntry(ctx, resource.object('properties'), names[0]!, powerShell);
      const after = dependencyNames(resource, type);
      if (after.length > 0) entry.dependsOn = after;
      resource.finish(`a ${kind}`);
      ctx.push(section, entry);
    },
  };
}

export const modules = accountPackages('module (PowerShell 5.1)', MODULES, 'modules', true);
export const powerShell72Modules = accountPackages('module (PowerShell 7.2)', PS72_MODULES, 'powerShell72Modules', true);
export const python3Packages = accountPackages('Python 3 package', PYTHON3_PACKAGES, 'python3Packages', false);
