import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { FormField, FormOption } from '@hausportal/api';
import { levelOptions, toValue, type Slot } from './model.js';
import { describedBy, mark, notes, type FieldContext } from './fields.js';

/** A group of controls under a legend (yes/no, ticks, time windows, the cascade). */
function group(field: FormField, ctx: FieldContext, body: TemplateResult, role?: string): TemplateResult {
  return html`<fieldset class="field group" data-field=${field.key} role=${ifDefined(role)} aria-required=${ifDefined(role && field.required ? 'true' : undefined)}
    aria-describedby=${ifDefined(describedBy(field, ctx))}>
    <legend>${field.label[ctx.locale]}${mark(field.required)}${field.required && !role ? html`<span class="sr">${msg('(required)', { id: 'mf.requiredSr' })}</span>` : nothing}</legend>
    ${body} ${notes(field, ctx)}
  </fieldset>`;
}

const invalid = (field: FormField, ctx: FieldContext) => (ctx.errorOf(field.key) ? 'true' : 'false');

/** Ja / Nein as two radios. */
export function renderYesNo(field: FormField, ctx: FieldContext): TemplateResult {
  const value = toValue(field, ctx.raw[field.key]);
  const radio = (on: boolean, label: string) =>
    html`<label class="check"><input type="radio" name="r-${field.key}" data-key=${field.key} value=${String(on)} .checked=${live(value === on)} aria-invalid=${invalid(field, ctx)} />${label}</label>`;
  return group(field, ctx, html`<div class="choices row">${radio(true, msg('Yes', { id: 'mf.yes' }))}${radio(false, msg('No', { id: 'mf.no' }))}</div>`, 'radiogroup');
}

/** One checkbox per option. */
export function renderChecks(field: FormField, ctx: FieldContext): TemplateResult {
  const chosen = (ctx.raw[field.key] as string[] | undefined) ?? [];
  return group(field, ctx, html`<div class="choices">${(field.options ?? []).map(
    (o) => html`<label class="check"><input type="checkbox" data-key=${field.key} value=${o.value} .checked=${live(chosen.includes(o.value))} aria-invalid=${invalid(field, ctx)} />${o.label[ctx.locale]}</label>`,
  )}</div>`);
}

/** The time windows, as many rows as given (at least `minSlots`), and a button for one more up to `maxSlots`. */
export function renderSlots(field: FormField, ctx: FieldContext): TemplateResult {
  const slots = (ctx.raw[field.key] as Slot[] | undefined) ?? [];
  const rows = Math.max(field.minSlots ?? 1, slots.length, 1);
  const input = (i: number, part: keyof Slot, label: string, type: string) =>
    html`<label class="slot-part">${label}<input type=${type} data-key=${field.key} data-sub="${i}.${part}" .value=${live(slots[i]?.[part] ?? '')} aria-invalid=${invalid(field, ctx)} /></label>`;
  return group(
    field,
    ctx,
    html`${Array.from({ length: rows }, (_, i) => html`<fieldset class="slot">
        <legend>${msg(str`Time window ${i + 1}`, { id: 'mf.slot.n' })}</legend>
        ${input(i, 'date', msg('Date', { id: 'mf.slot.date' }), 'date')} ${input(i, 'from', msg('from', { id: 'mf.slot.from' }), 'time')}
        ${input(i, 'to', msg('to', { id: 'mf.slot.to' }), 'time')}
      </fieldset>`)}
      ${rows < (field.maxSlots ?? rows) ? html`<button type="button" class="secondary" data-add=${field.key}>${msg('Add a time window', { id: 'mf.slot.add' })}</button>` : nothing}`,
  );
}

/** Options under their groups (optgroups for Wohnung, Allgemeinfläche …). */
function options(list: FormOption[], value: string, ctx: FieldContext): unknown {
  const groups = new Map<string, FormOption[]>();
  for (const o of list) groups.set(o.group?.[ctx.locale] ?? '', [...(groups.get(o.group?.[ctx.locale] ?? '') ?? []), o]);
  const item = (o: FormOption) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label[ctx.locale]}</option>`;
  return [...groups].map(([label, items]) => (label ? html`<optgroup label=${label}>${items.map(item)}</optgroup>` : items.map(item)));
}

/** Location → category → problem: each level offers the options under the value chosen before it. */
export function renderCascade(field: FormField, ctx: FieldContext): TemplateResult {
  const chosen = (ctx.raw[field.key] as Record<string, string> | undefined) ?? {};
  let parent: string | undefined;
  let reached = true;
  const levels = (field.levels ?? []).map((level, i) => {
    const list = levelOptions(level, parent);
    const open = reached;
    reached = !!chosen[level.key];
    parent = chosen[level.key];
    if (i > 0 && open && !list.length) return nothing;
    const id = `f-${field.key}-${level.key}`;
    return html`<div class="field">
      <label for=${id}>${level.label[ctx.locale]}</label>
      <select id=${id} data-key=${field.key} data-sub=${level.key} ?required=${field.required} ?disabled=${!open} aria-invalid=${invalid(field, ctx)}>
        <option value="" ?selected=${!chosen[level.key]}>${msg('Please choose', { id: 'mf.pick' })}</option>
        ${options(list, chosen[level.key] ?? '', ctx)}
      </select>
    </div>`;
  });
  return group(field, ctx, html`<div class="levels">${levels}</div>`);
}
