import type { StarterRunbookView } from '../../model/starterRunbook.js';
import { renderStarterRunbook } from '../../render/runbooks/renderRunbooks.js';
import type { ImportContext } from '../importContext.js';

/** A starter runbook's `generate:` entry, recovered from its staged script. */
export interface StarterMatch {
  readonly generate: Record<string, unknown>;
  /** The client-ID variable the starter reads (a user-assigned identity), re-created by armgen with it. */
  readonly clientIdVariable?: string;
}

/** The literal after `$vaultName = ` (PowerShell, single-quoted) or `KEY_VAULT_NAME = ` (Python, JSON-quoted). */
function keyVaultOf(flow: StarterRunbookView['flow'], text: string): StarterRunbookView['keyVault'] {
  const pick = (re: RegExp): string | undefined => {
    const m = re.exec(text);
    if (!m) return undefined;
    if (flow === 'powershell') return m[1]!.replace(/(['\u2018\u2019\u201A\u201B])\1/g, '$1');
    try {
      return JSON.parse(m[1]!) as string;
    } catch {
      return undefined;
    }
  };
  const [vault, secret] =
    flow === 'powershell'
      ? [pick(/^\$vaultName = '((?:[^'\u2018-\u201B]|(['\u2018-\u201B])\2)*)'$/m), pick(/^\$secretName = '((?:[^'\u2018-\u201B]|(['\u2018-\u201B])\2)*)'$/m)]
      : [pick(/^KEY_VAULT_NAME = ("(?:[^"\\]|\\.)*")$/m), pick(/^SECRET_NAME = ("(?:[^"\\]|\\.)*")$/m)];
  return vault !== undefined && secret !== undefined ? { vaultName: vault, secretName: secret } : null;
}

/**
 * Is this staged script armgen's starter for the runbook? The candidate `generate:` (flow from the extension, the
 * identity from the client-ID variable the runbook waits for, else the system identity, the Key Vault secret named in
 * the script) is rendered with armgen's own starter template and must give the same bytes: a script anyone edited
 * is not a starter, and is imported as a `file:` runbook instead.
 */
export function matchStarter(ctx: ImportContext, runbookName: string, file: string, text: string, clientIdVariables: readonly string[]): StarterMatch | undefined {
  const flow = file === `${runbookName}.ps1` ? 'powershell' : file === `${runbookName}.py` ? 'python' : undefined;
  if (!flow) return undefined;
  const keyVault = keyVaultOf(flow, text);
  const handles = new Set([...ctx.identities.values()].map((i) => i.handle));
  const users = clientIdVariables.filter((v) => handles.has(v.replace(/-clientId$/, '')));
  const candidates: (string | null)[] = users.length > 0 ? users : [null];
  for (const variable of candidates) {
    const identity = variable === null ? null : variable.replace(/-clientId$/, '');
    const view: StarterRunbookView = { flow, runbookName, identity, userAssigned: identity !== null, clientIdVariable: variable, keyVault };
    if (renderStarterRunbook(view) !== text) continue;
    const generate: Record<string, unknown> = { flow, identity: identity ?? 'system' };
    if (keyVault) generate.keyVaultSecret = { ...keyVault };
    return { generate, ...(variable === null ? {} : { clientIdVariable: variable }) };
  }
  return undefined;
}
