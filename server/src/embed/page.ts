import { embedViews, type EmbedLang, type EmbedQuery } from './params.ts';

// The HTML of the iframe page and of its error pages. The page's CSP allows scripts from files only (no inline code,
// http/security.ts), so everything the frame script needs is in data-* attributes, and every value is escaped.

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` safe in HTML text and in quoted attribute values (HTML Standard §13.1.2.3: `&`, `<`, `>`, both quotes). */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => entities[c]!);

/** The page's own small stylesheet: no margins, so the frame's height is the portal's (embed-frame.ts measures it). */
const style = 'html,body{margin:0;padding:0}body{background:transparent}hp-portal{display:block}';

function document(lang: EmbedLang, title: string, head: string, htmlAttrs: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}"${htmlAttrs}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
${head}</head>
<body>
${body}
</body>
</html>
`;
}

/** What the page is built from: the query, the organization's display name and its allowed origins. */
export interface EmbedPageInput {
  query: EmbedQuery;
  orgName: string;
  /** The origins the frame script may talk to through postMessage (the page's frame-ancestors). */
  origins: readonly string[];
}

/**
 * The iframe page: `<hp-portal api="/api" org lang>` (its own session of this server's API), the frame script
 * `/dist/embed-frame.js` before the bundle `/dist/hausportal.js` (module scripts run in document order, HTML Standard
 * §8.1.3.2, so the frame script sets the first view's hash and hears the portal's first `hp-portal-view`), and on
 * `<html>`: `data-hp-origins` (the allowed origins, space-separated) and `data-hp-route` (`/dokumente` for
 * `view=documents`; none for the overview, the portal's view without a hash, so a host page's address stays as it is).
 */
export function embedPage({ query, orgName, origins }: EmbedPageInput): string {
  const route = query.view === 'overview' ? '' : ` data-hp-route="/${escapeHtml(embedViews[query.view])}"`;
  const attrs = ` data-hp-origins="${escapeHtml(origins.join(' '))}"${route}`;
  const head = '<script type="module" src="/dist/embed-frame.js"></script>\n<script type="module" src="/dist/hausportal.js"></script>\n';
  const portal = `<hp-portal api="/api" org="${escapeHtml(query.org)}" lang="${query.lang}"></hp-portal>`;
  return document(query.lang, `${orgName} – Hausportal`, head, attrs, portal);
}

/** What an error page says: a headline and a sentence, each in German and English. */
export interface EmbedErrorText {
  title: { de: string; en: string };
  detail: { de: string; en: string };
}

/** A plain error page (no script) in German and English, `lang` first: what is wrong and how to fix the address. */
export function embedErrorPage(lang: EmbedLang, text: EmbedErrorText): string {
  const other: EmbedLang = lang === 'de' ? 'en' : 'de';
  const part = (l: EmbedLang) => `<section lang="${l}"><h1>${escapeHtml(text.title[l])}</h1><p>${escapeHtml(text.detail[l])}</p></section>`;
  const hint = `<p><code>${escapeHtml(`/embed/portal?org=<slug>&lang=de|en&view=${Object.keys(embedViews).join('|')}`)}</code></p>`;
  return document(lang, text.title[lang], '', '', `<main style="font:1rem/1.5 system-ui,sans-serif;padding:1rem">${part(lang)}${part(other)}${hint}</main>`);
}
