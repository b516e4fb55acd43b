import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextEvent, type Context, type ContextCallback, type ContextType } from '@lit/context';
import type { ApiClient } from '@hausportal/api';
import { apiContext, sessionContext, type Session } from './context.js';
import { HpSessionConnectedEvent } from './events.js';
import { themeAttribute } from './org-theme.js';

// Keyed by Symbol.for, so every bundled copy of core on a page sees the same sessions and warns once (DESIGN §3).
const SESSIONS = Symbol.for('hausportal.sessions');
const WARNED = Symbol.for('hausportal.page-session-warned');
const store = globalThis as unknown as { [SESSIONS]?: Set<HTMLElement>; [WARNED]?: Set<string> };

/** The `<hp-session>` elements connected to this page right now. */
function connectedSessions(): Set<HTMLElement> {
  return (store[SESSIONS] ??= new Set());
}

/**
 * Called by `<hp-session>` when it connects: it is listed for widgets outside any session, and the document gets an
 * {@link HpSessionConnectedEvent} so widgets that connected first can take it now.
 */
export function announceSession(session: HTMLElement): void {
  connectedSessions().add(session);
  session.ownerDocument.dispatchEvent(new HpSessionConnectedEvent(session));
}

/** Called by `<hp-session>` when it disconnects. */
export function retireSession(session: HTMLElement): void {
  connectedSessions().delete(session);
}

/**
 * Whether the element sits inside a session: an ancestor provider answers a (non-subscribing) context request right
 * away, or an ancestor `…-session` element is not defined yet (the page's ContextRoot answers the widget once it is).
 */
export function hasSessionAbove(host: HTMLElement): boolean {
  let answered = false;
  host.dispatchEvent(new ContextEvent(sessionContext, host, () => (answered = true)));
  if (answered) return true;
  for (let node: Node | null = host.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (node instanceof Element && node.localName.endsWith('-session') && !customElements.get(node.localName)) return true;
  }
  return false;
}

/**
 * `idle`: not looking (inside a session, standalone, or disconnected); `waiting`: the page is still loading or an
 * `<hp-session>` on it is not defined yet; `attached`: using a session of the page; `missing`: the page has no session
 * for it, so the widget shows a hint for the page author.
 */
export type PageSessionStatus = 'idle' | 'waiting' | 'attached' | 'missing';

/** What the controller hands its widget: the session's client and session, or undefined when it lets go. */
export interface PageSessionTarget {
  setApi(api: ApiClient | undefined): void;
  setSession(session: Session | undefined): void;
  /** No session of the widget's `org` is on the page: run its own client of `/api` and that org. */
  standalone(): void;
}

/**
 * Finds the page's `<hp-session>` for a widget that has none above it — in WordPress, for instance, `wpautop` wraps the
 * snippet's lines in `<p>` and the parser closes `<hp-session>` early, leaving later widgets outside. Rules (issue 8):
 * a widget without an `org` attribute takes the page's only session, or of several the nearest one before it in
 * document order (warning once when they belong to different organizations); one with `org` takes a session of that
 * org, else runs its own client (`target.standalone()`). A session that connects later is taken when it announces
 * itself ({@link HpSessionConnectedEvent}) or when the document finishes loading — never by polling. With none, the
 * status is `missing` and the console is warned once per page. The client and session are subscribed through the
 * session's own context providers, so the widget follows login, logout and language like one inside.
 */
export class PageSessionController implements ReactiveController {
  status: PageSessionStatus = 'idle';
  private readonly unsubscribe = new Map<string, () => void>();
  private stopWaiting?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly target: PageSessionTarget,
  ) {
    host.addController(this);
  }

  /** Looks for the page's session; the host calls it after connecting when no session is above it. */
  find(): void {
    this.stopWaiting?.();
    const org = this.host.getAttribute('org');
    const session = this.pick(org);
    if (session) return this.attach(session);
    const doc = this.host.ownerDocument;
    // Still parsing, or a session of the page (any tag prefix) is not defined yet: it announces itself once it is.
    const arriving =
      doc.readyState === 'loading' ||
      [...doc.querySelectorAll(':not(:defined)')].some((s) => s.localName.endsWith('-session') && (!org || s.getAttribute('org') === org));
    if (!arriving && org) {
      this.setStatus('idle');
      return this.target.standalone();
    }
    this.setStatus(arriving ? 'waiting' : 'missing');
    if (!arriving) {
      const tag = this.host.localName;
      warnOnce(
        'missing',
        `Hausportal: <${tag}> is outside any <hp-session>, and this page has none, so it cannot load anything. Put it inside ` +
          `<hp-session api="…" org="…">, or give it api and org attributes. A CMS editor may have split the snippet: in ` +
          `WordPress use a "Custom HTML" block (the classic editor and the Text widget wrap lines in <p>), in TYPO3 a ` +
          `"Plain HTML" content element.`,
        this.host,
      );
    }
    this.waitForSession(doc);
  }

  hostDisconnected(): void {
    this.stopWaiting?.();
    const attached = this.status === 'attached';
    for (const stop of this.unsubscribe.values()) stop();
    this.unsubscribe.clear();
    this.status = 'idle';
    // Values that came from a page session go with it; the next connect looks again.
    if (attached) {
      this.target.setApi(undefined);
      this.target.setSession(undefined);
    }
  }

  private pick(org: string | null): HTMLElement | null {
    const doc = this.host.ownerDocument;
    const candidates = [...connectedSessions()]
      .filter((s) => s.isConnected && s.ownerDocument === doc && (!org || orgOf(s) === org))
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    if (candidates.length === 0) return null;
    // The nearest before the widget: in a page split by an editor, the session it was written inside.
    const before = candidates.filter((s) => s.compareDocumentPosition(this.host) & Node.DOCUMENT_POSITION_FOLLOWING);
    const chosen = before.at(-1) ?? candidates[0]!;
    const orgs = new Set(candidates.map(orgOf));
    if (orgs.size > 1) {
      warnOnce(
        `several ${this.host.localName}`,
        `Hausportal: <${this.host.localName}> is outside any <hp-session>, and this page has sessions of several ` +
          `organizations (${[...orgs].join(', ')}); it uses the nearest one before it (org="${orgOf(chosen)}"). Give it an ` +
          `org attribute to choose.`,
        this.host,
      );
    }
    return chosen;
  }

  private attach(session: HTMLElement): void {
    const subscribe = <C extends Context<unknown, unknown>>(key: string, context: C, set: (value: ContextType<C>) => void) => {
      const callback: ContextCallback<ContextType<C>> = (value, unsubscribe) => {
        if (unsubscribe) {
          const previous = this.unsubscribe.get(key);
          if (previous && previous !== unsubscribe) previous();
          this.unsubscribe.set(key, unsubscribe);
        }
        set(value);
      };
      // Asked of the session element itself, for the widget: its provider answers as if the widget were inside.
      session.dispatchEvent(new ContextEvent(context, this.host, callback, true));
    };
    this.setStatus('attached');
    subscribe('api', apiContext, (api) => this.target.setApi(api));
    subscribe('session', sessionContext, (value) => this.target.setSession(value));
    this.followTheme(session);
  }

  /**
   * The organization theme is a rule for the session's `data-hp-theme` (org-theme.ts); the widget carries the same
   * value while attached, so it shows the organization's colours, font and radius like the widgets inside.
   */
  private followTheme(session: HTMLElement): void {
    const copy = () => {
      const id = session.getAttribute(themeAttribute);
      if (id) this.host.setAttribute(themeAttribute, id);
      else this.host.removeAttribute(themeAttribute);
    };
    copy();
    const observer = new MutationObserver(copy);
    observer.observe(session, { attributes: true, attributeFilter: [themeAttribute] });
    this.unsubscribe.set('theme', () => {
      observer.disconnect();
      this.host.removeAttribute(themeAttribute);
    });
  }

  /** Looks again when a session announces itself or the document has finished loading. */
  private waitForSession(doc: Document): void {
    const again = () => this.find();
    doc.addEventListener(HpSessionConnectedEvent.eventName, again);
    doc.addEventListener('DOMContentLoaded', again);
    this.stopWaiting = () => {
      doc.removeEventListener(HpSessionConnectedEvent.eventName, again);
      doc.removeEventListener('DOMContentLoaded', again);
      this.stopWaiting = undefined;
    };
  }

  private setStatus(status: PageSessionStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.host.requestUpdate();
  }
}

/** The organization of a session element: its session's org (also for a handed-in client), else its attribute. */
function orgOf(session: HTMLElement): string {
  return (session as HTMLElement & { session?: Session }).session?.org || session.getAttribute('org') || '';
}

function warnOnce(key: string, text: string, element: HTMLElement): void {
  const warned = (store[WARNED] ??= new Set());
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(text, element);
}
