import { createRequire } from 'node:module';

// fastest-levenshtein (CommonJS) is loaded only when a suggestion is actually computed.
const require = createRequire(import.meta.url);
let levenshtein: typeof import('fastest-levenshtein') | undefined;
const distance = (a: string, b: string): number => (levenshtein ??= require('fastest-levenshtein') as typeof import('fastest-levenshtein')).distance(a, b);

/**
 * Suggest the closest known words for a misspelt one, for "did you mean" hints.
 * Case-insensitive; returns at most `max` candidates within a distance that scales with the word length.
 * @default max 3
 */
export function didYouMean(word: string, candidates: Iterable<string>, max = 3): string[] {
  const needle = word.toLowerCase();
  const limit = Math.max(2, Math.floor(needle.length / 3));
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase();
    const score = hay.includes(needle) || needle.includes(hay) ? 1 : distance(needle, hay);
    if (score <= limit) scored.push({ candidate, score });
  }
  scored.sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0));
  return scored.slice(0, max).map((s) => s.candidate);
}

/** Format suggestions as a trailing hint, or '' when there are none. */
export function suggestionHint(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  return ` Did you mean ${suggestions.map((s) => `'${s}'`).join(' or ')}?`;
}
