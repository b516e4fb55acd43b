import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { call, expectProblem, startServer, type Session, type TestServer } from './helpers.ts';
import { ticketFixture, flatDamage, liftDamage, testForms, type TicketFixture } from './tickets-fixture.ts';
import { postForm } from './admin-fixture.ts';
import { demoForms } from '../src/seed/forms-data.ts';

// POST /tickets, GET /tickets/duplicates, POST /tickets/{id}/affected, POST /admin/tickets (creation), on a real
// server and database: numbers, every refusal, daily limits, Idempotency-Key, numbers under concurrency, joining.

let s: TestServer;
let f: TicketFixture;
let other: TicketFixture;
let y: number;
/** Otto's report of the lift in A (a building-wide ticket made through the API). */
let ottoLift = '';

before(async () => {
  s = await startServer();
  f = await ticketFixture(s);
  other = await ticketFixture(s, 'fremd');
  y = f.w.y;
});
after(() => s.close());

const T1 = () => f.w.id('unit:T1');
const submitFlat = (who: Session, subject?: string, headers: Record<string, string> = {}) =>
  f.w.submit(who, { form: 'schadensmeldung', unit: T1(), values: flatDamage(subject) }, [], headers);

const ticketRow = (id: string) => s.db('tickets').where({ id }).first();

describe('POST /tickets', () => {
  test('creates tickets numbered per organization and year, with reporter, first event and the form version', async () => {
    const first = await submitFlat(f.tina, 'Erste Meldung');
    assert.equal(first.status, 201, first.text);
    assert.match(first.body.number, /^\d{4}-\d{5}$/);
    assert.equal(first.body.number, `${y}-00001`);
    assert.equal(first.body.subject, 'Erste Meldung');
    assert.equal(first.body.status, 'new');
    const second = await submitFlat(f.tina, 'Zweite Meldung');
    assert.equal(second.status, 201, second.text);
    assert.equal(second.body.number, `${y}-00002`);

    const row = await ticketRow(first.body.id);
    assert.equal(row.organization_id, f.w.orgId);
    assert.equal(Number(row.seq), 1);
    assert.equal(Number(row.year), y);
    assert.equal(row.status, 'new');
    assert.equal(row.unit_id, T1());
    assert.equal(row.property_id, f.w.id('A'));
    assert.equal(row.form_id, f.w.id('form:schadensmeldung'));
    assert.equal(row.source, 'portal');
    assert.equal([row.location, row.category, row.problem, row.urgency].join(), 'kueche,sanitaer,tropft,normal');
    assert.equal(Boolean(row.shared), false);
    assert.equal(row.consent_version, null);
    const fields = JSON.parse(row.fields);
    assert.deepEqual(fields.map((x: { key: string }) => x.key), ['damage', 'subject', 'description', 'urgency']);
    const participants = await s.db('ticket_participants').where({ ticket_id: first.body.id });
    assert.deepEqual(participants.map((p) => [p.person_id, p.kind, p.role]), [[f.w.id('person:Tina'), 'reporter', 'tenant']]);
    const events = await s.db('ticket_events').where({ ticket_id: first.body.id });
    assert.deepEqual(events.map((e) => [e.kind, e.from_status, e.to_status, e.actor_kind, e.actor_person_id]), [['status', null, 'new', 'resident', f.w.id('person:Tina')]]);

    // The other organization counts from 1 on its own.
    const elsewhere = await other.w.submit(other.tina, { form: 'schadensmeldung', unit: other.w.id('unit:T1'), values: flatDamage('Anderswo') });
    assert.equal(elsewhere.status, 201, elsewhere.text);
    assert.equal(elsewhere.body.number, `${y}-00001`);
  });

  test('a common area is reported on the property and is building-wide; an owner reports as owner', async () => {
    const a = await f.w.submit(f.otto, { form: 'schadensmeldung', property: f.w.id('A'), values: liftDamage('Lift hängt') });
    assert.equal(a.status, 201, a.text);
    ottoLift = a.body.id;
    const row = await ticketRow(a.body.id);
    assert.equal(row.unit_id, null);
    assert.equal(row.property_id, f.w.id('A'));
    assert.equal(Boolean(row.shared), true);
    const p = await s.db('ticket_participants').where({ ticket_id: a.body.id }).first();
    assert.equal(p.role, 'owner');
    // Consent is stored with the form's privacy version.
    const consent = await f.w.submit(f.otto, { form: 'allgemeine-anfrage', unit: f.w.id('unit:T4'), consent: true, values: { subject: 'Frage', message: 'Wann kommt die Abrechnung?' } });
    assert.equal(consent.status, 201, consent.text);
    const c = await ticketRow(consent.body.id);
    assert.equal(c.consent_version, 'datenschutz-2026-01');
    assert.ok(c.consent_at);
    assert.equal((await s.db('ticket_participants').where({ ticket_id: consent.body.id }).first()).role, 'tenant');
  });

  test('refusals: bad JSON, unknown fields, unknown forms, units and properties without a contract valid today', async () => {
    const bad = await f.w.submit(f.tina, { form: 'schadensmeldung', unit: T1(), values: null }, [], {}, { values: '{"subject": ' });
    expectProblem(bad, 400, 'validation_failed');
    assert.equal(bad.body.errors[0].field, '/values');

    const unknown = await f.w.submit(f.tina, { form: 'schadensmeldung', unit: T1(), values: { ...flatDamage(), colour: 'rot' } });
    expectProblem(unknown, 400, 'validation_failed');
    assert.ok(unknown.body.errors.some((e: { field: string; code: string }) => e.field === '/values/colour' && e.code === 'unknown_field'), unknown.text);

    const staffOnly = await f.w.submit(f.tina, { form: 'schadensmeldung', unit: T1(), values: { ...flatDamage(), staff_note: 'x' } });
    expectProblem(staffOnly, 400, 'validation_failed');

    const missing = await f.w.submit(f.tina, { form: 'schadensmeldung', unit: T1(), values: { ...flatDamage(), subject: '' } });
    expectProblem(missing, 400, 'validation_failed');
    assert.ok(missing.body.errors.some((e: { field: string }) => e.field === '/values/subject'));

    const unknownPart = await f.w.submit(f.tina, { form: 'schadensmeldung', unit: T1(), values: flatDamage() }, [], {}, { priority: 'hoch' });
    expectProblem(unknownPart, 400, 'validation_failed');

    expectProblem(await f.w.submit(f.tina, { form: 'gibt-es-nicht', unit: T1(), values: flatDamage() }), 404, 'not_found');
    expectProblem(await f.w.submit(f.tina, { form: 'schadensmeldung', version: 7, unit: T1(), values: flatDamage() }), 404, 'not_found');
    // Nina's unit, Tina's ended contract (T3), Tina's contract that begins next year (B2), another organization's unit.
    for (const unit of [f.w.id('unit:B1'), f.w.id('unit:T3'), f.w.id('unit:B2'), other.w.id('unit:T1')]) {
      expectProblem(await f.w.submit(f.tina, { form: 'schadensmeldung', unit, values: flatDamage() }), 404, 'not_found');
    }
    // A common area in a property where she has no contract today.
    expectProblem(await f.w.submit(f.tina, { form: 'schadensmeldung', property: f.w.id('B'), values: liftDamage() }), 404, 'not_found');
    // Persons without any contract today: ended, not begun, the manager.
    for (const who of [f.emil, f.fritz, f.manager]) {
      expectProblem(await f.w.submit(who, { form: 'schadensmeldung', unit: f.w.id('unit:T3'), values: flatDamage() }), 404, 'not_found');
    }
    // A flat's location needs the unit.
    const noUnit = await f.w.submit(f.tina, { form: 'schadensmeldung', property: f.w.id('A'), values: flatDamage() });
    expectProblem(noUnit, 400, 'validation_failed');
    // Consent required by allgemeine-anfrage.
    const noConsent = await f.w.submit(f.tina, { form: 'allgemeine-anfrage', unit: T1(), values: { subject: 'Frage', message: 'Text' } });
    expectProblem(noConsent, 400, 'validation_failed');
    assert.ok(noConsent.body.errors.some((e: { field: string }) => e.field === '/consent'));
    // Not signed in.
    assert.equal((await postForm(s.url, '/tickets', undefined, { form: 'schadensmeldung', version: '1', values: '{}' }, [])).status, 401);
  });

  test('an older version of the form is still accepted while the form is offered', async () => {
    const v1 = testForms[0]!;
    await f.w.form({ ...v1, title: { de: 'Schadensmeldung neu', en: 'Damage report new' } });
    const old = await f.w.submit(f.tina, { form: 'schadensmeldung', version: 1, unit: T1(), values: flatDamage('Alte Version') });
    assert.equal(old.status, 201, old.text);
    assert.equal((await ticketRow(old.body.id)).form_id, f.w.id('form:schadensmeldung:1'));
    // Withdrawn by its current version: no longer offered, whatever the version named.
    await f.w.form({ ...v1, activeUntil: `${y - 1}-12-31` });
    expectProblem(await f.w.submit(f.tina, { form: 'schadensmeldung', version: 1, unit: T1(), values: flatDamage() }), 404, 'not_found');
    await f.w.form(v1);
  });

  test('Idempotency-Key: a retry answers 200 with the first ticket, also when sent at once', async () => {
    const key = { 'Idempotency-Key': 'retry-key-0001' };
    const first = await submitFlat(f.tina, 'Mit Schlüssel', key);
    assert.equal(first.status, 201, first.text);
    const again = await submitFlat(f.tina, 'Mit Schlüssel', key);
    assert.equal(again.status, 200, again.text);
    assert.equal(again.body.id, first.body.id);
    assert.equal(again.body.number, first.body.number);

    const burst = { 'Idempotency-Key': 'retry-key-0002' };
    const answers = await Promise.all([1, 2, 3].map(() => f.w.submit(f.otto, { form: 'schadensmeldung', unit: f.w.id('unit:T2'), values: flatDamage('Gleichzeitig') }, [], burst)));
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 201], answers.map((a) => a.text).join('\n'));
    assert.equal(new Set(answers.map((a) => a.body.id)).size, 1);
    assert.equal((await s.db('tickets').where({ reporter_person_id: f.w.id('person:Otto'), idempotency_key: 'retry-key-0002' })).length, 1);
    // The key is the reporter's: another person's same key makes his own ticket.
    const nina = await f.w.submit(f.nina, { form: 'schadensmeldung', unit: f.w.id('unit:B1'), values: flatDamage('Nina') }, [], key);
    assert.equal(nina.status, 201, nina.text);
    assert.notEqual(nina.body.id, first.body.id);
  });

  test('tickets sent at once get distinct consecutive numbers', async () => {
    const before = Number((await s.db('tickets').where({ organization_id: other.w.orgId, year: y }).max({ m: 'seq' }).first())?.m);
    const answers = await Promise.all([1, 2, 3, 4, 5].map((i) =>
      other.w.submit(other.otto, { form: 'schadensmeldung', unit: other.w.id('unit:T2'), values: flatDamage(`Parallel ${i}`) })));
    for (const a of answers) assert.equal(a.status, 201, a.text);
    const seqs = answers.map((a) => Number(a.body.number.slice(5))).sort((a, b) => a - b);
    assert.deepEqual(seqs, [1, 2, 3, 4, 5].map((i) => before + i));
  });

  test('at most 10 tickets a day and 2 with the same text: 429 with Retry-After', async () => {
    const same = (text: string) => other.w.submit(other.nina, { form: 'schadensmeldung', unit: other.w.id('unit:B1'), values: flatDamage('Gleicher Betreff', text) });
    assert.equal((await same('Das   Fenster klemmt.')).status, 201);
    assert.equal((await same('das fenster klemmt.')).status, 201);
    const third = await same('Das Fenster klemmt.');
    expectProblem(third, 429, 'ticket_duplicate_text');
    assert.ok(Number(third.headers.get('retry-after')) > 0);

    for (let i = 3; i <= 10; i++) {
      const a = await other.w.submit(other.nina, { form: 'schadensmeldung', unit: other.w.id('unit:B1'), values: flatDamage(`Meldung ${i}`, `Text ${i}`) });
      assert.equal(a.status, 201, a.text);
    }
    const eleventh = await other.w.submit(other.nina, { form: 'schadensmeldung', unit: other.w.id('unit:B1'), values: flatDamage('Elf', 'Text elf') });
    expectProblem(eleventh, 429, 'ticket_limit');
    const retry = Number(eleventh.headers.get('retry-after'));
    assert.ok(retry > 0 && retry <= 25 * 3600, String(retry));
    // The next organization day: allowed again.
    s.clock.advance(retry + 1);
    try {
      const next = await other.w.submit(await other.w.login('Nina'), { form: 'schadensmeldung', unit: other.w.id('unit:B1'), values: flatDamage('Neuer Tag', 'Text elf') });
      assert.equal(next.status, 201, next.text);
    } finally {
      s.clock.advance(-(retry + 1));
    }
  });

  test('the year of the number is the organization\'s year (Vienna)', async () => {
    const saved = s.clock.offsetMs;
    s.clock.set(`${y}-12-31T23:30:00Z`);
    try {
      const a = await other.w.submit(await other.w.login('Tina'), { form: 'schadensmeldung', unit: other.w.id('unit:T1'), values: flatDamage('Silvester') });
      assert.equal(a.status, 201, a.text);
      assert.equal(a.body.number, `${y + 1}-00001`);
      assert.equal(Number((await ticketRow(a.body.id)).year), y + 1);
    } finally {
      s.clock.offsetMs = saved;
    }
  });
});

test('the demo forms: a Schadensmeldung with a photo as the demo seed defines it', async () => {
  const demo = await ticketFixture(s, 'demoformen', demoForms);
  const values = {
    urgency: 'normal', damage: { location: 'bad', category: 'sanitaer', problem: 'verstopft' }, description: 'Der Abfluss der Dusche ist verstopft.',
    access: true, pets: false, phone: '+43 660 1234567',
  };
  const a = await demo.w.submit(demo.tina, { form: 'schadensmeldung', unit: demo.w.id('unit:T1'), values }, [{ fileName: 'Dusche.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }]);
  assert.equal(a.status, 201, a.text);
  assert.equal(a.body.number, `${y}-00001`);
  const row = await ticketRow(a.body.id);
  assert.equal([row.location, row.category, row.problem, row.urgency].join(), 'bad,sanitaer,verstopft,normal');
  assert.equal(row.form_id, demo.w.id('form:schadensmeldung'));
});

describe('duplicates and affected', () => {
  before(async () => {
    const lift = { reporter: 'Emil', property: 'A', location: 'lift', category: 'lift', problem: 'steht', shared: true } as const;
    await f.w.ticket('lift', { ...lift, history: ['new', 'in_progress'] });
    await f.w.ticket('lift-done', { ...lift, history: ['new', 'in_progress', 'done'] });
    await f.w.ticket('lift-private', { ...lift, shared: false });
    await f.w.ticket('lift-elsewhere', { ...lift, property: 'B' });
    await f.w.ticket('keller', { ...lift, location: 'keller' });
    await other.w.ticket('lift-fremd', { ...lift });
  });

  const duplicates = (who: Session, property: string, location = 'lift', category = 'lift') =>
    call(s.url, `/tickets/duplicates?property=${property}&location=${location}&category=${category}`, { token: who.token });

  test('offers the open building-wide tickets of the property with that location and category, without names', async () => {
    const a = await duplicates(f.tina, f.w.id('A'));
    assert.equal(a.status, 200, a.text);
    assert.deepEqual(a.body.items.map((t: { id: string }) => t.id), [f.w.id('ticket:lift'), ottoLift]);
    const [item] = a.body.items;
    assert.equal(item.status, 'in_progress');
    assert.equal(item.shared, true);
    assert.equal(item.affected, false);
    assert.equal(item.place, 'Testgasse 1');
    assert.ok(!a.text.includes('Emil'));
    assert.deepEqual((await duplicates(f.tina, f.w.id('A'), 'keller')).body.items.map((t: { id: string }) => t.id), [f.w.id('ticket:keller')]);
    assert.deepEqual((await duplicates(f.tina, f.w.id('A'), 'lift', 'elektro')).body.items, []);
  });

  test('a status the role does not see as open is no candidate', async () => {
    await f.w.ticket('lift-waiting', { reporter: 'Emil', property: 'A', location: 'stiegenhaus', category: 'elektro', shared: true, history: ['new', 'waiting'] });
    const visibility = { tenant: { waiting: 'done' }, owner: {} };
    await s.db('organizations').where({ id: f.w.orgId }).update({ ticket_status_visibility: JSON.stringify(visibility) });
    // The organization directory is cached: another machine reads it fresh.
    const m = await s.startOtherMachine();
    try {
      const tina = await call(m.url, `/tickets/duplicates?property=${f.w.id('A')}&location=stiegenhaus&category=elektro`, { token: f.tina.token });
      assert.equal(tina.status, 200, tina.text);
      assert.deepEqual(tina.body.items, []);
      const otto = await call(m.url, `/tickets/duplicates?property=${f.w.id('A')}&location=stiegenhaus&category=elektro`, { token: f.otto.token });
      assert.deepEqual(otto.body.items.map((t: { id: string; status: string }) => [t.id, t.status]), [[f.w.id('ticket:lift-waiting'), 'waiting']]);
      expectProblem(await call(m.url, `/tickets/${f.w.id('ticket:lift-waiting')}/affected`, { method: 'POST', token: f.tina.token }), 404, 'not_found');
    } finally {
      await m.close();
      await s.db('organizations').where({ id: f.w.orgId }).update({ ticket_status_visibility: '{}' });
    }
  });

  test('a property without a contract valid today answers 404', async () => {
    expectProblem(await duplicates(f.nina, f.w.id('A')), 404, 'not_found');
    expectProblem(await duplicates(f.tina, f.w.id('B')), 404, 'not_found'); // her B2 contract begins next year
    expectProblem(await duplicates(f.emil, f.w.id('A')), 404, 'not_found'); // ended
    expectProblem(await duplicates(f.tina, other.w.id('A')), 404, 'not_found');
    expectProblem(await duplicates(f.manager, f.w.id('A')), 404, 'not_found');
  });

  test('joining adds me as affected with my role there; twice changes nothing', async () => {
    const id = f.w.id('ticket:lift');
    const a = await call(s.url, `/tickets/${id}/affected`, { method: 'POST', token: f.tina.token });
    assert.equal(a.status, 200, a.text);
    assert.equal(a.body.id, id);
    const again = await call(s.url, `/tickets/${id}/affected`, { method: 'POST', token: f.tina.token });
    assert.equal(again.status, 200, again.text);
    const otto = await call(s.url, `/tickets/${id}/affected`, { method: 'POST', token: f.otto.token });
    assert.equal(otto.status, 200, otto.text);
    const rows = await s.db('ticket_participants').where({ ticket_id: id }).orderBy('kind');
    assert.deepEqual(
      rows.map((r) => [r.person_id, r.kind, r.role]).sort(),
      [[f.w.id('person:Emil'), 'reporter', 'tenant'], [f.w.id('person:Otto'), 'affected', 'owner'], [f.w.id('person:Tina'), 'affected', 'tenant']].sort(),
    );
    const dup = await duplicates(f.tina, f.w.id('A'));
    assert.equal(dup.body.items[0].affected, true);
    assert.equal(dup.body.items[0].affectedCount, 2);
  });

  test('joining anything but a candidate answers 404', async () => {
    for (const key of ['lift-done', 'lift-private', 'lift-elsewhere']) {
      expectProblem(await call(s.url, `/tickets/${f.w.id(`ticket:${key}`)}/affected`, { method: 'POST', token: f.tina.token }), 404, 'not_found');
    }
    expectProblem(await call(s.url, `/tickets/${f.w.id('ticket:lift')}/affected`, { method: 'POST', token: f.nina.token }), 404, 'not_found');
    expectProblem(await call(s.url, `/tickets/${f.w.id('ticket:lift')}/affected`, { method: 'POST', token: f.fritz.token }), 404, 'not_found');
    expectProblem(await call(s.url, `/tickets/${other.w.id('ticket:lift-fremd')}/affected`, { method: 'POST', token: f.tina.token }), 404, 'not_found');
    expectProblem(await call(s.url, `/tickets/01a22ca4-0000-7000-8000-000000000000/affected`, { method: 'POST', token: f.tina.token }), 404, 'not_found');
  });
});

describe('forms with a unit field of their own; the managers hear of new tickets', () => {
  let g: TicketFixture;
  const konto = {
    ...structuredClone(testForms[1]!), key: 'konto', title: { de: 'Kontoänderung', en: 'Bank details' }, unitRequired: true, sort: 5,
    fields: [
      { key: 'unit', type: 'unit', label: { de: 'Einheit', en: 'Unit' }, required: true },
      { key: 'iban', type: 'iban', label: { de: 'IBAN', en: 'IBAN' }, required: true },
      { key: 'note', type: 'textarea', label: { de: 'Anmerkung', en: 'Note' }, required: false },
    ],
    privacy: { ...testForms[1]!.privacy, consentRequired: false, consentText: undefined },
  } as (typeof testForms)[number];
  before(async () => {
    g = await ticketFixture(s, 'ansage', [...testForms, structuredClone(demoForms.find((d) => d.key === 'fragen-abrechnung')!), konto]);
    // A second manager, locked: not told.
    await g.w.person('Lotte', { email: 'lotte@ansage.test', password: 'Lotte-Tickets-2026', role: 'manager' });
    await s.db('users').where({ email: 'lotte@ansage.test' }).update({ status: 'locked' });
  });
  const mailsTo = (to: string) => s.db('outbox').where({ to }).orderBy('created_at').select('subject', 'text', 'organization_id');
  const question = { statement: 'heizkosten', year: 2025, question: 'Warum ist die Heizung so teuer?' };

  test('the request\'s unit alone fills the form\'s unit field, for residents and for staff on behalf of a person', async () => {
    const mine = await g.w.submit(g.tina, { form: 'fragen-abrechnung', unit: g.w.id('unit:T1'), values: question });
    assert.equal(mine.status, 201, mine.text);
    assert.equal((await ticketRow(mine.body.id)).unit_id, g.w.id('unit:T1'));
    assert.equal(mine.body.subject, 'Heizkostenabrechnung 2025');
    const year = mine.body.fields.find((x: { key: string }) => x.key === 'year');
    assert.deepEqual(year.display, { de: '2025', en: '2025' });
    assert.equal(mine.body.fields.find((x: { key: string }) => x.key === 'unit').value, g.w.id('unit:T1'));

    const staff = await postForm(s.url, '/admin/tickets', g.manager.token, {
      personId: g.w.id('person:Otto'), source: 'phone', form: 'fragen-abrechnung', version: '1', unit: g.w.id('unit:T2'), values: JSON.stringify(question),
    }, []);
    assert.equal(staff.status, 201, staff.text);
    assert.equal((await ticketRow(staff.body.id)).unit_id, g.w.id('unit:T2'));

    // Named twice and differently: unit_mismatch.
    const both = await g.w.submit(g.otto, { form: 'fragen-abrechnung', unit: g.w.id('unit:T2'), values: { ...question, unit: g.w.id('unit:T4') } });
    expectProblem(both, 400, 'validation_failed');
    assert.deepEqual(both.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]), [['/values/unit', 'unit_mismatch']]);
  });

  test('a new ticket is one mail to each active manager in the ticket\'s transaction: form, place, urgency, values; NOTFALL first for an emergency', async () => {
    const before = (await mailsTo('manni@ansage.test')).length;
    const normal = await g.w.submit(g.tina, { form: 'schadensmeldung', unit: g.w.id('unit:T1'), values: flatDamage('Wasserhahn tropft', 'Seit gestern\ntropft er.') }, [{ fileName: 'a.png', bytes: await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).png().toBuffer(), type: 'image/png' }]);
    assert.equal(normal.status, 201, normal.text);
    const emergency = await g.w.submit(g.nina, { form: 'schadensmeldung', property: g.w.id('B'), values: { ...liftDamage('Lift steckt'), damage: { location: 'keller', category: 'sanitaer', problem: 'tropft' }, urgency: 'notfall' } });
    assert.equal(emergency.status, 201, emergency.text);
    const mails = (await mailsTo('manni@ansage.test')).slice(before);
    assert.deepEqual(mails.map((m) => m.subject), [`Neues Anliegen ${normal.body.number}: Wasserhahn tropft`, `NOTFALL – Neues Anliegen ${emergency.body.number}: Lift steckt`]);
    assert.ok(mails.every((m) => m.organization_id === g.w.orgId));
    const [first, second] = mails.map((m) => m.text.split('\n'));
    for (const line of ['Formular: Schadensmeldung', 'Ort: Testgasse 1, Top T1', 'Dringlichkeit: Normal', 'Gemeldet von: Tina (im Portal)', '- Schaden: Küche › Sanitär › Wasserhahn tropft', '- Beschreibung: Seit gestern', '  tropft er.', '1 Datei liegt dem Anliegen im Portal bei.']) {
      assert.ok(first!.includes(line), `${line}\n${first!.join('\n')}`);
    }
    for (const line of ['Ort: Zweigasse 2', 'Dringlichkeit: Notfall']) assert.ok(second!.includes(line), `${line}\n${second!.join('\n')}`);
    assert.equal((await mailsTo('lotte@ansage.test')).length, 0, 'a locked manager is not told');
    assert.equal((await mailsTo('tina@ansage.test')).length, 0, 'the reporter gets no mail about his own ticket');
  });

  test('the mail shows an IBAN by its last four characters only; staff on behalf are announced too', async () => {
    const before = (await mailsTo('manni@ansage.test')).length;
    const a = await g.w.submit(g.tina, { form: 'konto', unit: g.w.id('unit:T1'), values: { iban: 'AT61 1904 3002 3457 3201', note: 'Neues Konto' } });
    assert.equal(a.status, 201, a.text);
    const staff = await postForm(s.url, '/admin/tickets', g.manager.token, {
      personId: g.w.id('person:Otto'), source: 'email', form: 'konto', version: '1', unit: g.w.id('unit:T2'), values: JSON.stringify({ iban: 'DE89370400440532013000' }),
    }, []);
    assert.equal(staff.status, 201, staff.text);
    const [tina, otto] = (await mailsTo('manni@ansage.test')).slice(before);
    assert.ok(tina!.text.includes('\n- IBAN: •••• 3201\n'), tina!.text);
    assert.ok(!tina!.text.includes('1904') && !tina!.text.includes('AT61'), tina!.text);
    assert.ok(otto!.text.includes('\n- IBAN: •••• 3000\n') && otto!.text.includes('Gemeldet von: Otto (per E-Mail aufgenommen)'), otto!.text);
    assert.ok(!otto!.text.includes('DE89'), otto!.text);
  });
});
