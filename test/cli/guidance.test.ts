import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { runCli } from '../../generator/cli.js';
import { diagnosticCodes } from '../../generator/diagnostics.js';
import { DIAGNOSTIC_CODES_URL } from '../../generator/diagnosticDocs.js';
import { repoRoot } from '../support/paths.js';

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

/** Run armgen with `cwd` as the working directory. */
async function runIn(cwd: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const c = capture();
    const code = await runCli(argv, c.io);
    return { code, ...c.out };
  } finally {
    process.chdir(before);
  }
}

const COMMANDS = ['generate', 'validate', 'check', 'lint', 'init', 'explain', 'schema'];

describe('a CLI that guides', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'armgen-guide-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('mistakes on the command line', () => {
    it('a misspelt command gets the command it resembles (exit 2, AG000)', async () => {
      const r = await runIn(dir, ['generat', 'x.yaml']);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.match(/error AG000: unknown command 'generat'\. Did you mean generate\?/);
    });

    it("a misspelt option gets the command's closest options, once for its camelCase twin", async () => {
      const r = await runIn(dir, ['validate', 'x.yaml', '--diagnostics-formt', 'sarif']);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.include("error AG000: unknown argument: diagnostics-formt. Did you mean '--diagnostics-format'?");
      expect(r.stderr).to.include("Run 'armgen validate --help' for usage.");
      expect((await runIn(dir, ['generate', 'x.yaml', '--ouut', 'o'])).stderr).to.include("Did you mean '--out'?");
    });

    it('`-o -` is refused with a clear message, and no folder named - appears', async () => {
      cpSync(join(repoRoot, 'examples/template-ua.yaml'), join(dir, 'template-ua.yaml'));
      const r = await runIn(dir, ['generate', 'template-ua.yaml', '-o', '-']);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.include('error AG000: -o - is not supported').and.not.include('internal error');
      expect(existsSync(join(dir, '-'))).to.equal(false);
    });

    it('an unknown flag that swallows the config argument is named, not reported as a missing config', async () => {
      // yargs reads `--verbose x.yaml` as --verbose=x.yaml, leaving no <config..>.
      const r = await runIn(dir, ['lint', '--verbose', 'x.yaml']);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.include('error AG000: unknown argument: verbose.').and.not.include('Not enough non-option arguments');
    });

    it('lint --strict x.yaml lints x.yaml (lint already fails on every finding; --strict is accepted, changes nothing)', async () => {
      cpSync(join(repoRoot, 'examples/template-ua.yaml'), join(dir, 'x.yaml'));
      const plain = await runIn(dir, ['lint', 'x.yaml']);
      const strict = await runIn(dir, ['lint', '--strict', 'x.yaml']);
      expect(strict.code).to.equal(plain.code);
      expect(strict.stderr).to.equal(plain.stderr).and.match(/armgen: 1 config\(s\) linted/);
    });
  });

  describe('help', () => {
    for (const command of COMMANDS) {
      it(`${command} --help shows examples and the global options, without the positional's type noise`, async () => {
        const r = await runIn(dir, [command, '--help']);
        expect(r.code).to.equal(0);
        expect(r.stdout).to.include('Examples:');
        expect(r.stdout).to.match(/Global options:[\s\S]*--diagnostics-format[\s\S]*--debug/);
        expect(r.stdout).not.to.match(/\[array\]|\[required\]|\[default: \[\]\]/);
      });
      it(`${command} accepts the global options --debug and --diagnostics-format`, async () => {
        const argv = command === 'explain' ? ['explain', 'AG304'] : command === 'init' ? ['init'] : command === 'schema' ? ['schema'] : [command, 'nothing-here.yaml'];
        const r = await runIn(dir, [...argv, '--debug', '--diagnostics-format', 'human']);
        expect(r.stderr).not.to.include('AG000');
      });
    }
  });

  describe('armgen init', () => {
    it('writes a commented starter that validates, pointing editors at `armgen schema > armgen.schema.json` when armgen is not installed', async () => {
      // GIVEN an empty folder WHEN init runs
      const r = await runIn(dir, ['init']);
      // THEN automation-account.yaml is written, with the modeline and the hint, and it is a valid config
      expect(r.code, r.stderr).to.equal(0);
      const text = readFileSync(join(dir, 'automation-account.yaml'), 'utf8');
      expect(text.split('\n')[0]).to.equal('# yaml-language-server: $schema=armgen.schema.json');
      expect(text).to.include('armgen schema > armgen.schema.json');
      expect(r.stderr).to.match(/armgen: wrote automation-account\.yaml; next: armgen validate automation-account\.yaml/);
      const v = await runIn(dir, ['validate', 'automation-account.yaml']);
      expect(v.code, v.stderr).to.equal(0);
    });

    it('points the modeline at node_modules/armgen when armgen is installed in the project', async () => {
      mkdirSync(join(dir, 'node_modules', 'armgen', 'schemas'), { recursive: true });
      writeFileSync(join(dir, 'node_modules', 'armgen', 'schemas', 'armgen.schema.json'), '{}\n');
      const r = await runIn(dir, ['init', 'configs/ops.yaml']);
      expect(r.code, r.stderr).to.equal(0);
      expect(readFileSync(join(dir, 'configs', 'ops.yaml'), 'utf8').split('\n')[0]).to.equal('# yaml-language-server: $schema=../node_modules/armgen/schemas/armgen.schema.json');
    });

    it('never overwrites a file (exit 2, AG600, the file unchanged)', async () => {
      writeFileSync(join(dir, 'automation-account.yaml'), 'mine\n');
      const r = await runIn(dir, ['init']);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.match(/automation-account\.yaml: error AG600: already exists/);
      expect(readFileSync(join(dir, 'automation-account.yaml'), 'utf8')).to.equal('mine\n');
    });

    it('--example NAME copies an example with the runbook files it names, and the copy validates', async () => {
      const r = await runIn(dir, ['init', '--example', 'maximal']);
      expect(r.code, r.stderr).to.equal(0);
      expect(readdirSync(dir).sort()).to.deep.equal(['maximal.yaml', 'scripts']);
      expect(readFileSync(join(dir, 'scripts', 'Get-Inventory.ps1'), 'utf8')).to.equal(readFileSync(join(repoRoot, 'examples/scripts/Get-Inventory.ps1'), 'utf8'));
      expect((await runIn(dir, ['validate', 'maximal.yaml'])).code).to.equal(0);
      const bad = await runIn(dir, ['init', '--example', 'maximall']);
      expect(bad.code).to.equal(2);
      expect(bad.stderr).to.include('Choices:');
    });
  });

  describe('armgen explain', () => {
    it('prints the documentation of a code, in any case, with the reference link', async () => {
      const r = await runIn(dir, ['explain', 'ag304']);
      expect(r.code).to.equal(0);
      expect(r.stdout).to.match(/^AG304: A setting that the chosen API version does not support\.\n\n.+\n\nWhat to do: .+\n\nReference: /);
      expect(r.stdout).to.include(DIAGNOSTIC_CODES_URL);
    });

    it('lists every code without an argument, and refuses an unknown one', async () => {
      const list = await runIn(dir, ['explain']);
      expect(list.stdout.split('\n').filter((l) => /^AG\d{3} {2}/.test(l))).to.have.length(Object.keys(diagnosticCodes).length);
      expect((await runIn(dir, ['explain', 'AG999'])).code).to.equal(2);
    });
  });

  it('completion prints a shell completion script', async () => {
    const r = await runIn(dir, ['completion']);
    expect(r.code).to.equal(0);
    expect(r.stdout).to.include('###-begin-armgen-completions-###');
  });

  describe('generate --stdout', () => {
    beforeEach(() => {
      cpSync(join(repoRoot, 'examples/template-ua.yaml'), join(dir, 'template-ua.yaml'));
      cpSync(join(repoRoot, 'examples/system-vm.yaml'), join(dir, 'system-vm.yaml'));
    });

    for (const [format, file] of [['arm', 'azuredeploy.json'], ['bicep', 'main.bicep']] as const) {
      it(`prints ${file} byte for byte as generate writes it, and writes nothing (--format ${format})`, async () => {
        const r = await runIn(dir, ['generate', 'template-ua.yaml', '--format', format, '--stdout']);
        expect(r.code, r.stderr).to.equal(0);
        expect(existsSync(join(dir, 'out'))).to.equal(false);
        expect(r.stderr).to.match(new RegExp(`armgen: printed out/template-ua/${file.replace('.', '\\.')} \\(nothing written\\); not printed: `));
        expect((await runIn(dir, ['generate', 'template-ua.yaml', '--format', format])).code).to.equal(0);
        expect(r.stdout).to.equal(readFileSync(join(dir, 'out', 'template-ua', file), 'utf8'));
      });
    }

    it('is refused (usage, exit 2) without one format, with several configs, with SARIF, or for a Bicep file that needs its modules', async () => {
      const cases: [string[], RegExp][] = [
        [['template-ua.yaml', '--stdout'], /--stdout prints one file: add --format arm/],
        [['template-ua.yaml', 'system-vm.yaml', '--stdout', '--format', 'arm'], /--stdout prints one config's template, and 2 configs are given/],
        [['.', '--stdout', '--format', 'arm'], /the arguments name 2 config\(s\); name one config file/],
        [['template-ua.yaml', '--stdout', '--format', 'arm', '--diagnostics-format', 'sarif'], /both print to stdout/],
        [['system-vm.yaml', '--stdout', '--format', 'bicep'], /cannot print system-vm\/main\.bicep alone: it uses 1 module file\(s\)/],
      ];
      for (const [argv, message] of cases) {
        const r = await runIn(dir, ['generate', ...argv]);
        expect(r.code, argv.join(' ')).to.equal(2);
        expect(r.stderr, argv.join(' ')).to.match(message);
        // A usage error, worded as one: never the crash wording that asks for a bug report.
        expect(r.stderr, argv.join(' ')).to.match(/^armgen: error AG000: /).and.not.match(/internal error|please report/);
        expect(r.stdout, argv.join(' ')).to.equal('');
      }
      expect(existsSync(join(dir, 'out'))).to.equal(false);
    });
  });

  describe('a one-line summary on success, and what failed', () => {
    beforeEach(() => {
      cpSync(join(repoRoot, 'examples/template-ua.yaml'), join(dir, 'template-ua.yaml'));
      cpSync(join(repoRoot, 'examples/seed-roles.yaml'), join(dir, 'seed-roles.yaml'));
    });

    it('generate, check, validate and lint each end with one armgen: line', async () => {
      const expected: [string[], RegExp][] = [
        [['generate', 'template-ua.yaml'], /^armgen: 1 config\(s\) -> out\/ \(\d+ written, 0 unchanged, 0 removed\)\n$/],
        [['check', 'template-ua.yaml'], /^armgen: 1 config\(s\) up to date in out\/\n$/],
        [['validate', 'template-ua.yaml'], /^armgen: 1 config\(s\) valid\n$/],
        [['lint', 'template-ua.yaml'], /^armgen: 1 config\(s\) linted, 0 finding\(s\)\n$/],
      ];
      for (const [argv, summary] of expected) {
        const r = await runIn(dir, argv);
        expect(r.code, argv[0]).to.equal(0);
        expect(r.stderr, argv[0]).to.match(summary);
      }
    });

    it('validate --strict says that the warnings failed it (exit 1)', async () => {
      const r = await runIn(dir, ['validate', 'seed-roles.yaml', '--strict']);
      expect(r.code).to.equal(1);
      expect(r.stderr).to.match(/warning AG700/);
      expect(r.stderr).to.match(/armgen: 1 config\(s\) valid, but --strict counts 1 warning\(s\) as failures\n$/);
    });
  });
});
