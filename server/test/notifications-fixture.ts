import type { NotifyMode } from '@hausportal/api';
import type { Db } from '../src/db.ts';
import type { Clock } from '../src/clock.ts';
import { newId } from '../src/ids.ts';
import { createMailer } from '../src/notifications/mail.ts';
import type { JobDeps } from '../src/notifications/jobs.ts';
import { queueDocumentNotices, type DocumentNoticeRequest } from '../src/notifications/notify.ts';
import type { DocumentWorld } from './documents-fixture.ts';

// Persons with logins and their notification choice, and document releases that queue notices the way the manager
// API does (the release row and its notices in one transaction), for the notification and job tests.

export interface MemberOptions {
  mode?: NotifyMode;
  locale?: 'de' | 'en';
  status?: 'active' | 'invited' | 'locked';
}

/** A person of the world with a login (no password: nobody signs in with it) and the given choice. Returns the email. */
export async function member(w: DocumentWorld, name: string, options: MemberOptions = {}): Promise<string> {
  const personId = await w.person(name);
  const email = `${name.toLowerCase()}.${w.slug}@example.test`;
  const now = new Date().toISOString();
  const userId = newId();
  await w.db('users').insert({
    id: userId, email, username: email, password_hash: null, status: options.status ?? 'active', must_change_password: false,
    locale: options.locale ?? 'de', notify_email: options.mode !== 'none', notify_mode: options.mode ?? 'immediate', created_at: now, updated_at: now,
  });
  await w.db('memberships').insert({ id: newId(), user_id: userId, organization_id: w.orgId, role: 'tenant', person_id: personId, terms_version: null, terms_accepted_at: null, created_at: now });
  return email;
}

/**
 * Releases the document `doc` to the named persons (rule persons) and queues its notices, in one transaction; returns
 * how many persons will be mailed.
 */
export async function releaseTo(w: DocumentWorld, clock: Clock, key: string, doc: string, persons: string[], notify: DocumentNoticeRequest['notify']): Promise<number> {
  await w.release(key, doc, { rule: 'persons', persons });
  return w.db.transaction((trx) =>
    queueDocumentNotices(trx, { clock }, { organizationId: w.orgId, documentId: w.id(`document:${doc}`), personIds: persons.map((p) => w.id(`person:${p}`)), notify }),
  );
}

/** What the job runner needs, with the outbox mailer of development and tests. */
export const jobDeps = (db: Db, clock: Clock): JobDeps => ({ db, clock, mailer: createMailer({ db, clock, smtpUrl: null, production: false }), log: () => {} });

/** The outbox rows to `email`, oldest first. */
export const mailsTo = (db: Db, email: string): Promise<{ subject: string; text: string }[]> =>
  db('outbox').where({ to: email }).orderBy('created_at').orderBy('id').select('subject', 'text');
