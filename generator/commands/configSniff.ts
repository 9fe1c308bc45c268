import { readInputBytes } from '../io/readInputFile.js';

/**
 * Whether a YAML/JSON file found while searching a folder is an armgen config, from its text: the schema
 * modeline, a `$schema` naming armgen's schema, or a top-level key only armgen configs have. A folder of a
 * repository also holds CI workflows, compose files, package.json...: reading those as configs buries the
 * real diagnostics. (Files named on the command line are always read.)
 */

/**
 * Top-level keys of armgen's config schema that other YAML/JSON files do not use (`automationAccount` is
 * the one every config has); generic ones such as `parameters`, `variables` or `schedules` are left out.
 * A test checks that each is a top-level property of schemas/armgen.schema.json.
 */
export const ARMGEN_MARKER_KEYS = ['automationAccount', 'roleAssignments', 'jobSchedules', 'powerShell72Modules', 'python3Packages', 'runtimeEnvironments'] as const;

const keys = ARMGEN_MARKER_KEYS.join('|');
// `# yaml-language-server: $schema=<anything naming armgen>`, as `armgen init` and the examples write it.
const MODELINE = /^[ \t]*#[ \t]*yaml-language-server:[ \t]*\$schema=\S*armgen/m;
// `$schema: .../armgen.schema.json` (YAML, any quoting) or `"$schema": "...armgen..."` (JSON).
const SCHEMA_KEY = /^[ \t]*["']?\$schema["']?[ \t]*:[ \t]*["']?[^\s"']*armgen/m;
const JSON_SCHEMA_KEY = /"\$schema"\s*:\s*"[^"]*armgen/;
// A YAML top-level key starts in column 0; in JSON, indentation says nothing, so any such key counts.
const YAML_MARKER = new RegExp(`^["']?(?:${keys})["']?[ \\t]*:`, 'm');
const JSON_MARKER = new RegExp(`"(?:${keys})"\\s*:`);

/** The decision from the text alone (`json` for a .json file). */
export function isArmgenConfigText(text: string, json: boolean): boolean {
  return json ? JSON_SCHEMA_KEY.test(text) || JSON_MARKER.test(text) : MODELINE.test(text) || SCHEMA_KEY.test(text) || YAML_MARKER.test(text);
}

/**
 * The file's bytes when it is an armgen config, else undefined; one that cannot be read as a regular file (a link,
 * too large) is not claimed. The bytes are kept so the run does not read the config a second time.
 */
export function readIfArmgenConfig(path: string): Buffer | undefined {
  const read = readInputBytes(path);
  return read.ok && isArmgenConfigText(read.bytes.toString('utf8'), /\.json$/i.test(path)) ? read.bytes : undefined;
}
