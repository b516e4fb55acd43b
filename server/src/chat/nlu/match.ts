import { isDataIntent, type Candidate, type ChatLang, type Decision, type FaqForChat, type IntentPhrase } from '../types.ts';
import { intentPhrases } from './corpus.ts';
import { minPartLength } from './decompound.ts';
import { labelOf } from './labels.ts';
import { contextWordFactor, contextWords, courtesyWords, weakWordFactor, weakWords } from './lexicon.ts';
import { normalize } from './normalize.ts';
import { PhraseIndex, rarity, type WordHits } from './phrase-index.ts';
import { safetyRule } from './safety.ts';
import { contentTerms } from './terms.ts';

// Steps 4 and 5 of the chat pipeline (issue 13): retrieval over intent phrases and FAQ questions, and the decision.
//
// Each content word of the message (stop words dropped, greetings dropped when more is asked, unknown compounds split
// into known words) is looked up in the phrase index (phrase-index.ts). A word weighs by how few intents it matches
// (an unknown word weighs most; question and help words and household context words less). A phrase scores the
// F-beta (β = 1.5) of two shares: how much of the phrase the message matches (its words weighted by rarity and
// centrality), and how much of the message it matches — that share blended with the share all phrases of the intent
// match together. Each match counts with its quality (1 exact, 0.9 synonym, less for parts, stems, prefixes, typos).
// An intent scores its best phrase (0–1); a ticket number in the message raises data.ticket_status; an own-data
// intent close behind an FAQ entry goes first. Then: answer, ask back ("Meinten Sie …?") or none.

/** The decision thresholds. */
export interface DecisionParams {
  /** Least score of an answer. */
  answer: number;
  /** Least lead of the answer over the second intent. */
  margin: number;
  /** Least score of a candidate offered in "Meinten Sie …?". */
  clarify: number;
}

/**
 * Tuned on server/test/fixtures/chat-utterances.ts (version 1): in-domain accuracy stays at 93.7–95 % and no
 * out-of-domain message is answered for answer 0.45–0.55 with margin up to 0.03; these are the middle.
 */
export const defaultParams: DecisionParams = { answer: 0.5, margin: 0.03, clarify: 0.35 };

/** Weight of the message's share against the phrase's share in a phrase's score (F-beta; above 1 favours the message). */
const beta = 1.5;
/** How much the intent's phrases together count in the message's share (the rest: the single phrase). */
const unionShare = 0.7;
/** Bonus for data.ticket_status when the message names a ticket number (and its score when nothing else matched). */
const ticketBonus = 0.3;
const ticketOnly = 0.5;
const ticketNumber = /(?:^| )\d{4} \d{5}(?= |$)/;
/** Least share of letters its known parts must cover before an unknown compound is looked up by them. */
const partialShare = 0.6;
/** A phrase in the other language than the session's counts a little less (near ties go to the session's language). */
const otherLanguage = 0.97;
/** How close an own-data intent may come to an FAQ entry on top and still go first. */
const ownDataLead = 0.05;
const maxCachedLookups = 5000;

/** One word of the message, looked up. */
interface Slot extends WordHits {
  /** How much the word counts: its rarity among intents, less for weak and context words and unknown compound rests. */
  weight: number;
}

const fBeta = (precision: number, recall: number): number =>
  precision + recall === 0 ? 0 : ((1 + beta ** 2) * precision * recall) / (beta ** 2 * precision + recall);

const best = (qualities: Map<number, number> | undefined): number => (qualities ? Math.max(0, ...qualities.values()) : 0);

/**
 * Own data first: an own-data intent that scores within `ownDataLead` of an FAQ entry on top goes first with the
 * FAQ's score ("Wann wird der Lift repariert?" asks for my ticket, not how lift faults are handled in general).
 */
function preferOwnData(ranked: Candidate[]): Candidate[] {
  const [top] = ranked;
  if (!top?.intent.startsWith('faq.')) return ranked;
  const own = ranked.find((c) => isDataIntent(c.intent) && c.score >= top.score - ownDataLead);
  if (!own) return ranked;
  return [{ intent: own.intent, score: top.score }, ...ranked.filter((c) => c !== own).map((c) => (c === top ? { ...c, score: own.score } : c))];
}

/** Retrieval and decision over the fixed intents and one organization's FAQ entries. Build once, ask many times. */
export class ChatMatcher {
  private readonly index: PhraseIndex;
  private readonly faq: readonly FaqForChat[];
  /** Recent lookups of message words (the index does not change). */
  private readonly lookups = new Map<string, WordHits>();

  /**
   * Builds the index from the FAQ entries (each question of each entry is a phrase of intent `faq.<key>`, both
   * languages) and the fixed intent phrases (corpus.ts). Entries without questions add nothing.
   */
  constructor(faq: readonly FaqForChat[], phrases: readonly IntentPhrase[] = intentPhrases) {
    this.faq = faq;
    const questions = faq.flatMap((entry) => entry.questions.map((text): IntentPhrase => ({ intent: `faq.${entry.key}`, lang: entry.lang, text })));
    this.index = new PhraseIndex([...phrases, ...questions]);
  }

  private lookup(term: string): WordHits {
    let found = this.lookups.get(term);
    if (!found) {
      if (this.lookups.size >= maxCachedLookups) this.lookups.delete(this.lookups.keys().next().value!);
      found = this.index.lookup(term);
      this.lookups.set(term, found);
    }
    return found;
  }

  /** The words the message is looked up by: unknown compounds split, greetings dropped when more is asked. */
  private slots(normalized: string): Slot[] {
    const terms = contentTerms(normalized);
    const asked = terms.filter((t) => !courtesyWords.has(t));
    const slots = new Map<string, Slot>();
    for (const [term, factor] of (asked.length > 0 ? asked : terms).flatMap((t) => this.expand(t))) {
      if (slots.has(term)) continue;
      const found = this.lookup(term);
      const kind = weakWords.has(term) ? weakWordFactor : contextWords.has(term) ? contextWordFactor : 1;
      slots.set(term, { ...found, weight: factor * kind * this.weight(found.hits) });
    }
    return [...slots.values()];
  }

  /**
   * A known word as is; an unknown compound as its known parts. A compound known only in part stays whole when a
   * typo match finds it or its known parts cover less than `partialShare` of it; else its known parts and the unknown
   * rest at half weight ([word, weight factor] pairs).
   */
  private expand(term: string): [string, number][] {
    if (this.index.known(term) || term.length < 2 * minPartLength) return [[term, 1]];
    const split = this.index.split(term);
    if (split.parts.length === 0) return [[term, 1]];
    if (split.unknown.length === 0 && split.parts.length >= 2) return split.parts.map((p) => [p, 1]);
    const knownLetters = split.parts.reduce((sum, p) => sum + p.length, 0);
    if (knownLetters < partialShare * term.length || this.lookup(term).hits.size > 0) return [[term, 1]];
    return [...split.parts.map((p): [string, number] => [p, 1]), ...split.unknown.map((u): [string, number] => [u, 0.5])];
  }

  /** Weight of a message word: how few intents it matches well (an unknown word weighs most). */
  private weight(hits: WordHits['hits']): number {
    const intents = new Set<string>();
    for (const [id, qualities] of hits) if (best(qualities) >= 0.6) intents.add(this.index.phrases[id]!.intent);
    return rarity(intents.size, this.index.intentCount);
  }

  /** A phrase's score: F-beta of the phrase's share matched and the message's share matched (blended, see header). */
  private phraseScore(id: number, slots: Slot[], total: number, intentShare: number): number {
    const phrase = this.index.phrases[id]!;
    let asked = 0;
    const matched = new Map<number, number>();
    for (const slot of slots) {
      const qualities = slot.hits.get(id);
      asked += slot.weight * best(qualities);
      for (const [position, q] of qualities ?? []) matched.set(position, Math.max(q, matched.get(position) ?? 0));
    }
    const phraseTotal = phrase.weights.reduce((sum, w) => sum + w, 0);
    const phraseShare = phrase.weights.reduce((sum, w, position) => sum + w * (matched.get(position) ?? 0), 0) / phraseTotal;
    return fBeta(phraseShare, (1 - unionShare) * (asked / total) + unionShare * intentShare);
  }

  /** Per intent, the share of the message its phrases match together (each word at its best phrase). */
  private intentShares(slots: Slot[], total: number): Map<string, number> {
    const shares = new Map<string, number>();
    for (const slot of slots) {
      const bestOf = new Map<string, number>();
      for (const [id, qualities] of slot.hits) {
        const intent = this.index.phrases[id]!.intent;
        bestOf.set(intent, Math.max(bestOf.get(intent) ?? 0, best(qualities)));
      }
      for (const [intent, q] of bestOf) shares.set(intent, (shares.get(intent) ?? 0) + (slot.weight * q) / total);
    }
    return shares;
  }

  private ranked(normalized: string, allow: (intent: string) => boolean, lang?: ChatLang): Candidate[] {
    const slots = this.slots(normalized);
    const total = slots.reduce((sum, s) => sum + s.weight, 0);
    const byIntent = new Map<string, { score: number; bm25: number }>();
    const shares = total > 0 ? this.intentShares(slots, total) : new Map<string, number>();
    for (const id of new Set(slots.flatMap((s) => [...s.hits.keys()]))) {
      const { intent, lang: phraseLang } = this.index.phrases[id]!;
      if (!allow(intent)) continue;
      const language = lang === undefined || phraseLang === lang ? 1 : otherLanguage;
      const score = language * this.phraseScore(id, slots, total, shares.get(intent) ?? 0);
      const bm25 = slots.reduce((sum, s) => sum + (s.bm25.get(id) ?? 0), 0);
      const previous = byIntent.get(intent);
      if (!previous || score > previous.score || (score === previous.score && bm25 > previous.bm25)) byIntent.set(intent, { score, bm25 });
    }
    if (ticketNumber.test(normalized) && allow('data.ticket_status')) {
      const status = byIntent.get('data.ticket_status');
      byIntent.set('data.ticket_status', { score: Math.min(1, (status?.score ?? ticketOnly - ticketBonus) + ticketBonus), bm25: status?.bm25 ?? 0 });
    }
    return [...byIntent]
      .sort(([, a], [, b]) => b.score - a.score || b.bm25 - a.bm25)
      .map(([intent, { score }]) => ({ intent, score: Math.round(score * 1000) / 1000 }));
  }

  /**
   * Every intent the message may mean, best first, with its score 0–1 (see the file's header); [] when nothing
   * matched. `allow` leaves out intents the asker may not get; `lang` (the session's) wins near ties. No safety rules.
   */
  rank(text: string, allow: (intent: string) => boolean = () => true, lang?: ChatLang): Candidate[] {
    return this.ranked(normalize(text), allow, lang);
  }

  /**
   * Understands one message: the safety rules first (→ emergency, whatever `allow` says), then the ranking (own data
   * first on near ties): answer when the best intent scores at least `params.answer` and leads the second by
   * `params.margin`; else "Meinten Sie …?" with up to three candidates of at least `params.clarify`; else none, with
   * up to three weak candidates (maybe none). `lang` is the session's language; phrases of both languages are
   * searched. `allow` filters intents (FAQ entries the asker may not see, for instance).
   */
  decide(text: string, lang: ChatLang, allow: (intent: string) => boolean = () => true, params: DecisionParams = defaultParams): Decision {
    const normalized = normalize(text);
    const rule = safetyRule(normalized);
    if (rule) return { kind: 'emergency', rule };
    const ranked = preferOwnData(this.ranked(normalized, allow, lang));
    const [top, second] = ranked;
    if (!top) return { kind: 'none', candidates: [] };
    if (top.score >= params.answer && top.score - (second?.score ?? 0) >= params.margin) return { kind: 'answer', intent: top.intent, score: top.score };
    const close = ranked.filter((c) => c.score >= params.clarify).slice(0, 3);
    if (close.length > 0) return { kind: 'clarify', candidates: close };
    return { kind: 'none', candidates: ranked.slice(0, 3) };
  }

  /** labelOf with this matcher's FAQ entries. */
  labelOf(intent: string, lang: ChatLang): string {
    return labelOf(intent, lang, this.faq);
  }
}
