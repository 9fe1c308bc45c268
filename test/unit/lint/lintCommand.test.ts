import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { runCli } from '../../../generator/cli.js';
import { capture } from '../../support/cliRun.js';
import { repoRoot } from '../../support/paths.js';

describe('armgen lint', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'armgen-lint-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 0 with no findings on armgen's own examples, except seed-roles' least-privilege warning, which it counts", async () => {
    // GIVEN every example config; seed-roles grants Contributor on a subscription on purpose (AG700)
    const all = readdirSync(join(repoRoot, 'examples')).filter((f) => f.endsWith('.yaml'));
    const examples = all.filter((f) => f !== 'seed-roles.yaml').map((f) => join(repoRoot, 'examples', f));
    let c = capture();
    // WHEN they are linted
    const code = await runCli(['lint', ...examples], c.io);
    // THEN nothing is reported and the exit code is 0
    expect(c.out.stderr).to.not.match(/AG[457]00/);
    expect(code, c.out.stderr).to.equal(0);
    expect(c.out.stderr).to.include(`${examples.length} config(s) linted, 0 finding(s)`);
    // AND the warning lint prints for seed-roles is a finding: counted, exit 1
    c = capture();
    expect(await runCli(['lint', join(repoRoot, 'examples', 'seed-roles.yaml')], c.io)).to.equal(1);
    expect(c.out.stderr).to.match(/warning AG700/);
    expect(c.out.stderr).to.include('1 config(s) linted, 1 finding(s)');
  });

  it('exits 1 and prints located AG500 findings with the rule id for a config whose output breaks a rule', async () => {
    // GIVEN a config that pins the account to an API version over two years old
    const config = join(dir, 'old-api.yaml');
    copyFileSync(join(repoRoot, 'examples', 'template-ua.yaml'), config);
    appendFileSync(config, "apiVersions:\n  Microsoft.Automation/automationAccounts: '2023-11-01'\n");
    const { out, io } = capture();
    // WHEN it is linted
    const code = await runCli(['lint', config], io);
    // THEN the finding is printed against the file generate would write (out/NAME/...), once, and the exit code is 1
    expect(code, out.stderr).to.equal(1);
    expect(out.stderr).to.match(/^out\/old-api\/azuredeploy\.json:\d+:\d+: warning AG500: \[api-versions-recent\] API version 2023-11-01/m);
    // AND each finding is printed once (lint reads the pipeline's findings, it does not lint again), and counted
    const findings = out.stderr.split('\n').filter((l) => l.includes('AG500'));
    expect(findings.length).to.be.greaterThan(0);
    expect(new Set(findings).size).to.equal(findings.length);
    expect(out.stderr).to.include(`1 config(s) linted, ${findings.length} finding(s)`);
  });

  it('prints findings as SARIF with --diagnostics-format sarif', async () => {
    // GIVEN the same config
    const config = join(dir, 'old-api.yaml');
    copyFileSync(join(repoRoot, 'examples', 'template-ua.yaml'), config);
    appendFileSync(config, "apiVersions:\n  Microsoft.Automation/automationAccounts: '2023-11-01'\n");
    const { out, io } = capture();
    // WHEN it is linted with SARIF output
    const code = await runCli(['lint', config, '--diagnostics-format', 'sarif'], io);
    // THEN stdout is one SARIF log whose results carry AG500 and the rule id
    expect(code).to.equal(1);
    const sarif = JSON.parse(out.stdout) as { runs: { results: { ruleId: string; message: { text: string } }[] }[] };
    const results = sarif.runs[0]?.results ?? [];
    expect(results.length).to.be.greaterThan(0);
    expect(results.every((r) => r.ruleId === 'AG500' && r.message.text.startsWith('[api-versions-recent]'))).to.equal(true);
  });

  it('exits 2 on an invalid config and lints nothing', async () => {
    // GIVEN a config that breaks the schema
    const config = join(dir, 'bad.yaml');
    writeFileSync(config, 'automationAccount: 3\n');
    const { out, io } = capture();
    // WHEN it is linted
    const code = await runCli(['lint', config], io);
    // THEN the config error is reported with exit 2
    expect(code).to.equal(2);
    expect(out.stderr).to.include('AG200');
    expect(out.stderr).to.not.include('AG500');
  });

  it('prints an info hint (AG801) but exits 0 for it: a hint never fails a run', async () => {
    // GIVEN a config whose only diagnostic is a hint (a VM worker registered without installExtension)
    const config = join(dir, 'hint.yaml');
    writeFileSync(
      config,
      'automationAccount:\n  name: aa-hint-01\nhybridWorkerGroups:\n  - name: ops\n    workers:\n      - vmResourceId: /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-1\n',
    );
    const { out, io } = capture();
    // WHEN it is linted
    const code = await runCli(['lint', config], io);
    // THEN the hint is printed, not counted as a finding, and the exit code is 0
    expect(out.stderr).to.match(/info AG801/);
    expect(out.stderr).to.include('1 config(s) linted, 0 finding(s)');
    expect(code, out.stderr).to.equal(0);
  });
});
