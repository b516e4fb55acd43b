import type { Me, OrganizationPublic } from '@hausportal/api';
import { dayIn, defaultPasswordPolicy } from '@hausportal/api';

const loaded = new Date();

/** A demo property manager for tests and stories. */
export const demoOrganization: OrganizationPublic = {
  slug: 'demo',
  name: 'Demo Hausverwaltung GmbH',
  timeZone: 'Europe/Vienna',
  // The fake API answers with its own clock (see createFakeApi's `now`); these are the values at load time.
  now: loaded.toISOString(),
  today: dayIn(loaded, 'Europe/Vienna'),
  logoUrl: null,
  theme: { primary: '#0b6e4f', onPrimary: '#ffffff', accent: '#1d63c4', radius: '0.5rem' },
  legalLinks: {
    imprint: 'https://demo.example/impressum',
    privacy: 'https://demo.example/datenschutz',
    terms: 'https://demo.example/nutzungsbedingungen',
  },
  features: { documents: true, tickets: true, bulletin: true, chat: false },
  passwordPolicy: { ...defaultPasswordPolicy },
  terms: {
    version: '2026-01',
    text: {
      de: 'Mit der Nutzung des Portals stimmen Sie den Nutzungsbedingungen der Demo Hausverwaltung zu.',
      en: 'By using the portal you agree to the terms of use of Demo Hausverwaltung.',
    },
  },
};

/** A demo tenant who has finished the first-login steps. */
export const demoMe: Me = {
  id: '0190a6b2-7c1e-7a00-9d2e-3f4a5b6c7d8e',
  email: 'anna.berger@example.com',
  username: 'aberger',
  name: 'Anna Berger',
  address: { street: 'Lindengasse 12/4', postalCode: '1070', city: 'Wien', country: 'AT' },
  status: 'active',
  locale: 'de',
  notifications: 'immediate', digestHour: 7,
  phone: '+43 660 1234567',
  birthDate: '1987-04-12',
  organization: 'demo',
  role: 'tenant',
  memberships: [{ organization: 'demo', organizationName: 'Demo Hausverwaltung GmbH', role: 'tenant' }],
  mustChangePassword: false,
  termsAcceptedAt: '2026-01-10T09:30:00Z',
  termsVersion: '2026-01',
  pendingActions: [],
};

/** The password the fake API's default login accepts for {@link demoMe}. */
export const demoPassword = 'Sonnenblume-Balkon-42';
