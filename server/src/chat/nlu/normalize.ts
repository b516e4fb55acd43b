// Step 1 of the chat pipeline (issue 13): one spelling for every message before rules and retrieval see it.

/** Longest normalized message the bot looks at; anything after is cut off. */
export const maxNormalizedLength = 500;

const umlauts: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/**
 * Folds German umlauts and ß (ä→ae, ö→oe, ü→ue, ß→ss) and strips other diacritics (é→e); expects lower case.
 * "Müllabfuhr" and "Muellabfuhr" become the same word.
 */
export function foldUmlauts(lower: string): string {
  return lower
    .replace(/[äöüß]/g, (c) => umlauts[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC');
}

/**
 * The normalized form of a message: NFC, lower case, umlauts folded (foldUmlauts), apostrophes dropped ("what's" →
 * "whats"), every other character that is not a letter or digit turned into a space, whitespace collapsed and trimmed,
 * at most `maxNormalizedLength` (500) characters. Never throws; "" for an empty or punctuation-only message.
 * Example: "Wie hoch ist mein Kontostand?!" → "wie hoch ist mein kontostand".
 */
export function normalize(text: string): string {
  const head = text.slice(0, maxNormalizedLength * 2);
  const folded = foldUmlauts(head.normalize('NFC').toLowerCase());
  const plain = folded
    .replace(/['’`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return plain.slice(0, maxNormalizedLength).trimEnd();
}

/** The words of a normalized message ("" → []). */
export const words = (normalized: string): string[] => (normalized === '' ? [] : normalized.split(' '));
