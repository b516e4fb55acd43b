import type { Overview, OverviewProperty } from '@hausportal/api';

// Demo answers of GET /overview for tests and stories: Katharina Huber (tenant, Vienna), Elisabeth Wagner (owner of
// four units in two properties) and a person without a current unit. Dates lie around `now`.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

const naschmarkt = (imageUrl: string | null, roles: OverviewProperty['roles']): OverviewProperty => ({
  id: 'prop-naschmarkt',
  name: 'Wohnhausanlage Naschmarkt',
  address: { street: 'Linke Wienzeile 48', postalCode: '1060', city: 'Wien', country: 'AT' },
  imageUrl,
  roles,
  contacts: [
    { category: 'case_manager', name: 'Mag. Petra Hofbauer', phone: '+43 1 587 33 10-12', email: 'p.hofbauer@immopro.example', officeHours: 'Mo–Do 9–12 Uhr' },
    roles.includes('owner')
      ? { category: 'accounting', name: 'Ing. Stefan Gruber', phone: '+43 1 587 33 10-25', email: 'weg-buchhaltung@immopro.example', officeHours: null }
      : { category: 'accounting', name: 'Sandra Leitner', phone: '+43 1 587 33 10-20', email: 'mietenbuchhaltung@immopro.example', officeHours: 'Di 13–16 Uhr' },
    { category: 'caretaker', name: 'Josef Novak', phone: '+43 664 412 77 03', email: null, officeHours: null },
  ],
});

/** A picture of a house front (an SVG data URL), so that no request is needed for it. */
export const housePicture =
  'data:image/svg+xml,' +
  encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180"><rect width="320" height="180" fill="#cfe0f4"/><rect x="80" y="40" width="160" height="140" fill="#b08a6e"/><rect x="105" y="70" width="30" height="30" fill="#fff"/><rect x="185" y="70" width="30" height="30" fill="#fff"/></svg>');

/** Katharina Huber: one flat (a credit), three documents (one new), five notices (danger first), three open requests. */
export function demoOverview(now = Date.now(), imageUrl: string | null = housePicture): Overview {
  // The water is shut off the day after tomorrow from 06:00 UTC (08:00 in Vienna in summer) for six hours.
  const shutOff = Math.floor(now / DAY) * DAY + 2 * DAY + 6 * HOUR;
  return {
    asOf: iso(now),
    person: {
      name: 'Katharina Huber',
      email: 'katharina.huber@example.com',
      phone: '+43 664 1234567',
      address: { street: 'Gumpendorfer Straße 81/7', postalCode: '1060', city: 'Wien', country: 'AT' },
    },
    properties: [naschmarkt(imageUrl, ['tenant'])],
    balances: [{ unitId: 'unit-7', propertyId: 'prop-naschmarkt', top: '7', role: 'tenant', balanceCents: -12840, overdueCents: 0, payable: false }],
    documents: [
      { id: 'doc-bk', title: 'Betriebskostenabrechnung 2025 – Top 7', category: 'BK-Abrechnung', publishedAt: iso(now - DAY), unread: true },
      { id: 'doc-hausordnung', title: 'Hausordnung Wohnhausanlage Naschmarkt', category: 'Hausordnung', publishedAt: iso(now - 5 * DAY), unread: false },
      { id: 'doc-energie', title: 'Energieausweis Top 7', category: 'Energieausweis', publishedAt: iso(now - 40 * DAY), unread: false },
    ],
    notices: [
      { id: 'post-wasser', title: 'Abschaltung der Trinkwasserversorgung', type: 'danger', publishedAt: iso(now - DAY), unread: true, appointmentFrom: iso(shutOff) },
      { id: 'post-legionellen', title: 'Legionellenprüfung im Haus', type: 'warning', publishedAt: iso(now - 3 * DAY), unread: false, appointmentFrom: iso(now + 5 * DAY) },
      { id: 'post-heizkosten', title: 'Merkblatt „Heizkosten sparen“', type: 'info', publishedAt: iso(now - 12 * DAY), unread: false, appointmentFrom: null },
      { id: 'post-hausordnung', title: 'Hausordnung – bitte zur Kenntnis nehmen', type: 'neutral', publishedAt: iso(now - 20 * DAY), unread: true, appointmentFrom: null },
      { id: 'post-sperrmuell', title: 'Metallschrott und Sperrmüll', type: 'neutral', publishedAt: iso(now - 6 * DAY), unread: true, appointmentFrom: null },
    ],
    tickets: [
      { id: 'ticket-11', number: '2026-00011', subject: 'Guthabensanforderung', status: 'new', updatedAt: iso(now - DAY / 2), unread: false },
      { id: 'ticket-7', number: '2026-00007', subject: 'Wasserfleck an der Küchendecke', status: 'in_progress', updatedAt: iso(now - 2 * DAY), unread: true },
      { id: 'ticket-4', number: '2026-00004', subject: 'Liftkosten in der BK-Abrechnung 2025', status: 'waiting', updatedAt: iso(now - 9 * DAY), unread: true },
    ],
    nextAppointment: { postId: 'post-wasser', title: 'Abschaltung der Trinkwasserversorgung', from: iso(shutOff), to: iso(shutOff + 6 * HOUR) },
    unread: { documents: 1, notices: 3, tickets: 2, appointments: 1 },
  };
}

/** Elisabeth Wagner: four units in two properties, one of them owing (payable, part overdue); owners' contacts. */
export function ownerOverview(now = Date.now(), imageUrl: string | null = housePicture): Overview {
  const base = demoOverview(now, imageUrl);
  const kahlenberg: OverviewProperty = {
    ...naschmarkt(imageUrl, ['owner']),
    id: 'prop-kahlenberg',
    name: 'Kahlenberger Straße 12',
    address: { street: 'Kahlenberger Straße 12', postalCode: '1190', city: 'Wien', country: 'AT' },
  };
  const unit = (top: string, propertyId: string, balanceCents = 0, overdueCents = 0) =>
    ({ unitId: `unit-${top}`, propertyId, top, role: 'owner' as const, balanceCents, overdueCents, payable: balanceCents > 0 });
  return {
    ...base,
    person: { name: 'Dr. Elisabeth Wagner', email: 'elisabeth.wagner@example.org', phone: null, address: { street: 'Döblinger Hauptstraße 66/3', postalCode: '1190', city: 'Wien', country: 'AT' } },
    properties: [kahlenberg, naschmarkt(imageUrl, ['owner'])],
    balances: [unit('2', 'prop-kahlenberg', 48630, 24315), unit('3', 'prop-naschmarkt'), unit('9', 'prop-naschmarkt', -5000), unit('G1', 'prop-naschmarkt')],
    tickets: [],
    unread: { ...base.unread, tickets: 0 },
  };
}

/** A person whose contracts have all ended (or not begun): no unit, no notice, nothing to read. */
export function noUnitsOverview(now = Date.now()): Overview {
  return {
    ...demoOverview(now),
    properties: [],
    balances: [],
    documents: [],
    notices: [],
    tickets: [],
    nextAppointment: null,
    unread: { documents: 0, notices: 0, tickets: 0, appointments: 0 },
  };
}
