import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { escapeControls, formatDiagnostic, neutraliseLogCommands, safeText } from '../../generator/diagnostics.js';
import { runIn } from '../support/cliRun.js';
import { repoRoot } from '../support/paths.js';

/**
 * What a CI runner or a terminal would act on in printed text: a line that starts with `::` after
 * whitespace (GitHub Actions workflow commands), `##[` or `##vso[` anywhere (GitHub's older form, Azure
 * Pipelines logging commands), a C0 control other than tab and line feed, DEL or a C1 control.
 */
function actionable(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*::/.test(line)) found.push(`command line: ${JSON.stringify(line)}`);
    if (/##\[|##vso\[/i.test(line)) found.push(`command marker: ${JSON.stringify(line)}`);
    if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(line)) found.push(`control character: ${JSON.stringify(line)}`);
  }
  return found;
}

const INVALID = 'automationAccount:\n  name: 42\n';

/** File names a hostile pull request could add (any byte but / and NUL is allowed on Linux). */
const HOSTILE = [
  'evil\n::error file=app.yaml,line=1::forged.yaml',
  '::warning::starts-with-a-command.yaml',
  '##vso[task.setvariable variable=PWNED]1.yaml',
  'a ##[error]old-form.yaml',
  '\u001b]0;title\u0007\u001b[2Jterminal.yaml',
  'carriage\r::error::return.yaml',
  'c1-\u009b31m.yaml',
];

describe('escaping: what armgen prints from user input cannot drive a terminal or a CI log', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'armgen-escape-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('escapes C0/C1 controls and defuses log-command markers, visibly', () => {
    expect(escapeControls('a\u001b[31mb\nc\r\u009b\u007f\td')).to.equal('a\\x1b[31mb\\x0ac\\x0d\\x9b\\x7f\\x09d');
    expect(escapeControls('tab\tand\nnewline', '\t\n')).to.equal('tab\tand\nnewline');
    expect(neutraliseLogCommands('::error::x')).to.equal('\\x3a:error::x');
    expect(neutraliseLogCommands('  ::warning::x')).to.equal('  \\x3a:warning::x');
    expect(neutraliseLogCommands('a ##vso[task.complete]b ##[error]c')).to.equal('a \\x23#vso[task.complete]b \\x23#[error]c');
    expect(neutraliseLogCommands('file.yaml:1:2: error AG200: a::b and C# code')).to.equal('file.yaml:1:2: error AG200: a::b and C# code');
    expect(safeText('ok\n ::error::x\n+##vso[y]')).to.equal('ok\n \\x3a:error::x\n+\\x23#vso[y]');
  });

  it('a diagnostic for a config with a hostile name is one inert line', () => {
    for (const file of HOSTILE) {
      const line = formatDiagnostic({ file, line: 2, col: 9, severity: 'error', code: 'AG200', message: 'quoted "\n::error::x" and ##vso[y]' });
      expect(line.split('\n'), file).to.have.length(1);
      expect(actionable(line), file).to.deep.equal([]);
    }
  });

  it('validate and generate with hostile file names print no command and no control character, and name every file', async () => {
    // GIVEN invalid configs with hostile names
    for (const name of HOSTILE) writeFileSync(join(dir, name), INVALID);
    for (const command of ['validate', 'generate', 'lint', 'check']) {
      // WHEN each command reads them (by name and through the folder)
      const r = await runIn(dir, [command, ...HOSTILE, '.']);
      // THEN exit 2, one diagnostic per file, and nothing a CI runner or a terminal would act on
      expect(r.code, command).to.equal(2);
      expect(actionable(r.stderr), command).to.deep.equal([]);
      expect(r.stderr.split('\n').filter((l) => l.includes('error AG200')), command).to.have.length(HOSTILE.length);
      expect(r.stderr, command).to.include('evil\\x0a::error file=app.yaml,line=1::forged.yaml:2:9: error AG200');
    }
  });

  it('config text quoted in a message (a key holding a line break and a command) is escaped', async () => {
    writeFileSync(join(dir, 'keyed.yaml'), 'automationAccount:\n  name: aa-x-01\n  "::error::in key\\n##vso[task.setvariable variable=A]b": 1\n');
    const r = await runIn(dir, ['validate', 'keyed.yaml']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/^keyed\.yaml:3:3: error AG104: /m);
    expect(actionable(r.stderr)).to.deep.equal([]);
  });

  it('a usage error quoting a hostile argument is escaped', async () => {
    const r = await runIn(dir, ['\u001b[31m::error::x', '##vso[y]']);
    expect(r.code).to.equal(2);
    expect(actionable(r.stderr)).to.deep.equal([]);
    expect(r.stderr).to.include('\\x1b[31m');
  });

  it("check's diff of a tampered file shows its control characters escaped", async () => {
    // GIVEN generated output whose template on disk was given terminal escapes and a command line
    cpSync(join(repoRoot, 'examples/template-ua.yaml'), join(dir, 'template-ua.yaml'));
    expect((await runIn(dir, ['generate', 'template-ua.yaml', '--format', 'arm'])).code).to.equal(0);
    const template = join(dir, 'out', 'template-ua', 'azuredeploy.json');
    writeFileSync(template, readFileSync(template, 'utf8').replace('{\n', '{\n\u001b[2J\r::error::forged\n'));
    // WHEN check shows the diff
    const r = await runIn(dir, ['check', 'template-ua.yaml', '--format', 'arm']);
    // THEN drift (exit 1), and the removed line is shown escaped
    expect(r.code).to.equal(1);
    expect(r.stdout).to.include('-\\x1b[2J\\x0d::error::forged');
    expect(actionable(r.stdout + r.stderr)).to.deep.equal([]);
  });
});
