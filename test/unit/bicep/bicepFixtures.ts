/** Config fixtures (YAML) that exercise the Bicep printer's hard cases, shared by the unit and integration tests. */

/** A config full of hostile values: quotes, ${...}, backslashes, newlines, tabs, non-ASCII, emoji, keyword-like names. */
export const HOSTILE_YAML = `description: hostile values
parameters:
  automationAccountName:
    type: string
    defaultValue: "aa-hostile"
    description: "O'Brien's account \${x} $x C:\\\\temp\\\\ line1\\nline2\\ttab Größe 🚀"
  tags:
    type: object
    defaultValue:
      "true": "\${notAnInterpolation}"
      cost-center: "O'Brien"
      path: "C:\\\\ops\\\\"
      multi: "a\\nb\\r\\nc\\td"
      unicode: "Ünïcödé – 日本語 🚀"
      if: "[notAnExpression]"
    description: "Tags\\nfor every resource"
  skuName:
    type: string
    defaultValue: "a'b"
    allowedValues: ["a'b", "\${c}", "d\\\\e"]
    description: Allowed values with quotes
  deployTimeSecret:
    type: securestring
    description: "Passed at deployment time: no value in any parameter file"
identities:
  - name: resource
    resourceName: uai-resource
    create: true
    tags: { param: tags }
    federatedCredentials:
      - name: first
        issuer: https://token.actions.githubusercontent.com
        subject: "repo:contoso/o'brien:ref:refs/heads/\${{ main }}"
      - name: second
        issuer: https://token.actions.githubusercontent.com
        subject: repo:contoso/ops:environment:prod
automationAccount:
  name: { param: automationAccountName }
  tags: { param: tags }
  sku: { param: skuName }
  identity:
    systemAssigned: true
    userAssigned: [resource]
roleAssignments:
  - identity: resource
    role: Reader
    scope: { kind: resourceGroup }
    description: "O'Brien needs \${read} access\\n(really)"
  - identity: system
    role: Automation Contributor
    scope: { kind: automationAccount }
variables:
  - name: "O'Brien \${x}"
    value: { param: deployTimeSecret }
    description: "a\\\\b\\nc"
`;

/** Every kind of scope armgen turns into a module or an `existing` declaration, with IDs and names from parameters. */
export const SCOPES_YAML = `parameters:
  opsId:
    type: string
    defaultValue: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-x/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uai-x
  targetRg:
    type: string
    defaultValue: rg-target
  vmName:
    type: string
    defaultValue: vm-1
identities:
  - name: ops
    resourceId: { param: opsId }
automationAccount:
  name: aa-edge-01
  identity:
    userAssigned: [ops]
roleAssignments:
  - { identity: ops, role: Reader, scope: { kind: resourceGroup, name: { param: targetRg } } }
  - { identity: ops, role: Reader, scope: { kind: subscription, subscriptionId: 33333333-3333-3333-3333-333333333333 } }
  - { identity: ops, role: Virtual Machine Contributor, scope: { kind: resource, type: Microsoft.Compute/virtualMachines, name: { param: vmName }, resourceGroup: rg-vms } }
  - { identity: ops, role: Storage Blob Data Reader, scope: { kind: resource, type: Microsoft.Storage/storageAccounts, name: stacct01, resourceGroup: rg-st, subscriptionId: 44444444-4444-4444-4444-444444444444 } }
`;

/** A literal account location with a subscription-scope assignment: `location` serves only ARM's nested deployment. */
export const LOCATION_ONLY_FOR_ARM_YAML = `identities:
  - { name: ops, resourceName: uai-ops }
automationAccount:
  name: aa-loc-01
  location: westeurope
  identity: { userAssigned: [ops] }
roleAssignments:
  - { identity: ops, role: Reader, scope: { kind: subscription } }
`;

/**
 * Private endpoints and a created Log Analytics workspace in every shape the Bicep printer must handle: an endpoint in
 * the deployment's group on a parameter subnet and zone, manual and automatic endpoints in other groups (two module
 * files), and a workspace created and linked beside the account.
 */
export const NETWORK_YAML = `parameters:
  subnetId:
    type: string
    defaultValue: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe
  zoneId:
    type: string
    defaultValue: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.azure-automation.net
automationAccount:
  name: aa-network-01
  tags: { team: network }
privateEndpoints:
  - { service: Webhook, subnetId: { param: subnetId }, privateDnsZoneId: { param: zoneId } }
  - service: DSCAndHybridWorker
    subnetId: /subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-pe
    resourceGroup: rg-spoke
    location: northeurope
    manualApproval: true
    tags: { tier: "it's [private]" }
  - service: Webhook
    name: pep-spoke-webhook
    subnetId: /subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-pe
    resourceGroup: rg-spoke
logAnalytics:
  createWorkspace: { name: law-network-01, retentionInDays: 45 }
`;
