import { Worker } from 'node:worker_threads';

export type MermaidResult = { readonly ok: true; readonly type: string } | { readonly ok: false; readonly error: string };

/**
 * Parse Mermaid diagrams offline with the `mermaid` package's own parser (the one GitHub renders with), in a worker
 * thread with a jsdom window (see mermaidWorker.ts). `@mermaid-js/parser` cannot be used: it has no flowchart grammar.
 */
export function parseMermaid(diagrams: readonly string[]): Promise<MermaidResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./mermaidWorker.js', import.meta.url), { workerData: diagrams });
    worker.once('message', (results: MermaidResult[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** The text of every ```mermaid fenced block of a Markdown document. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

/** Undo Mermaid's `#NNN;` entity codes (what a reader sees in a label). */
export function decodeMermaidEntities(text: string): string {
  return text.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}
