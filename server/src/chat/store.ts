import type { ChatConversation } from '@hausportal/api';
import type { Auth } from '../auth/middleware.ts';
import type { Db } from '../db.ts';
import { newId } from '../ids.ts';
import { notFound } from '../http/params.ts';
import { purgeChatData } from './unanswered.ts';

// The conversations of signed-in persons (chat_conversations, chat_messages): one per chat session of the widget,
// kept `retentionDays` after its last message (HP_CHAT_RETENTION_DAYS, default 30) and readable by its person only
// (GET /chat/conversations, DSGVO Art. 15). Nothing is kept for visitors who are not signed in.

/** One turn to keep: the person's message and the bot's answer (plain text, intent, score 0–1). */
export interface Turn {
  question: string;
  answer: string;
  intent: string;
  score: number;
}

/** The conversation `id` of this user in this organization, or 404 like an unknown id. */
export async function ownConversation(db: Db, auth: Auth, id: string): Promise<{ id: string }> {
  const row = await db('chat_conversations').where({ id, user_id: auth.user.id, organization_id: auth.org.id }).first('id');
  if (!row) throw notFound();
  return row as { id: string };
}

/** The person's last messages of a conversation, oldest first (at most `limit`), e.g. the question before a hand-over. */
export async function lastMessages(db: Db, conversationId: string, limit: number): Promise<{ role: 'user' | 'bot'; text: string; intent: string | null }[]> {
  const rows = await db('chat_messages').where({ conversation_id: conversationId }).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).select('role', 'text', 'intent');
  return rows.reverse();
}

/**
 * Keeps a turn: creates the conversation when `conversationId` is null, adds the question and the answer, and moves
 * the conversation's last activity; one transaction. Returns the conversation id.
 */
export async function keepTurn(db: Db, auth: Auth, conversationId: string | null, turn: Turn, now: Date): Promise<string> {
  const at = now.toISOString();
  return db.transaction(async (trx) => {
    let id = conversationId;
    if (id === null) {
      id = newId(now.getTime());
      await trx('chat_conversations').insert({ id, organization_id: auth.org.id, user_id: auth.user.id, person_id: auth.member.person_id, channel: 'portal', started_at: at, last_message_at: at });
    } else {
      await trx('chat_conversations').where({ id }).update({ last_message_at: at });
    }
    await trx('chat_messages').insert([
      { id: newId(now.getTime()), conversation_id: id, role: 'user', text: turn.question, intent: null, score: null, created_at: at },
      { id: newId(now.getTime()), conversation_id: id, role: 'bot', text: turn.answer, intent: turn.intent, score: turn.score, created_at: at },
    ]);
    return id;
  });
}

/** The earliest last-message time a conversation may have at `now` to be kept (ISO 8601). */
const keptSince = (now: Date, retentionDays: number): string => new Date(now.getTime() - retentionDays * 86_400_000).toISOString();

/**
 * My conversations of the retention period (last message within `retentionDays` of `now`), newest first, each with
 * its messages in order; older ones are not listed even before the purge has removed them.
 */
export async function myConversations(db: Db, auth: Auth, now: Date, retentionDays: number): Promise<ChatConversation[]> {
  const conversations = (await db('chat_conversations')
    .where({ user_id: auth.user.id, organization_id: auth.org.id })
    .where('last_message_at', '>=', keptSince(now, retentionDays))
    .orderBy('last_message_at', 'desc')
    .limit(100)
    .select('id', 'started_at')) as { id: string; started_at: string }[];
  if (conversations.length === 0) return [];
  const messages = (await db('chat_messages')
    .whereIn('conversation_id', conversations.map((c) => c.id))
    .orderBy('created_at')
    .orderBy('id')
    .select('conversation_id', 'role', 'text', 'intent', 'created_at')) as { conversation_id: string; role: 'user' | 'bot'; text: string; intent: string | null; created_at: string }[];
  return conversations.map((c) => ({
    id: c.id,
    startedAt: c.started_at,
    messages: messages.filter((m) => m.conversation_id === c.id).map((m) => ({ role: m.role, text: m.text, intent: m.intent, createdAt: m.created_at })),
  }));
}

/** Removes the conversations whose last message is older than `retentionDays` (their messages go with them). */
export async function purgeConversations(db: Db, now: Date, retentionDays: number): Promise<number> {
  const before = keptSince(now, retentionDays);
  let removed = 0;
  await db.transaction(async (trx) => {
    const old = trx('chat_conversations').where('last_message_at', '<', before).select('id');
    await trx('chat_messages').whereIn('conversation_id', old).delete();
    removed = await trx('chat_conversations').where('last_message_at', '<', before).delete();
  });
  return removed;
}

/**
 * Everything of the chat past its time: conversations after `retentionDays` (HP_CHAT_RETENTION_DAYS) and unanswered
 * questions after 90 days. Run by every server's job poller once an hour (notifications/poller.ts).
 */
export async function purgeChat(db: Db, now: Date, retentionDays: number): Promise<void> {
  await purgeConversations(db, now, retentionDays);
  await purgeChatData(db, now);
}
