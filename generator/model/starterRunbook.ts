/** What a starter-runbook template sees: plain values, each escaped by the helper that places it. */
export interface StarterRunbookView {
  readonly flow: 'powershell' | 'python';
  readonly runbookName: string;
  /** The user-assigned identity's config name, or null for the system-assigned identity. */
  readonly identity: string | null;
  readonly userAssigned: boolean;
  /** Automation variable that holds the user-assigned identity's client ID (null for system). */
  readonly clientIdVariable: string | null;
  readonly keyVault: { readonly vaultName: string; readonly secretName: string } | null;
}
