import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { type Locale } from '@hausportal/core';
import type { FormCatalog, FormField } from '@hausportal/api';
import { renderAttachments } from './attachments.js';
import type { Duplicates } from './duplicates.js';
import { renderField, type FieldContext } from './fields.js';
import type { FillState } from './fill-state.js';
import { emergencyChosen, formatIban, type Raw, type Slot } from './model.js';
import type { Sender } from './send.js';
import { renderDuplicates, renderEmergency, retryHelps, sendFailure } from './views.js';

export interface FormView {
  fill: FillState;
  catalog: FormCatalog;
  sender: Sender;
  duplicates: Duplicates;
  locale: Locale;
  /** Why the files chosen last were not all added ('' when they were). */
  fileNote: string;
}

/** The chosen form: emergency numbers when called for, unit, fields, "already reported", files, privacy, sending. */
export function renderForm({ fill, catalog, sender, duplicates, locale, fileNote }: FormView): TemplateResult {
  const form = fill.form!;
  const ctx: FieldContext = { locale, raw: fill.raw, errorOf: (key) => fill.errorOf(key), credit: fill.credit, units: fill.units };
  const sending = sender.state === 'sending';
  return html`${emergencyChosen(form, fill.raw) ? renderEmergency(catalog.emergencyNumbers, locale) : nothing}
    <form part="form" novalidate aria-labelledby="form-title">
      <div class="form-head">
        <h3 id="form-title" class="subtitle" tabindex="-1">${form.title[locale]}</h3>
        <button type="button" class="link" data-back>${msg('Choose another form', { id: 'mf.back' })}</button>
      </div>
      ${form.description ? html`<p class="hint">${form.description[locale]}</p>` : nothing}
      <p class="hint">${msg('Fields marked * are required.', { id: 'mf.requiredNote' })}</p>
      <fieldset class="fields" ?disabled=${sending}>
        ${fill.unitField ? nothing : renderUnit(fill)}
        ${fill.shown.map((field) => html`${renderField(field, ctx)}${field.type === 'cascade' && duplicates.items.length ? renderDuplicates(duplicates.items, locale, duplicates.joining, duplicates.error) : nothing}${field === fill.textField && fill.transcript ? renderTranscript(fill.transcript) : nothing}`)}
        ${form.attachments.maxFiles
          ? renderAttachments({ files: fill.files, limits: form.attachments, note: fileNote, locale, sent: sender.state === 'sending' ? sender.sentOf(fill.files) : undefined })
          : nothing}
        ${renderPrivacy(fill, locale)}
      </fieldset>
      <div class="actions">
        <button type="submit" part="submit" ?disabled=${sending}>${sending ? msg('Sending …', { id: 'mf.sending' }) : msg('Send', { id: 'mf.send' })}</button>
        ${sending ? html`<button type="button" class="secondary" data-cancel>${msg('Cancel', { id: 'mf.cancel' })}</button>` : nothing}
      </div>
      ${renderOutcome(sender, locale)}
    </form>`;
}

/** The conversation a draft came with, below the text area: it is appended to the text unless the person removes it. */
function renderTranscript(transcript: string): TemplateResult {
  return html`<section part="transcript" class="transcript" aria-labelledby="transcript-title">
    <h4 id="transcript-title" class="subtitle">${msg('Chat transcript', { id: 'mf.transcript' })}</h4>
    <p class="hint">${msg('It is added to your message when you send it.', { id: 'mf.transcript.hint' })}</p>
    <p class="transcript-text">${transcript}</p>
    <button type="button" class="secondary" data-transcript-remove>${msg('Do not send the transcript', { id: 'mf.transcript.remove' })}</button>
  </section>`;
}

function renderOutcome(sender: Sender, locale: Locale): TemplateResult | typeof nothing {
  if (sender.state !== 'failed' && sender.state !== 'cancelled') return nothing;
  const text = sender.state === 'cancelled' ? msg('Sending was cancelled. Your entries are kept.', { id: 'mf.cancelled' }) : sendFailure(sender.error, locale);
  return html`<div part="error" class="hp-state ${sender.state === 'failed' ? 'hp-error' : 'hp-empty'}" role="alert">
    <span>${text}</span>
    ${sender.state === 'cancelled' || retryHelps(sender.error) ? html`<button type="button" class="secondary" part="retry" data-retry>${msg('Send again', { id: 'mf.retry' })}</button>` : nothing}
  </div>`;
}

/** The widget's own unit picker (for a form without a unit field); with one unit only that unit as text, with none nothing. */
function renderUnit(fill: FillState): TemplateResult | typeof nothing {
  const units = fill.units;
  const label = msg('Unit', { id: 'mf.unit' });
  if (units.length === 1) return html`<p class="unit-fixed"><span class="label">${label}</span> ${units[0]!.label}</p>`;
  if (!units.length) return nothing;
  const required = fill.form!.unitRequired;
  const error = fill.errorOf('unit');
  return html`<div class="field" data-field="unit">
    <label for="f-unit">${label}${required ? html`<span class="req" aria-hidden="true">*</span>` : nothing}</label>
    <select id="f-unit" data-key="unit" ?required=${required} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(error ? 'e-unit' : undefined)}>
      <option value="" ?selected=${!fill.unit}>${required ? msg('Please choose', { id: 'mf.pick' }) : msg('No particular unit', { id: 'mf.noUnit' })}</option>
      ${units.map((u) => html`<option value=${u.id} ?selected=${u.id === fill.unit}>${u.label}</option>`)}
    </select>
    ${error ? html`<p class="error-text" id="e-unit">${error}</p>` : nothing}
  </div>`;
}

/** The privacy notice (always, folded) and the consent checkbox where the form asks for it. */
function renderPrivacy(fill: FillState, locale: Locale): TemplateResult {
  const { privacy } = fill.form!;
  const error = fill.errorOf('consent');
  return html`<details part="privacy" class="privacy">
      <summary>${msg('Privacy notice', { id: 'mf.privacy' })}</summary>
      <p>${privacy.notice[locale]}</p>
    </details>
    ${privacy.consentRequired
      ? html`<div class="field" data-field="consent">
          <label class="check"><input type="checkbox" id="f-consent" data-key="consent" required .checked=${live(fill.consent)}
            aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(error ? 'e-consent' : undefined)} />
            <span>${privacy.consentText?.[locale] ?? msg('I agree that my details are processed for this request.', { id: 'mf.consent' })}<span class="req" aria-hidden="true">*</span></span></label>
          ${error ? html`<p class="error-text" id="e-consent">${error}</p>` : nothing}
        </div>`
      : nothing}`;
}

/** The input of `field` after an input or change event on one of its controls. */
export function inputValue(field: FormField, target: HTMLInputElement, current: Raw | undefined, type: string): Raw {
  const sub = target.dataset.sub ?? '';
  switch (field.type) {
    case 'multiselect': {
      const rest = ((current as string[] | undefined) ?? []).filter((v) => v !== target.value);
      return target.checked ? [...rest, target.value] : rest;
    }
    case 'yesno':
      return target.value === 'true';
    case 'timeslots': {
      const [at, part] = sub.split('.') as [string, keyof Slot];
      const slots = [...((current as Slot[] | undefined) ?? [])];
      while (slots.length <= Number(at)) slots.push({ date: '', from: '', to: '' });
      slots[Number(at)] = { ...slots[Number(at)]!, [part]: target.value };
      return slots;
    }
    case 'cascade':
      return { ...((current as Record<string, string> | undefined) ?? {}), [sub]: target.value };
    case 'iban':
      return type === 'change' ? formatIban(target.value) : target.value;
    default:
      return target.value;
  }
}
