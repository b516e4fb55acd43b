import { adoptStyles, html, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { HpElement, importOnce, formStyles, frameStyles, hostStyles, registerTranslations, renderEmpty, renderError, renderLoading, stateStyles } from '@hausportal/core';
import type { Form, FormCatalog } from '@hausportal/api';
import { templates } from './locales/de.js';
import { CatalogStore } from './catalog.js';
import type { FillState } from './fill-state.js';
import type { MessageDraft } from './model.js';
import { renderPicker } from './picker.js';
import { messageFormStyles } from './hp-message-form.styles.js';

registerTranslations('de', templates);

// By package name, so tools that measure lazy chunks (bench/sizes.ts) see it as one.
type FillPart = typeof import('@hausportal/message-form/fill.js');
type MessageFill = InstanceType<FillPart['MessageFill']>;

/** Loads the form-filling part once (a separate chunk in bundles); after a failure the next call tries again. */
const loadFillPart: () => Promise<FillPart> = importOnce(() => import('@hausportal/message-form/fill.js'));

/** Adds the form's styles to the shadow root after the element's own (a `<style>` where sheets cannot be adopted). */
function addStyles(root: ShadowRoot, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  if (!sheet) adoptStyles(root, [styles]);
  else if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/**
 * Pick a form (or name it in `form`), choose the unit (in the form's own field of type `unit` where it has one, else
 * in the widget's unit picker), fill in the fields (each type checked as one types once a field was left, all on
 * sending; the server's objections shown at their fields), attach photos or PDFs, agree to the privacy consent where
 * asked, and send with a progress bar per file, cancel and retry. An emergency option shows the emergency numbers at
 * once; a common-area damage already reported offers "Ich bin auch betroffen" instead of a new ticket. The inputs are
 * kept as a draft in sessionStorage (never an IBAN) until sent or the person signs out. The confirmation shows the
 * ticket number, the emergency numbers again after an emergency, and the expected first answer. A `draft` (e.g. the
 * chat bot's hand-over) opens its form filled in, with the conversation as a block the person may remove before
 * sending. The form-filling part loads on first use.
 *
 * @summary Send a message or damage report through one of the organization's forms (Allgemeine Anfrage,
 * Schadensmeldung, Guthabensanforderung …); it becomes a ticket.
 *
 * @fires {HpTicketCreatedEvent} hp-ticket-created - A form was sent and became a ticket; `detail` is
 *   `{id: string, number: string}` (number like `2026-00042`).
 * @fires {HpTicketJoinedEvent} hp-ticket-joined - I joined a ticket already reported ("Ich bin auch betroffen")
 *   instead of sending one; `detail` is `{id: string, number: string}`. No `hp-ticket-created` follows.
 *
 * @csspart base - The frame around everything.
 * @csspart list - The forms to choose from.
 * @csspart item - One form's card.
 * @csspart form - The form being filled.
 * @csspart emergency - The emergency numbers.
 * @csspart duplicates - "Bereits gemeldet" with the tickets I may join.
 * @csspart attachments - The files and their progress.
 * @csspart transcript - A draft's conversation, appended to the text on sending, with its remove button.
 * @csspart privacy - The privacy notice.
 * @csspart submit - The send button.
 * @csspart confirmation - The confirmation with the ticket number.
 * @csspart empty - No form to offer, or nobody signed in.
 * @csspart error - Loading (the forms or the form-filling part) or sending failed, with its retry button.
 * @csspart retry - The retry button.
 * @csspart loading - The loading state (also while the form-filling part loads).
 *
 * @cssprop --hp-message-form-card-min - Smallest width of a form card (default 16rem).
 * @cssprop --hp-color-primary - Buttons, links, the focus ring, a card under the pointer, the progress bars.
 * @cssprop --hp-color-on-primary - Text on the main colour (filled buttons).
 * @cssprop --hp-color-primary-hover - A filled button under the pointer (default: the main colour mixed with the text).
 * @cssprop --hp-color-focus - Colour of the focus ring (default: the main colour at 45 %).
 * @cssprop --hp-focus-ring - The focus ring, a `box-shadow` (default `0 0 0 3px` of `--hp-color-focus`).
 * @cssprop --hp-font-size-s - Small text (default 0.875rem).
 * @cssprop --hp-font-size-l - Headings (default 1.25rem).
 * @cssprop --hp-space-xs - Smallest spacing (default 0.25rem).
 * @cssprop --hp-space-s - Small spacing (default 0.5rem).
 * @cssprop --hp-space-l - Large spacing (default 1.5rem).
 * @cssprop --hp-color-surface-raised - The form cards, the transcript block and the ticket number.
 * @cssprop --hp-color-text-muted - Hints below the fields and card descriptions.
 * @cssprop --hp-color-danger - Errors, invalid fields and the emergency box.
 * @cssprop --hp-color-warning - The tint of "Bereits gemeldet".
 * @cssprop --hp-color-info - The tint of the privacy notice and the transcript.
 * @cssprop --hp-color-success - The tint of the confirmation.
 */
export class HpMessageForm extends HpElement {
  static override styles = [hostStyles, formStyles, stateStyles, frameStyles, messageFormStyles];

  /** Key of the form to open at once, e.g. `schadensmeldung`. */
  @property({ reflect: true }) form = '';

  /**
   * A draft to open and fill in ({@link MessageDraft}): `{form, subject?, text?, unitId?, urgency?, transcript?}`.
   * Setting it opens `draft.form` (replacing `form`) with the fields the draft names filled in; each draft object is
   * applied once, when the form is shown ({@link formReady}). Fields the form does not have are left out.
   */
  @property({ attribute: false }) draft?: MessageDraft;

  /** The `form` asked for is not offered. */
  @state() private missing = false;
  /** The form open now and the catalog it came from (undefined: the list of forms). */
  @state() private shown?: [Form, FormCatalog];
  /** Why the form-filling part could not be loaded. */
  @state() private loadError: unknown;

  /** The forms I may send now (GET /forms). */
  readonly catalog = new CatalogStore(this);
  /**
   * Settles when the form opened last is shown, i.e. the form-filling part has loaded, or when loading it failed (the
   * error state then offers a retry). Never rejects.
   */
  formReady: Promise<void> = Promise.resolve();
  private filling?: MessageFill;
  private opened?: [string, FormCatalog];
  /** The draft to fill in when its form opens next. */
  private pendingDraft?: MessageDraft;

  /**
   * The inputs of the open form (`fill.set(key, raw)` enters a value as typing does). Only once a form is shown
   * (see {@link formReady}): before, the part that fills forms has not been loaded and reading this throws.
   */
  get fill(): FillState {
    if (!this.filling) throw new Error('<hp-message-form>: no form has been opened yet.');
    return this.filling.fill;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('draft') && this.draft) {
      this.pendingDraft = this.draft;
      this.form = this.draft.form;
      this.opened = undefined;
    }
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
    if (this.shown?.[1] === catalog) {
      if (this.loadError) return this.frame(renderError(this.loadError, () => void this.retry()));
      if (!this.filling?.fill.form) return this.frame(renderLoading());
      return this.frame(this.filling.render(catalog));
    }
    if (!catalog.items.length) return this.frame(renderEmpty(msg('There is no form you can send at the moment.', { id: 'mf.empty' })));
    return this.frame(renderPicker(catalog.items, this.locale, this.missing));
  }

  private frame(content: unknown): TemplateResult {
    return html`<section part="base" class="base" aria-labelledby="title" lang=${this.locale}
      @click=${this.onClick} @input=${this.onInput} @change=${this.onInput} @focusout=${this.onLeave} @submit=${this.onSubmit}>
      <h2 id="title" class="title">${msg('Send a message', { id: 'mf.title' })}</h2>
      ${content}
    </section>`;
  }

  /** Opens the form `key` (loading the form-filling part first, once), or says that it is not offered. */
  private open(key: string): void {
    const catalog = this.catalog.catalog;
    const form = catalog?.items.find((f) => f.key === key);
    this.missing = !form;
    if (!form) console.warn(`<hp-message-form>: the form "${key}" is not offered to the signed-in person.`);
    this.shown = form && catalog ? [form, catalog] : undefined;
    if (!form || !catalog) this.filling?.reset();
    else if (this.filling) this.filling.open(form, catalog, this.catalog.owner, this.takeDraft(form.key));
    else this.formReady = this.load();
  }

  /** Loads the form-filling part and opens the form shown, unless an earlier load has done so. */
  private async load(): Promise<void> {
    this.loadError = undefined;
    try {
      const { MessageFill, fillStyles } = await this.loadPart();
      if (this.filling) return;
      if (this.shadowRoot) addStyles(this.shadowRoot, fillStyles);
      this.filling = new MessageFill(this, (selector) => this.focusOn(selector));
      const [form, catalog] = this.shown ?? [];
      if (form && catalog) this.filling.open(form, catalog, this.catalog.owner, this.takeDraft(form.key));
    } catch (error) {
      this.loadError = error;
    }
    this.requestUpdate();
    await this.updateComplete;
  }

  /** The pending draft when it is for form `key` (it is then used up). */
  private takeDraft(key: string): MessageDraft | undefined {
    const draft = this.pendingDraft?.form === key ? this.pendingDraft : undefined;
    if (draft) this.pendingDraft = undefined;
    return draft;
  }

  /** The form-filling part, loaded once for all instances (a subclass or a test may load it otherwise). */
  protected loadPart(): Promise<FillPart> {
    return loadFillPart();
  }

  private async retry(): Promise<void> {
    await (this.formReady = this.load());
    await this.focusOn(this.loadError ? '[part=retry]' : '#form-title');
  }

  private readonly onClick = async (event: Event) => {
    // Only buttons act on a click: a re-render in the middle of a radio's or checkbox's click would undo its choice.
    const button = (event.target as Element).closest<HTMLElement>('button');
    if (!button) return;
    const data = button.dataset;
    if (data.form) {
      this.open(data.form);
      await this.formReady;
      await this.focusOn(this.loadError ? '[part=retry]' : '#form-title');
    } else if ('back' in data || 'again' in data) {
      this.missing = false;
      this.shown = undefined;
      this.filling?.reset();
      await this.focusOn('.card');
    } else await this.filling?.click(data);
  };

  private readonly onInput = (event: Event) => this.filling?.input(event);

  private readonly onLeave = (event: FocusEvent) => this.filling?.leave(event);

  private readonly onSubmit = (event: Event) => {
    event.preventDefault();
    void this.filling?.submit();
  };

  /** Renders, then moves the focus to `selector` in the new view. */
  private async focusOn(selector: string): Promise<void> {
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
