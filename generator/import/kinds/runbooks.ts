import { DEFAULT_RUNTIME, type RuntimeLanguage } from '../../azure/runtimes.js';
import { expressionOf, importArg, importValue, isCall, paramName } from '../armValues.js';
import type { Fields, ImportContext } from '../importContext.js';
import { accountChildNames, copyKeys, isType, takeAccountLocation, takeBase, type ResourceImporter } from './common.js';
import { dependencyNames } from './dependencies.js';
import { isImpliedEnvironment } from './runtimeEnvironments.js';
import { matchStarter } from './starterRunbooks.js';

const RUNBOOKS = 'Microsoft.Automation/automationAccounts/runbooks';
const VARIABLES = 'Microsoft.Automation/automationAccounts/variables';
/** What a runbook's `dependsOn:` names: modules and packages (resolve/runbookDependencies.ts). */
const PACKAGE_TYPES = ['modules', 'powerShell72Modules', 'python3Packages', 'runtimeEnvironments/packages'].map((t) => `Microsoft.Automation/automationAccounts/${t}`);

/** `uri(parameters('_artifactsLocation'), format('<folder>/<file>{0}', parameters('_artifactsLocationSasToken')))`: a staged file. */
function stagedPath(value: unknown): { folder: string; file: string } | undefined {
  const node = expressionOf(value);
  if (!isCall(node, 'uri') || node.args.length !== 2 || paramName(node.args[0]) !== '_artifactsLocation') return undefined;
  const rest = node.args[1];
  if (!isCall(rest, 'format') || rest.args.length !== 2 || rest.args[0]?.k !== 'str' || paramName(rest.args[1]) !== '_artifactsLocationSasToken') return undefined;
  const m = /^(.+)\/([^/]+)\{0\}$/.exec(rest.args[0].v);
  return m ? { folder: m[1]!, file: m[2]! } : undefined;
}

/**
 * A runbook (`runbooks[]`): its content from a URI, a script staged next to the template (`file:`, which the user
 * places next to the config), or armgen's starter script (`generate:`, recognised by its bytes: starterRunbooks.ts).
 */
export const runbooks: ResourceImporter = {
  kind: 'runbook',
  claims: (r) => isType(r, RUNBOOKS),
  import(ctx, resource) {
    takeBase(ctx, resource, RUNBOOKS);
    takeAccountLocation(resource);
    const names = accountChildNames(ctx, resource, 1, 'a runbook');
    const properties = resource.object('properties');
    if (!names || !properties) return;
    const entry: Record<string, unknown> = { name: names[0]!, type: properties.take('runbookType') };
    copyKeys(ctx, properties, entry, ['runtimeEnvironment', 'description']);
    for (const key of ['logVerbose', 'logProgress']) if (properties.has(key) && properties.take(key) !== false) entry[key] = properties.value[key];
    copyKeys(ctx, properties, entry, ['logActivityTrace']);
    if (resource.has('tags')) entry.tags = importValue(ctx, resource.take('tags'), resource.at('tags'), 'tags');
    const link = properties.object('publishContentLink');
    if (link) content(ctx, resource, link, entry);
    else ctx.refuse(properties.path, 'a runbook without publishContentLink (a draft) has no armgen equivalent');
    properties.finish('the runbook properties');
    const after = dependencyNames(resource, ...(entry.runtimeEnvironment === undefined ? PACKAGE_TYPES : PACKAGE_TYPES.slice(0, 3)));
    if (after.length > 0) entry.dependsOn = after;
    resource.finish('a runbook');
    ctx.push('runbooks', order(entry));
  },
};

function content(ctx: ImportContext, resource: Fields, link: Fields, entry: Record<string, unknown>): void {
  const uri = link.take('uri');
  if (link.has('version')) entry.version = link.take('version');
  link.finish('the content link');
  const staged = stagedPath(uri);
  if (!staged) {
    const arg = importArg(ctx, uri, link.at('uri'), 'the runbook content URI');
    if (arg !== undefined) entry.uri = arg;
    return;
  }
  const folder = staged.folder;
  if (folder !== 'runbooks') {
    const artifacts = (ctx.draft.artifacts ??= {});
    if (artifacts.folder !== undefined && artifacts.folder !== folder) ctx.refuse(link.at('uri'), `runbooks are staged in ${folder} here and ${String(artifacts.folder)} elsewhere; armgen stages them in one folder`);
    artifacts.folder = folder;
  }
  const path = `${folder}/${staged.file}`;
  const text = ctx.readArtifact?.(path);
  const starter = text === undefined ? undefined : matchStarter(ctx, String(entry.name), staged.file, text, clientIdVariables(resource));
  if (!starter) {
    entry.file = path;
    ctx.stagedFiles.push({ path, ...(text === undefined ? {} : { text }) });
    return;
  }
  entry.generate = starter.generate;
  if (starter.clientIdVariable) ctx.starterVariables.add(starter.clientIdVariable.toLowerCase());
  dropImpliedEnvironment(ctx, entry, String(starter.generate.flow));
}

/** The client-ID variables (`<identity>-clientId`) a runbook waits for. */
function clientIdVariables(resource: Fields): string[] {
  const raw = resource.value.dependsOn;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((d) => {
    const node = expressionOf(d);
    if (!isCall(node, 'resourceId') || node.args[0]?.k !== 'str' || node.args[0].v.toLowerCase() !== VARIABLES.toLowerCase()) return [];
    const last = node.args[node.args.length - 1];
    return last?.k === 'str' && last.v.endsWith('-clientId') ? [last.v] : [];
  });
}

/**
 * A starter in armgen's default environment for its flow (created for it: resolveRuntimeEnvironments.ts) is a
 * starter without `type` and `runtimeEnvironment`; the environment is then armgen's, not the config's.
 */
function dropImpliedEnvironment(ctx: ImportContext, entry: Record<string, unknown>, flow: string): void {
  const language: RuntimeLanguage = flow === 'python' ? 'Python' : 'PowerShell';
  const name = DEFAULT_RUNTIME[language].environmentName;
  const envs = ctx.draft.runtimeEnvironments ?? [];
  const at = envs.findIndex((e) => e.name === name && isImpliedEnvironment(e));
  if (entry.runtimeEnvironment !== name || (at < 0 && !ctx.impliedEnvironments.has(name))) return;
  if (at >= 0) envs.splice(at, 1);
  ctx.impliedEnvironments.add(name);
  delete entry.runtimeEnvironment;
  delete entry.type;
}

function order(entry: Record<string, unknown>): Record<string, unknown> {
  const keys = ['name', 'type', 'runtimeEnvironment', 'description', 'logVerbose', 'logProgress', 'logActivityTrace', 'dependsOn', 'tags', 'uri', 'file', 'version', 'generate'];
  return Object.fromEntries(keys.filter((k) => entry[k] !== undefined).map((k) => [k, entry[k]]));
}
