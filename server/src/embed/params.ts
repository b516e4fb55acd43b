// The query of the iframe page `/embed/portal?org=<slug>&lang=de|en&view=<view>` (DESIGN §6 "Iframe mode").

/**
 * The portal's views and the hash slug `<hp-portal>` writes for each (packages/shell/src/routes.ts `views`: `name` →
 * `slug`; server/test/embed.test.ts checks that both lists agree). `view=documents` opens the page at `#/dokumente`.
 */
export const embedViews = {
  overview: 'uebersicht',
  units: 'einheiten',
  statement: 'konto',
  documents: 'dokumente',
  board: 'brett',
  tickets: 'tickets',
  report: 'meldung',
  profile: 'profil',
} as const;

export type EmbedView = keyof typeof embedViews;
export type EmbedLang = 'de' | 'en';

/** What the page is asked for: the organization's slug, the portal's language and its first view. */
export interface EmbedQuery {
  org: string;
  lang: EmbedLang;
  view: EmbedView;
}

/** A parameter the page cannot take: which one, and why (in English and German, for the error page). */
export interface EmbedParamError {
  param: 'org' | 'lang' | 'view';
  en: string;
  de: string;
}

/** The contract's Slug (packages/api/openapi.yaml): what `org` must look like before it is looked up. */
const slugPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * The one value of a query parameter, `fallback` when it is missing, and null when it is not a single string
 * (`?a=1&a=2` gives a list).
 */
function single(query: Record<string, unknown>, name: string, fallback: string): string | null {
  const value = query[name];
  if (value === undefined) return fallback;
  return typeof value === 'string' ? value : null;
}

const own = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/**
 * Reads `org` (required, a slug), `lang` (`de` or `en`, default `de`) and `view` (a name of {@link embedViews},
 * default `overview`) from an Express query object. Each must be given at most once. Other parameters (a CMS's
 * tracking parameters) are ignored. Returns the query, or the first parameter that is wrong; never throws.
 */
export function parseEmbedQuery(query: Record<string, unknown>): EmbedQuery | EmbedParamError {
  const org = single(query, 'org', '');
  if (org === '') return { param: 'org', en: 'The parameter org (the organization) is missing.', de: 'Der Parameter org (die Hausverwaltung) fehlt.' };
  if (org === null || !slugPattern.test(org)) return { param: 'org', en: 'The parameter org is not an organization’s name.', de: 'Der Parameter org ist kein Name einer Hausverwaltung.' };
  const lang = single(query, 'lang', 'de');
  if (lang !== 'de' && lang !== 'en') return { param: 'lang', en: 'The parameter lang must be de or en.', de: 'Der Parameter lang muss de oder en sein.' };
  const view = single(query, 'view', 'overview');
  if (view === null || !own(embedViews, view)) {
    const names = Object.keys(embedViews).join(', ');
    return { param: 'view', en: `The parameter view must be one of ${names}.`, de: `Der Parameter view muss eines von ${names} sein.` };
  }
  return { org, lang, view: view as EmbedView };
}

export const isParamError = (value: EmbedQuery | EmbedParamError): value is EmbedParamError => 'param' in value;
