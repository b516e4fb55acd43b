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
}

const sender = 'Hausportal <no-reply@hausportal.dev>';

export function createMailer(options: { db: Db; clock: Clock; smtpUrl: string | null; production: boolean; log?: (msg: string) => void }): Mailer {
  const transport: Transporter | null = options.production && options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  const log = options.log ?? ((msg: string) => console.warn(msg));
  return {
    async send(mail, db = options.db) {
      const id = newId();
      await db('outbox').insert({
        id,
        organization_id: mail.organizationId ?? null,
        to: mail.to.toLowerCase(),
        subject: mail.subject,
        text: mail.text,
        created_at: options.clock().toISOString(),
      });
      if (!transport) return;
      try {
        await transport.sendMail({ from: sender, to: mail.to, subject: mail.subject, text: mail.text });
        await options.db('outbox').where({ id }).update({ sent_at: options.clock().toISOString() });
      } catch (err) {
        log(`mail to ${mail.to} failed: ${(err as Error).message}`);
        await options.db('outbox').where({ id }).update({ error: String((err as Error).message).slice(0, 1000) });
      }
    },
  };
}
