import { expect } from 'chai';
import { importText, refusalsOf } from './helpers.js';

/** A minimal template around the given resources (two-space JSON, so lines and columns are predictable). */
function template(resources: unknown[]): string {
  return JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources }, null, 2);
}

const account = (extra: Record<string, unknown> = {}, properties: Record<string, unknown> = { sku: { name: 'Basic' } }) => ({
  type: 'Microsoft.Automation/automationAccounts',
  apiVersion: '2024-10-23',
  name: 'aa-imported',
  location: '[resourceGroup().location]',
  properties: { disableLocalAuth: true, ...properties },
  ...extra,
});

describe('import refusals: located AG910 diagnostics naming the JSON path', () => {
  it('imports a minimal account (the control case for the refusals below)', () => {
    const outcome = importText('t.json', template([account()]));
    if (!outcome.ok) throw new Error(refusalsOf(outcome).join('\n'));
    expect(outcome.text).to.include('name: aa-imported');
  });

  it('refuses an unknown resource type at its type, with line and column', () => {
    // GIVEN a storage account beside the Automation account
    const text = template([account(), { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-05-01', name: 'st', location: 'westeurope' }]);
    // WHEN imported THEN it is refused at resources[1].type (line 18, column 7) and nothing else is reported
    expect(refusalsOf(importText('t.json', text))).to.deep.equal([
      't.json:18:7: error AG910: resources[1].type: resource type Microsoft.Storage/storageAccounts has no armgen equivalent (import maps: user-assigned identity, Automation account, federated identity credential, runtime environment, runtime environment package, module (PowerShell 5.1), module (PowerShell 7.2), Python 3 package, runbook, schedule, job schedule, source control identity variable, variable, credential, hybrid worker group, hybrid worker, hybrid worker extension (module), webhook, source control, diagnostic setting, private endpoint, private DNS zone group, private endpoint (module), Log Analytics workspace, workspace link, linked workspace (module), role assignment (identity), role assignment (principal), lock)',
    ]);
  });

  it('says a type armgen renders but import does not map in this shape is not imported yet (a nested deployment that is none of armgen\'s modules)', () => {
    const text = template([account(), { type: 'Microsoft.Resources/deployments', apiVersion: '2025-04-01', name: 'custom', properties: { mode: 'Incremental' } }]);
    expect(refusalsOf(importText('t.json', text))[0]).to.match(/^t\.json:18:7: error AG910: resources\[1\]\.type: resource type Microsoft\.Resources\/deployments is not imported yet/);
  });

  it('refuses a stored DateTime outside years 1-9999 at its value instead of failing with an internal error', () => {
    // GIVEN a variable whose stored "\/Date(ms)\/" is far past year 9999 (a Date that JavaScript cannot even print)
    const variable = { type: 'Microsoft.Automation/automationAccounts/variables', apiVersion: '2024-10-23', name: 'aa-imported/late', properties: { isEncrypted: false, value: '"\\/Date(99999999999999999)\\/"' } };
    // WHEN imported THEN it is one located refusal at the value
    expect(refusalsOf(importText('t.json', template([account(), variable])))).to.deep.equal([
      't.json:23:9: error AG910: resources[1].properties.value: a DateTime variable value is imported as "\\/Date(<ms>)\\/" within years 1-9999 (what Automation stores)',
    ]);
  });

  it('refuses an unknown property of a mapped resource at its key', () => {
    // GIVEN the account with a property armgen does not write
    const text = template([account({}, { sku: { name: 'Basic' }, foo: 1 })]);
    expect(refusalsOf(importText('t.json', text))).to.deep.equal([
      "t.json:15:9: error AG910: resources[0].properties.foo: 'foo' of the Automation account properties has no armgen equivalent",
    ]);
  });

  it('refuses an expression armgen cannot express, naming it and its path', () => {
    // GIVEN an account name built with concat()
    const text = template([account({ name: "[concat('aa-', uniqueString(resourceGroup().id))]" })]);
    expect(refusalsOf(importText('t.json', text))).to.deep.equal([
      "t.json:8:7: error AG910: resources[0].name: the account name: the expression [concat('aa-', uniqueString(resourceGroup().id))] has no armgen equivalent here (armgen takes a literal or { param: NAME })",
    ]);
  });

  it('refuses template variables and an output armgen does not write', () => {
    const text = JSON.stringify({ contentVersion: '1.0.0.0', variables: { x: 1 }, resources: [account()], outputs: { custom: { type: 'string', value: 'x' } } }, null, 2);
    const refusals = refusalsOf(importText('t.json', text));
    expect(refusals).to.have.length(2);
    expect(refusals[0]).to.match(/^t\.json:\d+:\d+: error AG910: outputs\.custom: output 'custom' \(x\) has no armgen equivalent/);
    expect(refusals[1]).to.equal("t.json:3:3: error AG910: variables: 'variables' of the template has no armgen equivalent");
  });

  it('refuses a template without an Automation account', () => {
    expect(refusalsOf(importText('t.json', template([])))).to.deep.equal([
      't.json:4:3: error AG910: resources: the template has no Microsoft.Automation/automationAccounts resource: an armgen config describes one Automation account',
    ]);
  });

  it('refuses, after rendering, a mapped construct whose config would render differently', () => {
    // GIVEN a location parameter with another default: armgen has no config for the account to read it other than { param }
    const text = JSON.stringify({ contentVersion: '1.0.0.0', parameters: { where: { type: 'string', defaultValue: 'westeurope' } }, resources: [account({ location: "[toLower(parameters('where'))]" })] }, null, 2);
    const refusals = refusalsOf(importText('t.json', text));
    expect(refusals[0]).to.match(/^t\.json:\d+:\d+: error AG910: resources\[0\]\.location: the account location: the expression \[toLower\(parameters\('where'\)\)\] has no armgen equivalent here/);
  });
});
