import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { findBuiltinRole } from '../../../generator/azure/roles/builtinRoles.js';
import { systemEnvironment } from '../../../generator/azure/runtimes.js';
import { timeZoneProblem } from '../../../generator/azure/timeZones.js';
import { generateConfig } from '../../../generator/generate.js';
import { repoRoot } from '../../support/paths.js';

interface CompletionList {
  readonly pointer: string;
  readonly source: string;
  readonly values: readonly string[];
}
interface CompletionsModule {
  completionLists(): Promise<CompletionList[]>;
  nodeAt(schema: unknown, pointer: string): { examples?: unknown[]; $comment?: string; enum?: unknown } | undefined;
  commentFor(list: CompletionList): string;
}

const completions = async () => (await import(join(repoRoot, 'scripts/schemaCompletions.mjs'))) as CompletionsModule;
const schema = () => JSON.parse(readFileSync(join(repoRoot, 'schemas/armgen.schema.json'), 'utf8')) as unknown;
const listAt = async (suffix: string) => (await (await completions()).completionLists()).find((l) => l.pointer.endsWith(suffix))!;

describe('schema completions for editors (examples generated from the data armgen checks against)', () => {
  it("offers exactly the catalogue's role names, time zones and runtimes: the schema has not drifted from its sources", async () => {
    // GIVEN the lists computed from builtinRoles.json, windows-iana and runtimes.ts WHEN compared with the schema
    const { completionLists, nodeAt, commentFor } = await completions();
    const lists = await completionLists();
    expect(lists.map((l) => l.pointer)).to.have.length(4);
    for (const list of lists) {
      const node = nodeAt(schema(), list.pointer);
      // THEN each schema node carries the same values, in the same order, and says where they come from
      expect(node?.examples, `${list.pointer} examples are stale: run \`npm run gen:schema\` (then gen:types, gen:docs)`).to.deep.equal(list.values);
      expect(node?.$comment).to.equal(commentFor(list));
      // AND they stay examples: an enum would turn AG305/AG308's did-you-mean into an ajv list of hundreds of values
      expect(node).not.to.have.property('enum');
    }
  });

  it('lists every built-in role of the catalogue by its display name, each one armgen resolves', async () => {
    const catalogue = JSON.parse(readFileSync(join(repoRoot, 'generator/azure/roles/builtinRoles.json'), 'utf8')) as { roles: { name: string }[] };
    const roles = await listAt('/role');
    expect([...roles.values].sort()).to.deep.equal(catalogue.roles.map((r) => r.name).sort());
    for (const name of roles.values) expect(findBuiltinRole(name)?.name, name).to.equal(name);
  });

  it('offers only time zones and runtime environments that armgen accepts without a warning', async () => {
    const zones = await listAt('/timeZone');
    expect(zones.values).to.include.members(['UTC', 'Europe/Berlin', 'W. Europe Standard Time']);
    expect(zones.values.filter((z) => timeZoneProblem(z) !== undefined)).to.deep.equal([]);
    const environments = await listAt('/runtimeEnvironment');
    expect(environments.values).to.deep.equal(['PowerShell-5.1', 'Python-3.10']);
    for (const name of environments.values) expect(systemEnvironment(name)?.retired, name).to.equal(false);
    expect((await listAt('/version')).values).to.deep.equal(['5.1', '7.4', '3.10']);
  });

  it('keeps a misspelt role an AG305 with a did-you-mean, not a dump of the completion list', () => {
    // GIVEN a role name one letter off WHEN the config is checked
    const yaml = 'automationAccount:\n  name: aa-prod-01\n  identity: { systemAssigned: true }\nroleAssignments:\n  - { identity: system, role: Key Vault Secrets Usr, scope: { kind: resourceGroup } }\n';
    const result = generateConfig('c.yaml', yaml);
    // THEN one diagnostic, AG305, naming the closest role and not listing the catalogue
    expect(result.ok).to.equal(false);
    const diagnostics = result.ok ? [] : result.diagnostics;
    expect(diagnostics.map((d) => d.code)).to.deep.equal(['AG305']);
    expect(diagnostics[0]?.message).to.include("Did you mean 'Key Vault Secrets User'");
    expect(diagnostics[0]?.message).not.to.include('AcrPull');
  });
});
