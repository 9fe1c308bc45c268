import { checkName, nameRules } from '../azure/naming.js';
import type { GeneratedRunbook, Runbook } from '../model/config.generated.js';
import { bool, call, interp, member, num, obj, param, str, type Expr } from '../model/expr.js';
import type { ResourceRef } from '../model/resourceRef.js';
import type { ExtraFile, ResourceNode, TemplateParameter } from '../model/resolved.js';
import type { RunbookSummary } from '../model/summary.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import { childNode, childRef, type AccountRef } from './children.js';
import type { ResolveContext } from './context.js';
import type { SymbolTable } from './names.js';
import type { ResolvedIdentity } from './resolveIdentities.js';
import type { ModuleResolution } from './resolveModules.js';
import type { ResolvedRuntimeEnvironment } from './resolveRuntimeEnvironments.js';
import { tagsValue } from './values.js';

const RUNBOOK_TYPE = 'Microsoft.Automation/automationAccounts/runbooks';
const VARIABLE_TYPE = 'Microsoft.Automation/automationAccounts/variables';
/** `properties.runtimeEnvironment` exists on runbooks from this API version (official schemas). */
const RUNTIME_ENVIRONMENT_SINCE = '2024-10-23';

/** The quickstart convention for files staged next to the template (arm-ttk "artifacts parameter" rules). */
export const ARTIFACTS_LOCATION = '_artifactsLocation';
export const ARTIFACTS_SAS_TOKEN = '_artifactsLocationSasToken';

/** What reading a file gave: its text, or why not, as the rest of a sentence ("is a symbolic link"). */
export type FileRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** Reads a file named relative to the config file. */
export type ReadFile = (relativePath: string) => FileRead;

const POWERSHELL_TYPES = new Set<Runbook['type']>(['PowerShell', 'PowerShell72', 'PowerShellWorkflow']);
const PYTHON_TYPES = new Set<Runbook['type']>(['Python2', 'Python3']);

export interface ResolvedRunbook {
  readonly name: string;
  readonly ref: ResourceRef;
}

export interface RunbookResolution {
  readonly resources: readonly ResourceNode[];
  readonly parameters: readonly TemplateParameter[];
  readonly extraFiles: readonly ExtraFile[];
  /** By lower-cased name, for job schedules. */
  readonly runbooks: ReadonlyMap<string, ResolvedRunbook>;
  /** Automation variables armgen adds itself (client IDs), by lower-cased name, for collision checks. */
  readonly reservedVariables: ReadonlyMap<string, string>;
  /** Each runbook and who it signs in as, for the deployment summary. */
  readonly summaries: readonly RunbookSummary[];
}

export interface RunbookInput {
  readonly account: AccountRef;
  readonly identities: ReadonlyMap<string, ResolvedIdentity>;
  readonly environments: ReadonlyMap<string, ResolvedRuntimeEnvironment>;
  readonly modules: ModuleResolution;
  readonly readFile?: ReadFile;
}

/**
 * `runbooks:` -> runbook resources whose content is linked by URI. ARM cannot upload inline content, so a
 * local `file:` (or a starter script armgen renders with `generate:`) is written to `runbooks/` beside the
 * template and linked as `uri(_artifactsLocation, 'runbooks/<file>' + _artifactsLocationSasToken)`.
 */
export function resolveRunbooks(ctx: ResolveContext, symbols: SymbolTable, input: RunbookInput): RunbookResolution {
  const { account } = input;
  const resources: ResourceNode[] = [];
  const extraFiles: ExtraFile[] = [];
  const filePointers = new Map<string, string>();
  const runbooks = new Map<string, ResolvedRunbook>();
  const clientIdVariables = new Map<string, ClientIdVariable>();
  const summaries: RunbookSummary[] = [];
  let staged = false;
  const api = ctx.api(RUNBOOK_TYPE);

  (ctx.config.runbooks ?? []).forEach((rb, i) => {
    const pointer = `/runbooks/${i}`;
    const problem = checkName(nameRules.runbook, rb.name);
    if (problem) ctx.error(`${pointer}/name`, 'AG300', problem);
    if (runbooks.has(rb.name.toLowerCase())) {
      ctx.error(`${pointer}/name`, 'AG302', `runbook '${rb.name}' is declared twice (runbook names are case-insensitive)`);
      return;
    }
    const runbookRef = childRef(ctx, account.ref, RUNBOOK_TYPE, str(rb.name), symbols.take(rb.name, 'runbook'));
    runbooks.set(rb.name.toLowerCase(), { name: rb.name, ref: runbookRef });

    const sources = (['uri', 'file', 'generate'] as const).filter((k) => rb[k] !== undefined);
    if (sources.length !== 1) {
      ctx.error(pointer, 'AG200', `runbook '${rb.name}': give exactly one of uri, file or generate (got ${sources.length === 0 ? 'none' : sources.join(', ')})`);
      return;
    }
    if (rb.version !== undefined && rb.uri === undefined) ctx.error(`${pointer}/version`, 'AG200', 'version applies only to content given by uri');

    const environment = runtimeEnvironment(ctx, rb, pointer, api, input.environments);
    const language = environment?.language ?? (POWERSHELL_TYPES.has(rb.type) ? 'PowerShell' : PYTHON_TYPES.has(rb.type) ? 'Python' : undefined);
    const dependsOn: ResourceRef[] = [...(environment?.dependencies ?? [])];

    let contentUri: Expr | undefined;
    const stage = (file: ExtraFile, at: string): Expr => {
      const other = filePointers.get(file.path.toLowerCase());
      if (other) ctx.error(at, 'AG302', `two runbooks would be written to ${file.path} (also ${other}); rename one of the files or runbooks`);
      filePointers.set(file.path.toLowerCase(), at);
      extraFiles.push(file);
      staged = true;
      return call('uri', param(ARTIFACTS_LOCATION), interp(file.path, param(ARTIFACTS_SAS_TOKEN)));
    };
    if (rb.uri !== undefined) {
      contentUri = ctx.stringValue(rb.uri, `${pointer}/uri`);
      summaries.push({ name: rb.name, type: rb.type });
    } else if (rb.file !== undefined) {
      const base = rb.file.split('/').pop()!;
      const ext = base.endsWith('.ps1') ? 'PowerShell' : 'Python';
      if (language !== undefined && language !== ext) {
        ctx.error(`${pointer}/file`, 'AG200', `runbook '${rb.name}' is a ${language} runbook (type ${rb.type}${environment ? `, runtime environment '${environment.name}'` : ''}) but ${rb.file} is a ${ext} script`);
      } else if (language === undefined) {
        ctx.error(`${pointer}/type`, 'AG200', `runbook type ${rb.type} cannot take a .ps1/.py file; use uri for graphical and script runbooks`);
      }
      const content = readScript(ctx, input.readFile, rb.file, `${pointer}/file`);
      summaries.push({ name: rb.name, type: rb.type });
      contentUri = stage({ kind: 'copy', path: `runbooks/${base}`, content: content ?? '' }, `${pointer}/file`);
    } else if (rb.generate !== undefined) {
      const gen = rb.generate;
      const at = `${pointer}/generate`;
      const wanted = gen.flow === 'powershell' ? 'PowerShell' : 'Python';
      if (language !== wanted || rb.type === 'Python2' || rb.type === 'PowerShellWorkflow') {
        ctx.error(`${at}/flow`, 'AG200', `the ${gen.flow} flow needs a ${gen.flow === 'powershell' ? 'PowerShell or PowerShell72' : 'Python3'} runbook (or a ${wanted} runtime environment); runbook '${rb.name}' is ${rb.type}`);
      }
      const identity = starterIdentity(ctx, gen, at, input);
      summaries.push({
        name: rb.name,
        type: rb.type,
        ...(identity ? { signsInAs: identity.kind === 'user' ? identity.identity.handle : 'system' } : {}),
        ...(gen.keyVaultSecret ? { keyVaultSecret: { vaultName: gen.keyVaultSecret.vaultName, secretName: gen.keyVaultSecret.secretName } } : {}),
      });
      let clientIdVariable: string | null = null;
      if (identity?.kind === 'user') {
        const variable = clientIdVariableFor(identity.identity, clientIdVariables, account);
        clientIdVariable = variable.name;
        dependsOn.push(variable.ref);
      }
      const view = {
        flow: gen.flow,
        runbookName: rb.name,
        identity: identity?.kind === 'user' ? identity.identity.handle : null,
        userAssigned: identity?.kind === 'user',
        clientIdVariable,
        keyVault: gen.keyVaultSecret ? { vaultName: gen.keyVaultSecret.vaultName, secretName: gen.keyVaultSecret.secretName } : null,
      };
      contentUri = stage({ kind: 'starter', path: `runbooks/${rb.name}.${gen.flow === 'powershell' ? 'ps1' : 'py'}`, view }, at);
    }

    adviseModules(ctx, rb, pointer, environment, input.modules);
    resources.push(
      childNode(runbookRef, {
        location: account.location,
        ...(rb.tags === undefined ? {} : { tags: tagsValue(ctx, rb.tags, `${pointer}/tags`) }),
        properties: obj({
          runbookType: str(rb.type),
          description: rb.description === undefined ? undefined : str(rb.description),
          logVerbose: bool(rb.logVerbose ?? false),
          logProgress: bool(rb.logProgress ?? false),
          logActivityTrace: rb.logActivityTrace === undefined ? undefined : num(rb.logActivityTrace),
          runtimeEnvironment: rb.runtimeEnvironment === undefined ? undefined : str(environment?.name ?? rb.runtimeEnvironment),
          publishContentLink: contentUri ? obj({ uri: contentUri, version: rb.version === undefined ? undefined : str(rb.version) }) : undefined,
        }),
        dependsOn,
      }),
    );
  });

  const variableResources = [...clientIdVariables.values()].map((v) => v.resource);
  return {
    resources: [...variableResources, ...resources],
    parameters: staged ? artifactsParameters() : [],
    extraFiles,
    runbooks,
    reservedVariables: new Map([...clientIdVariables.values()].map((v) => [v.name.toLowerCase(), v.pointer])),
    summaries,
  };

  function clientIdVariableFor(
    identity: ResolvedIdentity,
    cache: Map<string, ClientIdVariable>,
    acct: AccountRef,
  ): { name: string; ref: ResourceRef } {
    const existing = cache.get(identity.handle);
    if (existing) return existing;
    const name = `${identity.handle}-clientId`;
    const variableRef = childRef(ctx, acct.ref, VARIABLE_TYPE, str(name), symbols.take(identity.handle, 'client', 'id', 'variable'));
    const resource = childNode(variableRef, {
      properties: obj({
        description: str(`Client ID of user-assigned identity '${identity.handle}', read by armgen's starter runbooks (Connect-AzAccount -Identity -AccountId).`),
        // Variable values are JSON: a string needs its quotes. A client ID is a GUID, so nothing needs escaping.
        value: interp('"', identity.clientId, '"'),
        isEncrypted: bool(false),
      }),
      dependsOn: identity.ref.created ? [identity.ref] : [],
    });
    const entry = { name, ref: variableRef, resource, pointer: identity.pointer };
    cache.set(identity.handle, entry);
    return entry;
  }
}

/** The two quickstart parameters: where the staged files live, and an optional SAS token for them. */
function artifactsParameters(): TemplateParameter[] {
  return [
    {
      name: ARTIFACTS_LOCATION,
      type: 'string',
      description: 'URI of this template, or of its folder with a trailing slash: runbooks/ is resolved against it. Default: the URI the template was deployed from (set only for --template-uri deployments; pass it for local files).',
      defaultValue: member(call('deployment'), 'properties', 'templateLink', 'uri'),
    },
    {
      name: ARTIFACTS_SAS_TOKEN,
      type: 'securestring',
      description: 'SAS token (starting with ?) for _artifactsLocation when it is a private storage container; empty otherwise.',
      defaultValue: str(''),
    },
  ];
}

function readScript(ctx: ResolveContext, readFile: ReadFile | undefined, path: string, pointer: string): string | undefined {
  if (!readFile) {
    ctx.error(pointer, 'AG100', `cannot read ${path}: runbook files are read by the CLI, and this caller gave no file access`);
    return undefined;
  }
  const read = readFile(path);
  if (!read.ok) ctx.error(pointer, 'AG100', `cannot read runbook file ${path} (relative to the config file): it ${read.reason}`);
  return read.ok ? read.text : undefined;
}

function runtimeEnvironment(
  ctx: ResolveContext,
  rb: Runbook,
  pointer: string,
  api: string,
  environments: ReadonlyMap<string, ResolvedRuntimeEnvironment>,
): ResolvedRuntimeEnvironment | undefined {
  if (rb.runtimeEnvironment === undefined) return undefined;
  if (api < RUNTIME_ENVIRONMENT_SINCE) {
    ctx.error(`${pointer}/runtimeEnvironment`, 'AG304', `runtimeEnvironment needs ${RUNBOOK_TYPE} ${RUNTIME_ENVIRONMENT_SINCE} or later (apiVersions pins ${api})`);
  }
  const env = environments.get(rb.runtimeEnvironment.toLowerCase());
  if (!env) return undefined; // an environment that already exists in the account (e.g. the built-in PowerShell-7.2)
  const typeLanguage = POWERSHELL_TYPES.has(rb.type) ? 'PowerShell' : PYTHON_TYPES.has(rb.type) ? 'Python' : undefined;
  if (typeLanguage !== undefined && typeLanguage !== env.language) {
    ctx.error(`${pointer}/runtimeEnvironment`, 'AG200', `runbook '${rb.name}' is ${rb.type} but runtime environment '${env.name}' runs ${env.language}`);
  }
  return env;
}

interface ClientIdVariable {
  readonly name: string;
  readonly ref: ResourceRef;
  readonly resource: ResourceNode;
  readonly pointer: string;
}

type StarterIdentity = { kind: 'system' } | { kind: 'user'; identity: ResolvedIdentity };

function starterIdentity(ctx: ResolveContext, gen: GeneratedRunbook, at: string, input: RunbookInput): StarterIdentity | undefined {
  if (gen.identity === 'system') {
    if (!input.account.systemAssigned) {
      ctx.error(`${at}/identity`, 'AG306', `the runbook signs in with the system-assigned identity, which is off; set automationAccount.identity.systemAssigned: true`);
    }
    return { kind: 'system' };
  }
  const identity = input.identities.get(gen.identity);
  if (!identity) {
    const hint = suggestionHint(didYouMean(gen.identity, ['system', ...input.identities.keys()]));
    ctx.error(`${at}/identity`, 'AG301', `unknown identity '${gen.identity}'.${hint || " Use 'system' or a name under identities:"}`);
    return undefined;
  }
  if (!input.account.attached.has(gen.identity)) {
    ctx.error(`${at}/identity`, 'AG306', `identity '${gen.identity}' is not attached to the account, so a runbook cannot sign in with it; add it to automationAccount.identity.userAssigned`);
  }
  return { kind: 'user', identity };
}

/** AG500: a PowerShell 7.2 runbook cannot see modules imported for PowerShell 5.1 only. */
function adviseModules(ctx: ResolveContext, rb: Runbook, pointer: string, environment: ResolvedRuntimeEnvironment | undefined, modules: ModuleResolution): void {
  if (rb.type !== 'PowerShell72' || environment !== undefined || rb.runtimeEnvironment !== undefined) return;
  const only51 = (ctx.config.modules ?? []).map((m) => m.name).filter((n) => modules.ps51.has(n.toLowerCase()) && !modules.ps72.has(n.toLowerCase()));
  if (only51.length === 0) return;
  ctx.warn(
    `${pointer}/type`,
    'AG500',
    `PowerShell72 runbook '${rb.name}' cannot load modules imported for PowerShell 5.1 only (${only51.join(', ')}); add them under powerShell72Modules or give the runbook a runtime environment`,
  );
}
