import { css, html, render, type TemplateResult } from 'lit';
import type { Locale } from './context.js';

/**
 * What a widget shows instead of its content when the page, not the tenant, has to change something:
 * `missing` — no `<hp-session>` for it on the page; `blocked` — the API does not admit this page's origin.
 */
export type PageNotice = { kind: 'missing' } | { kind: 'blocked'; text: string };

const CLASS = 'hp-page-notice';

/** Adopted into the widget's shadow root while a notice shows; everything after the notice is hidden. */
const noticeStyles = css`
  .hp-page-notice {
    display: block;
    margin: 0;
    padding: var(--_space-m, 1rem);
    border-radius: var(--_radius, 0.375rem);
    border: 1px solid;
    font: inherit;
    line-height: 1.5;
  }
  .hp-page-notice[data-kind='missing'] {
    color: var(--_text, #1c2430);
    background: var(--_warning-soft, #f7f0e0);
    border-color: var(--_border, #b9bdc4);
  }
  .hp-page-notice[data-kind='blocked'] {
    color: var(--_danger, #b3261e);
    background: var(--_danger-soft, #f9eceb);
    border-color: currentColor;
  }
  .hp-page-notice code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.95em;
    overflow-wrap: anywhere;
  }
  .hp-page-notice ~ * {
    display: none !important;
  }
`;

const missing: Record<Locale, () => TemplateResult> = {
  de: () =>
    html`<strong>Hausportal:</strong> Dieses Element findet kein <code>&lt;hp-session&gt;</code> auf der Seite. Setzen Sie
      es in <code>&lt;hp-session api="…" org="…"&gt;</code> oder geben Sie ihm selbst die Attribute <code>api</code> und
      <code>org</code>.`,
  en: () =>
    html`<strong>Hausportal:</strong> this element finds no <code>&lt;hp-session&gt;</code> on the page. Put it inside
      <code>&lt;hp-session api="…" org="…"&gt;</code>, or give it <code>api</code> and <code>org</code> attributes itself.`,
};

/**
 * Shows `notice` as the first child of the widget's shadow root (part `hint`, before and outside the widget's own
 * Lit-rendered content, which it hides), or removes it when null. `missing` is a note for the page author in the
 * page's language; `blocked` is an alert with the given text. Light-DOM render roots are left alone.
 */
export function syncPageNotice(root: HTMLElement | DocumentFragment, notice: PageNotice | null, locale: Locale): void {
  if (!(root instanceof ShadowRoot)) return;
  let box = [...root.children].find((child): child is HTMLElement => child instanceof HTMLElement && child.classList.contains(CLASS));
  if (!notice) {
    box?.remove();
    return;
  }
  const sheet = noticeStyles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  if (!box) {
    box = document.createElement('div');
    box.className = CLASS;
    box.setAttribute('part', 'hint');
    root.prepend(box);
  }
  box.dataset.kind = notice.kind;
  box.setAttribute('role', notice.kind === 'blocked' ? 'alert' : 'note');
  render(notice.kind === 'blocked' ? notice.text : missing[locale](), box);
}
