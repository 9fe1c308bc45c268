import { expect } from 'chai';
import { generateConfig } from '../../../generator/generate.js';
import { call, param, str } from '../../../generator/model/expr.js';
import type { ResourceNode } from '../../../generator/model/resolved.js';
import { ACCOUNT_ID, byName, childId, errorsOf, officialSchemaErrors, render } from './assetHelpers.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const runbooks = [
  'runbooks:',
  '  - { name: Restart-Service, type: PowerShell, uri: https://example.org/r.ps1 }',
  '  - { name: Py-Job, type: Python3, uri: https://example.org/p.py }',
].join('\n');

/** An account with local authentication on (webhooks need it), runbooks, and the given sections. */
function webhookConfig(sections: string, account = '  disableLocalAuth: false'): string {
  return ['automationAccount:', '  name: aa-assets-01', account, runbooks, sections].join('\n');
}

describe('webhooks: resolve', () => {
  it('GIVEN a webhook without uri or expiry WHEN resolved THEN the model has it enabled, expiring at the webhookExpiryTime parameter, waiting for its runbook', () => {
    const result = render(webhookConfig('webhooks:\n  - name: on-alert\n    runbook: restart-service\n    parameters: { ServiceName: spooler }\n')).result;
    const node = result.model.template.resources.find((n): n is ResourceNode => n.kind === 'resource' && n.ref.type.endsWith('/webhooks'))!;
    // THEN the model: properties as language-neutral values, the runbook by its declared spelling, no uri
    expect(node.properties).to.deep.equal({
      k: 'obj',
      entries: [
        { key: 'isEnabled', value: { k: 'bool', v: true } },
        { key: 'expiryTime', value: param('webhookExpiryTime') },
        { key: 'runbook', value: { k: 'obj', entries: [{ key: 'name', value: str('Restart-Service') }] } },
        { key: 'parameters', value: { k: 'obj', entries: [{ key: 'ServiceName', value: str('spooler') }] } },
      ],
    });
    expect(node.dependsOn.map((r) => r.symbol)).to.deep.equal(['automationAccount', 'restartServiceRunbook']);
    // AND the expiry parameter defaults to one year after the deployment (the portal's default), never already due
    const expiry = result.model.template.parameters.find((p) => p.name === 'webhookExpiryTime');
    expect(expiry?.defaultValue).to.deep.equal(call('dateTimeAdd', call('utcNow', str('u')), str('P1Y')));
    // AND an info says the generated URI is shown only once, and how to get one (never a failure)
    const info = result.diagnostics.filter((d) => d.code === 'AG801' && d.pointer === '/webhooks/0');
    expect(info.map((d) => d.severity)).to.deep.equal(['info']);
    expect(info[0]!.message).to.match(/New-AzAutomationWebhook/).and.to.match(/generateUri/);
  });

  it('GIVEN a webhook with a fixed expiry, a URI parameter and runOn WHEN rendered THEN ARM has them, official-schema valid', () => {
    const yaml = webhookConfig(
      [
        'parameters:',
        '  hookUri: { type: securestring, description: generated URI }',
        'webhooks:',
        '  - name: hook',
        '    runbook: Restart-Service',
        '    enabled: false',
        "    expiryTime: '2030-01-01T00:00:00Z'",
        '    runOn: my-group',
        '    uri: { param: hookUri }',
      ].join('\n'),
    );
    const { template, result } = render(yaml, { now: NOW });
    const hook = byName(template, 'webhooks', 'hook');
    expect(hook.properties).to.deep.equal({
      isEnabled: false,
      expiryTime: '2030-01-01T00:00:00Z',
      runbook: { name: 'Restart-Service' },
      runOn: 'my-group',
      uri: "[parameters('hookUri')]",
    });
    expect(hook.dependsOn).to.deep.equal([ACCOUNT_ID, childId('runbooks', 'Restart-Service')]);
    // a webhook given its URI gets no "URI shown once" hint, and no expiry parameter is added
    expect(result.diagnostics.filter((d) => d.code === 'AG801')).to.deep.equal([]);
    expect(template.parameters.webhookExpiryTime).to.equal(undefined);
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  it('GIVEN an unknown runbook THEN AG301 with a did-you-mean; GIVEN a Python runbook THEN AG311', () => {
    expect(errorsOf(webhookConfig('webhooks:\n  - { name: h, runbook: Restart-Servce }\n'))).to.deep.equal(["AG301 /webhooks/0/runbook: unknown runbook 'Restart-Servce'. Did you mean 'Restart-Service'?"]);
    const [python] = errorsOf(webhookConfig('webhooks:\n  - { name: h, runbook: Py-Job }\n'));
    expect(python).to.match(/^AG311 \/webhooks\/0\/runbook: runbook 'Py-Job' is a Python3 runbook: "Using a webhook to start a Python runbook is not supported"/);
  });

  it("GIVEN armgen's default disableLocalAuth (true) THEN the webhook is an error AG311 that says what to set", () => {
    const errors = errorsOf(webhookConfig('webhooks:\n  - { name: h, runbook: Restart-Service }\n', ''));
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/^AG311 \/webhooks\/0: the account disables local authentication/).and.to.match(/disableLocalAuth: false/).and.to.match(/true by default/);
  });

  it('GIVEN disableLocalAuth: true, or a bool parameter whose default is true THEN AG311 at that setting; false passes', () => {
    const explicit = generateConfig('w.yaml', webhookConfig('webhooks:\n  - { name: h, runbook: Restart-Service }\n', '  disableLocalAuth: true'));
    expect(explicit.ok).to.equal(false);
    expect(explicit.diagnostics.filter((d) => d.code === 'AG311').map((d) => d.pointer)).to.deep.equal(['/automationAccount/disableLocalAuth']);
    const viaParam = (value: boolean) =>
      webhookConfig(`parameters:\n  localOff: { type: bool, defaultValue: ${value} }\nwebhooks:\n  - { name: h, runbook: Restart-Service }\n`, '  disableLocalAuth: { param: localOff }');
    expect(errorsOf(viaParam(true)).join('\n')).to.match(/^AG311 \/parameters\/localOff\/defaultValue: .*parameter 'localOff' is used at \/automationAccount\/disableLocalAuth/);
    expect(generateConfig('w.yaml', viaParam(false)).ok).to.equal(true);
  });

  it('GIVEN a URI from a plain string parameter THEN AG303 (a securestring is required), without quoting its value', () => {
    const errors = errorsOf(webhookConfig("parameters:\n  hookUri: { type: string, defaultValue: 'https://x.webhook.azure-automation.net/webhooks?token=SECRET123' }\nwebhooks:\n  - { name: h, runbook: Restart-Service, uri: { param: hookUri } }\n"));
    expect(errors.some((e) => /^AG303 \/webhooks\/0\/uri: the URI of webhook 'h' comes from parameter 'hookUri', which must be a securestring/.test(e))).to.equal(true);
    expect(errors.join('\n')).not.to.include('SECRET123');
  });

  it('GIVEN an expiry already past (literal or a parameter value) THEN AG308; without a clock only the form is checked', () => {
    const literal = webhookConfig("webhooks:\n  - { name: h, runbook: Restart-Service, expiryTime: '2026-05-31T00:00:00Z' }\n");
    expect(errorsOf(literal, { now: NOW })[0]).to.match(/^AG308 \/webhooks\/0\/expiryTime: webhook expiry 2026-05-31T00:00:00Z is already past at 2026-06-01T12:00:00.000Z/);
    expect(generateConfig('w.yaml', literal).ok).to.equal(true);
    const viaParam = webhookConfig("parameters:\n  until: { type: string, defaultValue: '2020-01-01T00:00:00Z' }\nwebhooks:\n  - { name: h, runbook: Restart-Service, expiryTime: { param: until } }\n");
    expect(errorsOf(viaParam, { now: NOW })[0]).to.match(/^AG308 \/parameters\/until\/defaultValue: webhook expiry "2020-01-01T00:00:00Z" is already past .*parameter 'until'/);
  });

  it('GIVEN hybrid worker groups THEN runOn must name one (AG301, did-you-mean) and the webhook waits for it; without groups runOn is free', () => {
    const groups = 'hybridWorkerGroups:\n  - name: onprem-workers\n';
    expect(errorsOf(webhookConfig(`${groups}webhooks:\n  - { name: h, runbook: Restart-Service, runOn: onprem-worker }\n`))).to.deep.equal([
      "AG301 /webhooks/0/runOn: unknown hybrid worker group 'onprem-worker'. Did you mean 'onprem-workers'?",
    ]);
    const { template } = render(webhookConfig(`${groups}webhooks:\n  - { name: h, runbook: Restart-Service, runOn: ONPREM-workers }\n`));
    const hook = byName(template, 'webhooks', 'h');
    expect((hook.properties as { runOn: string }).runOn).to.equal('onprem-workers');
    expect(hook.dependsOn).to.include(childId('hybridRunbookWorkerGroups', 'onprem-workers'));
  });

  it('GIVEN two webhooks of one name, or a name Azure refuses, or a parameter named webhookExpiryTime THEN AG302 / AG300', () => {
    expect(errorsOf(webhookConfig('webhooks:\n  - { name: h, runbook: Restart-Service }\n  - { name: H, runbook: Restart-Service }\n'))).to.deep.equal([
      "AG302 /webhooks/1/name: webhook 'H' is declared twice (names are case-insensitive)",
    ]);
    expect(errorsOf(webhookConfig('webhooks:\n  - { name: "a/b", runbook: Restart-Service }\n'))[0]).to.match(/^AG300 \/webhooks\/0\/name: "a\/b" is not a valid Automation asset name/);
    const reserved = errorsOf(webhookConfig("parameters:\n  webhookExpiryTime: { type: string, defaultValue: '2030-01-01T00:00:00Z' }\nwebhooks:\n  - { name: h, runbook: Restart-Service }\n"));
    expect(reserved.some((e) => e.startsWith("AG302 /parameters/webhookExpiryTime: 'webhookExpiryTime' is the parameter armgen adds"))).to.equal(true);
  });
});
