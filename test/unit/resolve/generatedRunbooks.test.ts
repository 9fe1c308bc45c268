import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { exampleConfigs, renderFile } from '../../helpers/render.js';
import { findTool, runTool, TOOL_MISSING } from '../../support/tools.js';

/** Every runbook script the examples render (generated or copied), as [artifact path, text]. */
function exampleScripts(ext: '.ps1' | '.py'): [string, string][] {
  return exampleConfigs().flatMap((config) => {
    const result = renderFile(config);
    if (!result.ok) throw new Error(`${config} does not render: ${result.diagnostics.map((d) => d.message).join('; ')}`);
    return result.artifacts.filter((a) => a.path.endsWith(ext)).map((a): [string, string] => [a.path, a.text]);
  });
}

function withTempFiles<T>(files: [string, string][], run: (paths: string[]) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'armgen-runbooks-'));
  try {
    const paths = files.map(([path, text], i) => {
      const file = join(dir, `${i}-${path.split('/').pop()}`);
      writeFileSync(file, text);
      return file;
    });
    return run(paths);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PARSE_PS1 = `
$bad = 0
foreach ($f in $args) {
  $tokens = $null; $errors = $null
  [void][System.Management.Automation.Language.Parser]::ParseFile($f, [ref]$tokens, [ref]$errors)
  foreach ($e in $errors) { $bad++; Write-Output ("{0}:{1}: {2}" -f $f, $e.Extent.StartLineNumber, $e.Message) }
}
exit $bad
`;

describe('generated runbooks are valid scripts', () => {
  it('every .ps1 the examples render parses with the real PowerShell parser with zero errors', function () {
    // GIVEN the PowerShell runbooks of every example (the generated ones included)
    const pwsh = findTool('pwsh');
    if (!pwsh) this.skip();
    const scripts = exampleScripts('.ps1');
    expect(scripts.length, 'the examples render PowerShell runbooks').to.be.greaterThan(0);
    // WHEN PowerShell parses them
    const result = withTempFiles(scripts, (paths) => {
      const parser = join(tmpdir(), `armgen-parse-${process.pid}.ps1`);
      writeFileSync(parser, PARSE_PS1);
      try {
        return runTool(pwsh!, ['-NoProfile', '-NonInteractive', '-File', parser, ...paths]);
      } finally {
        rmSync(parser, { force: true });
      }
    });
    // THEN there is no parse error
    expect(result.stdout + result.stderr, TOOL_MISSING('pwsh')).to.equal('');
    expect(result.status).to.equal(0);
  });

  it('every .py the examples render compiles with python3 -m py_compile', function () {
    // GIVEN the Python runbooks of every example
    const scripts = exampleScripts('.py');
    expect(scripts.length, 'the examples render Python runbooks').to.be.greaterThan(0);
    if (spawnSync('python3', ['--version']).status !== 0) this.skip();
    // WHEN Python compiles them THEN each compiles
    withTempFiles(scripts, (paths) => {
      for (const path of paths) {
        const r = spawnSync('python3', ['-c', 'import sys, py_compile; py_compile.compile(sys.argv[1], cfile=sys.argv[1] + "c", doraise=True)', path], { encoding: 'utf8' });
        expect(r.status, `${path}: ${r.stderr}`).to.equal(0);
      }
    });
  });
});
