import { defaultPasswordPolicy, type EmergencyNumber, type Role, type ThemeInput, type TicketStatusVisibility } from '@hausportal/api';

// Demo data: two property managers, one in Vienna (a group of three companies) and one in Hamburg.
// Every password satisfies both organizations' rules (ImmoPro adds upper/lower/digit).

export interface DemoOrganization {
  slug: string;
  name: string;
  /** IANA time zone name: the organization's calendar (DESIGN §6a). */
  timeZone: string;
  /** The corporate identity's input (openapi.yaml ThemeInput); the seed stores the tokens derived from it. */
  themeInput: ThemeInput;
  legalLinks: Record<string, string>;
  features: Record<string, boolean>;
  allowedOrigins: string[];
  crossSite: boolean;
  passwordPolicy: typeof defaultPasswordPolicy;
  terms: { version: string; text: { de: string; en: string } };
  /** Per role and status: show, hide or the status shown instead (access/tickets.ts). */
  ticketStatusVisibility: TicketStatusVisibility;
  /** Shown by forms as soon as "Notfall" is chosen. */
  emergencyNumbers: EmergencyNumber[];
}

export interface DemoPerson {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: 'AT' | 'DE';
}

export interface DemoUser {
  email: string;
  username: string;
  /** null: invited, activates with `activationCode`. */
  password: string | null;
  activationCode?: string;
  mustChangePassword?: boolean;
  phone?: string;
  birthDate?: string;
  locale?: 'de' | 'en';
  memberships: { organization: string; role: Role; person: DemoPerson; termsAccepted: boolean }[];
  note?: string;
}

const allFeatures = { units: true, statement: true, documents: true, tickets: true, bulletinBoard: true, chatBot: true, expenseAccounts: true };

export const demoOrganizations: DemoOrganization[] = [
  {
    slug: 'immopro',
    name: 'ImmoPro Hausverwaltung GmbH',
    timeZone: 'Europe/Vienna',
    themeInput: { primary: '#8a1538', accent: '#c8a45d', fontFamily: "'Source Sans 3', 'Segoe UI', system-ui, sans-serif", radius: '4px' },
    legalLinks: {
      imprint: 'https://www.immopro.example/impressum',
      privacy: 'https://www.immopro.example/datenschutz',
      terms: 'https://www.immopro.example/nutzungsbedingungen',
    },
    features: allFeatures,
    allowedOrigins: ['https://www.immopro.example', 'https://immopro.example'],
    crossSite: false,
    passwordPolicy: { ...defaultPasswordPolicy, requireUpper: true, requireLower: true, requireDigit: true, notUsername: true },
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
    // Tenants see a rejected (or withdrawn) ticket as closed; owners do not see "waiting": such a ticket keeps the
    // status they saw before.
    ticketStatusVisibility: {
      tenant: { new: 'show', in_progress: 'show', waiting: 'show', done: 'show', closed: 'show', rejected: 'closed' },
      owner: { new: 'show', in_progress: 'show', waiting: 'hide', done: 'show', closed: 'show', rejected: 'show' },
    },
    emergencyNumbers: [
      { label: { de: 'Gasgebrechen (Gas-Notruf)', en: 'Gas leak (gas emergency)' }, phone: '128' },
      { label: { de: 'Wasserrohrbruch (Installateur-Notdienst ImmoPro)', en: 'Burst pipe (ImmoPro plumbing emergency)' }, phone: '+43 1 890 12 34' },
      { label: { de: 'Feuerwehr', en: 'Fire brigade' }, phone: '122' },
      { label: { de: 'Euro-Notruf', en: 'European emergency number' }, phone: '112' },
    ],
  },
  {
    slug: 'krueger',
    name: 'Hausverwaltung Krüger GmbH',
    timeZone: 'Europe/Berlin',
    themeInput: { primary: '#0b5d7a', accent: '#e3a21a', fontFamily: "Inter, 'Helvetica Neue', Arial, sans-serif", radius: '10px' },
    legalLinks: {
      imprint: 'https://www.hv-krueger.example/impressum',
      privacy: 'https://www.hv-krueger.example/datenschutz',
      terms: 'https://www.hv-krueger.example/portal-agb',
    },
    features: { ...allFeatures, chatBot: false },
    allowedOrigins: ['https://www.hv-krueger.example'],
    crossSite: true,
    passwordPolicy: { ...defaultPasswordPolicy },
    terms: {
      version: '2025-10',
      text: {
        de: 'Nutzungsbedingungen des Kundenportals der Hausverwaltung Krüger GmbH, Mönckebergstraße 7, 20095 Hamburg.\n\n1. Zugangsdaten sind vertraulich.\n2. Mitteilungen über das Portal gelten als zugegangen, sobald sie abrufbar sind.',
        en: 'Terms of use of the customer portal of Hausverwaltung Krüger GmbH, Mönckebergstraße 7, 20095 Hamburg.\n\n1. Keep your login confidential.\n2. Notices count as received once they are available in the portal.',
      },
    },
    // Tenants see "waiting" as "in progress"; owners see every status.
    ticketStatusVisibility: {
      tenant: { new: 'show', in_progress: 'show', waiting: 'in_progress', done: 'show', closed: 'show', rejected: 'show' },
      owner: { new: 'show', in_progress: 'show', waiting: 'show', done: 'show', closed: 'show', rejected: 'show' },
    },
    emergencyNumbers: [
      { label: { de: 'Gas-Notdienst (örtlicher Netzbetreiber)', en: 'Gas emergency service (local network operator)' }, phone: '0800 2222 000' },
      { label: { de: 'Wasserrohrbruch (Notdienst Krüger)', en: 'Burst pipe (Krüger emergency service)' }, phone: '+49 30 555 0199' },
      { label: { de: 'Feuerwehr und Rettungsdienst', en: 'Fire and ambulance' }, phone: '112' },
      { label: { de: 'Polizei', en: 'Police' }, phone: '110' },
    ],
  },
];

const lehner: DemoPerson = { name: 'Markus Lehner', street: 'Ottakringer Straße 120/12', postalCode: '1160', city: 'Wien', country: 'AT' };

export const demoUsers: DemoUser[] = [
  {
    email: 'katharina.huber@example.com',
    username: 'khuber',
    password: 'Naschmarkt-Top7',
    phone: '+43 664 1234567',
    birthDate: '1986-04-12',
    memberships: [{ organization: 'immopro', role: 'tenant', termsAccepted: true, person: { name: 'Katharina Huber', street: 'Gumpendorfer Straße 81/7', postalCode: '1060', city: 'Wien', country: 'AT' } }],
  },
  {
    email: 'markus.lehner@example.net',
    username: 'mlehner',
    password: 'Elbe+Donau2026',
    phone: '+43 676 9876543',
    memberships: [
      { organization: 'immopro', role: 'tenant', termsAccepted: true, person: lehner },
      { organization: 'krueger', role: 'owner', termsAccepted: true, person: lehner },
    ],
    note: 'Tenant at ImmoPro (Vienna) and owner of a flat managed by Krüger (Hamburg).',
  },
  {
    email: 'elisabeth.wagner@example.org',
    username: 'ewagner',
    password: 'Kahlenberg-1190',
    birthDate: '1958-11-03',
    memberships: [{ organization: 'immopro', role: 'owner', termsAccepted: true, person: { name: 'Dr. Elisabeth Wagner', street: 'Döblinger Hauptstraße 66/3', postalCode: '1190', city: 'Wien', country: 'AT' } }],
  },
  {
    email: 'lukas.hofer@example.com',
    username: 'lhofer',
    password: 'Kahlenberg-Top5',
    phone: '+43 699 4433221',
    memberships: [{ organization: 'immopro', role: 'tenant', termsAccepted: true, person: { name: 'Lukas Hofer', street: 'Kahlenberger Straße 12/5', postalCode: '1190', city: 'Wien', country: 'AT' } }],
    note: 'Tenant in the second ImmoPro building (Kahlenberger Straße 12): sees its notices, not those of the Naschmarkt.',
  },
  {
    email: 'andrea.pichler@immopro.example',
    username: 'apichler',
    password: 'Verwaltung#Wien3',
    memberships: [{ organization: 'immopro', role: 'manager', termsAccepted: true, person: { name: 'Andrea Pichler', street: 'Mariahilfer Straße 123', postalCode: '1060', city: 'Wien', country: 'AT' } }],
    note: 'Property manager (Sachbearbeiterin) at ImmoPro.',
  },
  {
    email: 'florian.steiner@example.com',
    username: 'fsteiner',
    password: null,
    activationCode: 'DEMOINVITEFSTEINER2026WIENTOP4',
    memberships: [{ organization: 'immopro', role: 'tenant', termsAccepted: false, person: { name: 'Florian Steiner', street: 'Leopoldsgasse 15/4', postalCode: '1020', city: 'Wien', country: 'AT' } }],
    note: 'Invited, not activated: use the activation code, then accept the terms.',
  },
  {
    email: 'jana.schulz@example.org',
    username: 'jschulz',
    password: 'Erstanmeldung-2026',
    mustChangePassword: true,
    memberships: [{ organization: 'krueger', role: 'tenant', termsAccepted: false, person: { name: 'Jana Schulz', street: 'Lerchenfeld 14', postalCode: '22081', city: 'Hamburg', country: 'DE' } }],
    note: 'First login: must accept the terms and change this initial password.',
  },
  {
    email: 'thomas.becker@example.net',
    username: 'tbecker',
    password: 'Fischmarkt-Sonntag5',
    locale: 'en',
    memberships: [{ organization: 'krueger', role: 'tenant', termsAccepted: true, person: { name: 'Thomas Becker', street: 'Eppendorfer Weg 57', postalCode: '20259', city: 'Hamburg', country: 'DE' } }],
  },
  {
    email: 'sabine.krueger@hv-krueger.example',
    username: 'skrueger',
    password: 'Alster-Ufer-88',
    memberships: [{ organization: 'krueger', role: 'manager', termsAccepted: true, person: { name: 'Sabine Krüger', street: 'Mönckebergstraße 7', postalCode: '20095', city: 'Hamburg', country: 'DE' } }],
    note: 'Property manager at Krüger.',
  },
];

export interface DemoLogin {
  email: string;
  password: string | null;
  role: Role;
  organization: string;
  note?: string;
  activationCode?: string;
}

/** One line per user and organization — the content of examples/demo-logins.json. */
export const demoLogins: DemoLogin[] = demoUsers.flatMap((u) =>
  u.memberships.map((m) => ({
    email: u.email,
    password: u.password,
    role: m.role,
    organization: m.organization,
    ...(u.note ? { note: u.note } : {}),
    ...(u.activationCode ? { activationCode: u.activationCode } : {}),
  })),
);
