import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { formatMoney, type Locale } from '@hausportal/core';
import type { FormField, ReportUnit } from '@hausportal/api';
import type { RawValues } from './model.js';
import { renderCascade, renderChecks, renderSlots, renderYesNo } from './groups.js';

/** What a field needs to render. Inputs carry `data-key` (and `data-sub`); the form listens for their events. */
export interface FieldContext {
  locale: Locale;
  raw: RawValues;
  errorOf(key: string): string;
  /** The chosen unit's credit in cents. */
  credit?: number;
  /** The units a field of type `unit` offers. */
  units: ReportUnit[];
}

const text = (field: FormField, ctx: FieldContext) => String(ctx.raw[field.key] ?? '');

/** The ids a control is described by: help, error and counter, where there are. */
export function describedBy(field: FormField, ctx: FieldContext, extra = ''): string | undefined {
  const ids = [field.help ? `h-${field.key}` : '', ctx.errorOf(field.key) ? `e-${field.key}` : '', extra].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Help text and error of a field. */
export function notes(field: FormField, ctx: FieldContext): TemplateResult {
  const error = ctx.errorOf(field.key);
  return html`${field.help ? html`<p class="hint" id="h-${field.key}">${field.help[ctx.locale]}</p>` : nothing}
    ${error ? html`<p class="error-text" id="e-${field.key}">${error}</p>` : nothing}`;
}

/** "*" after a required field's label (the control itself says "required" to screen readers). */
export const mark = (required?: boolean) => (required ? html`<span class="req" aria-hidden="true">*</span>` : nothing);

const inputKinds: Partial<Record<FormField['type'], [type: string, mode?: string, autocomplete?: string]>> = {
  text: ['text'],
  number: ['text', 'decimal'],
  amount: ['text', 'decimal'],
  date: ['date'],
  email: ['email', 'email', 'email'],
  phone: ['tel', 'tel', 'tel'],
  iban: ['text', undefined, 'off'],
};

/**
 * One field of any type. A field of type `unit` is the unit picker: with one unit only that unit as text, with none
 * nothing. The credit (`prefill: credit`) is read-only text.
 */
export function renderField(field: FormField, ctx: FieldContext): TemplateResult | typeof nothing {
  if (field.type === 'unit' && ctx.units.length < 2) {
    const only = ctx.units[0];
    return only ? html`<p class="unit-fixed" data-field=${field.key}><span class="label">${field.label[ctx.locale]}</span> ${only.label}</p>` : nothing;
  }
  switch (field.type) {
    case 'info':
      return html`<div class="info" role="note" data-field=${field.key}><strong>${field.label[ctx.locale]}</strong> ${field.text?.[ctx.locale] ?? ''}</div>`;
    case 'yesno':
      return renderYesNo(field, ctx);
    case 'multiselect':
      return renderChecks(field, ctx);
    case 'timeslots':
      return renderSlots(field, ctx);
    case 'cascade':
      return renderCascade(field, ctx);
    default:
      return html`<div class="field" data-field=${field.key}>
        <label for="f-${field.key}">${field.label[ctx.locale]}${field.type === 'amount' && !field.prefill ? ' (€)' : ''}${mark(field.required && !field.prefill)}</label>
        ${control(field, ctx)} ${notes(field, ctx)}
      </div>`;
  }
}

function control(field: FormField, ctx: FieldContext): TemplateResult {
  const invalid = ctx.errorOf(field.key) ? 'true' : 'false';
  const value = text(field, ctx);
  if (field.prefill === 'credit') {
    return html`<output id="f-${field.key}" class="readonly" aria-describedby=${ifDefined(describedBy(field, ctx))}>${ctx.credit === undefined ? '' : formatMoney(ctx.credit, ctx.locale)}</output>`;
  }
  if (field.type === 'textarea') {
    const max = field.maxLength;
    return html`<textarea id="f-${field.key}" data-key=${field.key} rows="5" ?required=${field.required} aria-invalid=${invalid}
        aria-describedby=${ifDefined(describedBy(field, ctx, max ? `c-${field.key}` : ''))} .value=${live(value)}></textarea>
      ${max ? html`<p class="hint counter" id="c-${field.key}">${msg(str`${value.length} of ${max} characters`, { id: 'mf.counter' })}</p>` : nothing}`;
  }
  if (field.type === 'select' || field.type === 'unit') {
    const options = field.type === 'unit' ? ctx.units.map((u) => ({ value: u.id, label: u.label })) : (field.options ?? []).map((o) => ({ value: o.value, label: o.label[ctx.locale] }));
    return html`<select id="f-${field.key}" data-key=${field.key} ?required=${field.required} aria-invalid=${invalid} aria-describedby=${ifDefined(describedBy(field, ctx))}>
      <option value="" ?selected=${!value}>${field.type === 'unit' && !field.required ? msg('No particular unit', { id: 'mf.noUnit' }) : msg('Please choose', { id: 'mf.pick' })}</option>
      ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
    </select>`;
  }
  const [type, mode, autocomplete] = inputKinds[field.type] ?? ['text'];
  const input = html`<input id="f-${field.key}" data-key=${field.key} type=${type} inputmode=${ifDefined(mode)} autocomplete=${ifDefined(autocomplete)}
    ?required=${field.required} aria-invalid=${invalid} aria-describedby=${ifDefined(describedBy(field, ctx))} .value=${live(value)}
    spellcheck=${field.type === 'iban' ? 'false' : nothing} />`;
  return field.type === 'amount' ? html`<span class="euro">${input}<span aria-hidden="true">€</span></span>` : input;
}
