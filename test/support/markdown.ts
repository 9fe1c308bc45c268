import { marked } from 'marked';

/** The tags armgen's README may produce when rendered; anything else came from a value that escaped its escaping. */
const ALLOWED_TAG = /^<\/?(h1|h2|p|blockquote|table|thead|tbody|tr|th|td|code|pre|a|br)( [^>]*)?>$/;

export interface RenderedMarkdown {
  readonly html: string;
  /** Every table as rows of cell texts (HTML entities decoded, tags removed); the head row first. */
  readonly tables: readonly (readonly (readonly string[])[])[];
  /** Tags that are not among those armgen produces. */
  readonly foreignTags: readonly string[];
  /** Every link: its target and its text. */
  readonly links: readonly { readonly href: string; readonly text: string }[];
  /** The document as plain text (tags removed, entities decoded). */
  readonly text: string;
}

/** Render Markdown as GitHub-flavoured Markdown (`marked`, GFM on) and take its HTML apart. */
export function renderMarkdown(markdown: string): RenderedMarkdown {
  const html = marked.parse(markdown, { gfm: true, async: false });
  const tags = html.match(/<[^>]*>/g) ?? [];
  const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...t[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => plain(c[1]!))),
  );
  return {
    html,
    tables,
    foreignTags: tags.filter((t) => !ALLOWED_TAG.test(t)),
    links: [...html.matchAll(/<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({ href: decode(m[1]!), text: plain(m[2]!) })),
    text: plain(html),
  };
}

function plain(html: string): string {
  return decode(html.replace(/<[^>]*>/g, ''));
}

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
