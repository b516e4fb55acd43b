import type { CascadeLevel, Form, FormField, FormOption } from '@hausportal/api';

/** A time window as typed: date `YYYY-MM-DD`, from and to `HH:MM`. */
export interface Slot {
  date: string;
  from: string;
  to: string;
}

/** A field's input as the person left it: text as typed, ticks, yes/no, time windows, the cascade's levels. */
export type Raw = string | string[] | boolean | Slot[] | Record<string, string>;
export type RawValues = Record<string, Raw | undefined>;

/**
 * A draft to open a form with, from elsewhere on the page (the chat bot's hand-over): the form's key, and what to fill
 * in where the form has such a field — `subject` into the field that is the ticket's subject (`mapsTo: subject`),
 * `text` into the form's first text area, `unitId` as the unit (when it is one of mine), `urgency` as the option of the
 * field that is the ticket's urgency (`mapsTo: urgency`, e.g. `notfall`). `transcript` (lines of a conversation)
 * shows below the text area as a block the person may remove, and is appended to that text when the form is sent.
 */
export interface MessageDraft {
  form: string;
  subject?: string;
  text?: string;
  unitId?: string | null;
  urgency?: string | null;
  transcript?: string;
}

/**
 * `text` with the transcript after a blank line under `heading`, within `max` characters: the oldest lines of the
 * transcript go first when it is too long, all of them when even one does not fit (the text itself stays whole).
 */
export function withTranscript(text: string, transcript: string, heading: string, max = Infinity): string {
  const lines = transcript.split('\n').filter((line) => line.trim());
  for (; lines.length; lines.shift()) {
    const joined = [text.trim(), `${heading}\n${lines.join('\n')}`].filter(Boolean).join('\n\n');
    if (joined.length <= max) return joined;
  }
  return text;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()/-]{4,40}$/;

/** "1.234,50", "1234.5", "12,50 €" → "1234.50" / "1234.5" / "12.50"; null for anything else. */
function plainDecimal(text: string): string | null {
  const s = text.replace(/[\s\u00a0€]/g, '');
  const german = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) || /^-?\d+,\d+$/.test(s);
  const plain = german ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,(?=\d{3}(\D|$))/g, '');
  return /^-?\d+(\.\d+)?$/.test(plain) ? plain : null;
}

/** A number as typed in German or English ("1.234,50", "1,234.50", "12,5") → 1234.5; NaN for anything else. */
export const parseDecimal = (text: string): number => Number(plainDecimal(text) ?? NaN);

/** Digits after the decimal separator as typed. */
const decimalsOf = (text: string) => plainDecimal(text)?.split('.')[1]?.length ?? 0;

/** An IBAN without blanks, upper case. */
export const compactIban = (text: string) => text.replace(/[\s-]/g, '').toUpperCase();

/** An IBAN in groups of four: "AT61 1904 3002 3457 3201". */
export const formatIban = (text: string) => compactIban(text).replace(/(.{4})(?=.)/g, '$1 ');

/** The ISO 13616 check: country, check digits and the mod-97 remainder 1. */
export function ibanValid(text: string): boolean {
  const iban = compactIban(text);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

/** A level's options under the value chosen on the level before (all when the option names no parents). */
export const levelOptions = (level: CascadeLevel, parent: string | undefined): FormOption[] =>
  level.options.filter((o) => !o.parents?.length || (parent !== undefined && o.parents.includes(parent)));

/** Time windows with one empty row more than shown (at least `minSlots` rows are shown). */
export function addSlot(field: FormField, current: Raw | undefined): Slot[] {
  const slots = [...((current as Slot[] | undefined) ?? [])];
  const rows = Math.max(field.minSlots ?? 1, slots.length, 1) + 1;
  while (slots.length < rows) slots.push({ date: '', from: '', to: '' });
  return slots;
}

/** The field's value as the API takes it (FormField), or undefined when nothing was given. */
export function toValue(field: FormField, raw: Raw | undefined): unknown {
  if (raw === undefined || raw === '') return undefined;
  switch (field.type) {
    case 'number':
      return parseDecimal(String(raw));
    case 'amount':
      return Math.round(parseDecimal(String(raw)) * 100);
    case 'iban':
      return compactIban(String(raw));
    case 'yesno':
      return raw === true || raw === 'true' ? true : raw === false || raw === 'false' ? false : undefined;
    case 'multiselect':
      return (raw as string[]).length ? raw : undefined;
    case 'timeslots': {
      const slots = (raw as Slot[]).filter((s) => s.date || s.from || s.to);
      return slots.length ? slots : undefined;
    }
    case 'cascade': {
      const chosen = Object.entries(raw as Record<string, string>).filter(([, v]) => v);
      return chosen.length ? Object.fromEntries(chosen) : undefined;
    }
    case 'info':
      return undefined;
    default:
      return typeof raw === 'string' ? raw.trim() || undefined : raw;
  }
}

/** Shown (and checked) now: its `showIf` field is shown and has the value named. */
export function isShown(form: Form, field: FormField, raw: RawValues, depth = 0): boolean {
  if (field.staffOnly) return false;
  const rule = field.showIf;
  if (!rule) return true;
  const other = form.fields.find((f) => f.key === rule.field);
  if (!other || depth > form.fields.length || !isShown(form, other, raw, depth + 1)) return false;
  const value = toValue(other, raw[other.key]);
  return rule.in ? rule.in.includes(value as string) : value === rule.equals;
}

/** The option chosen with `emergency: true` (in a select or a cascade level), if any. */
export function emergencyChosen(form: Form, raw: RawValues): boolean {
  return form.fields.some((field) => {
    if (!isShown(form, field, raw)) return false;
    const value = raw[field.key];
    if (field.type === 'cascade') return (field.levels ?? []).some((l) => l.options.some((o) => o.emergency && (value as Record<string, string> | undefined)?.[l.key] === o.value));
    const chosen: unknown[] = Array.isArray(value) ? value : [value];
    return (field.options ?? []).some((o) => o.emergency && chosen.includes(o.value));
  });
}

/** Why the field's input cannot be sent, as a code (with its limit), or null when it can. */
export type Problem = { code: 'required' | 'choose' | 'tooLong' | 'number' | 'min' | 'max' | 'decimals' | 'amount' | 'email' | 'phone' | 'iban' | 'slots' | 'slot' | 'cascade' | 'consent'; limit?: number };

/** Checks one shown field (the server checks again). */
export function check(field: FormField, raw: Raw | undefined): Problem | null {
  const value = toValue(field, raw);
  if (value === undefined || field.type === 'info') {
    if (!field.required || field.type === 'info' || field.prefill) return null;
    return { code: ['text', 'textarea', 'number', 'amount', 'date', 'email', 'phone', 'iban'].includes(field.type) ? 'required' : field.type === 'timeslots' ? 'slots' : field.type === 'cascade' ? 'cascade' : 'choose', limit: field.minSlots ?? 1 };
  }
  const text = typeof raw === 'string' ? raw : '';
  if (field.maxLength && text.length > field.maxLength) return { code: 'tooLong', limit: field.maxLength };
  if (field.type === 'number' || field.type === 'amount') {
    const n = value as number;
    if (Number.isNaN(n)) return { code: field.type === 'amount' ? 'amount' : 'number' };
    const decimals = field.type === 'amount' ? 2 : field.decimals;
    if (decimals !== undefined && decimalsOf(text) > decimals) return { code: 'decimals', limit: decimals };
    const euros = field.type === 'amount' ? n / 100 : n;
    if (field.min !== undefined && euros < field.min) return { code: 'min', limit: field.min };
    if (field.max !== undefined && euros > field.max) return { code: 'max', limit: field.max };
  }
  if (field.type === 'email' && !EMAIL.test(value as string)) return { code: 'email' };
  if (field.type === 'phone' && !PHONE.test(value as string)) return { code: 'phone' };
  if (field.type === 'iban' && !ibanValid(value as string)) return { code: 'iban' };
  if (field.type === 'timeslots') {
    const slots = value as Slot[];
    if (slots.some((s) => !s.date || !s.from || !s.to || s.from >= s.to)) return { code: 'slot' };
    if (field.required && slots.length < (field.minSlots ?? 1)) return { code: 'slots', limit: field.minSlots ?? 1 };
  }
  if (field.type === 'cascade' && field.required) {
    const chosen = value as Record<string, string>;
    let parent: string | undefined;
    for (const level of field.levels ?? []) {
      if (!chosen[level.key] && levelOptions(level, parent).length) return { code: 'cascade' };
      parent = chosen[level.key];
    }
  }
  return null;
}

/** The values of the shown fields as POST /tickets takes them (a JSON object of key → value). */
export function collect(form: Form, raw: RawValues, credit?: number): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of form.fields) {
    if (!isShown(form, field, raw)) continue;
    const value = field.prefill === 'credit' ? credit : toValue(field, raw[field.key]);
    if (value !== undefined) values[field.key] = value;
  }
  return values;
}

/** The field key a server error's pointer names: `/values/iban` → `iban`, `/values/damage/category` → `damage`, `/unit` → `unit`. */
export function pointerKey(pointer: string): string {
  const parts = pointer.replace(/^#/, '').split('/').filter(Boolean);
  return (parts[0] === 'values' ? parts[1] : parts[0]) ?? '';
}

/** A size in words: "850 KB", "1,2 MB". */
export function sizeText(bytes: number, locale: 'de' | 'en'): string {
  const mb = bytes >= 1024 * 1024;
  const value = mb ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024));
  return `${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: mb ? 1 : 0 }).format(value)}\u00a0${mb ? 'MB' : 'KB'}`;
}
