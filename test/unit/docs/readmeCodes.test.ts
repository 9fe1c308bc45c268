import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { diagnosticCodes } from '../../../generator/diagnostics.js';
import { repoRoot } from '../../support/paths.js';

/** The rows of README.md's "Diagnostic codes" table, as [code, meaning]. */
function readmeCodeRows(): string[][] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Diagnostic codes'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| Code |')));
  return table
    .split('\n')
    .filter((line) => /^\| AG\d{3} \|/.test(line))
    .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| |\s*\|$/g, '')));
}

describe('README.md documents every diagnostic code', () => {
  it('GIVEN the codes in generator/diagnostics.ts THEN the README table lists each once, in order, with the same summary', () => {
    const rows = readmeCodeRows();
    expect(rows.map((r) => r[0])).to.deep.equal(Object.keys(diagnosticCodes));
    for (const [code, meaning] of rows) expect(meaning, code).to.equal(diagnosticCodes[code as keyof typeof diagnosticCodes]);
  });
});
