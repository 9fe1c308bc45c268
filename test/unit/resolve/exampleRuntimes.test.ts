import { expect } from 'chai';
import { exampleConfigs, renderFile, templateOf } from '../../helpers/render.js';

/** Warnings that mean an example would not run as written: a retired runtime, modules that cannot load, a secret it cannot read. */
const NOT_RUNNABLE = new Set(['AG501', 'AG502', 'AG701']);

describe('every example is runnable as written (issue 11 items 5-7)', () => {
  for (const config of exampleConfigs()) {
    it(`GIVEN ${config} WHEN it is validated THEN no retired runtime, module clash or unreadable secret is reported, and every runbook runs on a supported runtime`, () => {
      const result = renderFile(config);
      if (!result.ok) throw new Error(`${config} does not render: ${result.diagnostics.map((d) => d.message).join('; ')}`);
      const found = result.diagnostics.filter((d) => NOT_RUNNABLE.has(d.code)).map((d) => `${d.code} ${d.message}`);
      expect(found).to.deep.equal([]);
      const types = templateOf(result)
        .resources.filter((r) => r.type === 'Microsoft.Automation/automationAccounts/runbooks')
        .map((r) => (r.properties as { runbookType: string }).runbookType);
      expect(types.filter((t) => ['PowerShell72', 'Python3', 'Python2'].includes(t)), `${config} runbook types`).to.deep.equal([]);
    });
  }
});
