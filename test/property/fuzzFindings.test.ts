import { expect } from 'chai';
import { generateConfig } from '../../generator/generate.js';
import { renderYaml, templateOf } from '../helpers/render.js';

/**
 * What the property tests found in generator/, each pinned as one example so it cannot come back unnoticed. The
 * Bicep ones were found by the real Bicep CLI (bicepSample.property.test.ts), which this file does not call: it
 * checks the text armgen now writes, which `bicep build` and `bicep lint` 0.49.2 accept without a warning.
 */

const ACCOUNT = 'automationAccount:\n  name: aa-fuzz-01\n';

function errors(yaml: string): string[] {
  const r = generateConfig('fuzz.yaml', yaml);
  return r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`);
}

const bicepOf = (yaml: string, file = 'main.bicep'): string => renderYaml(yaml).artifacts.find((a) => a.path.endsWith(`/${file}`))!.text;

describe('fuzz findings: names and values Azure or Bicep would refuse are refused or written safely', () => {
  it('GIVEN an asset name with a control character WHEN generated THEN AG300 names the rule (Azure refuses control characters in asset names)', () => {
    expect(errors(`${ACCOUNT}variables:\n  - { name: "a\\u0000b", value: 1, isEncrypted: false }\n`)).to.deep.equal([
      '4:13 AG300 /variables/0/name: "a\\u0000b" is not a valid Automation asset name: Azure requires 1-128 characters, none of <>*%&:\\?.+/ or control characters, and not ending with a space',
    ]);
    expect(errors(`${ACCOUNT}schedules:\n  - { name: "nightly\\u0085", frequency: Day }\n`)[0]).to.match(/^4:13 AG300 \/schedules\/0\/name: /);
  });

  it('GIVEN two tag names equal but for letter case WHEN generated THEN AG308 says one value would be lost (Azure tag names are case-insensitive)', () => {
    expect(errors(`${ACCOUNT}  tags: { Env: a, env: b }\n`)).to.deep.equal([
      '3:9 AG308 /automationAccount/tags: tag names "Env" and "env" differ only by letter case: Azure tag names are case-insensitive, so one value would be lost',
    ]);
  });

  it('GIVEN a tag named param beside other tags WHEN generated THEN they are two literal tags, not a parameter reference', () => {
    const tags = templateOf(renderYaml(`${ACCOUNT}  tags: { param: p1, owner: me }\n`)).resources.find((r) => r.type === 'Microsoft.Automation/automationAccounts')?.tags;
    expect(tags).to.deep.equal({ owner: 'me', param: 'p1' });
  });

  it('GIVEN a variable value { param: false } WHEN generated THEN AG200 at the value, not a crash', () => {
    expect(errors(`${ACCOUNT}variables:\n  - name: v\n    value: { param: false }\n    isEncrypted: false\n`)).to.deep.equal([
      "5:21 AG200 /variables/0/value/param: variable 'v': { param: NAME } takes the name of a declared parameter, a string",
    ]);
  });

  it('GIVEN a parameter named json and a number with a fraction WHEN generated THEN AG309: the printer writes json(...) for the number', () => {
    const uses = 'variables:\n  - { name: a, value: { param: json }, isEncrypted: false }\n  - { name: b, value: { param: o }, isEncrypted: false }\n';
    const inTemplate = errors(`parameters:\n  json: { type: string, defaultValue: x }\n  o: { type: object, defaultValue: { a: 0.5 } }\n${ACCOUNT}${uses}`);
    expect(inTemplate).to.have.length(1);
    expect(inTemplate[0]).to.match(/ AG309 cannot render Bicep: fuzz: parameter 'json' has the name of the Bicep function or decorator json\(\)/);
    // AND in a .bicepparam that sets json and a fraction (main.bicep itself is fine)
    const inParams = errors(`parameters:\n  json: { type: string, defaultValue: x }\n  o: { type: object }\n${ACCOUNT}${uses}environments:\n  prod:\n    parameters:\n      json: y\n      o: { a: 0.25 }\n`);
    expect(inParams.some((e) => e.includes("AG309 cannot render Bicep: main.prod.bicepparam: parameter 'json' has the name of the Bicep function json()"))).to.equal(true, inParams.join('\n'));
  });

  it('GIVEN a value that needs a lint comment and breaks over several lines WHEN rendered THEN the comment covers every line', () => {
    const url = `https://kv1.vault.azure.net/${'k'.repeat(100)}`;
    const bicep = bicepOf(`parameters:\n  urls: { type: array, defaultValue: ['${url}', '${url}'] }\n${ACCOUNT}variables:\n  - { name: v, value: { param: urls }, isEncrypted: false }\n`);
    // THEN the multi-line default sits between #disable-diagnostics and #restore-diagnostics (#disable-next-line covers one line)
    expect(bicep).to.contain(`#disable-diagnostics no-hardcoded-env-urls\nparam urls array = [\n  '${url}'\n  '${url}'\n]\n#restore-diagnostics no-hardcoded-env-urls\n`);
    // AND a one-line value keeps #disable-next-line
    expect(bicepOf(`parameters:\n  u: { type: string, defaultValue: 'https://kv1.vault.azure.net/' }\n${ACCOUNT}variables:\n  - { name: v, value: { param: u }, isEncrypted: false }\n`)).to.contain(
      "#disable-next-line no-hardcoded-env-urls\nparam u string = 'https://kv1.vault.azure.net/'\n",
    );
  });

  it('GIVEN a 300-character tag name WHEN rendered THEN it is quoted (an identifier over 255 characters is BCP024) and the linter is told so', () => {
    const name = `t${'a'.repeat(299)}`;
    expect(bicepOf(`${ACCOUNT}  tags:\n    ${name}: v\n`)).to.contain(`    #disable-next-line prefer-unquoted-property-names\n    '${name}': 'v'\n`);
  });
});
