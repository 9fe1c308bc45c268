import type { Expr } from './expr.js';
import type { ResourceRef } from './resourceRef.js';

/**
 * What the deployment is, in the config's own terms: who signs in as what and holds which role where. The
 * template printers never read it; documents about the deployment (the generated README) do, so they need not
 * re-derive these facts from expressions. Language-neutral like the rest of the model: names are `Expr`
 * leaves (a literal or a parameter), never ARM or Bicep text.
 */
export interface DeploymentSummary {
  /** The config's `description:`, if any. */
  readonly description?: string;
  readonly account: AccountSummary;
  /** Every declared user-assigned identity, in config order. */
  readonly identities: readonly IdentitySummary[];
  readonly roleAssignments: readonly RoleAssignmentSummary[];
  readonly runbooks: readonly RunbookSummary[];
  readonly webhooks?: readonly WebhookSummary[];
  readonly hybridWorkerGroups?: readonly HybridWorkerGroupSummary[];
  readonly sourceControls?: readonly SourceControlSummary[];
  /** The account's private endpoints, in config order. */
  readonly privateEndpoints: readonly PrivateEndpointSummary[];
  /** The linked Log Analytics workspace, if any. */
  readonly logAnalytics?: LogAnalyticsSummary;
}

export interface AccountSummary {
  readonly ref: ResourceRef;
  readonly name: Expr;
  readonly systemAssigned: boolean;
  /** Handles of the user-assigned identities attached to the account, in config order. */
  readonly userAssigned: readonly string[];
  readonly encryption?: EncryptionSummary;
  readonly lock?: 'CanNotDelete' | 'ReadOnly';
}

/** A customer-managed key (`keySource: Microsoft.Keyvault`); Microsoft-managed keys need no summary. */
export interface EncryptionSummary {
  /** The identity that reads the key: a user-assigned handle, or 'system' when none is named. */
  readonly identity: string;
  readonly keyVaultUri?: Expr;
  readonly keyName?: Expr;
}

export interface IdentitySummary {
  /** The config's name for it (`identities[].name`). */
  readonly handle: string;
  /** Created here or existing elsewhere; its ID parts say where. */
  readonly ref: ResourceRef;
  /** The lock on a created identity. */
  readonly lock?: 'CanNotDelete' | 'ReadOnly';
  /** A created identity's isolation scope, when the config sets one. */
  readonly isolationScope?: 'None' | 'Regional';
}

/** One role assignment as the config states it. `principal` is 'system', an identity handle, or `principal <id>`. */
export interface RoleAssignmentSummary {
  readonly principal: string;
  readonly role: { readonly id: string; readonly name?: string };
  readonly scope: ScopeSummary;
  /** The template node that makes it: an extension resource, or a module (nested deployment). */
  readonly node: ResourceRef;
}

/**
 * Where a role assignment lands. An absent subscription or resource group is the deployment's; a resource given
 * by its full ID as a parameter has only `id`.
 */
export type ScopeSummary =
  | { readonly kind: 'automationAccount' }
  | { readonly kind: 'resourceGroup'; readonly subscriptionId?: Expr; readonly name?: Expr }
  | { readonly kind: 'subscription'; readonly subscriptionId?: Expr }
  | { readonly kind: 'resource'; readonly type?: string; readonly name?: Expr; readonly resourceGroup?: Expr; readonly subscriptionId?: Expr; readonly id?: Expr }
  | { readonly kind: 'identity'; readonly handle: string };

export interface RunbookSummary {
  readonly name: string;
  readonly type: string;
  /** Who the runbook signs in as, when armgen writes its sign-in ('system' or a handle); unknown for user scripts. */
  readonly signsInAs?: string;
  /** The secret a generated runbook reads. */
  readonly keyVaultSecret?: { readonly vaultName: string; readonly secretName: string };
}

/** A webhook: the runbook it starts, where it runs, and where its URI comes from (never the URI itself). */
export interface WebhookSummary {
  readonly name: string;
  readonly runbook: string;
  readonly runOn?: string;
  /** The securestring parameter that holds a pre-generated URI; absent when Azure generates it. */
  readonly uriParameter?: string;
}

export interface HybridWorkerGroupSummary {
  readonly name: string;
  /** The credential asset the workers run jobs as. */
  readonly credential?: string;
  readonly workers: readonly HybridWorkerSummary[];
}

export interface HybridWorkerSummary {
  /** The machine's resource ID (a literal or a parameter). */
  readonly machine: Expr;
  /** Parsed from a literal ID: where the VM lives. */
  readonly resourceGroup?: Expr;
  readonly subscriptionId?: Expr;
  /** The OS of the HybridWorker extension this template installs, if it does. */
  readonly extension?: 'Windows' | 'Linux';
}

export interface SourceControlSummary {
  readonly name: string;
  readonly sourceType: string;
  readonly repoUrl: Expr;
  readonly branch?: Expr;
  readonly folderPath: string;
  /** Who the sync runs as: 'system' or an identity handle. */
  readonly syncsAs: string;
}

/**
 * A private endpoint of the account. IDs are the config's text (a literal ID, or a parameter). `resourceGroup` is absent
 * when the endpoint lives in the deployment's resource group; otherwise the group is in the subnet's subscription, given
 * as `subscriptionId` when the subnet ID is a literal.
 */
export interface PrivateEndpointSummary {
  /** The sub-resource: Webhook or DSCAndHybridWorker. */
  readonly service: string;
  readonly name: Expr;
  readonly subnetId: Expr;
  readonly location: Expr;
  readonly resourceGroup?: Expr;
  readonly subscriptionId?: Expr;
  readonly privateDnsZoneId?: Expr;
  readonly manualApproval: boolean;
}

/** The workspace linked to the account: created here (by name, in the deployment's group) or existing (by ID). */
export type LogAnalyticsSummary =
  | { readonly created: true; readonly name: Expr }
  | { readonly created: false; readonly workspaceId: Expr; readonly resourceGroup: Expr; readonly subscriptionId: Expr };
