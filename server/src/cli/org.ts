import type { ThemeInput } from '@hausportal/api';
import { operator } from '../admin/audit.ts';
import { createOrganization, listOrganizations, type OrganizationSummary } from '../organizations-admin.ts';
import { list, oneOf, optional, required, type Command, type Values } from './command.ts';

// `npm run admin -- org create | org list`: organizations without the demo seed (organizations-admin.ts).

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

/** One organization as a line of `org list`. */
const line = (o: OrganizationSummary): string =>
  `${o.slug}  ${o.name}  (${o.timeZone}; managers: ${o.managers}; cross-site: ${yesNo(o.crossSite)}; origins: ${o.allowedOrigins.join(' ') || 'none'})`;

/** The theme input from --primary, --accent, --neutral, --font and --radius (only those given). */
function themeOf(values: Values): ThemeInput {
  const theme: ThemeInput = { primary: required(values, 'primary'), accent: required(values, 'accent') };
  const more = { neutral: optional(values, 'neutral'), fontFamily: optional(values, 'font'), radius: optional(values, 'radius') };
  for (const [key, value] of Object.entries(more)) if (value !== undefined) (theme as unknown as Record<string, string>)[key] = value;
  return theme;
}

/** `org create`: organizations-admin.ts `createOrganization` with the operator as actor. */
export const orgCreate: Command = {
  name: 'org create',
  summary: 'Creates an organization: all features on, default password policy and terms, digest at 7:00, the derived theme.',
  help: [
    '--slug SLUG          its name in URLs and in <hp-session org="…">: a-z, 0-9 and -, up to 63 (required)',
    '--name NAME          display name, e.g. "Hausverwaltung Muster GmbH" (required)',
    '--time-zone ZONE     IANA time zone, e.g. Europe/Vienna (required)',
    '--primary #RRGGBB    main brand colour (required)',
    '--accent #RRGGBB     second brand colour (required)',
    '--neutral #RRGGBB    tints surfaces, borders and text',
    '--font LIST          CSS font-family list',
    '--radius SIZE        corner radius, e.g. 4px or 0.5rem',
    '--origin URL         an exact origin of a page that embeds the portal; repeat for more',
    '--cross-site         the embedding pages are on another site than the portal server',
    '--country AT|DE      wording of the starter FAQ (default: AT for Europe/Vienna, else DE)',
    '--starter-faq        add the chat bot\'s starter FAQ',
  ],
  options: {
    slug: { type: 'string' },
    name: { type: 'string' },
    'time-zone': { type: 'string' },
    primary: { type: 'string' },
    accent: { type: 'string' },
    neutral: { type: 'string' },
    font: { type: 'string' },
    radius: { type: 'string' },
    origin: { type: 'string', multiple: true },
    'cross-site': { type: 'boolean' },
    country: { type: 'string' },
    'starter-faq': { type: 'boolean' },
  },
  fields: {
    '/slug': '--slug', '/name': '--name', '/timeZone': '--time-zone', '/theme/primary': '--primary', '/theme/accent': '--accent',
    '/theme/neutral': '--neutral', '/theme/fontFamily': '--font', '/theme/radius': '--radius', '/allowedOrigins': '--origin', '/country': '--country',
  },
  async run(values, cli) {
    const country = optional(values, 'country');
    const input = {
      slug: required(values, 'slug'),
      name: required(values, 'name'),
      timeZone: required(values, 'time-zone'),
      theme: themeOf(values),
      allowedOrigins: list(values, 'origin'),
      crossSite: values['cross-site'] === true,
      country: country === undefined ? undefined : oneOf(country.toUpperCase(), '--country', ['AT', 'DE'] as const),
      starterFaq: values['starter-faq'] === true,
    };
    const org = await createOrganization(cli.db, cli, input, operator);
    const text = [
      `Created organization ${org.slug} (${org.name}), time zone ${org.timeZone}, id ${org.id}.`,
      `Allowed origins: ${org.allowedOrigins.join(' ') || 'none yet (add them with: settings set --org ' + org.slug + ' --origin https://…)'}; cross-site: ${yesNo(org.crossSite)}.`,
      `Next: npm run admin -- manager create --org ${org.slug} --email <address> --name "<name>"`,
    ].join('\n');
    return { text, json: org };
  },
};

/** `org list`: every organization by slug. */
export const orgList: Command = {
  name: 'org list',
  summary: 'Lists the organizations by slug, with their time zone, number of managers and allowed origins.',
  help: [],
  options: {},
  async run(_values, cli) {
    const orgs = await listOrganizations(cli.db);
    return { text: orgs.length === 0 ? 'No organizations yet (create one with: npm run admin -- org create --help).' : orgs.map(line).join('\n'), json: orgs };
  },
};
