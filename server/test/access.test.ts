import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { accessPeriod, clip, overlapsYear } from '../src/access/periods.ts';
import { call, demo, expectProblem, login, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { moneyFixture, months, tenantLines, type Fixture } from './money-fixture.ts';

// The period rule of DESIGN §6a, endpoint by endpoint: for every endpoint a row for an ended and a future contract,
// next to the rows of a current contract and of someone else's id.

describe('access periods: the rule', () => {
  const today = '2026-06-15';
  test('tenants: exactly the contract\'s days, for the account and the building alike', () => {
    const c = { role: 'tenant' as const, valid_from: '2024-03-01', valid_to: '2025-06-30' };
    assert.deepEqual(accessPeriod(c, today, 'contract'), { from: '2024-03-01', to: '2025-06-30' });
    assert.deepEqual(accessPeriod(c, today, 'property'), { from: '2024-03-01', to: '2025-06-30' });
  });
  test('owners: their own account by days, the building by whole years that overlap the ownership', () => {
    const c = { role: 'owner' as const, valid_from: '2019-05-01', valid_to: '2024-12-31' };
    assert.deepEqual(accessPeriod(c, today, 'contract'), { from: '2019-05-01', to: '2024-12-31' });
    const building = accessPeriod(c, today, 'property')!;
    assert.deepEqual(building, { from: '2019-01-01', to: '2024-12-31' });
    assert.deepEqual([2018, 2019, 2024, 2025, 2026].map((y) => overlapsYear(building, y)), [false, true, true, false, false]);
    assert.deepEqual(accessPeriod({ ...c, valid_to: null }, today, 'property'), { from: '2019-01-01', to: null });
  });
  test('a contract that starts later gives nothing, up to the day before it starts', () => {
    for (const role of ['tenant', 'owner'] as const) {
      const c = { role, valid_from: '2026-06-16', valid_to: null };
      assert.equal(accessPeriod(c, today, 'contract'), null);
      assert.equal(accessPeriod(c, today, 'property'), null);
      assert.deepEqual(accessPeriod(c, '2026-06-16', 'property'), role === 'owner' ? { from: '2026-01-01', to: null } : { from: '2026-06-16', to: null });
    }
  });
  test('clip cuts a range of days or months to the period', () => {
    const p = { from: '2025-03-10', to: '2025-06-30' };
    assert.deepEqual(clip(p, '2025-01-01', '2025-12-31'), { first: '2025-03-10', last: '2025-06-30' });
    assert.deepEqual(clip(p, '2025-01', '2025-12', 'month'), { first: '2025-03', last: '2025-06' });
    assert.equal(clip(p, '2026-01-01', '2026-12-31'), null);
    assert.deepEqual(clip({ from: '2025-03-10', to: null }, '2026-01', '2026-02', 'month'), { first: '2026-01', last: '2026-02' });
  });
});

describe('access periods: every endpoint, with ended and future contracts', () => {
  let s: TestServer;
  let f: Fixture;
  let y: number;
  let soon: string;
  const who: Record<string, Session> = {};
  const people = {
    exOwner: { email: 'edgar.exowner@example.test', password: 'Edgar-Exowner-2026', role: 'owner' },
    futureOwner: { email: 'fiona.future@example.test', password: 'Fiona-Future-2026', role: 'owner' },
    exTenant: { email: 'erika.ex@example.test', password: 'Erika-Exmieter-2026', role: 'tenant' },
    futureTenant: { email: 'felix.future@example.test', password: 'Felix-Future-2026', role: 'tenant' },
  };

  before(async () => {
    s = await startServer();
    f = await moneyFixture(s);
    const w = f.w;
    y = w.y;
    // The first day of the month after next: always in the future, whatever the time zone of "today".
    const [yy, mm] = w.today.split('-').map(Number) as [number, number];
    const next = new Date(Date.UTC(yy, mm + 1, 1));
    soon = next.toISOString().slice(0, 10);
    await w.person('Edgar Exowner', people.exOwner);
    await w.person('Fiona Future', people.futureOwner);
    await w.person('Erika Ex', people.exTenant);
    await w.person('Felix Future', people.futureTenant);
    for (const top of ['T4', 'T5']) await w.unit('A', top);
    for (const top of ['B2', 'B3']) await w.unit('B', top);
    // Edgar sold Top T4 at the end of the year before last; Fiona owns T5 from next year.
    await w.contract('c:edgar', 'T4', 'Edgar Exowner', 'owner', `${y - 6}-01-01`, `${y - 2}-12-31`, 'E-0004');
    await w.contract('c:fiona', 'T5', 'Fiona Future', 'owner', `${y + 1}-01-01`, null, 'F-0005');
    // Erika rented B2 until June last year and left May unpaid; Felix moves into B3 soon, his charges are issued.
    await w.contract('c:erika', 'B2', 'Erika Ex', 'tenant', `${y - 3}-01-01`, `${y - 1}-06-30`, 'E-0002');
    await w.book('c:erika', `${y - 3}-01`, `${y - 1}-06`, (year) => tenantLines(year, y), new Set([`${y - 1}-05`]));
    await w.contract('c:felix', 'B3', 'Felix Future', 'tenant', soon, null, 'F-0003');
    await w.book('c:felix', soon.slice(0, 7), soon.slice(0, 7), (year) => tenantLines(year, y), new Set([soon.slice(0, 7)]));
    // Receipts of the building in the years Edgar owned and after.
    await s.db('expense_entries').insert({ id: w.id('entry:old'), account_id: w.id('account:A:510100'), booked_on: `${y - 2}-06-30`, doc_no: 'B-old', text: 'Altbeleg', vendor: null, amount_cents: 4200, receipt_file_id: await file(w, 'Altbeleg.pdf') });
    for (const [name, p] of Object.entries(people)) who[name] = await login(s.url, p.email, p.password, 'immopro');
  });
  after(() => s.close());

  async function file(w: Fixture['w'], name: string): Promise<string> {
    const id = w.id(`file:${name}`);
    const bytes = Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`);
    await s.db('files').insert({ id, organization_id: w.orgId, sha256: randomUUID().replace(/-/g, '').padEnd(64, '0'), size: bytes.length, mime: 'application/pdf', original_name: name, bytes, created_at: new Date().toISOString() });
    return id;
  }

  const get = (path: string, session: Session): Promise<Answer> => call(s.url, path, { token: session.token });
  const strip = (a: Answer) => ({ status: a.status, body: { ...a.body, instance: undefined } });
  const unit = (top: string) => f.w.id(`unit:${top}`);
  const account = () => f.w.id('account:A:510100');
  const notMine = async (path: string, session: Session) => {
    const answer = await get(path, session);
    expectProblem(answer, 404, 'not_found');
    return strip(answer);
  };
  let unknown: ReturnType<typeof strip>;
  before(async () => {
    unknown = strip(await get(`/units/${randomUUID()}`, f.tenant));
  });

  test('GET /units: an ended contract is listed as inactive; a future one is not listed', async () => {
    assert.deepEqual((await get('/units', who.exTenant!)).body.items.map((u: any) => [u.top, u.active, u.contract.validTo]), [['B2', false, `${y - 1}-06-30`]]);
    assert.deepEqual((await get('/units', who.exOwner!)).body.items.map((u: any) => [u.top, u.active]), [['T4', false]]);
    for (const name of ['futureTenant', 'futureOwner']) assert.deepEqual((await get('/units', who[name]!)).body, { items: [], properties: [], nextCursor: null }, name);
  });

  test('GET /units/{id}: ended answers its last month; future answers 404 like an unknown id', async () => {
    const ended = await get(`/units/${unit('B2')}`, who.exTenant!);
    assert.equal(ended.status, 200);
    assert.equal(ended.body.monthly.period, `${y - 1}-06`);
    assert.deepEqual(await notMine(`/units/${unit('B3')}`, who.futureTenant!), unknown);
    assert.deepEqual(await notMine(`/units/${unit('T5')}`, who.futureOwner!), unknown);
    assert.deepEqual(await notMine(`/units/${unit('T4')}`, f.owner), unknown, 'another owner of the house');
  });

  test('GET /charges: an ended contract shows its own months only; a future one answers 404', async () => {
    const thisYear = await get(`/charges?unit=${unit('B2')}`, who.exTenant!);
    assert.equal(thisYear.status, 200);
    assert.deepEqual([thisYear.body.units, thisYear.body.totals.grossCents], [[], 0], 'no month of this year is hers');
    const lastYear = await get(`/charges?unit=${unit('B2')}&from=${y - 1}-01&to=${y - 1}-12`, who.exTenant!);
    assert.deepEqual(lastYear.body.units[0].periods.map((p: any) => p.period), months(`${y - 1}-01`, `${y - 1}-06`));
    assert.deepEqual(await notMine(`/charges?unit=${unit('B3')}&from=${soon.slice(0, 7)}&to=${soon.slice(0, 7)}`, who.futureTenant!), unknown);
    assert.deepEqual((await get('/charges', who.futureTenant!)).body.units, []);
  });

  test('GET /ledger: an ended contract ends with its last posting; a future one answers 404', async () => {
    const last = await get(`/ledger?unit=${unit('B2')}&year=${y - 1}`, who.exTenant!);
    assert.equal(last.status, 200);
    assert.ok(last.body.entries.length > 0);
    assert.ok(last.body.entries.every((e: any) => e.bookedOn <= `${y - 1}-06-30`));
    assert.deepEqual((await get(`/ledger?unit=${unit('B2')}&year=${y}`, who.exTenant!)).body.entries, []);
    assert.deepEqual(await notMine(`/ledger?unit=${unit('B3')}`, who.futureTenant!), unknown);
    assert.deepEqual(await notMine(`/ledger?unit=${unit('T5')}`, who.futureOwner!), unknown);
  });

  test('GET /open-items: a former tenant still sees what she owes from her months; a future contract shows nothing', async () => {
    const owed = await get('/open-items', who.exTenant!);
    assert.deepEqual(owed.body.items.map((i: any) => [i.top, i.dueOn]), [['B2', `${y - 1}-05-05`]]);
    assert.equal(owed.body.totalOpenCents, owed.body.items[0].openCents);
    const future = await get('/open-items', who.futureTenant!);
    assert.deepEqual([future.body.items, future.body.totalOpenCents, future.body.payments], [[], 0, []]);
    assert.deepEqual(await notMine(`/open-items?unit=${unit('B3')}`, who.futureTenant!), unknown);
  });

  test('GET /expense-accounts: a former owner gets the years of his ownership only; a future owner nothing', async () => {
    assert.deepEqual((await get('/expense-accounts', who.exOwner!)).body, { year: y, accounts: [], properties: [] });
    assert.deepEqual((await get(`/expense-accounts?year=${y - 1}`, who.exOwner!)).body.accounts, []);
    const owned = (await get(`/expense-accounts?year=${y - 2}`, who.exOwner!)).body;
    assert.deepEqual(owned.accounts.map((a: any) => a.accountNo), ['510100', '710100']);
    assert.deepEqual(owned.properties.map((p: any) => p.id), [f.w.id('A')]);
    assert.deepEqual(await notMine(`/expense-accounts?property=${f.w.id('A')}`, who.exOwner!), unknown);
    assert.deepEqual((await get('/expense-accounts', who.futureOwner!)).body.accounts, []);
    assert.deepEqual(await notMine(`/expense-accounts?property=${f.w.id('A')}`, who.futureOwner!), unknown);
  });

  test('GET /expense-accounts/{id}/entries: years outside the ownership and future owners answer 404', async () => {
    const owned = await get(`/expense-accounts/${account()}/entries?year=${y - 2}`, who.exOwner!);
    assert.equal(owned.status, 200);
    assert.deepEqual(owned.body.items.map((e: any) => e.text), ['Altbeleg']);
    assert.deepEqual(await notMine(`/expense-accounts/${account()}/entries`, who.exOwner!), unknown);
    assert.deepEqual(await notMine(`/expense-accounts/${account()}/entries?year=${y - 1}`, who.exOwner!), unknown);
    assert.deepEqual(await notMine(`/expense-accounts/${account()}/entries`, who.futureOwner!), unknown);
  });

  test('GET /receipts/{id}: a receipt booked outside the ownership answers 404', async () => {
    const old = await fetch(`${s.url}/api/receipts/${f.w.id('file:Altbeleg.pdf')}`, { headers: { authorization: `Bearer ${who.exOwner!.token}` } });
    assert.equal(old.status, 200);
    assert.match(await old.text(), /^%PDF-1\.4/);
    for (const name of ['Vorjahr.pdf', 'Rechnung Jänner €.pdf']) assert.deepEqual(await notMine(`/receipts/${f.w.id(`file:${name}`)}`, who.exOwner!), unknown, name);
    for (const name of ['Altbeleg.pdf', 'Vorjahr.pdf', 'Rechnung Jänner €.pdf']) assert.deepEqual(await notMine(`/receipts/${f.w.id(`file:${name}`)}`, who.futureOwner!), unknown, name);
    const current = await get(`/receipts/${f.w.id('file:Altbeleg.pdf')}`, f.owner);
    assert.equal(current.status, 200, 'an owner since long ago sees the old receipt');
  });

  test('on the day a contract starts, it opens its data', async () => {
    const days = Math.ceil((Date.parse(`${soon}T12:00:00Z`) - s.clock.now().getTime()) / 86_400_000);
    s.clock.advance(days * 86_400);
    try {
      const felix = await login(s.url, people.futureTenant.email, people.futureTenant.password, 'immopro');
      assert.deepEqual((await get('/units', felix)).body.items.map((u: any) => [u.top, u.active]), [['B3', true]]);
      const charges = await get(`/charges?unit=${unit('B3')}&from=${soon.slice(0, 7)}&to=${soon.slice(0, 7)}`, felix);
      assert.deepEqual(charges.body.units[0].periods.map((p: any) => p.period), [soon.slice(0, 7)]);
      assert.equal((await get('/open-items', felix)).body.items.length, 1);
    } finally {
      s.clock.advance(-days * 86_400);
    }
  });
});

describe('access periods: the demo owner after selling', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.close());

  test('Elisabeth Wagner\'s ownerships end two years ago: no accounts, entries or receipts of this year', async () => {
    const y = Number(s.clock.now().toISOString().slice(0, 4));
    const wagner = await login(s.url, demo.wagner.username, demo.wagner.password, demo.wagner.org);
    const as = (path: string) => call(s.url, path, { token: wagner.token });
    const before = (await as(`/expense-accounts?year=${y}`)).body.accounts;
    assert.ok(before.length > 0, 'she sees this year\'s accounts while she owns');
    const entries = (await as(`/expense-accounts/${before[0].id}/entries?year=${y}`)).body.items;
    const receipt = entries.find((e: any) => e.receipt)?.receipt.id;

    const membership = await s.db('memberships').where({ user_id: wagner.user.id }).first('person_id');
    const sold = `${y - 2}-12-31`;
    const changed = await s.db('contracts').where({ person_id: membership.person_id, role: 'owner' }).update({ valid_to: sold });
    assert.ok(changed >= 2);

    assert.deepEqual((await as(`/expense-accounts?year=${y}`)).body.accounts, []);
    expectProblem(await as(`/expense-accounts/${before[0].id}/entries?year=${y}`), 404, 'not_found');
    if (receipt) expectProblem(await as(`/receipts/${receipt}`), 404, 'not_found');
    const then = (await as(`/expense-accounts?year=${y - 2}`)).body.accounts;
    assert.ok(then.length > 0, 'the years she owned stay open to her');
    assert.ok((await as('/units')).body.items.every((u: any) => u.active === false && u.contract.validTo === sold));
  });
});
