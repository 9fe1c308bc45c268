import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * Worker thread for test/support/mermaid.ts: parses each diagram with mermaid's own parser (`mermaid.parse`). The
 * mermaid package sanitises labels with DOMPurify, which needs a DOM `window` when it is imported, so the worker
 * gives it a jsdom window first; being a worker, that global never reaches the test process.
 */
const require = createRequire(import.meta.url);
const { JSDOM } = require('jsdom') as { JSDOM: new (html: string) => { window: unknown } };
(globalThis as Record<string, unknown>).window = new JSDOM('<!doctype html><html><body></body></html>').window;
const { default: mermaid } = await import('mermaid');

const results: ({ ok: true; type: string } | { ok: false; error: string })[] = [];
for (const text of workerData as string[]) {
  try {
    const parsed = await mermaid.parse(text);
    results.push(parsed ? { ok: true, type: parsed.diagramType } : { ok: false, error: 'not a diagram' });
  } catch (err) {
    results.push({ ok: false, error: (err as Error).message.split('\n').slice(0, 4).join(' | ') });
  }
}
parentPort!.postMessage(results);
