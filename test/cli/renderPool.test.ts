import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { POOL_MIN_CONFIGS, poolSize, renderInPool } from '../../generator/commands/renderPool.js';
import { renderConfigFile } from '../../generator/commands/runConfigs.js';
import type { ConfigOutcome } from '../../generator/generate.js';
import { repoRoot } from '../support/paths.js';

/** What a command reads of a result: everything but the resolved model (which the pool does not send back). */
function comparable(r: ConfigOutcome) {
  return { ok: r.ok, file: r.file, name: r.name, diagnostics: r.diagnostics, artifacts: r.ok ? r.artifacts.map((a) => ({ path: a.path, kind: a.kind, text: a.text })) : undefined };
}

describe('the render pool (worker threads for large batches)', function () {
  this.timeout(300_000);
  let dir: string;
  let files: string[];

  before(() => {
    // GIVEN a batch just large enough for the pool: copies of two examples, and one invalid config in the middle
    dir = mkdtempSync(join(tmpdir(), 'armgen-pool-'));
    files = [];
    for (let i = 0; i < POOL_MIN_CONFIGS; i++) {
      const file = join(dir, `c${String(i).padStart(3, '0')}.yaml`);
      cpSync(join(repoRoot, 'examples', i % 2 ? 'template-ua.yaml' : 'maximal.yaml'), file);
      files.push(file);
    }
    writeFileSync(files[50]!, 'automationAccount:\n  name: 42\n  sku: Gold\n');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('renders every config exactly as the main thread does, in file order, diagnostics included', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const options = { format: 'all' as const, readme: true };
    // WHEN the pool renders the batch with one worker (forced: the default depends on idle cores)
    const pooled = renderInPool({ files, options, out: 'out', now: now.getTime() }, renderConfigFile, undefined, 1);
    // THEN it ran, and each result equals the one rendered here, one by one
    expect(pooled, 'the pool ran').not.to.equal(undefined);
    const sequential = files.map((f) => renderConfigFile(f, options, 'out', now));
    expect(pooled!.map(comparable)).to.deep.equal(sequential.map(comparable));
    expect(pooled![50]!.ok).to.equal(false);
    expect(pooled![50]!.diagnostics.length).to.be.greaterThan(0);
  });

  it('leaves a small batch, or a one-core machine, to the caller (no worker is started)', () => {
    expect(poolSize(POOL_MIN_CONFIGS - 1)).to.equal(0);
    expect(renderInPool({ files: files.slice(0, POOL_MIN_CONFIGS - 1), options: {}, out: 'out', now: 0 }, renderConfigFile)).to.equal(undefined);
    if (availableParallelism() < 2) expect(poolSize(10_000)).to.equal(0);
    expect(poolSize(10_000)).to.be.at.most(Math.max(0, availableParallelism() - 1));
  });
});
