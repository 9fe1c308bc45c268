import { expect } from 'chai';
import type { ResolvedModel } from '../../../../generator/model/resolved.js';
import { renderReadme } from '../../../../generator/render/readme/renderReadme.js';
import { renderFile, renderYaml } from '../../../helpers/render.js';
import { decodeMermaidEntities, mermaidBlocks, parseMermaid } from '../../../support/mermaid.js';
import { renderMarkdown } from '../../../support/markdown.js';

/** Values meant to break Markdown tables, code fences, HTML, links or a Mermaid diagram. */
const HOSTILE = [
  'pipe|in "double" and \'single\' quotes',
  '[link](javascript:alert(1)) ![img](x) <https://auto.link>',
  'back`tick` and ```fence',
  '<script>alert(1)</script><b>bold</b>&amp;&#35;',
  'line one\nline two\r\nline three\u2028four',
  '#35; %% end subgraph --> A[x]',
  '*em* _u_ ~~s~~ $x^2$ \\back\\slash',
  'ünïcödé 😀 \u202eright-to-left',
];

/** What a reader sees of a value: the README shows each on one line. */
const shown = (v: string) => v.replace(/[\p{Cc}\p{Zl}\p{Zp}\p{Cf}]+/gu, ' ');

/**
 * A real resolved model (the maximal example: every section) with hostile text in every place the README shows
 * text from the config: names, handles, descriptions, role and runbook names, parameter values and environments.
 * Resolve would refuse most of these names; the README escaping must hold even if it did not.
 */
function hostileModel(): ResolvedModel {
  const result = renderFile('examples/maximal.yaml');
  if (!result.ok) throw new Error('maximal must render');
  const model = structuredClone(result.model) as { -readonly [K in keyof ResolvedModel]: any };
  model.name = HOSTILE[0]!;
  model.summary.description = HOSTILE[1]!;
  model.summary.identities.forEach((i: { handle: string }, n: number) => {
    const old = i.handle;
    i.handle = HOSTILE[(n + 2) % HOSTILE.length]!;
    model.summary.account.userAssigned = model.summary.account.userAssigned.map((h: string) => (h === old ? i.handle : h));
    for (const ra of model.summary.roleAssignments) if (ra.principal === old) ra.principal = i.handle;
    for (const rb of model.summary.runbooks) if (rb.signsInAs === old) rb.signsInAs = i.handle;
  });
  model.summary.roleAssignments.forEach((ra: { role: { name?: string } }, n: number) => (ra.role.name = HOSTILE[(n + 4) % HOSTILE.length]));
  model.summary.runbooks.forEach((rb: { name: string }, n: number) => (rb.name = HOSTILE[(n + 5) % HOSTILE.length]!));
  model.template.parameters.forEach((p: { name: string; description?: string }, n: number) => (p.description = HOSTILE[n % HOSTILE.length]));
  model.parameterFiles.forEach((f: { environment?: string; values: { value?: unknown }[] }, n: number) => {
    if (f.environment !== undefined) f.environment = HOSTILE[(n + 6) % HOSTILE.length];
    for (const v of f.values) if (v.value !== undefined) v.value = { k: 'str', v: HOSTILE[7] };
  });
  return model as ResolvedModel;
}

describe('README with hostile names: no value breaks the Markdown or the diagram', () => {
  const readme = renderReadme(hostileModel()).text;

  it('GIVEN hostile text everywhere WHEN the README is rendered as GitHub Markdown THEN it holds only armgen\'s own tags and links', () => {
    const { foreignTags, links } = renderMarkdown(readme);
    expect(foreignTags).to.deep.equal([]);
    // armgen's doc links and its own anchor; a bare URL in a value becomes GFM's autolink of itself, never a crafted link
    for (const { href, text } of links) {
      if (/^(https:\/\/learn\.microsoft\.com\/|#parameters$)/.test(href)) continue;
      expect(href, href).to.match(/^https?:\/\//);
      expect(text, href).to.equal(href);
    }
  });

  it('THEN every table row has exactly the cells of its head row', () => {
    const { tables } = renderMarkdown(readme);
    expect(tables.length).to.be.greaterThan(3);
    for (const table of tables) for (const row of table) expect(row.length, JSON.stringify(row)).to.equal(table[0]!.length);
  });

  it('THEN every hostile value is shown as plain text, on one line', () => {
    const { text } = renderMarkdown(readme);
    for (const value of HOSTILE) expect(text, value).to.include(shown(value));
  });

  it('THEN the README has one Mermaid block, its fence is never closed early, and the mermaid parser accepts it', async () => {
    const blocks = mermaidBlocks(readme);
    expect(blocks).to.have.length(1);
    expect(blocks[0]).not.to.include('`');
    const [result] = await parseMermaid(blocks);
    expect(result, JSON.stringify(result)).to.deep.equal({ ok: true, type: 'flowchart-v2' });
  });

  it('THEN each hostile identity handle and runbook name reads back from the diagram labels unchanged', () => {
    const labels = decodeMermaidEntities(mermaidBlocks(readme)[0]!);
    for (const value of [HOSTILE[2]!, HOSTILE[3]!, HOSTILE[5]!, HOSTILE[6]!]) expect(labels, value).to.include(shown(value));
  });

  it('GIVEN a config whose file name and description are hostile WHEN generated THEN its README renders and parses too', async () => {
    const yaml = `description: "${'a|b `c` <b>x</b> [l](y)\\n# not a heading'}"\nautomationAccount:\n  name: aa-hostile\n  identity: { systemAssigned: true }\n`;
    const result = renderYaml(yaml, 'we|rd `name` <i>[x]<i>.yaml');
    const text = result.artifacts.find((a) => a.path.endsWith('/README.md'))!.text;
    const rendered = renderMarkdown(text);
    expect(rendered.foreignTags).to.deep.equal([]);
    expect(rendered.text).to.include('we|rd `name` <i>[x]<i>: the deployment at a glance');
    expect(rendered.text).to.include('a|b `c` <b>x</b> [l](y) # not a heading');
    expect(rendered.html).not.to.match(/<h1>[^<]*not a heading/);
    const [parsed] = await parseMermaid(mermaidBlocks(text));
    expect(parsed!.ok, JSON.stringify(parsed)).to.equal(true);
  });
});
