import type { Knex } from 'knex';
import sharp from 'sharp';
import type { FormDefinition, ReportUnit, TicketStatus } from '@hausportal/api';
import type { Clock } from '../clock.ts';
import { dayIn } from '../calendar.ts';
import { newId } from '../ids.ts';
import { instantAt } from '../notifications/digest.ts';
import { enqueue } from '../notifications/jobs.ts';
import { checkSubmission } from '../forms/submission.ts';
import { storeTicketFiles } from '../tickets/files.ts';
import { processAttachment } from '../tickets/photos.ts';
import { ticketNumber } from '../tickets/numbers.ts';
import { autoCloseDays, autoCloseJobKind } from '../tickets/status.ts';
import { balancesOn } from '../units/summaries.ts';
import { insertAll } from './money.ts';
import { addDays } from './money-ledger.ts';
import { demoForms, germanWording } from './forms-data.ts';
import { demoTickets, type PhotoSpec, type TicketSpec, type When } from './tickets-data.ts';

// The demo's forms and tickets (seed/tickets-data.ts), written as the API writes them: the five demo forms as version
// 1 in both organizations (Krüger's in German (Germany) wording); each ticket's values checked by forms/submission.ts (its fields with the version's labels
// and text, cascade keys, urgency, shared, text hash), numbered YYYY-NNNNN per organization and year of creation in
// the organization's time zone, its status history in ticket_events ending in tickets.status, its reporter as
// participant in his contract role, public and internal comments, photos (real JPEG and PNG drawn here) processed and
// stored by tickets/photos.ts and tickets/files.ts with their previews, a document released to fulfil a
// Dokumentenanforderung, and the auto-close job of each `done` ticket. Runs inside the demo seed's transaction after
// seedDocuments. An organization that has forms keeps them, one that has tickets gets none: a second run writes nothing.

interface OrgRow { id: string; slug: string; time_zone: string }

/** What one organization's tickets are built from. */
interface OrgContext {
  org: OrgRow;
  today: string;
  managerUserId: string | null;
  forms: Map<string, { id: string; definition: FormDefinition }>;
  persons: Map<string, { id: string; userId: string | null }>;
  properties: Map<string, { id: string; street: string }>;
  units: Map<string, string>;
  clock: Clock;
}

// ----- photos -----

const escapeXml = (text: string): string => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const stain = (rx: number, ry: number) => `<ellipse cx="330" cy="190" rx="${rx}" ry="${ry}" fill="#9c7a4f" opacity="0.55"/><ellipse cx="300" cy="175" rx="${rx / 2}" ry="${ry / 2}" fill="#7a5a35" opacity="0.5"/><rect x="60" y="330" width="520" height="40" fill="#c9c2b4"/>`;

/** Each scene: the background and a simple drawing of the damage (640 × 480). */
const scenes: Record<PhotoSpec['scene'], { background: string; svg: string }> = {
  stain: { background: '#ece7dc', svg: stain(110, 70) },
  'stain-grown': { background: '#ece7dc', svg: stain(190, 115) },
  door: { background: '#dfe6ea', svg: '<rect x="200" y="40" width="240" height="360" fill="#f7f7f5" stroke="#8a8f93" stroke-width="10"/><rect x="225" y="65" width="190" height="300" fill="#b8d4e3"/><rect x="400" y="210" width="14" height="60" rx="6" fill="#55595c"/>' },
  radiator: { background: '#f1eee8', svg: Array.from({ length: 9 }, (_, i) => `<rect x="${150 + i * 38}" y="130" width="28" height="220" rx="10" fill="#fbfbfb" stroke="#b9b4aa" stroke-width="3"/>`).join('') + '<circle cx="520" cy="330" r="22" fill="#d9d4ca" stroke="#8d877c" stroke-width="4"/>' },
  lift: { background: '#c9ccce', svg: '<rect x="150" y="50" width="340" height="350" fill="#9ea3a7"/><rect x="170" y="70" width="145" height="330" fill="#d5d8da"/><rect x="325" y="70" width="145" height="330" fill="#d5d8da"/><rect x="200" y="150" width="240" height="70" rx="8" fill="#c62828"/><text x="320" y="195" font-family="DejaVu Sans, sans-serif" font-size="24" font-weight="bold" text-anchor="middle" fill="#fff">Außer Betrieb</text>' },
  wall: { background: '#e9e4d8', svg: '<path d="M60 60 C160 120 120 260 220 330 S420 300 470 380 L60 380 Z" fill="#8f9a7c" opacity="0.45"/><circle cx="180" cy="250" r="40" fill="#5f6b4f" opacity="0.35"/><circle cx="260" cy="310" r="28" fill="#5f6b4f" opacity="0.35"/>' },
  rack: { background: '#b9b3a9', svg: Array.from({ length: 4 }, (_, i) => `<path d="M${110 + i * 120} 380 L${110 + i * 120} 200 Q${150 + i * 120} 150 ${190 + i * 120} 200 L${190 + i * 120} ${i === 2 ? 290 : 380}" fill="none" stroke="#54585b" stroke-width="14"/>`).join('') },
  cistern: { background: '#f3f4f2', svg: '<rect x="210" y="60" width="220" height="150" rx="12" fill="#ffffff" stroke="#9aa0a3" stroke-width="6"/><circle cx="320" cy="135" r="26" fill="#d7dcdf"/><rect x="300" y="210" width="40" height="60" fill="#c7ccce"/><ellipse cx="320" cy="330" rx="110" ry="60" fill="#ffffff" stroke="#9aa0a3" stroke-width="6"/>' },
  light: { background: '#3a3f45', svg: '<circle cx="320" cy="140" r="60" fill="#5d636a"/><rect x="100" y="300" width="440" height="16" fill="#6b7178"/><rect x="100" y="340" width="440" height="16" fill="#6b7178"/><path d="M290 110 L350 170 M350 110 L290 170" stroke="#c62828" stroke-width="10"/>' },
};

/** A 640 × 480 image of the scene with its caption: PNG when the name ends in .png, else JPEG. */
async function renderPhoto(spec: PhotoSpec): Promise<Buffer> {
  const scene = scenes[spec.scene];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">${scene.svg}`
    + '<rect x="0" y="420" width="640" height="60" fill="#000" opacity="0.55"/>'
    + `<text x="20" y="460" font-family="DejaVu Sans, sans-serif" font-size="26" fill="#fff">${escapeXml(spec.caption)}</text></svg>`;
  const image = sharp({ create: { width: 640, height: 480, channels: 3, background: scene.background } }).composite([{ input: Buffer.from(svg) }]);
  return spec.name.toLowerCase().endsWith('.png') ? image.png().toBuffer() : image.jpeg({ quality: 85 }).toBuffer();
}

/** Photos of the submission or of a comment, processed and stored as an upload at `at` is. */
async function addPhotos(trx: Knex, c: OrgContext, ticketId: string, commentId: string | null, photos: readonly PhotoSpec[], uploadedBy: string | null, at: string): Promise<void> {
  if (photos.length === 0) return;
  const prepared = [];
  for (const photo of photos) prepared.push(await processAttachment(photo.name, await renderPhoto(photo)));
  await storeTicketFiles(trx, { clock: () => new Date(at) }, { organizationId: c.org.id, ticketId, commentId, visibility: 'public', uploadedBy }, prepared);
}

// ----- tickets -----

/** The instant of `[days ago, 'HH:MM']` in the organization's time zone. */
function instant(c: OrgContext, [daysAgo, time]: When): string {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return new Date(instantAt(addDays(c.today, -daysAgo), hour, c.org.time_zone).getTime() + minute * 60_000).toISOString();
}

/** The contract that lets the reporter report on the unit, or on the property's common areas, today. */
async function contractFor(trx: Knex, c: OrgContext, personId: string, propertyId: string, unitId: string | null): Promise<{ id: string; unit_id: string; role: 'tenant' | 'owner'; top: string }> {
  const row = (await trx('contracts as k').join('units as u', 'u.id', 'k.unit_id')
    .where({ 'k.person_id': personId, 'u.property_id': propertyId })
    .modify((q) => { if (unitId) q.where('k.unit_id', unitId); })
    .where('k.valid_from', '<=', c.today)
    .where((q) => q.whereNull('k.valid_to').orWhere('k.valid_to', '>=', c.today))
    .orderBy('k.valid_from')
    .first('k.id', 'k.unit_id', 'k.role', 'u.top')) as { id: string; unit_id: string; role: 'tenant' | 'owner'; top: string } | undefined;
  if (!row) throw new Error(`demo seed: no contract of ${personId} in ${propertyId} today`);
  return row;
}

/** The ticket's values as POST /tickets checks and stores them (forms/submission.ts). */
async function submission(trx: Knex, c: OrgContext, spec: TicketSpec, definition: FormDefinition, property: { id: string; street: string }, contract: { id: string; unit_id: string; role: 'tenant' | 'owner'; top: string }, unitId: string | null) {
  const units: ReportUnit[] = [{ id: contract.unit_id, propertyId: property.id, label: `${property.street}, Top ${contract.top}`, role: contract.role }];
  const balance = (await balancesOn(trx, [contract.id], c.today)).get(contract.id) ?? 0;
  const credits = new Map(balance < 0 ? [[contract.unit_id, -balance]] : []);
  const unitField = definition.fields.find((f) => f.type === 'unit');
  const values = { ...spec.values, ...(unitField && unitId ? { [unitField.key]: unitId } : {}) };
  const checked = checkSubmission({ definition, values, staff: spec.source === 'phone', units, credits, unitId, consent: definition.privacy.consentRequired || undefined });
  if ('errors' in checked) throw new Error(`demo seed: ticket ${spec.ref} does not fit its form: ${JSON.stringify(checked.errors)}`);
  return checked;
}

/** One ticket with its participant, history, comments, files, release and auto-close job. */
async function addTicket(trx: Knex, c: OrgContext, spec: TicketSpec, numbered: { year: number; seq: number }): Promise<void> {
  const form = c.forms.get(spec.form);
  const reporter = c.persons.get(spec.reporter);
  const property = c.properties.get(spec.property);
  if (!form || !reporter || !property) throw new Error(`demo seed: ticket ${spec.ref} names an unknown form, person or property`);
  const unitId = spec.top ? c.units.get(`${spec.property}:${spec.top}`) ?? null : null;
  if (spec.top && !unitId) throw new Error(`demo seed: ticket ${spec.ref} names an unknown unit`);
  const contract = await contractFor(trx, c, reporter.id, property.id, unitId);
  const definition = form.definition;
  const checked = await submission(trx, c, spec, definition, property, contract, unitId);
  const created = instant(c, spec.created);
  const ticketId = newId(Date.parse(created));
  const staff = c.managerUserId;
  const byPhone = spec.source === 'phone';

  // Walk the thread first: the ticket row holds where it ends.
  const events: Record<string, unknown>[] = [];
  const comments: { id: string; row: Record<string, unknown>; photos: PhotoSpec[]; uploadedBy: string | null; at: string }[] = [];
  const releases: { release: Record<string, unknown>; target: Record<string, unknown> }[] = [];
  const actor = (by: 'resident' | 'staff' | 'system') => ({
    actor_kind: by, actor_user_id: by === 'staff' ? staff : by === 'resident' ? reporter.userId : null, actor_person_id: by === 'resident' ? reporter.id : null,
  });
  const event = (at: string, fields: Record<string, unknown>, by: 'resident' | 'staff' | 'system'): string => {
    const id = newId(Date.parse(at));
    events.push({
      id, ticket_id: ticketId, kind: 'status', from_status: null, to_status: null, reason: null, reason_visibility: 'public', reason_code: null, waiting_until: null,
      document_id: null, ...actor(by), at, ...fields,
    });
    return id;
  };
  const comment = (at: string, body: string, by: 'resident' | 'staff', internal = false, photos: PhotoSpec[] = []): void => {
    const id = newId(Date.parse(at));
    const author = by === 'staff' ? staff : reporter.userId;
    comments.push({
      id, photos, uploadedBy: author, at,
      row: { id, ticket_id: ticketId, visibility: internal ? 'internal' : 'public', author_kind: by, author_user_id: author, author_person_id: by === 'resident' ? reporter.id : null, body, created_at: at },
    });
  };

  event(created, { to_status: 'new' }, byPhone ? 'staff' : 'resident');
  let status: TicketStatus = 'new';
  let statusAt = created;
  let waitingUntil: string | null = null;
  let reopenCount = 0;
  let done: { id: string; at: string } | null = null;
  let lastStaffAt: string | null = null;
  let lastPublicStaffAt: string | null = null;
  let residentActivityAt = created;
  let lastResidentAt = created;
  let updatedAt = created;
  for (const step of spec.thread) {
    const at = instant(c, step.at);
    if (at < updatedAt) throw new Error(`demo seed: ticket ${spec.ref} has its steps out of order`);
    updatedAt = at;
    const by = 'comment' in step ? step.by : 'status' in step ? (step.by ?? 'staff') : 'staff';
    if ('comment' in step) {
      comment(at, step.comment, step.by, step.internal, step.photos);
      if (by === 'resident') residentActivityAt = at;
    } else if ('status' in step) {
      waitingUntil = step.status === 'waiting' ? addDays(c.today, step.waitingDays ?? 7) : null;
      const eventId = event(at, {
        from_status: status, to_status: step.status, reason: step.reason ?? null, reason_visibility: step.internal ? 'internal' : 'public',
        reason_code: step.code ?? null, waiting_until: waitingUntil,
      }, by);
      if (step.code === 'reopened') reopenCount += 1;
      done = step.status === 'done' ? { id: eventId, at } : null;
      status = step.status;
      statusAt = at;
    } else {
      // A document released to the reporter to fulfil the ticket, shown in its thread, with the staff's answer.
      const document = (await trx('documents').where({ organization_id: c.org.id, title: step.document }).whereNull('withdrawn_at').first('id')) as { id: string } | undefined;
      if (!document) throw new Error(`demo seed: no document ${step.document}`);
      const releaseId = newId(Date.parse(at));
      releases.push({
        release: {
          id: releaseId, organization_id: c.org.id, document_id: document.id, rule: 'persons', role: null, period_from: null, period_to: null,
          notify: 'none', released_at: at, released_by: staff, revoked_at: null, revoked_by: null, ticket_id: ticketId,
        },
        target: { release_id: releaseId, person_id: reporter.id, unit_id: null, property_id: null },
      });
      event(at, { kind: 'document', document_id: document.id }, 'staff');
      comment(at, step.reply, 'staff');
    }
    if (by === 'resident') lastResidentAt = at;
    if (by === 'staff') {
      lastStaffAt = at;
      if (!('comment' in step && step.internal)) lastPublicStaffAt = at;
    }
  }
  const rating = spec.rating ? { ...spec.rating, at: instant(c, spec.rating.at) } : null;
  if (rating && rating.at > updatedAt) updatedAt = lastResidentAt = rating.at;

  // What the reporter and the staff have read: everything, unless the spec leaves the last entry unread.
  if (spec.residentUnread && (lastPublicStaffAt === null || lastPublicStaffAt <= lastResidentAt)) throw new Error(`demo seed: ticket ${spec.ref} has nothing unread`);
  const lastReadAt = spec.residentUnread ? lastResidentAt : updatedAt;
  const staffReadAt = lastStaffAt === null ? null : spec.staffUnread ? lastStaffAt : [lastStaffAt, residentActivityAt].sort().at(-1)!;

  await trx('tickets').insert({
    id: ticketId, organization_id: c.org.id, number: ticketNumber(numbered.year, numbered.seq), year: numbered.year, seq: numbered.seq,
    form_id: form.id, form_key: spec.form, unit_id: checked.unitId, property_id: property.id, reporter_person_id: reporter.id,
    created_by: byPhone ? staff : reporter.userId, source: spec.source ?? 'portal', subject: spec.subject,
    location: checked.location, category: checked.category, problem: checked.problem, urgency: checked.urgency, shared: checked.shared,
    fields: JSON.stringify(checked.fields),
    consent_version: definition.privacy.consentRequired ? definition.privacy.version : null, consent_at: definition.privacy.consentRequired ? created : null,
    status, status_at: statusAt, waiting_until: status === 'waiting' ? waitingUntil : null, reopen_count: reopenCount,
    assignee_user_id: lastStaffAt === null ? null : staff, rating: rating?.stars ?? null, rating_comment: rating?.comment ?? null,
    text_hash: checked.textHash, idempotency_key: null, created_at: created, updated_at: updatedAt, resident_activity_at: residentActivityAt, staff_read_at: staffReadAt,
  });
  await trx('ticket_participants').insert({ ticket_id: ticketId, person_id: reporter.id, kind: 'reporter', role: contract.role, joined_at: created, last_read_at: lastReadAt });
  await insertAll(trx, 'document_releases', releases.map((r) => r.release));
  await insertAll(trx, 'document_release_targets', releases.map((r) => r.target));
  await insertAll(trx, 'ticket_events', events);
  await insertAll(trx, 'ticket_comments', comments.map((m) => m.row));
  await addPhotos(trx, c, ticketId, null, spec.photos ?? [], byPhone ? staff : reporter.userId, created);
  for (const m of comments) await addPhotos(trx, c, ticketId, m.id, m.photos, m.uploadedBy, m.at);
  // A ticket still done closes itself 14 days after it became so, by the job tickets/status.ts queues.
  if (status === 'done' && done) {
    await enqueue(trx, c.clock, {
      kind: autoCloseJobKind, key: `ticket-autoclose:${ticketId}:${done.id}`, organizationId: c.org.id, payload: { ticketId, eventId: done.id },
      runAt: new Date(Date.parse(done.at) + autoCloseDays * 86_400_000).toISOString(),
    });
  }
}

/** The demo forms in an organization's wording: Krüger (Berlin) gets German (Germany) words, the others the Austrian ones. */
const formsOf = (org: OrgRow): FormDefinition[] => (org.slug === 'krueger' ? demoForms.map(germanWording) : demoForms);

/**
 * The demo forms (version 1, `sort` the definition's, as PUT /admin/forms stores it) unless the organization has
 * forms; returns its current forms by key. Rows of an earlier seed whose `sort` differs from their definition's are
 * set right, so that a form a manager saves again keeps its place.
 */
async function ensureForms(trx: Knex, org: OrgRow, managerUserId: string | null, now: string): Promise<OrgContext['forms']> {
  const forms: OrgContext['forms'] = new Map();
  const stored = (await trx('forms').where({ organization_id: org.id }).orderBy('version').select('id', 'key', 'definition', 'sort')) as { id: string; key: string; definition: string; sort: number | string }[];
  if (stored.length === 0) {
    const rows = formsOf(org).map((definition) => ({
      id: newId(), organization_id: org.id, key: definition.key, version: 1, definition: JSON.stringify(definition), sort: definition.sort ?? 0, created_by: managerUserId, created_at: now,
    }));
    await insertAll(trx, 'forms', rows);
    stored.push(...rows);
  }
  // Ordered by version: the highest of each key wins.
  for (const f of stored) {
    const definition = JSON.parse(f.definition) as FormDefinition;
    if (Number(f.sort) !== (definition.sort ?? 0)) await trx('forms').where({ id: f.id }).update({ sort: definition.sort ?? 0 });
    forms.set(f.key, { id: f.id, definition });
  }
  return forms;
}

/** Looks up the organization's persons (with their login), properties and units by the names the data use. */
async function orgContext(trx: Knex, org: OrgRow, clock: Clock): Promise<OrgContext> {
  const manager = (await trx('memberships').where({ organization_id: org.id, role: 'manager' }).orderBy('created_at').first('user_id')) as { user_id: string } | undefined;
  const managerUserId = manager?.user_id ?? null;
  const persons = new Map<string, { id: string; userId: string | null }>();
  const personRows = (await trx('persons as p').leftJoin('memberships as m', 'm.person_id', 'p.id').where('p.organization_id', org.id).select('p.id', 'p.name', 'm.user_id')) as { id: string; name: string; user_id: string | null }[];
  for (const p of personRows) persons.set(p.name, { id: p.id, userId: p.user_id });
  const properties = new Map<string, { id: string; street: string }>();
  for (const p of (await trx('properties').where({ organization_id: org.id }).select('id', 'name', 'street')) as { id: string; name: string; street: string }[]) {
    properties.set(p.name, { id: p.id, street: p.street });
  }
  const units = new Map<string, string>();
  const unitRows = (await trx('units as u').join('properties as p', 'p.id', 'u.property_id').where('p.organization_id', org.id).select('u.id', 'u.top', 'p.name')) as { id: string; top: string; name: string }[];
  for (const u of unitRows) units.set(`${u.name}:${u.top}`, u.id);
  const forms = await ensureForms(trx, org, managerUserId, clock().toISOString());
  return { org, today: dayIn(clock(), org.time_zone), managerUserId, forms, persons, properties, units, clock };
}

/** The demo forms and tickets of both organizations (demo seed, after seedDocuments). */
export async function seedTickets(trx: Knex, clock: Clock): Promise<void> {
  const orgs = (await trx('organizations').whereIn('slug', ['immopro', 'krueger']).orderBy('slug').select('id', 'slug', 'time_zone')) as OrgRow[];
  for (const org of orgs) {
    const c = await orgContext(trx, org, clock);
    if (await trx('tickets').where({ organization_id: org.id }).first('id')) continue;
    const specs = demoTickets({ y: Number(c.today.slice(0, 4)), day: (offset) => addDays(c.today, offset) }).filter((s) => s.org === org.slug);
    // Numbered in order of creation, per year of the organization's calendar.
    const dated = specs.map((spec) => ({ spec, created: instant(c, spec.created) })).sort((a, b) => a.created.localeCompare(b.created));
    const seqs = new Map<number, number>();
    for (const { spec, created } of dated) {
      const year = Number(dayIn(Date.parse(created), org.time_zone).slice(0, 4));
      seqs.set(year, (seqs.get(year) ?? 0) + 1);
      await addTicket(trx, c, spec, { year, seq: seqs.get(year)! });
    }
  }
}
