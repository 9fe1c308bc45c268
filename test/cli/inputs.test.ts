import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'chai';
import { parse } from 'yaml';
import { ARMGEN_MARKER_KEYS, isArmgenConfigText } from '../../generator/commands/configSniff.js';
import { expandInputs } from '../../generator/commands/inputs.js';
import { runIn } from '../support/cliRun.js';
import { repoRoot } from '../support/paths.js';

const example = readFileSync(join(repoRoot, 'examples/template-ua.yaml'), 'utf8');
const withoutComments = example.replace(/^#.*\n/gm, '');
const workflow = readFileSync(join(repoRoot, 'examples/ci/github-actions.yml'), 'utf8');

/**
 * A repository that uses armgen: configs among CI workflows, package files, node_modules (with a config
 * inside), armgen's output, git-ignored and excluded folders, and nested .gitignore files.
 */
function consumerRepository(): string {
  const root = mkdtempSync(join(tmpdir(), 'armgen-consumer-'));
  const files: Record<string, string> = {
    '.git/info/exclude': 'scratch/\n',
    '.gitignore': 'generated/\n*.local.yaml\n!keep.local.yaml\n',
    '.github/workflows/armgen.yml': workflow,
    'package.json': '{ "name": "ops", "devDependencies": { "armgen": "^0.1.0" } }\n',
    'tsconfig.json': '{ "compilerOptions": {} }\n',
    'docker-compose.yml': 'services:\n  web:\n    image: nginx\n',
    'azure-pipelines.yml': 'trigger: [main]\nvariables:\n  a: b\nsteps:\n  - script: echo\n',
    'node_modules/armgen/examples/template-ua.yaml': example,
    'node_modules/other/config.yaml': 'automationAccount: {}\n',
    'dist-arm/old/.armgen-manifest.json': '{}\n',
    'dist-arm/old/azuredeploy.json': '{ "automationAccount": 1 }\n',
    'configs/app.yaml': example,
    'configs/plain.yaml': withoutComments,
    'configs/json-config.json': `${JSON.stringify({ $schema: '../node_modules/armgen/schemas/armgen.schema.json', ...(parse(withoutComments) as object) }, null, 2)}\n`,
    'configs/pipelines/deploy.yml': workflow,
    'configs/generated/gen.yaml': example,
    'configs/x.local.yaml': example,
    'configs/keep.local.yaml': example,
    'configs/sub/.gitignore': 'old.yaml\n',
    'configs/sub/old.yaml': example,
    'configs/sub/new.yaml': example,
    'scratch/s.yaml': example,
    'docs/README.md': '# ops\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('inputs: a folder is searched for armgen configs as git sees the repository; named files are always read', () => {
  let root: string;
  before(() => (root = consumerRepository()));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('skips node_modules, hidden folders, the output folder, folders with an armgen manifest, git-ignored and excluded paths, and files that are not configs', async () => {
    // GIVEN a consumer repository, whose earlier run wrote out/
    expect((await runIn(root, ['generate', 'configs/app.yaml', '--format', 'arm'])).code).to.equal(0);
    // WHEN `.` is expanded
    const before = process.cwd();
    process.chdir(root);
    const found = (() => {
      try {
        return expandInputs(['.'], { outDir: 'out' });
      } finally {
        process.chdir(before);
      }
    })();
    // THEN exactly the configs git would track are found, and the other YAML/JSON files are counted as skipped
    expect(found.files).to.deep.equal(['configs/app.yaml', 'configs/json-config.json', 'configs/keep.local.yaml', 'configs/plain.yaml', 'configs/sub/new.yaml']);
    expect(found.skipped).to.equal(5); // package.json, tsconfig.json, docker-compose.yml, azure-pipelines.yml, configs/pipelines/deploy.yml
    expect(found.unmatched).to.deep.equal([]);
    // AND each config's bytes, read once to recognise it, come along, so the run does not read it again
    expect([...found.bytes.keys()].sort()).to.deep.equal(found.files);
    for (const f of found.files) expect(found.bytes.get(f)!.equals(readFileSync(join(root, f))), f).to.equal(true);
  });

  it('`armgen validate .` in that repository reads only its configs (exit 0) and says how many files it skipped', async () => {
    const r = await runIn(root, ['validate', '.']);
    expect(r.stderr).to.equal('armgen: 5 config(s) valid; 5 YAML/JSON file(s) in the given folders skipped (not armgen configs)\n');
    expect(r.code).to.equal(0);
  });

  it('a file named on the command line is read whatever it holds (the workflow is not a config: AG200)', async () => {
    const r = await runIn(root, ['validate', '.github/workflows/armgen.yml']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/^\.github\/workflows\/armgen\.yml:\d+:\d+: error AG200: /m);
  });

  it('a folder without configs is AG100, saying what was skipped', async () => {
    const r = await runIn(root, ['validate', 'docs']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/^docs: error AG100: no armgen config in this folder: it holds no \.yaml/m);
    const p = await runIn(root, ['validate', 'configs/pipelines']);
    expect(p.stderr).to.match(/^configs\/pipelines: error AG100: no armgen config in this folder: 1 YAML\/JSON file\(s\) skipped/m);
  });

  it('a git-ignored folder named on the command line is searched', async () => {
    const r = await runIn(root, ['validate', 'configs/generated', 'scratch']);
    expect(r.stderr).to.equal('armgen: 2 config(s) valid\n');
    expect(r.code).to.equal(0);
  });

  it("armgen's own examples folder validates without reading the CI workflow files in examples/ci", async () => {
    const r = await runIn(repoRoot, ['validate', 'examples']);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stderr).not.to.match(/examples\/ci\//);
    const configs = readdirSync(join(repoRoot, 'examples')).filter((f) => f.endsWith('.yaml')).length;
    expect(r.stderr).to.include(`${configs} config(s) valid, 1 warning(s); 4 YAML/JSON file(s) in the given folders skipped`);
  });

  it('glob matches under node_modules or the output folder are dropped', async () => {
    const before = process.cwd();
    process.chdir(root);
    try {
      const found = expandInputs(['**/*.{json,yaml}'], { outDir: 'out' });
      expect(found.files.filter((f) => f.startsWith('out/') || f.startsWith('node_modules/'))).to.deep.equal([]);
      expect(found.files).to.include('configs/json-config.json');
    } finally {
      process.chdir(before);
    }
  });
});

describe('what counts as an armgen config when searching a folder', () => {
  it('the modeline, a $schema naming armgen, or an armgen top-level key; not a CI workflow or a compose file', () => {
    const yes: [string, boolean][] = [
      ['# yaml-language-server: $schema=node_modules/armgen/schemas/armgen.schema.json\ndescription: x\n', false],
      ['$schema: ./armgen.schema.json\n', false],
      ["'$schema': 'https://example.com/armgen.schema.json'\n", false],
      ['description: x\nautomationAccount:\n  name: aa\n', false],
      ['roleAssignments: []\n', false],
      ['{\n  "automationAccount": { "name": "aa" }\n}\n', true],
      ['{ "$schema": "../schemas/armgen.schema.json" }', true],
    ];
    for (const [text, json] of yes) expect(isArmgenConfigText(text, json), text).to.equal(true);
    const no: [string, boolean][] = [
      [workflow, false],
      ['services:\n  web:\n    image: nginx\n', false],
      ['trigger: [main]\nparameters:\n  - name: x\nvariables:\n  a: b\n', false],
      ['steps:\n  automationAccount: nested, not top-level\n', false],
      ['{ "name": "ops", "version": "1.0.0" }', true],
    ];
    for (const [text, json] of no) expect(isArmgenConfigText(text, json), text).to.equal(false);
  });

  it('every marker key is a top-level property of the config schema', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas/armgen.schema.json'), 'utf8')) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).to.include.members([...ARMGEN_MARKER_KEYS]);
    expect(ARMGEN_MARKER_KEYS).to.include.members(schema.required);
  });
});
