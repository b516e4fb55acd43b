import type { ChatItem, DocumentItem } from '@hausportal/api';
import type { Auth } from '../../auth/middleware.ts';
import type { Ctx } from '../../context.ts';
import { documentPage, unreadCount } from '../../documents/queries.ts';
import type { ReplyParts } from '../types.ts';
import { dataReply, date, navigate, say, type Speaker } from './format.ts';

// data.new_documents from what GET /documents gives the person: his documents today (the release rules of
// documents/queries.ts, through his contracts' periods), newest document date first, and how many are unread.

const row = (s: Speaker, d: DocumentItem): ChatItem => ({
  label: d.title,
  detail: [date(s, d.documentDate), d.place.top ? `Top ${d.place.top}` : d.place.propertyName].filter(Boolean).join(' · '),
});

/**
 * data.new_documents: the number of unread documents and the latest three of them; with none unread, the latest
 * three documents. `personId` is the session's person.
 */
export async function newDocumentsAnswer(ctx: Ctx, auth: Auth, s: Speaker, personId: string): Promise<ReplyParts> {
  const count = await unreadCount(ctx, auth.org.id, personId, s.today);
  const page = await documentPage(ctx, auth, personId, s.today, { unread: count > 0 }, 3, null);
  const lines =
    count > 0
      ? [say(s, { de: `Sie haben ${count} ${count === 1 ? 'neues Dokument' : 'neue Dokumente'}.`, en: `You have ${count} new ${count === 1 ? 'document' : 'documents'}.` })]
      : [say(s, { de: 'Sie haben keine neuen Dokumente.', en: 'You have no new documents.' })];
  if (page.items.length > 0) lines.push(count > 0 ? say(s, { de: 'Die neuesten:', en: 'The latest:' }) : say(s, { de: 'Ihre neuesten Dokumente:', en: 'Your latest documents:' }));
  return dataReply(s, lines, { items: page.items.map((d) => row(s, d)), actions: [navigate(say(s, { de: 'Dokumente öffnen', en: 'Open documents' }), 'documents')] });
}
