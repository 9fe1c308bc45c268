import type { ResolveContext } from './context.js';

/** A module or package of one list, as the config gives it. */
export interface PinnedItem {
  readonly name: string;
  readonly version?: string;
}

/** Az.* modules and the Az roll-up: each needs the Az.Accounts of its own Az release (or newer). */
const AZ_MODULE = /^az(\..+)?$/i;

/**
 * The pinned Az.Accounts of a list, if any. Automation loads imported (custom) modules before its default ones,
 * so a pinned Az.Accounts is the one every Az module of that runtime gets (learn.microsoft.com/azure/automation/
 * shared-resources/modules, "custom modules take precedence").
 */
export function pinnedAzAccounts(items: readonly PinnedItem[]): PinnedItem | undefined {
  const accounts = items.find((m) => m.name.toLowerCase() === 'az.accounts');
  return accounts?.version === undefined ? undefined : accounts;
}

/**
 * AG502: Az.Accounts pinned while another Az module of the same list is not. An unpinned module imports its
 * latest version, whose manifest requires the latest Az.Accounts (e.g. Az.KeyVault 5.3.0 requires Az.Accounts
 * >= 2.19.0, Azure/azure-powershell#27000), so the pair cannot load together once the pin is older.
 */
export function adviseAzAccountsPin(ctx: ResolveContext, items: readonly PinnedItem[], pointer: string, what: string): void {
  const accounts = pinnedAzAccounts(items);
  if (!accounts) return;
  items.forEach((m, i) => {
    if (m === accounts || m.version !== undefined || !AZ_MODULE.test(m.name)) return;
    ctx.warn(
      `${pointer}/${i}/name`,
      'AG502',
      `${what} '${m.name}' is not pinned, so its latest version is imported, which needs the latest Az.Accounts, but Az.Accounts is pinned to ${accounts.version}: pin '${m.name}' to a version whose manifest accepts Az.Accounts ${accounts.version} (see (Find-Module ${m.name} -RequiredVersion <version>).Dependencies), or unpin Az.Accounts`,
    );
  });
}

/**
 * AG502: a starter runbook that reads a Key Vault secret (Get-AzKeyVaultSecret) runs where Az.Accounts is pinned
 * but Az.KeyVault is not imported: the runtime's default Az.KeyVault is newer than the pin allows (the seed article's
 * "currently 2.2.8" fails this way against today's defaults).
 */
export function adviseStarterModules(ctx: ResolveContext, items: readonly PinnedItem[], pointer: string, where: string): void {
  const accounts = pinnedAzAccounts(items);
  if (!accounts || items.some((m) => m.name.toLowerCase() === 'az.keyvault')) return;
  ctx.warn(
    pointer,
    'AG502',
    `the runbook reads a Key Vault secret with Get-AzKeyVaultSecret, but ${where} pins Az.Accounts ${accounts.version} and imports no Az.KeyVault: Automation loads the pinned Az.Accounts before its default modules, and the default Az.KeyVault may need a newer one; drop the Az.Accounts pin, or also import Az.KeyVault pinned to a version that accepts Az.Accounts ${accounts.version}`,
  );
}
