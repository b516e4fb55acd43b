import { createHash } from 'node:crypto';
import type { Auth } from '../auth/middleware.ts';
import type { Ctx } from '../context.ts';
import type { ContractRole } from '../access/periods.ts';
import type { Db } from '../db.ts';
import { dayIn, today as todayOf } from '../calendar.ts';
import { newId } from '../ids.ts';
import { HttpProblem, validationProblem } from '../http/problems.ts';
import type { UploadedFile } from '../http/upload.ts';
import { activeToday, reaches, reportScope, type ReportScope } from '../forms/catalog.ts';
import { checkSubmission, submissionProblem, type CheckedSubmission } from '../forms/submission.ts';
import { formVersion, type FormVersion } from '../forms/versions.ts';
import { fileTooLarge, prepareTicketFiles, storeTicketFiles, tooManyFiles } from './files.ts';
import { uniqueViolation, withTicketNumber } from './numbers.ts';
import { announceNewTicket } from './notices.ts';

// Creating a ticket (POST /tickets for residents, POST /admin/tickets for staff on behalf of a person), DESIGN §6a:
//
// - The form version named must exist (404 naming `/form`). Its values are checked against that version, so a
//   form left open while the manager saved a new version still goes through; whether the form is offered at all
//   (active today, audience) is judged by the current version, as GET /forms offers it.
// - The unit must be one of the reporter's with a contract valid today, a property (for a common area) one where he
//   has such a contract: 404 otherwise, like an id that does not exist (an ended contract or one that has not begun
//   gives nothing).
// - Residents: at most 10 tickets a day (the organization's calendar day) and at most 2 with the same text, 429 with
//   Retry-After until the organization's midnight. An Idempotency-Key returns the ticket it created the first time.
// - Files are checked and processed before the transaction; ticket, reporter, first status event and files are
//   written in one transaction, the number allocated in it (numbers.ts), and a mail to each manager of the
//   organization queued in it (notices.ts announceNewTicket), sent once it has committed.

/** The request's multipart fields (TicketSubmission, checked by the contract). */
export interface SubmissionFields {
  form: string;
  version: number;
  unit?: string;
  property?: string;
  values: string;
  consent?: boolean;
}

export interface NewTicket {
  fields: SubmissionFields;
  files: readonly UploadedFile[];
  /** Staff fill staff-only fields and are not held to the daily limits. */
  staff: boolean;
  source: 'portal' | 'phone' | 'email' | 'visit';
  /** The user who sent it (the resident himself, or the manager). */
  createdBy: string;
  /** The Idempotency-Key header (residents), or null. */
  idempotencyKey: string | null;
  /** More to write in the ticket's transaction (e.g. the audit record of staff). */
  alsoWrite?: (trx: Db, ticketId: string) => Promise<void>;
}

/** The ticket written, or the one an earlier request with the same Idempotency-Key wrote (`created` false). */
export interface CreatedTicket {
  id: string;
  created: boolean;
}

/** Tickets per reporter and organization day, and tickets with the same text among them. */
export const dailyTicketLimit = 10;
export const dailySameTextLimit = 2;

const notFoundAt = (field: string, what: string): HttpProblem =>
  new HttpProblem(404, 'not_found', `There is no such ${what}.`, { errors: [{ field, code: 'not_found', message: `Not a ${what} you may report on today.` }] });

/** The `values` part as JSON: 400 naming `/values` when it is not JSON. */
function parsedValues(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw validationProblem('The values are not valid JSON.', [{ field: '/values', keyword: 'format', message: 'Must be a JSON object of field key → value.' }]);
  }
}

/**
 * The session as the person `personId` of its organization (staff acting on behalf of a resident): his contracts,
 * units and credits are read instead of the session's own.
 */
export const onBehalfOf = (auth: Auth, personId: string): Auth => ({ ...auth, member: { ...auth.member, person_id: personId } });

/**
 * The role whose status visibility applies to the person on a unit or, without one, in a property, from his contracts
 * valid today: owner when he owns it (the unit, or a unit of the property), else tenant.
 */
export function roleIn(scope: Pick<ReportScope, 'contracts'>, place: { unitId: string | null; propertyId: string }): ContractRole {
  const mine = scope.contracts.filter((c) => (place.unitId ? c.unit_id === place.unitId : c.property_id === place.propertyId));
  return mine.some((c) => c.role === 'owner') ? 'owner' : 'tenant';
}

/** The form version named, when the form is offered to the scope today (judged by its current version); 404 otherwise. */
async function offeredVersion(ctx: Ctx, auth: Auth, fields: SubmissionFields, scope: ReportScope, unitId: string | null, propertyId: string | null, today: string): Promise<{ named: FormVersion; current: FormVersion }> {
  const named = await formVersion(ctx.read, auth.org.id, fields.form, fields.version);
  if (!named) throw notFoundAt('/form', 'form version');
  const latest = (await ctx.read('forms').where({ organization_id: auth.org.id, key: fields.form }).max({ v: 'version' }).first()) as { v: number | string };
  const current = Number(latest.v) === named.version ? named : await formVersion(ctx.read, auth.org.id, fields.form, Number(latest.v));
  if (!current || !activeToday(current.definition, today) || !reachesPlace(current, scope, unitId, propertyId)) throw notFoundAt('/form', 'form');
  return { named, current };
}

/** The form's audience (and credit offer) reaches me on this unit, or on my contracts in this property for a common area. */
function reachesPlace(form: FormVersion, scope: ReportScope, unitId: string | null, propertyId: string | null): boolean {
  const contracts = propertyId && !unitId ? scope.contracts.filter((c) => c.property_id === propertyId) : scope.contracts;
  return reaches(form.definition, { ...scope, contracts }, unitId);
}

/** Seconds from `ms` to the next midnight of `timeZone` (at least 1). */
export function secondsToMidnight(ms: number, timeZone: string): number {
  const day = dayIn(ms, timeZone);
  // The next day begins within 25 hours; found to the minute, then to the second.
  let lo = ms;
  let hi = ms + 25 * 3_600_000;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayIn(mid, timeZone) === day) lo = mid;
    else hi = mid;
  }
  return Math.max(1, Math.ceil((hi - ms) / 1000));
}

/** 429 when the reporter has sent 10 tickets today, or 2 with this text (residents only). */
async function checkDailyLimits(db: Db, ctx: Ctx, auth: Auth, personId: string, textHash: string | null): Promise<void> {
  const now = ctx.clock().getTime();
  const today = dayIn(now, auth.org.timeZone);
  // An organization's day is at most 26 hours long; the rows of the last 26 hours are narrowed to its day here.
  const rows = (await db('tickets')
    .where({ organization_id: auth.org.id, reporter_person_id: personId })
    .where('created_at', '>=', new Date(now - 26 * 3_600_000).toISOString())
    .select('created_at', 'text_hash')) as { created_at: string; text_hash: string | null }[];
  const todays = rows.filter((r) => dayIn(Date.parse(r.created_at), auth.org.timeZone) === today);
  const retry = { headers: { 'Retry-After': String(secondsToMidnight(now, auth.org.timeZone)) } };
  if (todays.length >= dailyTicketLimit) throw new HttpProblem(429, 'ticket_limit', `At most ${dailyTicketLimit} tickets a day; please send more tomorrow.`, retry);
  if (textHash !== null && todays.filter((r) => r.text_hash === textHash).length >= dailySameTextLimit)
    throw new HttpProblem(429, 'ticket_duplicate_text', `At most ${dailySameTextLimit} tickets with the same text a day.`, retry);
}

/**
 * What a request asked for, as sha256 hex: the form, version, unit, property, values, consent and each file's name
 * and bytes. A retry with the same Idempotency-Key must carry the same request.
 */
export function requestDigest(fields: SubmissionFields, files: readonly UploadedFile[]): string {
  const hash = createHash('sha256').update(JSON.stringify([fields.form, fields.version, fields.unit ?? null, fields.property ?? null, fields.values, fields.consent ?? null]));
  for (const file of files) hash.update(`\u0000${file.originalname}\u0000`).update(file.buffer);
  return hash.digest('hex');
}

/**
 * The ticket this reporter created with `key` before, if any; 422 `idempotency_key_reused` when that request was
 * another one (draft-ietf-httpapi-idempotency-key-header: the key names one request, not one client).
 */
async function ticketByKey(db: Db, organizationId: string, personId: string, key: string, digest: string): Promise<string | null> {
  const row = (await db('tickets').where({ organization_id: organizationId, reporter_person_id: personId, idempotency_key: key }).first('id', 'idempotency_digest')) as { id: string; idempotency_digest: string | null } | undefined;
  if (row && row.idempotency_digest !== null && row.idempotency_digest !== digest)
    throw new HttpProblem(422, 'idempotency_key_reused', 'This Idempotency-Key was used for another request; make a new key for a new submission.');
  return row?.id ?? null;
}

/** Where the ticket is: the checked unit's property, else the property named (400 without either). */
function placeOf(checked: CheckedSubmission, scope: ReportScope, propertyId: string | null): { unitId: string | null; propertyId: string } {
  if (checked.unitId) {
    const unit = scope.units.find((u) => u.id === checked.unitId);
    if (!unit) throw notFoundAt('/unit', 'unit');
    if (propertyId && propertyId !== unit.propertyId) throw validationProblem('The unit is not in the property named.', [{ field: '/property', keyword: '', message: 'The unit is not in this property.' }]);
    return { unitId: unit.id, propertyId: unit.propertyId };
  }
  if (!propertyId) throw validationProblem('Name the unit, or the property of the common area.', [{ field: '/property', keyword: 'required', message: 'Name the unit or the property.' }]);
  return { unitId: null, propertyId };
}

/**
 * Checks and writes a ticket of the person `auth.member.person_id` (for staff: {@link onBehalfOf}); see the module
 * comment for the rules. Throws problems (400, 404, 413, 415, 429); returns the ticket's id.
 */
export async function createTicket(ctx: Ctx, auth: Auth, input: NewTicket): Promise<CreatedTicket> {
  const personId = auth.member.person_id;
  if (!personId) throw notFoundAt('/unit', 'unit');
  const { fields } = input;
  const key = input.idempotencyKey;
  const digest = key ? requestDigest(fields, input.files) : null;
  if (key) {
    const earlier = await ticketByKey(ctx.read, auth.org.id, personId, key, digest!);
    if (earlier) return { id: earlier, created: false };
  }
  const values = parsedValues(fields.values);
  const today = todayOf(ctx.clock, auth.org.timeZone);
  const scope = await reportScope(ctx, auth, today);
  if (fields.unit !== undefined && !scope.units.some((u) => u.id === fields.unit)) throw notFoundAt('/unit', 'unit');
  if (fields.property !== undefined && !scope.contracts.some((c) => c.property_id === fields.property)) throw notFoundAt('/property', 'property');
  const { named: form, current } = await offeredVersion(ctx, auth, fields, scope, fields.unit ?? null, fields.property ?? null, today);
  const { definition } = form;

  const checked = checkSubmission({ definition, values, staff: input.staff, units: scope.units, credits: scope.credits, unitId: fields.unit ?? null, consent: fields.consent });
  if ('errors' in checked) throw submissionProblem(checked.errors);
  const place = placeOf(checked, scope, fields.property ?? null);
  // The unit may come from the form's unit field rather than the request: the audience must reach that one too.
  if (!reachesPlace(current, scope, place.unitId, place.propertyId)) throw notFoundAt('/form', 'form');

  const { maxFiles, maxBytes } = definition.attachments;
  if (input.files.length > maxFiles) throw tooManyFiles(maxFiles);
  const large = input.files.find((f) => f.size > maxBytes);
  if (large) throw fileTooLarge(large.originalname, maxBytes);
  if (!input.staff) await checkDailyLimits(ctx.read, ctx, auth, personId, checked.textHash);
  const prepared = await prepareTicketFiles(input.files);

  const id = newId();
  const now = ctx.clock().toISOString();
  const year = Number(today.slice(0, 4));
  const role = roleIn(scope, place);
  let announced: string[] = [];
  try {
    await ctx.db.transaction(async (trx) => {
      // Again under a lock on the reporter, so that requests sent at the same moment cannot pass the limits together
      // (on SQLite the single writer orders them anyway).
      if (!input.staff) {
        await trx('persons').where({ id: personId }).forUpdate().first('id');
        await checkDailyLimits(trx, ctx, auth, personId, checked.textHash);
      }
      let ticketNumber = '';
      await withTicketNumber(trx, auth.org.id, year, (savepoint, seq, number) => {
        ticketNumber = number;
        return savepoint('tickets').insert({
          id, organization_id: auth.org.id, number, year, seq, form_id: form.id, form_key: form.key, unit_id: place.unitId, property_id: place.propertyId,
          reporter_person_id: personId, created_by: input.createdBy, source: input.source, subject: checked.subject, location: checked.location,
          category: checked.category, problem: checked.problem, urgency: checked.urgency, shared: checked.shared, fields: JSON.stringify(checked.fields),
          consent_version: fields.consent === true ? definition.privacy.version : null, consent_at: fields.consent === true ? now : null,
          status: 'new', status_at: now, waiting_until: null, reopen_count: 0, text_hash: checked.textHash, idempotency_key: key, idempotency_digest: digest,
          created_at: now, updated_at: now, resident_activity_at: input.staff ? null : now, staff_read_at: input.staff ? now : null,
        });
      });
      await trx('ticket_participants').insert({ ticket_id: id, person_id: personId, kind: 'reporter', role, joined_at: now, last_read_at: now });
      await trx('ticket_events').insert({
        id: newId(), ticket_id: id, kind: 'status', from_status: null, to_status: 'new', reason: null, reason_visibility: 'public', reason_code: null,
        waiting_until: null, document_id: null, actor_kind: input.staff ? 'staff' : 'resident', actor_user_id: input.createdBy,
        actor_person_id: input.staff ? null : personId, at: now,
      });
      await storeTicketFiles(trx, ctx, { organizationId: auth.org.id, ticketId: id, commentId: null, visibility: 'public', uploadedBy: input.createdBy }, prepared);
      await input.alsoWrite?.(trx, id);
      announced = await announceNewTicket(trx, ctx, {
        organizationId: auth.org.id, number: ticketNumber, subject: checked.subject, definition, fields: checked.fields, urgency: checked.urgency,
        unitLabel: scope.units.find((u) => u.id === place.unitId)?.label ?? null, propertyId: place.propertyId, reporterPersonId: personId,
        source: input.source, files: prepared.length,
      });
    });
  } catch (err) {
    // The same Idempotency-Key sent twice at once: the other request wrote the ticket.
    const earlier = key && uniqueViolation(err) !== null ? await ticketByKey(ctx.db, auth.org.id, personId, key, digest!) : null;
    if (earlier) return { id: earlier, created: false };
    throw err;
  }
  await ctx.mailer.deliver(announced);
  return { id, created: true };
}
