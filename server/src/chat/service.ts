import type { Request } from 'express';
import { featureOn, type ChatChoice, type ChatReply, type ChatRequest } from '@hausportal/api';
import type { Auth } from '../auth/middleware.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import type { Organization } from '../organizations.ts';
import { activeOn, allMyContracts } from '../access/contracts.ts';
import { today } from '../calendar.ts';
import { HttpProblem } from '../http/problems.ts';
import { answerData } from './data/index.ts';
import { openTicketNamed } from './data/tickets.ts';
import { faqAllowed, faqRecordsOf, faqVersion, type FaqRecord } from './faq.ts';
import { ChatMatcher, extractEntities, labelOf, normalize } from './nlu/index.ts';
import { keepTurn, lastMessages, ownConversation } from './store.ts';
import { choiceLabels, clarifyReply, emergencyReply, handoverReply, navReply, signInReply, smalltalkReply } from './texts.ts';
import { recordUnanswered } from './unanswered.ts';
import { isDataIntent, type ChatEntities, type ChatLang, type Decision, type ReplyParts } from './types.ts';

// One turn of the chat bot (POST /chat/messages): who asks and what they may see, then the pipeline of chat/nlu/
// (normalize → safety rules → entities → retrieval → decision) and the answer: own data through the REST endpoints'
// queries and access rule (chat/data/), the organization's FAQ, a fixed text (chat/texts.ts), "Meinten Sie …?" or
// the hand-over offer. Signed-in turns are kept in the person's conversation (chat/store.ts); unanswered questions
// are kept without the person (chat/unanswered.ts).

/** Who is asking: the organization, the session (null when signed out) and the answer's language. */
export interface Asker {
  org: Organization;
  auth: Auth | null;
  lang: ChatLang;
}

/** What a person may be answered: FAQ entries by role, property and window (faq.ts), own data when signed in. */
interface Scope {
  signedIn: boolean;
  roles: Set<'tenant' | 'owner'>;
  propertyIds: Set<string>;
  /** The one unit of a person with exactly one current contract (prefilled in a hand-over draft). */
  onlyUnit: string | null;
  day: string;
}

async function scopeOf(ctx: Ctx, asker: Asker): Promise<Scope> {
  const day = today(ctx.clock, asker.org.timeZone);
  const auth = asker.auth;
  // A manager tries the bot as a visitor would: every active FAQ entry, no own data.
  if (!auth || auth.member.person_id === null) return { signedIn: auth !== null, roles: new Set(), propertyIds: new Set(), onlyUnit: null, day };
  const current = (await allMyContracts(ctx, auth, day)).filter((c) => activeOn(c, day));
  const units = new Set(current.map((c) => c.unit_id));
  return {
    signedIn: true,
    roles: new Set(current.map((c) => c.role)),
    propertyIds: new Set(current.map((c) => c.property_id)),
    onlyUnit: units.size === 1 ? [...units][0]! : null,
    day,
  };
}

/** One matcher per organization and FAQ version, per database (tests run several servers in one process). */
const matchers = new WeakMap<Db, Map<string, { version: string; matcher: ChatMatcher; records: FaqRecord[] }>>();

async function matcherOf(db: Db, orgId: string): Promise<{ matcher: ChatMatcher; records: FaqRecord[] }> {
  const version = await faqVersion(db, orgId);
  let perOrg = matchers.get(db);
  if (!perOrg) matchers.set(db, (perOrg = new Map()));
  const cached = perOrg.get(orgId);
  if (cached && cached.version === version) return cached;
  const records = (await faqRecordsOf(db, orgId)).filter((r) => r.active);
  const built = { version, matcher: new ChatMatcher(records), records };
  perOrg.set(orgId, built);
  return built;
}

/** 403 when the organization has switched the bot off (features.chatBot) or off for the session's role (chatBot.<role>). */
export function checkFeature(org: Organization, auth: Auth | null): void {
  const off = !featureOn(org.features, 'chatBot', auth?.member.role);
  if (off) throw new HttpProblem(403, 'feature_disabled', 'The chat bot is not switched on for you in this organization.');
}

/** The FAQ entry `key` allowed for the asker, in the asked language or else the other one. */
function faqEntry(records: FaqRecord[], scope: Scope, key: string, lang: ChatLang): FaqRecord | undefined {
  const allowed = records.filter((r) => r.key === key && faqAllowed(r, scope, scope.day));
  return allowed.find((r) => r.lang === lang) ?? allowed[0];
}

const badChoice = () => new HttpProblem(400, 'invalid_choice', 'This choice is not one the bot offers.', { errors: [{ field: '/choice/intent', code: 'unknown', message: 'unknown intent' }] });
const blankText = () => new HttpProblem(400, 'validation_failed', 'Write a question.', { errors: [{ field: '/text', code: 'blank', message: 'must not be blank' }] });

/** A fixed answer a choice may name: nav.* and smalltalk.* with a label (texts.ts), or the hand-over; never emergency. */
const fixedChoice = (intent: string): boolean => Object.hasOwn(choiceLabels, intent) && /^(?:nav\.|smalltalk\.|handover$)/.test(intent);

/** A choice sent back: it must name an intent the bot can answer (and, for FAQ, one the asker may see). */
function choiceDecision(choice: NonNullable<ChatRequest['choice']>, records: FaqRecord[], scope: Scope, lang: ChatLang): Decision {
  const intent = choice.intent;
  const known = isDataIntent(intent) || fixedChoice(intent) || (intent.startsWith('faq.') && faqEntry(records, scope, intent.slice(4), lang) !== undefined);
  if (!known) throw badChoice();
  return { kind: 'answer', intent, score: 1 };
}

/**
 * The question a hand-over is about: the person's last message the bot could not answer (its reply was a hand-over
 * offer or a "Meinten Sie …?"), else the person's last message before this one, else this one. `clarified` tells a
 * question that got a "Meinten Sie …?" (not yet among the unanswered ones) from one that got the offer (already there).
 */
async function questionBefore(db: Db, conversationId: string | null, text: string): Promise<{ question: string; clarified: boolean }> {
  if (conversationId === null) return { question: text, clarified: false };
  const messages = await lastMessages(db, conversationId, 10);
  const unanswered = messages.findLastIndex((m, i) => m.role === 'bot' && (m.intent === 'handover' || m.intent === 'clarify') && messages[i - 1]?.role === 'user');
  if (unanswered > 0) return { question: messages[unanswered - 1]!.text, clarified: messages[unanswered]!.intent === 'clarify' };
  return { question: messages.filter((m) => m.role === 'user').at(-1)?.text ?? text, clarified: false };
}

interface Turn {
  ctx: Ctx;
  req: Request;
  asker: Asker;
  scope: Scope;
  records: FaqRecord[];
  text: string;
  entities: ChatEntities;
  unitId?: string;
  conversationId: string | null;
}

async function answerIntent(t: Turn, intent: string): Promise<ReplyParts> {
  const { lang, auth } = t.asker;
  if (isDataIntent(intent)) {
    if (!t.scope.signedIn || !auth) return signInReply(lang);
    return answerData(t.ctx, t.req, auth, { intent, entities: t.entities, lang, text: t.text, ...(t.unitId ? { unitId: t.unitId } : {}) });
  }
  if (intent.startsWith('faq.')) {
    const entry = faqEntry(t.records, t.scope, intent.slice(4), lang);
    if (entry) return { text: entry.answerText, html: entry.answerHtml };
  }
  if (intent.startsWith('nav.')) return navReply(intent, lang);
  if (intent.startsWith('smalltalk.')) return smalltalkReply(intent, lang, t.scope.signedIn);
  const { question, clarified } = await questionBefore(t.ctx.read, t.conversationId, t.text);
  // "Meinten Sie …?" and none of it: the question joins the unanswered ones for the manager.
  if (clarified && !t.asker.auth?.preview) await recordUnanswered(t.ctx.db, { orgId: t.asker.org.id, lang, text: question, candidates: [], at: t.ctx.clock() });
  const parts = handoverReply(lang, question, t.scope.signedIn, true);
  return withUnit(parts, t.scope.onlyUnit);
}

/** Prefills the unit of a person with one current unit in a hand-over draft. */
function withUnit(parts: ReplyParts, unitId: string | null): ReplyParts {
  if (unitId === null) return parts;
  return { ...parts, actions: parts.actions?.map((a) => (a.type === 'handover' && a.draft && a.draft.form !== 'schadensmeldung' ? { ...a, draft: { ...a.draft, unitId } } : a)) };
}

async function answerDecision(t: Turn, decision: Decision): Promise<ReplyParts & { intent: string; score: number }> {
  const { org, lang } = t.asker;
  switch (decision.kind) {
    case 'emergency':
      return { ...emergencyReply(org, lang, decision.rule, t.scope.signedIn), intent: 'emergency', score: 1 };
    case 'answer': {
      const parts = await answerIntent(t, decision.intent);
      return { ...parts, intent: parts.intent ?? decision.intent, score: decision.score };
    }
    case 'clarify': {
      const choices: ChatChoice[] = decision.candidates.slice(0, 3).map((c) => ({ label: labelOf(c.intent, lang, t.records), value: { intent: c.intent } }));
      return { ...withUnit(clarifyReply(lang, choices, t.text, t.scope.signedIn), t.scope.onlyUnit), intent: 'clarify', score: decision.candidates[0]?.score ?? 0 };
    }
    case 'none':
      if (!t.asker.auth?.preview) await recordUnanswered(t.ctx.db, { orgId: org.id, lang, text: t.text, candidates: decision.candidates.map((c) => c.intent), at: t.ctx.clock() });
      return { ...withUnit(handoverReply(lang, t.text, t.scope.signedIn, false), t.scope.onlyUnit), intent: 'handover', score: decision.candidates[0]?.score ?? 0 };
  }
}

/** Words that ask how far something has got ("Wann wird … repariert?", "Is it fixed yet?"), normalized (nlu/normalize.ts). */
const progressCue = /\b(wann|status|stand|repar\w*|erledigt|behoben|fertig|gemacht|passiert|lange|schon|endlich|when|fixed|repair\w*|done|progress|update|long|yet)\b/;

/**
 * A question that an FAQ entry, a "Meinten Sie …?" or nothing would answer, but that asks how far something has got
 * ({@link progressCue}) and names one of my open tickets by a word of its subject, is answered with that ticket's
 * status (data.ticket_status): "Wann wird der Lift repariert?" is about my lift ticket, while "Darf ich den Lift zum
 * Umzug benutzen?" stays the FAQ's. Emergencies and own-data intents stay as decided.
 */
async function aboutMyTicket(ctx: Ctx, auth: Auth | null, text: string, decision: Decision): Promise<Decision> {
  const general = decision.kind === 'clarify' || decision.kind === 'none' || (decision.kind === 'answer' && decision.intent.startsWith('faq.'));
  if (!general || !auth || auth.member.person_id === null || !progressCue.test(normalize(text))) return decision;
  const ticket = await openTicketNamed(ctx, auth, auth.member.person_id, text);
  return ticket ? { kind: 'answer', intent: 'data.ticket_status', score: decision.kind === 'answer' ? decision.score : 0.5 } : decision;
}

/**
 * Answers one message (ChatRequest) for `asker`: 403 `feature_disabled`, 404 for a conversation that is not mine,
 * 400 `invalid_choice` naming `choice.intent`, 400 naming `/text` when it is blanks only. Keeps the turn when signed in; now and then drops conversations past
 * the retention period and unanswered questions older than 90 days.
 */
export async function chatReply(ctx: Ctx, req: Request, asker: Asker, body: ChatRequest): Promise<ChatReply> {
  checkFeature(asker.org, asker.auth);
  // At most 2000 characters as the contract counts them (code points), so that an emoji is never cut in half.
  const text = Array.from(body.text.trim()).slice(0, 2000).join('');
  if (text === '') throw blankText();
  if (body.conversationId !== undefined && !asker.auth) throw new HttpProblem(404, 'not_found', 'There is no such resource.');
  const conversationId = body.conversationId !== undefined && asker.auth ? (await ownConversation(ctx.read, asker.auth, body.conversationId)).id : null;
  const [scope, { matcher, records }] = await Promise.all([scopeOf(ctx, asker), matcherOf(ctx.read, asker.org.id)]);
  const entities = extractEntities(text, scope.day);
  if (body.choice?.ticketNumber) entities.ticketNumber = body.choice.ticketNumber;
  const allow = (intent: string) => !intent.startsWith('faq.') || faqEntry(records, scope, intent.slice(4), asker.lang) !== undefined;
  const decision = body.choice ? choiceDecision(body.choice, records, scope, asker.lang) : await aboutMyTicket(ctx, asker.auth, text, matcher.decide(text, asker.lang, allow));
  const turn: Turn = { ctx, req, asker, scope, records, text, entities, conversationId, ...(body.choice?.unitId ? { unitId: body.choice.unitId } : {}) };
  const parts = await answerDecision(turn, decision);
  const now = ctx.clock();
  // A preview (auth.preview) is answered as the person, but neither the turn nor an unanswered question is kept.
  const kept = asker.auth && !asker.auth.preview ? await keepTurn(ctx.db, asker.auth, conversationId, { question: text, answer: parts.text, intent: parts.intent, score: parts.score }, now) : null;
  return {
    conversationId: kept,
    intent: parts.intent,
    score: Math.max(0, Math.min(1, Math.round(parts.score * 1000) / 1000)),
    text: parts.text,
    html: parts.html ?? null,
    asOf: parts.asOf ?? null,
    items: parts.items ?? [],
    choices: parts.choices ?? [],
    actions: parts.actions ?? [],
  };
}
