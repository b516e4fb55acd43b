import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { formatMonth, type Locale } from '@hausportal/core';

const pad = (n: number) => String(n).padStart(2, '0');

/** A labelled year select. */
export function renderYearPicker(id: string, years: number[], year: number, change: (year: number) => void): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${msg('Year', { id: 'statement.year' })}</label>
    <select id=${id} name="year" @change=${(e: Event) => change(Number((e.target as HTMLSelectElement).value))}>
      ${years.map((y) => html`<option value=${y} ?selected=${y === year}>${y}</option>`)}
    </select>
  </div>`;
}

/** A labelled month select for months 1–12 of `year`. */
export function renderMonthPicker(
  id: string,
  label: string,
  year: number,
  month: number,
  locale: Locale,
  change: (month: number) => void,
): TemplateResult {
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <select id=${id} name=${id} @change=${(e: Event) => change(Number((e.target as HTMLSelectElement).value))}>
      ${months.map((m) => html`<option value=${m} ?selected=${m === month}>${formatMonth(`${year}-${pad(m)}`, locale)}</option>`)}
    </select>
  </div>`;
}

/** "2026-03" for year 2026, month 3. */
export const period = (year: number, month: number) => `${year}-${pad(month)}`;

export const fromLabel = () => msg('From', { id: 'statement.from' });
export const toLabel = () => msg('To', { id: 'statement.to' });
