import { defaultPasswordPolicy, type ThemeInput } from '@hausportal/api';
import { deriveTheme } from '@hausportal/api/theme.js';
import type { Ctx } from './context.ts';
import type { Db } from './db.ts';
import { bool, json } from './db.ts';
import { newId } from './ids.ts';
import { dayIn, timeZoneName } from './calendar.ts';
import { recordAudit, type Actor } from './admin/audit.ts';
import { HttpProblem, validationProblem, type ContractViolation } from './http/problems.ts';
import { contractViolations } from './http/openapi-validate.ts';
import { oneLineProblem } from './org-settings/rules.ts';
import { addDefaultPostCategories } from './posts/categories.ts';
import { addStarterFaq } from './seed/faq.ts';
import { featureToggles, flatFeatures } from './access/features.ts';
import { settingsProblems } from './org-settings/service.ts';
import { checkContrast, contractFile, normalizedInput, themeInputProblems } from './theme/input.ts';

// Setting up an organization without the demo seed (issue 14, "Setting up a property manager"): the operator command
// (`npm run admin -- org create`, cli/org.ts) calls this. Input is checked with the contract's own schemas (Slug,
// ThemeInput, AllowedOrigin in packages/api/openapi.yaml) and the rules the manager API applies, so the command and the
// API can never disagree.

/** What a new organization is made of. */
export interface OrganizationCreate {
  /** Its name in URLs and the widgets' `org` attribute: openapi.yaml `Slug` (`^[a-z0-9][a-z0-9-]{0,62}$`), unique. */
  slug: string;
  /** Display name, 1–200 characters on one line, e.g. "Hausverwaltung Muster GmbH". */
  name: string;
  /** IANA time zone name (e.g. Europe/Vienna): the organization's days, months and years (DESIGN §6a). */
  timeZone: string;
  /** Two or three colours, font and radius (openapi.yaml ThemeInput); the token set is derived from them. */
  theme?: ThemeInput;
  /** Exact origins of the pages that embed the portal (openapi.yaml AllowedOrigin; https, http only for localhost). */
  allowedOrigins: string[];
  /** The embedding pages are on another site than the server: cookie `SameSite=None; Partitioned` (DESIGN §6). */
  crossSite: boolean;
  /** AT or DE: whose wording the starter FAQ uses; default by time zone (Europe/Vienna: AT, else DE). */
  country?: 'AT' | 'DE';
  /** Add the chat bot's starter FAQ (seed/faq.ts, 42 questions in German and English). */
  starterFaq?: boolean;
}

/** An organization as the operator sees it. */
export interface OrganizationSummary {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  allowedOrigins: string[];
  crossSite: boolean;
  /** ISO 8601 instant. */
  createdAt: string;
  /** Memberships with the role manager. */
  managers: number;
}

/** Neutral terms of use a new organization starts with; the manager replaces them with its own. */
const defaultTerms = (name: string) => ({
  de:
    `Nutzungsbedingungen des Kundenportals der ${name}.\n\n1. Zugangsdaten sind geheim zu halten.\n` +
    '2. Dokumente im Portal ersetzen keine gesetzlich vorgeschriebene Zustellung.',
  en: `Terms of use of the customer portal of ${name}.\n\n1. Keep your login secret.\n2. Documents in the portal do not replace legally required delivery.`,
});

/** Throws 400 `validation_failed` naming every violation, when there are any. */
export function throwViolations(violations: ContractViolation[]): void {
  if (violations.length > 0) throw validationProblem(violations.map((v) => `${v.field}: ${v.message}`).join('; '), violations);
}

/** The violations of a new organization's input (JSON pointers as in the API: `/slug`, `/theme/primary` …). */
function inputViolations(input: OrganizationCreate): ContractViolation[] {
  const violations = contractViolations(contractFile, 'Slug', input.slug, '/slug');
  const nameProblem = input.name.length > 200 ? 'The name is longer than 200 characters.' : oneLineProblem(input.name, 'The name');
  if (nameProblem) violations.push({ field: '/name', keyword: 'line', message: nameProblem });
  if (input.theme) violations.push(...themeInputProblems(input.theme, '/theme'));
  if (input.country !== undefined && input.country !== 'AT' && input.country !== 'DE') violations.push({ field: '/country', keyword: 'enum', message: 'must be AT or DE' });
  // Each setting on its own: settingsProblems reports the rules beyond the schema only once the schema is met.
  return [...violations, ...settingsProblems({ timeZone: input.timeZone }), ...settingsProblems({ allowedOrigins: input.allowedOrigins, crossSite: input.crossSite })];
}

/** 409 `slug_taken` with the field `/slug`: slugs are unique across the server (the widgets' `org` attribute). */
export const slugTaken = (slug: string): HttpProblem =>
  new HttpProblem(409, 'slug_taken', `There is an organization "${slug}" already.`, { errors: [{ field: '/slug', code: 'slug_taken', message: `"${slug}" is taken.` }] });

/**
 * Creates an organization with everything a new one needs: all features on for every role, the default password
 * policy, neutral terms of use (version = the month of creation), digest hour 7, no emergency numbers, the default
 * notice categories, the theme derived from `theme` (packages/api theme.ts `deriveTheme`) and, on request, the starter
 * FAQ. One transaction, audited as `organization.created` by `actor`.
 *
 * Errors: 400 `validation_failed` (field errors as JSON pointers), 409 `slug_taken`.
 */
export async function createOrganization(db: Db, ctx: Pick<Ctx, 'clock'>, input: OrganizationCreate, actor: Actor): Promise<OrganizationSummary> {
  throwViolations(inputViolations(input));
  const theme = input.theme ? normalizedInput(input.theme) : null;
  const derived = theme ? deriveTheme(theme) : null;
  if (theme && derived) checkContrast(derived, theme, '/theme');
  const timeZone = timeZoneName(input.timeZone);
  const now = ctx.clock();
  const id = newId(now.getTime());
  const country = input.country ?? (timeZone === 'Europe/Vienna' ? 'AT' : 'DE');
  await db.transaction(async (trx) => {
    if (await trx('organizations').where({ slug: input.slug }).first('id')) throw slugTaken(input.slug);
    await trx('organizations').insert({
      id,
      slug: input.slug,
      name: input.name,
      time_zone: timeZone,
      theme: JSON.stringify(derived?.tokens ?? {}),
      theme_input: JSON.stringify(theme ?? {}),
      legal_links: '{}',
      features: JSON.stringify(flatFeatures(featureToggles({}))),
      allowed_origins: JSON.stringify(input.allowedOrigins),
      cross_site: input.crossSite,
      password_policy: JSON.stringify(defaultPasswordPolicy),
      terms_version: dayIn(now, timeZone).slice(0, 7),
      terms_text: JSON.stringify(defaultTerms(input.name)),
      ticket_status_visibility: '{}',
      emergency_numbers: '[]',
      digest_hour: 7,
      created_at: now.toISOString(),
    });
    await addDefaultPostCategories(trx, id, now);
    const faqEntries = input.starterFaq ? await addStarterFaq(trx, id, country, now.toISOString()) : 0;
    const detail = { slug: input.slug, name: input.name, timeZone, allowedOrigins: input.allowedOrigins, crossSite: input.crossSite, theme, faqEntries };
    await recordAudit(trx, ctx, { organizationId: id, actor, action: 'organization.created', entityType: 'organization', entityId: id, detail });
  });
  const { slug, name, allowedOrigins, crossSite } = input;
  return { id, slug, name, timeZone, allowedOrigins, crossSite, createdAt: now.toISOString(), managers: 0 };
}

/** Every organization by slug, with its number of managers. */
export async function listOrganizations(db: Db): Promise<OrganizationSummary[]> {
  const managers = db('memberships').where('role', 'manager').groupBy('organization_id').select('organization_id').count({ n: '*' }).as('m');
  const rows = (await db('organizations as o')
    .leftJoin(managers, 'm.organization_id', 'o.id')
    .orderBy('o.slug')
    .select('o.id', 'o.slug', 'o.name', 'o.time_zone', 'o.allowed_origins', 'o.cross_site', 'o.created_at', 'm.n')) as Record<string, unknown>[];
  return rows.map((r) => ({
    id: r.id as string,
    slug: r.slug as string,
    name: r.name as string,
    timeZone: r.time_zone as string,
    allowedOrigins: json<string[]>(r.allowed_origins, []),
    crossSite: bool(r.cross_site),
    createdAt: r.created_at as string,
    managers: Number(r.n ?? 0),
  }));
}
