import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { absoluteApiUrl, createPreviewClient, isPreviewClient, type ApiClient, type PreviewClient, type PreviewState } from '@hausportal/api';
import { getLocale } from './localization.js';

// A manager's read-only preview of the portal as a tenant or owner (issue 14). The manager opens the address from
// POST /admin/preview-sessions, `…/portal.html#hp-preview=<code>`. The first `<hp-session>` on that page takes the
// code out of the address at once (so it is neither bookmarked, nor shared, nor left in the history), and its
// api/org get a preview client (@hausportal/api createPreviewClient) instead of the page's shared client: the manager's
// own session on the same page is never touched. Above its widgets the session shows the banner
// "Vorschau als <Name> · nur lesen · bis <HH:MM>" with "Vorschau beenden".

const KEY = Symbol.for('hausportal.preview');
interface PagePreview {
  /** The code taken from the address, until a session claims it. */
  code: string | null;
  /** The preview client, by `<absolute api> <org>` of the session that claimed the code. */
  clients: Map<string, PreviewClient>;
}
const store = globalThis as unknown as Record<symbol, PagePreview | undefined>;

const PARAM = 'hp-preview=';

/**
 * Takes `hp-preview=<code>` out of the page address's fragment, keeping any other part of it (`#/dokumente&hp-preview=…`
 * → `#/dokumente`) and the history entry (`history.replaceState`), and keeps the code for the session that claims it
 * ({@link previewClientFor}). Looks at the address once per page; later calls change nothing.
 */
export function takePreviewCode(): void {
  if (store[KEY]) return;
  const page: PagePreview = (store[KEY] = { code: null, clients: new Map() });
  const parts = (globalThis.location?.hash ?? '').replace(/^#/, '').split('&');
  const found = parts.find((part) => part.startsWith(PARAM));
  if (found === undefined) return;
  // A code with broken percent-encoding is kept as it is: the server refuses it, and the banner says the link is not valid.
  try {
    page.code = decodeURIComponent(found.slice(PARAM.length));
  } catch {
    page.code = found.slice(PARAM.length);
  }
  const rest = parts.filter((part) => part !== found).join('&');
  const { pathname, search } = globalThis.location;
  globalThis.history.replaceState(globalThis.history.state, '', `${pathname}${search}${rest ? `#${rest}` : ''}`);
}

/**
 * The preview client of this page for `api` and `org`: on a page opened with a preview code, the first session asking
 * gets a client for that code (and keeps it); every other one, and every session of a page without a code, undefined
 * (it uses the shared client as before).
 */
export function previewClientFor(api: string, org: string): PreviewClient | undefined {
  takePreviewCode();
  const page = store[KEY]!;
  const baseUrl = absoluteApiUrl(api);
  const key = `${baseUrl} ${org}`;
  const known = page.clients.get(key);
  if (known || page.code === null) return known;
  const client = createPreviewClient({ baseUrl, organization: org }, page.code);
  page.code = null;
  page.clients.set(key, client);
  return client;
}

/** "14:35": the hour and minute of an instant on this device's clock, as the person in front of it reads the time. */
const timeOf = (instant: string): string =>
  new Intl.DateTimeFormat(getLocale() === 'en' ? 'en-GB' : 'de-DE', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));

/** The banner's sentence for a preview that runs, is being opened, or is over (and why). */
function statusText(state: PreviewState): string {
  const close = msg('You can close this window.', { id: 'core.preview.close' });
  switch (state.end) {
    case null:
      return state.info
        ? [
            msg(str`Preview as ${state.info.person.name}`, { id: 'core.preview.as' }),
            msg('read-only', { id: 'core.preview.readOnly' }),
            msg(str`until ${timeOf(state.info.expiresAt)}`, { id: 'core.preview.until' }),
          ].join(' · ')
        : msg('Opening the preview…', { id: 'core.preview.opening' });
    case 'ended':
    case 'revoked':
      return `${msg('Preview ended.', { id: 'core.preview.ended' })} ${close}`;
    case 'expired':
      return `${msg('The preview has expired.', { id: 'core.preview.expired' })} ${close}`;
    case 'invalid':
      return msg('This preview link is not valid: it has expired or was used already. Please start the preview again.', { id: 'core.preview.invalid' });
    case 'unreachable':
      return msg('The preview could not be opened: the server is not answering. Please start the preview again.', { id: 'core.preview.unreachable' });
  }
}

/**
 * The banner of a preview (parts `preview-banner`, `preview-text`, `preview-end`): a region named "Vorschau"/"Preview"
 * whose sentence is a live status (WCAG 2.2 SC 4.1.3), and while the preview runs the button that ends it.
 */
export function renderPreviewBanner(state: PreviewState, end: () => void): TemplateResult {
  return html`<div part="preview-banner" class="hp-preview" role="region" aria-label=${msg('Preview', { id: 'core.preview.label' })}>
    <p part="preview-text" class="hp-preview-text" role="status" tabindex="-1">${statusText(state)}</p>
    ${state.end === null && state.info
      ? html`<button type="button" part="preview-end" class="hp-preview-end" @click=${end}>${msg('End preview', { id: 'core.preview.end' })}</button>`
      : nothing}
  </div>`;
}

/** Styles of {@link renderPreviewBanner}: a warning-tinted band, text and button in the session's tokens; 320 px wide. */
export const previewBannerStyles = css`
  .hp-preview {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s) var(--_space-m);
    margin-block-end: var(--_space-m);
    padding: var(--_space-s) var(--_space-m);
    color: var(--_text);
    background: var(--_warning-soft);
    border: 1px solid var(--_warning);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    font-family: var(--_font);
    font-size: var(--_font-size-s);
  }
  .hp-preview-text {
    flex: 1 1 14rem;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .hp-preview-text:focus {
    outline: none;
  }
  .hp-preview-end {
    min-height: 2.75rem;
    padding: 0 var(--_space-m);
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_text);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .hp-preview-end:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_focus-ring);
  }
`;

/**
 * Shows the banner in a session element whose client is a preview client: renders again on the locale's change (the
 * session's own re-render follows the client's changes), ends the preview with the button and then moves the focus
 * to the banner's sentence, since the button is gone. Once the preview is over, `hidesContent` is true: the session
 * shows only the banner, not widgets that would offer a login in a window meant for the preview.
 */
export class PreviewBannerController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly client: () => ApiClient | undefined,
  ) {
    host.addController(this);
    updateWhenLocaleChanges(host);
  }

  hostConnected(): void {
    // Out of the address before any widget inside (a router) reads it.
    takePreviewCode();
  }

  /** The preview state of the host's client, or null when it is not a preview. */
  get state(): PreviewState | null {
    const client = this.client();
    return isPreviewClient(client) ? client.preview : null;
  }

  get hidesContent(): boolean {
    return this.state?.end != null;
  }

  render(): TemplateResult | typeof nothing {
    const state = this.state;
    return state ? renderPreviewBanner(state, () => void this.end()) : nothing;
  }

  private async end(): Promise<void> {
    await this.client()?.logout();
    await this.host.updateComplete;
    this.host.shadowRoot?.querySelector<HTMLElement>('.hp-preview-text')?.focus();
  }
}
