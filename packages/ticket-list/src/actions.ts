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
 * The sentence about the last action as a live region: what was done (status) or what failed (alert). `here`: this
 * place shows it (the composer its comment, the rating its rating, the top of the detail the rest).
 */
export const renderNotice = ({ notice, failed }: TicketDetailStore, here: boolean): TemplateResult =>
  html`<p class="notice" role="status">${here && !failed ? notice : nothing}</p>${here && failed ? html`<p class="notice failed" role="alert">${notice}</p>` : nothing}`;

/**
 * What I may do with the ticket shown, as its `actions` allow: write (text, and files chosen and listed with a remove
 * button each), then apart under their own heading the steps: withdraw (after a confirmation dialog), confirm done,
 * say "nicht erledigt" (with a comment, until `reopenUntil`); and rate a closed ticket 1–5 stars with an optional
 * comment. Texts left empty are marked as one submits, with the reason in words.
 */
export class ActionsController implements ReactiveController {
  /** The "nicht erledigt" form is open. */
  reopening = false;
  /** Names of the fields left empty on the last submit. */
  private missing = new Set<string>();
  /** The files chosen for the next comment. */
  files: File[] = [];

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
    const step = (id: string, label: string, click: () => void, kind = '') =>
      html`<button type="button" class=${kind} id=${id} ?disabled=${busy} aria-expanded=${id === 'reopen' ? this.reopening : nothing} @click=${click}>${label}</button>`;
    return html`${a.comment ? this.renderComposer(busy) : nothing}${a.withdraw || a.confirm || a.reopen
        ? html`<section class="steps" part="actions" aria-labelledby="steps"><h4 id="steps">${msg('Further steps', { id: 'tl.steps' })}</h4>
            <p class="actions">${a.confirm ? step('confirm', msg('Confirm done', { id: 'tl.confirm' }), () => this.run({ kind: 'confirm' })) : nothing}
              ${a.reopen ? step('reopen', msg('Not done', { id: 'tl.reopen' }), this.toggleReopen, 'secondary') : nothing}
              ${a.withdraw ? step('withdraw', msg('Withdraw', { id: 'tl.withdraw' }), () => this.dialog()?.showModal(), 'secondary danger') : nothing}</p>
            ${a.reopen && this.reopening ? this.renderReopen(t, busy) : nothing}</section>`
        : nothing}${a.rate || t.rating ? this.renderRating(t, busy) : nothing}${a.withdraw ? this.renderDialog(t, step) : nothing}`;
  }

  private field(name: string, label: string, hint: string, required: boolean): TemplateResult {
    const missing = this.missing.has(name);
    return html`<div class="field"><label for=${name}>${label}</label>
      <textarea id=${name} name=${name} rows="3" maxlength="5000" ?required=${required} aria-invalid=${missing} aria-describedby=${missing ? `${name}-error` : nothing}></textarea>
      ${missing ? html`<p class="error-text" id="${name}-error">${hint}</p>` : nothing}</div>`;
  }

  private renderComposer(busy: boolean): TemplateResult {
    return html`<form class="composer" part="form" @submit=${this.onComment} novalidate>
      ${this.field('body', msg('Your message', { id: 'tl.message' }), msg('Please write a message.', { id: 'tl.message.missing' }), true)}
      <div class="field"><label class="button secondary file-button">${msg('Add photos or PDFs', { id: 'tl.attach' })}
        <input id="files" type="file" multiple accept="image/*,.heic,application/pdf" @change=${this.onFiles} /></label>
        <ul class="chosen">${this.files.map(
          (f, i) => html`<li>${f.name} <button type="button" class="link" @click=${() => this.remove(i)}>${msg('Remove', { id: 'tl.remove' })}<span class="visually-hidden">: ${f.name}</span></button></li>`,
        )}</ul></div>
      <button type="submit" part="submit" ?disabled=${busy}>${msg('Send', { id: 'tl.send' })}</button>${renderNotice(this.store, this.store.about === 'comments')}</form>`;
  }

  private renderReopen(t: TicketDetail, busy: boolean): TemplateResult {
    const until = t.reopenUntil && msg(str`Possible until ${formatDate(t.reopenUntil, this.host.locale)}.`, { id: 'tl.reopenUntil' });
    return html`<form class="reopen" @submit=${this.onReopen} novalidate><p class="hint">${until}</p>
      ${this.field('reopen-comment', msg('What is not done?', { id: 'tl.reopen.comment' }), msg('Please say what is not done.', { id: 'tl.reopen.missing' }), true)}
      <button type="submit" ?disabled=${busy}>${msg('Report as not done', { id: 'tl.reopen.send' })}</button></form>`;
  }

  private renderRating(t: TicketDetail, busy: boolean): TemplateResult | typeof nothing {
    const stars = t.rating?.stars ?? 0;
    const missing = this.missing.has('stars');
    const given = html`${t.rating ? html`<p class="hint" id="rated">${msg(str`Your rating: ${stars} of 5 stars`, { id: 'tl.rated' })}</p>` : nothing}${renderNotice(this.store, this.store.about === 'rating')}`;
    if (!t.actions.rate) return given;
    return html`<form class="rating" @submit=${this.onRate} novalidate><fieldset role="radiogroup" @change=${this.chosen} aria-invalid=${missing} aria-describedby=${missing ? 'stars-error' : nothing}><legend>${msg('How satisfied are you with the handling?', { id: 'tl.rate' })}</legend>
        <div class="stars">${[1, 2, 3, 4, 5].map(
          (n) => html`<label class="star"><input type="radio" name="stars" value=${n} ?checked=${n === stars} /><span aria-hidden="true">★</span><span class="visually-hidden"
              >${msg(str`${n} of 5 stars`, { id: 'tl.star' })}</span></label>`,
        )}</div>
        ${missing ? html`<p class="error-text" id="stars-error">${msg('Please choose 1 to 5 stars.', { id: 'tl.rate.missing' })}</p>` : nothing}</fieldset>
      ${given}
      <div class="field"><label for="rating-comment">${msg('Comment (optional)', { id: 'tl.rate.comment' })}</label>
        <textarea id="rating-comment" name="rating-comment" rows="2" maxlength="1000" .value=${t.rating?.comment ?? ''}></textarea></div>
      <button type="submit" ?disabled=${busy}>${msg('Send rating', { id: 'tl.rate.send' })}</button></form>`;
  }

  private renderDialog(t: TicketDetail, step: (id: string, label: string, click: () => void, kind?: string) => TemplateResult): TemplateResult {
    const close = () => this.dialog()?.close();
    return html`<dialog id="withdraw-dialog" aria-labelledby="withdraw-title" aria-describedby="withdraw-text"><h4 id="withdraw-title">${msg(str`Withdraw request ${t.number}?`, { id: 'tl.withdraw.title' })}</h4>
      <p id="withdraw-text">${msg('The property management will no longer handle it. This cannot be undone.', { id: 'tl.withdraw.text' })}</p>
      <p class="actions">${step('withdraw-yes', msg('Withdraw', { id: 'tl.withdraw' }), () => (close(), this.run({ kind: 'withdraw' })))}
        ${step('withdraw-no', msg('Cancel', { id: 'tl.cancel' }), close, 'secondary')}</p></dialog>`;
  }

  private dialog = () => this.host.renderRoot.querySelector<HTMLDialogElement>('#withdraw-dialog');

  private readonly chosen = () => this.missing.delete('stars') && this.host.requestUpdate();

  private readonly onFiles = (event: Event) => {
    const input = event.target as HTMLInputElement;
    this.files = [...this.files, ...input.files!];
    input.value = '';
    this.host.requestUpdate();
  };

  /** Renders and then focuses what `selector` finds. */
  private async focus(selector: string): Promise<void> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Takes a chosen file out again; the focus goes back to the chooser. */
  private remove(index: number): Promise<void> {
    this.files = this.files.filter((_, i) => i !== index);
    return this.focus('#files');
  }

  private readonly toggleReopen = () => {
    this.reopening = !this.reopening;
    this.missing.clear();
    return this.focus('#reopen-comment');
  };

  /** Marks the empty required fields; false (and focus on the first) when there are any. */
  private async check(names: string[]): Promise<boolean> {
    this.missing = new Set(names);
    if (names[0]) await this.focus(names[0] === 'stars' ? '[name=stars]' : `#${names[0]}`);
    else this.host.requestUpdate();
    return !names[0];
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
      if (action.kind === 'comments') this.files = [];
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
    await this.run({ kind: 'comments', body, files: this.files }, msg('Your message has been sent.', { id: 'tl.sent' }), form);
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
    await this.run({ kind: 'rating', stars, ...(comment ? { comment } : {}) }, msg('Thank you for your rating.', { id: 'tl.rated.thanks' }));
  };
}
