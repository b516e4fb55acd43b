import type { FaqEntry, FaqEntryInput, FaqImportResult } from '@hausportal/api';
import type { Db } from '../db.ts';
import { bool, json } from '../db.ts';
import { newId } from '../ids.ts';
import { HttpProblem, validationProblem } from '../http/problems.ts';
import { notFound } from '../http/params.ts';
import { requireOwned, unknownIds } from '../admin/scope.ts';
import { renderFaqAnswer } from './faq-markdown.ts';
import type { ChatLang, FaqForChat } from './types.ts';

// The organization's FAQ (faq_entries, migration 011): reading it for the chat bot (which entries a person may be
// answered with) and for the manager API (admin/faq-routes.ts), the rules every write follows, and the writes
// (create, update, delete, import), each in the caller's transaction. The answer is stored as written (restricted
// Markdown) and rendered (chat/faq-markdown.ts: sanitized HTML and plain text).

export type FaqRole = 'tenant' | 'owner';

/** An FAQ entry as the chat needs it: FaqForChat plus who may get it and when. */
export interface FaqRecord extends FaqForChat {
  id: string;
  category: string;
  /** Who gets it when signed in; [] (like both) for everyone. */
  roles: FaqRole[];
  /** Only for persons with a current contract in one of these properties; [] for every property. */
  propertyIds: string[];
  /** Days (YYYY-MM-DD, inclusive) in the organization's calendar; null: no limit. */
  validFrom: string | null;
  validUntil: string | null;
  active: boolean;
  sort: number;
}

/** Who asks: signed in or not, the roles and properties of their current contracts. */
export interface FaqAsker {
  signedIn: boolean;
  roles: Set<FaqRole>;
  propertyIds: Set<string>;
}

/** A row of faq_entries. */
export interface FaqRow {
  id: string;
  organization_id: string;
  key: string;
  lang: ChatLang;
  questions: string;
  answer_md: string;
  answer_html: string;
  answer_text: string;
  category: string;
  roles: string;
  property_ids: string;
  valid_from: string | null;
  valid_until: string | null;
  active: boolean | number;
  sort: number;
  created_at: string;
  updated_at: string;
}

const roleOrder: FaqRole[] = ['tenant', 'owner'];
export const defaultFaqCategory = 'allgemein';

/** The organization's entries (all languages unless `lang`), by category, sort, key and language. */
export function faqRows(db: Db, organizationId: string, lang?: ChatLang) {
  const q = db('faq_entries').where({ organization_id: organizationId }).orderBy('category').orderBy('sort').orderBy('key').orderBy('lang').select<FaqRow[]>('*');
  if (lang) q.where({ lang });
  return q;
}

/** The API shape (FaqEntry) of a row. */
export const faqEntryOf = (row: FaqRow): FaqEntry => ({
  id: row.id,
  key: row.key,
  lang: row.lang,
  questions: json<string[]>(row.questions, []),
  answer: row.answer_md,
  answerHtml: row.answer_html,
  category: row.category,
  roles: json<FaqRole[]>(row.roles, []),
  propertyIds: json<string[]>(row.property_ids, []),
  validFrom: row.valid_from,
  validUntil: row.valid_until,
  active: bool(row.active),
  sort: Number(row.sort),
  updatedAt: row.updated_at,
});

/** The entry as an import takes it back (FaqEntryInput: everything but id, HTML and time). */
export const faqInputOf = (e: FaqEntry): FaqEntryInput => ({
  key: e.key, lang: e.lang, questions: e.questions, answer: e.answer, category: e.category, roles: e.roles,
  propertyIds: e.propertyIds, validFrom: e.validFrom, validUntil: e.validUntil, active: e.active, sort: e.sort,
});

const recordOf = (row: FaqRow): FaqRecord => {
  const e = faqEntryOf(row);
  return {
    id: e.id, key: e.key, lang: e.lang, questions: e.questions, answerText: row.answer_text, answerHtml: e.answerHtml,
    category: e.category, roles: e.roles, propertyIds: e.propertyIds, validFrom: e.validFrom, validUntil: e.validUntil, active: e.active, sort: e.sort,
  };
};

/** Every FAQ entry of the organization (active or not, any window) for the chat, by category, sort, key, language. */
export async function faqRecordsOf(db: Db, organizationId: string): Promise<FaqRecord[]> {
  return (await faqRows(db, organizationId)).map(recordOf);
}

const inWindow = (r: Pick<FaqRecord, 'validFrom' | 'validUntil'>, day: string): boolean =>
  (r.validFrom === null || r.validFrom <= day) && (r.validUntil === null || day <= r.validUntil);

const overlaps = <T>(wanted: T[], have: Set<T>): boolean => wanted.length === 0 || wanted.some((x) => have.has(x));

/**
 * Whether `record` may answer `asker` on `day` (YYYY-MM-DD, the organization's): it must be active and `day` within
 * its window. An entry for chosen properties answers only people with a current contract there: never signed out,
 * never without a contract (a manager trying the bot, a former resident), as it may hold what only that building
 * should know (a door code). Signed out or without a contract, every other entry answers, whatever its roles, as on a
 * public FAQ page. Signed in with contracts, one of the asker's roles must be among the entry's roles and one of
 * their properties among its properties; an empty list means all.
 */
export function faqAllowed(record: Pick<FaqRecord, 'active' | 'validFrom' | 'validUntil' | 'roles' | 'propertyIds'>, asker: FaqAsker, day: string): boolean {
  if (!record.active || !inWindow(record, day)) return false;
  if (!asker.signedIn || asker.roles.size === 0) return record.propertyIds.length === 0;
  return overlaps(record.roles, asker.roles) && overlaps(record.propertyIds, asker.propertyIds);
}

// Writes in this process bump the organization's generation once their transaction has committed, so that a cached
// matcher is rebuilt even when a write keeps the count and the latest `updated_at` (two writes in one millisecond).
const generations = new Map<string, number>();

/** Call after writing the organization's FAQ with `db` (a transaction or not). */
export function faqChanged(db: Db, organizationId: string): void {
  const bump = () => generations.set(organizationId, (generations.get(organizationId) ?? 0) + 1);
  // A savepoint's promise settles when it is released; the outermost transaction's when it commits.
  type Trx = { executionPromise?: Promise<unknown>; parentTransaction?: Trx };
  let trx = db as unknown as Trx;
  while (trx.parentTransaction) trx = trx.parentTransaction;
  if (trx.executionPromise) trx.executionPromise.then(bump, () => {});
  else bump();
}

/**
 * A cheap version of the organization's FAQ, for caches: "<count>|<latest updated_at>|<generation>". It changes
 * with every write (create, update, delete, import) that commits; compare it with `===`.
 */
export async function faqVersion(db: Db, organizationId: string): Promise<string> {
  const row = (await db('faq_entries').where({ organization_id: organizationId }).count({ n: '*' }).max({ last: 'updated_at' }).first()) as { n: number | string; last: string | null };
  return `${Number(row.n)}|${row.last ?? ''}|${generations.get(organizationId) ?? 0}`;
}

/** An entry's fields after the rules and defaults of {@link checkFaqInput}. */
export type FaqFields = Required<FaqEntryInput>;

const ruleBroken = (field: string, message: string) => validationProblem(message, [{ field, keyword: '', message }]);

/** The questions trimmed, without repeats (ignoring case); a blank one is a 400 naming it. */
function cleanQuestions(questions: string[], at: string): string[] {
  const seen = new Set<string>();
  return questions.flatMap((q, i) => {
    const text = q.replace(/\s+/g, ' ').trim();
    if (text.length < 2) throw ruleBroken(`${at}/questions/${i}`, 'A question must not be blank.');
    const folded = text.toLocaleLowerCase('de');
    if (seen.has(folded)) return [];
    seen.add(folded);
    return [text];
  });
}

/**
 * An entry's input (FaqEntryInput, shapes checked by the contract) with its defaults — category "allgemein", both
 * roles, all properties, no window, active, sort 0 — and the rules the schema cannot say: questions and answer not
 * blank (questions are trimmed, repeats dropped), validFrom not after validUntil. 400 `validation_failed` naming the
 * field under `at` (a JSON pointer prefix: "" for a single entry, "/entries/<i>" in an import).
 */
export function checkFaqInput(input: FaqEntryInput, at = ''): FaqFields {
  const answer = input.answer.trim();
  if (answer === '') throw ruleBroken(`${at}/answer`, 'The answer must not be blank.');
  const category = (input.category ?? defaultFaqCategory).trim();
  if (category === '') throw ruleBroken(`${at}/category`, 'The category must not be blank.');
  const validFrom = input.validFrom ?? null;
  const validUntil = input.validUntil ?? null;
  if (validFrom !== null && validUntil !== null && validFrom > validUntil) throw ruleBroken(`${at}/validUntil`, 'validUntil must not be before validFrom.');
  const roles = input.roles ?? roleOrder;
  return {
    key: input.key,
    lang: input.lang,
    questions: cleanQuestions(input.questions, at),
    answer,
    category,
    roles: roleOrder.filter((r) => roles.includes(r)),
    propertyIds: [...new Set(input.propertyIds ?? [])],
    validFrom,
    validUntil,
    active: input.active ?? true,
    sort: input.sort ?? 0,
  };
}

/** The columns of an entry (the answer rendered, faq-markdown.ts) written at `now` (ISO 8601). */
export function faqColumns(fields: FaqFields, now: string) {
  const rendered = renderFaqAnswer(fields.answer);
  return {
    key: fields.key,
    lang: fields.lang,
    questions: JSON.stringify(fields.questions),
    answer_md: fields.answer,
    answer_html: rendered.html,
    answer_text: rendered.text,
    category: fields.category,
    roles: JSON.stringify(fields.roles),
    property_ids: JSON.stringify(fields.propertyIds),
    valid_from: fields.validFrom,
    valid_until: fields.validUntil,
    active: fields.active,
    sort: fields.sort,
    updated_at: now,
  };
}

/** A new row of the organization for `fields`, created at `now`. */
export const newFaqRow = (organizationId: string, fields: FaqFields, now: string) => ({
  id: newId(Date.parse(now)),
  organization_id: organizationId,
  ...faqColumns(fields, now),
  created_at: now,
});

/** 409 `faq_key_taken` naming the key field under `at`. */
const keyTaken = (key: string, lang: string, at: string) => {
  const message = `There is already an entry "${key}" in ${lang}.`;
  return new HttpProblem(409, 'faq_key_taken', message, { errors: [{ field: `${at}/key`, code: 'taken', message }] });
};

/** The organization's entry `id`, or 404 (also for another organization's); `lock` takes it for update. */
export async function faqRowOf(db: Db, organizationId: string, id: string, lock = false): Promise<FaqRow> {
  const q = db('faq_entries').where({ id, organization_id: organizationId });
  if (lock) q.forUpdate();
  const row = (await q.first()) as FaqRow | undefined;
  if (!row) throw notFound();
  return row;
}

/** 409 unless no entry of the organization other than `exceptId` has `key` in `lang`. */
async function requireKeyFree(db: Db, organizationId: string, fields: FaqFields, exceptId: string | null): Promise<void> {
  const q = db('faq_entries').where({ organization_id: organizationId, key: fields.key, lang: fields.lang });
  if (exceptId) q.whereNot({ id: exceptId });
  if (await q.first('id')) throw keyTaken(fields.key, fields.lang, '');
}

/**
 * Adds an entry (POST /admin/faq) in `trx`: the input's rules ({@link checkFaqInput}, 400), its properties the
 * organization's (404 naming `/propertyIds`), its key free in its language (409 `faq_key_taken`). Returns the new id.
 */
export async function createFaqEntry(trx: Db, organizationId: string, input: FaqEntryInput, now: string): Promise<string> {
  const fields = checkFaqInput(input);
  await requireOwned(trx, organizationId, 'property', fields.propertyIds, '/propertyIds');
  await requireKeyFree(trx, organizationId, fields, null);
  const row = newFaqRow(organizationId, fields, now);
  await trx('faq_entries').insert(row);
  faqChanged(trx, organizationId);
  return row.id;
}

/**
 * Replaces entry `id` (PUT /admin/faq/{id}) in `trx` with the same rules as {@link createFaqEntry}; 404 for an entry
 * that is not the organization's. Returns the row before the change.
 */
export async function updateFaqEntry(trx: Db, organizationId: string, id: string, input: FaqEntryInput, now: string): Promise<FaqRow> {
  const before = await faqRowOf(trx, organizationId, id, true);
  const fields = checkFaqInput(input);
  await requireOwned(trx, organizationId, 'property', fields.propertyIds, '/propertyIds');
  await requireKeyFree(trx, organizationId, fields, id);
  await trx('faq_entries').where({ id }).update(faqColumns(fields, now));
  faqChanged(trx, organizationId);
  return before;
}

/** Removes entry `id` in `trx`; 404 for an entry that is not the organization's. Returns the removed row. */
export async function deleteFaqEntry(trx: Db, organizationId: string, id: string): Promise<FaqRow> {
  const row = await faqRowOf(trx, organizationId, id, true);
  await trx('faq_entries').where({ id }).delete();
  faqChanged(trx, organizationId);
  return row;
}

const keyOf = (f: { key: string; lang: string }): string => `${f.lang}:${f.key}`;

/** 400 naming `/entries/<i>/key` for the second entry with a key and language already listed. */
function requireUniqueKeys(fields: FaqFields[]): void {
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    if (seen.has(keyOf(f))) throw ruleBroken(`/entries/${i}/key`, `The entry "${f.key}" (${f.lang}) is listed twice.`);
    seen.add(keyOf(f));
  });
}

/** 404 naming `/entries/<i>/propertyIds` for the first entry with a property that is not the organization's. */
async function requireEntryProperties(db: Db, organizationId: string, fields: FaqFields[]): Promise<void> {
  const wanted = [...new Set(fields.flatMap((f) => f.propertyIds))];
  if (wanted.length === 0) return;
  const owned = new Set<string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = (await db('properties').where({ organization_id: organizationId }).whereIn('id', wanted.slice(i, i + 500)).select('id')) as { id: string }[];
    for (const r of rows) owned.add(r.id);
  }
  const bad = fields.findIndex((f) => f.propertyIds.some((p) => !owned.has(p)));
  if (bad >= 0) throw unknownIds(`/entries/${bad}/propertyIds`, 'property');
}

/**
 * Imports entries (POST /admin/faq/import, a FaqExport's `entries`) in `trx`, all or nothing: every entry's rules
 * (400 naming `/entries/<i>/…`, also for a key and language listed twice) and properties (404 naming
 * `/entries/<i>/propertyIds`) are checked before anything is written. An entry whose key and language exist replaces
 * that entry (`updated`), any other is added (`created`); `replace` also removes the organization's entries that are
 * not in the document (`removed`).
 */
export async function importFaq(trx: Db, organizationId: string, entries: FaqEntryInput[], mode: 'merge' | 'replace', now: string): Promise<FaqImportResult> {
  const fields = entries.map((e, i) => checkFaqInput(e, `/entries/${i}`));
  requireUniqueKeys(fields);
  await requireEntryProperties(trx, organizationId, fields);
  const existing = new Map(((await trx('faq_entries').where({ organization_id: organizationId }).forUpdate().select('id', 'key', 'lang')) as FaqRow[]).map((r) => [keyOf(r), r.id]));
  const kept = new Set<string>();
  const added: ReturnType<typeof newFaqRow>[] = [];
  for (const f of fields) {
    const id = existing.get(keyOf(f));
    if (id === undefined) added.push(newFaqRow(organizationId, f, now));
    else {
      kept.add(id);
      await trx('faq_entries').where({ id }).update(faqColumns(f, now));
    }
  }
  for (let i = 0; i < added.length; i += 100) await trx('faq_entries').insert(added.slice(i, i + 100));
  const gone = mode === 'replace' ? [...existing.values()].filter((id) => !kept.has(id)) : [];
  for (let i = 0; i < gone.length; i += 500) await trx('faq_entries').whereIn('id', gone.slice(i, i + 500)).delete();
  faqChanged(trx, organizationId);
  return { created: added.length, updated: kept.size, removed: gone.length };
}
