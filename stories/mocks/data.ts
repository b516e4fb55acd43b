// Demo data for Storybook: two property managers (one in Vienna, one in Hamburg) and their users.
import type { Me, OrganizationPublic, PasswordPolicy, Theme } from '@hausportal/api';

/** Theme of ImmoPro Hausverwaltung (Vienna): burgundy. */
export const immoproTheme: Theme = {
  primary: '#8a1538',
  onPrimary: '#ffffff',
  surface: '#ffffff',
  text: '#1f1a1c',
  accent: '#c9a227',
  fontFamily: '"Source Sans 3", "Segoe UI", system-ui, sans-serif',
  radius: '4px',
};

/** Theme of Krüger Immobilienverwaltung (Hamburg): petrol. */
export const kruegerTheme: Theme = {
  primary: '#0b5d7a',
  onPrimary: '#ffffff',
  surface: '#fbfcfc',
  text: '#14232b',
  accent: '#e07a1f',
  fontFamily: '"Inter", "Helvetica Neue", Arial, sans-serif',
  radius: '10px',
};

/** ImmoPro keeps the composition rules its customers know from the old portal. */
const immoproPolicy: PasswordPolicy = {
  minLength: 8,
  maxLength: 128,
  requireUpper: true,
  requireLower: true,
  requireDigit: true,
  notUsername: true,
  rejectCommon: true,
};

/** Krüger uses the safe defaults: length, common-password list, not the user name. */
const kruegerPolicy: PasswordPolicy = {
  minLength: 10,
  maxLength: 128,
  requireUpper: false,
  requireLower: false,
  requireDigit: false,
  notUsername: true,
  rejectCommon: true,
};

export const immopro: OrganizationPublic = {
  slug: 'immopro',
  name: 'ImmoPro Hausverwaltung GmbH',
  logoUrl: null,
  theme: immoproTheme,
  legalLinks: {
    imprint: 'https://www.immopro-hv.at/impressum',
    privacy: 'https://www.immopro-hv.at/datenschutz',
    terms: 'https://www.immopro-hv.at/nutzungsbedingungen',
  },
  features: { documents: true, tickets: true, bulletinBoard: true, chatBot: true, ownerExpenses: true },
  passwordPolicy: immoproPolicy,
  terms: {
    version: '2026-01',
    text: {
      de:
        'Nutzungsbedingungen des Kundenportals der ImmoPro Hausverwaltung GmbH (Stand Jänner 2026)\n\n' +
        '1. Das Portal steht Mieterinnen und Mietern sowie Wohnungseigentümerinnen und -eigentümern der von uns ' +
        'verwalteten Liegenschaften zur Verfügung.\n' +
        '2. Die Zugangsdaten sind persönlich und dürfen nicht weitergegeben werden.\n' +
        '3. Vorschreibungen, Abrechnungen und Dokumente im Portal ersetzen nicht die gesetzlich vorgesehene ' +
        'Zustellung, sofern eine solche erforderlich ist.\n' +
        '4. Ihre Daten verarbeiten wir gemäß DSGVO; Details finden Sie in unserer Datenschutzerklärung.',
      en:
        'Terms of use of the ImmoPro Hausverwaltung GmbH customer portal (as of January 2026)\n\n' +
        '1. The portal is available to tenants and owners of the properties we manage.\n' +
        '2. Your login details are personal and must not be shared.\n' +
        '3. Charges, statements and documents in the portal do not replace a legally required delivery.\n' +
        '4. We process your data according to the GDPR; see our privacy policy for details.',
    },
  },
};

export const krueger: OrganizationPublic = {
  slug: 'krueger',
  name: 'Krüger Immobilienverwaltung GmbH & Co. KG',
  logoUrl: null,
  theme: kruegerTheme,
  legalLinks: {
    imprint: 'https://www.krueger-verwaltung.de/impressum',
    privacy: 'https://www.krueger-verwaltung.de/datenschutz',
  },
  features: { documents: true, tickets: true, bulletinBoard: true, chatBot: false, ownerExpenses: true },
  passwordPolicy: kruegerPolicy,
  terms: {
    version: '3',
    text: {
      de:
        'Nutzungsbedingungen Mieter- und Eigentümerportal der Krüger Immobilienverwaltung\n\n' +
        '§ 1 Das Portal dient der Information über Ihr Miet- bzw. Eigentumsverhältnis.\n' +
        '§ 2 Halten Sie Ihr Passwort geheim und melden Sie Missbrauch unverzüglich.\n' +
        '§ 3 Wir dürfen das Portal für Wartungsarbeiten vorübergehend abschalten.',
      en:
        'Terms of use of the Krüger Immobilienverwaltung tenant and owner portal\n\n' +
        '§ 1 The portal informs you about your tenancy or ownership.\n' +
        '§ 2 Keep your password secret and report misuse without delay.\n' +
        '§ 3 We may switch the portal off temporarily for maintenance.',
    },
  },
};

export const organizations: Record<string, OrganizationPublic> = { immopro, krueger };

/** A tenant of a flat in Vienna's 5th district. */
export const tenantMaria: Me = {
  id: '01963f2a-7c1e-7b40-9d1a-2f6c8e4b1a01',
  email: 'maria.huber@example.at',
  username: 'mhuber',
  name: 'Maria Huber',
  address: { street: 'Schönbrunner Straße 112/2/14', postalCode: '1050', city: 'Wien', country: 'AT' },
  status: 'active',
  locale: 'de',
  notifyEmail: true,
  phone: '+43 664 123 45 67',
  birthDate: '1987-04-23',
  organization: 'immopro',
  role: 'tenant',
  memberships: [{ organization: 'immopro', organizationName: immopro.name, role: 'tenant' }],
  mustChangePassword: false,
  termsAcceptedAt: '2026-01-14T08:31:12Z',
  termsVersion: '2026-01',
  pendingActions: [],
};

/** An owner of several flats, with both organizations. */
export const ownerThomas: Me = {
  id: '01963f2a-7c1e-7b40-9d1a-2f6c8e4b1a02',
  email: 'thomas.berger@example.at',
  username: 'tberger',
  name: 'Dr. Thomas Berger',
  address: { street: 'Hauptplatz 7', postalCode: '8010', city: 'Graz', country: 'AT' },
  status: 'active',
  locale: 'de',
  notifyEmail: false,
  phone: null,
  birthDate: null,
  organization: 'immopro',
  role: 'owner',
  memberships: [
    { organization: 'immopro', organizationName: immopro.name, role: 'owner' },
    { organization: 'krueger', organizationName: krueger.name, role: 'owner' },
  ],
  mustChangePassword: false,
  termsAcceptedAt: '2025-11-02T17:05:44Z',
  termsVersion: '2026-01',
  pendingActions: [],
};

/** A tenant in Hamburg who writes in English. */
export const tenantLena: Me = {
  id: '01963f2a-7c1e-7b40-9d1a-2f6c8e4b1a03',
  email: 'lena.schmidt@example.de',
  username: 'lschmidt',
  name: 'Lena Schmidt',
  address: { street: 'Eppendorfer Weg 211', postalCode: '20253', city: 'Hamburg', country: 'DE' },
  status: 'active',
  locale: 'en',
  notifyEmail: true,
  phone: '+49 40 555 01 23',
  birthDate: '1993-09-02',
  organization: 'krueger',
  role: 'tenant',
  memberships: [{ organization: 'krueger', organizationName: krueger.name, role: 'tenant' }],
  mustChangePassword: false,
  termsAcceptedAt: '2026-02-01T10:00:00Z',
  termsVersion: '3',
  pendingActions: [],
};

/** A freshly invited tenant: must accept the terms and replace the initial password. */
export const invitedJosef: Me = {
  ...tenantMaria,
  id: '01963f2a-7c1e-7b40-9d1a-2f6c8e4b1a04',
  email: 'josef.gruber@example.at',
  username: 'jgruber',
  name: 'Josef Gruber',
  address: { street: 'Schönbrunner Straße 112/1/3', postalCode: '1050', city: 'Wien', country: 'AT' },
  phone: null,
  birthDate: null,
  mustChangePassword: true,
  termsAcceptedAt: null,
  termsVersion: null,
  pendingActions: ['accept-terms', 'change-password'],
};

export const users: Me[] = [tenantMaria, ownerThomas, tenantLena, invitedJosef];

/** The user `me` as seen from another organization they belong to (name and role follow the membership). */
export function inOrganization(me: Me, org: string): Me {
  const membership = me.memberships.find((m) => m.organization === org);
  return membership ? { ...me, organization: org, role: membership.role } : me;
}
