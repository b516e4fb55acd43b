// The form-filling part of <hp-message-form>, loaded with import('@hausportal/message-form/fill.js') when a form is
// opened (a lazy chunk in bundles): the fields and their checks, the cascade, IBAN, time windows, files with their
// progress, "already reported", sending and the confirmation, with their styles and German texts.
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { registerTranslations, toProblem, type Locale } from '@hausportal/core';
import type { ApiClient, Form, FormCatalog } from '@hausportal/api';
import { templates } from './locales/fill-de.js';
import { addFiles } from './attachments.js';
import { Duplicates } from './duplicates.js';
import { HpTicketCreatedEvent, HpTicketJoinedEvent } from './events.js';
import { FillState } from './fill-state.js';
import { inputValue, renderForm } from './form-view.js';
import { problemText } from './messages.js';
import { addSlot, emergencyChosen, pointerKey, type MessageDraft } from './model.js';
import { Sender } from './send.js';
import { renderDone } from './views.js';

registerTranslations('de', templates);

export { FillState } from './fill-state.js';
export { Sender, type SendState } from './send.js';
export { Duplicates } from './duplicates.js';
export { fillStyles } from './fill.styles.js';

/** What the filling part uses of its element. */
export interface FillHost extends ReactiveControllerHost {
  readonly api?: ApiClient;
  readonly locale: Locale;
  readonly renderRoot: HTMLElement | DocumentFragment;
  dispatchEvent(event: Event): boolean;
}

/**
 * The form being filled in `<hp-message-form>`: its inputs and draft ({@link FillState}), sending ({@link Sender}),
 * "already reported" ({@link Duplicates}), and the element's events inside the form. The element shows the list of
 * forms and the states; it hands the form's events here and renders {@link render} while a form is open.
 */
export class MessageFill {
  readonly fill: FillState;
  readonly sender: Sender;
  readonly duplicates: Duplicates;
  /** Why the files chosen last were not all added ('' when they were). */
  private fileNote = '';

  /** `focus(selector)`: renders the element, then moves the focus to `selector` in it. */
  constructor(
    private readonly host: FillHost,
    private readonly focus: (selector: string) => Promise<void>,
  ) {
    this.fill = new FillState(host);
    this.sender = new Sender(host);
    this.duplicates = new Duplicates(host);
  }

  /**
   * Opens `form` of `catalog` with its stored draft (kept per `owner`, "org:user"), then fills in `draft` where given
   * (a hand-over from the chat bot, {@link FillState.prefill}).
   */
  open(form: Form, catalog: FormCatalog, owner: string, draft?: MessageDraft): void {
    this.reset();
    this.fill.start(form, catalog, owner);
    if (draft) this.fill.prefill(draft);
    void this.duplicates.update(this.host.api, form, this.fill.raw, this.fill.property);
  }

  /** Back to no form: a sending under way is cancelled, the confirmation forgotten. */
  reset(): void {
    this.sender.reset();
    this.duplicates.reset();
    this.fill.form = undefined;
    this.fileNote = '';
  }

  /** The open form, or the confirmation once it was sent or a reported ticket was joined. */
  render(catalog: FormCatalog): TemplateResult {
    const locale = this.host.locale;
    const done = this.duplicates.joined ?? this.sender.ticket;
    const form = this.fill.form;
    const emergency = !this.duplicates.joined && form && emergencyChosen(form, this.fill.raw) ? catalog.emergencyNumbers : undefined;
    if (done) return renderDone(done, !!this.duplicates.joined, locale, emergency);
    return renderForm({ fill: this.fill, catalog, sender: this.sender, duplicates: this.duplicates, locale, fileNote: this.fileNote });
  }

  /**
   * A click on a button of the form with these data attributes (cancel, send again, remove a file, add a row, join,
   * leave out the transcript: the focus then goes to the text area).
   */
  async click(data: DOMStringMap): Promise<void> {
    const { fill } = this;
    if ('cancel' in data) this.sender.cancel();
    else if ('retry' in data) await this.submit();
    else if (data.remove) fill.files = fill.files.filter((_, i) => i !== Number(data.remove));
    else if (data.add) {
      // The new row's first input takes the focus (the button goes once the most rows are shown).
      const slots = addSlot(fill.form!.fields.find((f) => f.key === data.add)!, fill.raw[data.add]);
      fill.set(data.add, slots);
      await this.focus(`[data-field="${data.add}"] [data-sub="${slots.length - 1}.date"]`);
    }
    else if (data.join) await this.join(data.join);
    else if ('transcriptRemove' in data) {
      fill.transcript = '';
      await this.focus(`#f-${fill.textField?.key}`);
    }
    this.host.requestUpdate();
  }

  /** An input or change event in the form. */
  input(event: Event): void {
    const { fill } = this;
    const target = event.target as HTMLInputElement;
    if ('files' in target.dataset && event.type === 'change') {
      const result = addFiles(fill.files, [...(target.files ?? [])], fill.form!.attachments, this.host.locale);
      fill.files = result.files;
      this.fileNote = result.note;
      target.value = '';
      this.host.requestUpdate();
      return;
    }
    const key = target.dataset.key;
    const field = fill.form?.fields.find((f) => f.key === key);
    if (key === 'unit' || key === 'consent') fill.set(key, key === 'unit' ? target.value : target.checked);
    else if (field) fill.set(field.key, inputValue(field, target, fill.raw[field.key], event.type));
    else return;
    void this.duplicates.update(this.host.api, fill.form, fill.raw, fill.property);
  }

  /** Focus leaving a control: its field counts as left (a group only when the focus leaves the whole group). */
  leave(event: FocusEvent): void {
    const key = (event.target as HTMLElement).dataset?.key;
    const group = (event.target as Element).closest('[data-field]');
    if (key && !(event.relatedTarget instanceof Node && group?.contains(event.relatedTarget))) this.fill.touch(key);
  }

  /** Checks everything shown and sends; the focus goes to the first error, the server's objections to their fields. */
  async submit(): Promise<void> {
    const { fill } = this;
    const { api } = this.host;
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
      this.host.dispatchEvent(new HpTicketCreatedEvent(ticket));
      return this.focus('#done');
    }
    const problems = toProblem(this.sender.error)?.errors ?? [];
    for (const { field, code, message } of problems) {
      fill.server[pointerKey(field)] = code === 'required' ? problemText({ code: 'required' }) : msg(str`Please check this entry (${message}).`, { id: 'mf.server' });
    }
    const first = problems.map((p) => pointerKey(p.field)).find((key) => this.host.renderRoot.querySelector(`[data-field="${key}"]`));
    if (first) await this.focusField(first);
  }

  private async join(id: string): Promise<void> {
    const ticket = this.duplicates.items.find((t) => t.id === id);
    const { api } = this.host;
    if (!ticket || !api) return;
    const joined = await this.duplicates.join(api, ticket);
    if (!joined) return;
    this.fill.clearDraft();
    this.host.dispatchEvent(new HpTicketJoinedEvent(joined));
    await this.focus('#done');
  }

  private focusField(key: string): Promise<void> {
    return this.focus(`[data-field="${key}"] :is(input, select, textarea)`);
  }
}
