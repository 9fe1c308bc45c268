import { expect } from 'chai';
import { call, ref, str } from '../../../generator/model/expr.js';
import type { ModuleNode, ResourceNode } from '../../../generator/model/resolved.js';
import { ACCOUNT_ID, byName, childId, errorsOf, officialSchemaErrors, render } from './assetHelpers.js';

const VM = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-vms/providers/Microsoft.Compute/virtualMachines/vm-01';
const ARC = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-arc/providers/Microsoft.HybridCompute/machines/srv-01';
const credential = 'parameters:\n  pw: { type: securestring }\ncredentials:\n  - { name: RunAs, userName: svc, password: { param: pw } }\n';

function groupConfig(sections: string): string {
  return ['automationAccount:', '  name: aa-assets-01', sections].join('\n');
}

const GROUP_ID = childId('hybridRunbookWorkerGroups', 'ops');

describe('hybrid worker groups and workers: resolve', () => {
  it('GIVEN a group with a credential THEN it waits for the credential and names it; official-schema valid', () => {
    const { template } = render(groupConfig(`${credential}hybridWorkerGroups:\n  - { name: ops, credential: runas }\n`));
    const group = byName(template, 'hybridRunbookWorkerGroups', 'ops');
    expect(group.properties).to.deep.equal({ credential: { name: 'RunAs' } });
    expect(group.dependsOn).to.deep.equal([ACCOUNT_ID, childId('credentials', 'RunAs')]);
    // a group without a credential still has the `properties` object the API requires since 2022-02-22
    const bare = byName(render(groupConfig('hybridWorkerGroups:\n  - { name: ops }\n')).template, 'hybridRunbookWorkerGroups', 'ops');
    expect(bare.properties).to.deep.equal({});
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  it('GIVEN a worker by literal ID WHEN resolved THEN its name is guid(group ID, the ID in lower case): the same on every deployment', () => {
    const { result, template } = render(groupConfig(`hybridWorkerGroups:\n  - name: ops\n    workers:\n      - vmResourceId: ${VM.replace('resourceGroups', 'RESOURCEGROUPS')}\n`));
    const worker = result.model.template.resources.find((n): n is ResourceNode => n.kind === 'resource' && n.ref.type.endsWith('/hybridRunbookWorkers'))!;
    const group = result.model.template.resources.find((n): n is ResourceNode => n.kind === 'resource' && n.ref.type.endsWith('/hybridRunbookWorkerGroups'))!;
    // THEN the model names it from the group's ID and the canonical ID in lower case (re-casing keeps the name)
    expect(worker.ref.id.kind === 'parts' && worker.ref.id.names[2]).to.deep.equal(call('guid', ref(group.ref, 'id'), str(VM.toLowerCase())));
    expect(worker.ref.parent).to.equal(group.ref);
    // AND ARM writes the machine as resourceId(...) (arm-ttk IDs-Should-Be-Derived-From-ResourceIDs)
    const json = template.resources.find((r) => r.type.endsWith('/hybridRunbookWorkers'))!;
    expect(json.name).to.equal(`[format('{0}/{1}/{2}', 'aa-assets-01', 'ops', guid(${GROUP_ID.slice(1, -1)}, '${VM.toLowerCase()}'))]`);
    expect(json.properties).to.deep.equal({ vmResourceId: "[resourceId('11111111-1111-1111-1111-111111111111', 'rg-vms', 'Microsoft.Compute/virtualMachines', 'vm-01')]" });
    expect(json.dependsOn).to.deep.equal([GROUP_ID]);
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  it('GIVEN a worker by parameter THEN its name seeds with toLower(parameter) and every value of the parameter must be a machine ID (AG308)', () => {
    const yaml = (value: string) => groupConfig(`parameters:\n  vm: { type: string, defaultValue: '${value}' }\nhybridWorkerGroups:\n  - name: ops\n    workers: [{ vmResourceId: { param: vm } }]\n`);
    const json = render(yaml(VM)).template.resources.find((r) => r.type.endsWith('/hybridRunbookWorkers'))!;
    expect(json.name).to.equal(`[format('{0}/{1}/{2}', 'aa-assets-01', 'ops', guid(${GROUP_ID.slice(1, -1)}, toLower(parameters('vm'))))]`);
    expect(errorsOf(yaml('/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1'))[0]).to.match(
      /^AG308 \/parameters\/vm\/defaultValue: .* is not the resource ID of an Azure VM or Arc-enabled server/,
    );
  });

  it('GIVEN one machine twice (in two groups, or spelt in another case) THEN AG302 quoting the docs; GIVEN a non-machine ID THEN AG308', () => {
    const twice = groupConfig(`hybridWorkerGroups:\n  - name: a\n    workers: [{ vmResourceId: ${VM} }]\n  - name: b\n    workers: [{ vmResourceId: ${VM.toLowerCase()} }]\n`);
    expect(errorsOf(twice)).to.deep.equal([
      `AG302 /hybridWorkerGroups/1/workers/0/vmResourceId: this machine is already a worker at /hybridWorkerGroups/0/workers/0: "A selected machine won't be added to a hybrid worker group if it is already part of another hybrid worker group" (https://learn.microsoft.com/azure/automation/extension-based-hybrid-runbook-worker-install)`,
    ]);
    expect(errorsOf(groupConfig('hybridWorkerGroups:\n  - name: a\n    workers: [{ vmResourceId: /subscriptions/not-a-guid/vm }]\n'))[0]).to.match(/^AG308 \/hybridWorkerGroups\/0\/workers\/0\/vmResourceId: /);
  });

  it('GIVEN an unknown credential THEN AG301 with a did-you-mean; GIVEN an API version older than 2022-02-22 THEN AG304 for the credential', () => {
    expect(errorsOf(groupConfig(`${credential}hybridWorkerGroups:\n  - { name: ops, credential: RunA }\n`))).to.deep.equal([
      "AG301 /hybridWorkerGroups/0/credential: unknown credential 'RunA'. Did you mean 'RunAs'?",
    ]);
    const pinned = groupConfig(`apiVersions:\n  Microsoft.Automation/automationAccounts/hybridRunbookWorkerGroups: '2021-06-22'\n${credential}hybridWorkerGroups:\n  - { name: ops, credential: RunAs }\n`);
    expect(errorsOf(pinned)[0]).to.match(/^AG304 \/hybridWorkerGroups\/0\/credential: a hybrid worker group's credential needs .* 2022-02-22 or later/);
  });

  it('GIVEN installExtension on a VM WHEN resolved THEN a module into the VM\'s group installs the documented extension after the worker is registered', () => {
    const { result } = render(groupConfig(`hybridWorkerGroups:\n  - name: ops\n    workers: [{ vmResourceId: ${VM}, installExtension: { os: Linux } }]\n`));
    const module = result.model.template.resources.find((n): n is ModuleNode => n.kind === 'module')!;
    const worker = result.model.template.resources.find((n): n is ResourceNode => n.kind === 'resource' && n.ref.type.endsWith('/hybridRunbookWorkers'))!;
    expect(module.purpose).to.equal('hybridWorkerExtension');
    expect(module.target).to.deep.equal({ kind: 'resourceGroup', subscriptionId: str('11111111-1111-1111-1111-111111111111'), resourceGroup: str('rg-vms'), resource: { type: 'Microsoft.Compute/virtualMachines' } });
    expect(module.dependsOn).to.deep.equal([worker.ref.parent!.parent!, worker.ref]);
    const values = Object.fromEntries(module.parameters.map((p) => [p.name, p.value]));
    expect(values.vmName).to.deep.equal(str('vm-01'));
    expect(values.extensionType).to.deep.equal(str('HybridWorkerForLinux'));
    // the VM's location is read from the VM (Bicep needs an extension's location at the module's start: BCP120)
    expect(values.location).to.deep.include({ k: 'ref', prop: { full: ['location'] } });
    expect(values.automationAccountUrl).to.deep.include({ k: 'ref', prop: { properties: ['automationHybridServiceUrl'] } });
    // the inner template: the VM (existing) and its HybridWorkerExtension with the documented settings
    const [extension] = module.template.resources as ResourceNode[];
    expect(extension!.ref.type).to.equal('Microsoft.Compute/virtualMachines/extensions');
    expect(module.template.existing.map((e) => e.type)).to.deep.equal(['Microsoft.Compute/virtualMachines']);
    expect(result.model.template.existing.some((e) => e.type === 'Microsoft.Compute/virtualMachines' && !e.created)).to.equal(true);
  });

  it('GIVEN installExtension on an Arc-enabled server THEN AG200 (armgen writes only the Azure VM extension); GIVEN a VM worker without it THEN an AG801 hint', () => {
    expect(errorsOf(groupConfig(`hybridWorkerGroups:\n  - name: ops\n    workers: [{ vmResourceId: ${ARC}, installExtension: { os: Windows } }]\n`))[0]).to.match(
      /^AG200 \/hybridWorkerGroups\/0\/workers\/0\/installExtension: installExtension is for Azure VMs/,
    );
    const hints = (id: string) => render(groupConfig(`hybridWorkerGroups:\n  - name: ops\n    workers: [{ vmResourceId: ${id} }]\n`)).result.diagnostics.filter((d) => d.code === 'AG801');
    expect(hints(VM).map((d) => [d.severity, d.pointer])).to.deep.equal([['info', '/hybridWorkerGroups/0/workers']]);
    // an Arc-enabled server cannot take installExtension, so there is nothing to hint at
    expect(hints(ARC)).to.deep.equal([]);
  });

  it('GIVEN job schedules with groups declared THEN runOn must name one (AG301) and the link waits for the group', () => {
    const base = groupConfig(
      'runbooks:\n  - { name: Job, type: PowerShell, uri: https://example.org/j.ps1 }\nschedules:\n  - { name: daily, frequency: Day }\nhybridWorkerGroups:\n  - name: ops\n',
    );
    expect(errorsOf(`${base}jobSchedules:\n  - { runbook: Job, schedule: daily, runOn: opz }\n`)).to.deep.equal(["AG301 /jobSchedules/0/runOn: unknown hybrid worker group 'opz'. Did you mean 'ops'?"]);
    const link = render(`${base}jobSchedules:\n  - { runbook: Job, schedule: daily, runOn: OPS }\n`).template.resources.find((r) => r.type.endsWith('/jobSchedules'))!;
    expect((link.properties as { runOn: string }).runOn).to.equal('ops');
    expect(link.dependsOn).to.include(GROUP_ID);
  });
});
