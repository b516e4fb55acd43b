import type { AdminSettingsPatch } from '@hausportal/api';
import { timeZoneName } from '../calendar.ts';
import { lineProblem } from '../http/upload.ts';
import type { ContractViolation } from '../http/problems.ts';

// The rules of the organization settings beyond what openapi.yaml's schemas can say (AdminSettingsPatch,
// AllowedOrigin, AdminPropertyContact). Each answers why a value cannot be kept, or null.

/** Hosts a page may be served from over plain http: the developer's own machine. */
const localHosts = new Set(['localhost', '127.0.0.1']);

/** C1 controls and the Unicode line and paragraph separators, which `lineProblem` (C0 and DEL) does not cover. */
const moreControls = /[\u0080-\u009f\u2028\u2029]/;

/** Whether a URL may be used: `https:`, or `http:` for localhost and 127.0.0.1 only (development). */
const secureOrLocal = (url: URL): boolean => url.protocol === 'https:' || (url.protocol === 'http:' && localHosts.has(url.hostname));

const parse = (text: string): URL | null => {
  try {
    return new URL(text);
  } catch {
    return null;
  }
};

/**
 * Why `origin` is not an exact web origin the portal may be embedded in (CORS `Access-Control-Allow-Origin` and the
 * iframe page's `frame-ancestors` compare it byte for byte, RFC 6454 §6.1), or null. It must be `scheme://host[:port]`
 * exactly as a browser sends it in `Origin`: https (http only for localhost and 127.0.0.1), no user info, path, query,
 * fragment, trailing slash or wildcard, the host in lower case, no default port (`new URL(o).origin === o`), no port 0
 * and no empty host label.
 */
export function originProblem(origin: string): string | null {
  if (origin.includes('*')) return 'No wildcards: list every origin exactly, e.g. https://www.example.com.';
  const url = parse(origin);
  if (!url) return 'Not a web origin such as https://www.example.com.';
  if (!secureOrLocal(url)) return 'Only https origins; http only for localhost and 127.0.0.1.';
  if (url.username !== '' || url.password !== '') return 'No user name or password in an origin.';
  if (origin.endsWith('/')) return 'No trailing slash: an origin is scheme://host[:port].';
  if (url.pathname !== '/' || /[?#]/.test(origin)) return 'No path, query or fragment: an origin is scheme://host[:port].';
  if (url.origin !== origin) return `Write the origin exactly as browsers send it (host in lower case, no default port): ${url.origin}`;
  // Port 0 is no port a page is served from (Fetch "bad port"); an empty label (`a..example`) is no DNS name.
  if (url.port === '0') return 'Port 0 is not a port a page can be served from.';
  if (url.hostname.split('.').slice(0, -1).includes('')) return 'The host name has an empty part (two dots in a row or a leading dot).';
  // What a DNS name or an IP literal may hold (RFC 1123 §2.1; IDNs in their xn-- form): the URL parser lets `;`, `,`
  // and quotes through in a host, which must never reach a CSP header or a page.
  if (!originShape.test(origin)) return 'Only letters, digits, hyphens and dots in the host name (international names as xn--…).';
  return null;
}

const originShape = /^https?:\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/** Why `link` cannot be a legal link (Impressum, Datenschutz, Nutzungsbedingungen) in the portal's footer, or null. */
export function legalLinkProblem(link: string): string | null {
  const url = parse(link);
  if (!url || !secureOrLocal(url)) return 'Only https addresses (http only for localhost and 127.0.0.1).';
  if (url.username !== '' || url.password !== '') return 'No user name or password in the address.';
  return null;
}

/**
 * Why `name` cannot be the display name of the mails' sender, or null: it goes into the `From` header (RFC 5322
 * §3.4), so it is one line without control characters and without `<`, `>` or `"`, which would end the name early.
 */
export function senderNameProblem(name: string): string | null {
  const line = lineProblem(name, 'The sender name');
  if (line) return line;
  if (moreControls.test(name)) return 'The sender name contains line breaks or other control characters.';
  if (/[<>"]/.test(name)) return 'The sender name must not contain <, > or ".';
  return null;
}

/** Why `address` cannot be the mails' `Reply-To` (RFC 5322 §3.6.2), or null: one address, no name, no line break. */
export function replyToProblem(address: string): string | null {
  if (/[\r\n]/.test(address)) return 'The reply-to address must be one line.';
  if (!/^[^\s@,;<>"()[\]\\]+@[^\s@,;<>"()[\]\\]+$/.test(address)) return 'Give one e-mail address, without a name.';
  return null;
}

/** Why a one-line text (a label, office hours) cannot be kept, also against C1 controls and line separators, or null. */
export function oneLineProblem(text: string, what: string): string | null {
  return lineProblem(text, what) ?? (moreControls.test(text) ? `${what} contains line breaks or other control characters.` : null);
}

/** The problems of the allowed origins: each by {@link originProblem}, and every origin once. */
function originsProblems(origins: string[]): ContractViolation[] {
  return origins.flatMap((origin, i) => {
    const field = `/allowedOrigins/${i}`;
    const problem = originProblem(origin);
    if (problem) return [{ field, keyword: 'origin', message: problem }];
    return origins.indexOf(origin) < i ? [{ field, keyword: 'duplicate', message: 'This origin is listed twice.' }] : [];
  });
}

/**
 * Everything wrong with a settings change that has the shape of openapi.yaml AdminSettingsPatch, as violations with
 * JSON pointers: the time zone must be an IANA name (calendar.ts timeZoneName), origins and links as above, the sender
 * name and reply-to safe for mail headers, the emergency numbers' labels one line each.
 */
export function settingsRuleProblems(patch: AdminSettingsPatch): ContractViolation[] {
  const problems: ContractViolation[] = [];
  const add = (field: string, keyword: string, message: string | null) => {
    if (message) problems.push({ field, keyword, message });
  };
  if (patch.timeZone !== undefined) {
    try {
      timeZoneName(patch.timeZone);
    } catch (err) {
      add('/timeZone', 'time_zone', (err as Error).message);
    }
  }
  problems.push(...originsProblems(patch.allowedOrigins ?? []));
  for (const [key, link] of Object.entries(patch.legalLinks ?? {})) if (link !== undefined) add(`/legalLinks/${key}`, 'url', legalLinkProblem(link));
  if (typeof patch.senderName === 'string') add('/senderName', 'line', senderNameProblem(patch.senderName));
  if (typeof patch.replyTo === 'string') add('/replyTo', 'format', replyToProblem(patch.replyTo));
  (patch.emergencyNumbers ?? []).forEach((n, i) => {
    for (const lang of ['de', 'en'] as const) add(`/emergencyNumbers/${i}/label/${lang}`, 'line', oneLineProblem(n.label[lang], 'The label'));
  });
  return problems;
}
