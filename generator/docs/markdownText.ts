/** Markdown spelling for the config reference: inline code, table cells, paragraphs, JSON literals. */

export function json(v: unknown): string {
  return JSON.stringify(v) ?? 'undefined';
}

/** An inline code span that survives backticks in the text. */
export function code(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A table cell: no pipes or line breaks. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}

export function paragraph(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}
