import { checkName, nameRules } from '../azure/naming.js';
import type { Runbook } from '../model/config.generated.js';
import { bool, call, interp, member, num, obj, param, str, type Expr } from '../model/expr.js';
import type { ResourceRef } from '../model/resourceRef.js';
import type { ExtraFile, ResourceNode, TemplateParameter } from '../model/resolved.js';
import type { RunbookSummary } from '../model/summary.js';
import { childNode, childRef, type AccountRef } from './children.js';
import type { ResolveContext } from './context.js';
import type { SymbolTable } from './names.js';
import type { ResolvedIdentity } from './resolveIdentities.js';
import type { ModuleResolution } from './resolveModules.js';
import type { ResolvedRuntimeEnvironment } from './resolveRuntimeEnvironments.js';
import { artifactsFolder } from './artifactsFolder.js';
import { adviseKeyVaultAccess } from './runbookAccess.js';
import { runbookDependencies } from './runbookDependencies.js';
import { runbookFileContent, type ReadFile } from './runbookFiles.js';
import { resolveRunbookRuntime, type RunbookRuntime } from './runbookRuntime.js';
import { adviseStarterRuntimeModules, checkStarterRuntime, clientIdVariableFor, starterIdentity, type ClientIdVariable } from './runbookStarter.js';
import { tagsValue } from './values.js';

const RUNBOOK_TYPE = 'Microsoft.Automation/automationAccounts/runbooks';

/** The quickstart convention for files staged next to the template (arm-ttk "artifacts parameter" rules). */
export const ARTIFACTS_LOCATION = '_artifactsLocation';
export const ARTIFACTS_SAS_TOKEN = '_artifactsLocationSasToken';

export type { FileRead, ReadFile } from './runbookFiles.js';

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
 * local `file:` (or a starter script armgen renders with `generate:`) is written to the artifacts folder
 * (`runbooks/` unless `artifacts.folder` says otherwise) beside the template and linked as
 * `uri(_artifactsLocation, '<folder>/<file>' + _artifactsLocationSasToken)`.
 */
export function resolveRunbooks(ctx: ResolveContext, symbols: SymbolTable, input: RunbookInput): RunbookResolution {
  const folder = artifactsFolder(ctx);
  const state: RunbookState = { folder, resources: [], extraFiles: [], filePointers: new Map(), runbooks: new Map(), clientIdVariables: new Map(), summaries: [], staged: false };
  (ctx.config.runbooks ?? []).forEach((rb, i) => resolveRunbook(ctx, symbols, input, state, rb, `/runbooks/${i}`));
  const variables = [...state.clientIdVariables.values()];
  return {
    resources: [...variables.map((v) => v.resource), ...state.resources],
    parameters: state.staged ? artifactsParameters(folder) : [],
    extraFiles: state.extraFiles,
    runbooks: state.runbooks,
    reservedVariables: new Map(variables.map((v) => [v.name.toLowerCase(), v.pointer])),
    summaries: state.summaries,
  };
}

/** What the runbooks of one config share while they are resolved. */
interface RunbookState {
  /** The folder staged files go to, inside the output folder. */
  readonly folder: string;
  readonly resources: ResourceNode[];
  readonly extraFiles: ExtraFile[];
  /** Staged file path (lower case) -> the pointer that wrote it. */
  readonly filePointers: Map<string, string>;
  readonly runbooks: Map<string, ResolvedRunbook>;
  readonly clientIdVariables: Map<string, ClientIdVariable>;
  readonly summaries: RunbookSummary[];
  staged: boolean;
}

function resolveRunbook(ctx: ResolveContext, symbols: SymbolTable, input: RunbookInput, state: RunbookState, rb: Runbook, pointer: string): void {
  const problem = checkName(nameRules.runbook, rb.name);
  if (problem) ctx.error(`${pointer}/name`, 'AG300', problem);
  if (state.runbooks.has(rb.name.toLowerCase())) {
    ctx.error(`${pointer}/name`, 'AG302', `runbook '${rb.name}' is declared twice (runbook names are case-insensitive)`);
    return;
  }
  const runbookRef = childRef(ctx, input.account.ref, RUNBOOK_TYPE, str(rb.name), symbols.take(rb.name, 'runbook'));
  state.runbooks.set(rb.name.toLowerCase(), { name: rb.name, ref: runbookRef });
  const sources = (['uri', 'file', 'generate'] as const).filter((k) => rb[k] !== undefined);
  if (sources.length !== 1) {
    ctx.error(pointer, 'AG200', `runbook '${rb.name}': give exactly one of uri, file or generate (got ${sources.length === 0 ? 'none' : sources.join(', ')})`);
    return;
  }
  const runtime = resolveRunbookRuntime(ctx, rb, pointer, input.environments);
  if (!runtime) return;
  const dependsOn: ResourceRef[] = [...(runtime.environment?.dependencies ?? []), ...runbookDependencies(ctx, rb, pointer, runtime, input)];
  const signsIn: { as?: string } = {};
  const contentUri = contentOf(ctx, symbols, input, state, { rb, pointer, runtime, dependsOn, signsIn });
  const secret = rb.generate?.keyVaultSecret;
  state.summaries.push({ name: rb.name, type: runtime.type, ...(signsIn.as ? { signsInAs: signsIn.as } : {}), ...(secret ? { keyVaultSecret: { vaultName: secret.vaultName, secretName: secret.secretName } } : {}) });
  adviseModules(ctx, rb, pointer, runtime, input.modules);
  state.resources.push(
    childNode(runbookRef, {
      location: input.account.location,
      ...(rb.tags === undefined ? {} : { tags: tagsValue(ctx, rb.tags, `${pointer}/tags`) }),
      properties: obj({
        runbookType: str(runtime.type),
        description: rb.description === undefined ? undefined : str(rb.description),
        logVerbose: bool(rb.logVerbose ?? false),
        logProgress: bool(rb.logProgress ?? false),
        logActivityTrace: rb.logActivityTrace === undefined ? undefined : num(rb.logActivityTrace),
        runtimeEnvironment: runtime.environmentName === undefined ? undefined : str(runtime.environmentName),
        publishContentLink: contentUri ? obj({ uri: contentUri, version: rb.version === undefined ? undefined : str(rb.version) }) : undefined,
      }),
      dependsOn,
    }),
  );
}

interface RunbookContext {
  readonly rb: Runbook;
  readonly pointer: string;
  readonly runtime: RunbookRuntime;
  /** The runbook's dependencies; a starter adds its client-ID variable. */
  readonly dependsOn: ResourceRef[];
  /** Who a starter signs in as ('system' or an identity's handle), for the summary. */
  readonly signsIn: { as?: string };
}

/** The content link: the given URI, a copied local file, or a rendered starter script (both staged next to the template). */
function contentOf(ctx: ResolveContext, symbols: SymbolTable, input: RunbookInput, state: RunbookState, c: RunbookContext): Expr | undefined {
  const { rb, pointer, runtime } = c;
  const stage = (file: ExtraFile, at: string): Expr => {
    const other = state.filePointers.get(file.path.toLowerCase());
    if (other) ctx.error(at, 'AG302', `two runbooks would be written to ${file.path} (also ${other}); rename one of the files or runbooks`);
    state.filePointers.set(file.path.toLowerCase(), at);
    state.extraFiles.push(file);
    state.staged = true;
    return call('uri', param(ARTIFACTS_LOCATION), interp(file.path, param(ARTIFACTS_SAS_TOKEN)));
  };
  const folder = state.folder;
  if (rb.uri !== undefined) return ctx.stringValue(rb.uri, `${pointer}/uri`);
  if (rb.file !== undefined) {
    const content = runbookFileContent(ctx, input.readFile, c);
    return stage({ kind: 'copy', path: `${folder}/${rb.file.split('/').pop()!}`, content }, `${pointer}/file`);
  }
  const gen = rb.generate!;
  const at = `${pointer}/generate`;
  checkStarterRuntime(ctx, rb, gen, at, runtime);
  adviseStarterRuntimeModules(ctx, rb, at, runtime);
  adviseKeyVaultAccess(ctx, rb.name, gen, at);
  const identity = starterIdentity(ctx, gen, at, input);
  if (identity) c.signsIn.as = identity.kind === 'user' ? identity.identity.handle : 'system';
  let clientIdVariable: string | null = null;
  if (identity?.kind === 'user') {
    const variable = clientIdVariableFor(ctx, symbols, identity.identity, state.clientIdVariables, input.account);
    clientIdVariable = variable.name;
    c.dependsOn.push(variable.ref);
  }
  const view = {
    flow: gen.flow,
    runbookName: rb.name,
    identity: identity?.kind === 'user' ? identity.identity.handle : null,
    userAssigned: identity?.kind === 'user',
    clientIdVariable,
    keyVault: gen.keyVaultSecret ? { vaultName: gen.keyVaultSecret.vaultName, secretName: gen.keyVaultSecret.secretName } : null,
  };
  return stage({ kind: 'starter', path: `${folder}/${rb.name}.${gen.flow === 'powershell' ? 'ps1' : 'py'}`, view }, at);
}

/** The two quickstart parameters: where the staged files live, and an optional SAS token for them. */
function artifactsParameters(folder: string): TemplateParameter[] {
  return [
    {
      name: ARTIFACTS_LOCATION,
      type: 'string',
      description: `URI of this template, or of its folder with a trailing slash: ${folder}/ is resolved against it. Default: the URI the template was deployed from (set only for --template-uri deployments; pass it for local files).`,
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

/** AG500: a PowerShell 7.2 runbook cannot see modules imported for PowerShell 5.1 only. */
function adviseModules(ctx: ResolveContext, rb: Runbook, pointer: string, runtime: RunbookRuntime, modules: ModuleResolution): void {
  if (runtime.type !== 'PowerShell72' || runtime.environmentName !== undefined) return;
  const only51 = (ctx.config.modules ?? []).map((m) => m.name).filter((n) => modules.ps51.has(n.toLowerCase()) && !modules.ps72.has(n.toLowerCase()));
  if (only51.length === 0) return;
  ctx.warn(
    `${pointer}/type`,
    'AG500',
    `PowerShell72 runbook '${rb.name}' cannot load modules imported for PowerShell 5.1 only (${only51.join(', ')}); add them under powerShell72Modules or give the runbook a runtime environment`,
  );
}
