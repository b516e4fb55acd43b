import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HpElement, formStyles, frameStyles, hostStyles, registerTranslations, renderEmpty, renderError, renderLoading, stateStyles } from '@hausportal/core';
import { toProblem } from '@hausportal/core';
import type { FormCatalog } from '@hausportal/api';
import { templates } from './locales/de.js';
import { addFiles } from './attachments.js';
import { CatalogStore } from './catalog.js';
import { Duplicates } from './duplicates.js';
import { HpTicketCreatedEvent, HpTicketJoinedEvent } from './events.js';
import { FillState } from './fill.js';
import { inputValue, renderForm } from './form-view.js';
import { problemText } from './messages.js';
import { addSlot, pointerKey } from './model.js';
import { Sender } from './send.js';
import { renderDone, renderPicker } from './views.js';
import { messageFormStyles } from './hp-message-form.styles.js';

registerTranslations('de', templates);

/**
 * @summary Send a message or damage report through one of the organization's forms (Allgemeine Anfrage,
 * Schadensmeldung, Guthabensanforderung …); it becomes a ticket. Pick a form (or name it in `form`), choose the unit,
 * fill in the fields (each type checked as one types once a field was left, all on sending; the server's objections
 * shown at their fields), attach photos or PDFs, agree to the privacy consent where asked, and send with a progress
 * bar per file, cancel and retry. An emergency option shows the emergency numbers at once; a common-area damage
 * already reported offers "Ich bin auch betroffen" instead of a new ticket. The inputs are kept as a draft in
 * sessionStorage until sent. The confirmation shows the ticket number and the expected first answer.
 *
 * @fires hp-ticket-created - A form was sent and became a ticket; `detail` is `{id, number}`.
 * @fires hp-ticket-joined - I joined a ticket already reported as affected instead of sending one; `detail` is `{id, number}`.
 *
 * @csspart base - The frame around everything.
 * @csspart list - The forms to choose from.
 * @csspart item - One form's card.
 * @csspart form - The form being filled.
 * @csspart emergency - The emergency numbers.
 * @csspart duplicates - "Bereits gemeldet" with the tickets I may join.
 * @csspart attachments - The files and their progress.
 * @csspart privacy - The privacy notice.
 * @csspart submit - The send button.
 * @csspart confirmation - The confirmation with the ticket number.
 * @csspart empty - No form to offer, or nobody signed in.
 * @csspart error - Loading or sending failed, with its retry button.
 * @csspart retry - The retry button.
 * @csspart loading - The loading state.
 *
 * @cssprop --hp-color-primary - Buttons, links, focus, the chosen card.
 * @cssprop --hp-color-danger - Errors and the emergency box.
 * @cssprop --hp-message-form-card-min - Smallest width of a form card (default 16rem).
 */
export class HpMessageForm extends HpElement {
  static override styles = [hostStyles, formStyles, stateStyles, frameStyles, messageFormStyles];

  /** Key of the form to open at once, e.g. `schadensmeldung`. */
  @property({ reflect: true }) form = '';

  /** The `form` asked for that is not offered ('' when none). */
  @state() private missing = '';
  @state() private fileNote = '';

  readonly catalog = new CatalogStore(this);
  readonly fill = new FillState(this);
  readonly sender = new Sender(this);
  readonly duplicates = new Duplicates(this);
  private opened?: [string, FormCatalog];

  protected override willUpdate(changed: PropertyValues): void {
    const catalog = this.catalog.catalog;
    // The form named in `form` opens once per catalog and name.
    if (catalog && this.form && (this.opened?.[0] !== this.form || this.opened[1] !== catalog)) {
      this.opened = [this.form, catalog];
      this.open(this.form);
    }
    super.willUpdate(changed);
  }

  protected override render(): TemplateResult {
    const session = this.session;
    if (!session || session.state === 'unknown' || session.state === 'restoring') return this.frame(renderLoading());
    if (!this.authenticated) return this.frame(renderEmpty(msg('Please sign in to send a message.', { id: 'mf.loggedOut' })));
    const { catalog, error } = this.catalog;
    if (error) return this.frame(renderError(error, () => void this.catalog.load()));
    if (!catalog) return this.frame(renderLoading());
    const locale = this.locale;
    const done = this.duplicates.joined ?? this.sender.ticket;
    if (done) return this.frame(renderDone(done, !!this.duplicates.joined, locale));
    if (this.fill.form && this.fill.catalog === catalog) {
      return this.frame(renderForm({ fill: this.fill, catalog, sender: this.sender, duplicates: this.duplicates, locale, fileNote: this.fileNote }));
    }
    if (!catalog.items.length) return this.frame(renderEmpty(msg('There is no form you can send at the moment.', { id: 'mf.empty' })));
    return this.frame(renderPicker(catalog.items, locale, this.missing));
  }

  private frame(content: unknown): TemplateResult {
    return html`<section part="base" class="base" aria-labelledby="title" lang=${this.locale}
      @click=${this.onClick} @input=${this.onInput} @change=${this.onInput} @focusout=${this.onLeave} @submit=${this.onSubmit}>
      <h2 id="title" class="title">${msg('Send a message', { id: 'mf.title' })}</h2>
      ${content}
    </section>`;
  }

  /** Opens the form `key`, or says that it is not offered. */
  private open(key: string): void {
    const catalog = this.catalog.catalog;
    const form = catalog?.items.find((f) => f.key === key);
    this.reset();
    this.missing = form ? '' : key;
    if (form && catalog) this.fill.start(form, catalog, this.catalog.owner);
    void this.duplicates.update(this.api, this.fill.form, this.fill.raw, this.fill.property);
  }

  private reset(): void {
    this.sender.reset();
    this.duplicates.reset();
    this.fill.form = undefined;
    this.fileNote = '';
  }

  private readonly onClick = async (event: Event) => {
    const target = (event.target as Element).closest<HTMLElement>('button');
    const data = target?.dataset ?? {};
    if (data.form) await this.show(() => this.open(data.form!), '#form-title');
    else if ('back' in data || 'again' in data) await this.show(() => ((this.missing = ''), this.reset()), '.card');
    else if ('cancel' in data) this.sender.cancel();
    else if ('retry' in data) await this.submit();
    else if (data.remove) this.fill.files = this.fill.files.filter((_, i) => i !== Number(data.remove));
    else if (data.add) this.fill.set(data.add, addSlot(this.fill.form!.fields.find((f) => f.key === data.add)!, this.fill.raw[data.add]));
    else if (data.join) await this.join(data.join);
    this.requestUpdate();
  };

  private readonly onInput = (event: Event) => {
    const target = event.target as HTMLInputElement;
    if ('files' in target.dataset && event.type === 'change') {
      const result = addFiles(this.fill.files, [...(target.files ?? [])], this.fill.form!.attachments, this.locale);
      this.fill.files = result.files;
      this.fileNote = result.note;
      target.value = '';
      return;
    }
    const key = target.dataset.key;
    const field = this.fill.form?.fields.find((f) => f.key === key);
    if (key === 'unit' || key === 'consent') this.fill.set(key, key === 'unit' ? target.value : target.checked);
    else if (field) this.fill.set(field.key, inputValue(field, target, this.fill.raw[field.key], event.type));
    else return;
    void this.duplicates.update(this.api, this.fill.form, this.fill.raw, this.fill.property);
  };

  private readonly onLeave = (event: FocusEvent) => {
    const key = (event.target as HTMLElement).dataset?.key;
    // A group (time windows, cascade, ticks) counts as left when the focus leaves the whole group.
    const group = (event.target as Element).closest('[data-field]');
    if (key && !(event.relatedTarget instanceof Node && group?.contains(event.relatedTarget))) this.fill.touch(key);
  };

  private readonly onSubmit = (event: Event) => {
    event.preventDefault();
    void this.submit();
  };

  private async submit(): Promise<void> {
    const { fill, api } = this;
    const form = fill.form;
    if (!form || !api) return;
    const errors = fill.validate();
    if (errors.length) return this.focusField(errors[0]!);
    const body = new FormData();
    body.set('form', form.key);
    body.set('version', String(form.version));
    if (fill.unit) body.set('unit', fill.unit);
    else if (fill.property) body.set('property', fill.property);
    body.set('values', JSON.stringify(fill.values()));
    if (form.privacy.consentRequired) body.set('consent', String(fill.consent));
    for (const file of fill.files) body.append('files', file);
    const ticket = await this.sender.send(api, body);
    if (ticket) {
      fill.clearDraft();
      this.dispatchEvent(new HpTicketCreatedEvent(ticket));
      return this.focusOn('#done');
    }
    const problems = toProblem(this.sender.error)?.errors ?? [];
    for (const { field, code, message } of problems) {
      fill.server[pointerKey(field)] = code === 'required' ? problemText({ code: 'required' }) : msg(str`Please check this entry (${message}).`, { id: 'mf.server' });
    }
    const first = problems.map((p) => pointerKey(p.field)).find((key) => this.renderRoot.querySelector(`[data-field="${key}"]`));
    if (first) this.focusField(first);
  }

  private async join(id: string): Promise<void> {
    const ticket = this.duplicates.items.find((t) => t.id === id);
    if (!ticket || !this.api) return;
    const joined = await this.duplicates.join(this.api, ticket);
    if (!joined) return;
    this.fill.clearDraft();
    this.dispatchEvent(new HpTicketJoinedEvent(joined));
    await this.focusOn('#done');
  }

  /** Changes the view, then moves the focus to `selector` in the new one. */
  private async show(change: () => void, selector: string): Promise<void> {
    change();
    await this.focusOn(selector);
  }

  private async focusOn(selector: string): Promise<void> {
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private async focusField(key: string): Promise<void> {
    await this.focusOn(`[data-field="${key}"] :is(input, select, textarea)`);
  }
}
