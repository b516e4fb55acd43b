import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';
import type { HandoverDraft } from './conversation.js';

/** The tag of the form a hand-over opens; it is created by its tag, so the bot does not bundle the form. */
export const FORM_TAG = 'hp-message-form';

/** Whether the page has `<hp-message-form>` (its script is loaded); without it a hand-over navigates instead. */
const formDefined = () => customElements.get(FORM_TAG) !== undefined;

/** The page's loader from hausportal.js (packages/portal/src/on-demand.ts), found by its global key. */
interface PageLoader {
  readonly tags: readonly string[];
  load(tag: string): Promise<unknown>;
}
const LOADER = Symbol.for('hausportal.loader');

/**
 * Whether `<hp-message-form>` can be shown: true when it is defined, false when nothing can load it, or a promise while
 * the page's hausportal.js loads it (that loader loads an element when its tag appears in the page, but does not see
 * this bot's shadow root); false as well when its code could not be loaded. Without the form a hand-over navigates.
 */
export function formReady(): boolean | Promise<boolean> {
  if (formDefined()) return true;
  const loader = (globalThis as unknown as Record<symbol, PageLoader | undefined>)[LOADER];
  if (!loader?.tags.includes(FORM_TAG)) return false;
  return loader.load(FORM_TAG).then(
    () => true,
    () => false,
  );
}

/** What the panel needs: the draft, the bot's own `api`/`org` attributes (handed on to the form), and its events. */
export interface HandoverView {
  draft: HandoverDraft;
  api: string | null;
  org: string | null;
  /** Back to the conversation without sending. */
  back: () => void;
  /** The form sent a ticket (`hp-ticket-created`) or joined one (`hp-ticket-joined`). */
  done: (event: CustomEvent<{ id: string; number: string }>) => void;
}

/**
 * The hand-over panel in place of the log: a heading, "Zurück zum Chat", and `<hp-message-form>` with the draft filled
 * in, which the person checks, edits and sends themselves (the bot never sends it). A bot outside any session hands
 * its `api` and `org` to the form, so both use the page's one client.
 */
export function renderHandover(view: HandoverView): TemplateResult {
  return html`<section class="handover" part="handover" aria-labelledby="handover-title">
    <div class="handover-head">
      <h3 id="handover-title" class="subtitle" tabindex="-1">${msg('Your message to the manager', { id: 'cb.handover.title' })}</h3>
      <button type="button" class="secondary" data-back @click=${view.back}>${msg('Back to the chat', { id: 'cb.handover.back' })}</button>
    </div>
    <p class="hint">${msg('Please check the draft; nothing is sent until you press "Send".', { id: 'cb.handover.hint' })}</p>
    <hp-message-form .draft=${view.draft} api=${ifDefined(view.api ?? undefined)} org=${ifDefined(view.org ?? undefined)}
      @hp-ticket-created=${view.done} @hp-ticket-joined=${view.done}></hp-message-form>
  </section>`;
}
