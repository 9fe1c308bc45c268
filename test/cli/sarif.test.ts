import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'chai';
import type { Log, Result } from 'sarif';
import { runCli } from '../../generator/cli.js';
import { logSafeJson, toSarif } from '../../generator/commands/sarif.js';
import { DIAGNOSTIC_CODES_URL } from '../../generator/diagnosticDocs.js';
import { diagnosticCodes } from '../../generator/diagnostics.js';
import { capture } from '../support/cliRun.js';
import { repoRoot } from '../support/paths.js';
import { githubSarifProblems, sarifSchemaProblems } from '../support/sarif.js';

const OLD_API = "apiVersions:\n  Microsoft.Automation/automationAccounts: '2023-11-01'\n";

/**
 * A repository whose paths have spaces: `my configs/old api.yaml` (valid, one lint finding) and
 * `my configs/bad one.yaml` (invalid), with a `.git` folder marking the repository root.
 */
function repository(): { root: string; good: string; bad: string } {
  const root = mkdtempSync(join(tmpdir(), 'armgen sarif '));
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'my configs'));
  const good = join('my configs', 'old api.yaml');
  writeFileSync(join(root, good), readFileSync(join(repoRoot, 'examples/template-ua.yaml'), 'utf8') + OLD_API);
  const bad = join('my configs', 'bad one.yaml');
  writeFileSync(join(root, bad), 'automationAccount:\n  name: 42\n');
  return { root, good, bad };
}

/** Run armgen in `cwd` with SARIF output; the log, its exit code, and what went to stderr. */
async function sarifOf(cwd: string, argv: string[]): Promise<{ code: number; log: Log; stderr: string }> {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const c = capture();
    const code = await runCli([...argv, '--diagnostics-format', 'sarif'], c.io);
    return { code, log: JSON.parse(c.out.stdout) as Log, stderr: c.out.stderr };
  } finally {
    process.chdir(before);
  }
}

function results(log: Log): Result[] {
  return log.runs[0]?.results ?? [];
}

/** The file a result points at, resolved the way GitHub does: the relative URI against %SRCROOT%. */
function resolvedPath(log: Log, r: Result): string {
  const loc = r.locations![0]!.physicalLocation!.artifactLocation!;
  const base = loc.uriBaseId ? log.runs[0]!.originalUriBaseIds![loc.uriBaseId]!.uri! : undefined;
  return fileURLToPath(new URL(loc.uri!, base));
}

describe('SARIF output: valid SARIF 2.1.0 that GitHub code scanning accepts, from every command', () => {
  let repo: ReturnType<typeof repository>;
  before(() => (repo = repository()));
  after(() => rmSync(repo.root, { recursive: true, force: true }));

  const runs: [string, (r: typeof repo) => string[], number][] = [
    ['validate (an invalid config)', (r) => ['validate', r.good, r.bad], 2],
    ['lint (a finding in the rendered file)', (r) => ['lint', r.good], 1],
    ['generate (a warning, files written)', (r) => ['generate', r.good, '--format', 'arm'], 0],
    ['generate (an invalid config, nothing written)', (r) => ['generate', r.good, r.bad], 2],
    ['check (after generate: up to date)', (r) => ['check', r.good, '--format', 'arm'], 0],
    ['init (a file that exists)', (r) => ['init', r.good], 2],
  ];
  for (const [what, argv, exit] of runs) {
    it(`${what}: the log validates against the OASIS schema and GitHub's required properties`, async () => {
      // GIVEN a repository whose paths have spaces
      // WHEN the command prints SARIF
      const { code, log, stderr } = await sarifOf(repo.root, argv(repo));
      // THEN the exit code is the usual one, stderr is empty, and the log passes both checks
      expect(code, stderr).to.equal(exit);
      expect(stderr).to.equal('');
      expect(sarifSchemaProblems(log)).to.deep.equal([]);
      expect(githubSarifProblems(log)).to.deep.equal([]);
    });
  }

  it('drift from check is a valid log too, each result on the drifted file under out/', async () => {
    // GIVEN generated output, then one file edited
    expect((await sarifOf(repo.root, ['generate', repo.good, '--format', 'arm'])).code).to.equal(0);
    const template = join(repo.root, 'out', 'old api', 'azuredeploy.json');
    writeFileSync(template, readFileSync(template, 'utf8').replace('"Basic"', '"Free"'));
    // WHEN check prints SARIF
    const { code, log } = await sarifOf(repo.root, ['check', repo.good, '--format', 'arm']);
    // THEN exit 1, a valid log, and an AG900 result on out/old api/azuredeploy.json, line 1
    expect(code).to.equal(1);
    expect(sarifSchemaProblems(log)).to.deep.equal([]);
    expect(githubSarifProblems(log)).to.deep.equal([]);
    const drift = results(log).filter((r) => r.ruleId === 'AG900');
    expect(drift).to.have.length(1);
    expect(drift[0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).to.equal('out/old%20api/azuredeploy.json');
    expect(drift[0]!.locations![0]!.physicalLocation!.region!.startLine).to.equal(1);
    expect(resolvedPath(log, drift[0]!)).to.equal(template);
  });

  it('uris are relative to the repository root, percent-encoded, and resolve to the real files, even from a subfolder', async () => {
    // GIVEN the invalid config, validated from inside its own folder
    const { log } = await sarifOf(join(repo.root, 'my configs'), ['validate', 'bad one.yaml']);
    // THEN the uri is relative to the repository root (what GitHub resolves against), with %20 for spaces
    const r = results(log)[0]!;
    const loc = r.locations![0]!.physicalLocation!;
    expect(loc.artifactLocation).to.deep.equal({ uri: 'my%20configs/bad%20one.yaml', uriBaseId: '%SRCROOT%' });
    expect(log.runs[0]!.originalUriBaseIds!['%SRCROOT%']!.uri).to.equal(pathToFileURL(repo.root).href + '/');
    expect(resolvedPath(log, r)).to.equal(join(repo.root, repo.bad));
    expect(loc.region).to.deep.include({ startLine: 2, endLine: 2 });
  });

  it('lint results point at the rendered file under the output folder, with a line', async () => {
    const { log } = await sarifOf(repo.root, ['lint', repo.good]);
    const lint = results(log).filter((r) => r.ruleId === 'AG500');
    expect(lint).to.have.length.greaterThan(0);
    for (const r of lint) {
      expect(r.locations![0]!.physicalLocation!.artifactLocation!.uri).to.equal('out/old%20api/azuredeploy.json');
      expect(r.locations![0]!.physicalLocation!.region!.startLine).to.be.greaterThan(1);
    }
  });

  it("every log carries every rule, with descriptions, help (text and markdown) and the README's codes anchor", async () => {
    const { log } = await sarifOf(repo.root, ['validate', repo.bad]);
    const rules = log.runs[0]!.tool.driver.rules!;
    expect(rules.map((r) => r.id)).to.deep.equal(Object.keys(diagnosticCodes));
    for (const rule of rules) {
      expect(rule.helpUri).to.equal(DIAGNOSTIC_CODES_URL);
      expect(rule.fullDescription!.text.length, rule.id).to.be.within(rule.shortDescription!.text.length + 1, 1024);
      expect(rule.help!.markdown, rule.id).to.include(`**${rule.id}:`);
    }
    const r = results(log)[0]!;
    expect(rules[r.ruleIndex!]!.id).to.equal(r.ruleId);
  });

  it('a file outside the repository is an absolute file: URI', () => {
    const outside = join(tmpdir(), 'elsewhere dir', 'x.yaml');
    const log = toSarif([{ file: outside, line: 0, col: 0, severity: 'error', code: 'AG100', message: 'cannot read' }], { version: '0', cwd: repoRoot });
    const loc = log.runs[0]!.results![0]!.locations![0]!.physicalLocation!;
    expect(loc.artifactLocation).to.deep.equal({ uri: pathToFileURL(outside).href });
    expect(loc.region).to.deep.equal({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 });
    expect(sarifSchemaProblems(log)).to.deep.equal([]);
  });

  it('the printed JSON carries no CI log command and no C1 control, yet decodes to the same text', () => {
    const message = 'quoted: ##vso[task.setvariable variable=x]1 ##[error]y \u009b31m';
    const text = logSafeJson({ message });
    expect(text).not.to.match(/##vso\[|##\[|[\u0080-\u009f]/);
    expect((JSON.parse(text) as { message: string }).message).to.equal(message);
  });
});

describe('the SARIF checks themselves', () => {
  it("reject what armgen printed before: rules without fullDescription or help, a result without a region", () => {
    // GIVEN the shape of armgen's earlier SARIF: short descriptions only, no region for a position-less diagnostic
    const old = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'armgen', rules: [{ id: 'AG900', shortDescription: { text: 'Drift' } }] } }, results: [{ ruleId: 'AG900', message: { text: 'stale' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'oldapi/azuredeploy.json' } } }] }] }],
    } as Log;
    // THEN it is valid SARIF, but GitHub's requirements are not met
    expect(sarifSchemaProblems(old)).to.deep.equal([]);
    expect(githubSarifProblems(old)).to.include.members(['runs[0].tool.driver.rules[0].fullDescription.text is required, at most 1024 characters (0)', 'runs[0].tool.driver.rules[0].help.text is required', 'runs[0].results[0]: region.startLine is required (>= 1)']);
    // AND a log that breaks the schema is caught
    expect(sarifSchemaProblems({ ...old, version: '2.0.0' })).not.to.deep.equal([]);
  });
});

describe('the example CI workflow layout', () => {
  it('copies of the example configs into a repository still give a valid log (no result without a rule)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'armgen-sarif-'));
    try {
      mkdirSync(join(root, '.git'));
      cpSync(join(repoRoot, 'examples'), join(root, 'configs'), { recursive: true });
      const { log } = await sarifOf(root, ['validate', 'configs']);
      expect(sarifSchemaProblems(log)).to.deep.equal([]);
      expect(githubSarifProblems(log)).to.deep.equal([]);
      expect(results(log).map((r) => r.ruleId)).to.deep.equal(['AG700']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
