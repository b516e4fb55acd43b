// German compounds against a known vocabulary (chat/nlu/match.ts): "muellabfuhr" → muell + abfuhr when both are
// words of the index. No dictionary of its own: only words the bot knows can be parts.

/** Shortest part a compound is split into (shorter pieces are too ambiguous: "bad", "tor"). */
export const minPartLength = 4;

/** Linking elements between the parts of a German compound (Fugenelemente: Wohnung-s-schlüssel). */
const links = new Set(['s', 'n', 'e', 'en', 'es', 'er']);

/** A split: the known parts in order, and the pieces that are no known word (each at least 3 letters). */
export interface Split {
  parts: string[];
  unknown: string[];
}

interface Step {
  cost: number;
  from: number;
  kind: 'part' | 'link' | 'char';
}

// Least-cost segmentation, relaxed forwards: a part costs 1 (fewer, longer parts win), a linking element 0.5, a letter
// that belongs to no part 2. `mayStart` rejects a start position by its first four letters before any lookup.
function steps(word: string, known: (term: string) => boolean, mayStart: (head: string) => boolean): Step[] {
  const n = word.length;
  const best: (Step | undefined)[] = [{ cost: 0, from: -1, kind: 'part' }];
  const relax = (end: number, step: Step) => {
    if (step.cost < (best[end]?.cost ?? Infinity)) best[end] = step;
  };
  for (let start = 0; start < n; start++) {
    const here = best[start]!;
    relax(start + 1, { cost: here.cost + 2, from: start, kind: 'char' });
    if (start > 0 && here.kind === 'part') {
      for (let end = start + 1; end <= Math.min(n, start + 2); end++) {
        if (links.has(word.slice(start, end))) relax(end, { cost: here.cost + 0.5, from: start, kind: 'link' });
      }
    }
    if (n - start < minPartLength || !mayStart(word.slice(start, start + minPartLength))) continue;
    for (let end = start + minPartLength; end <= n; end++) {
      if ((start > 0 || end < n) && known(word.slice(start, end))) relax(end, { cost: here.cost + 1, from: start, kind: 'part' });
    }
  }
  return best as Step[];
}

/**
 * Splits `word` (normalized, one word) into known parts of at least `minPartLength` letters, with German linking
 * elements between them, at the least cost; letters no part covers come back as `unknown` runs (runs shorter than
 * 3 letters are dropped: inflection endings). `known` tells the vocabulary; the word itself never counts as its own
 * part. `mayStart` (optional, for speed) says whether any known word begins with these four letters. "heizkoerperthermostat" → {parts: [heizkoerper, thermostat], unknown: []} when both are known.
 */
export function splitCompound(word: string, known: (term: string) => boolean, mayStart: (head: string) => boolean = () => true): Split {
  const best = steps(word, known, mayStart);
  const pieces: { text: string; kind: Step['kind'] }[] = [];
  for (let end = word.length; end > 0; ) {
    const step = best[end]!;
    pieces.unshift({ text: word.slice(step.from, end), kind: step.kind });
    end = step.from;
  }
  const parts: string[] = [];
  const unknown: string[] = [];
  let run = '';
  const flush = () => {
    if (run.length >= 3) unknown.push(run);
    run = '';
  };
  for (const piece of pieces) {
    if (piece.kind === 'char') {
      run += piece.text;
      continue;
    }
    flush();
    if (piece.kind === 'part') parts.push(piece.text);
  }
  flush();
  return { parts, unknown };
}
