import { bool, call, member, num, obj, param, str, type Expr } from '../arm/expr.js';
import type { GeneratedRunbook, Runbook } from '../model/config.generated.js';
import type { ArmResource, Dependency, ExtraFile, TemplateParameter } from '../model/resolved.js';
import { renderStarterRunbook } from '../render/renderRunbooks.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import { accountChild, childDependency, type AccountRef } from './children.js';
import type { ResolveContext } from './context.js';
import { checkName, nameRules } from './nameRules.js';
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
  readonly dependency: Dependency;
}

export interface RunbookResolution {
  readonly resources: readonly ArmResource[];
  readonly parameters: readonly TemplateParameter[];
  readonly extraFiles: readonly ExtraFile[];
  /** By lower-cased name, for job schedules. */
  readonly runbooks: ReadonlyMap<string, ResolvedRunbook>;
  /** Automation variables armgen adds itself (client IDs), by lower-cased name, for collision checks. */
  readonly reservedVariables: ReadonlyMap<string, string>;
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
  const resources: ArmResource[] = [];
  const extraFiles: ExtraFile[] = [];
  const filePointers = new Map<string, string>();
  const runbooks = new Map<string, ResolvedRunbook>();
  const clientIdVariables = new Map<string, ClientIdVariable>();
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
    const symbol = symbols.take(rb.name, 'runbook');
    const dependency = childDependency(RUNBOOK_TYPE, account, str(rb.name), symbol);
    runbooks.set(rb.name.toLowerCase(), { name: rb.name, dependency });

    const sources = (['uri', 'file', 'generate'] as const).filter((k) => rb[k] !== undefined);
    if (sources.length !== 1) {
      ctx.error(pointer, 'AG200', `runbook '${rb.name}': give exactly one of uri, file or generate (got ${sources.length === 0 ? 'none' : sources.join(', ')})`);
      return;
    }
    if (rb.version !== undefined && rb.uri === undefined) ctx.error(`${pointer}/version`, 'AG200', 'version applies only to content given by uri');

    const environment = runtimeEnvironment(ctx, rb, pointer, api, input.environments);
    const language = environment?.language ?? (POWERSHELL_TYPES.has(rb.type) ? 'PowerShell' : PYTHON_TYPES.has(rb.type) ? 'Python' : undefined);
    const dependsOn: Dependency[] = [...(environment?.dependencies ?? [])];

    let contentUri: Expr | undefined;
    const stage = (path: string, content: string, at: string): Expr => {
      const other = filePointers.get(path.toLowerCase());
      if (other) ctx.error(at, 'AG302', `two runbooks would be written to ${path} (also ${other}); rename one of the files or runbooks`);
      filePointers.set(path.toLowerCase(), at);
      extraFiles.push({ path, content });
      staged = true;
      return call('uri', param(ARTIFACTS_LOCATION), call('concat', str(path), param(ARTIFACTS_SAS_TOKEN)));
    };
    if (rb.uri !== undefined) {
      contentUri = ctx.stringValue(rb.uri, `${pointer}/uri`);
    } else if (rb.file !== undefined) {
      const base = rb.file.split('/').pop()!;
      const ext = base.endsWith('.ps1') ? 'PowerShell' : 'Python';
      if (language !== undefined && language !== ext) {
        ctx.error(`${pointer}/file`, 'AG200', `runbook '${rb.name}' is a ${language} runbook (type ${rb.type}${environment ? `, runtime environment '${environment.name}'` : ''}) but ${rb.file} is a ${ext} script`);
      } else if (language === undefined) {
        ctx.error(`${pointer}/type`, 'AG200', `runbook type ${rb.type} cannot take a .ps1/.py file; use uri for graphical and script runbooks`);
      }
      const content = readScript(ctx, input.readFile, rb.file, `${pointer}/file`);
      contentUri = stage(`runbooks/${base}`, content ?? '', `${pointer}/file`);
    } else if (rb.generate !== undefined) {
      const gen = rb.generate;
      const at = `${pointer}/generate`;
      const wanted = gen.flow === 'powershell' ? 'PowerShell' : 'Python';
      if (language !== wanted || rb.type === 'Python2' || rb.type === 'PowerShellWorkflow') {
        ctx.error(`${at}/flow`, 'AG200', `the ${gen.flow} flow needs a ${gen.flow === 'powershell' ? 'PowerShell or PowerShell72' : 'Python3'} runbook (or a ${wanted} runtime environment); runbook '${rb.name}' is ${rb.type}`);
      }
      const identity = starterIdentity(ctx, gen, at, input);
      let clientIdVariable: string | null = null;
      if (identity?.kind === 'user') {
        const variable = clientIdVariableFor(identity.identity, clientIdVariables, account);
        clientIdVariable = variable.name;
        dependsOn.push(variable.dependency);
      }
      const content = renderStarterRunbook({
        flow: gen.flow,
        runbookName: rb.name,
        identity: identity?.kind === 'user' ? identity.identity.handle : null,
        userAssigned: identity?.kind === 'user',
        clientIdVariable,
        keyVault: gen.keyVaultSecret ? { vaultName: gen.keyVaultSecret.vaultName, secretName: gen.keyVaultSecret.secretName } : null,
      });
      contentUri = stage(`runbooks/${rb.name}.${gen.flow === 'powershell' ? 'ps1' : 'py'}`, content, at);
    }

    adviseModules(ctx, rb, pointer, environment, input.modules);
    resources.push(
      accountChild(ctx, account, {
        type: RUNBOOK_TYPE,
        symbol,
        short: str(rb.name),
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
  };

  function clientIdVariableFor(
    identity: ResolvedIdentity,
    cache: Map<string, ClientIdVariable>,
    acct: AccountRef,
  ): { name: string; dependency: Dependency } {
    const existing = cache.get(identity.handle);
    if (existing) return existing;
    const name = `${identity.handle}-clientId`;
    const symbol = symbols.take(identity.handle, 'client', 'id', 'variable');
    const dependency = childDependency(VARIABLE_TYPE, acct, str(name), symbol);
    const resource = accountChild(ctx, acct, {
      type: VARIABLE_TYPE,
      symbol,
      short: str(name),
      properties: obj({
        description: str(`Client ID of user-assigned identity '${identity.handle}', read by armgen's starter runbooks (Connect-AzAccount -Identity -AccountId).`),
        // Variable values are JSON: a string needs its quotes. A client ID is a GUID, so nothing needs escaping.
        value: call('concat', str('"'), identity.clientId, str('"')),
        isEncrypted: bool(false),
      }),
      dependsOn: identity.dependency ? [identity.dependency] : [],
    });
    const entry = { name, dependency, resource, pointer: identity.pointer };
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
      secure: false,
      description: 'URI of this template, or of its folder with a trailing slash: runbooks/ is resolved against it. Default: the URI the template was deployed from (set only for --template-uri deployments; pass it for local files).',
      defaultValue: member(call('deployment'), 'properties', 'templateLink', 'uri'),
    },
    {
      name: ARTIFACTS_SAS_TOKEN,
      type: 'securestring',
      secure: true,
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
  readonly dependency: Dependency;
  readonly resource: ArmResource;
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
