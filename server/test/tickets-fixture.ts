import { createHash } from 'node:crypto';
import type { FormDefinition, TicketStatus } from '@hausportal/api';
import { newId } from '../src/ids.ts';
import { login, type Answer, type Session, type TestServer } from './helpers.ts';
import { postForm, type FilePart } from './admin-fixture.ts';
import { DocumentWorld } from './documents-fixture.ts';

// Tickets in an organization of their own (a copy of the demo's immopro: Vienna, its status visibility), for the
// ticket tests of residents and managers. Everything is named by key; `id(key)` gives the row id ("person:Tina",
// "unit:T1", "A", "form:schadensmeldung", "ticket:…", "comment:…", "ticket-file:…").
//
//   const f = await ticketFixture(s);                 // people, contracts, forms, logins (below)
//   const t = await f.w.ticket('lift', { reporter: 'Otto', property: 'A', location: 'lift', category: 'lift', shared: true, history: ['new', 'in_progress'] });
//   const a = await f.w.submit(f.tina, { form: 'schadensmeldung', unit: f.w.id('unit:T1'), values: { … } }, [file]);

export const testPasswords = {
  Tina: 'Tina-Tickets-2026',
  Otto: 'Otto-Tickets-2026',
  Nina: 'Nina-Tickets-2026',
  Emil: 'Emil-Tickets-2026',
  Fritz: 'Fritz-Tickets-2026',
  Manni: 'Manni-Tickets-2026',
};

export type TestPerson = keyof typeof testPasswords;

const name = (de: string, en = de) => ({ de, en });

const privacy = (consentRequired: boolean): FormDefinition['privacy'] => ({
  notice: name('Wir verarbeiten Ihre Angaben zur Bearbeitung Ihres Anliegens.', 'We process your data to handle your request.'),
  consentRequired,
  ...(consentRequired ? { consentText: name('Ich stimme der Verarbeitung zu.', 'I agree to the processing.') } : {}),
  version: 'datenschutz-2026-01',
});

/**
 * The forms of the fixture (keys as the demo's): `schadensmeldung` (cascade location → category → problem with the
 * common areas Stiegenhaus, Keller and Lift marked `shared`, subject, description, urgency, a staff-only note; 5
 * files of 10 MB), `allgemeine-anfrage` (subject and text, consent required; 2 files of 1 MB).
 */
export const testForms: FormDefinition[] = [
  {
    key: 'schadensmeldung',
    title: name('Schadensmeldung', 'Damage report'),
    audience: { roles: ['tenant', 'owner'] },
    unitRequired: false,
    fields: [
      {
        key: 'damage', type: 'cascade', label: name('Schaden', 'Damage'), required: true,
        levels: [
          {
            key: 'location', label: name('Ort', 'Location'),
            options: [
              { value: 'kueche', label: name('Küche', 'Kitchen'), group: name('Wohnung', 'Flat') },
              { value: 'bad', label: name('Bad', 'Bathroom'), group: name('Wohnung', 'Flat') },
              { value: 'stiegenhaus', label: name('Stiegenhaus', 'Staircase'), group: name('Allgemeinfläche', 'Common area'), shared: true },
              { value: 'keller', label: name('Keller', 'Cellar'), group: name('Allgemeinfläche', 'Common area'), shared: true },
              { value: 'lift', label: name('Lift', 'Lift'), group: name('Allgemeinfläche', 'Common area'), shared: true },
            ],
          },
          {
            key: 'category', label: name('Kategorie', 'Category'),
            options: [
              { value: 'sanitaer', label: name('Sanitär', 'Plumbing') },
              { value: 'elektro', label: name('Elektro', 'Electrics') },
              { value: 'lift', label: name('Lift', 'Lift') },
            ],
          },
          {
            key: 'problem', label: name('Problem', 'Problem'),
            options: [
              { value: 'tropft', label: name('Wasserhahn tropft', 'Tap drips'), parents: ['sanitaer'] },
              { value: 'licht', label: name('Licht defekt', 'Light broken'), parents: ['elektro'] },
              { value: 'steht', label: name('Lift steht', 'Lift stopped'), parents: ['lift'] },
            ],
          },
        ],
      },
      { key: 'subject', type: 'text', label: name('Betreff', 'Subject'), required: true, maxLength: 200, mapsTo: 'subject' },
      { key: 'description', type: 'textarea', label: name('Beschreibung', 'Description'), required: true, maxLength: 4000 },
      {
        key: 'urgency', type: 'select', label: name('Dringlichkeit', 'Urgency'), required: true, mapsTo: 'urgency',
        options: [
          { value: 'normal', label: name('Normal') },
          { value: 'dringend', label: name('Dringend', 'Urgent') },
          { value: 'notfall', label: name('Notfall', 'Emergency'), emergency: true },
        ],
      },
      { key: 'staff_note', type: 'text', label: name('Notiz der Verwaltung', 'Management note'), required: false, staffOnly: true, maxLength: 500 },
    ],
    attachments: { maxFiles: 5, maxBytes: 10 * 1024 * 1024 },
    privacy: privacy(false),
    firstAnswerDays: 2,
    offer: 'always',
    sort: 0,
  },
  {
    key: 'allgemeine-anfrage',
    title: name('Allgemeine Anfrage', 'General request'),
    audience: { roles: ['tenant', 'owner'] },
    unitRequired: true,
    fields: [
      { key: 'subject', type: 'text', label: name('Betreff', 'Subject'), required: true, maxLength: 200, mapsTo: 'subject' },
      { key: 'message', type: 'textarea', label: name('Nachricht', 'Message'), required: true, maxLength: 4000 },
    ],
    attachments: { maxFiles: 2, maxBytes: 1024 * 1024 },
    privacy: privacy(true),
    offer: 'always',
    sort: 1,
  },
];

/** Values of a valid damage report in the flat (Küche, Sanitär, tropft). */
export const flatDamage = (subject = 'Wasserhahn in der Küche tropft', description = 'Seit gestern tropft der Wasserhahn.') => ({
  damage: { location: 'kueche', category: 'sanitaer', problem: 'tropft' },
  subject,
  description,
  urgency: 'normal',
});

/** Values of a valid damage report on the lift (a common area: building-wide, `shared`). */
export const liftDamage = (subject = 'Lift steht', description = 'Der Lift steht im Erdgeschoß.') => ({
  damage: { location: 'lift', category: 'lift', problem: 'steht' },
  subject,
  description,
  urgency: 'dringend',
});

export interface TicketOptions {
  /** Person key of the reporter; the ticket's participant `reporter` with `role`. */
  reporter: TestPerson | string;
  role?: 'tenant' | 'owner';
  /** Unit Top (e.g. 'T1'); its property is taken unless `property` is given. */
  unit?: string;
  /** Property key ('A', 'B'); required without `unit`. */
  property?: string;
  form?: string;
  subject?: string;
  location?: string | null;
  category?: string | null;
  problem?: string | null;
  urgency?: string | null;
  shared?: boolean;
  /** Statuses one after the other, the first `new` (defaults to ['new']); the last one is the ticket's. */
  history?: TicketStatus[];
  /** ISO 8601 of the creation (defaults to the server clock's now); each later step one minute after the one before. */
  createdAt?: string;
  /** Persons who joined as affected, with their roles. */
  affected?: { person: string; role: 'tenant' | 'owner' }[];
  textHash?: string | null;
}

/** The fixture's world: people, properties, units, contracts (MoneyWorld), documents (DocumentWorld), forms and tickets. */
export class TicketWorld extends DocumentWorld {
  s!: TestServer;
  /** The next sequence number per year, for tickets written directly. */
  private seqs = new Map<number, number>();

  /** A new organization `slug` (DocumentWorld's: a copy of the demo's immopro, Europe/Vienna, its status visibility). */
  static override async create(s: TestServer, slug: string): Promise<TicketWorld> {
    const w = Object.assign(new TicketWorld(s.db), await DocumentWorld.create(s, slug));
    w.s = s;
    return w;
  }

  /** Inserts `definition` as the next version of its key (1 for a new key) and returns the row id ("form:<key>" is the latest). */
  async form(definition: FormDefinition, sort = 0): Promise<string> {
    const last = (await this.db('forms').where({ organization_id: this.orgId, key: definition.key }).max({ v: 'version' }).first()) as { v: number | null } | undefined;
    const version = Number(last?.v ?? 0) + 1;
    const id = newId();
    this.ids.set(`form:${definition.key}`, id);
    this.ids.set(`form:${definition.key}:${version}`, id);
    await this.db('forms').insert({ id, organization_id: this.orgId, key: definition.key, version, definition: JSON.stringify(definition), sort, created_by: null, created_at: new Date().toISOString() });
    return id;
  }

  async login(person: TestPerson): Promise<Session> {
    return login(this.s.url, `${person.toLowerCase()}@${this.slug}.test`, testPasswords[person], this.slug);
  }

  /** A ticket written directly (no checks): row, participants and one status event per step of `history`. */
  async ticket(key: string, o: TicketOptions): Promise<string> {
    const id = this.id(`ticket:${key}`);
    const history = o.history ?? ['new'];
    const start = Date.parse(o.createdAt ?? this.s.clock.now().toISOString());
    const at = (i: number) => new Date(start + i * 60_000).toISOString();
    const year = Number(at(0).slice(0, 4));
    const seq = (this.seqs.get(year) ?? 1000) + 1;
    this.seqs.set(year, seq);
    const unitId = o.unit ? this.id(`unit:${o.unit}`) : null;
    const propertyId = o.property ? this.id(o.property) : ((await this.db('units').where({ id: unitId }).first('property_id')) as { property_id: string }).property_id;
    const formKey = o.form ?? 'schadensmeldung';
    const subject = o.subject ?? key;
    await this.db('tickets').insert({
      id, organization_id: this.orgId, number: `${year}-${String(seq).padStart(5, '0')}`, year, seq,
      form_id: this.id(`form:${formKey}`), form_key: formKey, unit_id: unitId, property_id: propertyId,
      reporter_person_id: this.id(`person:${o.reporter}`), created_by: null, source: 'portal', subject,
      location: o.location ?? null, category: o.category ?? null, problem: o.problem ?? null, urgency: o.urgency ?? null,
      shared: o.shared ?? false, fields: '[]', consent_version: null, consent_at: null,
      status: history.at(-1), status_at: at(history.length - 1), waiting_until: null, reopen_count: 0,
      text_hash: o.textHash ?? createHash('sha256').update(subject).digest('hex'), idempotency_key: null,
      created_at: at(0), updated_at: at(history.length - 1),
    });
    await this.db('ticket_participants').insert([
      { ticket_id: id, person_id: this.id(`person:${o.reporter}`), kind: 'reporter', role: o.role ?? 'tenant', joined_at: at(0), last_read_at: null },
      ...(o.affected ?? []).map((a) => ({ ticket_id: id, person_id: this.id(`person:${a.person}`), kind: 'affected', role: a.role, joined_at: at(0), last_read_at: null })),
    ]);
    await this.db('ticket_events').insert(
      history.map((to, i) => ({
        id: newId(), ticket_id: id, kind: 'status', from_status: i === 0 ? null : history[i - 1], to_status: to, reason: null, reason_visibility: 'public',
        reason_code: null, waiting_until: null, document_id: null, actor_kind: i === 0 ? 'resident' : 'staff', actor_user_id: null,
        actor_person_id: i === 0 ? this.id(`person:${o.reporter}`) : null, at: at(i),
      })),
    );
    return id;
  }

  /** A comment on ticket `ticket` (by a resident when `person` is given, else by staff). */
  async comment(key: string, ticket: string, o: { visibility: 'public' | 'internal'; body: string; person?: string; at?: string }): Promise<string> {
    const id = this.id(`comment:${key}`);
    await this.db('ticket_comments').insert({
      id, ticket_id: this.id(`ticket:${ticket}`), visibility: o.visibility, author_kind: o.person ? 'resident' : 'staff', author_user_id: null,
      author_person_id: o.person ? this.id(`person:${o.person}`) : null, body: o.body, created_at: o.at ?? this.s.clock.now().toISOString(),
    });
    return id;
  }

  /** A file of ticket `ticket` (of comment `comment` when given), stored as it is; returns the ticket_files id ("ticket-file:<key>"). */
  async ticketFile(key: string, ticket: string, o: { visibility: 'public' | 'internal'; name: string; mime: string; bytes: Buffer; comment?: string }): Promise<string> {
    const id = this.id(`ticket-file:${key}`);
    const fileId = this.id(`file:${key}`);
    const now = this.s.clock.now().toISOString();
    await this.db('files').insert({
      id: fileId, organization_id: this.orgId, sha256: createHash('sha256').update(o.bytes).digest('hex'), size: o.bytes.length, mime: o.mime, original_name: o.name, bytes: o.bytes, created_at: now,
    });
    await this.db('ticket_files').insert({
      id, ticket_id: this.id(`ticket:${ticket}`), comment_id: o.comment ? this.id(`comment:${o.comment}`) : null, file_id: fileId, thumb_file_id: null,
      visibility: o.visibility, name: o.name, mime: o.mime, size: o.bytes.length, uploaded_by: null, created_at: now,
    });
    return id;
  }

  /** POST /tickets as `session`: `values` are sent as JSON; `fields` adds or overrides raw multipart fields. */
  submit(session: Session, submission: { form: string; version?: number; unit?: string; property?: string; values: unknown; consent?: boolean }, files: Omit<FilePart, 'name'>[] = [], headers: Record<string, string> = {}, fields: Record<string, string> = {}): Promise<Answer> {
    const form: Record<string, string> = { form: submission.form, version: String(submission.version ?? 1), values: JSON.stringify(submission.values) };
    if (submission.unit) form.unit = submission.unit;
    if (submission.property) form.property = submission.property;
    if (submission.consent !== undefined) form.consent = String(submission.consent);
    return postForm(this.s.url, '/tickets', session.token, { ...form, ...fields }, files.map((f) => ({ ...f, name: 'files' })), headers);
  }
}

export interface TicketFixture {
  w: TicketWorld;
  tina: Session;
  otto: Session;
  nina: Session;
  emil: Session;
  fritz: Session;
  manager: Session;
}

/**
 * The ticket tests' world, an organization `slug` (default "tickets") next to the demo seed, on the server's clock:
 * - "Testgasse 1" (property A): units T1, T2, T3, T4; "Zweigasse 2" (property B): units B1, B2.
 * - Tina rents T1 since March of last year (valid today); she rented T3 until the end of last year (ended) and will
 *   rent B2 from next year (future).
 * - Otto owns T2 (valid today) and rents T4 (valid today): owner in A and tenant in A.
 * - Nina rents B1 (valid today).
 * - Emil rented T3 two years ago (ended); Fritz will rent T3 from next year (future). Neither has a contract today.
 * - Manni is the organization's manager (role manager, no contracts).
 * - The forms {@link testForms} as version 1 ("form:schadensmeldung", "form:allgemeine-anfrage").
 * - Logins (email `<name>@<slug>.test`, e.g. tina@tickets.test; password {@link testPasswords}) for all of them.
 */
export async function ticketFixture(s: TestServer, slug = 'tickets', forms: FormDefinition[] = testForms): Promise<TicketFixture> {
  const w = await TicketWorld.create(s, slug);
  const y = w.y;
  const roles: Record<TestPerson, string> = { Tina: 'tenant', Otto: 'owner', Nina: 'tenant', Emil: 'tenant', Fritz: 'tenant', Manni: 'manager' };
  await Promise.all(
    (Object.keys(roles) as TestPerson[]).map((p) => w.person(p, { email: `${p.toLowerCase()}@${slug}.test`, password: testPasswords[p], role: roles[p] })),
  );
  await w.property('A', 'Testgasse 1', null);
  await w.property('B', 'Zweigasse 2', null);
  for (const top of ['T1', 'T2', 'T3', 'T4']) await w.unit('A', top);
  for (const top of ['B1', 'B2']) await w.unit('B', top);
  await w.contract('c:tina', 'T1', 'Tina', 'tenant', `${y - 1}-03-01`, null, 'TK-T1');
  await w.contract('c:tina-ended', 'T3', 'Tina', 'tenant', `${y - 3}-01-01`, `${y - 1}-12-31`, 'TK-T3a');
  await w.contract('c:tina-future', 'B2', 'Tina', 'tenant', `${y + 1}-01-01`, null, 'TK-B2');
  await w.contract('c:otto', 'T2', 'Otto', 'owner', `${y - 5}-01-01`, null, 'TK-T2');
  await w.contract('c:otto-rent', 'T4', 'Otto', 'tenant', `${y - 2}-01-01`, null, 'TK-T4');
  await w.contract('c:nina', 'B1', 'Nina', 'tenant', `${y - 2}-01-01`, null, 'TK-B1');
  await w.contract('c:emil', 'T3', 'Emil', 'tenant', `${y - 6}-01-01`, `${y - 2}-12-31`, 'TK-T3e');
  await w.contract('c:fritz', 'T3', 'Fritz', 'tenant', `${y + 1}-01-01`, null, 'TK-T3f');
  for (const [i, definition] of forms.entries()) await w.form(definition, i);
  const [tina, otto, nina, emil, fritz, manager] = await Promise.all((['Tina', 'Otto', 'Nina', 'Emil', 'Fritz', 'Manni'] as const).map((p) => w.login(p)));
  return { w, tina: tina!, otto: otto!, nina: nina!, emil: emil!, fritz: fritz!, manager: manager! };
}
