import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { msg, str } from '@lit/localize';
import type { ChatAction } from '@hausportal/api';
import { formatDate, type Locale } from '@hausportal/core';
import type { ChatEntry } from './conversation.js';

/** How a message is shown: the language, and whether it is the newest answer (only that one offers its choices). */
export interface ReplyView {
  locale: Locale;
  latest: boolean;
  /** A ticket was sent (or joined) from the chat after this message: its hand-over is done. */
  handedOver: boolean;
}

/** A phone number as a `tel:` link target: digits and a leading +. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^+0-9]/g, '')}`;

/**
 * One message of the log. The person's as text. The bot's: its text (line breaks kept), or an FAQ answer's HTML (the
 * server sanitized it: p, br, strong, em, lists, links); a list answer's items; "Stand <Datum>" for own data; phone
 * numbers as links to call after the text (for an emergency in large type, the list not repeated); the choices of the newest
 * answer as buttons (`data-choice`); the other actions as buttons (`data-action`), a hand-over neither while a choice
 * offers it nor once a ticket was sent after it; "Erneut versuchen" after an error.
 * Buttons carry `data-entry` with the message's id.
 */
export function renderEntry(entry: ChatEntry, view: ReplyView): TemplateResult {
  if (entry.from === 'me') {
    return html`<div class="msg me" part="message" data-from="me"><span class="visually-hidden">${msg('You:', { id: 'cb.you' })}</span> <p class="text">${entry.text}</p></div>`;
  }
  const reply = entry.reply;
  const calls = reply.actions.filter((a) => a.type === 'call' && a.phone);
  const called = new Set(calls.map((a) => a.phone));
  const items = reply.items.filter((i) => !called.has(i.detail));
  const emergency = reply.intent === 'emergency';
  const choices = view.latest ? reply.choices : [];
  // While the choices show one that sends the question to the manager, the same hand-over as a button would repeat it;
  // once a ticket has been sent from the chat, the hand-overs before it are gone, so nothing is sent twice by mistake.
  const handover = !view.handedOver && !choices.some((c) => c.value.intent === 'handover');
  const actions = handover ? reply.actions : reply.actions.filter((a) => a.type !== 'handover');
  return html`<div class="msg bot ${emergency ? 'emergency' : ''}" part="message" data-from="bot" data-intent=${reply.intent}>
    <span class="visually-hidden">${msg('Answer:', { id: 'cb.answer' })}</span>
    ${reply.html ? html`<div class="html">${unsafeHTML(reply.html)}</div>` : html`<p class="text">${reply.text}</p>`}
    ${calls.length ? html`<ul class="calls" part="calls">${calls.map((a) => html`<li><a class="call" href=${telHref(a.phone!)}>${a.label}</a></li>`)}</ul>` : nothing}
    ${items.length ? html`<ul class="items" part="items">${items.map((i) => html`<li><span class="label">${i.label}</span> <span class="detail">${i.detail}</span></li>`)}</ul>` : nothing}
    ${reply.asOf ? html`<p class="as-of">${msg(str`As of ${formatDate(reply.asOf, view.locale)}`, { id: 'cb.asOf' })}</p>` : nothing}
    ${choices.length
      ? html`<div class="choices" part="choices" role="group" aria-label=${msg('Suggestions', { id: 'cb.choices' })}>
          ${choices.map((c, i) => html`<button type="button" class="secondary choice" data-entry=${entry.id} data-choice=${i}>${c.label}</button>`)}
        </div>`
      : nothing}
    ${renderActions(entry.id, actions, reply.actions, entry.retry !== undefined)}
  </div>`;
}

/** The actions `shown` other than calls as buttons (`data-action`: the index in `all`); a hand-over is the main one. */
function renderActions(id: number, shown: ChatAction[], all: ChatAction[], retry: boolean): TemplateResult | typeof nothing {
  const buttons = shown.map((a) => (a.type === 'call' ? nothing : html`<button type="button" class=${a.type === 'handover' ? 'action' : 'secondary action'} data-entry=${id} data-action=${all.indexOf(a)}>${a.label}</button>`));
  if (!retry && buttons.every((b) => b === nothing)) return nothing;
  return html`<div class="actions" part="actions">
    ${buttons}
    ${retry ? html`<button type="button" class="secondary" data-entry=${id} data-retry>${msg('Try again', { id: 'cb.retry' })}</button>` : nothing}
  </div>`;
}
