import { createHash } from 'node:crypto';
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import type { FormDefinition, FormField, FormOption, ReportUnit, TicketField } from '@hausportal/api';
import { validationProblem, type HttpProblem } from '../http/problems.ts';
import { cascadeOrder } from './definition.ts';
import { day, decimal, euros, ibanGroups, joined, same, weekday, type Bilingual } from './display.ts';

// A submission's values checked against the form version it names (FormField in openapi.yaml): every error with its
// pointer and a stable code, or the values as a ticket stores them (TicketField, with the version's labels and the
// value as text) and the keys the ticket row takes from them.

/** Stable error codes of a submission. */
export type SubmissionErrorCode =
  | 'type' | 'required' | 'too_long' | 'format' | 'too_small' | 'too_large' | 'decimals' | 'not_an_option' | 'parent'
  | 'too_few' | 'too_many' | 'date' | 'iban' | 'unknown_field' | 'staff_only' | 'no_value' | 'no_credit' | 'not_my_unit'
  | 'unit_mismatch' | 'consent_required';

/** One error: `field` is a pointer into the request (`/values/<key>`, `/values/<key>/category`, `/unit`, `/consent`). */
export interface SubmissionError {
  field: string;
  code: SubmissionErrorCode;
  message: string;
}

export interface SubmissionInput {
  /** The form version the submission names. */
  definition: FormDefinition;
  /** The parsed JSON of the `values` part: an object of field key → value. */
  values: unknown;
  /** Staff may fill `staffOnly` fields; residents may not send them. */
  staff: boolean;
  /** The units the reporter may report on today (forms/catalog.ts reportScope). */
  units: ReportUnit[];
  /** Credit in cents (> 0) by unit id, for a field with `prefill: credit`. */
  credits: Map<string, number>;
  /** The request's `unit`, already checked to be one of `units` by the caller; null without one. */
  unitId: string | null;
  consent: boolean | undefined;
}

export interface SubmissionRejected {
  errors: SubmissionError[];
}

/** A valid submission: what the ticket row stores. */
export interface CheckedSubmission {
  /** The shown, non-empty values in form order, with the version's labels and their text. */
  fields: TicketField[];
  /**
   * The field mapped to `subject`; else the form's German title and the cascade problem's (or category's) label; else
   * derived from the first values (see derivedSubject); else the form's German title. At most 200 characters.
   */
  subject: string;
  location: string | null;
  category: string | null;
  problem: string | null;
  /** The value of the select mapped to `urgency`. */
  urgency: string | null;
  /** The location is a common area (its option is `shared`). */
  shared: boolean;
  /** The unit field's value, else the request's unit. */
  unitId: string | null;
  /** sha256 (hex) of the text and textarea values (trimmed, lower case, blanks collapsed); null without any text. */
  textHash: string | null;
}

/** 400 `validation_failed` with the submission's errors (each error's `code` is the field error's code). */
export const submissionProblem = (errors: SubmissionError[]): HttpProblem =>
  validationProblem(`The values do not fit the form: ${errors[0]?.message ?? ''}`.trim(), errors.map((e) => ({ field: e.field, keyword: e.code, message: e.message })));

type Fault = { at: string; code: SubmissionErrorCode; message: string };
type Result = { value: unknown; display: Bilingual } | { faults: Fault[] };

const fail = (code: SubmissionErrorCode, message: string, at = ''): Result => ({ faults: [{ at, code, message }] });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)
  || (isObject(v) && Object.values(v).every(isEmpty));

const yesNo = (v: boolean): Bilingual => (v ? { de: 'Ja', en: 'Yes' } : { de: 'Nein', en: 'No' });

/** Default and hard limits of text lengths by type. */
const maxLengths: Partial<Record<FormField['type'], number>> = { text: 500, textarea: 5000, email: 254, phone: 30 };

// Control characters: none in a line of text; tabs and line breaks in a textarea.
const lineControls = /[\u0000-\u001f\u007f]/;
const blockControls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^\+?[0-9 ()/-]{2,30}$/;
const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/** True for a real calendar day written YYYY-MM-DD. */
export function isDay(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function textValue(field: FormField, raw: unknown): Result {
  if (typeof raw !== 'string') return fail('type', 'Must be text.');
  const value = raw.trim();
  const limit = Math.min(field.maxLength ?? maxLengths[field.type]!, maxLengths[field.type]!);
  if (value.length > limit) return fail('too_long', `At most ${limit} characters.`);
  if ((field.type === 'textarea' ? blockControls : lineControls).test(value)) return fail('format', 'Contains control characters.');
  if (field.type === 'email' && !emailPattern.test(value)) return fail('format', 'Not an email address.');
  if (field.type === 'phone' && (!phonePattern.test(value) || value.replace(/\D/g, '').length < 5)) return fail('format', 'Not a phone number (digits, blanks, + ( ) / -; at least 5 digits).');
  return { value, display: same(value) };
}

function bounded(field: FormField, value: number): Result | null {
  if (field.min !== undefined && value < field.min) return fail('too_small', `At least ${field.min}.`);
  if (field.max !== undefined && value > field.max) return fail('too_large', `At most ${field.max}.`);
  return null;
}

function numberValue(field: FormField, raw: unknown): Result {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return fail('type', 'Must be a number.');
  const out = bounded(field, raw);
  if (out) return out;
  if (field.decimals !== undefined && Number(raw.toFixed(field.decimals)) !== raw) return fail('decimals', `At most ${field.decimals} decimals.`);
  return { value: raw, display: decimal(raw) };
}

function amountValue(field: FormField, raw: unknown): Result {
  if (typeof raw !== 'number' || !Number.isSafeInteger(raw) || raw < 0) return fail('type', 'Must be a whole number of cents, not negative.');
  return bounded(field, raw) ?? { value: raw, display: euros(raw) };
}

function ibanValue(raw: unknown): Result {
  if (typeof raw !== 'string') return fail('type', 'Must be text.');
  const value = electronicFormatIBAN(raw.trim());
  if (!value || !isValidIBAN(value)) return fail('iban', 'Not a valid IBAN (country, length or check digits).');
  return { value, display: same(ibanGroups(value)) };
}

const optionOf = (options: FormOption[] | undefined, value: unknown): FormOption | undefined =>
  typeof value === 'string' ? options?.find((o) => o.value === value) : undefined;

function selectValue(field: FormField, raw: unknown): Result {
  if (typeof raw !== 'string') return fail('type', 'Must be an option value.');
  const option = optionOf(field.options, raw);
  return option ? { value: raw, display: option.label } : fail('not_an_option', `"${raw}" is not an option.`);
}

function multiselectValue(field: FormField, raw: unknown): Result {
  if (!Array.isArray(raw) || !raw.every((v) => typeof v === 'string')) return fail('type', 'Must be a list of option values.');
  const chosen = new Set(raw as string[]);
  const faults = [...chosen].filter((v) => !optionOf(field.options, v)).map((v): Fault => ({ at: '', code: 'not_an_option', message: `"${v}" is not an option.` }));
  if (faults.length) return { faults };
  // In the form's order, each once.
  const options = (field.options ?? []).filter((o) => chosen.has(o.value));
  return { value: options.map((o) => o.value), display: joined(options.map((o) => o.label), ', ') };
}

function timeslotsValue(field: FormField, raw: unknown): Result {
  if (!Array.isArray(raw)) return fail('type', 'Must be a list of time windows {date, from, to}.');
  const min = field.minSlots ?? 1;
  const max = field.maxSlots ?? 10;
  if (raw.length < min) return fail('too_few', `At least ${min} time windows.`);
  if (raw.length > max) return fail('too_many', `At most ${max} time windows.`);
  const faults: Fault[] = [];
  const slots = raw.flatMap((slot, i): { date: string; from: string; to: string }[] => {
    if (!isObject(slot) || Object.keys(slot).some((k) => !['date', 'from', 'to'].includes(k))) {
      faults.push({ at: `/${i}`, code: 'type', message: 'A time window is {date, from, to}.' });
      return [];
    }
    const { date, from, to } = slot;
    const before = faults.length;
    if (!isDay(date)) faults.push({ at: `/${i}/date`, code: 'date', message: 'Not a day (YYYY-MM-DD).' });
    if (typeof from !== 'string' || !timePattern.test(from)) faults.push({ at: `/${i}/from`, code: 'format', message: 'Not a time (HH:MM).' });
    if (typeof to !== 'string' || !timePattern.test(to)) faults.push({ at: `/${i}/to`, code: 'format', message: 'Not a time (HH:MM).' });
    else if (typeof from === 'string' && timePattern.test(from) && to <= from) faults.push({ at: `/${i}/to`, code: 'too_small', message: 'Must end after it begins.' });
    return faults.length === before ? [{ date: date as string, from: from as string, to: to as string }] : [];
  });
  if (faults.length) return { faults };
  const texts = slots.map((s) => {
    const w = weekday(s.date);
    return { de: `${w.de}, ${s.from}–${s.to}`, en: `${w.en}, ${s.from}–${s.to}` };
  });
  return { value: slots, display: joined(texts, '; ') };
}

/** Options of a cascade level offered under the value chosen on the level before. */
const offeredUnder = (option: FormOption, parent: string | undefined): boolean => !option.parents || (parent !== undefined && option.parents.includes(parent));

function cascadeValue(field: FormField, raw: unknown): Result {
  if (!isObject(raw)) return fail('type', 'Must be {location, category, problem}.');
  const levels = field.levels ?? [];
  const faults: Fault[] = Object.keys(raw)
    .filter((k) => !levels.some((l) => l.key === k))
    .map((k) => ({ at: `/${k}`, code: 'unknown_field', message: `This form's cascade has no level "${k}".` }));
  const value: Record<string, string> = {};
  const labels: Bilingual[] = [];
  let parent: string | undefined;
  for (const level of levels) {
    const chosen = raw[level.key];
    if (isEmpty(chosen)) {
      faults.push({ at: `/${level.key}`, code: 'required', message: `Choose the ${level.key}.` });
      parent = undefined;
      continue;
    }
    const option = optionOf(level.options, chosen);
    if (!option) faults.push({ at: `/${level.key}`, code: typeof chosen === 'string' ? 'not_an_option' : 'type', message: `Not an option of the ${level.key}.` });
    else if (parent !== undefined && !offeredUnder(option, parent)) faults.push({ at: `/${level.key}`, code: 'parent', message: `"${option.value}" is not offered under "${parent}".` });
    else {
      value[level.key] = option.value;
      labels.push(option.label);
    }
    parent = option?.value;
  }
  return faults.length ? { faults } : { value, display: joined(labels, ' › ') };
}

function unitValue(raw: unknown, units: ReportUnit[]): Result {
  if (typeof raw !== 'string') return fail('type', 'Must be a unit id.');
  const unit = units.find((u) => u.id === raw);
  return unit ? { value: raw, display: same(unit.label) } : fail('not_my_unit', 'Not one of your units with a contract valid today.');
}

function valueOf(field: FormField, raw: unknown, units: ReportUnit[]): Result {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'phone':
      return textValue(field, raw);
    case 'number':
      return numberValue(field, raw);
    case 'amount':
      return amountValue(field, raw);
    case 'date':
      return isDay(raw) ? { value: raw, display: day(raw) } : fail('date', 'Not a day (YYYY-MM-DD).');
    case 'timeslots':
      return timeslotsValue(field, raw);
    case 'select':
      return selectValue(field, raw);
    case 'multiselect':
      return multiselectValue(field, raw);
    case 'yesno':
      return typeof raw === 'boolean' ? { value: raw, display: yesNo(raw) } : fail('type', 'Must be true or false.');
    case 'iban':
      return ibanValue(raw);
    case 'unit':
      return unitValue(raw, units);
    case 'cascade':
      return cascadeValue(field, raw);
    case 'info':
      return fail('no_value', 'An info field has no value.');
  }
}

/** Whether `field` is shown, given the values of the shown fields before it. */
function shown(field: FormField, values: Map<string, unknown>): boolean {
  const rule = field.showIf;
  if (!rule) return true;
  const value = values.get(rule.field);
  if (value === undefined) return false;
  const wanted = rule.in ?? (rule.equals === undefined ? [] : [rule.equals]);
  return Array.isArray(value) ? value.some((v) => wanted.includes(v as string)) : wanted.includes(value as string);
}

/** Field types whose values may make up a derived subject, and those among them that qualify the part before them. */
const subjectTypes: ReadonlySet<FormField['type']> = new Set(['select', 'amount', 'number', 'date', 'text']);
const qualifying: ReadonlySet<FormField['type']> = new Set(['number', 'date', 'text']);

/**
 * The subject of a form without a subject field and without a cascade: the German display texts of the first two
 * values, in field order, of a select, amount, number, date or single-line text field that residents may see (no
 * staff-only field). An amount is named with its label (a sum alone says nothing); a number, date or text qualifies
 * the part before it and follows it after a blank, other parts after " – ". So the demo's Guthabensanforderung gives
 * "Guthaben 128,40 € – Auszahlung", the Dokumentenanforderung "BK-Abrechnung 2025", Fragen zur Abrechnung
 * "Heizkostenabrechnung 2025". Null without such a value (the form's title is then the subject).
 */
function derivedSubject(stored: { field: FormField; display: Bilingual }[]): string | null {
  const parts = stored.filter((s) => subjectTypes.has(s.field.type) && !s.field.staffOnly).slice(0, 2);
  if (parts.length === 0) return null;
  return parts.map(({ field, display }, i) => {
    const text = field.type === 'amount' ? `${field.label.de} ${display.de}` : display.de;
    return i === 0 ? text : `${qualifying.has(field.type) ? ' ' : ' – '}${text}`;
  }).join('');
}

const normalized = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Checks a submission against its form version. Fields hidden by `showIf` are dropped whatever they hold (not
 * checked, not stored); empty values of fields that are not required are dropped too. A field with `prefill: credit`
 * takes the unit's credit (a value sent is ignored). `staffOnly` fields are for staff; residents sending one get
 * `staff_only`. The unit: the unit field's value, else `input.unitId` (which also fills an empty unit field; both
 * given and different is `unit_mismatch`); required when the form says so, and when the cascade's location is not a
 * common area. Returns every error found, or the checked submission.
 */
export function checkSubmission(input: SubmissionInput): SubmissionRejected | CheckedSubmission {
  const { definition } = input;
  if (!isObject(input.values)) return { errors: [{ field: '/values', code: 'type', message: 'The values must be a JSON object of field key → value.' }] };
  const raw = input.values;
  const errors: SubmissionError[] = [];
  const at = (key: string) => `/values/${key}`;
  const byKey = new Map(definition.fields.map((f) => [f.key, f]));
  for (const key of Object.keys(raw)) {
    const field = byKey.get(key);
    if (!field) errors.push({ field: at(key), code: 'unknown_field', message: `This form has no field "${key}".` });
    else if (field.staffOnly && !input.staff && !isEmpty(raw[key])) errors.push({ field: at(key), code: 'staff_only', message: 'Only staff fill this field.' });
  }

  const values = new Map<string, unknown>();
  const stored: { field: FormField; value: unknown; display: Bilingual }[] = [];
  const credit: FormField[] = [];
  for (const field of definition.fields) {
    if ((field.staffOnly && !input.staff) || !shown(field, values)) continue;
    // A unit field left empty takes the request's unit (already checked by the caller): naming it once is enough.
    const given = field.type === 'unit' && isEmpty(raw[field.key]) && input.unitId !== null ? input.unitId : raw[field.key];
    if (field.type === 'info') {
      if (given !== undefined && given !== null) errors.push({ field: at(field.key), code: 'no_value', message: 'An info field has no value.' });
      continue;
    }
    if (field.prefill === 'credit') {
      credit.push(field);
      continue;
    }
    if (isEmpty(given)) {
      if (field.required) errors.push({ field: at(field.key), code: 'required', message: 'This field is required.' });
      continue;
    }
    const result = valueOf(field, given, input.units);
    if ('faults' in result) {
      for (const f of result.faults) errors.push({ field: at(field.key) + f.at, code: f.code, message: f.message });
      continue;
    }
    values.set(field.key, result.value);
    stored.push({ field, ...result });
  }

  // The unit, and what needs one.
  const unitField = definition.fields.find((f) => f.type === 'unit');
  const chosenUnit = unitField ? (values.get(unitField.key) as string | undefined) : undefined;
  if (chosenUnit !== undefined && input.unitId !== null && chosenUnit !== input.unitId) {
    errors.push({ field: at(unitField!.key), code: 'unit_mismatch', message: 'The unit differs from the unit of the request.' });
  }
  const unitId = chosenUnit ?? input.unitId;
  const unitPointer = unitField && !(unitField.staffOnly && !input.staff) && shown(unitField, values) ? at(unitField.key) : '/unit';
  const cascadeField = definition.fields.find((f) => f.type === 'cascade');
  const cascade = cascadeField ? (values.get(cascadeField.key) as Record<string, string> | undefined) : undefined;
  const level = (key: (typeof cascadeOrder)[number]) => cascadeField?.levels?.find((l) => l.key === key);
  const locationOption = optionOf(level('location')?.options, cascade?.location);
  if (unitId === null && !errors.some((e) => e.field === unitPointer)) {
    if (definition.unitRequired) errors.push({ field: unitPointer, code: 'required', message: 'Choose the unit.' });
    else if (locationOption && !locationOption.shared) errors.push({ field: unitPointer, code: 'required', message: 'Choose the unit: the location is inside it.' });
  }

  for (const field of credit) {
    const cents = unitId === null ? undefined : input.credits.get(unitId);
    if (cents === undefined || cents <= 0) {
      if (field.required) errors.push({ field: at(field.key), code: 'no_credit', message: 'The unit shows no credit today.' });
      continue;
    }
    stored.push({ field, value: cents, display: euros(cents) });
  }

  if (definition.privacy.consentRequired && input.consent !== true) errors.push({ field: '/consent', code: 'consent_required', message: 'This form needs your consent.' });
  if (errors.length) return { errors };

  const order = new Map(definition.fields.map((f, i) => [f.key, i]));
  stored.sort((a, b) => order.get(a.field.key)! - order.get(b.field.key)!);
  const fields: TicketField[] = stored.map(({ field, value, display }) => ({ key: field.key, type: field.type, label: field.label, value, display }));

  const subjectField = definition.fields.find((f) => f.mapsTo === 'subject');
  const urgencyField = definition.fields.find((f) => f.mapsTo === 'urgency');
  const detail = optionOf(level('problem')?.options, cascade?.problem) ?? optionOf(level('category')?.options, cascade?.category);
  const subject = (subjectField ? values.get(subjectField.key) as string | undefined : undefined)
    ?? (detail ? `${definition.title.de} – ${detail.label.de}` : derivedSubject(stored) ?? definition.title.de);

  const texts = stored.filter((s) => s.field.type === 'text' || s.field.type === 'textarea').map((s) => normalized(s.value as string));
  return {
    fields,
    subject: subject.slice(0, 200),
    location: cascade?.location ?? null,
    category: cascade?.category ?? null,
    problem: cascade?.problem ?? null,
    urgency: urgencyField ? (values.get(urgencyField.key) as string | undefined) ?? null : null,
    shared: locationOption?.shared === true,
    unitId,
    textHash: texts.length ? createHash('sha256').update(texts.join('\n')).digest('hex') : null,
  };
}
