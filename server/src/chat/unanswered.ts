import type { ChatUnansweredGroup } from '@hausportal/api';
import type { Db } from '../db.ts';
import { json } from '../db.ts';
import { newId } from '../ids.ts';
import { normalize, words } from './nlu/normalize.ts';
import { stopWords, weakWords } from './nlu/lexicon.ts';
import { redact, withoutPlaceholders } from './redact.ts';
import type { ChatLang } from './types.ts';

// Questions the bot could not answer (issue 13), kept so that the manager can turn them into FAQ entries: without
// the person or conversation, redacted (redact.ts), for 90 days. GET /admin/chat/unanswered shows them grouped by
// similarity: two questions are alike when the Jaccard index of their word sets is at least 0.5, where the words are
// the normalized ones (nlu/normalize.ts) without stop words and weak words (nlu/lexicon.ts: "wann", "wo", "next" say
// nothing about the topic), each cut to its first six letters so that inflected
// forms meet ("kontostand", "kontostandes"). Grouping is greedy: newest question first, each joins the most similar
// group whose first question it is alike with, or starts a new one.

/** Days an unanswered question is kept (issue 13). */
export const unansweredRetentionDays = 90;
/** Jaccard index from which two questions are in one group. */
export const similarityThreshold = 0.5;
/** The newest questions looked at for the groups; older ones past this many are left out. */
export const maxGroupedQuestions = 5000;
/** Groups in the answer, largest first. */
export const maxGroups = 200;
const maxExamples = 5;
const maxStoredLength = 500;
const stemLength = 6;

/** A question the bot could not answer, as the chat service hands it over. */
export interface UnansweredQuestion {
  orgId: string;
  lang: ChatLang;
  /** As the person wrote it; stored redacted. */
  text: string;
  /** Intents of the weak candidates, best first (a hint for the manager). */
  candidates: string[];
  at: Date;
}

/**
 * Keeps an unanswered question: the text redacted (redact.ts) and cut to 500 characters, its normalized form (of the
 * redacted text without placeholders, for grouping), at most five distinct candidates. Nothing about the person.
 */
export async function recordUnanswered(db: Db, q: UnansweredQuestion): Promise<void> {
  const text = redact(q.text.replace(/\s+/g, ' ').trim()).slice(0, maxStoredLength);
  await db('chat_unanswered').insert({
    id: newId(q.at.getTime()),
    organization_id: q.orgId,
    lang: q.lang,
    text,
    normalized: normalize(withoutPlaceholders(text)),
    candidates: JSON.stringify([...new Set(q.candidates)].slice(0, 5)),
    asked_at: q.at.toISOString(),
  });
}

const cutoff = (now: Date, days: number): string => new Date(now.getTime() - days * 86_400_000).toISOString();

/**
 * Removes the unanswered questions asked more than `retentionDays` (default 90, issue 13) before `now`, in every
 * organization. Returns how many went. (Conversations have their own, shorter period: chat/store.ts.)
 */
export async function purgeChatData(db: Db, now: Date, retentionDays: number = unansweredRetentionDays): Promise<number> {
  return db('chat_unanswered').where('asked_at', '<', cutoff(now, retentionDays)).delete();
}

interface Asked {
  text: string;
  terms: Set<string>;
  /** The normalized text, to compare questions without terms (only stop words). */
  normalized: string;
  candidates: string[];
  askedAt: string;
}

/** The terms of a normalized question: its words without stop and weak words, cut to their stems. */
export const termsOf = (normalized: string): Set<string> =>
  new Set(words(normalized).filter((w) => !stopWords.has(w) && !weakWords.has(w)).map((w) => w.slice(0, stemLength)));

/** Jaccard index of two questions' terms; questions without terms are alike only when their texts are equal. */
export function similarity(a: Pick<Asked, 'terms' | 'normalized'>, b: Pick<Asked, 'terms' | 'normalized'>): number {
  if (a.terms.size === 0 || b.terms.size === 0) return a.terms.size === b.terms.size && a.normalized === b.normalized ? 1 : 0;
  let shared = 0;
  for (const t of a.terms) if (b.terms.has(t)) shared++;
  return shared / (a.terms.size + b.terms.size - shared);
}

/** Greedy grouping of `asked` (newest first): see the header. */
export function groupQuestions(asked: Asked[]): Asked[][] {
  const groups: Asked[][] = [];
  const byTerm = new Map<string, number[]>();
  const emptyGroups = new Map<string, number>();
  for (const q of asked) {
    let best = -1;
    let bestScore = 0;
    const near = q.terms.size === 0 ? [emptyGroups.get(q.normalized) ?? -1] : [...new Set([...q.terms].flatMap((t) => byTerm.get(t) ?? []))];
    for (const g of near) {
      if (g < 0) continue;
      const score = similarity(q, groups[g]![0]!);
      if (score >= similarityThreshold && score > bestScore) [best, bestScore] = [g, score];
    }
    if (best >= 0) {
      groups[best]!.push(q);
      continue;
    }
    groups.push([q]);
    const index = groups.length - 1;
    if (q.terms.size === 0) emptyGroups.set(q.normalized, index);
    for (const t of q.terms) byTerm.set(t, [...(byTerm.get(t) ?? []), index]);
  }
  return groups;
}

/**
 * The group's most typical question: the highest summed similarity to the others; on a tie the one asked most often
 * (the same normalized text), then the newest.
 */
function representative(group: Asked[]): Asked {
  const members = group.slice(0, 200);
  const often = new Map<string, number>();
  for (const q of members) often.set(q.normalized, (often.get(q.normalized) ?? 0) + 1);
  const rank = (a: Asked): [number, number] => [members.reduce((sum, b) => sum + (a === b ? 0 : similarity(a, b)), 0), often.get(a.normalized)!];
  let best = members[0]!;
  let bestRank = rank(best);
  for (const a of members.slice(1)) {
    const r = rank(a);
    if (r[0] > bestRank[0] || (r[0] === bestRank[0] && r[1] > bestRank[1])) [best, bestRank] = [a, r];
  }
  return best;
}

/** The candidates of a group's questions, most often named first. */
function candidatesOf(group: Asked[]): string[] {
  const counts = new Map<string, number>();
  for (const q of group) for (const c of q.candidates) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
}

/** The API shape of a group (ChatUnansweredGroup); its questions are newest first. */
function groupJson(group: Asked[]): ChatUnansweredGroup {
  // One example per normalized text (the newest spelling): "Wann …?" and "wann …" are one question.
  const distinct = new Map<string, string>();
  for (const q of group) if (!distinct.has(q.normalized)) distinct.set(q.normalized, q.text);
  return {
    text: representative(group).text,
    count: group.length,
    examples: [...distinct.values()].slice(0, maxExamples),
    lastAskedAt: group[0]!.askedAt,
    candidates: candidatesOf(group),
  };
}

/**
 * The organization's unanswered questions of the last 90 days before `now` (only `lang`'s when given; at most the
 * newest 5000), grouped by similarity (see the header): largest group first, then the most recently asked. Each
 * group names its most typical question, its count, up to five distinct questions (by normalized text, newest
 * first), when it was last asked and the candidates its questions came close to. At most 200 groups.
 */
export async function unansweredGroups(db: Db, orgId: string, lang: ChatLang | undefined, now: Date): Promise<ChatUnansweredGroup[]> {
  const q = db('chat_unanswered')
    .where({ organization_id: orgId })
    .where('asked_at', '>=', cutoff(now, unansweredRetentionDays))
    .orderBy('asked_at', 'desc')
    .orderBy('id', 'desc')
    .limit(maxGroupedQuestions)
    .select('text', 'normalized', 'candidates', 'asked_at');
  if (lang) q.where({ lang });
  const rows = (await q) as { text: string; normalized: string; candidates: string; asked_at: string }[];
  const asked: Asked[] = rows.map((r) => ({ text: r.text, normalized: r.normalized, terms: termsOf(r.normalized), candidates: json<string[]>(r.candidates, []), askedAt: r.asked_at }));
  return groupQuestions(asked)
    .sort((a, b) => b.length - a.length || (a[0]!.askedAt < b[0]!.askedAt ? 1 : a[0]!.askedAt > b[0]!.askedAt ? -1 : 0))
    .slice(0, maxGroups)
    .map(groupJson);
}
