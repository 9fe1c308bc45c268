import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { runCli } from '../../generator/cli.js';

describe('Azure limits stop a config before anything is written', () => {
  it('a config whose template would have more than 64 outputs exits 2 with the limit named, writing nothing', async () => {
    // GIVEN 22 user-assigned identities: 2 account outputs + 3 per identity = 68 outputs
    const dir = mkdtempSync(join(tmpdir(), 'armgen-limits-'));
    const names = Array.from({ length: 22 }, (_, i) => `id${i}`);
    const yaml = [
      'identities:',
      ...names.map((n) => `  - name: ${n}\n    resourceName: uai-${n}`),
      'automationAccount:',
      '  name: aa-limits-01',
      '  identity:',
      `    userAssigned: [${names.join(', ')}]`,
    ].join('\n');
    writeFileSync(join(dir, 'many.yaml'), `${yaml}\n`);
    let stderr = '';
    // WHEN generated
    const code = await runCli(['generate', join(dir, 'many.yaml'), '--out', join(dir, 'out')], { stdout: () => undefined, stderr: (t) => void (stderr += t) });
    // THEN exit 2, an AG400 diagnostic naming the limit, and no output folder
    expect(code).to.equal(2);
    expect(stderr).to.match(/error AG400: \[limit-outputs\] .*68 outputs; Azure's limit is 64/);
    expect(existsSync(join(dir, 'out'))).to.equal(false);
  });
});
