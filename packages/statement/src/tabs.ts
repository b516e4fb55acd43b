import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { viewText } from './labels.js';
import type { StatementViewName } from './view-names.js';

const next: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * The view tabs (ARIA tabs pattern with automatic activation): arrow keys, Home and End move between them,
 * only the selected tab is in the tab order.
 */
export function renderTabs(views: readonly StatementViewName[], active: StatementViewName, select: (view: StatementViewName, focus: boolean) => void): TemplateResult {
  const onKey = (event: KeyboardEvent) => {
    const move = next[event.key];
    if (!move) return;
    event.preventDefault();
    select(views[move(views.indexOf(active), views.length)]!, true);
  };
  return html`<div role="tablist" class="tabs" aria-label=${msg('Statement views', { id: 'statement.tabs' })} @keydown=${onKey}>
    ${views.map(
      (view) => html`<button
        type="button"
        role="tab"
        id="tab-${view}"
        data-tab=${view}
        aria-selected=${view === active ? 'true' : 'false'}
        aria-controls="panel"
        tabindex=${view === active ? 0 : -1}
        @click=${() => select(view, false)}
      >
        ${viewText(view)}
      </button>`,
    )}
  </div>`;
}
