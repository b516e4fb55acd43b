import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

export interface FieldOptions {
  /** Unique id of the input (label `for`, error id `${id}-error`). */
  id: string;
  name: string;
  label: string;
  autocomplete: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date';
  value?: string;
  error?: string;
  /** Extra ids for `aria-describedby` (a hint, the password checklist). */
  describedBy?: string[];
  required?: boolean;
  inputmode?: string;
  hint?: string;
  onInput?: (event: InputEvent) => void;
}

/** A labelled input with its error text, wired with aria-invalid/aria-describedby (used in light DOM). */
export function renderField(o: FieldOptions): TemplateResult {
  const errorId = `${o.id}-error`;
  const hintId = `${o.id}-hint`;
  const describedBy = [...(o.error ? [errorId] : []), ...(o.hint ? [hintId] : []), ...(o.describedBy ?? [])];
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    ${o.hint ? html`<span class="hint" id=${hintId}>${o.hint}</span>` : nothing}
    <input
      id=${o.id}
      name=${o.name}
      type=${o.type ?? 'text'}
      autocomplete=${o.autocomplete}
      inputmode=${ifDefined(o.inputmode)}
      .defaultValue=${o.value ?? ''}
      ?required=${o.required ?? true}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${describedBy.length ? describedBy.join(' ') : nothing}
      @input=${o.onInput}
    />
    ${o.error ? html`<span class="error-text" id=${errorId}>${o.error}</span>` : nothing}
  </div>`;
}

/** The submit button; stays focusable while busy (aria-disabled) so focus is not lost. */
export function renderSubmit(label: string, busyLabel: string, busy: boolean): TemplateResult {
  return html`<button type="submit" aria-disabled=${busy ? 'true' : 'false'}>
    ${busy ? busyLabel : label}
  </button>`;
}

/** Values of a submitted form as strings. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) if (typeof value === 'string') values[key] = value;
  return values;
}

/** Moves focus to the first input marked invalid in `root`; true when there was one. */
export function focusFirstInvalid(root: ParentNode): boolean {
  const input = root.querySelector<HTMLElement>('[aria-invalid="true"]');
  input?.focus();
  return input !== null;
}
