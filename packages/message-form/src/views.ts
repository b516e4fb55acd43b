import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { formatDate, problemMessage, toProblem, type Locale } from '@hausportal/core';
import type { EmergencyNumber, TicketDetail, TicketStatus, TicketSummary } from '@hausportal/api';

/**
 * The organization's emergency numbers as links to call: shown at once when an emergency option is chosen (an alert),
 * and again in the confirmation of an emergency. Without any, the European emergency number 112.
 */
export function renderEmergency(numbers: EmergencyNumber[], locale: Locale, alert = true): TemplateResult {
  const link = (phone: string, text: unknown) => html`<li><a href="tel:${phone.replace(/[^+0-9]/g, '')}">${text}</a></li>`;
  return html`<div part="emergency" class="emergency" role=${ifDefined(alert ? 'alert' : undefined)}>
    <strong>${msg('Emergency? Call now:', { id: 'mf.emergency' })}</strong>
    <ul>
      ${numbers.length
        ? numbers.map((n) => link(n.phone, html`${n.label[locale]}: <span class="phone">${n.phone}</span>`))
        : link('112', msg('Emergency 112', { id: 'mf.emergency.eu' }))}
    </ul>
  </div>`;
}

/** A status as my role sees it, in words. */
export function statusText(status: TicketStatus): string {
  switch (status) {
    case 'new':
      return msg('new', { id: 'mf.status.new' });
    case 'in_progress':
      return msg('in progress', { id: 'mf.status.in_progress' });
    case 'waiting':
      return msg('waiting', { id: 'mf.status.waiting' });
    case 'done':
      return msg('done', { id: 'mf.status.done' });
    case 'closed':
      return msg('closed', { id: 'mf.status.closed' });
    case 'rejected':
      return msg('rejected', { id: 'mf.status.rejected' });
  }
}

/** "Bereits gemeldet: 2026-00017 Lift Stiege 2 steht (seit …, in Bearbeitung) — Ich bin auch betroffen". */
export function renderDuplicates(items: TicketSummary[], locale: Locale, joining: boolean, error: unknown): TemplateResult {
  return html`<section part="duplicates" class="duplicates" aria-labelledby="dup-title">
    <h3 id="dup-title" class="subtitle">${msg('Already reported', { id: 'mf.dup.title' })}</h3>
    <ul>
      ${items.map((t) => html`<li>
        <span><strong>${t.number} ${t.subject}</strong>
          (${msg(str`since ${formatDate(t.createdAt, locale)}, ${statusText(t.status)}`, { id: 'mf.dup.since' })})</span>
        ${t.affected
          ? html`<span class="hint">${msg('You already follow this report', { id: 'mf.dup.following' })}</span>`
          : html`<button type="button" class="secondary" data-join=${t.id} ?disabled=${joining}>${msg('I am affected too', { id: 'mf.dup.join' })}</button>`}
      </li>`)}
    </ul>
    <p class="hint">${msg('Instead of a new report you follow the existing one and hear about every change.', { id: 'mf.dup.hint' })}</p>
    ${error ? html`<p class="error-text" role="alert">${problemMessage(error, locale)}</p>` : nothing}
  </section>`;
}

/**
 * The confirmation after sending (number, the emergency numbers when the report was an emergency, expected first
 * answer) or after joining a ticket.
 */
export function renderDone(ticket: TicketDetail, joined: boolean, locale: Locale, emergency?: EmergencyNumber[]): TemplateResult {
  return html`<div part="confirmation" class="done">
    <h3 id="done" class="subtitle" tabindex="-1">
      ${joined ? msg(str`You are now following ${ticket.number} ${ticket.subject}.`, { id: 'mf.joined' }) : msg('Thank you, your message has arrived.', { id: 'mf.sent' })}
    </h3>
    ${joined
      ? html`<p>${msg('We will let you know about every change.', { id: 'mf.joined.hint' })}</p>`
      : html`<p>${msg('Your reference number:', { id: 'mf.ticketNumber' })} <strong class="ticket-number">${ticket.number}</strong></p>
          ${emergency ? renderEmergency(emergency, locale, false) : nothing}
          ${ticket.firstAnswerBy ? html`<p>${msg(str`We will get back to you by ${formatDate(ticket.firstAnswerBy, locale)}.`, { id: 'mf.answerBy' })}</p>` : nothing}`}
    <button type="button" class="secondary" data-again>${msg('Send another message', { id: 'mf.again' })}</button>
  </div>`;
}

/** Why sending failed, in words: the two limits on tickets said plainly, everything else as every widget says it. */
export function sendFailure(error: unknown, locale: Locale): string {
  const code = toProblem(error)?.code;
  if (code === 'idempotency_key_reused') return msg('Please send the form again.', { id: 'mf.sendAgain' });
  if (code === 'ticket_limit') return msg('You have sent the most messages possible for today. Please try again tomorrow.', { id: 'mf.limit' });
  if (code === 'ticket_duplicate_text') return msg('You have already sent this text today; we are handling it.', { id: 'mf.sameText' });
  return problemMessage(error, locale);
}

/**
 * Whether sending the same request again can help: after a network error, a timeout or a server error (5xx, 408),
 * not after the server refused the request (400, 409, 413, 422, 429 …).
 */
export function retryHelps(error: unknown): boolean {
  const status = toProblem(error)?.status;
  return status === undefined || status === 408 || status >= 500;
}
