import { expect } from 'chai';
import { loadConfig } from '../../../generator/load/loadConfig.js';
import { diagnosticsOf, renderYaml, templateOf } from '../../helpers/render.js';

describe('hostile input', () => {
  it('refuses a billion-laughs document quickly instead of expanding it', () => {
    // GIVEN nine levels of aliases, each repeating the previous nine times (10^9 nodes if expanded)
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    lines.push('automationAccount:\n  name: aa-laughs-01\n  tags: { x: *a9 }');
    const started = Date.now();
    // WHEN it is loaded THEN it is refused with AG103, well within a second
    const result = loadConfig('laughs.yaml', lines.join('\n'));
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.diagnostics[0]!.code).to.equal('AG103');
    expect(Date.now() - started).to.be.lessThan(1000);
  });

  it('allows ordinary anchors and aliases', () => {
    // GIVEN tags written once with an anchor and reused with an alias
    const yaml = 'identities:\n  - name: runner\n    create: true\n    tags: &tags { team: ops }\nautomationAccount:\n  name: aa-anchors-01\n  tags: *tags\n  identity:\n    userAssigned: [runner]\n';
    // WHEN rendered THEN both resources carry the same tags
    const t = templateOf(renderYaml(yaml));
    expect(t.resources.map((r) => r.tags)).to.deep.include.members([{ team: 'ops' }]);
    expect(t.resources.filter((r) => JSON.stringify(r.tags) === '{"team":"ops"}')).to.have.length(2);
  });

  it('reports a duplicate key as an error at its position', () => {
    const d = diagnosticsOf('automationAccount:\n  name: aa-one-001\n  name: aa-two-002\n');
    expect(d).to.have.length(1);
    expect(d[0]).to.match(/^bad\.yaml:3:3: AG102: /);
  });

  it('reads yes/no/on/off as strings (YAML 1.2 core schema), so they never become booleans silently', () => {
    // GIVEN a boolean field written as `on` WHEN validated THEN it is rejected as a string, not taken as true
    expect(diagnosticsOf('automationAccount:\n  name: aa-prod-001\n  disableLocalAuth: on\n').join('\n')).to.match(/expected a literal boolean.*got string "on"/);
    // AND a string field written as `yes` stays the string "yes"
    const t = templateOf(renderYaml('automationAccount:\n  name: aa-prod-001\n  tags:\n    enabled: yes\n    off: no\n'));
    expect(t.resources[0]!.tags).to.deep.equal({ enabled: 'yes', off: 'no' });
  });

  it('keeps __proto__ and constructor as ordinary tag names, never touching object prototypes', () => {
    const t = templateOf(renderYaml('automationAccount:\n  name: aa-proto-001\n  tags:\n    __proto__: polluted\n    constructor: c\n'));
    expect(Object.keys(t.resources[0]!.tags as object).sort()).to.deep.equal(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.prototype).not.to.have.property('polluted');
  });

  it("rejects a 10,000-character tag value with Azure's 256-character rule, and carries a 10,000-character description", () => {
    const long = 'x'.repeat(10_000);
    expect(diagnosticsOf(`automationAccount:\n  name: aa-long-001\n  tags:\n    t: ${long}\n`).join('\n')).to.match(/tags\/t: .*(256|more than)/);
    const yaml = `parameters:\n  n:\n    type: string\n    defaultValue: aa-long-001\n    description: ${long}\nautomationAccount:\n  name: { param: n }\n`;
    expect((templateOf(renderYaml(yaml)).parameters.n!.metadata as { description: string }).description).to.have.length(10_000);
  });

  it('keeps NUL, bidi and control characters as the same literal characters in the template', () => {
    const value = 'a\u0000b\u202Ec\u0007d';
    const t = templateOf(renderYaml(`automationAccount:\n  name: aa-ctrl-0001\n  tags:\n    t: ${JSON.stringify(value)}\n`));
    expect((t.resources[0]!.tags as Record<string, string>).t).to.equal(value);
  });
});
