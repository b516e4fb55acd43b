import type { ChatAction, ChatChoice, ChatItem, ChatReply } from '@hausportal/api';

// Shared shapes of the chat bot (issue 13). The pipeline (chat/service.ts): normalize → safety rules → entities →
// retrieval → decision (chat/nlu/), then the answer: own data (chat/data/), an FAQ entry (chat/faq.ts), a fixed
// text (chat/texts.ts) or the hand-over offer.

export type ChatLang = 'de' | 'en';

/** Intents answered from the person's own data (chat/data/). */
export const dataIntents = [
  'data.balance',
  'data.next_charge',
  'data.open_items',
  'data.last_payment',
  'data.tickets_open',
  'data.ticket_status',
  'data.next_appointment',
  'data.contact',
  'data.new_documents',
] as const;
export type DataIntent = (typeof dataIntents)[number];
export const isDataIntent = (intent: string): intent is DataIntent => (dataIntents as readonly string[]).includes(intent);

/** What the rules found in a message (chat/nlu/entities.ts). */
export interface ChatEntities {
  /** "2026-00042" */
  ticketNumber?: string;
  /** "7", "W2", "3/12" — the unit's Top or door number as written. */
  top?: string;
  /** A year named ("2025"), or the year of a month named. */
  year?: number;
  /** 1–12, from month names or "letzten Monat"/"last month" (relative to the organization's today). */
  month?: number;
  /** An amount named ("120 €", "1.234,56"), in cents. */
  amountCents?: number;
}

/** One scored candidate of the retrieval, best first; `score` is 0–1: how much of the phrase and of the message matched (chat/nlu/match.ts). */
export interface Candidate {
  intent: string;
  score: number;
}

/** The outcome of understanding one message. */
export type Decision =
  /** A safety rule matched: answer with the emergency numbers. `kind` names the rule (gas, fire, water, power, lift). */
  | { kind: 'emergency'; rule: string }
  /** A clear winner. */
  | { kind: 'answer'; intent: string; score: number }
  /** Candidates, no clear winner: ask "Meinten Sie …?" with these (at most three). */
  | { kind: 'clarify'; candidates: Candidate[] }
  /** Nothing matched well enough: offer the hand-over. `candidates` may hold weak hits (kept for the manager's hint). */
  | { kind: 'none'; candidates: Candidate[] };

/** A document of the retrieval index: one phrase that means `intent`. */
export interface IntentPhrase {
  intent: string;
  lang: ChatLang;
  text: string;
}

/** An FAQ entry as the matcher and the answer need it (only entries valid for the asker). */
export interface FaqForChat {
  key: string;
  lang: ChatLang;
  questions: string[];
  answerText: string;
  answerHtml: string;
}

/** The parts of a reply an answer produces; chat/service.ts adds conversation, intent and score. */
export interface ReplyParts {
  text: string;
  html?: string | null;
  /** The organization's day the data was read ("Stand"), for own-data answers. */
  asOf?: string | null;
  items?: ChatItem[];
  choices?: ChatChoice[];
  actions?: ChatAction[];
  /** Overrides the decided intent, e.g. `unit_choice` when the bot asks which unit. */
  intent?: string;
}

export type { ChatReply };
