import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runtimeVersions, systemEnvironment } from '../../../generator/azure/runtimes.js';
import { repoRoot } from '../../support/paths.js';
import { ACCOUNT_ID, byName, childId, config, errorsOf, officialSchemaErrors, render } from './assetHelpers.js';

const runbook = (lines: string) => `runbooks:\n  - name: Job\n${lines}`;
const psStarter = '    generate: { flow: powershell, identity: system }\n';
const pyStarter = '    generate: { flow: python, identity: system }\n';
const props = (t: ReturnType<typeof render>['template'], name = 'Job') => byName(t, 'runbooks', name).properties as Record<string, unknown>;
const codes = (ws: readonly { code: string }[]) => ws.map((w) => w.code);

describe('runbook runtimes: supported by default, retired ones warned, type and environment checked together', () => {
  describe('the default for a generated runbook without type', () => {
    it('GIVEN a PowerShell starter without type THEN it runs in a created PowerShell 7.4 environment with Az 12.3.0, as type PowerShell', () => {
      // WHEN it is rendered
      const { template, warnings } = render(config(runbook(psStarter)));
      // THEN the environment is created and the runbook names it, waits for it, and warns about nothing
      expect(byName(template, 'runtimeEnvironments', 'PowerShell-7_4').properties).to.deep.include({ runtime: { language: 'PowerShell', version: '7.4' }, defaultPackages: { Az: '12.3.0' } });
      expect(props(template)).to.deep.include({ runbookType: 'PowerShell', runtimeEnvironment: 'PowerShell-7_4' });
      expect(byName(template, 'runbooks', 'Job').dependsOn).to.deep.equal([ACCOUNT_ID, childId('runtimeEnvironments', 'PowerShell-7_4')]);
      expect(warnings).to.deep.equal([]);
      expect(officialSchemaErrors(template)).to.deep.equal([]);
    });

    it('GIVEN two Python starters without type THEN both run in one created Python 3.10 environment, as type Python', () => {
      const yaml = config(`runbooks:\n  - name: A\n${pyStarter}  - name: B\n${pyStarter}`);
      const { template, warnings } = render(yaml);
      const envs = template.resources.filter((r) => r.type.endsWith('/runtimeEnvironments'));
      expect(envs.map((e) => e.properties)).to.deep.equal([{ description: "armgen's default Python 3.10 environment for starter runbooks without a type", runtime: { language: 'Python', version: '3.10' } }]);
      expect(props(template, 'A')).to.deep.include({ runbookType: 'Python', runtimeEnvironment: 'Python-3_10' });
      expect(props(template, 'B')).to.deep.include({ runbookType: 'Python', runtimeEnvironment: 'Python-3_10' });
      expect(warnings).to.deep.equal([]);
    });

    it('GIVEN the config declares an environment of the default name THEN the starter uses it and none is added', () => {
      const yaml = config(`runtimeEnvironments:\n  - { name: PowerShell-7_4, language: PowerShell, version: '7.4', defaultPackages: { Az: 13.0.0 } }\n${runbook(psStarter)}`);
      const { template } = render(yaml);
      const envs = template.resources.filter((r) => r.type.endsWith('/runtimeEnvironments'));
      expect(envs.map((e) => (e.properties as { defaultPackages: unknown }).defaultPackages)).to.deep.equal([{ Az: '13.0.0' }]);
      expect(props(template)).to.deep.include({ runtimeEnvironment: 'PowerShell-7_4' });
    });

    it('GIVEN runbooks pinned to an API version without runtime environments THEN a type-less starter is AG304, telling to give a type', () => {
      const errors = errorsOf(config(`apiVersions:\n  Microsoft.Automation/automationAccounts/runbooks: 2023-11-01\n${runbook(psStarter)}`));
      expect(errors.join('\n')).to.match(/AG304 \/runbooks\/0: runbook 'Job' has no type, so it runs in armgen's default runtime environment 'PowerShell-7_4'/);
    });

    it('GIVEN a runbook from a uri or file without type or runtimeEnvironment THEN its type cannot be known (AG200)', () => {
      expect(errorsOf(config(runbook('    uri: https://example.com/job.ps1\n')))).to.include("AG200 /runbooks/0: runbook 'Job' needs a type (or a runtimeEnvironment, whose language sets it)");
    });
  });

  describe('retired runtimes are warnings (AG501) with the date, the doc link and the fix', () => {
    it('GIVEN a PowerShell72 runbook without environment THEN AG501 names PowerShell 7.2, 2024-11-08 and the PowerShell 7.4 environment to move to', () => {
      const { warnings } = render(config(runbook('    type: PowerShell72\n    uri: https://example.com/job.ps1\n')));
      expect(codes(warnings)).to.deep.equal(['AG501']);
      expect(warnings[0]!.message).to.equal(
        "/runbooks/0/type: runbook 'Job' is PowerShell72: PowerShell 7.2 is retired (community support ended 2024-11-08): Azure Automation runs retired runtimes with reduced support (https://learn.microsoft.com/azure/automation/automation-runtime-retirement-policy). Move it to a runtime environment: runtimeEnvironments: [{ name: ps74, language: PowerShell, version: '7.4', defaultPackages: { Az: 12.3.0 } }] and on the runbook type: PowerShell, runtimeEnvironment: ps74",
      );
    });

    it('GIVEN Python3 and Python2 runbooks THEN AG501 names Python 3.8 (2024-10) and Python 2.7 (2020-01-01), and a starter is told it may drop its type', () => {
      const yaml = config(`runbooks:\n  - name: P3\n    type: Python3\n${pyStarter}  - name: P2\n    type: Python2\n    uri: https://example.com/p2.py\n`);
      const { warnings } = render(yaml);
      expect(codes(warnings)).to.deep.equal(['AG501', 'AG501']);
      const text = warnings.map((w) => w.message).join('\n');
      expect(text).to.contain('Python 3.8 is retired (community support ended 2024-10)');
      expect(text).to.contain("runtimeEnvironments: [{ name: py310, language: Python, version: '3.10' }] and on the runbook type: Python, runtimeEnvironment: py310 (or leave type out");
      expect(text).to.contain('Python 2.7 is retired (community support ended 2020-01-01)');
    });

    it('GIVEN PowerShell (5.1), PowerShellWorkflow and a 7.4 environment THEN nothing is retired', () => {
      const yaml = config(
        `runtimeEnvironments:\n  - { name: ps74, language: PowerShell, version: '7.4' }\nrunbooks:\n  - { name: A, type: PowerShell, uri: https://example.com/a.ps1 }\n  - { name: B, type: PowerShellWorkflow, uri: https://example.com/b.ps1 }\n  - { name: C, type: PowerShell, runtimeEnvironment: ps74, uri: https://example.com/c.ps1 }\n`,
      );
      expect(render(yaml).warnings).to.deep.equal([]);
    });

    it('GIVEN a declared environment on a retired version, or a runbook in a retired system-generated one THEN AG501', () => {
      const yaml = config(`runtimeEnvironments:\n  - { name: ps72, language: PowerShell, version: '7.2' }\nrunbooks:\n  - { name: A, type: PowerShell, runtimeEnvironment: PowerShell-7.2, uri: https://example.com/a.ps1 }\n`);
      const { warnings } = render(yaml);
      expect(warnings.map((w) => w.message.split(':')[0])).to.deep.equal(['/runtimeEnvironments/0/version', '/runbooks/0/runtimeEnvironment']);
      expect(warnings[0]!.message).to.contain("runtime environment 'ps72': PowerShell 7.2 is retired");
      expect(warnings[1]!.message).to.contain("runs in the system-generated environment 'PowerShell-7.2'");
    });
  });

  describe('type and runtime environment together', () => {
    const env = "runtimeEnvironments:\n  - { name: ps74, language: PowerShell, version: '7.4' }\n  - { name: py310, language: Python, version: '3.10' }\n";

    it('GIVEN a runtime environment and no type THEN the type follows its language (declared or system-generated)', () => {
      const yaml = config(`${env}runbooks:\n  - { name: A, runtimeEnvironment: py310, uri: https://example.com/a.py }\n  - { name: B, runtimeEnvironment: PowerShell-5.1, uri: https://example.com/b.ps1 }\n`);
      const { template } = render(yaml);
      expect(props(template, 'A')).to.deep.include({ runbookType: 'Python', runtimeEnvironment: 'py310' });
      expect(props(template, 'B')).to.deep.include({ runbookType: 'PowerShell', runtimeEnvironment: 'PowerShell-5.1' });
    });

    it('GIVEN a type that names its own runtime, a type environments do not support, or the other language THEN it is an error', () => {
      const errors = errorsOf(
        config(
          `${env}runbooks:\n  - { name: A, type: PowerShell72, runtimeEnvironment: ps74, uri: https://example.com/a.ps1 }\n  - { name: B, type: PowerShellWorkflow, runtimeEnvironment: ps74, uri: https://example.com/b.ps1 }\n  - { name: C, type: Python, runtimeEnvironment: ps74, uri: https://example.com/c.py }\n  - { name: D, type: Python3, runtimeEnvironment: py310, uri: https://example.com/d.py }\n`,
        ),
      );
      expect(errors).to.deep.equal([
        "AG200 /runbooks/0/type: runbook 'A': type PowerShell72 names its own runtime (PowerShell 7.2), but in runtime environment 'ps74' the environment sets the version; use type: PowerShell",
        "AG200 /runbooks/1/type: runbook 'B': runtime environments do not support PowerShellWorkflow runbooks; drop runtimeEnvironment, or use type PowerShell",
        "AG200 /runbooks/2/runtimeEnvironment: runbook 'C' is Python but runtime environment 'ps74' runs PowerShell",
        "AG200 /runbooks/3/type: runbook 'D': type Python3 names its own runtime (Python 3.8), but in runtime environment 'py310' the environment sets the version; use type: Python",
      ]);
    });

    it('GIVEN a runtime environment name with a dot that is not system-generated THEN it cannot exist (AG301, with a suggestion)', () => {
      const errors = errorsOf(config(`${env}runbooks:\n  - { name: A, type: PowerShell, runtimeEnvironment: PowerShell-7.4, uri: https://example.com/a.ps1 }\n  - { name: B, type: Python, runtimeEnvironment: py3.10, uri: https://example.com/b.py }\n`));
      expect(errors).to.deep.equal([
        "AG301 /runbooks/0/runtimeEnvironment: runtime environment 'PowerShell-7.4' cannot exist: created environment names have no dots, and it is not a system-generated one. No system-generated environment exists for PowerShell 7.4: declare one under runtimeEnvironments (e.g. name: PowerShell-7_4).",
        "AG301 /runbooks/1/runtimeEnvironment: runtime environment 'py3.10' cannot exist: created environment names have no dots, and it is not a system-generated one. Did you mean 'py310'?",
      ]);
    });

    it('GIVEN type Python without an environment, or no type and an environment armgen does not know THEN it is an error', () => {
      const errors = errorsOf(config('runbooks:\n  - { name: A, type: Python, uri: https://example.com/a.py }\n  - { name: B, runtimeEnvironment: team-env, uri: https://example.com/b.ps1 }\n'));
      expect(errors).to.deep.equal([
        "AG200 /runbooks/0/type: runbook 'A': type Python names no Python version without a runtimeEnvironment; give it a runtime environment with language Python, version '3.10'",
        "AG200 /runbooks/1: runbook 'B' needs a type: runtime environment 'team-env' is not declared under runtimeEnvironments, so armgen cannot tell its language",
      ]);
    });
  });

  describe('runtime environments', () => {
    it('GIVEN a language/version pair Automation does not document THEN it is AG308 listing the known versions', () => {
      const errors = errorsOf(config("runtimeEnvironments:\n  - { name: ps99, language: PowerShell, version: '9.9' }\n  - { name: py74, language: Python, version: '7.4' }\n"));
      expect(errors).to.deep.equal([
        'AG308 /runtimeEnvironments/0/version: Azure Automation has no PowerShell 9.9 runtime; the documented PowerShell versions are 5.1, 7.1 (retired), 7.2 (retired), 7.4 (https://learn.microsoft.com/azure/automation/manage-runtime-environment)',
        'AG308 /runtimeEnvironments/1/version: Azure Automation has no Python 7.4 runtime; the documented Python versions are 2.7 (retired), 3.8 (retired), 3.10 (https://learn.microsoft.com/azure/automation/manage-runtime-environment)',
      ]);
    });

    it("GIVEN an environment name with a dot THEN the schema refuses it (official pattern ^[a-zA-Z][a-zA-Z-_0-9]*$)", () => {
      const errors = errorsOf(config("runtimeEnvironments:\n  - { name: ps7.4, language: PowerShell, version: '7.4' }\n"));
      expect(errors.join('\n')).to.match(/AG200 .*\/runtimeEnvironments\/0\/name/);
    });
  });

  describe('the runtime table (generator/azure/runtimes.ts)', () => {
    it('GIVEN the table THEN every legacy type is a runbook type of the config schema, and no system environment exists for PowerShell 7.4', () => {
      const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas/armgen.schema.json'), 'utf8')) as { definitions: { runbook: { properties: { type: { enum: string[] } } } } };
      const types = schema.definitions.runbook.properties.type.enum;
      for (const r of runtimeVersions) if (r.legacyType) expect(types, r.legacyType).to.include(r.legacyType);
      expect(systemEnvironment('PowerShell-7.4')).to.equal(undefined);
      expect(systemEnvironment('python-3.10')?.version).to.equal('3.10');
      expect(runtimeVersions.filter((r) => !r.retired).map((r) => `${r.language} ${r.version}`)).to.deep.equal(['PowerShell 5.1', 'PowerShell 7.4', 'Python 3.10']);
    });
  });
});
