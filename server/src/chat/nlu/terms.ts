import { stopWords } from './lexicon.ts';
import { words } from './normalize.ts';

// Word-level helpers of the retrieval (match.ts): content words, a light stem, edit distance.

/**
 * The content words of a normalized text: no stop words, no bare numbers, at least 2 letters. A text of stop words
 * only ("Was kannst du?", "What can you do?") keeps all its words.
 */
export function contentTerms(normalized: string): string[] {
  const all = words(normalized).filter((w) => w.length >= 2 && !/^\d+$/.test(w));
  const content = all.filter((w) => !stopWords.has(w));
  return content.length > 0 ? content : all;
}

const endings = ['ing', 'ed', 'en', 'er', 'es', 'em', 'e', 'n', 's'];
const minStem = 4;

/** A light stem for inflected forms (zahlungen → zahlung, mieten → miet, repaired → repair); 5+ letters only. */
export function stem(term: string): string {
  if (term.length < 5) return term;
  const ending = endings.find((e) => term.endsWith(e) && term.length - e.length >= minStem);
  return ending ? term.slice(0, -ending.length) : term;
}

/** Levenshtein distance of two short words. */
export function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** Typos tolerated in a word: none below 5 letters, 1 up to 8, 2 from 9. */
export const maxEdits = (term: string): number => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0);
