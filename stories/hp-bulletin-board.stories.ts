import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import '@hausportal/bulletin-board/define.js';
import { ownerElisabeth, tenantThomas } from './mocks/index.js';
import { dangerArrives, manyPosts, noPosts, onePost, postDetailFails, postHandlers, postsFail, postsPending, withdrawnAfterLoad } from './mocks/posts.js';
import { residentStories } from './mocks/resident.js';

const log = (name: string) => (e: CustomEvent) => console.info(name, e.detail);

/** The board; `post` opens a notice directly, `refresh` is the refresh interval in seconds. */
const widget = (post = '', refresh = 300): TemplateResult =>
  html`<hp-bulletin-board post=${post} refresh-interval=${refresh} @hp-posts-unread=${log('hp-posts-unread')}></hp-bulletin-board>`;
const { handlers, as, signedOut } = residentStories(postHandlers);

const meta: Meta = {
  title: 'Widgets/hp-bulletin-board',
  component: 'hp-bulletin-board',
  render: () => widget(),
  parameters: {
    ...handlers(),
    docs: {
      description: {
        component:
          'The bulletin board (Schwarzes Brett): the notices shown to me today in the server’s order (pinned and danger first, then warnings, then the newest). The type is told by colour, icon and text (Mitteilung, Info blue, Warnung yellow, Gefahrenhinweis red); "Angeheftet", "Neu" until opened, the category, published / "aktualisiert am …" / "bis …", the excerpt and the appointment. A title opens its notice in place (keyboard: Enter or Space): the body, "In Kalender" (.ics), pictures, attachments, the link and "Zur Kenntnis genommen" where asked for; opening marks it read (`hp-posts-unread`). Pictures open full size in a new tab. Filters by category, type, property (with notices of two or more; the notices then name their property) and unread, behind a "Filter" button on a narrow board; "Mehr laden"; "Drucken" prints only the board, every notice with its whole text. A notice withdrawn meanwhile leaves the list with a note saying so. The list refreshes every `refresh-interval` seconds while the page is visible and announces a new danger notice to screen readers. `compact` with `limit` and `property` is the short form for a portal overview; its titles fire `hp-post-open` (cancelable) before they open in place.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** Katharina Huber: the six Portal24 examples — water shut-off (danger, to acknowledge), house rules (pinned, updated, to acknowledge), Legionella test (warning, all-day appointment), heating-cost leaflet (info, pictures, link), scrap metal and bulky waste, and the summer party (read). */
export const TenantKatharina: Story = {};

/** Elisabeth Wagner owns flats in two properties: the property filter shows, and each notice names its property. */
export const OwnerTwoProperties: Story = { parameters: as(ownerElisabeth) };

/** Thomas Becker at Krüger in Hamburg; pick the Krüger theme in the toolbar. */
export const TenantHamburg: Story = { parameters: as(tenantThomas, 'krueger') };

/** A neutral notice ("Mitteilung"): text colour, a note icon. */
export const TypeNeutral: Story = { parameters: handlers(onePost('neutral')) };

/** An info notice: blue, an "i" icon. */
export const TypeInfo: Story = { parameters: handlers(onePost('info')) };

/** A warning ("Warnung"): yellow, a triangle, shown until a set day. */
export const TypeWarning: Story = { parameters: handlers(onePost('warning')) };

/** A danger notice ("Gefahrenhinweis"): red, an octagon, pinned, to acknowledge. */
export const TypeDanger: Story = { parameters: handlers(onePost('danger')), render: () => widget('post-danger') };

/** The water shut-off opened: body, the appointment with "In Kalender" (downloads the .ics), the notice as PDF, and "Zur Kenntnis genommen" (then "Zur Kenntnis genommen am …"). */
export const OpenedDangerWithAcknowledgement: Story = { render: () => widget('post-wasser') };

/** The heating-cost leaflet opened: two pictures (previews named "…, Bild 1 von 2"; a click opens the picture full size in a new tab), a PDF (downloads) and the link (new tab). */
export const OpenedWithPicturesAndLink: Story = { render: () => widget('post-heizkosten') };

/** The house rules opened: "aktualisiert am …", pinned, to acknowledge. */
export const OpenedRevised: Story = { render: () => widget('post-hausordnung') };

/** Compact, for a portal overview: the three first notices with type, title and date; titles fire `hp-post-open` and open in place. */
export const Compact: Story = {
  render: () => html`<hp-bulletin-board compact limit="3" @hp-post-open=${log('hp-post-open')}></hp-bulletin-board>`,
};

/** A danger notice arrives with the first refresh (after 10 s): it is listed first and announced politely to screen readers ("Neuer Gefahrenhinweis: …"). */
export const DangerArrives: Story = { parameters: handlers(dangerArrives()), render: () => widget('', 10) };

/** 45 notices: pages of 20 behind "Mehr laden" (the focus goes to the first new one). */
export const ManyNotices: Story = { parameters: handlers(manyPosts(45)) };

/** Still loading. */
export const Loading: Story = { parameters: handlers(postsPending()) };

/** No notices: "Keine aktuellen Mitteilungen". */
export const Empty: Story = { parameters: handlers(noPosts()) };

/** Loading failed; try again. */
export const LoadError: Story = { parameters: handlers(postsFail()) };

/** The list loads, but an opened notice cannot be loaded: the error with its retry inside the notice. */
export const DetailError: Story = { parameters: handlers(postDetailFails()), render: () => widget('post-legionellen') };

/** The summer party was withdrawn after the list loaded: opening it takes it off the list with "Diese Mitteilung wird Ihnen nicht mehr angezeigt." and the focus on the next notice. */
export const Withdrawn: Story = { parameters: handlers(withdrawnAfterLoad()) };

/** Nobody is signed in. */
export const LoggedOut: Story = { parameters: signedOut };

/** The smallest supported width, with the water shut-off open: the filters sit behind the "Filter" button (it counts the active ones). */
export const Narrow: Story = { render: () => html`<div style="inline-size: 320px">${widget('post-wasser')}</div>` };
