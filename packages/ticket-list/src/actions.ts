import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { TicketDetail } from '@hausportal/api';
import { formatDate, type Locale } from '@hausportal/core';
import type { TicketAction, TicketDetailStore } from './detail-store.js';

interface ActionsHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly locale: Locale;
}

const formOf = (event: Event) => {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  return { form, data: new FormData(form) };
};
const textOf = (data: FormData, name: string) => String(data.get(name) ?? '').trim();

/**
 * What I may do with the ticket shown, as its `actions` allow: write (text and files), withdraw (after a
 * confirmation dialog), confirm done, say "nicht erledigt" (with a comment, until `reopenUntil`), and rate a closed
 * ticket 1–5 stars with an optional comment. Texts left empty are marked as one submits, with the reason in words.
 */
export class ActionsController implements ReactiveController {
  /** The "nicht erledigt" form is open. */
  reopening = false;
  /** Names of the fields left empty on the last submit. */
  private missing = new Set<string>();

  constructor(
    private readonly host: ActionsHost,
    private readonly store: TicketDetailStore,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  render(t: TicketDetail): TemplateResult {
    const a = t.actions;
    const busy = this.store.busy;
    return html`${a.comment ? this.renderComposer(busy) : nothing}
      ${a.withdraw || a.confirm || a.reopen
        ? html`<div class="actions" part="actions">
            ${a.confirm ? html`<button type="button" id="confirm" ?disabled=${busy} @click=${() => this.run({ kind: 'confirm' })}>${msg('Confirm done', { id: 'tickets.confirm' })}</button>` : nothing}
            ${a.reopen ? html`<button type="button" class="secondary" id="reopen" aria-expanded=${this.reopening} @click=${this.toggleReopen}>${msg('Not done', { id: 'tickets.reopen' })}</button>` : nothing}
            ${a.withdraw ? html`<button type="button" class="secondary" id="withdraw" ?disabled=${busy} @click=${this.askWithdraw}>${msg('Withdraw', { id: 'tickets.withdraw' })}</button>` : nothing}
          </div>`
        : nothing}
      ${a.reopen && this.reopening ? this.renderReopen(t, busy) : nothing}
      ${a.rate || t.rating ? this.renderRating(t, busy) : nothing}
      ${a.withdraw ? this.renderDialog(t) : nothing}`;
  }

  private field(name: string, label: string, hint: string, required: boolean): TemplateResult {
    const missing = this.missing.has(name);
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <textarea id=${name} name=${name} rows="3" maxlength="5000" ?required=${required} aria-invalid=${missing} aria-describedby=${missing ? `${name}-error` : nothing}></textarea>
      ${missing ? html`<p class="error-text" id="${name}-error">${hint}</p>` : nothing}
    </div>`;
  }

  private renderComposer(busy: boolean): TemplateResult {
    return html`<form class="composer" part="form" @submit=${this.onComment} novalidate>
      ${this.field('body', msg('Your message', { id: 'tickets.message' }), msg('Please write a message.', { id: 'tickets.message.missing' }), true)}
      <div class="field">
        <label for="files">${msg('Attach files (photos, PDF)', { id: 'tickets.attach' })}</label>
        <input id="files" name="files" type="file" multiple accept="image/*,.heic,application/pdf" />
      </div>
      <button type="submit" part="submit" ?disabled=${busy}>${msg('Send', { id: 'tickets.send' })}</button>
    </form>`;
  }

  private renderReopen(t: TicketDetail, busy: boolean): TemplateResult {
    const until = t.reopenUntil && msg(str`Possible until ${formatDate(t.reopenUntil, this.host.locale)}.`, { id: 'tickets.reopenUntil' });
    return html`<form class="reopen" @submit=${this.onReopen} novalidate>
      <p class="hint">${until}</p>
      ${this.field('reopen-comment', msg('What is not done?', { id: 'tickets.reopen.comment' }), msg('Please say what is not done.', { id: 'tickets.reopen.missing' }), true)}
      <button type="submit" ?disabled=${busy}>${msg('Report as not done', { id: 'tickets.reopen.send' })}</button>
    </form>`;
  }

  private renderRating(t: TicketDetail, busy: boolean): TemplateResult | typeof nothing {
    const stars = t.rating?.stars ?? 0;
    const given = t.rating ? html`<p class="hint" id="rated">${msg(str`Your rating: ${stars} of 5 stars`, { id: 'tickets.rated' })}</p>` : nothing;
    if (!t.actions.rate) return given;
    return html`<form class="rating" @submit=${this.onRate} novalidate>
      <fieldset role="radiogroup" aria-invalid=${this.missing.has('stars')} aria-describedby=${this.missing.has('stars') ? 'stars-error' : nothing}>
        <legend>${msg('How satisfied are you with the handling?', { id: 'tickets.rate' })}</legend>
        <div class="stars">
          ${[1, 2, 3, 4, 5].map(
            (n) => html`<label class="star"
              ><input type="radio" name="stars" value=${n} ?checked=${n === stars} /><span aria-hidden="true">★</span
              ><span class="visually-hidden">${n === 1 ? msg('1 star', { id: 'tickets.star.one' }) : msg(str`${n} stars`, { id: 'tickets.star.many' })}</span></label
            >`,
          )}
        </div>
        ${this.missing.has('stars') ? html`<p class="error-text" id="stars-error">${msg('Please choose 1 to 5 stars.', { id: 'tickets.rate.missing' })}</p>` : nothing}
      </fieldset>
      ${given}
      <div class="field">
        <label for="rating-comment">${msg('Comment (optional)', { id: 'tickets.rate.comment' })}</label>
        <textarea id="rating-comment" name="rating-comment" rows="2" maxlength="1000" .value=${t.rating?.comment ?? ''}></textarea>
      </div>
      <button type="submit" ?disabled=${busy}>${msg('Send rating', { id: 'tickets.rate.send' })}</button>
    </form>`;
  }

  private renderDialog(t: TicketDetail): TemplateResult {
    const close = () => this.dialog()?.close();
    return html`<dialog id="withdraw-dialog" aria-labelledby="withdraw-title" aria-describedby="withdraw-text">
      <h4 id="withdraw-title">${msg(str`Withdraw request ${t.number}?`, { id: 'tickets.withdraw.title' })}</h4>
      <p id="withdraw-text">${msg('The property management will no longer handle it. This cannot be undone.', { id: 'tickets.withdraw.text' })}</p>
      <div class="actions">
        <button type="button" id="withdraw-yes" @click=${() => (close(), this.run({ kind: 'withdraw' }))}>
          ${msg('Withdraw', { id: 'tickets.withdraw' })}
        </button>
        <button type="button" class="secondary" id="withdraw-no" @click=${close}>${msg('Cancel', { id: 'tickets.cancel' })}</button>
      </div>
    </dialog>`;
  }

  private dialog = () => this.host.renderRoot.querySelector<HTMLDialogElement>('#withdraw-dialog');

  private readonly askWithdraw = () => this.dialog()?.showModal();

  private readonly toggleReopen = async () => {
    this.reopening = !this.reopening;
    this.missing.clear();
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (this.reopening) this.host.renderRoot.querySelector<HTMLElement>('#reopen-comment')?.focus();
  };

  /** Marks the empty required fields; false (and focus on the first) when there are any. */
  private async check(names: string[]): Promise<boolean> {
    this.missing = new Set(names);
    this.host.requestUpdate();
    if (!names.length) return true;
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(names[0] === 'stars' ? '[name=stars]' : `#${names[0]}`)?.focus();
    return false;
  }

  /**
   * Runs `action`; on success clears its form, and when the focused control went away focus goes to the title. `done`
   * is announced (default: the new status).
   */
  private async run(action: TicketAction, done?: string, form?: HTMLFormElement): Promise<void> {
    const ok = await this.store.act(action, done);
    if (ok) {
      form?.reset();
      this.reopening = false;
      this.host.requestUpdate();
    }
    await this.host.updateComplete;
    const root = this.host.renderRoot as ShadowRoot;
    if (!root.activeElement) root.querySelector<HTMLElement>('#detail-title')?.focus();
  }

  private readonly onComment = async (event: Event) => {
    const { form, data } = formOf(event);
    const body = textOf(data, 'body');
    if (!(await this.check(body ? [] : ['body']))) return;
    const files = data.getAll('files').filter((f): f is File => f instanceof File && !!f.name);
    await this.run({ kind: 'comments', body, files }, msg('Your message has been sent.', { id: 'tickets.sent' }), form);
  };

  private readonly onReopen = async (event: Event) => {
    const { form, data } = formOf(event);
    const comment = textOf(data, 'reopen-comment');
    if (!(await this.check(comment ? [] : ['reopen-comment']))) return;
    await this.run({ kind: 'reopen', comment }, undefined, form);
  };

  private readonly onRate = async (event: Event) => {
    const { data } = formOf(event);
    const stars = Number(data.get('stars') ?? 0);
    if (!(await this.check(stars ? [] : ['stars']))) return;
    const comment = textOf(data, 'rating-comment');
    await this.run({ kind: 'rating', stars, ...(comment ? { comment } : {}) }, msg('Thank you for your rating.', { id: 'tickets.rated.thanks' }));
  };
}
