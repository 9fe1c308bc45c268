import { expect } from 'chai';
import { AzureState } from '../support/deploy/azureState.js';
import { Evaluator } from '../support/deploy/evaluator.js';
import { EvaluationError, NotModelled } from '../support/deploy/values.js';
import { context, evaluate, RG, SUB, T0, template } from './templates.js';

const rgPath = `/subscriptions/${SUB}/resourceGroups/${RG}`;

describe('deploy simulator: expression evaluator', () => {
  describe('resource IDs', () => {
    it('GIVEN resourceId with type and names only WHEN evaluated THEN the ID is in the deployment resource group', () => {
      expect(evaluate("[resourceId('Microsoft.Automation/automationAccounts/runbooks', 'aa', 'rb')]")).to.equal(
        `${rgPath}/providers/Microsoft.Automation/automationAccounts/aa/runbooks/rb`,
      );
    });

    it('GIVEN resourceId with a resource group, or a subscription and a resource group THEN those scopes are used', () => {
      expect(evaluate("[resourceId('rg-x', 'Microsoft.KeyVault/vaults', 'kv')]")).to.equal(`/subscriptions/${SUB}/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/kv`);
      expect(evaluate("[resourceId('s2', 'rg-x', 'Microsoft.KeyVault/vaults', 'kv')]")).to.equal('/subscriptions/s2/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/kv');
    });

    it('GIVEN subscriptionResourceId and extensionResourceId THEN subscription-level and extension IDs come out', () => {
      expect(evaluate("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'r1')]")).to.equal(`/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/r1`);
      expect(evaluate("[extensionResourceId(resourceGroup().id, 'Microsoft.Authorization/locks', 'l')]")).to.equal(`${rgPath}/providers/Microsoft.Authorization/locks/l`);
    });

    it('GIVEN resourceId with the wrong number of name segments THEN evaluation fails', () => {
      expect(() => evaluate("[resourceId('Microsoft.Automation/automationAccounts/runbooks', 'aa')]")).to.throw(EvaluationError, /2 name segment/);
    });
  });

  describe('string, array and object functions', () => {
    it('GIVEN format and concat WHEN evaluated THEN they join like ARM', () => {
      expect(evaluate("[format('{0}/{1}-{{x}}', 'a', 3)]")).to.equal('a/3-{x}');
      expect(evaluate("[concat('a', 'b', string(1))]")).to.equal('ab1');
      expect(evaluate("[concat(createArray(1), createArray(2, 3))]")).to.deep.equal([1, 2, 3]);
    });

    it('GIVEN the quoted-JSON variable idiom THEN it yields the JSON string literal of the value', () => {
      const t = template([], { k: { type: 'securestring' } });
      const idiom = "[substring(string(createArray(parameters('k'))), 1, sub(length(string(createArray(parameters('k')))), 2))]";
      expect(evaluate(idiom, { template: t, given: { k: 'p"w' } })).to.equal('"p\\"w"');
    });

    it('GIVEN split, last, toLower, json, createObject and if THEN they evaluate, and if() only evaluates the branch taken', () => {
      expect(evaluate("[toLower(last(split('a/B/C', '/')))]")).to.equal('c');
      expect(evaluate("[json('{\"a\":[1]}').a[0]]")).to.equal(1);
      expect(evaluate("[createObject('k', 'v').k]")).to.equal('v');
      expect(evaluate("[if(true, 'yes', parameters('undeclared'))]")).to.equal('yes');
    });

    it('GIVEN uri with a folder base THEN the relative path is appended', () => {
      expect(evaluate("[uri('https://x.example/art/', concat('runbooks/a.ps1', ''))]")).to.equal('https://x.example/art/runbooks/a.ps1');
    });

    it('GIVEN guid() THEN the stand-in is stable for the same arguments, differs for others, and looks like a GUID', () => {
      const a = evaluate("[guid('x', 'y')]");
      expect(a).to.equal(evaluate("[guid('x', 'y')]"));
      expect(a).to.not.equal(evaluate("[guid('x', 'z')]"));
      expect(a).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it('GIVEN a function the simulator does not know THEN it throws NotModelled, not a violation', () => {
      expect(() => evaluate("[pickZones('a', 'b', 'c')]")).to.throw(NotModelled);
    });
  });

  describe('deployment-dependent functions', () => {
    it("GIVEN utcNow('u') + PT15M in a parameter default THEN it is 15 minutes after the deployment time, in the base format", () => {
      const t = template([], { start: { type: 'string', defaultValue: "[dateTimeAdd(utcNow('u'), 'PT15M')]" } });
      expect(evaluate("[parameters('start')]", { template: t })).to.equal('2026-12-01 09:15:00Z');
    });

    it('GIVEN newGuid() in two parameter defaults THEN each differs, and another deployment time gives other values', () => {
      const t = template([], { a: { type: 'string', defaultValue: '[newGuid()]' }, b: { type: 'string', defaultValue: '[newGuid()]' } });
      const ev = new Evaluator(t, context(), new AzureState(), {});
      const later = new Evaluator(t, context({ time: new Date(T0.getTime() + 1000) }), new AzureState(), {});
      expect(ev.parameter('a')).to.not.equal(ev.parameter('b'));
      expect(ev.parameter('a')).to.equal(ev.parameter('a'));
      expect(later.parameter('a')).to.not.equal(ev.parameter('a'));
    });

    it('GIVEN newGuid() or utcNow() outside a parameter default THEN evaluation fails as a placement error', () => {
      expect(() => evaluate('[newGuid()]')).to.throw(EvaluationError).with.property('kind', 'placement');
      expect(() => evaluate('[utcNow()]', { section: 'variables' })).to.throw(EvaluationError).with.property('kind', 'placement');
    });

    it('GIVEN a local-file deployment THEN deployment().properties.templateLink is missing; GIVEN a URI deployment THEN it is there', () => {
      expect(() => evaluate('[deployment().properties.templateLink.uri]')).to.throw(EvaluationError).with.property('kind', 'templateLink');
      expect(evaluate('[deployment().properties.templateLink.uri]', { ctx: { templateUri: 'https://x.example/t.json' } })).to.equal('https://x.example/t.json');
    });

    it('GIVEN a parameter without default or value THEN evaluation fails as missingParameter', () => {
      const t = template([], { p: { type: 'string' } });
      expect(() => evaluate("[parameters('p')]", { template: t })).to.throw(EvaluationError).with.property('kind', 'missingParameter');
    });

    it('GIVEN a variable that uses reference() THEN evaluation fails as a placement error', () => {
      const t = template([], {}, { variables: { v: "[reference(resourceId('Microsoft.KeyVault/vaults', 'kv')).vaultUri]" } });
      expect(() => evaluate("[variables('v')]", { template: t })).to.throw(EvaluationError).with.property('kind', 'placement');
    });
  });

  describe('reference()', () => {
    const id = `${rgPath}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uai-a`;

    it('GIVEN the start phase THEN reference() is opaque and recorded as a runtime call', () => {
      const ev = new Evaluator(template([]), context(), new AzureState(), {});
      ev.phase = 'start';
      expect(ev.evaluate(`[reference('${id}', '2024-11-30').principalId]`, 'resource')).to.equal('opaque-principalId');
      expect(ev.runtimeCalls).to.have.length(1);
    });

    it('GIVEN an identity in the simulated Azure THEN reference() reads its principalId, and a recreated identity reads a new one', () => {
      const state = new AzureState();
      state.put({ id, type: 'Microsoft.ManagedIdentity/userAssignedIdentities', location: 'westeurope', properties: {}, identity: undefined });
      const before = evaluate(`[reference('${id}', '2024-11-30').principalId]`, { state });
      expect(before).to.match(/^[0-9a-f-]{36}$/);
      expect(evaluate(`[reference('${id}', '2024-11-30').principalId]`, { state })).to.equal(before);
      state.recreateIdentities();
      expect(evaluate(`[reference('${id}', '2024-11-30').principalId]`, { state })).to.not.equal(before);
    });

    it("GIVEN an account with a system-assigned identity THEN reference(id, api, 'full').identity.principalId is its principal", () => {
      const state = new AzureState();
      const acct = `${rgPath}/providers/Microsoft.Automation/automationAccounts/aa`;
      state.put({ id: acct, type: 'Microsoft.Automation/automationAccounts', location: 'westeurope', properties: {}, identity: { type: 'SystemAssigned' } });
      expect(evaluate(`[reference('${acct}', '2024-10-23', 'full').identity.principalId]`, { state })).to.match(/^[0-9a-f-]{36}$/);
      expect(() => evaluate(`[reference('${acct}', '2024-10-23').identity]`, { state })).to.throw(EvaluationError);
    });
  });
});
