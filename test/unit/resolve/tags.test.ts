import { expect } from 'chai';
import { generateConfig } from '../../../generator/generate.js';

const messages = (yaml: string) => generateConfig('tags.yaml', yaml).diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`);
const manyTags = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: v`).join(', ')} }`;

describe('tag limits (50 per resource, names 1-512 without < > % & \\ ? /, values up to 256)', () => {
  it('accepts 50 literal tags and refuses 51', () => {
    expect(messages(`automationAccount:\n  name: aa-tags-01\n  tags: ${manyTags(50)}\n`)).to.deep.equal([]);
    const over = messages(`automationAccount:\n  name: aa-tags-01\n  tags: ${manyTags(51)}\n`);
    expect(over).to.deep.equal(['error AG200 /automationAccount/tags: may have at most 50 entries']);
  });

  it("checks an object parameter's literal values where they are written", () => {
    const yaml = `parameters:\n  tags:\n    type: object\n    defaultValue: ${manyTags(51)}\n    value: { 'a/b': x }\nautomationAccount:\n  name: aa-tags-01\n  tags: { param: tags }\nenvironments:\n  prod:\n    parameters:\n      tags: { owner: '${'x'.repeat(257)}', nested: { a: b } }\n`;
    expect(messages(yaml)).to.deep.equal([
      "error AG308 /parameters/tags/defaultValue: 51 tags: Azure allows at most 50 per resource (parameter 'tags' is used at /automationAccount/tags)",
      'error AG308 /parameters/tags/value: tag name "a/b" contains one of < > % & \\ ? /, which Azure refuses in tag names (parameter \'tags\' is used at /automationAccount/tags)',
      'error AG308 /environments/prod/parameters/tags: tag "owner" has a value of 257 characters: Azure allows at most 256 (parameter \'tags\' is used at /automationAccount/tags)',
    ]);
  });

  it('accepts numbers and booleans as tag values (ARM reads them as text) but not objects', () => {
    const yaml = (value: string) => `parameters:\n  tags: { type: object, defaultValue: { n: ${value} } }\nautomationAccount:\n  name: aa-tags-01\n  tags: { param: tags }\n`;
    expect(messages(yaml('1'))).to.deep.equal([]);
    expect(messages(yaml('{ a: b }'))).to.deep.equal([
      'error AG308 /parameters/tags/defaultValue: tag "n" has an object as its value: tag values are strings (parameter \'tags\' is used at /automationAccount/tags)',
    ]);
  });
});
