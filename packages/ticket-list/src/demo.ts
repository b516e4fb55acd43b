import type { TicketDetail, TicketField } from '@hausportal/api';
import { categories, entry, forms, me, staff, ticketDetail, ticketFile, ticketSummary } from './testing.js';

// No DOM here either: the demo tickets serve tests, the stories' mock API and the bench.

const DAY = 86_400_000;

const field = (key: string, de: string, en: string, shown: [de: string, en: string], type = 'select'): TicketField => ({
  key,
  type,
  label: { de, en },
  value: shown[0],
  display: { de: shown[0], en: shown[1] },
});

/**
 * A tenant's tickets as the reference server's demo seed has them, dated back from `now`: every status, an unread
 * answer, a building-wide ticket joined as affected, a waiting one with its reason, a done one that can be confirmed
 * or reopened, a closed one to rate, a document request fulfilled by a released document, photos, and an old one in
 * the archive. `name` is the tenant's. Newest change first.
 */
export function demoTickets(now = Date.now(), name = 'Katharina Huber'): TicketDetail[] {
  const ago = (days: number, hours = 0) => new Date(now - days * DAY - hours * 3_600_000).toISOString();
  const day = (days: number) => ago(-days).slice(0, 10);
  /** "05.04.2026" / "5 Apr 2026", as the server's `display` of a date field. */
  const shown = (days: number): [string, string] => {
    const d = new Date(now + days * DAY);
    const at = (locale: string, month: '2-digit' | 'short') => d.toLocaleDateString(locale, { day: month === 'short' ? 'numeric' : '2-digit', month, year: 'numeric', timeZone: 'UTC' });
    return [at('de-DE', '2-digit'), at('en-GB', 'short')];
  };
  const I = me(name);
  const hv = staff();
  const damage = (location: [string, string], category: [string, string], problem: [string, string], since: number) => [
    field('location', 'Schadensort', 'Location', location),
    field('category', 'Kategorie', 'Category', category),
    field('problem', 'Schadensart', 'Problem', problem),
    field('since', 'Seit wann', 'Since when', shown(since), 'date'),
    field('urgency', 'Dringlichkeit', 'Urgency', ['normal', 'normal']),
    field('access', 'Zutritt ohne mich erlaubt', 'Access without me', ['Ja', 'Yes'], 'yesno'),
  ];
  const tap = ticketSummary('t-wasserhahn', '2026-00042', 'Wasserhahn in der Küche tropft', 'in_progress', ago(0, 3), { createdAt: ago(3), unread: true });
  const lift = ticketSummary('t-lift', '2026-00039', 'Lift Stiege 2 steht', 'waiting', ago(1), {
    category: categories.lift, location: { key: 'lift', label: { de: 'Lift', en: 'Lift' } }, place: 'Linke Wienzeile 48', shared: true, affected: true, affectedCount: 6, createdAt: ago(4), unread: true,
  });
  const heating = ticketSummary('t-heizung', '2026-00044', 'Heizkörper im Wohnzimmer bleibt kalt', 'new', ago(0, 20), { category: categories.heating, location: { key: 'zimmer', label: { de: 'Zimmer', en: 'Room' } }, createdAt: ago(0, 20) });
  const door = ticketSummary('t-tuer', '2026-00031', 'Wohnungstür schließt nicht richtig', 'done', ago(2), { category: categories.windows, createdAt: ago(12) });
  const flush = ticketSummary('t-spuelung', '2026-00018', 'Klospülung läuft ständig nach', 'closed', ago(9), { location: { key: 'wc', label: { de: 'WC', en: 'Toilet' } }, createdAt: ago(30) });
  const lease = ticketSummary('t-mietvertrag', '2026-00025', 'Kopie des Mietvertrags', 'closed', ago(6), { form: forms.document, category: null, location: null, createdAt: ago(8) });
  const bikes = ticketSummary('t-fahrrad', '2026-00012', 'Zusätzlicher Fahrradständer im Hof', 'rejected', ago(15), { form: forms.general, category: null, location: null, place: 'Linke Wienzeile 48', createdAt: ago(40) });
  const light = ticketSummary('t-licht', '2025-00311', 'Licht im Stiegenhaus defekt', 'closed', ago(80), { category: categories.electric, place: 'Linke Wienzeile 48', shared: true, createdAt: ago(84) });
  return [
    ticketDetail(tap, {
      fields: damage(['Wohnung – Küche', 'Flat – kitchen'], ['Sanitär', 'Plumbing'], ['Armatur tropft', 'Tap drips'], -5),
      files: [ticketFile('f-tap-1', 'Küche Armatur.jpg', 1_840_000, ago(3)), ticketFile('f-tap-2', 'IMG_4711.jpg', 2_210_000, ago(3))],
      thread: [
        entry('e-tap-1', ago(2), hv, { status: 'in_progress' }),
        entry('e-tap-2', ago(2), hv, { body: 'Danke für die Meldung. Die Firma Installationen Novak meldet sich bei Ihnen für einen Termin.' }),
        entry('e-tap-3', ago(1), I, { body: 'Donnerstag ab 14 Uhr passt mir gut. Anbei noch ein Foto vom Unterschrank.', files: [ticketFile('f-tap-3', 'Unterschrank nass.jpg', 960_000, ago(1))] }),
        entry('e-tap-4', ago(0, 3), hv, { body: 'Der Installateur kommt am Donnerstag zwischen 14 und 16 Uhr.' }),
      ],
    }),
    ticketDetail(heating, {
      fields: damage(['Wohnung – Zimmer', 'Flat – room'], ['Heizung/Warmwasser', 'Heating/hot water'], ['Heizkörper wird nicht warm', 'Radiator stays cold'], -2),
      files: [ticketFile('f-heat-1', 'Thermostat Wohnzimmer.pdf', 120_000, ago(0, 20))],
      firstAnswerBy: day(2),
    }),
    ticketDetail(lift, {
      thread: [
        entry('e-lift-1', ago(3), hv, { status: 'in_progress' }),
        entry('e-lift-2', ago(1), hv, { status: 'waiting', reason: 'Ein Ersatzteil für die Steuerung ist bestellt. Bis dahin bitte Stiege 1 benutzen.', waitingUntil: day(6) }),
      ],
    }),
    ticketDetail(door, {
      fields: damage(['Wohnung – Vorraum', 'Flat – hall'], ['Fenster/Türen', 'Windows/doors'], ['Tür schließt schwer', 'Door hard to close'], -14),
      thread: [
        entry('e-door-1', ago(10), hv, { status: 'in_progress' }),
        entry('e-door-2', ago(2), hv, { status: 'done', reason: 'Das Schließblech wurde nachgestellt und das Schloss geölt.' }),
      ],
    }),
    ticketDetail(lease, {
      fields: [field('documentType', 'Dokument', 'Document', ['Mietvertrag', 'Lease']), field('period', 'Zeitraum', 'Period', ['2024', '2024'], 'text')],
      thread: [
        entry('e-lease-1', ago(6), hv, { document: { id: 'd-mietvertrag-top-7', title: 'Mietvertrag Top 7' } }),
        entry('e-lease-2', ago(6), hv, { status: 'closed' }),
      ],
    }),
    ticketDetail(flush, {
      fields: damage(['Wohnung – WC', 'Flat – toilet'], ['Sanitär', 'Plumbing'], ['Spülung läuft nach', 'Flush keeps running'], -31),
      files: [ticketFile('f-flush-1', 'Spülkasten.jpg', 1_100_000, ago(30))],
      thread: [
        entry('e-flush-1', ago(25), hv, { status: 'in_progress' }),
        entry('e-flush-2', ago(12), hv, { status: 'done', reason: 'Die Dichtung im Spülkasten wurde getauscht.' }),
        entry('e-flush-3', ago(9), I, { status: 'closed', reasonCode: 'confirmed' }),
      ],
    }),
    ticketDetail(bikes, {
      fields: [field('message', 'Nachricht', 'Message', ['Könnte im Hof ein zweiter Fahrradständer aufgestellt werden?', 'Could a second bike rack be put up in the courtyard?'], 'textarea')],
      thread: [entry('e-bikes-1', ago(15), hv, { status: 'rejected', reason: 'Die Eigentümergemeinschaft hat den Antrag in der Versammlung abgelehnt.' })],
    }),
    ticketDetail(light, {
      fields: damage(['Allgemeinfläche – Stiegenhaus', 'Common area – stairwell'], ['Elektro', 'Electrics'], ['Licht defekt', 'Light broken'], -85),
      thread: [entry('e-light-1', ago(82), hv, { status: 'done', reason: 'Die Leuchte im 2. Stock wurde getauscht.' }), entry('e-light-2', ago(80), staff(null), { status: 'closed', reasonCode: 'auto_closed' })],
      rating: { stars: 4 },
    }),
  ].sort((a, b) => b.changedAt.localeCompare(a.changedAt));
}
