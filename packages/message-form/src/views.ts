import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatDate, problemMessage, toProblem, type Locale } from '@hausportal/core';
import type { EmergencyNumber, TicketDetail, TicketStatus, TicketSummary } from '@hausportal/api';

/** The organization's emergency numbers, as links to call, shown at once when an emergency option is chosen. */
export function renderEmergency(numbers: EmergencyNumber[], locale: Locale): TemplateResult {
  return html`<div part="emergency" class="emergency" role="alert">
    <strong>${msg('Emergency? Call now:', { id: 'mf.emergency' })}</strong>
    <ul>
      ${numbers.map((n) => html`<li><a href="tel:${n.phone.replace(/[^+0-9]/g, '')}">${n.label[locale]}: <span class="phone">${n.phone}</span></a></li>`)}
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
        <button type="button" class="secondary" data-join=${t.id} ?disabled=${joining}>${msg('I am affected too', { id: 'mf.dup.join' })}</button>
      </li>`)}
    </ul>
    <p class="hint">${msg('Instead of a new report you follow the existing one and hear about every change.', { id: 'mf.dup.hint' })}</p>
    ${error ? html`<p class="error-text" role="alert">${problemMessage(error, locale)}</p>` : nothing}
  </section>`;
}

/** The confirmation after sending (number, expected first answer) or after joining a ticket. */
export function renderDone(ticket: TicketDetail, joined: boolean, locale: Locale): TemplateResult {
  return html`<div part="confirmation" class="done">
    <h3 id="done" class="subtitle" tabindex="-1">
      ${joined ? msg(str`You are now following ${ticket.number} ${ticket.subject}.`, { id: 'mf.joined' }) : msg('Thank you, your message has arrived.', { id: 'mf.sent' })}
    </h3>
    ${joined
      ? html`<p>${msg('We will let you know about every change.', { id: 'mf.joined.hint' })}</p>`
      : html`<p>${msg('Your reference number:', { id: 'mf.ticketNumber' })} <strong class="ticket-number">${ticket.number}</strong></p>
          ${ticket.firstAnswerBy ? html`<p>${msg(str`We will get back to you by ${formatDate(ticket.firstAnswerBy, locale)}.`, { id: 'mf.answerBy' })}</p>` : nothing}`}
    <button type="button" class="secondary" data-again>${msg('Send another message', { id: 'mf.again' })}</button>
  </div>`;
}

/** Why sending failed, in words: the two limits on tickets said plainly, everything else as every widget says it. */
export function sendFailure(error: unknown, locale: Locale): string {
  const code = toProblem(error)?.code;
  if (code === 'ticket_limit') return msg('You have sent the most messages possible for today. Please try again tomorrow.', { id: 'mf.limit' });
  if (code === 'ticket_duplicate_text') return msg('You have already sent this text today; we are handling it.', { id: 'mf.sameText' });
  return problemMessage(error, locale);
}
