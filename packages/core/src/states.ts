import { css, html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { ApiError, isOriginNotAllowed, isServerNotAnswering, type Problem } from '@hausportal/api';
import type { Locale } from './context.js';
import { getLocale } from './localization.js';

/** "Loading…" with a spinner; part `loading`, role=status so screen readers hear it. */
export function renderLoading(label?: string): TemplateResult {
  return html`<div part="loading" class="hp-state hp-loading" role="status">
    <span class="hp-spinner" aria-hidden="true"></span>
    <span>${label ?? msg('Loading…', { id: 'core.loading' })}</span>
  </div>`;
}

/** A quiet note that there is nothing to show; part `empty`. */
export function renderEmpty(text: string): TemplateResult {
  return html`<div part="empty" class="hp-state hp-empty" role="status">${text}</div>`;
}

/**
 * An error in words a tenant understands, with an optional "Try again" button; part `error`, role=alert. A part the
 * organization has switched off for the person's role (403 `feature_disabled`, PATCH /admin/settings `features`) is no
 * error: a calm note (part `empty`) without a retry, since trying again cannot help.
 */
export function renderError(error: unknown, retry?: () => void): TemplateResult {
  if (toProblem(error)?.code === 'feature_disabled') return renderEmpty(problemMessage(error, getLocale()));
  return html`<div part="error" class="hp-state hp-error" role="alert">
    <span>${problemMessage(error, getLocale())}</span>
    ${retry
      ? html`<button type="button" class="secondary" part="retry" @click=${retry}>${msg('Try again', { id: 'core.retry' })}</button>`
      : nothing}
  </div>`;
}

/** Styles for the three state pieces; add them to a widget's `static styles`. */
export const stateStyles = css`
  .hp-state {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    padding: var(--_space-m);
    border-radius: var(--_radius);
  }
  .hp-empty {
    color: var(--_text-muted);
  }
  .hp-error {
    color: var(--_danger);
    background: var(--_danger-soft);
    border: 1px solid color-mix(in srgb, var(--_danger) 40%, transparent);
  }
  .hp-spinner {
    width: 1.25em;
    height: 1.25em;
    border-radius: 50%;
    border: 2px solid var(--_primary-soft);
    border-top-color: var(--_primary);
    animation: hp-spin 0.8s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .hp-spinner {
      animation-duration: 3s;
    }
  }
  @keyframes hp-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;

type Text = Record<Locale, string>;
const texts = {
  network: { de: 'Keine Verbindung zum Server. Bitte prüfen Sie Ihre Internetverbindung.', en: 'Cannot reach the server. Please check your internet connection.' },
  no_answer: { de: 'Der Server antwortet gerade nicht. Bitte versuchen Sie es in einem Moment erneut.', en: 'The server is not answering right now. Please try again in a moment.' },
  origin_not_allowed: {
    de: 'Die Adresse dieser Seite ist für das Portal nicht freigegeben. Bitte informieren Sie den Betreiber der Website.',
    en: "This page's address is not allowed for the portal. Please tell the website's operator.",
  },
  invalid_credentials: { de: 'Benutzername oder Passwort ist falsch.', en: 'The user name or password is incorrect.' },
  rate_limited: { de: 'Zu viele Versuche. Bitte warten Sie einen Moment und versuchen Sie es erneut.', en: 'Too many attempts. Please wait a moment and try again.' },
  action_required: { de: 'Bitte schließen Sie zuerst die offenen Schritte ab (Nutzungsbedingungen, neues Passwort).', en: 'Please complete the open steps first (terms of use, new password).' },
  validation: { de: 'Bitte prüfen Sie die markierten Eingaben.', en: 'Please check the marked fields.' },
  conflict: { de: 'Die Daten wurden inzwischen geändert. Bitte laden Sie neu und versuchen Sie es erneut.', en: 'The data has changed in the meantime. Please reload and try again.' },
  not_found: { de: 'Das Gesuchte wurde nicht gefunden.', en: 'What you were looking for was not found.' },
  unauthorized: { de: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.', en: 'Your session has expired. Please sign in again.' },
  forbidden: { de: 'Dafür fehlt Ihnen die Berechtigung.', en: 'You are not allowed to do this.' },
  feature_disabled: {
    de: 'Dieser Bereich ist bei Ihrer Hausverwaltung für Sie nicht freigeschaltet.',
    en: 'Your property manager has not made this part of the portal available to you.',
  },
  preview_read_only: { de: 'Das ist eine Vorschau: Hier kann nichts geändert oder gesendet werden.', en: 'This is a preview: nothing can be changed or sent here.' },
  too_large: { de: 'Die Datei ist zu groß.', en: 'The file is too large.' },
  server: { de: 'Beim Server ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.', en: 'The server ran into a problem. Please try again later.' },
  unknown: { de: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.', en: 'Something went wrong. Please try again.' },
} satisfies Record<string, Text>;

/** The problem inside an ApiError or an openapi-fetch `error` body, if there is one. */
export function toProblem(error: unknown): Problem | null {
  if (error instanceof ApiError) return error.problem;
  if (error && typeof error === 'object' && typeof (error as Problem).status === 'number' && 'title' in error) return error as Problem;
  return null;
}

/**
 * Turns an error into a sentence for a tenant (de or en): uses the problem's `code` (invalid_credentials,
 * rate_limited, action_required, preview_read_only, validation, conflict, not_found, origin_not_allowed), else its
 * status; network failures (a TypeError from fetch) get "cannot reach the server", but a request the browser refused
 * because the API does not admit this page's origin (the client's OriginNotAllowedError) says that this page's address
 * is not allowed for the portal, and a request whose token could not be renewed because the server did not answer (the
 * client's ServerNotAnsweringError) says that the server is not answering — not that the session expired, since it
 * has not. Aborted requests give an empty string.
 */
export function problemMessage(error: unknown, locale: Locale = getLocale()): string {
  const lang: Locale = locale === 'en' ? 'en' : 'de';
  if (error instanceof DOMException && error.name === 'AbortError') return '';
  if (isOriginNotAllowed(error)) return texts.origin_not_allowed[lang];
  if (isServerNotAnswering(error)) return texts.no_answer[lang];
  const problem = toProblem(error);
  if (!problem) return texts[error instanceof TypeError ? 'network' : 'unknown'][lang];
  const code = problem.code;
  if (code && code in texts) return texts[code as keyof typeof texts][lang];
  const status = problem.status;
  if (status === 400 || status === 422) return texts.validation[lang];
  if (status === 401) return texts.unauthorized[lang];
  if (status === 403) return texts.forbidden[lang];
  if (status === 404) return texts.not_found[lang];
  if (status === 409) return texts.conflict[lang];
  if (status === 413) return texts.too_large[lang];
  if (status === 429) return texts.rate_limited[lang];
  if (status >= 500) return texts.server[lang];
  return texts.unknown[lang];
}
