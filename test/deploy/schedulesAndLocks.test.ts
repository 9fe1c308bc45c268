import { expect } from 'chai';
import { renderYaml, templateOf } from '../helpers/render.js';
import { account, accountId, accountParameter, rulesOf, scenario, show, template } from './templates.js';

const scheduleAt = (startTime: string): object => ({
  type: 'Microsoft.Automation/automationAccounts/schedules',
  apiVersion: '2024-10-23',
  name: "[format('{0}/{1}', parameters('accountName'), 'daily')]",
  properties: { startTime, frequency: 'Day', interval: 1 },
  dependsOn: [`[${accountId}]`],
});
const variable = {
  type: 'Microsoft.Automation/automationAccounts/variables',
  apiVersion: '2024-10-23',
  name: "[format('{0}/{1}', parameters('accountName'), 'v')]",
  properties: { value: '"x"', isEncrypted: false },
  dependsOn: [`[${accountId}]`],
};
const lock = (level: string, dependsOn: string[]): object => ({
  type: 'Microsoft.Authorization/locks',
  apiVersion: '2020-05-01',
  scope: `[${accountId}]`,
  name: "[format('lock-{0}', parameters('accountName'))]",
  properties: { level },
  dependsOn,
});

describe('deploy simulator: schedule start times', () => {
  it('GIVEN a start 15 minutes after each deployment (parameter default) THEN the first deployment and a redeployment succeed', () => {
    const t = template([account(), scheduleAt("[parameters('start')]")], { ...accountParameter, start: { type: 'string', defaultValue: "[dateTimeAdd(utcNow('u'), 'PT15M')]" } });
    for (const s of ['firstDeploy', 'redeploy'] as const) expect(scenario(s, t), s).to.deep.equal([]);
  });

  it('GIVEN a start 3 minutes after the deployment THEN reported', () => {
    const found = scenario('firstDeploy', template([account(), scheduleAt('2026-12-01T09:03:00Z')], accountParameter));
    expect(rulesOf(found), show(found)).to.deep.equal(['schedule-start-too-soon']);
  });

  it('GIVEN a fixed start one hour after the first deployment THEN the first succeeds and the redeployment a day later fails', () => {
    const t = template([account(), scheduleAt('2026-12-01T10:00:00+00:00')], accountParameter);
    expect(scenario('firstDeploy', t)).to.deep.equal([]);
    expect(rulesOf(scenario('redeploy', t))).to.deep.equal(['schedule-start-too-soon']);
  });
});

describe('deploy simulator: ReadOnly locks', () => {
  const children = [`[${accountId}]`, "[resourceId('Microsoft.Automation/automationAccounts/variables', parameters('accountName'), 'v')]"];

  it('GIVEN a CanNotDelete lock THEN a redeployment succeeds', () => {
    const t = template([account(), variable, lock('CanNotDelete', children)], accountParameter);
    for (const s of ['firstDeploy', 'redeploy'] as const) expect(scenario(s, t), s).to.deep.equal([]);
  });

  it('GIVEN a ReadOnly lock after everything THEN the first deployment succeeds and a redeployment is refused under the lock', () => {
    const t = template([account(), variable, lock('ReadOnly', children)], accountParameter);
    expect(scenario('firstDeploy', t)).to.deep.equal([]);
    const found = scenario('redeploy', t);
    expect(rulesOf(found), show(found)).to.deep.equal(['readonly-lock-blocks-put']);
    expect(found[0]!.at).to.equal('resources[0]'); // the account; its children then wait for a failed dependency
  });

  it('GIVEN a ReadOnly lock that depends on the account only THEN the child it may race is reported', () => {
    const found = scenario('firstDeploy', template([account(), variable, lock('ReadOnly', [`[${accountId}]`])], accountParameter));
    expect(rulesOf(found), show(found)).to.deep.equal(['readonly-lock-races-children']);
    expect(found[0]!.at).to.equal('resources[1]');
  });
});

describe('deploy simulator: a ReadOnly lock on a created identity (armgen output)', () => {
  // GIVEN armgen's template for a ReadOnly-locked identity with a federated credential, a role assignment on it made
  // in the template (a known principal) and one made by a module (the account's system identity)
  const config = [
    'identities:',
    '  - name: runner',
    '    create: true',
    '    lock: { level: ReadOnly, readOnlyAcknowledged: true }',
    "    federatedCredentials: [{ name: github-main, issuer: 'https://token.actions.githubusercontent.com', subject: 'repo:c/o:ref:refs/heads/main' }]",
    'automationAccount:',
    '  name: aa-locked-identity',
    '  identity: { systemAssigned: true, userAssigned: [runner] }',
    'roleAssignments:',
    "  - { principalId: '00000000-0000-0000-0000-0000000000aa', principalType: User, role: Managed Identity Operator, scope: { kind: identity, name: runner } }",
    '  - { identity: system, role: Reader, scope: { kind: identity, name: runner } }',
  ].join('\n');
  const rendered = templateOf(renderYaml(config));

  it('THEN the first deployment succeeds: the lock waits for every PUT under the identity', () => {
    const found = scenario('firstDeploy', template(rendered.resources, rendered.parameters));
    expect(found, show(found)).to.deep.equal([]);
  });

  it('AND a lock that waited for the identity only would race the credential and the role assignment', () => {
    // (The simulator checks the resources of this template under the lock's scope; the assignment inside the
    // role-assignment module is checked by test/unit/resolve/identityOptions.test.ts: the lock depends on the module.)
    const racing = rendered.resources.map((r) => (r.type === 'Microsoft.Authorization/locks' ? { ...r, dependsOn: (r.dependsOn as string[]).slice(0, 1) } : r));
    const found = scenario('firstDeploy', template(racing, rendered.parameters));
    // THEN exactly the credential (resources[1]) and the role assignment made here (resources[3]) are reported
    const at = (type: string) => `resources[${rendered.resources.findIndex((r) => r.type === type)}]`;
    expect(found.map((v) => `${v.rule} @ ${v.at}`), show(found)).to.deep.equal([
      `readonly-lock-races-children @ ${at('Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials')}`,
      `readonly-lock-races-children @ ${at('Microsoft.Authorization/roleAssignments')}`,
    ]);
  });
});
