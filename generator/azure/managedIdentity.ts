/**
 * User-assigned managed identities: facts armgen checks a created identity against.
 *
 * - `properties.isolationScope` (`None` | `Regional`) first appears in Microsoft.ManagedIdentity 2024-11-30 (absent
 *   from 2018-11-30, 2021-09-30-preview, 2022-01-31-preview, 2023-01-31, 2023-07-31-preview, 2025-01-31-preview):
 *   azure-resource-manager-schemas `schemas/<version>/Microsoft.ManagedIdentity.json#/definitions/UserAssignedIdentityProperties`.
 * - "The identity can only be used by source resources in the same region as the managed identity" for `Regional`;
 *   `None` is the default (learn.microsoft.com/entra/identity/managed-identities-azure-resources/managed-identities-isolation-scope).
 */
export const ISOLATION_SCOPE_SINCE = '2024-11-30';
export const ISOLATION_SCOPE_DOC = 'https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/managed-identities-isolation-scope';

/**
 * One spelling per region: ARM accepts a region's name (`westeurope`) and its display name (`West Europe`) in any
 * letter case, so two literals name the same region when they match without case and spaces.
 */
export function regionKey(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}
