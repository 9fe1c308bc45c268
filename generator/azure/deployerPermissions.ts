/**
 * What the principal that runs a deployment (a person, or a pipeline's service principal) must be allowed to do,
 * per kind of thing a template does, and what must already be true of resources outside it. Each rule names the
 * exact action Azure checks, the built-in roles that include it (display names of roles/builtinRoles.json, least
 * privileged first; checked by test/unit/azure/deployerPermissions.test.ts) and the Microsoft page that says so.
 * Roles are listed only where the role's definition on learn.microsoft.com shows the action.
 */

import { PRIVATE_ENDPOINT_DNS_DOC, PRIVATE_ENDPOINT_PLACEMENT_DOC } from './privateLink.js';

interface PermissionRule {
  /** The action string as Azure checks it (a wildcard where the docs ask for one). */
  readonly action: string;
  /** Built-in roles whose definition includes the action, least privileged first. */
  readonly roles: readonly string[];
  /** The Microsoft page that states the requirement. */
  readonly doc: string;
}

const RBAC_ROLES_DOC = 'https://learn.microsoft.com/azure/role-based-access-control/built-in-roles';

/**
 * The rules. `Contributor` is `*` minus `Microsoft.Authorization/*\/Write` and `…/Delete`: it covers every write
 * here except role assignments and locks (built-in-roles/privileged). `User Access Administrator` is `*\/read`,
 * `Microsoft.Authorization/*`, `Microsoft.Support/*`, and `Role Based Access Control Administrator` is
 * `roleAssignments/write|delete`, `*\/read`, `Microsoft.Support/*`: neither can start a deployment.
 */
export const deployerPermissions = {
  /**
   * "To deploy a Bicep file or ARM template, you need write access on the resources you're deploying and access to
   * all operations on the Microsoft.Resources/deployments resource type" — at every scope a deployment is created
   * in, so also where a nested deployment (module) goes.
   */
  deployments: {
    action: 'Microsoft.Resources/deployments/*',
    roles: ['Automation Contributor', 'Contributor', 'Owner'],
    doc: 'https://learn.microsoft.com/azure/azure-resource-manager/templates/deploy-powershell#required-permissions',
  },
  /** The account and its children (runbooks, modules, schedules, variables...): Automation Contributor has `automationAccounts/*`. */
  automationAccount: {
    action: 'Microsoft.Automation/automationAccounts/*',
    roles: ['Automation Contributor', 'Contributor', 'Owner'],
    doc: `${RBAC_ROLES_DOC}/management-and-governance#automation-contributor`,
  },
  /** "To create or delete user-assigned managed identities, you need the Managed Identity Contributor role assignment." */
  createIdentity: {
    action: 'Microsoft.ManagedIdentity/userAssignedIdentities/write',
    roles: ['Managed Identity Contributor', 'Contributor', 'Owner'],
    doc: 'https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/managed-identities-faq',
  },
  /** Federated credentials are children of the identity; Managed Identity Contributor lists their write action. */
  federatedCredentials: {
    action: 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials/write',
    roles: ['Managed Identity Contributor', 'Contributor', 'Owner'],
    doc: `${RBAC_ROLES_DOC}/identity#managed-identity-contributor`,
  },
  /**
   * "Assigning user-assigned managed identities to resources: You need write permissions over the resource ... You'll
   * also need Microsoft.ManagedIdentity/userAssignedIdentities/*\/assign/action action over the user-assigned identity.
   * This action is included in the Managed Identity Operator built-in role." (Managed Identity Contributor does not
   * list it: built-in-roles/identity.)
   */
  assignIdentity: {
    action: 'Microsoft.ManagedIdentity/userAssignedIdentities/*/assign/action',
    roles: ['Managed Identity Operator', 'Contributor', 'Owner'],
    doc: 'https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/managed-identities-faq',
  },
  /**
   * "To assign Azure roles, you must have Microsoft.Authorization/roleAssignments/write permissions, such as Role Based
   * Access Control Administrator or User Access Administrator." Contributor cannot.
   */
  roleAssignments: {
    action: 'Microsoft.Authorization/roleAssignments/write',
    roles: ['Role Based Access Control Administrator', 'User Access Administrator', 'Owner'],
    doc: 'https://learn.microsoft.com/azure/role-based-access-control/role-assignments-template#prerequisites',
  },
  /**
   * "To create or delete management locks, you must have access to Microsoft.Authorization/* or
   * Microsoft.Authorization/locks/* actions. Of the built-in roles, only Owner and User Access Administrator are
   * granted those actions." (The newer Locks Contributor is not listed: its definition was not verified.)
   */
  locks: {
    action: 'Microsoft.Authorization/locks/write',
    roles: ['User Access Administrator', 'Owner'],
    doc: 'https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources#who-can-create-or-delete-locks',
  },
  /** Diagnostic settings are extension resources of the account; Automation Contributor has `Microsoft.Insights/diagnosticSettings/*`. */
  diagnosticSettings: {
    action: 'Microsoft.Insights/diagnosticSettings/write',
    roles: ['Automation Contributor', 'Contributor', 'Owner'],
    doc: `${RBAC_ROLES_DOC}/management-and-governance#automation-contributor`,
  },
  /**
   * The HybridWorker extension on a worker VM (hybridWorkerGroups installExtension) is a child of the VM: its write
   * action is on the VM. Virtual Machine Contributor's definition has `Microsoft.Compute/virtualMachines/*`.
   */
  vmExtension: {
    action: 'Microsoft.Compute/virtualMachines/extensions/write',
    roles: ['Virtual Machine Contributor', 'Contributor', 'Owner'],
    doc: `${RBAC_ROLES_DOC}/compute#virtual-machine-contributor`,
  },
  /**
   * A Key Vault reference in a parameter file: "The user who deploys the template must have the
   * Microsoft.KeyVault/vaults/deploy/action permission for the scope of the resource group and key vault. The Owner and
   * Contributor roles both grant this access."
   */
  keyVaultDeploy: {
    action: 'Microsoft.KeyVault/vaults/deploy/action',
    roles: ['Contributor', 'Owner'],
    doc: 'https://learn.microsoft.com/azure/azure-resource-manager/templates/key-vault-parameter#grant-deployment-access-to-the-secrets',
  },
  /**
   * Private endpoints: "Microsoft.Network/privateEndpoints/write: Creates a new private endpoint, or updates an existing
   * private endpoint" and "Microsoft.Network/virtualNetworks/subnets/join/action: Joins a virtual network" are among the
   * permissions the private-link RBAC page lists; Network Contributor has `Microsoft.Network/*`.
   */
  privateEndpoints: {
    action: 'Microsoft.Network/privateEndpoints/write',
    roles: ['Network Contributor', 'Contributor', 'Owner'],
    doc: 'https://learn.microsoft.com/azure/private-link/rbac-permissions#private-endpoint',
  },
  joinSubnet: {
    action: 'Microsoft.Network/virtualNetworks/subnets/join/action',
    roles: ['Network Contributor', 'Contributor', 'Owner'],
    doc: 'https://learn.microsoft.com/azure/private-link/rbac-permissions#private-endpoint',
  },
  /** A DNS zone group writes the endpoint's records into the zone: join/action on it (Private DNS Zone Contributor has `Microsoft.Network/privateDnsZones/*`). */
  joinPrivateDnsZone: {
    action: 'Microsoft.Network/privateDnsZones/join/action',
    roles: ['Private DNS Zone Contributor', 'Network Contributor', 'Contributor', 'Owner'],
    doc: `${RBAC_ROLES_DOC}/networking#private-dns-zone-contributor`,
  },
  /**
   * A connection is "Automatically approved when you own or have permission on the specific private link resource. The
   * required permission is based on the private link resource type in the following format:
   * Microsoft.<Provider>/<resource_type>/privateEndpointConnectionApproval/action"; without it, request manual approval.
   */
  approvePrivateEndpoint: {
    action: 'Microsoft.Automation/automationAccounts/privateEndpointConnectionApproval/action',
    roles: ['Automation Contributor', 'Contributor', 'Owner'],
    doc: 'https://learn.microsoft.com/azure/private-link/private-endpoint-overview#access-to-a-private-link-resource-using-approval-workflow',
  },
  /** Log Analytics Contributor has `Microsoft.OperationalInsights/*`: workspaces and their linked services. */
  createWorkspace: {
    action: 'Microsoft.OperationalInsights/workspaces/write',
    roles: ['Log Analytics Contributor', 'Contributor', 'Owner'],
    doc: `${RBAC_ROLES_DOC}/monitor#log-analytics-contributor`,
  },
  linkWorkspace: {
    action: 'Microsoft.OperationalInsights/workspaces/linkedServices/write',
    roles: ['Log Analytics Contributor', 'Contributor', 'Owner'],
    doc: `${RBAC_ROLES_DOC}/monitor#log-analytics-contributor`,
  },
} as const satisfies Record<string, PermissionRule>;

export type PermissionRuleId = keyof typeof deployerPermissions;

/** A condition on a resource outside the template, with the page that states it. */
interface Prerequisite {
  readonly requirement: string;
  readonly doc: string;
}

export const deployPrerequisites = {
  /** "To access a key vault during template deployment, set enabledForTemplateDeployment on the key vault to true." */
  keyVaultTemplateDeployment: {
    requirement: 'enabledForTemplateDeployment: true on the vault, so Resource Manager may read the secret during the deployment',
    doc: 'https://learn.microsoft.com/azure/azure-resource-manager/templates/key-vault-parameter#deploy-key-vaults-and-secrets',
  },
  /** Every Key Vault data-plane role "only works for key vaults that use the 'Azure role-based access control' permission model". */
  keyVaultRbacModel: {
    requirement: "the vault uses the Azure RBAC permission model (enableRbacAuthorization: true): Key Vault data-plane roles have no effect on a vault that uses access policies",
    doc: 'https://learn.microsoft.com/azure/key-vault/general/rbac-guide#azure-built-in-roles-for-key-vault-data-plane-operations',
  },
  /**
   * Automation CMK: soft delete and purge protection on the vault, an RSA key, and get/wrapKey/unwrapKey on it for the
   * account's identity (in the RBAC model: Key Vault Crypto Service Encryption User, wrap/unwrap only), granted
   * before encryption is switched on.
   */
  customerManagedKey: {
    requirement: 'soft delete and purge protection on the vault, an RSA key, and get, wrapKey and unwrapKey on that key for the identity (Key Vault Crypto Service Encryption User in the RBAC model), granted before this deployment',
    doc: 'https://learn.microsoft.com/azure/automation/automation-secure-asset-encryption',
  },
  /**
   * A worker VM that gets the HybridWorker extension: "The system-assigned managed identity must be enabled on the Azure
   * virtual machine"; "A selected machine won't be added to a hybrid worker group if it is already part of another
   * hybrid worker group"; outbound 443 to *.azure-automation.net (extension-based-hybrid-runbook-worker-install).
   */
  hybridWorkerVm: {
    requirement: "the VM's system-assigned managed identity is enabled, the VM is in no other hybrid worker group, and it reaches *.azure-automation.net on port 443 (or the account through a private endpoint)",
    doc: 'https://learn.microsoft.com/azure/automation/extension-based-hybrid-runbook-worker-install',
  },
  /**
   * Source control: "Assign the user assigned or system-assigned managed identity to the Contributor role in the
   * Automation account", and a token with the minimum permissions the page lists (source-control-integration).
   */
  sourceControlSync: {
    requirement: 'the identity the sync runs as holds Contributor on the Automation account, and the token has the minimum scopes the page lists for the repository type (more for autoSync)',
    doc: 'https://learn.microsoft.com/azure/automation/source-control-integration',
  },
  /** A generated runbook that reads a secret signs in as its identity, which needs secret get on the vault. */
  runbookSecret: {
    requirement: 'the identity can read the secret: get on secrets (Key Vault Secrets User in the RBAC model)',
    doc: 'https://learn.microsoft.com/azure/key-vault/general/rbac-guide#azure-built-in-roles-for-key-vault-data-plane-operations',
  },
  /** "The private endpoint must be deployed in the same region and subscription as the virtual network." */
  privateEndpointNetwork: {
    requirement: "the subnet's virtual network is in the endpoint's region and subscription (the Automation account may be in another region)",
    doc: PRIVATE_ENDPOINT_PLACEMENT_DOC,
  },
  /** A zone resolves only in the virtual networks it is linked to. */
  privateDnsZoneLink: {
    requirement: 'the zone has a virtual network link to each network whose clients call the account, so they resolve its host names to the private addresses',
    doc: PRIVATE_ENDPOINT_DNS_DOC,
  },
} as const satisfies Record<string, Prerequisite>;

/**
 * Key Vault's data-plane built-in roles, by role definition GUID: each "only works for key vaults that use the 'Azure
 * role-based access control' permission model" (rbac-guide, "Azure built-in roles for Key Vault data plane
 * operations"). Key Vault Contributor and Key Vault Data Access Administrator are control-plane roles, not listed.
 */
export const KEY_VAULT_DATA_ROLES: ReadonlySet<string> = new Set([
  '00482a5a-887f-4fb3-b363-3b7fe8e74483', // Key Vault Administrator
  'a4417e6f-fecd-4de8-b567-7b0420556985', // Key Vault Certificates Officer
  'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba', // Key Vault Certificate User
  '14b46e9e-c2b7-41b4-b07b-48a6ebf60603', // Key Vault Crypto Officer
  'e147488a-f6f5-4113-8e2d-b22465e65bf6', // Key Vault Crypto Service Encryption User
  '08bbd89e-9f13-488c-ac41-acfcb10c90ab', // Key Vault Crypto Service Release User
  '12338af0-0e69-4776-bea7-57ae8d297424', // Key Vault Crypto User
  '21090545-7ca7-4776-b22c-e363652d74d2', // Key Vault Reader
  'b86a8fe4-44ce-4948-aee5-eccb2c155cd7', // Key Vault Secrets Officer
  '4633458b-17de-408a-b874-0445c86b69e6', // Key Vault Secrets User
]);

/** Data-plane roles that can read a secret's value (Secrets User, Secrets Officer, Administrator). */
export const KEY_VAULT_SECRET_READERS: ReadonlySet<string> = new Set([
  '4633458b-17de-408a-b874-0445c86b69e6',
  'b86a8fe4-44ce-4948-aee5-eccb2c155cd7',
  '00482a5a-887f-4fb3-b363-3b7fe8e74483',
]);

/** The ARM type of a key vault, for matching role scopes. */
export const KEY_VAULT_TYPE = 'Microsoft.KeyVault/vaults';
