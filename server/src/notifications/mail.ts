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

const sender = 'Hausportal <no-reply@hausportal.dev>';

export function createMailer(options: { db: Db; clock: Clock; smtpUrl: string | null; production: boolean; log?: (msg: string) => void }): Mailer {
  const transport: Transporter | null = options.production && options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
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
      await transport!.sendMail({ from: sender, to: mail.to, subject: mail.subject, text: mail.text });
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
        const row = await options.db('outbox').where({ id }).first('to', 'subject', 'text');
        if (row) await transmit(id, row as Mail);
      }
    },
  };
}
