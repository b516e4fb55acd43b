import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Locale } from '@hausportal/core';
import type { Form } from '@hausportal/api';

/**
 * The forms to choose from, as cards; a note first when the form asked for by the `form` attribute is not offered
 * (without its key, which means nothing to a resident).
 */
export function renderPicker(forms: Form[], locale: Locale, missing: boolean): TemplateResult {
  return html`${missing
      ? html`<p class="notice" role="alert">${msg('This form is not available to you.', { id: 'mf.notOffered' })}</p>`
      : nothing}
    <p class="hint">${msg('What is your request about?', { id: 'mf.pickForm' })}</p>
    <ul part="list" class="forms" aria-label=${msg('Forms', { id: 'mf.forms' })}>
      ${forms.map((f) => html`<li>
        <button type="button" part="item" class="card" data-form=${f.key}>
          <span class="card-title">${f.title[locale]}</span>
          ${f.description ? html`<span class="card-text">${f.description[locale]}</span>` : nothing}
        </button>
      </li>`)}
    </ul>`;
}
