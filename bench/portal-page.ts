// The in-page half of the portal bench: added to /portal.html as an init script (bundled by bench/portal.ts). The
// bench arms it before clicking "Anmelden"; it takes the click's time stamp and then looks at every animation frame
// until <hp-overview> is complete: no loading placeholder, every card the person's overview has. Times are the
// page's performance clock (ms since the navigation started).

/** One sign-in, in ms from the click on "Anmelden". */
export interface SignInTiming {
  /** Click → the first frame with the overview complete. */
  ms: number;
  /** Click → the end of the answer of POST /api/auth/login (Resource Timing); null when it was not seen. */
  loginMs: number | null;
  /** Click → the end of the answer of GET /api/overview; null when it was not seen. */
  overviewMs: number | null;
}

export interface PortalBench {
  /** Waits for the next click on a submit button of `<hp-login>`, then for an overview with `cards` cards. */
  arm(cards: number): void;
  /** The timing of the armed sign-in, once the overview is complete. */
  done(): Promise<SignInTiming>;
}

declare global {
  interface Window {
    hausportalPortalBench: PortalBench;
  }
}

/** The overview's shadow root on the example page (`<hp-session>` › `<hp-portal>` › shadow › `<hp-overview>`). */
const overviewRoot = (): ShadowRoot | null | undefined => document.querySelector('hp-portal')?.shadowRoot?.querySelector('hp-overview')?.shadowRoot;

/** Every card there with its data, no placeholder left. */
function complete(cards: number): boolean {
  const root = overviewRoot();
  if (!root || root.querySelector('[part="loading"], .skeleton')) return false;
  return root.querySelectorAll('.grid [data-card]').length >= cards;
}

/** End of the latest answer for `path` (an /api path, without query) relative to `start`. */
function answered(path: string, start: number): number | null {
  const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const entry = entries.filter((e) => new URL(e.name).pathname === path && e.startTime >= start).at(-1);
  return entry ? entry.responseEnd - start : null;
}

const isSubmit = (node: EventTarget) => node instanceof HTMLButtonElement && node.type === 'submit' && !!node.closest('hp-login');

let pending: Promise<SignInTiming> = Promise.reject(new Error('not armed'));
pending.catch(() => undefined);

window.hausportalPortalBench = {
  arm(cards) {
    performance.clearResourceTimings();
    pending = new Promise<number>((resolve) => {
      const onClick = (event: Event) => {
        if (!event.composedPath().some(isSubmit)) return;
        window.removeEventListener('click', onClick, true);
        resolve(event.timeStamp);
      };
      window.addEventListener('click', onClick, true);
    }).then(
      (start) =>
        new Promise<SignInTiming>((resolve) => {
          const frame = () => {
            if (!complete(cards)) return void requestAnimationFrame(frame);
            resolve({ ms: performance.now() - start, loginMs: answered('/api/auth/login', start), overviewMs: answered('/api/overview', start) });
          };
          requestAnimationFrame(frame);
        }),
    );
  },
  done: () => pending,
};
