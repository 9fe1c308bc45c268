/**
 * The deploy-time rules the simulator checks: one id each, a one-line statement and the source it comes from.
 * Quotes are from the sources as gathered for AZURE-NOTES.md §6 (2026-11-29) and re-read for this harness.
 * A violation always carries its rule's `source`, so a failing test says where the rule is written down.
 */
import type { EvaluationError } from './values.js';

export const RULES = {
  'name-not-computable-at-start': {
    title: 'resource names (and type, scope, nested-deployment target) are computable at deployment start',
    source:
      'Bicep BCP120 (learn.microsoft.com/azure/azure-resource-manager/bicep/diagnostics/bcp120): the name "requires a value that ' +
      'can be calculated at the start of the deployment"; reference()/list*() are not. AZURE-NOTES §1 row 3.',
  },
  'resource-defined-twice': {
    title: 'one template deploys each resource ID (scope, type, name) once',
    source: 'ARM template validation: InvalidTemplate "The resource ... is defined multiple times in a template" (conditions that are false do not count).',
  },
  'dependsOn-unresolved': {
    title: 'every dependsOn entry names a resource of the same template',
    source:
      'learn.microsoft.com resource-dependency: "You only need to define dependencies for resources that are deployed in the same template"; ' +
      'ARM rejects others as InvalidTemplate ("The resource ... is not defined in the template").',
  },
  'dependsOn-cycle': {
    title: 'dependsOn has no cycle',
    source: 'learn.microsoft.com resource-dependency: "you might create circular dependencies that block the deployment".',
  },
  'reference-without-dependsOn': {
    title: 'every reference() to a resource the template deploys is reachable through dependsOn',
    source:
      'learn.microsoft.com template-functions-resource#implicit-dependency / resource-dependency: "The reference and list* functions ' +
      'don\'t create an implicit dependency when the resource is referred to by its resource ID."',
  },
  'function-placement': {
    title: 'newGuid()/utcNow() only in parameter defaults; reference()/list*() never in variables',
    source:
      'learn.microsoft.com template-functions-string#newguid and template-functions-date#utcnow: "You can only use this function within an ' +
      'expression for the default value of a parameter"; template-functions-resource#reference: not usable in the variables section.',
  },
  'parameter-value-missing': {
    title: 'every parameter without a default gets a value',
    source: 'learn.microsoft.com template-parameters: a parameter without defaultValue must be provided at deployment ("The value for the template parameter ... is not provided").',
  },
  'template-link-local-file': {
    title: 'deployment().properties.templateLink exists only for template-URI deployments',
    source:
      'learn.microsoft.com linked-templates: "The templateLink property is only returned when linking to a remote template with a URL. ' +
      'If you\'re using a local template, that property isn\'t available." AZURE-NOTES §6 `_artifactsLocation`.',
  },
  'expression-evaluation-failed': {
    title: 'every expression evaluates',
    source: 'learn.microsoft.com template-expressions: a function error or a missing property fails the deployment (InvalidTemplate / DeploymentFailed).',
  },
  'role-assignment-update-not-permitted': {
    title: 'an existing role-assignment name is never PUT with another scope, principal or role',
    source:
      'learn.microsoft.com role-based-access-control/troubleshooting "ARM template role assignment returns BadRequest status": ' +
      '"if you create a role assignment for a managed identity, then you delete the managed identity and recreate it, the new managed ' +
      'identity has a different principal ID. If you try to deploy the role assignment again and use the same role assignment name, the ' +
      'deployment fails" (RoleAssignmentUpdateNotPermitted); "You can\'t create two role assignments with the same name, even in different ' +
      'Azure subscriptions." Azure/Enterprise-Scale#1747, Azure/Azure-Landing-Zones#1906.',
  },
  'role-assignment-exists': {
    title: '(scope, principal, role) has one role assignment: the same triple under another name fails',
    source: 'learn.microsoft.com role-assignments-template (name = idempotent GUID of scope, principal, role); RoleAssignmentExists "The role assignment already exists." AZURE-NOTES §6.',
  },
  'job-schedule-name-reused': {
    title: 'a job-schedule name (GUID) is never PUT twice',
    source:
      'MicrosoftDocs azure-docs automation/shared-resources/schedules.md: "For each job schedule deployed with an ARM template, the GUID must be ' +
      'unique. Even if you\'re rescheduling an existing schedule, you\'ll need to change the GUID. ... Reusing the same GUID results in a failed ' +
      'deployment." azure-resource-manager-schemas#313, MicrosoftDocs/azure-docs#37854. See jobSchedules.ts.',
  },
  'job-schedule-link-exists': {
    title: '(only under the "fails" assumption) a new job-schedule name for an already linked (runbook, schedule) fails',
    source: 'Azure/azure-resource-manager-schemas#313 (2017). Contradicted by Azure/ResourceModules#1792 (2022) and AVM; see jobSchedules.ts.',
  },
  'job-schedule-pair-duplicated': {
    title: 'one template links a (runbook, schedule) pair once',
    source: 'Automation service error "A job schedule for the specified runbook and schedule already exists" (azure-resource-manager-schemas#313).',
  },
  'schedule-start-too-soon': {
    title: 'a schedule startTime is at least 5 minutes after the deployment, on every deployment',
    source:
      'Automation service error "The start time of the schedule must be at least 5 minutes after the time you create the schedule." ' +
      '(Azure/bicep#9780, Azure/ResourceModules#2216). AZURE-NOTES §1 row 15.',
  },
  'webhook-uri-immutable': {
    title: "a webhook's URI is never PUT with another value",
    source:
      "Azure/azure-powershell#7688: New-AzAutomationWebhook over an existing webhook (a new generated URI) fails with \"Property 'uri' cannot be " +
      'updated"; hashicorp/terraform-provider-azurerm azurerm_automation_webhook: uri "Changing this forces a new resource". AZURE-NOTES §1 row 19.',
  },
  'webhook-expired-at-creation': {
    title: "a webhook's expiryTime is after the deployment (a hazard: the webhook is created, expired)",
    source:
      'learn.microsoft.com/azure/automation/automation-webhooks: "Expiration date of the webhook, after which it can no longer be used", an ' +
      'expired webhook cannot be re-activated; AVM\'s default expiryTime utcNow() is already due (AZURE-NOTES §1 row 19).',
  },
  'hybrid-worker-machine-registered': {
    title: 'a machine is registered as one hybrid worker of an account',
    source:
      'learn.microsoft.com/azure/automation/extension-based-hybrid-runbook-worker-install: "A selected machine won\'t be added to a hybrid worker ' +
      'group if it is already part of another hybrid worker group"; the docs\' newGuid() worker name registers it anew on each deployment.',
  },
  'readonly-lock-blocks-put': {
    title: 'no PUT under a scope that holds a ReadOnly lock',
    source:
      'learn.microsoft.com azure-resource-manager/management/lock-resources: "ReadOnly means authorized users can read a resource, but they can\'t ' +
      'delete or update it. Applying this lock is similar to restricting all authorized users to the permissions that the Reader role provides"; ' +
      'a lock is inherited by the resources under its scope (children, and extension resources such as diagnostic settings and role assignments).',
  },
  'readonly-lock-races-children': {
    title: 'a ReadOnly lock depends on every resource the template puts under its scope',
    source: 'lock-resources (as above) + resource-dependency (resources without dependsOn deploy in parallel). AZURE-NOTES §1 row 7 (AVM lock dependsOn only the account).',
  },
  'deployment-location-missing': {
    title: 'a subscription-scope nested deployment has a location',
    source: 'learn.microsoft.com deploy-to-subscription: "The \'location\' property must be specified for the deployment" (InvalidDeployment).',
  },
  'deployment-location-changed': {
    title: 'a deployment name keeps its location at its scope',
    source:
      'learn.microsoft.com deploy-to-subscription: "For each deployment name, the location is immutable. You can\'t create a deployment in one ' +
      'location when there\'s an existing deployment with the same name in a different location." (InvalidDeploymentLocation; Azure/azure-dev#293).',
  },
  'deployment-name-shared': {
    title: 'a nested deployment name is not shared by deployments launched from different resource groups',
    source:
      'ARM deployment names are unique per scope (deployment-history): a same-named deployment replaces the other\'s record, and two running at ' +
      'once conflict (DeploymentActive, learn.microsoft.com common-deployment-errors). AZURE-NOTES §1 row 29, §6 (Azure/missionlz#760).',
  },
  'private-endpoint-subscription': {
    title: "a private endpoint is created in its subnet's subscription",
    source:
      'learn.microsoft.com/azure/private-link/private-endpoint-overview "Private endpoint properties": "The private endpoint must be deployed in ' +
      'the same region and subscription as the virtual network." (the connected resource may be elsewhere).',
  },
} as const satisfies Record<string, { readonly title: string; readonly source: string }>;

export type RuleId = keyof typeof RULES;

/** One broken rule, found by the simulator. */
export interface Violation {
  readonly rule: RuleId;
  /** The scenario step that hit it (`firstDeploy`, `redeploy`, ...), set by the scenario runner. */
  readonly scenario?: string;
  /** Where: the template path (`resources[3]`, nested: `resources[1].properties.template.resources[0]`). */
  readonly at: string;
  /** The resource type and its evaluated name, when known. */
  readonly resource: string;
  readonly message: string;
  readonly source: string;
}

const RULE_OF_KIND: Readonly<Record<EvaluationError['kind'], RuleId>> = {
  general: 'expression-evaluation-failed',
  templateLink: 'template-link-local-file',
  placement: 'function-placement',
  missingParameter: 'parameter-value-missing',
};

/** The rule an evaluation failure breaks. */
export const ruleOf = (err: EvaluationError): RuleId => RULE_OF_KIND[err.kind];

export function violation(rule: RuleId, at: string, resource: string, message: string): Violation {
  return { rule, at, resource, message, source: RULES[rule].source };
}
