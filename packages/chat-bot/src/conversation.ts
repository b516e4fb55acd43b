import { msg, str } from '@lit/localize';
import { dataOf, type ChatAction, type ChatChoiceValue, type ChatReply, type ChatRequest } from '@hausportal/api';
import { SessionStore, problemMessage, toProblem, type Locale, type SessionStoreHost } from '@hausportal/core';

/** A question to the bot: what the person typed, or the label and value of a choice the bot offered. */
export interface ChatQuestion {
  text: string;
  choice?: ChatChoiceValue;
}

/** One message of the log: the person's (typed or chosen), or the bot's answer (from the server, or said here). */
export type ChatEntry =
  | { id: number; from: 'me'; text: string; typed: boolean }
  | { id: number; from: 'bot'; reply: ChatReply; retry?: ChatQuestion };

/**
 * What `<hp-message-form>` is opened with on a hand-over (its `draft` property): the form, subject, text, unit and
 * urgency to fill in, and the transcript of the conversation, which the person may remove before sending.
 */
export interface HandoverDraft {
  form: string;
  subject: string;
  text: string;
  unitId: string | null;
  urgency: string | null;
  transcript: string;
}

/** The form a question goes to when the bot cannot answer (server/src/seed/forms-data.ts). */
const generalForm = 'allgemeine-anfrage';
/** How many messages (the person's and the bot's) the hand-over's transcript keeps, the newest. */
const TRANSCRIPT_TURNS = 10;

/** What the conversation needs of its element besides the session. */
export interface ConversationHost extends SessionStoreHost {
  readonly locale: Locale;
}

let nextId = 1;

/** An answer said by the widget itself (an error, a ticket number), shaped like the server's. */
function localReply(intent: string, text: string, actions: ChatAction[] = []): ChatReply {
  return { conversationId: null, intent, score: 1, text, html: null, asOf: null, items: [], choices: [], actions };
}

/**
 * The conversation with the bot (POST /chat/messages) of one client, signed-in person and organization: the log, the
 * answer being waited for, the conversation id the server keeps the turns under, and an open hand-over draft. Another
 * person signing in or out starts it anew (nobody sees the previous person's questions). Signed out, requests name the
 * organization (`org`); the server then answers from the FAQ only. On an error (network, server) the bot says so and
 * offers the general form directly (signed out: the sign-in), with "Erneut versuchen"; when the organization has
 * switched the bot off for this person (403 `feature_disabled`), {@link disabled} hides it.
 */
export class Conversation extends SessionStore<ConversationHost> {
  entries: ChatEntry[] = [];
  /** An answer is being waited for (the typing indicator shows). */
  pending = false;
  /** The server said the bot is switched off for this person. */
  disabled = false;
  /** The hand-over draft shown in the form panel, if one is open. */
  handover?: HandoverDraft;
  private conversationId: string | null = null;
  private running?: AbortController;

  /** Starts anew for the session in `key` (SessionStore calls it when the client, the person or the organization change). */
  load(): Promise<void> {
    this.running?.abort();
    Object.assign(this, { entries: [], pending: false, disabled: false, handover: undefined, conversationId: null });
    this.host.requestUpdate();
    return Promise.resolve();
  }

  /** Sends `question` (ignored while an answer is awaited or when it is blank) and adds both messages to the log. */
  async ask(question: ChatQuestion, typed: boolean): Promise<void> {
    const text = question.text.trim().slice(0, 2000);
    const api = this.host.api;
    if (!text || this.pending || !api) return;
    this.add({ id: nextId++, from: 'me', text, typed });
    this.pending = true;
    this.host.requestUpdate();
    const { signal } = (this.running = new AbortController());
    try {
      const reply = await this.post({ ...question, text }, signal);
      if (signal.aborted) return;
      if (reply.conversationId) this.conversationId = reply.conversationId;
      this.add({ id: nextId++, from: 'bot', reply });
    } catch (error) {
      if (signal.aborted) return;
      if (toProblem(error)?.code === 'feature_disabled') this.disabled = true;
      else this.add({ id: nextId++, from: 'bot', reply: this.failure(error, text), retry: { ...question, text } });
    } finally {
      if (!signal.aborted) this.pending = false;
      this.host.requestUpdate();
    }
  }

  /** Adds a message the widget says itself, e.g. the number of the ticket just sent. */
  say(intent: string, text: string): void {
    this.add({ id: nextId++, from: 'bot', reply: localReply(intent, text) });
    this.host.requestUpdate();
  }

  /** The hand-over draft of `action`: its form, subject, unit and urgency, the last question typed and the transcript. */
  draftOf(action: ChatAction): HandoverDraft {
    const draft = action.draft ?? { form: generalForm, subject: this.lastQuestion(), unitId: null, urgency: null };
    return { ...draft, text: this.lastQuestion() || draft.subject, transcript: this.transcript() };
  }

  /**
   * The last {@link TRANSCRIPT_TURNS} messages as lines "Ich: …" / "Chatbot: …" (an answer's list after its text), for
   * the manager to read with the ticket.
   */
  transcript(): string {
    const me = msg('Me', { id: 'cb.transcript.me' });
    const bot = msg('Chat bot', { id: 'cb.transcript.bot' });
    const line = (entry: ChatEntry) => {
      if (entry.from === 'me') return `${me}: ${entry.text}`;
      const items = entry.reply.items.map((i) => `${i.label}: ${i.detail}`).join('; ');
      return `${bot}: ${[entry.reply.text, items].filter(Boolean).join(' — ')}`.replace(/\s*\n\s*/g, ' ');
    };
    return this.entries.slice(-TRANSCRIPT_TURNS).map(line).join('\n');
  }

  /** The last question the person typed (not a choice they took), '' when none. */
  private lastQuestion(): string {
    const typed = this.entries.filter((e): e is Extract<ChatEntry, { from: 'me' }> => e.from === 'me' && e.typed);
    return typed.at(-1)?.text ?? '';
  }

  private add(entry: ChatEntry): void {
    this.entries = [...this.entries, entry];
  }

  /** POST /chat/messages; a conversation the server no longer knows (404, e.g. expired) is left and the question asked anew. */
  private async post(question: ChatQuestion, signal: AbortSignal): Promise<ChatReply> {
    const { api, authenticated, session, locale } = this.host;
    const body: ChatRequest = {
      text: question.text,
      lang: locale,
      ...(question.choice ? { choice: question.choice } : {}),
      ...(this.conversationId ? { conversationId: this.conversationId } : {}),
      ...(!authenticated && session?.org ? { org: session.org } : {}),
    };
    try {
      return await dataOf(api!.POST('/chat/messages', { body, signal }));
    } catch (error) {
      if (!body.conversationId || toProblem(error)?.status !== 404) throw error;
      this.conversationId = null;
      return this.post(question, signal);
    }
  }

  /** The bot's answer to an error: what went wrong, and the form (signed in) or the sign-in (signed out) instead. */
  private failure(error: unknown, question: string): ChatReply {
    const reason = problemMessage(error, this.host.locale);
    if (!this.host.authenticated) {
      const text = msg(str`I cannot answer right now. ${reason}`, { id: 'cb.error.signedOut' });
      return localReply('error', text, [{ type: 'signin', label: msg('Sign in', { id: 'cb.signin' }) }]);
    }
    const text = msg(str`I cannot answer right now. ${reason}\nYou can send your question to the manager directly.`, { id: 'cb.error' });
    const draft = { form: generalForm, subject: question.slice(0, 200), unitId: null, urgency: null };
    return localReply('error', text, [{ type: 'handover', label: msg('Send the question to the manager', { id: 'cb.error.handover' }), draft }]);
  }
}
