// Demo data for Storybook: two property managers (one in Vienna, one in Hamburg) and their users.
import { dayIn, defaultPasswordPolicy, type Me, type OrganizationPublic, type Theme } from '@hausportal/api';
import { deriveTheme } from '@hausportal/api/theme.js';

// Organizations, themes and users mirror the reference server's demo seed (server/src/seed/data.ts), so stories
// look like the running demo.

/** Theme of ImmoPro Hausverwaltung (Vienna): burgundy and gold, derived as the server's seed derives it. */
export const immoproTheme: Theme = deriveTheme({
  primary: '#8a1538',
  accent: '#c8a45d',
  fontFamily: "'Source Sans 3', 'Segoe UI', system-ui, sans-serif",
  radius: '4px',
}).tokens;

/** Theme of Hausverwaltung Krüger (Hamburg): petrol and amber, derived as the server's seed derives it. */
export const kruegerTheme: Theme = deriveTheme({
  primary: '#0b5d7a',
  accent: '#e3a21a',
  fontFamily: "Inter, 'Helvetica Neue', Arial, sans-serif",
  radius: '10px',
}).tokens;

/** An organization's calendar fields at an instant, as the server answers them (the mock API answers with its clock). */
export const calendarAt = (now: Date, timeZone: string) => ({ timeZone, now: now.toISOString(), today: dayIn(now, timeZone) });

const allFeatures = { units: true, statement: true, documents: true, tickets: true, bulletinBoard: true, chatBot: true, expenseAccounts: true };

export const immopro: OrganizationPublic = {
  slug: 'immopro',
  name: 'ImmoPro Hausverwaltung GmbH',
  ...calendarAt(new Date(), 'Europe/Vienna'),
  logoUrl: null,
  theme: immoproTheme,
  legalLinks: {
    imprint: 'https://www.immopro.example/impressum',
    privacy: 'https://www.immopro.example/datenschutz',
    terms: 'https://www.immopro.example/nutzungsbedingungen',
  },
  features: allFeatures,
  // ImmoPro keeps the composition rules its customers know from the old portal.
  passwordPolicy: { ...defaultPasswordPolicy, requireUpper: true, requireLower: true, requireDigit: true },
  terms: {
    version: '2026-01',
    text: {
      de:
        'Nutzungsbedingungen des ImmoPro Kundenportals\n\n1. Das Portal steht Mieterinnen, Mietern, Eigentümerinnen und Eigentümern der von der ImmoPro Gruppe ' +
        '(ImmoPro Hausverwaltung GmbH, ImmoPro Facility Services GmbH, ImmoPro Bauträger GmbH, alle 1060 Wien) verwalteten Liegenschaften offen.\n' +
        '2. Zugangsdaten sind geheim zu halten.\n3. Dokumente im Portal ersetzen keine gesetzlich vorgeschriebene Zustellung.',
      en:
        'Terms of use of the ImmoPro customer portal\n\n1. The portal is open to tenants and owners of properties managed by the ImmoPro group ' +
        '(ImmoPro Hausverwaltung GmbH, ImmoPro Facility Services GmbH, ImmoPro Bauträger GmbH, all in 1060 Vienna).\n' +
        '2. Keep your login secret.\n3. Documents in the portal do not replace legally required delivery.',
    },
  },
};

export const krueger: OrganizationPublic = {
  slug: 'krueger',
  name: 'Hausverwaltung Krüger GmbH',
  ...calendarAt(new Date(), 'Europe/Berlin'),
  logoUrl: null,
  theme: kruegerTheme,
  legalLinks: {
    imprint: 'https://www.hv-krueger.example/impressum',
    privacy: 'https://www.hv-krueger.example/datenschutz',
    terms: 'https://www.hv-krueger.example/portal-agb',
  },
  features: { ...allFeatures, chatBot: false },
  passwordPolicy: { ...defaultPasswordPolicy },
  terms: {
    version: '2025-10',
    text: {
      de:
        'Nutzungsbedingungen des Kundenportals der Hausverwaltung Krüger GmbH, Mönckebergstraße 7, 20095 Hamburg.\n\n' +
        '1. Zugangsdaten sind vertraulich.\n2. Mitteilungen über das Portal gelten als zugegangen, sobald sie abrufbar sind.',
      en:
        'Terms of use of the customer portal of Hausverwaltung Krüger GmbH, Mönckebergstraße 7, 20095 Hamburg.\n\n' +
        '1. Keep your login confidential.\n2. Notices count as received once they are available in the portal.',
    },
  },
};

export const organizations: Record<string, OrganizationPublic> = { immopro, krueger };

const membership = (org: OrganizationPublic, role: Me['role']) => ({ organization: org.slug, organizationName: org.name, role });

/** Katharina Huber, tenant of a flat in Vienna's 6th district (ImmoPro). */
export const tenantKatharina: Me = {
  id: '01963f2a-7c1e-7b40-9d1a-2f6c8e4b1a01',
  email: 'katharina.huber@example.com',
  username: 'khuber',
  name: 'Katharina Huber',
  address: { street: 'Gumpendorfer Straße 81/7', postalCode: '1060', city: 'Wien', country: 'AT' },
  status: 'active',
  locale: 'de',
  notifications: 'immediate', digestHour: 7,
  phone: '+43 664 1234567',
  birthDate: '1986-04-12',
  organization: 'immopro',
  role: 'tenant',
  memberships: [membership(immopro, 'tenant')],
  mustChangePassword: false,
  termsAcceptedAt: '2026-01-14T08:31:12Z',
  termsVersion: '2026-01',
  pendingActions: [],
};

/** Markus Lehner: tenant at ImmoPro (Vienna) and owner of a flat managed by Krüger (Hamburg). */
export const tenantOwnerMarkus: Me = {
  id: '01963f2a-7c1e-7b40-9d1a-2f6c8e4b1a02',
  email: 'markus.lehner@example.net',
  username: 'mlehner',
  name: 'Markus Lehner',
  address: { street: 'Ottakringer Straße 120/12', postalCode: '1160', city: 'Wien', country: 'AT' },
  status: 'active',
  locale: 'de',
  notifications: 'none', digestHour: 7,
  phone: '+43 676 9876543',
  birthDate: null,
  organization: 'immopro',
  role: 'tenant',
  memberships: [membership(immopro, 'tenant'), membership(krueger, 'owner')],
  mustChangePassword: false,
  termsAcceptedAt: '2025-11-02T17:05:44Z',
  termsVersion: '2026-01',
  pendingActions: [],
};

/** Dr. Elisabeth Wagner, owner of a flat in Döbling (ImmoPro). */
export const ownerElisabeth: Me = {
  id: '01963f2a-7c1e-7b40-9d1a-2f6c8e4b1a03',
  email: 'elisabeth.wagner@example.org',
  username: 'ewagner',
  name: 'Dr. Elisabeth Wagner',
  address: { street: 'Döblinger Hauptstraße 66/3', postalCode: '1190', city: 'Wien', country: 'AT' },
  status: 'active',
  locale: 'de',
  notifications: 'immediate', digestHour: 7,
  phone: null,
  birthDate: '1958-11-03',
  organization: 'immopro',
  role: 'owner',
  memberships: [membership(immopro, 'owner')],
  mustChangePassword: false,
  termsAcceptedAt: '2026-01-20T09:00:00Z',
  termsVersion: '2026-01',
  pendingActions: [],
};

/** Thomas Becker, tenant in Hamburg who uses the portal in English (Krüger). */
export const tenantThomas: Me = {
  id: '01963f2a-7c1e-7b40-9d1a-2f6c8e4b1a04',
  email: 'thomas.becker@example.net',
  username: 'tbecker',
  name: 'Thomas Becker',
  address: { street: 'Eppendorfer Weg 57', postalCode: '20259', city: 'Hamburg', country: 'DE' },
  status: 'active',
  locale: 'en',
  notifications: 'immediate', digestHour: 7,
  phone: null,
  birthDate: null,
  organization: 'krueger',
  role: 'tenant',
  memberships: [membership(krueger, 'tenant')],
  mustChangePassword: false,
  termsAcceptedAt: '2025-10-15T12:00:00Z',
  termsVersion: '2025-10',
  pendingActions: [],
};

/** Jana Schulz, first login at Krüger: must accept the terms and replace her initial password. */
export const firstLoginJana: Me = {
  id: '01963f2a-7c1e-7b40-9d1a-2f6c8e4b1a05',
  email: 'jana.schulz@example.org',
  username: 'jschulz',
  name: 'Jana Schulz',
  address: { street: 'Lerchenfeld 14', postalCode: '22081', city: 'Hamburg', country: 'DE' },
  status: 'active',
  locale: 'de',
  notifications: 'immediate', digestHour: 7,
  phone: null,
  birthDate: null,
  organization: 'krueger',
  role: 'tenant',
  memberships: [membership(krueger, 'tenant')],
  mustChangePassword: true,
  termsAcceptedAt: null,
  termsVersion: null,
  pendingActions: ['accept-terms', 'change-password'],
};

/** Florian Steiner, invited by ImmoPro and not yet activated (activation code below). */
export const invitedFlorian: Me = {
  id: '01963f2a-7c1e-7b40-9d1a-2f6c8e4b1a06',
  email: 'florian.steiner@example.com',
  username: 'fsteiner',
  name: 'Florian Steiner',
  address: { street: 'Leopoldsgasse 15/4', postalCode: '1020', city: 'Wien', country: 'AT' },
  status: 'invited',
  locale: 'de',
  notifications: 'immediate', digestHour: 7,
  phone: null,
  birthDate: null,
  organization: 'immopro',
  role: 'tenant',
  memberships: [membership(immopro, 'tenant')],
  mustChangePassword: false,
  termsAcceptedAt: null,
  termsVersion: null,
  pendingActions: ['accept-terms'],
};

/** Passwords of the demo seed; the mock login accepts exactly these, like the demo server. */
export const demoPasswords: Record<string, string> = {
  khuber: 'Naschmarkt-Top7',
  mlehner: 'Elbe+Donau2026',
  ewagner: 'Kahlenberg-1190',
  tbecker: 'Fischmarkt-Sonntag5',
  jschulz: 'Erstanmeldung-2026',
};

/** The invitation code of the demo seed for Florian Steiner. */
export const demoActivationCode = 'DEMOINVITEFSTEINER2026WIENTOP4';

export const users: Me[] = [tenantKatharina, tenantOwnerMarkus, ownerElisabeth, tenantThomas, firstLoginJana, invitedFlorian];

/** The user `me` as seen from another organization they belong to (role follows the membership). */
export function inOrganization(me: Me, org: string): Me {
  const found = me.memberships.find((m) => m.organization === org);
  return found ? { ...me, organization: org, role: found.role } : me;
}
