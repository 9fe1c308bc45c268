import { expect } from 'chai';
import type { FileRead } from '../../../generator/resolve/resolveRunbooks.js';
import { ACCOUNT_ID, byName, childId, config, errorsOf, officialSchemaErrors, render } from './assetHelpers.js';

/** An exported graphical runbook: the envelope the portal writes (definition shortened), with a BOM and CRLF. */
const GRAPH = '\uFEFF{"SchemaVersion":"1.7","RunbookDefinition":"AAEAAAD/////AQAAAAAAAAAMAgAAAFZPcmNoZXN0cmF0b3I=","RunbookType":"GraphPowerShell"}\r\n';
const files: Record<string, string> = {
  'scripts/Restart.graphrunbook': GRAPH,
  'scripts/Workflow.graphrunbook': '{"SchemaVersion":"1.7","RunbookDefinition":"AAEA","RunbookType":"GraphPowerShellWorkflow"}',
  'scripts/Broken.graphrunbook': '{"SchemaVersion":"1.7"',
  'scripts/Empty.graphrunbook': '{"SchemaVersion":"1.7"}',
  'scripts/Hello.ps1': "Write-Output 'hello'\n",
};
const readFile = (path: string): FileRead => {
  const text = files[path.replace(/^\.\//, '').replace(/\\/g, '/')];
  return text === undefined ? { ok: false, reason: 'does not exist' } : { ok: true, text };
};
const link = (t: ReturnType<typeof render>['template'], name: string) => (byName(t, 'runbooks', name).properties as { publishContentLink: { uri: string; version?: string } }).publishContentLink;

describe('runbook content: graphical runbooks from a file', () => {
  it('stages a .graphrunbook byte for byte (BOM and line ending kept) and links it like a script', () => {
    // GIVEN a GraphPowerShell runbook from an exported file
    const { template, result } = render(config('runbooks:\n  - name: Restart\n    type: GraphPowerShell\n    file: scripts/Restart.graphrunbook\n'), { readFile });
    // THEN the file is staged unchanged and linked through _artifactsLocation
    expect(result.artifacts.find((a) => a.path === 'assets/runbooks/Restart.graphrunbook')?.text).to.equal(GRAPH);
    expect(link(template, 'Restart').uri).to.equal("[uri(parameters('_artifactsLocation'), format('runbooks/Restart.graphrunbook{0}', parameters('_artifactsLocationSasToken')))]");
    expect((byName(template, 'runbooks', 'Restart').properties as { runbookType: string }).runbookType).to.equal('GraphPowerShell');
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  it('accepts a workflow export for the legacy Graph type (the same engine)', () => {
    const { template } = render(config('runbooks:\n  - name: Flow\n    type: Graph\n    file: scripts/Workflow.graphrunbook\n'), { readFile });
    expect((byName(template, 'runbooks', 'Flow').properties as { runbookType: string }).runbookType).to.equal('Graph');
  });

  describe('config errors', () => {
    it('rejects a file that is not an exported graphical runbook (AG308): not JSON, or without its definition', () => {
      const broken = errorsOf(config('runbooks:\n  - name: Bad\n    type: GraphPowerShell\n    file: scripts/Broken.graphrunbook\n'), { readFile });
      expect(broken.join('\n')).to.contain('AG308 /runbooks/0/file: scripts/Broken.graphrunbook is not JSON');
      const empty = errorsOf(config('runbooks:\n  - name: Bad\n    type: GraphPowerShell\n    file: scripts/Empty.graphrunbook\n'), { readFile });
      expect(empty.join('\n')).to.contain('has no RunbookDefinition');
    });

    it('rejects an export of the other graphical engine (AG308)', () => {
      const errors = errorsOf(config('runbooks:\n  - name: Flow\n    type: GraphPowerShellWorkflow\n    file: scripts/Restart.graphrunbook\n'), { readFile });
      expect(errors.join('\n')).to.contain('is a GraphPowerShell runbook, which does not run as GraphPowerShellWorkflow');
    });

    it('rejects a .graphrunbook for a script type and a script for a graphical type (AG200)', () => {
      const graphForScript = errorsOf(config('runbooks:\n  - name: A\n    type: PowerShell\n    file: scripts/Restart.graphrunbook\n'), { readFile });
      expect(graphForScript.join('\n')).to.contain("AG200 /runbooks/0/type: runbook 'A': scripts/Restart.graphrunbook is a graphical runbook, which needs type GraphPowerShell");
      const scriptForGraph = errorsOf(config('runbooks:\n  - name: A\n    type: GraphPowerShell\n    file: scripts/Hello.ps1\n'), { readFile });
      expect(scriptForGraph.join('\n')).to.contain("AG200 /runbooks/0/file: runbook 'A' is a graphical runbook (type GraphPowerShell): its file is a .graphrunbook");
    });
  });
});

describe('runbook content: version of staged files', () => {
  it('writes publishContentLink.version for a copied file and a generated runbook too', () => {
    const yaml = config(
      'runbooks:\n  - name: Hello\n    type: PowerShell\n    file: scripts/Hello.ps1\n    version: 1.2.0.0\n  - name: Gen\n    type: PowerShell\n    version: 2.0.0.0\n    generate: { flow: powershell, identity: system }\n',
    );
    const { template } = render(yaml, { readFile });
    expect(link(template, 'Hello').version).to.equal('1.2.0.0');
    expect(link(template, 'Gen').version).to.equal('2.0.0.0');
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });
});

describe('runbook content: the artifacts folder', () => {
  const staged = 'runbooks:\n  - name: Hello\n    type: PowerShell\n    file: scripts/Hello.ps1\n  - name: Gen\n    type: PowerShell\n    generate: { flow: powershell, identity: system }\n';

  it('stages files in artifacts.folder and links them from there; the parameter description names it', () => {
    // GIVEN artifacts.folder: scripts/automation
    const { template, result } = render(config(`artifacts:\n  folder: scripts/automation\n${staged}`), { readFile });
    // THEN both files are in that folder, as scripts, and linked from it
    expect(result.artifacts.filter((a) => a.kind === 'script').map((a) => a.path)).to.deep.equal(['assets/scripts/automation/Hello.ps1', 'assets/scripts/automation/Gen.ps1']);
    expect(link(template, 'Hello').uri).to.equal("[uri(parameters('_artifactsLocation'), format('scripts/automation/Hello.ps1{0}', parameters('_artifactsLocationSasToken')))]");
    expect((template.parameters._artifactsLocation as { metadata: { description: string } }).metadata.description).to.contain('scripts/automation/ is resolved against it');
  });

  it('keeps runbooks/ by default', () => {
    const { result } = render(config(staged), { readFile });
    expect(result.artifacts.filter((a) => a.kind === 'script').map((a) => a.path)).to.deep.equal(['assets/runbooks/Hello.ps1', 'assets/runbooks/Gen.ps1']);
  });

  describe('config errors', () => {
    it("refuses armgen's own modules/ folder, in any letter case (AG200)", () => {
      expect(errorsOf(config(`artifacts:\n  folder: Modules/x\n${staged}`), { readFile })).to.include('AG200 /artifacts/folder: Modules/x is where armgen writes its Bicep modules; choose another folder for the staged runbook files');
    });

    it('refuses a folder per environment: the template is shared (AG307)', () => {
      const errors = errorsOf(config(`environments:\n  prod:\n    artifacts:\n      folder: prod-scripts\n${staged}`), { readFile });
      expect(errors.join('\n')).to.contain('AG307 /environments/prod/artifacts/folder');
    });

    it('refuses a folder that leaves the output folder or names a file (schema, AG200)', () => {
      for (const folder of ['../x', '/abs', 'a/../b', 'README.md', 'a//b']) {
        expect(errorsOf(config(`artifacts:\n  folder: '${folder}'\n${staged}`), { readFile }).join('\n'), folder).to.contain('AG200 /artifacts/folder');
      }
    });
  });
});

describe('runbook dependencies on modules and packages', () => {
  const lists = [
    'modules:',
    '  - name: Az.Accounts',
    '  - name: SqlServer',
    'python3Packages:',
    '  - name: requests',
    '    uri: https://files.pythonhosted.org/packages/requests-2.32.3-py3-none-any.whl',
    'runtimeEnvironments:',
    '  - name: ps74',
    '    language: PowerShell',
    "    version: '7.4'",
    '    packages: [{ name: Microsoft.Graph.Users }]',
  ].join('\n');

  it('makes a runbook wait for the modules it names, from the list its runtime loads', () => {
    // GIVEN a PowerShell 5.1 runbook naming two modules (one in another letter case), and a runbook in ps74
    const yaml = config(
      `${lists}\nrunbooks:\n  - name: Sql\n    type: PowerShell\n    uri: https://example.com/sql.ps1\n    dependsOn: [sqlserver, Az.Accounts]\n  - name: Users\n    type: PowerShell\n    runtimeEnvironment: ps74\n    uri: https://example.com/users.ps1\n    dependsOn: [Microsoft.Graph.Users]\n`,
    );
    const { template } = render(yaml);
    // THEN the 5.1 runbook depends on the modules, in the order named
    expect(byName(template, 'runbooks', 'Sql').dependsOn).to.deep.equal([ACCOUNT_ID, childId('modules', 'SqlServer'), childId('modules', 'Az.Accounts')]);
    // AND the runbook in the environment keeps one dependency per package
    expect(byName(template, 'runbooks', 'Users').dependsOn).to.deep.equal([ACCOUNT_ID, childId('runtimeEnvironments', 'ps74'), childId('runtimeEnvironments/packages', 'ps74', 'Microsoft.Graph.Users')]);
    expect(officialSchemaErrors(template)).to.deep.equal([]);
  });

  it('resolves a Python3 runbook against python3Packages', () => {
    const { template } = render(config(`${lists}\nrunbooks:\n  - name: Py\n    type: Python3\n    uri: https://example.com/py.py\n    dependsOn: [requests]\n`));
    expect(byName(template, 'runbooks', 'Py').dependsOn).to.deep.equal([ACCOUNT_ID, childId('python3Packages', 'requests')]);
  });

  describe('config errors', () => {
    it('rejects an unknown module with a did-you-mean (AG301)', () => {
      const errors = errorsOf(config(`${lists}\nrunbooks:\n  - name: Sql\n    type: PowerShell\n    uri: https://example.com/sql.ps1\n    dependsOn: [SqlServr]\n`));
      expect(errors).to.include("AG301 /runbooks/0/dependsOn/0: runbook 'Sql' depends on unknown module 'SqlServr': not among the modules (PowerShell 5.1). Did you mean 'SqlServer'?");
    });

    it('names the list a module is in when the runbook does not load it (AG301)', () => {
      const errors = errorsOf(config(`${lists}\nrunbooks:\n  - name: Sql\n    type: PowerShell\n    uri: https://example.com/sql.ps1\n    dependsOn: [requests, Microsoft.Graph.Users]\n`));
      expect(errors.join('\n')).to.contain("depends on unknown module 'requests': not among the modules (PowerShell 5.1). It is among the python3Packages (Python 3.8), which this runbook does not load (it runs as PowerShell).");
      expect(errors.join('\n')).to.contain("It is among the packages of runtime environment 'ps74'");
    });

    it('rejects dependencies of a runbook in an environment the template does not create (AG301)', () => {
      const errors = errorsOf(config('runbooks:\n  - name: Job\n    type: PowerShell\n    runtimeEnvironment: PowerShell-7.2\n    uri: https://example.com/j.ps1\n    dependsOn: [Az.Accounts]\n'));
      expect(errors.join('\n')).to.contain("AG301 /runbooks/0/dependsOn/0: runbook 'Job' depends on 'Az.Accounts', but runtime environment 'PowerShell-7.2' is not declared under runtimeEnvironments");
    });
  });
});
