import type { PostCategory, PostDetail, PostFile, PostPage, PostPlace, PostSummary, PostType } from '@hausportal/api';

// No DOM and no element here: Node scripts (the bench, the mock API) import this file as
// `@hausportal/bulletin-board/testing.js`.

const DAY = 86_400_000;

const names: [key: string, de: string, en: string][] = [
  ['allgemein', 'Allgemein', 'General'],
  ['hausordnung', 'Hausordnung', 'House rules'],
  ['merkblaetter', 'Merkblätter', 'Leaflets'],
  ['problemabfaelle', 'Problemabfälle/Sondermüll', 'Hazardous waste'],
  ['garagenordnung', 'Garagenordnung', 'Garage rules'],
  ['wartung', 'Wartung & Reparatur', 'Maintenance & repairs'],
  ['reinigung', 'Reinigung', 'Cleaning'],
  ['heizung-wasser', 'Heizung & Wasser', 'Heating & water'],
  ['lift', 'Lift', 'Lift'],
  ['veranstaltung', 'Veranstaltung', 'Event'],
];

/** The organization's notice categories as the seed makes them (server/src/posts/categories.ts), in their order. */
export const postCategories: PostCategory[] = names.map(([key, de, en]) => ({ id: `cat-${key}`, key, name: { de, en } }));

const category = (key: string): PostCategory => postCategories.find((c) => c.key === key)!;

/** The demo tenant's two properties. */
export const postPlaces = {
  naschmarkt: { id: 'property-naschmarkt', name: 'Linke Wienzeile 48' },
  gumpendorf: { id: 'property-gumpendorf', name: 'Gumpendorfer Straße 14' },
} satisfies Record<string, PostPlace>;

/** An attachment of a notice; images have a JPEG preview. */
export function postFile(id: string, name: string, size: number, image = false): PostFile {
  return { id, name, mime: image ? 'image/jpeg' : 'application/pdf', size, image, thumb: image };
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The plain text of a notice's HTML body, as the server makes the excerpt: tags out, entities decoded, spaces collapsed. */
export const plainText = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => entities[name]!)
    .replace(/\s+/g, ' ')
    .trim();

/** A notice as GET /posts/{id} answers it, unread, published a day before `now` unless `extra` says otherwise. */
export function postDetail(id: string, type: PostType, title: string, bodyHtml: string, categoryKey: string, now: number, extra: Partial<PostDetail> = {}): PostDetail {
  const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);
  const excerpt = plainText(bodyHtml);
  const detail: PostDetail = {
    id,
    title,
    type,
    category: category(categoryKey),
    pinned: type === 'danger',
    requiresAck: false,
    visibleFrom: day(-1),
    visibleUntil: null,
    publishedAt: new Date(now - DAY).toISOString(),
    revisedAt: null,
    revision: 1,
    excerpt: excerpt.length > 200 ? `${excerpt.slice(0, 199)}…` : excerpt,
    appointment: null,
    attachmentCount: 0,
    properties: [postPlaces.naschmarkt],
    read: { seenAt: null, openedAt: null, acknowledgedAt: null },
    bodyHtml,
    link: null,
    attachments: [],
    ...extra,
  };
  return { ...detail, attachmentCount: detail.attachments.length };
}

/** The notice as GET /posts lists it. */
export function summaryOf(post: PostDetail): PostSummary {
  const { bodyHtml, link, attachments, ...summary } = post;
  return summary;
}

/** Ten o'clock of the day `days` after `now`, in UTC (Vienna: 11:00 or 12:00). */
const at = (now: number, days: number, hours = 0) => new Date(Math.floor(now / DAY) * DAY + days * DAY + (8 + hours) * 3_600_000).toISOString();
const dayAfter = (now: number, days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);

/**
 * The six Portal24 examples as the demo tenant sees them, dates around `now`: the water shut-off (danger, appointment,
 * acknowledgement), the Legionella test (warning, all-day appointment), the house rules (pinned, revised,
 * acknowledgement, PDF), the leaflet on heating costs (info, two pictures, a link), scrap metal and bulky waste, and
 * the summer party (read, at the other property). In the server's order.
 */
export function demoPosts(now = Date.now()): PostDetail[] {
  const ago = (days: number) => new Date(now - days * DAY).toISOString();
  return [
    postDetail('post-wasser', 'danger', 'Abschaltung der Trinkwasserversorgung', '<p>Wegen dringender Arbeiten an der Steigleitung ist die <strong>Trinkwasserversorgung</strong> im ganzen Haus abgeschaltet.</p><p>Bitte füllen Sie vorher Wasser für Küche und WC ab.</p>', 'heizung-wasser', now, {
      requiresAck: true,
      visibleUntil: dayAfter(now, 4),
      publishedAt: ago(0.2),
      appointment: { start: at(now, 3), end: at(now, 3, 4), allDay: false, place: 'Ganzes Haus, Stiegen 1 und 2' },
      attachments: [postFile('f-aushang', 'Aushang Wasserabschaltung.pdf', 84_200)],
    }),
    postDetail('post-hausordnung', 'neutral', 'Hausordnung', '<p>Die Eigentümergemeinschaft hat die Hausordnung geändert: Ruhezeiten sind werktags von 22 bis 6 Uhr.</p><ul><li>Kinderwagen im Erdgeschoß abstellen</li><li>Keine Grillfeuer auf den Balkonen</li></ul>', 'hausordnung', now, {
      pinned: true,
      requiresAck: true,
      publishedAt: ago(40),
      revisedAt: ago(2),
      revision: 2,
      read: { seenAt: ago(30), openedAt: null, acknowledgedAt: null },
      attachments: [postFile('f-hausordnung', 'Hausordnung 2026.pdf', 212_000)],
    }),
    postDetail('post-legionellen', 'warning', 'Legionellenprüfung', '<p>Die jährliche Legionellenprüfung des Warmwassers findet statt. Bitte ermöglichen Sie den Zutritt zu Bad und Küche.</p>', 'wartung', now, {
      visibleUntil: dayAfter(now, 8),
      publishedAt: ago(1),
      appointment: { start: dayAfter(now, 7), end: dayAfter(now, 8), allDay: true, place: 'Alle Wohnungen' },
    }),
    postDetail('post-heizkosten', 'info', 'Merkblatt „Heizkosten sparen“', '<p>Mit ein paar Handgriffen sparen Sie Heizkosten: Stoßlüften statt Kippfenster, Heizkörper nicht verstellen, Thermostat nachts auf 17 °C.</p>', 'merkblaetter', now, {
      publishedAt: ago(3),
      link: { url: 'https://www.energie.gv.at/', text: 'Mehr Energiespartipps' },
      attachments: [postFile('f-thermostat', 'Thermostat.jpg', 310_000, true), postFile('f-fenster', 'Stoßlüften.jpg', 280_000, true), postFile('f-merkblatt', 'Merkblatt Heizkosten.pdf', 120_000)],
    }),
    postDetail('post-sperrmuell', 'neutral', 'Metallschrott und Sperrmüll', '<p>Im Innenhof steht ein Container für Metallschrott und Sperrmüll bereit. Elektrogeräte und Problemstoffe bitte nicht einwerfen.</p>', 'problemabfaelle', now, {
      publishedAt: ago(5),
      visibleUntil: dayAfter(now, 10),
      appointment: { start: dayAfter(now, 9), end: null, allDay: true, place: 'Innenhof' },
    }),
    postDetail('post-sommerfest', 'neutral', 'Sommerfest', '<p>Wir laden alle Bewohnerinnen und Bewohner herzlich zum Sommerfest im Garten ein. Für Getränke ist gesorgt.</p>', 'veranstaltung', now, {
      publishedAt: ago(6),
      properties: [postPlaces.gumpendorf],
      appointment: { start: at(now, 12, 8), end: at(now, 12, 12), allDay: false, place: 'Garten' },
      read: { seenAt: ago(5), openedAt: ago(5), acknowledgedAt: null },
      attachments: [postFile('f-fest', 'Sommerfest 2025.jpg', 410_000, true)],
    }),
  ];
}

const rank = (p: PostSummary) => (p.pinned || p.type === 'danger' ? 0 : 3) + (p.type === 'danger' ? 0 : p.type === 'warning' ? 1 : 2);
const latest = (p: PostSummary) => p.revisedAt ?? p.publishedAt;

/** Notices in the order GET /posts lists them: pinned (and danger), danger, warning, the rest; newest first in each. */
export const boardOrder = <T extends PostSummary>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => rank(a) - rank(b) || latest(b).localeCompare(latest(a)) || a.id.localeCompare(b.id));

/** `n` made-up notices of every type and category (no appointment or files), in the server's order. */
export function generatePosts(n: number, now = Date.now()): PostDetail[] {
  const types: PostType[] = ['neutral', 'info', 'neutral', 'warning', 'neutral', 'info'];
  return boardOrder(
    Array.from({ length: n }, (_, i) =>
      postDetail(`post-${String(i + 1).padStart(4, '0')}`, types[i % types.length]!, `Mitteilung Nr. ${i + 1}`, `<p>Text der Mitteilung Nr. ${i + 1}.</p>`, names[i % names.length]![0], now, {
        publishedAt: new Date(now - (i + 1) * 3_600_000).toISOString(),
        read: { seenAt: null, openedAt: i % 3 ? new Date(now).toISOString() : null, acknowledgedAt: null },
      }),
    ),
  );
}

/** What GET /posts filters by. */
export interface PostQuery {
  property?: string | null;
  category?: string | null;
  type?: string | null;
  unread?: string | null;
}

const unread = (p: PostSummary) => !p.read.openedAt;

/**
 * One page of `all` (in the server's order) as GET /posts answers it: filtered by `query`, `limit` long from `cursor`
 * (an opaque offset), `unreadCount` and `categories` over all of them.
 */
export function postPage(all: readonly PostDetail[], query: PostQuery = {}, limit = 100, cursor?: string | null): PostPage {
  const items = all
    .filter((p) => (!query.property || p.properties.some((x) => x.id === query.property)) && (!query.category || p.category.id === query.category))
    .filter((p) => (!query.type || p.type === query.type) && (query.unread !== 'true' || unread(p)));
  const start = cursor ? parseInt(cursor.slice(2), 36) : 0;
  const end = Math.min(start + limit, items.length);
  const used = new Set(all.map((p) => p.category.id));
  return {
    items: items.slice(start, end).map(summaryOf),
    nextCursor: end < items.length ? `at${end.toString(36)}` : null,
    unreadCount: all.filter(unread).length,
    categories: postCategories.filter((c) => used.has(c.id)),
  };
}
