import type { ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { Form, FormCatalog, FormField, ReportUnit } from '@hausportal/api';
import { check, collect, isShown, levelOptions, withTranscript, type MessageDraft, type Raw, type RawValues } from './model.js';
import { problemText } from './messages.js';
import { draftKey, storage } from './drafts.js';

/** What a draft keeps (never the files). */
interface Draft {
  raw: RawValues;
  unit: string;
  consent: boolean;
}

/**
 * The chosen form as it is being filled: the inputs, the unit, the consent and the files; which fields were left
 * once (their errors show as one types), and the errors the server named. The inputs (not the files, never an IBAN)
 * are kept as a draft in sessionStorage per organization, user and form until the form is sent or the user signs out.
 *
 * The unit: a form with a field of type `unit` asks for it in that field (its value is `unit` as well as the field's
 * value); a form without one gets the widget's own unit picker.
 *
 * A {@link MessageDraft} from elsewhere (the chat bot) fills the fields it names ({@link prefill}); its transcript is
 * kept here (not in the stored draft) and appended to the text on sending unless the person removed it.
 */
export class FillState {
  form?: Form;
  catalog?: FormCatalog;
  raw: RawValues = {};
  unit = '';
  consent = false;
  files: File[] = [];
  /** Fields left once, or all after a try to send: their problems show. */
  readonly touched = new Set<string>();
  /** Errors the server named, by field key (`unit`, `consent` or a field's key). */
  server: Record<string, string> = {};
  /** Lines of a conversation to append to the text field on sending ('' for none, or once the person removed it). */
  transcript = '';
  private draftKey = '';

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Starts `form` with its draft, if one was kept; the only unit possible is chosen. */
  start(form: Form, catalog: FormCatalog, owner: string): void {
    this.form = form;
    this.catalog = catalog;
    this.draftKey = draftKey(owner, form.key);
    const draft = this.readDraft();
    this.raw = draft?.raw ?? {};
    const units = this.units;
    this.unit = draft && units.some((u) => u.id === draft.unit) ? draft.unit : units.length === 1 ? units[0]!.id : '';
    const field = this.unitField;
    if (field) this.raw = { ...this.raw, [field.key]: this.unit };
    this.consent = draft?.consent ?? false;
    this.files = [];
    this.transcript = '';
    this.touched.clear();
    this.server = {};
    this.host.requestUpdate();
  }

  /**
   * Fills the started form from `draft` where it has such fields: the subject field (`mapsTo: subject`), the urgency
   * field (`mapsTo: urgency`, only an option it offers), the unit (only one of mine) and the first text area (the text
   * and, on sending, the transcript). What the form has no field for is left out; values are cut to the field's
   * maximum length. The filled values are kept as the stored draft like typed ones.
   */
  prefill(draft: MessageDraft): void {
    const fields = this.form?.fields.filter((f) => !f.staffOnly) ?? [];
    const subject = fields.find((f) => f.mapsTo === 'subject');
    const urgency = fields.find((f) => f.mapsTo === 'urgency');
    const text = this.textField;
    if (draft.subject && subject) this.set(subject.key, draft.subject.slice(0, subject.maxLength));
    if (draft.urgency && urgency?.options?.some((o) => o.value === draft.urgency)) this.set(urgency.key, draft.urgency);
    if (draft.unitId && this.units.some((u) => u.id === draft.unitId)) this.set(this.unitField?.key ?? 'unit', draft.unitId);
    if (draft.text && text) this.set(text.key, draft.text.slice(0, text.maxLength));
    this.transcript = text ? (draft.transcript ?? '').trim() : '';
  }

  /** The form's first text area: where a draft's text goes and the transcript is appended. */
  get textField(): FormField | undefined {
    return this.form?.fields.find((f) => f.type === 'textarea' && !f.staffOnly);
  }

  /** The form's own field of type `unit`, if it has one (then the widget shows no unit picker of its own). */
  get unitField(): FormField | undefined {
    return this.form?.fields.find((f) => f.type === 'unit' && !f.staffOnly);
  }

  /** Units I may choose: for a form offered for a credit, those with a credit. */
  get units(): ReportUnit[] {
    const { catalog, form } = this;
    if (!catalog) return [];
    return form?.offer === 'credit' ? catalog.units.filter((u) => catalog.credits.some((c) => c.unitId === u.id)) : catalog.units;
  }

  /** The credit of the chosen unit in cents, if it has one. */
  get credit(): number | undefined {
    return this.catalog?.credits.find((c) => c.unitId === this.unit)?.cents;
  }

  /** The property of the chosen unit, or the only property of my units. */
  get property(): string | undefined {
    const units = this.catalog?.units ?? [];
    const chosen = units.find((u) => u.id === this.unit);
    const properties = new Set(units.map((u) => u.propertyId));
    return chosen?.propertyId ?? (properties.size === 1 ? [...properties][0] : undefined);
  }

  get shown(): FormField[] {
    return this.form ? this.form.fields.filter((f) => isShown(this.form!, f, this.raw)) : [];
  }

  /**
   * Sets a field's input (`unit` and `consent` for the own unit picker and the consent; the form's unit field sets the
   * unit too); a cascade level clears the levels after it that no longer fit.
   */
  set(key: string, value: Raw): void {
    const field = this.unitField;
    if (key === (field?.key ?? 'unit')) this.unit = String(value);
    if (key === 'consent') this.consent = value === true;
    else if (key !== 'unit' || field) this.raw = { ...this.raw, [key]: this.fit(key, value) };
    delete this.server[key];
    this.saveDraft();
    this.host.requestUpdate();
  }

  touch(key: string): void {
    if (this.touched.has(key)) return;
    this.touched.add(key);
    this.host.requestUpdate();
  }

  /** The error shown at a field: the server's, or its problem once it was left. */
  errorOf(key: string): string {
    if (this.server[key]) return this.server[key];
    if (!this.touched.has(key) || !this.form) return '';
    if (key === 'unit' && !this.unitField) return this.form.unitRequired && !this.unit && this.units.length > 1 ? problemText({ code: 'choose' }) : '';
    if (key === 'consent') return this.form.privacy.consentRequired && !this.consent ? problemText({ code: 'consent' }) : '';
    const field = this.form.fields.find((f) => f.key === key);
    const problem = field && check(field, this.raw[key]);
    return problem ? problemText(problem) : '';
  }

  /** Touches everything shown; the keys with an error, in the order shown. */
  validate(): string[] {
    const keys = [...(this.unitField ? [] : ['unit']), ...this.shown.map((f) => f.key), 'consent'];
    keys.forEach((k) => this.touched.add(k));
    this.host.requestUpdate();
    return keys.filter((k) => this.errorOf(k));
  }

  /** The values to send; the transcript, unless removed, appended to the text area's value (within its maximum). */
  values(): Record<string, unknown> {
    if (!this.form) return {};
    const values = collect(this.form, this.raw, this.credit);
    const field = this.textField;
    if (this.transcript && field && isShown(this.form, field, this.raw)) {
      const heading = msg('Chat transcript:', { id: 'mf.transcript.heading' });
      values[field.key] = withTranscript(String(values[field.key] ?? ''), this.transcript, heading, field.maxLength);
    }
    return values;
  }

  /** Forgets the draft of this form. */
  clearDraft(): void {
    storage()?.removeItem(this.draftKey);
  }

  private fit(key: string, value: Raw): Raw {
    const field = this.form?.fields.find((f) => f.key === key);
    if (field?.type !== 'cascade') return value;
    const chosen = { ...(value as Record<string, string>) };
    let parent: string | undefined;
    for (const level of field.levels ?? []) {
      if (chosen[level.key] && !levelOptions(level, parent).some((o) => o.value === chosen[level.key])) delete chosen[level.key];
      parent = chosen[level.key];
    }
    return chosen;
  }

  private readDraft(): Draft | null {
    try {
      return JSON.parse(storage()?.getItem(this.draftKey) ?? 'null') as Draft | null;
    } catch {
      return null;
    }
  }

  private saveDraft(): void {
    const raw = Object.fromEntries(Object.entries(this.raw).filter(([key]) => this.form?.fields.find((f) => f.key === key)?.type !== 'iban'));
    const draft: Draft = { raw, unit: this.unit, consent: this.consent };
    try {
      storage()?.setItem(this.draftKey, JSON.stringify(draft));
    } catch {
      // Storage full or refused: the form works without a draft.
    }
  }
}

