import { html, waitUntil } from '@open-wc/testing';
import type { Me, OrganizationPublic, UnreadCounts } from '@hausportal/api';
import { createFakeApi, demoMe, demoOrganization, sessionFixture, signedIn, type FakeRoutes } from '@hausportal/core/testing.js';
import { documentRoutes } from '../../documents/test/fixtures.js';
import { postRoutes } from '../../bulletin-board/test/fixtures.js';
import { ticketRoutes } from '../../ticket-list/test/fixtures.js';
import { formRoutes } from '../../message-form/test/fixtures.js';
import { statementRoutes } from '../../statement/test/fixtures.js';
import { demoOverview } from '../src/overview/testing.js';
import type { HpPortal } from '../src/index.js';
import { elementImports } from '../src/elements.js';
import '../src/define.js';

// Every view's widget is defined before the tests, so they time the portal and not the first compile of each widget;
// loading them on first use is tested in lazy.test.ts.
await Promise.all(Object.values(elementImports).map((load) => load()));

/** The counts GET /overview answers unless a test says otherwise. */
export const someUnread: UnreadCounts = { documents: 2, notices: 3, tickets: 1, appointments: 1 };

/**
 * A fake API with every view's data: units W2 (tenant) and Top 3 (owner) with their statement, documents, notices,
 * tickets ("2026-00042" is `t-wasserhahn`), forms and GET /overview (Katharina Huber's) with the counts `unread`.
 */
export function portalRoutes(options: { unread?: UnreadCounts; overrides?: FakeRoutes } = {}): FakeRoutes {
  return {
    ...documentRoutes().routes,
    ...postRoutes().routes,
    ...ticketRoutes().routes,
    ...formRoutes().routes,
    ...statementRoutes(),
    'GET /overview': signedIn(() => ({ ...demoOverview(), unread: options.unread ?? someUnread })),
    ...options.overrides,
  };
}

/** The organization with `features` added to the demo's. */
export const withFeatures = (features: Record<string, boolean>): OrganizationPublic => ({ ...demoOrganization, features: { ...demoOrganization.features, ...features } });

export interface PortalOptions {
  /** The signed-in person (the demo tenant unless given; null: nobody). */
  user?: Me | null;
  lang?: 'de' | 'en';
  organization?: OrganizationPublic;
  routes?: FakeRoutes;
}

/** `<hp-portal>` in a session on the fake API, once the session has settled and the portal has rendered it. */
export async function portal(options: PortalOptions = {}) {
  const fake = createFakeApi(options.routes ?? portalRoutes(), {
    user: options.user === undefined ? demoMe : options.user,
    organization: options.organization ?? demoOrganization,
  });
  const el = await sessionFixture<HpPortal>(html`<hp-portal></hp-portal>`, { client: fake.client, lang: options.lang ?? 'de' });
  await waitUntil(() => !$(el, '[part=loading]'), 'the portal did not settle');
  return { el, fake };
}

/** The first element in the portal's shadow root matching `selector`. */
export const $ = <T extends Element = HTMLElement>(el: HpPortal, selector: string) => el.shadowRoot!.querySelector<T>(selector);

/** The widget of the current view. */
export const view = (el: HpPortal) => el.viewElement;

/** The names of the navigation's links, in order. */
export const navLabels = (el: HpPortal) => [...el.shadowRoot!.querySelectorAll('[part=nav] a .label')].map((l) => l.textContent!.trim());

/** The navigation's link named `label`. */
export const navLink = (el: HpPortal, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part=nav] a')].find((a) => a.querySelector('.label')!.textContent!.trim() === label)!;

/** Waits until the view `name` shows (its widget rendered, with its shadow root). */
export async function shows(el: HpPortal, name: string): Promise<HTMLElement> {
  await waitUntil(() => view(el)?.dataset.view === name && !!view(el)!.shadowRoot, `the view ${name} did not show (shows ${view(el)?.dataset.view})`);
  return view(el)!;
}

/** Opens the header menu `id` and waits for its content, which is imported when a menu is first opened (header.ts). */
export async function openMenu(el: HpPortal, id: 'notifications' | 'user'): Promise<HTMLElement> {
  $(el, `#${id}-button`)!.click();
  await waitUntil(() => $(el, `#${id}-panel`)?.childElementCount, `the ${id} menu showed nothing`);
  return $<HTMLElement>(el, `#${id}-panel`)!;
}

/** The element that has the focus, looking into shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Empties the location hash, so each test starts on the overview. */
export function clearHash(): void {
  history.replaceState(null, '', location.pathname + location.search);
}
