import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FormDefinition } from '@hausportal/api';
import { hashPassword } from '../src/auth/password.ts';
import { newId } from '../src/ids.ts';
import { demoForms } from '../src/seed/forms-data.ts';
import { call, expectProblem, login, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { DocumentWorld } from './documents-fixture.ts';
import { managers, loginAs } from './admin-fixture.ts';

// GET /forms (which forms, units and credits a person gets today: audience, properties, active window, the credit
// offer, ended and future contracts, managers) and GET/PUT /admin/forms (versions, unchanged forms, rule pointers,
// audit). The organization's day is 2026-06-15 (Europe/Vienna).

const at = '2026-06-15T10:00:00Z';

/**
 * Organization "formwelt": property P (Testgasse 1: U1–U4), property Q (Zweigasse 2: Q1).
 * - Tina rents U1 since 2024-03-01; her account shows a credit of 123,45 € today.
 * - Olga owns U2 since 2015 and owes 500 €.
 * - Emil rented U3 until 2025-06-30 (ended; his account had a credit then); Sam rents U3 since 2025-07-01, and
 *   rented Q1 from 2020 to 2023.
 * - Fritz rents U4 from 2026-09-01 (future).
 * - Nora rents Q1 since 2024.
 * - Mia manages the organization (no person).
 */
const people = ['Tina', 'Olga', 'Emil', 'Sam', 'Fritz', 'Nora'] as const;
type Name = (typeof people)[number] | 'Mia';
const email = (name: string) => `${name.toLowerCase()}@formwelt.test`;
const password = (name: string) => `${name}-Formular-2026`;

const emergencyNumbers = [{ label: { de: 'Gas-Notruf', en: 'Gas emergency' }, phone: '128' }, { label: { de: 'Wasserrohrbruch', en: 'Burst pipe' }, phone: '+43 1 890 12 34' }];

/** A small extra form built from the general enquiry. */
const extra = (key: string, more: Partial<FormDefinition>): FormDefinition => ({ ...structuredClone(demoForms[0]!), key, title: { de: key, en: key }, ...more });

let s: TestServer;
let w: DocumentWorld;
const who = {} as Record<Name, Session>;

const get = (path: string, session: Session): Promise<Answer> => call(s.url, path, { token: session.token });
const put = (path: string, session: Session, body: unknown): Promise<Answer> => call(s.url, path, { token: session.token, method: 'PUT', body });
const catalog = async (name: Name) => {
  const a = await get('/forms', who[name]);
  assert.equal(a.status, 200, a.text);
  return a.body;
};
const keys = (body: { items: { key: string }[] }) => body.items.map((f) => f.key);
const demoKeys = demoForms.map((f) => f.key);
const withoutCredit = demoKeys.filter((k) => k !== 'guthabensanforderung');

async function ledger(contract: string, entries: [string, string, number][]): Promise<void> {
  await s.db('ledger_entries').insert(entries.map(([day, kind, amount], seq) => ({
    id: newId(), contract_id: w.id(contract), booked_on: day, seq, doc_no: `D${seq}`, kind, text: kind, amount_cents: amount, due_on: null, open_cents: 0, dunning_level: 0,
  })));
}

async function insertForm(definition: FormDefinition, version = 1): Promise<string> {
  const id = newId();
  await s.db('forms').insert({ id, organization_id: w.orgId, key: definition.key, version, definition: JSON.stringify(definition), sort: definition.sort, created_at: new Date(at).toISOString() });
  return id;
}

before(async () => {
  s = await startServer({ at });
  w = await DocumentWorld.create(s, 'formwelt');
  await s.db('organizations').where({ id: w.orgId }).update({ emergency_numbers: JSON.stringify(emergencyNumbers), time_zone: 'Europe/Vienna' });
  await Promise.all(people.map((name) => w.person(name, { email: email(name), password: password(name), role: name === 'Olga' ? 'owner' : 'tenant' })));
  const now = new Date().toISOString();
  const userId = newId();
  await s.db('users').insert({ id: userId, email: email('Mia'), username: email('Mia'), password_hash: await hashPassword(password('Mia')), status: 'active', must_change_password: false, locale: 'de', notify_email: true, created_at: now, updated_at: now });
  const terms = (await s.db('organizations').where({ id: w.orgId }).first('terms_version')).terms_version;
  await s.db('memberships').insert({ id: newId(), user_id: userId, organization_id: w.orgId, role: 'manager', person_id: null, terms_version: terms, terms_accepted_at: now, created_at: now });

  await w.property('P', 'Testgasse 1', null);
  await w.property('Q', 'Zweigasse 2', null);
  for (const top of ['U1', 'U2', 'U3', 'U4']) await w.unit('P', top);
  await w.unit('Q', 'Q1');
  await w.contract('c:tina', 'U1', 'Tina', 'tenant', '2024-03-01', null, 'T-1');
  await w.contract('c:olga', 'U2', 'Olga', 'owner', '2015-01-01', null, 'O-1');
  await w.contract('c:emil', 'U3', 'Emil', 'tenant', '2022-01-01', '2025-06-30', 'E-1');
  await w.contract('c:sam', 'U3', 'Sam', 'tenant', '2025-07-01', null, 'S-1');
  await w.contract('c:sam-old', 'Q1', 'Sam', 'tenant', '2020-01-01', '2023-12-31', 'S-0');
  await w.contract('c:fritz', 'U4', 'Fritz', 'tenant', '2026-09-01', null, 'F-1');
  await w.contract('c:nora', 'Q1', 'Nora', 'tenant', '2024-01-01', null, 'N-1');
  // Tina: -20,00 brought forward, charged 500,00, paid 603,45 → credit 123,45 today; a charge after today does not count.
  await ledger('c:tina', [['2025-12-01', 'charge', 99999], ['2026-01-01', 'carry_forward', -2000], ['2026-02-01', 'charge', 50000], ['2026-02-03', 'payment', -60345], ['2026-07-01', 'charge', 99999]]);
  await ledger('c:olga', [['2026-01-01', 'carry_forward', 0], ['2026-03-01', 'charge', 50000]]);
  await ledger('c:emil', [['2025-01-01', 'carry_forward', 0], ['2025-05-01', 'payment', -40000]]);
  await ledger('c:sam-old', [['2023-01-01', 'carry_forward', 0], ['2023-05-01', 'payment', -40000]]);

  for (const f of demoForms) await insertForm(f);
  await insertForm(extra('nur-eigentuemer', { audience: { roles: ['owner'] }, sort: 60 }));
  await insertForm(extra('nur-haus-q', { audience: { roles: ['tenant', 'owner'], propertyIds: [w.id('Q')] }, sort: 61 }));
  await insertForm(extra('abgelaufen', { activeUntil: '2026-06-14', sort: 62 }));
  await insertForm(extra('bis-heute', { activeFrom: '2026-06-01', activeUntil: '2026-06-15', sort: 63 }));
  await insertForm(extra('ab-morgen', { activeFrom: '2026-06-16', sort: 64 }));
  const staffForm = extra('mit-intern', { sort: 65 });
  staffForm.fields.push({ key: 'intern', type: 'text', label: { de: 'Intern', en: 'Internal' }, required: false, staffOnly: true });
  await insertForm(staffForm);
  // Two versions: only the higher is offered.
  await insertForm(extra('zwei-versionen', { sort: 66, title: { de: 'Alt', en: 'Old' } }), 1);
  await insertForm(extra('zwei-versionen', { sort: 66, title: { de: 'Neu', en: 'New' } }), 2);

  for (const name of [...people, 'Mia'] as const) who[name] = await login(s.url, email(name), password(name), 'formwelt');
});

after(() => s.close());

const unitOf = (top: string, street = 'Testgasse 1') => ({ id: w.id(`unit:${top}`), propertyId: w.id(top === 'Q1' ? 'Q' : 'P'), label: `${street}, Top ${top}` });
const everyone = ['bis-heute', 'mit-intern', 'zwei-versionen'];

describe('GET /forms', () => {
  test('a tenant with a credit: her unit, her credit, the forms for tenants active today, the credit form', async () => {
    const body = await catalog('Tina');
    assert.deepEqual(body.units, [{ ...unitOf('U1'), role: 'tenant' }]);
    assert.deepEqual(body.credits, [{ unitId: w.id('unit:U1'), cents: 12345 }]);
    assert.deepEqual(body.emergencyNumbers, emergencyNumbers);
    assert.deepEqual(keys(body), [...demoKeys, ...everyone]);
    const schaden = body.items.find((f: { key: string }) => f.key === 'schadensmeldung');
    assert.equal(schaden.version, 1);
    assert.equal(typeof schaden.id, 'string');
    assert.deepEqual({ ...schaden, id: undefined, version: undefined }, { ...demoForms[2], id: undefined, version: undefined });
    // Staff-only fields are not offered; the highest version is.
    assert.deepEqual(body.items.find((f: { key: string }) => f.key === 'mit-intern').fields.map((f: { key: string }) => f.key), ['unit', 'subject', 'text']);
    const two = body.items.find((f: { key: string }) => f.key === 'zwei-versionen');
    assert.deepEqual([two.version, two.title.de], [2, 'Neu']);
  });

  test('an owner who owes money: no credit form; forms for owners', async () => {
    const body = await catalog('Olga');
    assert.deepEqual(body.units, [{ ...unitOf('U2'), role: 'owner' }]);
    assert.deepEqual(body.credits, []);
    assert.deepEqual(keys(body), [...withoutCredit, 'nur-eigentuemer', ...everyone]);
  });

  test('a form for one property reaches only contracts there', async () => {
    assert.deepEqual(keys(await catalog('Nora')), [...withoutCredit, 'nur-haus-q', ...everyone]);
    assert.ok(!keys(await catalog('Tina')).includes('nur-haus-q'));
  });

  test('ended and future contracts: not among the units, no credit, no forms', async () => {
    for (const name of ['Emil', 'Fritz'] as const) {
      assert.deepEqual(await catalog(name), { items: [], emergencyNumbers, units: [], credits: [] }, name);
    }
    // Sam's ended contract on Q1 (with a credit then) is gone; his current one on U3 counts, without Emil's credit.
    const sam = await catalog('Sam');
    assert.deepEqual(sam.units, [{ ...unitOf('U3'), role: 'tenant' }]);
    assert.deepEqual(sam.credits, []);
    assert.deepEqual(keys(sam), [...withoutCredit, ...everyone]);
  });

  test('a manager gets empty lists; no session → 401', async () => {
    assert.deepEqual(await catalog('Mia'), { items: [], emergencyNumbers, units: [], credits: [] });
    expectProblem(await call(s.url, '/forms'), 401);
  });

  test('the active window follows the organization\'s day', async () => {
    // 2026-06-15 21:45Z is still the 15th in Vienna (23:45 CEST); 22:00Z is the 16th. (A session of that evening; the
    // test clock runs on from where it is set.)
    const windowed = async () => {
      const session = await login(s.url, email('Olga'), password('Olga'), 'formwelt');
      const a = await get('/forms', session);
      assert.equal(a.status, 200, a.text);
      return keys(a.body).filter((k) => k.startsWith('ab') || k.startsWith('bis'));
    };
    try {
      s.clock.set('2026-06-15T21:45:00Z');
      assert.deepEqual(await windowed(), ['bis-heute']);
      s.clock.set('2026-06-15T22:00:00Z');
      assert.deepEqual(await windowed(), ['ab-morgen']);
    } finally {
      s.clock.set(at);
    }
  });
});

describe('GET and PUT /admin/forms', () => {
  let manager: Session;
  before(async () => {
    manager = who.Mia;
  });

  const versions = async (key: string) => (await s.db('forms').where({ organization_id: w.orgId, key }).orderBy('version').select('version')).map((r) => Number(r.version));

  test('GET: every current version, active or not; residents get 403', async () => {
    const a = await get('/admin/forms', manager);
    assert.equal(a.status, 200, a.text);
    const byKey = new Map(a.body.items.map((f: { key: string }) => [f.key, f]));
    assert.deepEqual([...byKey.keys()], [...demoKeys, 'nur-eigentuemer', 'nur-haus-q', 'abgelaufen', 'bis-heute', 'ab-morgen', 'mit-intern', 'zwei-versionen']);
    assert.deepEqual(['abgelaufen', 'bis-heute', 'ab-morgen', 'schadensmeldung'].map((k) => (byKey.get(k) as { active: boolean }).active), [false, true, false, true]);
    const intern = byKey.get('mit-intern') as { fields: { key: string }[] };
    assert.ok(intern.fields.some((f) => f.key === 'intern'), 'managers see staff-only fields');
    assert.equal((byKey.get('zwei-versionen') as { version: number }).version, 2);
    expectProblem(await get('/admin/forms', who.Tina), 403, 'manager_only');
    // Another organization's manager does not see these forms.
    const other = await get('/admin/forms', await loginAs(s, managers.pichler));
    assert.equal(other.status, 200);
    const mine = new Set(a.body.items.map((f: { id: string }) => f.id));
    assert.ok(!other.body.items.some((f: { id: string }) => mine.has(f.id)));
  });

  test('PUT: a changed definition becomes the next version, an unchanged one stays, a new key starts at 1; audited', async () => {
    const audits = async () => s.db('audit_log').where({ organization_id: w.orgId, action: 'form.version_created' }).count({ n: '*' }).first();
    const before = Number((await audits())!.n);
    // The same general enquiry with its keys in another order, and without the defaults written out.
    const same = Object.fromEntries(Object.entries(structuredClone(demoForms[0]!)).reverse()) as Record<string, unknown>;
    delete same.offer;
    const changed = structuredClone(demoForms[2]!);
    changed.title = { de: 'Schaden melden', en: 'Report damage' };
    const fresh = extra('neu', { sort: 70 });
    const a = await put('/admin/forms', manager, { items: [same, changed, fresh] });
    assert.equal(a.status, 200, a.text);
    assert.deepEqual(a.body.items.map((f: { key: string; version: number }) => [f.key, f.version]), [['allgemeine-anfrage', 1], ['schadensmeldung', 2], ['neu', 1]]);
    assert.equal(a.body.items[1].title.de, 'Schaden melden');
    assert.deepEqual(await versions('allgemeine-anfrage'), [1]);
    assert.deepEqual(await versions('schadensmeldung'), [1, 2]);
    assert.equal(Number((await audits())!.n), before + 2);
    const row = await s.db('audit_log').where({ organization_id: w.orgId, action: 'form.version_created', entity_id: a.body.items[1].id }).first('detail', 'actor_user_id');
    assert.deepEqual(JSON.parse(row.detail), { key: 'schadensmeldung', version: 2 });

    // Residents get the new version; the old one stays readable by its id for the tickets sent with it.
    const tina = await catalog('Tina');
    const schaden = tina.items.find((f: { key: string }) => f.key === 'schadensmeldung');
    assert.deepEqual([schaden.version, schaden.title.de], [2, 'Schaden melden']);
    // A new version keeps its place: the stored sort is the definition's.
    assert.deepEqual(keys(tina), [...demoKeys, ...everyone, 'neu']);
    assert.equal(Number((await s.db('forms').where({ id: a.body.items[1].id }).first('sort')).sort), demoForms[2]!.sort);

    // The same request again changes nothing.
    const again = await put('/admin/forms', manager, { items: [same, changed, fresh] });
    assert.deepEqual(again.body.items.map((f: { version: number }) => f.version), [1, 2, 1]);
    assert.equal(Number((await audits())!.n), before + 2);
  });

  test('PUT: a definition without sort is stored with sort 0 and comes first', async () => {
    const unsorted = extra('ohne-sortierung', {}) as Partial<FormDefinition>;
    delete unsorted.sort;
    const a = await put('/admin/forms', manager, { items: [unsorted] });
    assert.equal(a.status, 200, a.text);
    assert.equal(a.body.items[0].sort, 0);
    assert.equal(Number((await s.db('forms').where({ id: a.body.items[0].id }).first('sort')).sort), 0);
    assert.equal(keys(await catalog('Tina'))[0], 'ohne-sortierung');
    await s.db('forms').where({ id: a.body.items[0].id }).delete();
  });

  test('PUT: rules beyond the schema answer 400 with pointers into the request; nothing is written', async () => {
    const count = async () => Number((await s.db('forms').where({ organization_id: w.orgId }).count({ n: '*' }).first())!.n);
    const rows = await count();
    const badShowIf = structuredClone(demoForms[2]!);
    badShowIf.fields.find((f) => f.key === 'pets')!.showIf = { field: 'phone', equals: true };
    const badParent = structuredClone(demoForms[2]!);
    badParent.key = 'schaden-zwei';
    badParent.fields[2]!.levels![2]!.options[0]!.parents = ['heizung', 'sanitaer'];
    const duplicateKey = structuredClone(demoForms[1]!);
    duplicateKey.fields[2]!.key = 'unit';
    const a = await put('/admin/forms', manager, { items: [structuredClone(demoForms[0]!), badShowIf, badParent, duplicateKey, structuredClone(demoForms[1]!)] });
    expectProblem(a, 400, 'validation_failed');
    assert.deepEqual(a.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]), [
      ['/items/1/fields/7/showIf/field', 'definition'],
      ['/items/2/fields/2/levels/2/options/0/parents/0', 'definition'],
      ['/items/3/fields/2/key', 'definition'],
      ['/items/4/key', 'definition'],
    ]);
    assert.equal(await count(), rows);
    // The schema first: a form without a title, a field of an unknown type.
    const noTitle = structuredClone(demoForms[0]!) as Partial<FormDefinition>;
    delete noTitle.title;
    const b = await put('/admin/forms', manager, { items: [noTitle] });
    expectProblem(b, 400, 'validation_failed');
    assert.ok(b.body.errors.some((e: { field: string }) => e.field === '/items/0/title'), b.text);
    const c = await put('/admin/forms', manager, { items: [{ ...structuredClone(demoForms[0]!), id: newId() }] });
    expectProblem(c, 400, 'validation_failed');
    assert.ok(c.body.errors.some((e: { field: string }) => e.field === '/items/0/id'), c.text);
    expectProblem(await put('/admin/forms', who.Tina, { items: [structuredClone(demoForms[0]!)] }), 403, 'manager_only');
    assert.equal(await count(), rows);
  });
});
