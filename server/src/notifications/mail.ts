import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db.ts';
import type { Clock } from '../clock.ts';
import { newId } from '../ids.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  organizationId?: string | null;
}

export interface Mailer {
  /** Stores the mail in the outbox and, with an SMTP transport, sends it. Never throws for delivery problems. */
  send(mail: Mail, db?: Db): Promise<void>;
  /**
   * Stores the mail in the outbox through `db` without sending it, and returns the row's id. Pass a transaction:
   * the mail then exists exactly when the transaction commits. {@link Mailer.deliver} sends it afterwards.
   */
  queue(mail: Mail, db: Db): Promise<string>;
  /**
   * Sends queued outbox rows through the SMTP transport (production with SMTP_URL; otherwise they stay in the
   * outbox, where development and tests read them). Each row is claimed first (`sent_at` set where it was null), so
   * two processes never send the same row; a failed send keeps its error. Never throws for delivery problems.
   */
  deliver(ids: string[]): Promise<void>;
}

/** The address the mails come from, unless the server is given another (`fromAddress`). */
export const defaultFromAddress = 'no-reply@hausportal.dev';

/** Who a mail is from and whom a reply goes to, as nodemailer takes them. */
export interface MailSender {
  from: { name: string; address: string };
  replyTo?: string;
}

/**
 * The sender of a mail of organization `organizationId`: the display name is the organization's `sender_name`, else
 * its name; the address is always the server's `fromAddress` (only the server may send from it, SPF/DKIM); the
 * organization's `reply_to`, if set, becomes `Reply-To`. A mail of no organization comes from "Hausportal". The
 * values were checked for header safety when they were saved (org-settings/rules.ts); nodemailer encodes non-ASCII
 * names (RFC 2047).
 */
export async function senderOf(db: Db, organizationId: string | null | undefined, fromAddress = defaultFromAddress): Promise<MailSender> {
  const org = organizationId ? await db('organizations').where({ id: organizationId }).first('name', 'sender_name', 'reply_to') : undefined;
  if (!org) return { from: { name: 'Hausportal', address: fromAddress } };
  return { from: { name: org.sender_name ?? org.name, address: fromAddress }, ...(org.reply_to ? { replyTo: org.reply_to as string } : {}) };
}

/** What {@link createMailer} needs: the database (outbox), the clock, and how mails leave the server. */
export interface MailerOptions {
  db: Db;
  clock: Clock;
  smtpUrl: string | null;
  production: boolean;
  log?: (msg: string) => void;
  /** The address every mail comes from (default {@link defaultFromAddress}); the display name is the organization's. */
  fromAddress?: string;
  /** A transport to send through instead of SMTP_URL (e.g. nodemailer's stream transport, to see the mails as sent). */
  transport?: Pick<Transporter, 'sendMail'>;
}

/**
 * The server's mailer: every mail goes to the outbox first; it is sent through `options.transport`, or through SMTP
 * (SMTP_URL) in production, from {@link senderOf} the mail's organization (display name and Reply-To).
 */
export function createMailer(options: MailerOptions): Mailer {
  const transport: Pick<Transporter, 'sendMail'> | null = options.transport ?? (options.production && options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null);
  const log = options.log ?? ((msg: string) => console.warn(msg));
  const queue = async (mail: Mail, db: Db): Promise<string> => {
    const id = newId();
    await db('outbox').insert({
      id,
      organization_id: mail.organizationId ?? null,
      to: mail.to.toLowerCase(),
      subject: mail.subject,
      text: mail.text,
      created_at: options.clock().toISOString(),
    });
    return id;
  };
  /** Sends one row through the transport: `sent_at` once it went, `error` (and no `sent_at`) when it did not. */
  const transmit = async (id: string, mail: Mail): Promise<void> => {
    try {
      const sender = await senderOf(options.db, mail.organizationId, options.fromAddress);
      await transport!.sendMail({ ...sender, to: mail.to, subject: mail.subject, text: mail.text });
      await options.db('outbox').where({ id }).update({ sent_at: options.clock().toISOString() });
    } catch (err) {
      log(`mail to ${mail.to} failed: ${(err as Error).message}`);
      await options.db('outbox').where({ id }).update({ sent_at: null, error: String((err as Error).message).slice(0, 1000) });
    }
  };
  return {
    queue,
    async send(mail, db = options.db) {
      const id = await queue(mail, db);
      if (transport) await transmit(id, mail);
    },
    async deliver(ids) {
      if (!transport) return;
      for (const id of ids) {
        const claimed = await options.db('outbox').where({ id }).whereNull('sent_at').whereNull('error').update({ sent_at: options.clock().toISOString() });
        if (claimed !== 1) continue;
        const row = await options.db('outbox').where({ id }).first('to', 'subject', 'text', 'organization_id');
        if (row) await transmit(id, { to: row.to, subject: row.subject, text: row.text, organizationId: row.organization_id });
      }
    },
  };
}
