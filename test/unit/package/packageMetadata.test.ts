import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import semver from 'semver';
import { ARMGEN_REPOSITORY_URL } from '../../../generator/diagnosticDocs.js';
import { repoRoot } from '../../support/paths.js';

interface PackageJson {
  readonly license: string;
  readonly homepage: string;
  readonly repository: { type: string; url: string };
  readonly bugs: { url: string };
  readonly engines: { node: string };
  readonly files: string[];
  readonly bin: Record<string, string>;
  readonly dependencies: Record<string, string>;
}

const pkg = (): PackageJson => JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as PackageJson;

describe('package metadata (package.json, LICENSE)', () => {
  it('points repository, homepage and issues at the one repository URL armgen links to (SARIF, explain)', () => {
    const p = pkg();
    expect(p.repository).to.deep.equal({ type: 'git', url: `git+${ARMGEN_REPOSITORY_URL}.git` });
    expect(p.homepage).to.equal(`${ARMGEN_REPOSITORY_URL}#readme`);
    expect(p.bugs.url).to.equal(`${ARMGEN_REPOSITORY_URL}/issues`);
  });

  it('is MIT licensed, with the licence text in LICENSE', () => {
    expect(pkg().license).to.equal('MIT');
    const text = readFileSync(join(repoRoot, 'LICENSE'), 'utf8');
    expect(text).to.match(/^MIT License\n\nCopyright \(c\) \d{4} armgen contributors\n/);
    expect(text).to.include('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });

  it('claims no Node.js version a runtime dependency refuses (engines is within every dependency’s engines)', () => {
    const ours = pkg().engines.node;
    for (const dep of Object.keys(pkg().dependencies)) {
      const theirs = (JSON.parse(readFileSync(join(repoRoot, 'node_modules', dep, 'package.json'), 'utf8')) as { engines?: { node?: string } }).engines?.node;
      if (theirs) expect(semver.subset(ours, theirs), `${dep} needs node ${theirs}; engines says ${ours}`).to.equal(true);
    }
    // Node.js 20 is what CI runs; 22 and 24 are what the README and the pipeline examples recommend
    for (const v of ['20.19.0', '22.12.0', '24.0.0']) expect(semver.satisfies(v, ours), v).to.equal(true);
  });

  it('ships only paths that exist, the CLI among them', () => {
    for (const entry of pkg().files) expect(existsSync(join(repoRoot, entry)), entry).to.equal(true);
    // the bundled CLI (scripts/bundle.mjs); tests run the same code unbundled from dist/generator/bin.js
    expect(pkg().bin.armgen).to.equal('dist/generator/armgen.cjs');
    expect(existsSync(join(repoRoot, pkg().bin.armgen ?? '')), 'npm run build wrote the bundle').to.equal(true);
    expect(pkg().files).to.include('dist/generator');
  });
});
