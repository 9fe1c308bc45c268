import { expect } from 'chai';
import { lintArtifacts } from '../../../generator/lint/lint.js';
import { clone, files, goodTemplate, only, type Json } from './lintFixtures.js';

/** Lint a mutated copy of the good template and keep one rule's findings. */
function lintWith(rule: string, mutate: (t: Json) => void): ReturnType<typeof lintArtifacts> {
  const t = clone(goodTemplate());
  mutate(t);
  return only(lintArtifacts(files(t)), rule);
}

const inner = (t: Json): Json => t.resources[4].properties.template;

describe('lint rule parameters-referenced', () => {
  it('fires for a parameter that no expression uses', () => {
    // GIVEN a declared parameter nothing refers to
    // WHEN the template is linted
    const hits = lintWith('parameters-referenced', (t) => (t.parameters.unused = { type: 'string', defaultValue: 'x' }));
    // THEN one warning names it, at its declaration
    expect(hits).to.have.length(1);
    expect(hits[0]).to.include({ severity: 'warning', jsonPath: '$.parameters.unused' });
    expect(hits[0]?.message).to.include("'unused'");
  });

  it('fires for an unused parameter of an inner-scoped nested template, even if the outer template uses the same name', () => {
    // GIVEN an inner template parameter that only the outer template mentions
    // WHEN the template is linted
    const hits = lintWith('parameters-referenced', (t) => (inner(t).parameters.automationAccountName = { type: 'string' }));
    // THEN the inner declaration is reported
    expect(hits.map((h) => h.jsonPath)).to.deep.equal(['$.resources[4].properties.template.parameters.automationAccountName']);
  });

  it('counts references in keys, in other parameters defaults and with any letter case', () => {
    // GIVEN parameters used only in an expression key, a default, and with different case
    const hits = lintWith('parameters-referenced', (t) => {
      t.parameters.uaiName = { type: 'string' };
      t.parameters.prefix = { type: 'string' };
      t.parameters.suffixed = { type: 'string', defaultValue: "[concat(parameters('PREFIX'), '-x')]" };
      t.resources[1].identity.userAssignedIdentities = { "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('uaiName'))]": {} };
      t.resources[1].tags = { s: "[parameters('suffixed')]" };
    });
    // THEN none is reported
    expect(hits).to.deep.equal([]);
  });
  it('counts a use inside an outer-scoped nested template as a use of the outer parameter', () => {
    // GIVEN an outer parameter used only in a nested template without inner scope
    const hits = lintWith('parameters-referenced', (t) => {
      t.parameters.vault = { type: 'string' };
      t.resources.push({
        type: 'Microsoft.Resources/deployments',
        apiVersion: '2025-04-01',
        name: 'outer-scoped',
        properties: { mode: 'Incremental', template: { $schema: 'x', contentVersion: '1.0.0.0', resources: [{ type: 'Microsoft.Authorization/locks', apiVersion: '2020-05-01', name: "[parameters('vault')]", properties: { level: 'CanNotDelete' } }] } },
      });
    });
    // THEN nothing is reported
    expect(hits).to.deep.equal([]);
  });
});

describe('lint rule no-hardcoded-location', () => {
  it('fires for a literal region', () => {
    // GIVEN a resource in 'westeurope'
    const hits = lintWith('no-hardcoded-location', (t) => (t.resources[0].location = 'westeurope'));
    // THEN it is reported at the location
    expect(hits).to.have.length(1);
    expect(hits[0]?.jsonPath).to.equal('$.resources[0].location');
  });

  it("fires for resourceGroup().location used in a resource, and for literal regions in nested templates", () => {
    // GIVEN resourceGroup().location inline and a literal inside an inner template
    const hits = lintWith('no-hardcoded-location', (t) => {
      t.resources[1].location = '[resourceGroup().location]';
      inner(t).resources[0].location = 'eastus';
    });
    // THEN both are reported
    expect(hits.map((h) => h.jsonPath)).to.deep.equal(['$.resources[1].location', '$.resources[4].properties.template.resources[0].location']);
  });

  it("stays quiet for 'global', parameters('location') and a parameter default of resourceGroup().location", () => {
    // GIVEN the allowed spellings (the good template defaults location to resourceGroup().location)
    const hits = lintWith('no-hardcoded-location', (t) => (t.resources[0].location = 'Global'));
    // THEN nothing is reported
    expect(hits).to.deep.equal([]);
  });
});

describe('lint rule location-parameter', () => {
  it('fires when located resources exist but no location parameter is declared', () => {
    // GIVEN a template whose resources use a differently named parameter
    const hits = lintWith('location-parameter', (t) => {
      delete t.parameters.location;
      t.parameters.region = { type: 'string' };
      t.resources[0].location = "[parameters('region')]";
      t.resources[1].location = "[parameters('region')]";
    });
    // THEN the template's parameters are reported
    expect(hits).to.have.length(1);
    expect(hits[0]?.jsonPath).to.equal('$.parameters');
  });

  it('fires when the location parameter is not a string', () => {
    // GIVEN location declared as an object
    const hits = lintWith('location-parameter', (t) => (t.parameters.location = { type: 'object' }));
    // THEN its type is reported
    expect(hits.map((h) => h.jsonPath)).to.deep.equal(['$.parameters.location.type']);
  });

  it('stays quiet for a template without located resources', () => {
    // GIVEN an inner template (role assignments only) without a location parameter
    // WHEN the good template is linted
    // THEN nothing is reported
    expect(lintWith('location-parameter', () => undefined)).to.deep.equal([]);
  });
});

describe('lint rule resource-id-functions', () => {
  it('fires for a literal /subscriptions/ ID in an *Id property', () => {
    // GIVEN a workspace ID written out as a literal
    const hits = lintWith('resource-id-functions', (t) => (t.resources[1].properties.workspaceResourceId = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws'));
    // THEN it is reported
    expect(hits).to.have.length(1);
    expect(hits[0]?.jsonPath).to.equal('$.resources[1].properties.workspaceResourceId');
  });

  it('fires for an ID glued together with concat() or format(), including nested deployment parameter values', () => {
    // GIVEN a role definition built by concatenation and a nested deployment parameter with a literal ID
    const hits = lintWith('resource-id-functions', (t) => {
      t.resources[3].properties.roleDefinitionId = "[concat(subscription().id, '/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7')]";
      t.resources[4].properties.parameters.vaultId = { value: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv' };
    });
    // THEN both are reported
    expect(hits.map((h) => h.jsonPath)).to.deep.equal(['$.resources[3].properties.roleDefinitionId', '$.resources[4].properties.parameters.vaultId']);
  });

  it('stays quiet for resourceId()-family functions, parameters and exempt properties like principalId and tenantId', () => {
    // GIVEN IDs from functions and parameters, and exempt literal GUID properties
    const hits = lintWith('resource-id-functions', (t) => {
      t.resources[1].properties.workspaceId = "[resourceId('0000', 'rg', 'Microsoft.OperationalInsights/workspaces', 'ws')]";
      t.resources[1].properties.keyId = '/subscriptions/0000/whatever';
      t.resources[3].properties.principalId = '11111111-1111-1111-1111-111111111111';
      t.resources[3].properties.tenantId = '/subscriptions/not-really';
      t.resources[0].tags = { costCenterId: '/subscriptions/in-a-tag' };
    });
    // THEN nothing is reported
    expect(hits).to.deep.equal([]);
  });
});

describe('lint rule depends-on-in-template', () => {
  it('fires for a dependsOn on a resource type the template does not deploy', () => {
    // GIVEN a dependency on a key vault that is not in the template
    const hits = lintWith('depends-on-in-template', (t) => t.resources[1].dependsOn.push("[resourceId('Microsoft.KeyVault/vaults', 'kv')]"));
    // THEN it is reported as an error at the entry
    expect(hits).to.have.length(1);
    expect(hits[0]).to.include({ severity: 'error', jsonPath: '$.resources[1].dependsOn[1]' });
  });

  it("fires for a nested template that depends on its parent's resources, and for a literal name nothing deploys", () => {
    // GIVEN an inner resource depending on the outer identity, and a literal name
    const hits = lintWith('depends-on-in-template', (t) => {
      inner(t).resources[0].dependsOn = ["[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uai-ops')]"];
      t.resources[2].dependsOn.push('no-such-resource');
    });
    // THEN both are reported
    expect(hits.map((h) => h.jsonPath)).to.deep.equal(['$.resources[2].dependsOn[1]', '$.resources[4].properties.template.resources[0].dependsOn[0]']);
  });

  it('stays quiet for resourceId() dependencies with a subscription and group, literal names, copy loop names and child resource types', () => {
    // GIVEN dependencies the template satisfies, including a nested child resource
    const hits = lintWith('depends-on-in-template', (t) => {
      t.resources[1].resources = [{ type: 'runbooks', apiVersion: '2024-10-23', name: 'rb', location: "[parameters('location')]", properties: { runbookType: 'PowerShell' } }];
      t.resources[2].dependsOn.push("[resourceId(subscription().subscriptionId, resourceGroup().name, 'Microsoft.Automation/automationAccounts/runbooks', parameters('automationAccountName'), 'rb')]");
      t.resources[3].dependsOn.push('uai-ops');
      t.resources.push({ type: 'Microsoft.ManagedIdentity/userAssignedIdentities', apiVersion: '2024-11-30', name: "[format('u{0}', copyIndex())]", location: "[parameters('location')]", copy: { name: 'uaiLoop', count: 2 } });
      t.resources[3].dependsOn.push('uaiLoop');
    });
    // THEN nothing is reported
    expect(hits).to.deep.equal([]);
  });
});

describe('lint rules outputs-no-secrets and secure-parameter-default', () => {
  it('fires for an output returning a secure parameter, a list*() result, or either through a variable', () => {
    // GIVEN three leaking outputs
    const hits = lintWith('outputs-no-secrets', (t) => {
      t.variables = { pw: "[parameters('runAsPassword')]" };
      t.outputs.pw = { type: 'string', value: "[parameters('RunAsPassword')]" };
      t.outputs.keys = { type: 'object', value: "[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2023-05-01')]" };
      t.outputs.viaVar = { type: 'object', value: { nested: "[variables('pw')]" } };
    });
    // THEN each is an error naming the output
    expect(hits.map((h) => h.jsonPath)).to.deep.equal(['$.outputs.pw', '$.outputs.keys', '$.outputs.viaVar']);
    expect(hits.every((h) => h.severity === 'error')).to.equal(true);
    expect(hits[2]?.message).to.include("through variable 'pw'");
  });

  it('stays quiet for securestring outputs and ordinary reference() outputs', () => {
    // GIVEN an output declared securestring and a principal ID output
    const hits = lintWith('outputs-no-secrets', (t) => {
      t.outputs.pw = { type: 'securestring', value: "[parameters('runAsPassword')]" };
      t.outputs.principal = { type: 'string', value: "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uai-ops'), '2024-11-30').principalId]" };
    });
    // THEN nothing is reported
    expect(hits).to.deep.equal([]);
  });

  it('fires for a secure parameter with a default, but allows empty and [newGuid()] defaults', () => {
    // GIVEN one secure parameter with a real default and two with allowed ones
    const hits = lintWith('secure-parameter-default', (t) => {
      t.parameters.runAsPassword.defaultValue = 'hunter2';
      t.parameters.token = { type: 'secureString', defaultValue: '' };
      t.parameters.salt = { type: 'securestring', defaultValue: '[newGuid()]' };
      t.parameters.settings = { type: 'secureObject', defaultValue: { password: 'x' } };
      t.outputs.use = { type: 'string', value: "[concat(parameters('token'), parameters('salt'), string(parameters('settings')))]" };
    });
    // THEN the real defaults are reported
    expect(hits.map((h) => h.jsonPath)).to.deep.equal(['$.parameters.runAsPassword.defaultValue', '$.parameters.settings.defaultValue']);
  });
});

describe('lint rule no-blanks', () => {
  it('fires for empty objects, arrays, strings and null in resource properties', () => {
    // GIVEN four kinds of blanks
    const hits = lintWith('no-blanks', (t) => {
      t.resources[1].tags = {};
      t.resources[1].properties.description = '';
      t.resources[1].properties.publicNetworkAccess = null;
      t.resources[3].dependsOn = [];
    });
    // THEN each is reported
    expect(hits.map((h) => h.jsonPath)).to.have.members(['$.resources[1].tags', '$.resources[1].properties.description', '$.resources[1].properties.publicNetworkAccess', '$.resources[3].dependsOn']);
    expect(hits.every((h) => h.severity === 'warning')).to.equal(true);
  });

  it('stays quiet for allow-listed names, userAssignedIdentities entries, and parameter defaults or values', () => {
    // GIVEN blanks where arm-ttk allows them
    const hits = lintWith('no-blanks', (t) => {
      t.resources[1].identity.userAssignedIdentities['/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/x'] = {};
      t.parameters.opt = { type: 'string', defaultValue: '' };
      t.parameters.obj = { type: 'object', defaultValue: { a: '' } };
      t.resources[4].properties.parameters.vaultName = { value: '' };
      t.variables = {};
      t.outputs.empty = { type: 'array', value: [] };
    });
    // THEN nothing is reported (the good template itself has properties: {} and outputs: {})
    expect(hits).to.deep.equal([]);
  });
});

describe('lint rule expressions-valid', () => {
  it('fires for a malformed expression and stays quiet for an escaped literal', () => {
    // GIVEN a broken expression and a [[-escaped literal
    const hits = lintWith('expressions-valid', (t) => {
      t.resources[1].properties.description = "[concat('a', ]";
      t.resources[0].tags = { note: '[[not an expression]' };
    });
    // THEN only the broken one is reported
    expect(hits.map((h) => h.jsonPath)).to.deep.equal(['$.resources[1].properties.description']);
  });
});
