import { expect } from 'chai';
import { renderYaml, templateOf } from '../../helpers/render.js';
import { verifyBicep } from '../../../generator/verify/verifyBicep.js';
import { HOSTILE_YAML, NETWORK_YAML, SCOPES_YAML } from './bicepFixtures.js';
import { parseBicepLiteral } from './bicepLiteral.js';
import { parseBicep } from './bicepReader.js';
import { expectSameParameters } from './bicepStructure.js';

const bicepOf = (r: ReturnType<typeof renderYaml>, path = 'main.bicep') => r.artifacts.find((a) => a.path === `${r.name}/${path}`)!.text;

describe('renderBicep', () => {
  describe('hostile config values', () => {
    it('keeps every parameter default byte-identical to the ARM default', () => {
      // GIVEN a config with quotes, ${...}, backslashes, newlines, tabs, non-ASCII and emoji in values and keys
      const r = renderYaml(HOSTILE_YAML, 'hostile.yaml');
      // WHEN both outputs are read back
      const bicep = parseBicep(bicepOf(r));
      // THEN the Bicep defaults parse to exactly the ARM defaults
      expectSameParameters(templateOf(r), bicep, 'hostile.yaml');
    });

    it('escapes descriptions and quotes keys that are not identifiers or are keywords', () => {
      // GIVEN the hostile config WHEN rendered
      const text = bicepOf(renderYaml(HOSTILE_YAML, 'hostile.yaml'));
      // THEN a description with every special character is one escaped line
      expect(text).to.include("@description('O\\'Brien\\'s account \\${x} $x C:\\\\temp\\\\ line1\\nline2\\ttab Größe 🚀')");
      // ...keys: 'true' quoted (a keyword), cost-center quoted (not an identifier), if bare (contextual keyword)
      expect(text).to.include("  'true': '\\${notAnInterpolation}'\n");
      expect(text).to.include("  'cost-center': 'O\\'Brien'\n");
      expect(text).to.include("  if: '[notAnExpression]'\n");
      // ...and the allowed values are escaped the same way
      expect(text).to.include("@allowed([\n  'a\\'b'\n  '\\${c}'\n  'd\\\\e'\n])");
    });

    it('gives an identity named like a Bicep keyword a valid symbol', () => {
      // GIVEN an identity called 'resource' WHEN rendered THEN its symbol is an identifier that is not the keyword
      const bicep = parseBicep(bicepOf(renderYaml(HOSTILE_YAML, 'hostile.yaml')));
      expect(bicep.resources.map((r) => r.symbol)).to.include('resourceIdentity');
    });
  });

  describe('symbols, scopes and dependencies', () => {
    it('uses symbol references and parent:, and keeps only the dependsOn Bicep cannot infer', () => {
      // GIVEN an identity with two federated credentials (written one after the other)
      const text = bicepOf(renderYaml(HOSTILE_YAML, 'hostile.yaml'));
      // THEN the first credential names its parent and needs no dependsOn (inferred from parent:)...
      const first = /resource resourceIdentityFic1 [^\n]+\n([\s\S]*?)\n}\n/.exec(text)![1]!;
      expect(first).to.include('  parent: resourceIdentity\n');
      expect(first).not.to.include('dependsOn');
      // ...the second waits explicitly for the first (nothing references it)
      const second = /resource resourceIdentityFic2 [^\n]+\n([\s\S]*?)\n}\n/.exec(text)![1]!;
      expect(second).to.include('  dependsOn: [\n    resourceIdentityFic1\n  ]');
      // ...the account's identity is keyed by the symbol's id, and no resourceId() or reference() is left
      expect(text).to.include("'${resourceIdentity.id}': {}");
      expect(text).not.to.match(/\bresourceId\(|\breference\(/);
    });

    it('hands an assignment on the account to a module by the account symbol, with no explicit dependsOn', () => {
      // GIVEN a system-identity assignment on the account WHEN rendered
      const text = bicepOf(renderYaml(HOSTILE_YAML, 'hostile.yaml'));
      const ra = /module systemAutomationContributorAssignment [^\n]+\n([\s\S]*?)\n}\n/.exec(text)![1]!;
      // THEN the module gets the account's ID and principal through the symbol, so the dependency is implied
      expect(ra).to.include('    scope: automationAccount.id\n');
      expect(ra).to.include('principalId: automationAccount.identity.principalId');
      expect(ra).not.to.include('dependsOn');
    });

    it('declares a same-group resource scope as existing, with its API version from the table', () => {
      // GIVEN an assignment on a VM in the deployment's resource group
      const r = renderYaml(`automationAccount:
  name: aa-vm-01
  identity: { systemAssigned: true }
roleAssignments:
  - identity: system
    role: Virtual Machine Contributor
    scope: { kind: resource, type: Microsoft.Compute/virtualMachines, name: vm-01 }
`);
      const text = bicepOf(r);
      // THEN the VM is an existing resource and the assignment is scoped to it
      expect(text).to.include("resource virtualMachine 'Microsoft.Compute/virtualMachines@2026-03-01' existing = {\n  name: 'vm-01'\n}");
      expect(text).to.include('    scope: virtualMachine.id\n');
      expect(text).to.include("'modules/roleAssignment.resource.Compute.virtualMachines.bicep'");
    });

    it('refuses, with a clear message, a resource scope whose type it cannot declare', () => {
      // GIVEN an assignment on a resource type missing from the existing-resource table
      const yaml = `automationAccount:
  name: aa-odd-01
  identity: { systemAssigned: true }
roleAssignments:
  - identity: system
    role: Reader
    scope: { kind: resource, type: Contoso.Widgets/gadgets, name: g1 }
`;
      // WHEN rendered THEN it fails loudly, naming the type (never a silently dropped assignment)
      expect(() => renderYaml(yaml)).to.throw(/Contoso\.Widgets\/gadgets.*--format arm/);
      // ...while ARM alone still renders
      expect(renderYaml(yaml, 'odd.yaml', { format: 'arm' }).artifacts.map((a) => a.path)).to.deep.equal(['odd/azuredeploy.json', 'odd/azuredeploy.parameters.json', 'odd/README.md']);
    });

    it('refuses, with a clear message, a resource scope given as an ID parameter (its type is unknown to Bicep)', () => {
      // GIVEN an assignment on a resource whose ID comes from a parameter
      const yaml = `parameters:
  targetId: { type: string, defaultValue: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv }
identities:
  - { name: ops, resourceName: uai-ops }
automationAccount:
  name: aa-param-scope-01
  identity: { userAssigned: [ops] }
roleAssignments:
  - { identity: ops, role: Reader, scope: { kind: resource, resourceId: { param: targetId } } }
`;
      // WHEN rendered as Bicep THEN the error explains why and what to do instead
      expect(() => renderYaml(yaml)).to.throw(/type is known only at deployment.*Bicep needs the type at compile time.*type \+ name/);
    });

    it('takes an identity apart from an ID parameter for its existing declaration', () => {
      // GIVEN an identity given by a resourceId parameter WHEN rendered
      const text = bicepOf(renderYaml(SCOPES_YAML, 'scopes.yaml'));
      // THEN name and scope come from the ID at deployment time
      expect(text).to.include("  name: last(split(opsId, '/'))\n  scope: resourceGroup(split(opsId, '/')[2], split(opsId, '/')[4])\n");
      // ...and a resource scope elsewhere gets a module file for its type
      expect(text).to.include("module opsVirtualMachineContributorAssignment 'modules/roleAssignment.resource.Compute.virtualMachines.bicep' = {");
      expect(text).to.include("'ra-${guid(resourceGroup().id, '/subscriptions/33333333-3333-3333-3333-333333333333', opsIdentity.id,");
    });

    it('writes modules for nested deployments, each module file once', () => {
      // GIVEN two assignments in other resource groups and one on a subscription
      const r = renderYaml(`identities:
  - { name: ops, resourceName: uai-ops }
automationAccount:
  name: aa-mod-01
  identity: { userAssigned: [ops] }
roleAssignments:
  - { identity: ops, role: Reader, scope: { kind: resourceGroup, name: rg-one } }
  - { identity: ops, role: Reader, scope: { kind: resourceGroup, name: rg-two, subscriptionId: 22222222-2222-2222-2222-222222222222 } }
  - { identity: ops, role: Reader, scope: { kind: subscription } }
`);
      // WHEN rendered
      const paths = r.artifacts.map((a) => a.path);
      const text = bicepOf(r);
      // THEN there are two module files (resource group, subscription), each written once
      expect(paths.filter((p) => p.includes('/modules/'))).to.deep.equal(['test/modules/roleAssignment.resourceGroup.bicep', 'test/modules/roleAssignment.subscription.bicep']);
      // ...and each module call is scoped like the ARM nested deployment
      expect(text).to.include("  scope: resourceGroup('rg-one')\n");
      expect(text).to.include("  scope: resourceGroup('22222222-2222-2222-2222-222222222222', 'rg-two')\n");
      expect(text).to.include('  scope: subscription()\n');
      expect(bicepOf(r, 'modules/roleAssignment.subscription.bicep').startsWith("targetScope = 'subscription'\n\n")).to.equal(true);
    });
  });

  describe('parameter files', () => {
    it('writes Key Vault references as az.getSecret with subscription, group, vault, secret and version', () => {
      // GIVEN a secure parameter from Key Vault, with a version
      const r = renderYaml(`parameters:
  secret:
    type: securestring
    keyVaultReference:
      vaultId: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv-one
      secretName: sql-password
      secretVersion: 0123456789abcdef0123456789abcdef
automationAccount:
  name: aa-kv-ref-01
variables:
  - { name: S, value: { param: secret } }
`);
      const file = bicepOf(r, 'main.bicepparam');
      // THEN the value is a getSecret call with the parts of the vault ID
      expect(file).to.equal(
        "using 'main.bicep'\n\nparam secret = az.getSecret(\n  '11111111-1111-1111-1111-111111111111',\n  'rg-kv',\n  'kv-one',\n  'sql-password',\n  '0123456789abcdef0123456789abcdef'\n)\n",
      );
    });

    it('writes literal values that read back as the ARM parameter file values', () => {
      // GIVEN parameter values with hostile strings and an object
      const r = renderYaml(`parameters:
  label:
    type: string
    value: "O'Brien \${x}"
  tags:
    type: object
    value: { a-b: "c\\\\d", n: 1, t: true }
automationAccount:
  name: aa-literal-01
  tags: { param: tags }
variables:
  - { name: V, value: { param: label }, isEncrypted: false }
`);
      const file = bicepOf(r, 'main.bicepparam');
      const value = (n: string) => parseBicepLiteral(new RegExp(`^param ${n} = ([\\s\\S]*?)(?=\\nparam |\\n$)`, 'm').exec(file)![1]!)!.value;
      // THEN each value parses back to the same JSON
      expect(value('label')).to.equal("O'Brien ${x}");
      expect(value('tags')).to.deep.equal({ 'a-b': 'c\\d', n: 1, t: true });
    });
  });
});

describe('renderBicep: private endpoints and the workspace link', () => {
  it('writes one module file per approval mode and the conditional DNS zone group with Bicep\'s ! (ARM not())', () => {
    // GIVEN endpoints in other groups with automatic and manual approval WHEN rendered
    const r = renderYaml(NETWORK_YAML, 'network.yaml');
    // THEN each mode has its module file, written once although two endpoints use the automatic one
    expect(r.artifacts.map((a) => a.path).filter((p) => p.includes('/modules/'))).to.deep.equal([
      'network/modules/privateEndpoint.resourceGroup.bicep',
      'network/modules/privateEndpointManual.resourceGroup.bicep',
    ]);
    const auto = bicepOf(r, 'modules/privateEndpoint.resourceGroup.bicep');
    expect(auto).to.include("resource privateDnsZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-07-01' = if (!empty(privateDnsZoneId)) {");
    expect(auto).not.to.include('requestMessage');
    expect(bicepOf(r, 'modules/privateEndpointManual.resourceGroup.bicep')).to.include('requestMessage: empty(requestMessage) ? null : requestMessage');
    // ...and the ARM inner template says the same with not()
    const arm = templateOf(r).resources.find((x) => x.type === 'Microsoft.Resources/deployments')!;
    const inner = (arm.properties as { template: { resources: { condition?: string }[] } }).template;
    expect(inner.resources[1]!.condition).to.equal("[not(empty(parameters('privateDnsZoneId')))]");
  });

  it('puts a module into the subnet\'s subscription and declares the created workspace as the link\'s parent', () => {
    const text = bicepOf(renderYaml(NETWORK_YAML, 'network.yaml'));
    expect(text).to.include("  scope: resourceGroup('33333333-3333-3333-3333-333333333333', 'rg-spoke')\n");
    expect(text).to.include("resource logAnalyticsLink 'Microsoft.OperationalInsights/workspaces/linkedServices@2025-07-01' = {\n  name: 'Automation'\n  parent: logAnalyticsWorkspace\n");
  });
});

describe('verifyBicep', () => {
  const file = (text: string) => ({ path: 'main.bicep', kind: 'bicep' as const, text });

  it('accepts well-formed text, interpolations and escaped quotes included', () => {
    // GIVEN balanced Bicep WHEN verified THEN it passes unchanged
    const text = "param a string = 'O\\'Brien ${toLower('x')} }{'\n\nvar b = {\n  c: [\n    a\n  ]\n}\n";
    expect(() => verifyBicep(file(text))).not.to.throw();
  });

  const bad: readonly [what: string, text: string, message: RegExp][] = [
    ['CRLF line endings', "param a string\r\n", /CR/],
    ['no final newline', 'param a string', /exactly one newline/],
    ['two final newlines', 'param a string\n\n', /exactly one newline/],
    ['trailing spaces', 'param a string \n', /whitespace/],
    ['two blank lines in a row', 'param a string\n\n\nparam b string\n', /two blank lines/],
    ['an unclosed brace', 'var a = {\n  b: 1\n', /never closed/],
    ['a mismatched bracket', 'var a = [\n  1\n}\n', /closes/],
    ['an unclosed string', "var a = 'abc\n", /not closed on its line/],
  ];
  for (const [what, text, message] of bad) {
    it(`rejects ${what}`, () => {
      // GIVEN broken text WHEN verified THEN it throws, naming the problem
      expect(() => verifyBicep(file(text))).to.throw(message);
    });
  }
});
