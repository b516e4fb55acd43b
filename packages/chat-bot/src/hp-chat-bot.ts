import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { featureOn, type ChatAction } from '@hausportal/api';
import { HpElement, formStyles, hostStyles, registerTranslations } from '@hausportal/core';
import { Conversation } from './conversation.js';
import { formReady, renderHandover } from './handover.js';
import { focusInto, navigate } from './navigate.js';
import { renderEntry } from './reply.js';
import { templates } from './locales/de.js';
import { chatBotStyles } from './hp-chat-bot.styles.js';

registerTranslations('de', templates);

const chatIcon = html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z"/></svg>`;

/**
 * A floating button (`position`: `bottom-right` or `bottom-left`) opens a modal dialog with the log (`role=log`,
 * polite) and a text field; `inline` puts the chat into the page flow instead. Answers show their text with line
 * breaks, FAQ answers as formatted text, lists, "Stand <Datum>" for own data, choices as buttons ("Meinten Sie …?",
 * which unit?), phone numbers to call (large for an emergency), links that open other widgets (`hp-navigate`) and the
 * sign-in. What the bot cannot answer it hands over: `<hp-message-form>` opens in the chat with a draft (form, subject,
 * unit, urgency, the question, and the last 10 messages, which the person may remove) that the person sends
 * themselves; the ticket number then appears in the chat. On a server error it says so and offers the form at once.
 * Esc closes the dialog and the focus returns to the button. Hidden when the organization has switched the bot off
 * (`features.chatBot` false) or off for the signed-in person's role (`features['chatBot.<role>']` false).
 *
 * @summary The chat bot: answers questions from the organization's FAQ and, signed in, from my own data (balance, next
 * charges, open items, tickets, appointments, contacts, new documents), offline on the server (POST /chat/messages).
 *
 * @fires {HpNavigateEvent} hp-navigate - An answer's link asks to open another widget; `detail` is
 *   `{widget: string, params: Record<string, string>}` (`widget` without `hp-`: `statement`, `login` …). Cancelable;
 *   when not cancelled the bot scrolls to the page's `<hp-<widget>>`, if there is one.
 *
 * @csspart button - The floating button that opens the chat.
 * @csspart dialog - The chat dialog (not with `inline`).
 * @csspart base - The chat itself: the dialog's content, or the inline frame.
 * @csspart header - The title and the close button.
 * @csspart log - The messages.
 * @csspart message - One message (`data-from` is `me` or `bot`).
 * @csspart items - An answer's list.
 * @csspart calls - An answer's phone numbers.
 * @csspart choices - The suggestions of the newest answer.
 * @csspart actions - An answer's buttons.
 * @csspart typing - "Antwort wird geschrieben …".
 * @csspart handover - The panel with the message form.
 * @csspart form - The question field and its send button.
 * @csspart input - The question field.
 * @csspart submit - The send button.
 *
 * @cssprop --hp-chat-bot-offset - Distance of the button and dialog from the window's edges (default 1rem).
 * @cssprop --hp-chat-bot-z-index - Stacking of the floating button (default 1000).
 * @cssprop --hp-frame-visible-top - Set by the portal's iframe page (iframe mode): where the part of the frame that the
 *   host page's window shows begins, from the frame's top (default 0px).
 * @cssprop --hp-frame-visible-height - Set by the iframe page: the height of that part (default the window's, 100dvh).
 * @cssprop --hp-frame-visible-end - Set by the iframe page: from that part's bottom to the frame's bottom; the button
 *   and the dialog keep `--hp-chat-bot-offset` from the visible bottom instead of the frame's (default 0px).
 * @cssprop --hp-chat-bot-height - Height of the inline chat's log (default 24rem).
 * @cssprop --hp-color-primary - The button, my messages, links, the focus ring.
 * @cssprop --hp-color-on-primary - Text of my messages and of the floating button.
 * @cssprop --hp-color-primary-hover - A filled button under the pointer (default: the main colour mixed with the text).
 * @cssprop --hp-color-focus - Colour of the focus ring (default: the main colour at 45 %).
 * @cssprop --hp-focus-ring - The focus ring, a `box-shadow` (default `0 0 0 3px` of `--hp-color-focus`).
 * @cssprop --hp-font-size-s - Small text (default 0.875rem).
 * @cssprop --hp-font-size-l - Headings (default 1.25rem).
 * @cssprop --hp-space-xs - Smallest spacing (default 0.25rem).
 * @cssprop --hp-space-s - Small spacing (default 0.5rem).
 * @cssprop --hp-space-l - Large spacing (default 1.5rem).
 * @cssprop --hp-color-surface-raised - The bot's messages.
 * @cssprop --hp-color-text-muted - The intro, "Stand <Datum>" and the typing indicator.
 * @cssprop --hp-color-success - The answer that names a new ticket.
 * @cssprop --hp-color-danger - Emergency answers and their phone numbers.
 */
export class HpChatBot extends HpElement {
  static override styles = [hostStyles, formStyles, chatBotStyles];

  /** Where the floating button sits: `bottom-right` (default) or `bottom-left`. */
  @property({ reflect: true }) position: 'bottom-right' | 'bottom-left' = 'bottom-right';
  /** In the page flow, without the floating button and dialog. */
  @property({ type: Boolean, reflect: true }) inline = false;
  /** Whether the dialog is open (set it to open or close the chat). */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The messages so far, the answer being waited for and an open hand-over draft. */
  readonly conversation = new Conversation(this);
  /** How many messages the log showed at the last rendering (it scrolls to the end when there are more). */
  private shown = 0;

  /** Whether the bot shows: the session has settled and the organization has not switched it off for this person. */
  get available(): boolean {
    const session = this.session;
    if (!session || session.state === 'unknown' || session.state === 'restoring' || this.conversation.disabled) return false;
    const features = session.organization?.features;
    // The organization could not be loaded: the bot shows and says so when asked (the server decides).
    if (!features) return session.error !== undefined;
    const role = this.authenticated ? session.user?.role : undefined;
    return featureOn(features, 'chatBot', role);
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.available) return nothing;
    if (this.inline) return html`<section part="base" class="base inline" aria-labelledby="title" lang=${this.locale}>${this.renderChat()}</section>`;
    return html`<button type="button" part="button" class="launcher" aria-haspopup="dialog" aria-expanded=${this.open ? 'true' : 'false'} @click=${this.show}>
        ${chatIcon}<span>${msg('Ask us', { id: 'cb.title' })}</span>
      </button>
      <dialog part="dialog base" class="base dialog" role="dialog" aria-modal="true" aria-labelledby="title" lang=${this.locale} @close=${this.onClose}>
        ${this.renderChat()}
      </dialog>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && this.open && !dialog.open) {
      dialog.showModal();
      this.renderRoot.querySelector<HTMLElement>('#question')?.focus();
    } else if (dialog?.open && !this.open) dialog.close();
    const entries = this.conversation.entries.length;
    if (entries !== this.shown) {
      this.shown = entries;
      const log = this.renderRoot.querySelector('[part=log]');
      log?.scrollTo({ top: log.scrollHeight });
    }
  }

  private renderChat(): TemplateResult {
    const { entries, pending, handover } = this.conversation;
    const last = entries.at(-1);
    // The newest message saying a ticket was sent or joined from the chat.
    const sentAt = entries.findLast((e) => e.from === 'bot' && (e.reply.intent === 'ticket_created' || e.reply.intent === 'ticket_joined'))?.id ?? -1;
    return html`<div part="header" class="header">
        <div>
          <h2 id="title" class="title">${msg('Ask us', { id: 'cb.title' })}</h2>
          <p class="hint">${msg('Automatic answers, day and night', { id: 'cb.subtitle' })}</p>
        </div>
        ${this.inline ? nothing : html`<button type="button" class="secondary close" aria-label=${msg('Close the chat', { id: 'cb.close' })} @click=${this.hide}><span aria-hidden="true">×</span></button>`}
      </div>
      <div part="log" class="log" role="log" aria-live="polite" aria-labelledby="title" tabindex="0" ?hidden=${!!handover} @click=${this.onLogClick}>
        <p class="intro">${this.authenticated
          ? msg('Hello! I answer questions about your home, your account, your requests and the building.', { id: 'cb.intro' })
          : msg('Hello! I answer questions about the building and the management. Sign in for questions about your account and your requests.', { id: 'cb.intro.signedOut' })}</p>
        ${repeat(entries, (e) => e.id, (e) => renderEntry(e, { locale: this.locale, latest: e === last && !pending, handedOver: e.id < sentAt }))}
        ${pending ? html`<p part="typing" class="typing"><span class="dots" aria-hidden="true"></span>${msg('Writing an answer …', { id: 'cb.typing' })}</p>` : nothing}
      </div>
      ${handover
        ? renderHandover({ draft: handover, api: this.getAttribute('api'), org: this.getAttribute('org'), back: this.back, done: this.onTicket })
        : html`<form part="form" class="ask" @submit=${this.onSubmit}>
            <label class="visually-hidden" for="question">${msg('Your question', { id: 'cb.question' })}</label>
            <input id="question" part="input" name="question" autocomplete="off" maxlength="2000" placeholder=${msg('Your question …', { id: 'cb.placeholder' })} />
            <button type="submit" part="submit">${msg('Send', { id: 'cb.send' })}</button>
          </form>`}`;
  }

  /** Opens the chat; the focus goes to the question field. */
  readonly show = () => {
    this.open = true;
  };

  /** Closes the chat; the focus returns to the floating button. */
  readonly hide = () => {
    this.open = false;
  };

  /** The widget an answer's link led to on this page: the focus goes there when the dialog closes. */
  private led?: HTMLElement;

  private readonly onClose = () => {
    // The event comes a moment after closing: the chat may have been opened again meanwhile.
    if (this.renderRoot.querySelector('dialog')?.open) return;
    this.open = false;
    const led = this.led;
    this.led = undefined;
    if (!led || !focusInto(led)) this.renderRoot.querySelector<HTMLElement>('[part=button]')?.focus();
  };

  private readonly onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#question')!;
    if (this.conversation.pending || !input.value.trim()) return;
    void this.conversation.ask({ text: input.value }, true).then(() => this.afterAnswer(false));
    input.value = '';
  };

  /** A button in the log: a choice (asked as the person's answer), an action, or trying a failed question again. */
  private readonly onLogClick = (event: Event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-entry]');
    const entry = this.conversation.entries.find((e) => String(e.id) === button?.dataset.entry);
    if (!button || entry?.from !== 'bot') return;
    const { choice, action } = button.dataset;
    if (choice !== undefined) {
      const chosen = entry.reply.choices[Number(choice)]!;
      void this.conversation.ask({ text: chosen.label, choice: chosen.value }, false).then(() => this.afterAnswer(chosen.value.intent === 'handover'));
      this.focusOn('#question');
    } else if (action !== undefined) this.act(entry.reply.actions[Number(action)]!);
    else if (entry.retry) void this.conversation.ask(entry.retry, false);
  };

  /** After an answer: when the person chose to send their question to the manager, the draft opens at once. */
  private afterAnswer(handover: boolean): void {
    const last = this.conversation.entries.at(-1);
    const action = handover && last?.from === 'bot' ? last.reply.actions.find((a) => a.type === 'handover') : undefined;
    if (action) this.act(action);
  }

  /**
   * Carries out an answer's action: another widget or the sign-in (`hp-navigate`; the dialog closes when the page shows
   * it, so it is not hidden behind the dialog), or the hand-over into the form (without `<hp-message-form>` on the page,
   * `hp-navigate` to `message-form` with the form's key).
   */
  private act(action: ChatAction): void {
    const go = (widget: string, params: Record<string, string> = {}) => {
      const shown = navigate(this, widget, params);
      if (shown === null) return false;
      if (shown !== true && this.inline) focusInto(shown);
      else if (shown !== true) this.led = shown;
      this.hide();
      return true;
    };
    if (action.type === 'navigate' && action.widget) go(action.widget, action.params);
    else if (action.type === 'signin') go('login');
    else if (action.type === 'handover') {
      const draft = this.conversation.draftOf(action);
      const open = (ready: boolean) => {
        if (!ready) return void go('message-form', { form: draft.form });
        this.conversation.handover = draft;
        this.focusOn('#handover-title');
      };
      const ready = formReady();
      if (typeof ready === 'boolean') open(ready);
      else void ready.then(open);
    }
  }

  private readonly back = () => {
    this.conversation.handover = undefined;
    this.focusOn('#question');
  };

  /** The form sent a ticket (or joined one): back to the chat, which names the number. */
  private readonly onTicket = async (event: CustomEvent<{ id: string; number: string }>) => {
    const number = event.detail.number;
    this.back();
    // Once the log shows again, so that screen readers hear the new message.
    await this.updateComplete;
    if (event.type === 'hp-ticket-joined') this.conversation.say('ticket_joined', msg(str`You now follow request ${number}.`, { id: 'cb.joined' }));
    else this.conversation.say('ticket_created', msg(str`Your request ${number} has arrived.`, { id: 'cb.created' }));
  };

  /** Renders, then moves the focus to `selector`. */
  private focusOn(selector: string): void {
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }
}
