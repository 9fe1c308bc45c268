import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { createTwoFilesPatch } from 'diff';
import { manifestArtifact } from '../../generator/emit/manifest.js';
import { ownedFiles } from '../../generator/emit/writeArtifacts.js';
import { exampleConfigs, renderFile } from '../helpers/render.js';
import { repoRoot } from '../support/paths.js';

const HINT = 'if the change is intended, run `npm run generate:examples` and commit out/';

describe('golden files: out/ matches a fresh render of every example, byte for byte', () => {
  for (const config of exampleConfigs()) {
    it(`${config} renders exactly the files committed under out/`, () => {
      // GIVEN an example config WHEN it is rendered in memory
      const result = renderFile(config);
      expect(result.ok, `${config} must be valid`).to.equal(true);
      if (!result.ok) return;
      // THEN every artifact, and the ownership manifest `generate` writes beside them, equals the committed file byte for byte...
      const artifacts = [...result.artifacts, manifestArtifact(result.name, result.artifacts, 'all')];
      for (const artifact of artifacts) {
        const path = join(repoRoot, 'out', artifact.path);
        expect(existsSync(path), `out/${artifact.path} is missing; ${HINT}`).to.equal(true);
        const committed = readFileSync(path);
        if (!committed.equals(Buffer.from(artifact.text, 'utf8'))) {
          expect.fail(`out/${artifact.path} differs from the rendered output; ${HINT}\n${createTwoFilesPatch('committed', 'rendered', committed.toString('utf8'), artifact.text)}`);
        }
      }
      // ...and out/NAME/ holds no armgen-owned file (listed in its manifest) the config no longer renders.
      const produced = new Set(artifacts.map((a) => join(repoRoot, 'out', a.path)));
      const extra = ownedFiles(join(repoRoot, 'out'), result.name).filter((f) => !produced.has(f));
      expect(extra, `stale files in out/; ${HINT}`).to.deep.equal([]);
    });
  }
});
