import { PACKAGE_FILE_ENDINGS, POWERSHELL_GALLERY } from '../azure/packages.js';
import type { RuntimeLanguage } from '../azure/runtimes.js';

/** A module or package as the config gives it. */
export interface PackageSpec {
  readonly name: string;
  readonly version?: string;
  readonly uri?: string;
}

/** The `contentLink.uri` to write, or why armgen cannot tell what the config means (and which key to fix). */
export type PackageLink =
  | { readonly ok: true; readonly uri: string; readonly file?: string }
  | { readonly ok: false; readonly key: 'uri' | 'version' | 'name'; readonly problem: string };

/** A path segment that is a package version: 2.12.1, 1.0.0-preview (NuGet versions have at least two parts; `v2` of a feed path is not one). */
const VERSION_SEGMENT = /^\d+(\.\d+)+([-+][0-9A-Za-z.+-]*)?$/;

/**
 * `contentLink.uri` of one module or package. `uri` may be a feed base or the package's own link; the rules, in order:
 * 1. no uri: a PowerShell module comes from the PowerShell Gallery (`<gallery>/<name>[/<version>]`); a Python package
 *    has no such default (PyPI file links carry a hash path), so it is an error;
 * 2. the last path segment is a package file (.nupkg/.zip for PowerShell, .whl/.tar.gz/.zip for Python): the link is
 *    used as given; its file name must be the package's, and a `version` must be the file's;
 * 3. the path ends with `/<name>` (any case): the package's own link, used as given; a `version` is then an error,
 *    since armgen cannot tell whether it belongs in the link;
 * 4. the path ends with `/<name>/<version>`: used as given; a `version` must be that one;
 * 5. the path ends with another version segment: an error (another package's link, or a typo in the name);
 * 6. otherwise a feed base: `<uri>/<name>[/<version>]` (AVM's composition). A Python base works only when `name` is
 *    the file name (AVM's python3-package convention); a base with a query string is an error (where would the
 *    name go?).
 * The query string (a SAS token) is kept and ignored by rules 2-5.
 */
export function packageLink(language: RuntimeLanguage, spec: PackageSpec): PackageLink {
  const { name, version, uri } = spec;
  if (uri === undefined) {
    if (language === 'Python') return fail('uri', `Python package '${name}' needs uri: the link to its .whl file (PyPI has no per-name download link armgen could build)`);
    return { ok: true, uri: joinPath(POWERSHELL_GALLERY, name, version) };
  }
  const parsed = URL.canParse(uri) ? new URL(uri) : undefined;
  if (!parsed) return fail('uri', `${JSON.stringify(uri)} is not a URL`);
  const segments = parsed.pathname.split('/').filter((s) => s !== '').map(decodeSegment);
  const last = segments.at(-1) ?? '';
  const before = segments.at(-2);
  const fileLanguage = packageFileLanguage(last);
  if (fileLanguage) return fileLink(language, fileLanguage, spec, uri, last);
  if (same(last, name)) {
    if (version !== undefined) return fail('version', `uri already links package '${name}' (it ends with /${last}), so armgen cannot tell whether version ${version} belongs in it: write the link ${uri}/${version}, or give the feed base without /${last}`);
    return { ok: true, uri };
  }
  if (before !== undefined && same(before, name) && VERSION_SEGMENT.test(last)) {
    if (version !== undefined && version.toLowerCase() !== last.toLowerCase()) return fail('version', `version ${version} differs from the version ${last} in uri ${uri}`);
    return { ok: true, uri };
  }
  if (VERSION_SEGMENT.test(last) && before !== undefined) {
    return fail('uri', `uri ends with /${before}/${last}, a link to package '${before}' version ${last}, not to '${name}': fix the name, or give the feed base`);
  }
  return baseLink(language, spec, uri, parsed);
}

/** Rule 2: a link to the package file itself. */
function fileLink(language: RuntimeLanguage, fileLanguage: RuntimeLanguage | 'either', spec: PackageSpec, uri: string, file: string): PackageLink {
  if (fileLanguage !== 'either' && fileLanguage !== language) {
    return fail('uri', `${file} is a ${fileLanguage} package file, but '${spec.name}' is a ${language} ${language === 'Python' ? 'package' : 'module'}`);
  }
  if (!fileNamesPackage(language, file, spec.name)) {
    return fail('name', `uri links the file ${file}, which is not package '${spec.name}': name must be the ${language === 'Python' ? 'distribution' : 'module'} name the file holds`);
  }
  if (spec.version !== undefined && !new RegExp(`[-_.]${escapeRegExp(spec.version)}[-_.]`, 'i').test(file)) {
    return fail('version', `version ${spec.version} is not the version of ${file}: the file is the package, so drop version or link the file of that version`);
  }
  return { ok: true, uri, file };
}

/** Rule 6: a feed base. */
function baseLink(language: RuntimeLanguage, spec: PackageSpec, uri: string, parsed: URL): PackageLink {
  if (parsed.search !== '' || parsed.hash !== '') {
    return fail('uri', `${uri} is neither a package link (ending with /${spec.name} or a package file) nor a plain feed base (it has a query string): armgen cannot tell where /${spec.name} would go; give the package's own link`);
  }
  const nameIsFile = packageFileLanguage(spec.name) !== undefined;
  if (language === 'Python' && !nameIsFile) {
    return fail('uri', `${uri} does not link a Python package file: give the link to the .whl file of '${spec.name}' (or a folder URL with name: <the .whl file name>)`);
  }
  if (nameIsFile && spec.version !== undefined) return fail('version', `name ${spec.name} is a file name, so a version cannot be appended to the link; drop version`);
  return { ok: true, uri: joinPath(uri, spec.name, nameIsFile ? undefined : spec.version), ...(nameIsFile ? { file: spec.name } : {}) };
}

/** `<base>/<name>[/<version>]`, tolerating a trailing slash on the base. */
function joinPath(base: string, name: string, version: string | undefined): string {
  const root = base.replace(/\/+$/, '');
  return version === undefined ? `${root}/${name}` : `${root}/${name}/${version}`;
}

/** The language whose package files end like this segment (`either` for .zip), or undefined. */
function packageFileLanguage(segment: string): RuntimeLanguage | 'either' | undefined {
  const lower = segment.toLowerCase();
  const ps = PACKAGE_FILE_ENDINGS.PowerShell.some((e) => lower.endsWith(e));
  const py = PACKAGE_FILE_ENDINGS.Python.some((e) => lower.endsWith(e));
  return ps && py ? 'either' : ps ? 'PowerShell' : py ? 'Python' : undefined;
}

/**
 * Whether a package file holds the named package: `<name>.<version>.nupkg` / `<name>[-.]...zip` for PowerShell;
 * for Python the distribution name compared in PEP 503 normal form (wheels spell `-` as `_`), or the file name itself.
 */
function fileNamesPackage(language: RuntimeLanguage, file: string, name: string): boolean {
  if (language === 'PowerShell') return new RegExp(`^${escapeRegExp(name)}([-_.]|$)`, 'i').test(file);
  const normal = (s: string) => s.toLowerCase().replace(/[-_.]+/g, '-');
  return normal(file) === normal(name) || normal(file).startsWith(`${normal(name)}-`);
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function fail(key: 'uri' | 'version' | 'name', problem: string): PackageLink {
  return { ok: false, key, problem };
}
