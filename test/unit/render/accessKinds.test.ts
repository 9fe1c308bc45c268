import { expect } from 'chai';
import { ACCESS_KINDS_YAML } from '../../helpers/accessKinds.js';
import { renderYaml, templateOf, type ArmResourceJson } from '../../helpers/render.js';

/**
 * The ARM and Bicep printers on webhooks, hybrid worker groups (with the HybridWorker extension module) and source
 * control: one model, two spellings. The real Bicep CLI builds the same config in test/integration/bicepCompile.test.ts.
 */
describe('printers: webhooks, hybrid workers and source control in ARM and Bicep', () => {
  const result = renderYaml(ACCESS_KINDS_YAML, 'access.yaml');
  const arm = templateOf(result);
  const text = (path: string) => result.artifacts.find((a) => a.path === `access/${path}`)!.text;
  const bicep = text('main.bicep');
  const ofType = (suffix: string): ArmResourceJson[] => arm.resources.filter((r) => r.type.endsWith(suffix));

  it('GIVEN a webhook with a URI parameter THEN ARM reads it with parameters() and Bicep with the @secure() parameter; the other has no uri', () => {
    const [generated, given] = ofType('/webhooks');
    expect(generated!.properties).not.to.have.property('uri');
    expect(given!.properties).to.deep.include({ uri: "[parameters('deployHookUri')]", isEnabled: false, runOn: 'onprem-workers', runbook: { name: 'Restart-Service' } });
    expect(bicep).to.include("@secure()\nparam deployHookUri string\n");
    expect(bicep).to.include('    runOn: \'onprem-workers\'\n    uri: deployHookUri\n');
    expect(bicep).to.include("param webhookExpiryTime string = dateTimeAdd(utcNow('u'), 'P1Y')");
    expect(arm.parameters.webhookExpiryTime).to.deep.include({ type: 'string', defaultValue: "[dateTimeAdd(utcNow('u'), 'P1Y')]" });
  });

  it('GIVEN workers THEN Bicep names each guid(group.id, machine ID in lower case) under its group; ARM writes the same with format()', () => {
    expect(bicep).to.include('  name: guid(onpremWorkersWorkerGroup.id, toLower(workerVmId))\n  parent: onpremWorkersWorkerGroup\n');
    expect(bicep).to.match(/name: guid\(\n\s+onpremWorkersWorkerGroup\.id,\n\s+'\/subscriptions\/11111111-1111-1111-1111-111111111111\/resourcegroups\/rg-vms\/providers\/microsoft\.compute\/virtualmachines\/vm-win-01'\n\s+\)/);
    const names = ofType('/hybridRunbookWorkers').map((r) => r.name);
    expect(names[1]).to.equal(
      "[format('{0}/{1}/{2}', 'aa-access-kinds', 'onprem-workers', guid(resourceId('Microsoft.Automation/automationAccounts/hybridRunbookWorkerGroups', 'aa-access-kinds', 'onprem-workers'), toLower(parameters('workerVmId'))))]",
    );
  });

  it('GIVEN installExtension THEN ARM nests an inner-scoped deployment into the VM\'s group and Bicep calls one module file for both VMs', () => {
    const modules = ofType('Microsoft.Resources/deployments').filter((r) => String(r.name).startsWith("[format('hybridWorker-{0}'"));
    expect(modules.map((m) => [m.subscriptionId, m.resourceGroup])).to.deep.equal([
      ['11111111-1111-1111-1111-111111111111', 'rg-vms'],
      ["[split(parameters('workerVmId'), '/')[2]]", "[split(parameters('workerVmId'), '/')[4]]"],
    ]);
    const props = modules[0]!.properties as { expressionEvaluationOptions: unknown; parameters: Record<string, { value: unknown }>; template: { resources: ArmResourceJson[] } };
    expect(props.expressionEvaluationOptions).to.deep.equal({ scope: 'Inner' });
    expect(props.parameters.location!.value).to.equal(
      "[reference(resourceId('11111111-1111-1111-1111-111111111111', 'rg-vms', 'Microsoft.Compute/virtualMachines', 'vm-win-01'), '2026-03-01', 'full').location]",
    );
    expect(props.parameters.automationAccountUrl!.value).to.equal("[reference(resourceId('Microsoft.Automation/automationAccounts', 'aa-access-kinds'), '2024-10-23').automationHybridServiceUrl]");
    expect(props.template.resources[0]).to.deep.include({ type: 'Microsoft.Compute/virtualMachines/extensions', name: "[format('{0}/{1}', parameters('vmName'), 'HybridWorkerExtension')]", location: "[parameters('location')]" });
    expect(bicep.match(/module \w+ 'modules\/hybridWorkerExtension\.resource\.Compute\.virtualMachines\.bicep' = \{/g)).to.have.length(2);
    expect(bicep).to.include("  scope: resourceGroup(split(workerVmId, '/')[2], split(workerVmId, '/')[4])\n");
    const module = text('modules/hybridWorkerExtension.resource.Compute.virtualMachines.bicep');
    expect(module).to.include("resource vm 'Microsoft.Compute/virtualMachines@2026-03-01' existing = {\n  name: vmName\n}");
    expect(module).to.include("resource hybridWorkerExtension 'Microsoft.Compute/virtualMachines/extensions@2026-03-01' = {\n  name: 'HybridWorkerExtension'\n  parent: vm\n  location: location\n");
    expect(module).to.include("    publisher: 'Microsoft.Azure.Automation.HybridWorker'\n    type: extensionType\n    typeHandlerVersion: '1.1'\n");
  });

  it('GIVEN source control THEN both formats read the token from the securestring parameter inside securityToken', () => {
    const [sc] = ofType('/sourceControls');
    expect((sc!.properties as { securityToken: unknown }).securityToken).to.deep.equal({ accessToken: "[parameters('githubToken')]", tokenType: 'PersonalAccessToken' });
    expect(bicep).to.include('    securityToken: {\n      accessToken: githubToken\n      tokenType: \'PersonalAccessToken\'\n    }\n');
  });

  it('GIVEN the group has a credential THEN it waits for it in both formats (Bicep: dependsOn, no symbol reference implies it)', () => {
    const [group] = ofType('/hybridRunbookWorkerGroups');
    expect(group!.dependsOn).to.include("[resourceId('Microsoft.Automation/automationAccounts/credentials', 'aa-access-kinds', 'HybridRunAs')]");
    expect(bicep).to.match(/resource onpremWorkersWorkerGroup [^\n]+\n(?:.*\n)*?  dependsOn: \[\n    hybridRunAsCredential\n  \]/);
  });
});
