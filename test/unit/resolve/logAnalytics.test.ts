import { expect } from 'chai';
import { parse } from 'yaml';
import type { ArmgenConfig } from '../../../generator/model/config.generated.js';
import { str } from '../../../generator/model/expr.js';
import type { ModuleNode } from '../../../generator/model/resolved.js';
import { resolveModel } from '../../../generator/resolve/resolveModel.js';
import { errorsOf, render, resourcesOfType } from './assetHelpers.js';

const ACCOUNT_ID = "[resourceId('Microsoft.Automation/automationAccounts', 'aa-law-01')]";
const MON_SUB = '44444444-4444-4444-4444-444444444444';
const WORKSPACE = `/subscriptions/${MON_SUB}/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/law-ops`;
const account = 'automationAccount:\n  name: aa-law-01\n  tags: { team: ops }\n';

interface Nested {
  parameters: Record<string, { value: unknown }>;
  template: { resources: { type: string; name: string; properties: unknown }[] };
}

describe('Log Analytics link: the resolved model', () => {
  it("links an existing workspace through a module into the workspace's own subscription and group", () => {
    // GIVEN a workspace given by its literal ID
    const result = resolveModel('law', parse(`${account}logAnalytics:\n  workspaceId: ${WORKSPACE}\n`) as ArmgenConfig);
    if (!result.ok) throw new Error('expected a model');
    const [module] = result.model.template.resources.filter((n): n is ModuleNode => n.kind === 'module');
    // THEN one module targets (sub, rg) of the ID and links by the workspace's name; the summary names the workspace
    expect(module!.purpose).to.equal('logAnalyticsLink');
    expect(module!.target).to.deep.equal({ kind: 'resourceGroup', subscriptionId: str(MON_SUB), resourceGroup: str('rg-mon') });
    expect(module!.parameters[0]).to.deep.equal({ name: 'workspaceName', value: str('law-ops') });
    expect(module!.dependsOn.map((r) => r.type)).to.deep.equal(['Microsoft.Automation/automationAccounts']);
    expect(result.model.summary.logAnalytics).to.deep.equal({ created: false, workspaceId: str(WORKSPACE), resourceGroup: str('rg-mon'), subscriptionId: str(MON_SUB) });
    // ...and a hint says the link alone carries no job logs
    expect(result.findings.map((f) => `${f.severity} ${f.code} ${f.pointer}`)).to.deep.equal(['info AG801 /logAnalytics']);
  });
});

describe('Log Analytics link: the rendered ARM template', () => {
  it('writes the linked service Automation with the account ID as resourceId (read access), inside the nested deployment', () => {
    const { template } = render(`${account}logAnalytics:\n  workspaceId: ${WORKSPACE}\n`);
    const [deployment] = resourcesOfType(template, 'Microsoft.Resources/deployments');
    expect(deployment).to.deep.include({ subscriptionId: MON_SUB, resourceGroup: 'rg-mon', dependsOn: [ACCOUNT_ID] });
    const nested = deployment!.properties as Nested;
    expect(nested.parameters).to.deep.equal({ workspaceName: { value: 'law-ops' }, automationAccountId: { value: ACCOUNT_ID } });
    expect(nested.template.resources).to.deep.equal([
      {
        type: 'Microsoft.OperationalInsights/workspaces/linkedServices',
        apiVersion: '2025-07-01',
        name: "[format('{0}/{1}', parameters('workspaceName'), 'Automation')]",
        properties: { resourceId: "[parameters('automationAccountId')]" },
      },
    ]);
  });

  it('takes a workspace ID given by parameter apart at deployment', () => {
    const yaml = `parameters:\n  workspaceId:\n    type: string\n    defaultValue: ${WORKSPACE}\n${account}logAnalytics:\n  workspaceId: { param: workspaceId }\n`;
    const [deployment] = resourcesOfType(render(yaml).template, 'Microsoft.Resources/deployments');
    expect(deployment).to.deep.include({ subscriptionId: "[split(parameters('workspaceId'), '/')[2]]", resourceGroup: "[split(parameters('workspaceId'), '/')[4]]" });
    expect((deployment!.properties as Nested).parameters.workspaceName).to.deep.equal({ value: "[last(split(parameters('workspaceId'), '/'))]" });
  });

  it("creates a PerGB2018 workspace at the account's location with the account's tags, and links it beside it", () => {
    // GIVEN createWorkspace with a retention
    const { template, result } = render(`${account}logAnalytics:\n  createWorkspace:\n    name: law-aa-01\n    retentionInDays: 90\ndiagnosticSettings:\n  - workspaceId: ${WORKSPACE}\n`);
    const [workspace] = resourcesOfType(template, 'Microsoft.OperationalInsights/workspaces');
    const [link] = resourcesOfType(template, 'Microsoft.OperationalInsights/workspaces/linkedServices');
    // THEN the workspace is minimal and the link waits for it and for the account
    expect(workspace).to.deep.equal({
      type: 'Microsoft.OperationalInsights/workspaces',
      apiVersion: '2025-07-01',
      name: 'law-aa-01',
      location: "[parameters('location')]",
      tags: { team: 'ops' },
      properties: { sku: { name: 'PerGB2018' }, retentionInDays: 90 },
    });
    expect(link).to.deep.include({ name: "[format('{0}/{1}', 'law-aa-01', 'Automation')]", properties: { resourceId: ACCOUNT_ID } });
    expect(link!.dependsOn).to.deep.equal(["[resourceId('Microsoft.OperationalInsights/workspaces', 'law-aa-01')]", ACCOUNT_ID]);
    // ...and with a diagnostic setting to a workspace, no hint about job logs
    expect(result.diagnostics.map((d) => d.code)).not.to.include('AG801');
  });
});

describe('Log Analytics link: config errors', () => {
  it('rejects both ways at once, a workspace ID of another type and a workspace name Azure refuses', () => {
    const both = errorsOf(`${account}logAnalytics:\n  workspaceId: ${WORKSPACE}\n  createWorkspace: { name: law-x-01 }\n`).join('\n');
    expect(both).to.contain('AG200 /logAnalytics: give workspaceId (link an existing workspace) or createWorkspace (create one and link it), not both');
    const wrong = errorsOf(`${account}logAnalytics:\n  workspaceId: ${WORKSPACE.replace('OperationalInsights/workspaces', 'Insights/components')}\n`).join('\n');
    expect(wrong).to.contain('AG308 /logAnalytics/workspaceId:');
    expect(wrong).to.contain('is not a Log Analytics workspace resource ID');
    expect(errorsOf(`${account}logAnalytics:\n  createWorkspace: { name: law_x }\n`).join('\n')).to.contain('AG300 /logAnalytics/createWorkspace/name: "law_x" is not a valid Log Analytics workspace name');
  });

  it('says which key is missing when neither is given, and bounds the retention (schema)', () => {
    expect(errorsOf(`${account}logAnalytics: {}\n`).join('\n')).to.contain("missing one of the keys 'workspaceId', 'createWorkspace'");
    expect(errorsOf(`${account}logAnalytics:\n  createWorkspace: { name: law-x-01, retentionInDays: 7 }\n`).join('\n')).to.contain('must be at least 30');
  });
});
