import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { expect } from 'chai';
import { cloneWorkingTree, freshShellEnv, readmeScript, runLines, type LineResult } from '../support/readmeScript.js';
import { repoRoot } from '../support/paths.js';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string; license: string };
const TARBALL = `${pkg.name}-${pkg.version}.tgz`;
/** npm's messages when it cannot reach the registry (npm-registry-fetch / node errors). */
const OFFLINE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|network request|request to \S+ failed/i;

/** Every file below a folder, as `/`-separated paths relative to it. */
function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesBelow(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

describe('README "Use armgen in your repository": the tarball installs and runs in a fresh project', function () {
  this.timeout(20 * 60_000);
  let tmp: string;
  let results: LineResult[] = [];
  let offline: string | undefined;
  const project = () => join(tmp, 'my-infra');
  const npx = (args: string[]) => spawnSync('npx', ['armgen', ...args], { cwd: project(), env: freshShellEnv(), encoding: 'utf8', timeout: 120_000 });

  before(function () {
    if (process.env.ARMGEN_SKIP_PACKAGE_TEST) {
      console.log('      skipped: ARMGEN_SKIP_PACKAGE_TEST is set');
      this.skip();
    }
    // GIVEN a clone of armgen and, beside it, the folders the README names, all in a temporary directory
    tmp = realpathSync(mkdtempSync(join(tmpdir(), 'armgen-package-')));
    expect(relative(repoRoot, tmp).startsWith('..'), 'the temporary project is outside the repository').to.equal(true);
    const clone = join(tmp, 'armgen');
    cloneWorkingTree(clone);
    // WHEN the README's lines run as written, its sibling folders mapped into the temporary directory
    const lines = readmeScript().map((l) => l.replaceAll('../armgen-dist', join(tmp, 'armgen-dist')).replaceAll('../my-infra', project()));
    results = runLines(lines, clone, freshShellEnv());
    const failed = results.find((r) => r.status !== 0);
    if (failed && /npm install/.test(failed.line) && OFFLINE.test(failed.stderr)) {
      offline = `skipped: npm install cannot reach the registry (${OFFLINE.exec(failed.stderr)?.[0]}); the README script ran up to: ${failed.line}`;
    }
  });

  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const requireOnline = (ctx: Mocha.Context) => {
    if (offline) {
      console.log(`      ${offline}`);
      ctx.skip();
    }
  };

  it('the README names the tarball of this version', () => {
    const names = readFileSync(join(repoRoot, 'README.md'), 'utf8').match(/armgen-\d+\.\d+\.\d+[\w.-]*\.tgz/g) ?? [];
    expect(names).not.to.be.empty;
    expect([...new Set(names)]).to.deep.equal([TARBALL]);
  });

  it('every line of the README script exits 0', function () {
    requireOnline(this);
    const report = results.map((r) => `$ ${r.line}\n  exit ${r.status}${r.status ? `\n${r.stderr.slice(-3000)}` : ''}`).join('\n');
    expect(results.map((r) => r.status), report).to.deep.equal(readmeScript().map(() => 0));
  });

  it('npm pack ships the package and no source map that points at a file it does not ship', () => {
    // GIVEN the tarball npm pack wrote (this needs no registry)
    const tarball = join(tmp, 'armgen-dist', TARBALL);
    expect(existsSync(tarball), `${TARBALL} was written: ${results[0]?.stderr.slice(-2000)}`).to.equal(true);
    const unpacked = join(tmp, 'unpacked');
    mkdirSync(unpacked);
    expect(spawnSync('tar', ['-xzf', tarball, '-C', unpacked]).status).to.equal(0);
    const root = join(unpacked, 'package');
    const files = filesBelow(root);
    // THEN it has the licence, the README, the CLI, the schema, the templates and the examples, and no tests
    expect(files).to.include.members(['LICENSE', 'README.md', 'package.json', 'dist/generator/bin.js', 'schemas/armgen.schema.json', 'examples/template-ua.yaml', 'docs/config-reference.md']);
    expect(files.some((f) => f.startsWith('templates/'))).to.equal(true);
    expect(files.filter((f) => f.startsWith('dist/test/') || f.startsWith('test/') || f.startsWith('out/'))).to.deep.equal([]);
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).to.match(/^MIT License\n\nCopyright \(c\) \d{4} armgen contributors\n/);
    // AND every source map it ships names sources it ships, and every mapping comment names a shipped map
    const maps = files.filter((f) => f.endsWith('.map'));
    expect(maps).not.to.be.empty;
    const missing: string[] = [];
    for (const map of maps) {
      const { sources, sourceRoot } = JSON.parse(readFileSync(join(root, map), 'utf8')) as { sources: string[]; sourceRoot?: string };
      for (const s of sources) if (!existsSync(resolve(dirname(join(root, map)), sourceRoot ?? '', s))) missing.push(`${map} -> ${s}`);
    }
    for (const js of files.filter((f) => f.endsWith('.js'))) {
      const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(join(root, js), 'utf8'))?.[1];
      if (url && !existsSync(join(dirname(join(root, js)), url))) missing.push(`${js} -> ${url}`);
    }
    expect(missing).to.deep.equal([]);
  });

  it('installs into a project outside the repository: armgen runs from node_modules, at this version', function () {
    requireOnline(this);
    const installed = join(project(), 'node_modules', 'armgen');
    expect(existsSync(join(installed, 'schemas', 'armgen.schema.json'))).to.equal(true);
    expect(realpathSync(installed).startsWith(project() + sep), 'a copy from the tarball, not a link').to.equal(true);
    const manifest = JSON.parse(readFileSync(join(project(), 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(manifest.devDependencies.armgen).to.equal(`file:vendor/${TARBALL}`);
    const version = npx(['--version']);
    expect(version.status, version.stderr).to.equal(0);
    expect(version.stdout.trim()).to.equal(pkg.version);
  });

  it('init wrote the config with the modeline naming the installed schema; generate wrote the output; check found it current', function () {
    requireOnline(this);
    const config = readFileSync(join(project(), 'configs', 'automation-account.yaml'), 'utf8');
    expect(config.split('\n')[0]).to.equal('# yaml-language-server: $schema=../node_modules/armgen/schemas/armgen.schema.json');
    const out = join(project(), 'out', 'automation-account');
    expect(readdirSync(out)).to.include.members(['azuredeploy.json', 'azuredeploy.parameters.json', 'main.bicep', 'main.bicepparam', 'README.md', '.armgen-manifest.json']);
    const check = results.find((r) => r.line.startsWith('npx armgen check'));
    expect(check?.status).to.equal(0);
    expect(check?.stderr).to.include('up to date');
  });

  it('armgen schema > armgen.schema.json writes the schema the package ships', function () {
    requireOnline(this);
    expect(readFileSync(join(project(), 'armgen.schema.json'), 'utf8')).to.equal(readFileSync(join(project(), 'node_modules/armgen/schemas/armgen.schema.json'), 'utf8'));
  });

  it('then, as in a pipeline: lint is clean, and check exits 1 once an output file is edited by hand', function () {
    requireOnline(this);
    const lint = npx(['lint', 'configs/automation-account.yaml']);
    expect(lint.status, lint.stderr).to.equal(0);
    const template = join(project(), 'out', 'automation-account', 'azuredeploy.json');
    writeFileSync(template, readFileSync(template, 'utf8').replace('"contentVersion": "1.0.0.0"', '"contentVersion": "1.0.0.1"'));
    const drift = npx(['check', 'configs/automation-account.yaml']);
    expect(drift.status, drift.stderr).to.equal(1);
    expect(drift.stdout).to.include('a/out/automation-account/azuredeploy.json');
  });
});
