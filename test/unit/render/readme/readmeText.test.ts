import { expect } from 'chai';
import { call, interp, member, obj, param, str, num } from '../../../../generator/model/expr.js';
import { exprText, literalJson, markdownCode, markdownDocLink, markdownText, mermaidLabel, valueText } from '../../../../generator/render/readme/readmeText.js';
import { decodeMermaidEntities } from '../../../support/mermaid.js';
import { renderMarkdown } from '../../../support/markdown.js';

describe('README text escaping', () => {
  describe('markdownText', () => {
    it('keeps a value on one line: line and paragraph breaks and control characters become one space', () => {
      expect(markdownText('a\nb\r\nc\u2028d\u2029e\u0000f\u202eg')).to.equal('a b c d e f g');
    });

    it('turns HTML into text: &, < and > become entities', () => {
      expect(markdownText('<b>x</b> & y')).to.equal('&lt;b&gt;x&lt;/b&gt; &amp; y');
    });

    it('backslash-escapes what Markdown and GFM read inline (pipe, backtick, emphasis, brackets, heading close, math)', () => {
      expect(markdownText('a|b `c` *d* _e_ [f] ~g~ #h $i$ \\j')).to.equal('a\\|b \\`c\\` \\*d\\* \\_e\\_ \\[f\\] \\~g\\~ \\#h \\$i\\$ \\\\j');
    });

    it('GIVEN a hostile value in a GFM table cell WHEN rendered THEN the row keeps its cells and the cell shows the value as text', () => {
      const hostile = 'a|b `c` <img src=x onerror=alert(1)> [l](javascript:x) ![i](y) **s** \\| &amp; line\nbreak';
      const { tables, foreignTags, links } = renderMarkdown(`| A | B |\n| --- | --- |\n| ${markdownText(hostile)} | z |\n`);
      expect(foreignTags).to.deep.equal([]);
      expect(links).to.deep.equal([]);
      expect(tables[0]).to.deep.equal([['A', 'B'], [hostile.replace('\n', ' '), 'z']]);
    });
  });

  describe('markdownCode and markdownDocLink', () => {
    it('writes armgen identifiers as code spans, and falls back to escaped text for one holding a backtick or pipe', () => {
      expect(markdownCode('Microsoft.Authorization/roleAssignments/write')).to.equal('`Microsoft.Authorization/roleAssignments/write`');
      expect(markdownCode('a`b|c')).to.equal('a\\`b\\|c');
    });

    it('links a doc by its last path segment, and refuses to link anything but a plain https URL', () => {
      expect(markdownDocLink('https://learn.microsoft.com/azure/key-vault/general/rbac-guide#roles')).to.equal('[rbac-guide](https://learn.microsoft.com/azure/key-vault/general/rbac-guide#roles)');
      expect(markdownDocLink('javascript:alert(1)')).to.equal('javascript:alert(1)');
      expect(markdownDocLink('https://x.example/a) [b](c')).to.equal('https://x.example/a) \\[b\\](c');
    });
  });

  describe('mermaidLabel', () => {
    it('quotes a label and writes every character that Mermaid could read as syntax as a #code; entity', () => {
      expect(mermaidLabel('a"b')).to.equal('"a#34;b"');
      expect(mermaidLabel('x|y[z]{w}<v>`u`#t;%%s&')).to.equal('"x#124;y#91;z#93;{w}#60;v#62;#96;u#96;#35;t#59;#37;#37;s#38;"');
    });

    it('joins lines with <br> and turns breaks inside a line into spaces', () => {
      expect(mermaidLabel(['one', 'two\nthree'])).to.equal('"one<br>two three"');
    });

    it('keeps non-ASCII readable through entities, astral characters included', () => {
      const label = mermaidLabel('ünï 😀');
      expect(label).to.equal('"#252;n#239; #128512;"');
      expect(decodeMermaidEntities(label)).to.equal('"ünï 😀"');
    });
  });

  describe('exprText and valueText', () => {
    it('shows literals as themselves, parameters in braces, and anything computed as such', () => {
      expect(exprText(str('aa-prod'))).to.equal('aa-prod');
      expect(exprText(param('automationAccountName'))).to.equal('{automationAccountName}');
      expect(exprText(interp('lock-', param('name')))).to.equal('lock-{name}');
      expect(exprText(member(call('resourceGroup'), 'location'))).to.equal('(computed at deployment)');
      expect(exprText(obj({ b: num(1), a: str('x') }))).to.equal('{"b":1,"a":"x"}');
    });

    it('says so when a string value is empty', () => {
      expect(valueText(str(''))).to.equal('(empty string)');
    });
  });

  describe('literalJson', () => {
    it('keeps a key named __proto__ as an ordinary own key, not the prototype setter', () => {
      const value = literalJson(obj([['__proto__', obj({ polluted: str('yes') })], ['owner', str('me')]])) as Record<string, unknown>;
      expect(Object.keys(value)).to.deep.equal(['__proto__', 'owner']);
      expect(JSON.stringify(value)).to.equal('{"__proto__":{"polluted":"yes"},"owner":"me"}');
      expect(Object.getPrototypeOf(value)).to.equal(Object.prototype);
    });
  });
});
