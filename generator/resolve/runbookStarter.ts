import type { GeneratedRunbook, Runbook } from '../model/config.generated.js';
import { bool, interp, obj, str } from '../model/expr.js';
import type { ResourceRef } from '../model/resourceRef.js';
import type { ResourceNode } from '../model/resolved.js';
import { didYouMean, suggestionHint } from '../util/didYouMean.js';
import { childNode, childRef, type AccountRef } from './children.js';
import type { ResolveContext } from './context.js';
import { adviseStarterModules, type PinnedItem } from './moduleAdvice.js';
import type { SymbolTable } from './names.js';
import type { ResolvedIdentity } from './resolveIdentities.js';
import type { RunbookRuntime } from './runbookRuntime.js';

const VARIABLE_TYPE = 'Microsoft.Automation/automationAccounts/variables';

export type StarterIdentity = { kind: 'system' } | { kind: 'user'; identity: ResolvedIdentity };

/** The identity a starter runbook signs in with, or undefined after reporting why it cannot. */
export function starterIdentity(
  ctx: ResolveContext,
  gen: GeneratedRunbook,
  at: string,
  input: { readonly account: AccountRef; readonly identities: ReadonlyMap<string, ResolvedIdentity> },
): StarterIdentity | undefined {
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

/** The flow must match the runtime's language; the Python starter needs Python 3 and the PowerShell one a script runbook. */
export function checkStarterRuntime(ctx: ResolveContext, rb: Runbook, gen: GeneratedRunbook, at: string, runtime: RunbookRuntime): void {
  const wanted = gen.flow === 'powershell' ? 'PowerShell' : 'Python';
  if (runtime.language === wanted && runtime.type !== 'Python2' && runtime.type !== 'PowerShellWorkflow') return;
  const fits = gen.flow === 'powershell' ? 'type PowerShell' : 'type Python with a Python runtime environment';
  ctx.error(`${at}/flow`, 'AG200', `the ${gen.flow} flow needs ${fits} (or no type: armgen's default ${wanted} environment); runbook '${rb.name}' is ${runtime.type}${runtime.environmentName ? ` in runtime environment '${runtime.environmentName}'` : ''}`);
}

/**
 * AG502 for a PowerShell starter that reads a Key Vault secret: the modules its runtime sees are the runtime
 * environment's packages, or the account's `modules` (PowerShell 5.1) / `powerShell72Modules` lists.
 */
export function adviseStarterRuntimeModules(ctx: ResolveContext, rb: Runbook, at: string, runtime: RunbookRuntime): void {
  if (rb.generate?.flow !== 'powershell' || !rb.generate.keyVaultSecret) return;
  let items: readonly PinnedItem[] = [];
  let where = '';
  if (runtime.environment) [items, where] = [runtime.environment.packages, `runtime environment '${runtime.environment.name}'`];
  else if (runtime.environmentName === undefined && runtime.type === 'PowerShell') [items, where] = [ctx.config.modules ?? [], 'modules: (PowerShell 5.1)'];
  else if (runtime.environmentName === undefined && runtime.type === 'PowerShell72') [items, where] = [ctx.config.powerShell72Modules ?? [], 'powerShell72Modules:'];
  adviseStarterModules(ctx, items, `${at}/keyVaultSecret`, where);
}

export interface ClientIdVariable {
  readonly name: string;
  readonly ref: ResourceRef;
  readonly resource: ResourceNode;
  readonly pointer: string;
}

/**
 * The Automation variable `<identity>-clientId` that holds a user-assigned identity's client ID for the starter
 * runbooks (one per identity, shared by every runbook that signs in with it).
 */
export function clientIdVariableFor(
  ctx: ResolveContext,
  symbols: SymbolTable,
  identity: ResolvedIdentity,
  cache: Map<string, ClientIdVariable>,
  account: AccountRef,
): ClientIdVariable {
  const existing = cache.get(identity.handle);
  if (existing) return existing;
  const name = `${identity.handle}-clientId`;
  const variableRef = childRef(ctx, account.ref, VARIABLE_TYPE, str(name), symbols.take(identity.handle, 'client', 'id', 'variable'));
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
