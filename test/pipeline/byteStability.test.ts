import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join, relative } from 'node:path';
import { expect } from 'chai';
import { runCli } from '../../generator/cli.js';
import { repoRoot } from '../support/paths.js';

const quiet = { stdout: () => undefined, stderr: () => undefined };

/** The example config an output path (`NAME/...`) was rendered from. */
const configText = (path: string) => readFileSync(join(repoRoot, 'examples', `${path.split(/[\\/]/)[0]}.yaml`), 'utf8');

function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const full = join(d, e);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

describe('byte-stable output', function () {
  this.timeout(120_000);
  const cwd = process.cwd();
  after(() => process.chdir(cwd));

  it('renders every example to the same bytes twice, from two working directories, with no host-specific text', async () => {
    // GIVEN the examples copied to a scratch folder
    const work = mkdtempSync(join(tmpdir(), 'armgen-stable-'));
    cpSync(join(repoRoot, 'examples'), join(work, 'examples'), { recursive: true });
    // WHEN rendered once from the scratch folder (relative paths) and once from elsewhere (absolute paths)
    process.chdir(work);
    expect(await runCli(['generate', 'examples/*.yaml', '--out', 'first'], quiet)).to.equal(0);
    process.chdir(tmpdir());
    expect(await runCli(['generate', `${join(work, 'examples')}/*.yaml`, '--out', join(work, 'second')], quiet)).to.equal(0);
    // THEN both trees hold the same files, byte for byte, and the committed out/ too
    const first = files(join(work, 'first'));
    const second = files(join(work, 'second'));
    expect([...second.keys()]).to.deep.equal([...first.keys()]);
    for (const [path, bytes] of first) expect(second.get(path)!.equals(bytes), path).to.equal(true);
    const committed = files(join(repoRoot, 'out'));
    for (const [path, bytes] of first) expect(committed.get(path)?.equals(bytes), `out/${path}`).to.equal(true);
    // AND no file holds a BOM, CR, a timestamp, an absolute path, the host or user name; each ends with one LF
    for (const [path, bytes] of first) {
      const text = bytes.toString('utf8');
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), `${path} BOM`).to.equal(false);
      expect(text.includes('\r'), `${path} CR`).to.equal(false);
      expect(text.endsWith('\n') && !text.endsWith('\n\n'), `${path} final newline`).to.equal(true);
      expect(text.includes(work) || text.includes(tmpdir()) || text.includes(repoRoot), `${path} path`).to.equal(false);
      // (short names such as 'vm' are ordinary words in templates; only a distinctive name is a leak signal)
      expect(hostname().length > 3 && text.includes(hostname()), `${path} host`).to.equal(false);
      expect(new RegExp(`\\b${userInfo().username}\\b`).test(text) && userInfo().username.length > 3, `${path} user`).to.equal(false);
      // (README.md shows parameter values as the config gives them: a timestamp there must come from the config)
      const stamps = text.match(/20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(?!Z'|Z")/g) ?? [];
      const unexplained = path.endsWith('README.md') ? stamps.filter((s) => !configText(path).includes(s)) : stamps;
      expect(unexplained.length > 0 && !text.includes('startTime'), `${path} timestamp`).to.equal(false);
    }
  });

  it('writes the armgen version into metadata only with --stamp-version', async () => {
    const out = mkdtempSync(join(tmpdir(), 'armgen-stamp-'));
    const config = join(repoRoot, 'examples/template-ua.yaml');
    expect(await runCli(['generate', config, '--out', out, '--format', 'arm'], quiet)).to.equal(0);
    const plain = JSON.parse(readFileSync(join(out, 'template-ua/azuredeploy.json'), 'utf8')) as { metadata: { _generator: Record<string, string> } };
    expect(Object.keys(plain.metadata._generator)).to.deep.equal(['name', 'templateHash']);
    expect(await runCli(['generate', config, '--out', out, '--format', 'arm', '--stamp-version'], quiet)).to.equal(0);
    const stamped = JSON.parse(readFileSync(join(out, 'template-ua/azuredeploy.json'), 'utf8')) as { metadata: { _generator: Record<string, string> } };
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(stamped.metadata._generator).to.deep.equal({ name: 'armgen', version: pkg.version, templateHash: plain.metadata._generator.templateHash });
  });

  it('orders the template head as $schema, contentVersion, metadata, parameters, resources, outputs', () => {
    const text = readFileSync(join(repoRoot, 'out/template-ua/azuredeploy.json'), 'utf8');
    expect(Object.keys(JSON.parse(text) as object)).to.deep.equal(['$schema', 'contentVersion', 'metadata', 'parameters', 'resources', 'outputs']);
  });
});
