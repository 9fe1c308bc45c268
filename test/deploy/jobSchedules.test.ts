import { expect } from 'chai';
import { DEFAULT_JOB_SCHEDULE_ASSUMPTION } from '../support/deploy/jobSchedules.js';
import { account, accountId, accountParameter, rulesOf, scenario, show, template } from './templates.js';

const child = (kind: string, name: string, properties: object, dependsOn: string[] = [`[${accountId}]`]): object => ({
  type: `Microsoft.Automation/automationAccounts/${kind}`,
  apiVersion: '2024-10-23',
  name: `[format('{0}/{1}', parameters('accountName'), ${name})]`,
  properties,
  dependsOn,
});
const runbook = child('runbooks', "'rb'", { runbookType: 'PowerShell', publishContentLink: { uri: 'https://x.example/rb.ps1' } });
const schedule = child('schedules', "'daily'", { startTime: "[parameters('start')]", frequency: 'Day', interval: 1 });
const link = (nameExpr: string): object =>
  child('jobSchedules', nameExpr, { runbook: { name: 'rb' }, schedule: { name: 'daily' } }, [
    `[${accountId}]`,
    "[resourceId('Microsoft.Automation/automationAccounts/runbooks', parameters('accountName'), 'rb')]",
    "[resourceId('Microsoft.Automation/automationAccounts/schedules', parameters('accountName'), 'daily')]",
  ]);
const parameters = (extra: object = {}): Record<string, object> => ({
  ...accountParameter,
  start: { type: 'string', defaultValue: "[dateTimeAdd(utcNow('u'), 'PT15M')]" },
  ...extra,
});

describe('deploy simulator: job schedules (one link per runbook and schedule, redeployable)', () => {
  const deterministic = template([account(), runbook, schedule, link(`guid(${accountId}, 'rb', 'daily')`)], parameters());
  const perDeployment = template([account(), runbook, schedule, link("parameters('jobScheduleName')")], parameters({ jobScheduleName: { type: 'string', defaultValue: '[newGuid()]' } }));

  it('GIVEN a name guid(account, runbook, schedule) THEN the first deployment succeeds and a redeployment reuses the name and fails', () => {
    expect(scenario('firstDeploy', deterministic)).to.deep.equal([]);
    const found = scenario('redeploy', deterministic);
    expect(rulesOf(found), show(found)).to.deep.equal(['job-schedule-name-reused']);
    expect(found[0]!.source).to.match(/Reusing the same GUID results in a failed deployment/);
  });

  it(`GIVEN a newGuid() name per deployment and the default assumption (${DEFAULT_JOB_SCHEDULE_ASSUMPTION}) THEN every scenario succeeds`, () => {
    for (const s of ['firstDeploy', 'redeploy', 'recreateIdentity', 'secondAccount'] as const) {
      const found = scenario(s, perDeployment);
      expect(found, `${s}\n${show(found)}`).to.deep.equal([]);
    }
  });

  it("GIVEN a newGuid() name per deployment and the 'fails' assumption (schemas#313) THEN the redeployment fails on the existing link", () => {
    expect(rulesOf(scenario('redeploy', perDeployment, undefined, { jobSchedules: 'fails' }))).to.deep.equal(['job-schedule-link-exists']);
    expect(rulesOf(scenario('redeploy', deterministic, undefined, { jobSchedules: 'fails' }))).to.deep.equal(['job-schedule-name-reused']);
  });

  it('GIVEN a false condition on the link (deployJobSchedules=false) THEN a redeployment succeeds', () => {
    const conditional = template([account(), runbook, schedule, { ...(link(`guid(${accountId}, 'rb', 'daily')`) as object), condition: "[parameters('deploy')]" }], parameters({ deploy: { type: 'bool', defaultValue: true } }));
    expect(rulesOf(scenario('redeploy', conditional))).to.deep.equal(['job-schedule-name-reused']);
    expect(scenario('redeploy', conditional, { parameters: { deploy: { value: false } } })).to.deep.equal([]);
  });

  it('GIVEN two links of the same runbook and schedule in one template THEN reported at the start', () => {
    const twice = template([account(), runbook, schedule, link("guid('one')"), link("guid('two')")], parameters());
    expect(rulesOf(scenario('firstDeploy', twice))).to.deep.equal(['job-schedule-pair-duplicated']);
  });
});
