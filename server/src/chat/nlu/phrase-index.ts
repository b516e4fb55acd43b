import MiniSearch from 'minisearch';
import type { ChatLang, IntentPhrase } from '../types.ts';
import { minPartLength, splitCompound, type Split } from './decompound.ts';
import { synonymOf } from './lexicon.ts';
import { normalize } from './normalize.ts';
import { contentTerms, distance, maxEdits, stem } from './terms.ts';

// The retrieval index of the chat bot (issue 13): one MiniSearch document (BM25+) per phrase — intent phrases and
// FAQ questions — with three fields: the content words, the parts of its compounds, and the stems. A word that belongs
// to a synonym group is indexed with the group's name too, so every word of the group finds it.

/** One indexed phrase. */
export interface Phrase {
  intent: string;
  lang: ChatLang;
  terms: string[];
  /** Each term's weight: how few intents use it, times how many of its intent's phrases use it. */
  weights: number[];
  /** Index token → the positions of the terms it stands for (the term, its synonym group, stem, compound parts). */
  tokens: Map<string, number[]>;
}

/** A word looked up: per phrase id, the match quality 0–1 of each term position it matches, and its BM25 score. */
export interface WordHits {
  hits: Map<number, Map<number, number>>;
  bm25: Map<number, number>;
}

const synonymKey = (group: string): string => `~${group}`;
const fieldBoost = { text: 1, parts: 0.7, stems: 0.8 };
const searchOptions = { fields: ['text', 'parts'], boost: fieldBoost, processTerm: (t: string) => t, tokenize: (t: string) => [t] };

/** How well a message word matches an index token: 1 exact, less for a compound part, stem, prefix or typo. */
function quality(term: string, indexed: string, field: string): number {
  if (field === 'stems') return 0.85;
  const factor = field === 'parts' ? 0.85 : 1;
  if (indexed === term) return factor;
  if (indexed.startsWith(term)) return factor * (0.5 + 0.4 * (term.length / indexed.length));
  return factor * Math.max(0.4, 1 - 0.25 * distance(term, indexed));
}

/** Weight of a word used by `intents` of `intentCount` intents: the fewer, the more it says. */
export const rarity = (intents: number, intentCount: number): number => Math.log(1 + intentCount / (intents + 0.5));

/** The index of one set of phrases; immutable once built. */
export class PhraseIndex {
  readonly phrases: Phrase[] = [];
  readonly intentCount: number;
  private readonly vocabulary = new Set<string>();
  /** Rests of indexed compounds that count as words ("reinigung" of "treppenhausreinigung"). */
  private readonly partWords = new Set<string>();
  /** The first four letters of every known word (a quick reject while splitting compounds). */
  private readonly heads = new Set<string>();
  private readonly parts = new Map<string, string[]>();
  private readonly index: MiniSearch<{ id: number; text: string; parts: string; stems: string }>;

  /** Indexes `phrases` (normalized, stop words dropped); phrases without content words are skipped. */
  constructor(phrases: readonly IntentPhrase[]) {
    const parsed = phrases.map((p) => ({ ...p, terms: contentTerms(normalize(p.text)) })).filter((p) => p.terms.length > 0);
    for (const p of parsed) for (const term of p.terms) this.vocabulary.add(term);
    for (const term of [...this.vocabulary, ...synonymOf.keys()]) this.addHead(term);
    this.collectPartWords();
    this.intentCount = new Set(parsed.map((p) => p.intent)).size;
    const weightOf = this.termWeights(parsed);
    for (const p of parsed) {
      this.phrases.push({ intent: p.intent, lang: p.lang, terms: p.terms, weights: p.terms.map((t) => weightOf(p.intent, t)), tokens: this.tokensOf(p.terms) });
    }
    this.index = new MiniSearch({
      fields: ['text', 'parts', 'stems'],
      tokenize: (text) => text.split(' ').filter(Boolean),
      processTerm: (term, field) => {
        const group = field === 'stems' ? undefined : synonymOf.get(term);
        return group ? [term, synonymKey(group)] : term;
      },
    });
    this.index.addAll(
      this.phrases.map((p, id) => ({ id, text: p.terms.join(' '), parts: p.terms.flatMap((t) => this.partsOf(t)).join(' '), stems: p.terms.map(stem).join(' ') })),
    );
  }

  /**
   * A term's weight in a phrase of `intent`: its rarity among intents times its centrality — the share of the
   * intent's phrases that use it, a synonym or its stem ("Kaution" is central to the deposit entry, "spät" in
   * "Party beim Nachbarn bis spät" is not central to noise).
   */
  private termWeights(parsed: { intent: string; terms: string[] }[]): (intent: string, term: string) => number {
    const concept = (t: string) => synonymOf.get(t) ?? stem(t);
    const intentsOf = new Map<string, Set<string>>();
    const phraseCount = new Map<string, number>();
    const uses = new Map<string, number>();
    for (const p of parsed) {
      phraseCount.set(p.intent, (phraseCount.get(p.intent) ?? 0) + 1);
      for (const term of p.terms) intentsOf.set(term, (intentsOf.get(term) ?? new Set()).add(p.intent));
      for (const c of new Set(p.terms.map(concept))) uses.set(`${p.intent} ${c}`, (uses.get(`${p.intent} ${c}`) ?? 0) + 1);
    }
    return (intent, term) =>
      rarity(intentsOf.get(term)?.size ?? 0, this.intentCount) * ((uses.get(`${intent} ${concept(term)}`) ?? 0) / phraseCount.get(intent)!);
  }

  /** Whether a word is known: indexed, a word of a synonym group, or the rest of an indexed compound. */
  readonly known = (term: string): boolean => this.vocabulary.has(term) || synonymOf.has(term) || this.partWords.has(term);

  /** Whether the word is indexed as it is (typo search is pointless then). */
  has(term: string): boolean {
    return this.vocabulary.has(term);
  }

  private readonly mayStart = (head: string): boolean => this.heads.has(head);

  private addHead(term: string): void {
    if (term.length >= minPartLength) this.heads.add(term.slice(0, minPartLength));
  }

  /** splitCompound against the words this index knows. */
  split(term: string): Split {
    return splitCompound(term, this.known, this.mayStart);
  }

  /** Makes the rests of mostly known indexed compounds words of their own, so "Stiegenhausreinigung" finds "reinigung". */
  private collectPartWords(): void {
    for (const term of this.vocabulary) {
      if (term.length < 2 * minPartLength) continue;
      const split = this.split(term);
      const knownLetters = split.parts.reduce((sum, p) => sum + p.length, 0);
      if (split.parts.length === 0 || knownLetters * 2 < term.length) continue;
      for (const rest of split.unknown) {
        if (rest.length < minPartLength) continue;
        this.partWords.add(rest);
        this.addHead(rest);
      }
    }
  }

  /** The known parts of a long indexed word ("betriebskostenabrechnung" → betriebskosten, abrechnung), else []. */
  private partsOf(term: string): string[] {
    if (term.length < 2 * minPartLength) return [];
    let parts = this.parts.get(term);
    if (!parts) {
      const split = this.split(term);
      parts = split.unknown.length === 0 && split.parts.length >= 2 ? split.parts : [];
      this.parts.set(term, parts);
    }
    return parts;
  }

  /** The index tokens of a phrase's terms and the positions they stand for. */
  private tokensOf(terms: string[]): Map<string, number[]> {
    const tokens = new Map<string, number[]>();
    const add = (token: string, position: number) => {
      const positions = tokens.get(token) ?? [];
      if (!positions.includes(position)) tokens.set(token, [...positions, position]);
    };
    const addWithGroup = (token: string, position: number) => {
      add(token, position);
      const group = synonymOf.get(token);
      if (group) add(synonymKey(group), position);
    };
    terms.forEach((term, position) => {
      addWithGroup(term, position);
      add(stem(term), position);
      for (const part of this.partsOf(term)) addWithGroup(part, position);
    });
    return tokens;
  }

  /** The synonym group of a word, also for a small typo of a group word ("rauchfangkera"). */
  private groupOf(term: string): string | undefined {
    const group = synonymOf.get(term);
    const edits = maxEdits(term);
    if (group || edits === 0) return group;
    for (const [word, name] of synonymOf) {
      if (Math.abs(word.length - term.length) <= edits && word[0] === term[0] && distance(word, term) <= edits) return name;
    }
    return undefined;
  }

  /**
   * One word of a message against the index: exact, as a prefix (4+ letters), with typos (words not in the index,
   * 5+ letters, 20 % of the letters, at most 2), by its stem, and through its synonym group.
   */
  lookup(term: string): WordHits {
    const hits = new Map<number, Map<number, number>>();
    const bm25 = new Map<number, number>();
    const record = (id: number, token: string, q: number, score: number) => {
      const positions = this.phrases[id]!.tokens.get(token);
      if (!positions) return;
      const qualities = hits.get(id) ?? new Map<number, number>();
      for (const position of positions) if (q > (qualities.get(position) ?? 0)) qualities.set(position, q);
      hits.set(id, qualities);
      bm25.set(id, Math.max(bm25.get(id) ?? 0, score));
    };
    const fuzzy = maxEdits(term) > 0 && !this.has(term) ? 0.2 : false;
    for (const result of this.index.search(term, { ...searchOptions, prefix: term.length >= 4, fuzzy, maxFuzzy: 2 })) {
      for (const token of result.terms) {
        // A five-letter word is matched with a letter more or less ("piept", "piepst"), not another letter ("think").
        if (term.length === 5 && token.length === 5 && token !== term) continue;
        for (const field of result.match[token] ?? []) record(result.id, token, quality(term, token, field), result.score);
      }
    }
    const stemmed = stem(term);
    for (const result of this.index.search(stemmed, { ...searchOptions, fields: ['stems'] })) record(result.id, stemmed, 0.85, result.score);
    const group = this.groupOf(term);
    if (group) for (const result of this.index.search(synonymKey(group), searchOptions)) record(result.id, synonymKey(group), 0.9, 0.9 * result.score);
    return { hits, bm25 };
  }
}
