import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { call, expectProblem, startServer, type Session, type TestServer } from './helpers.ts';
import { demoSessions, moneyFixture, type DemoName, type Fixture } from './money-fixture.ts';

describe('expense accounts and receipts', () => {
  let s: TestServer;
  let f: Fixture;
  let y: number;
  let demoUsers: Record<DemoName, Session> | null = null;
  before(async () => {
    s = await startServer();
    f = await moneyFixture(s);
    demoUsers = await demoSessions(s);
    y = f.w.y;
  });
  after(() => s.close());

  const get = (path: string, token = f.owner.token) => call(s.url, path, { token });
  const strip = (a: { status: number; body: any }) => ({ status: a.status, body: { ...a.body, instance: undefined } });
  const water = () => f.w.id('account:A:510100');

  test('an owner sees the accounts of the property he owns in, with the year\'s totals', async () => {
    const a = await get('/expense-accounts');
    assert.equal(a.status, 200);
    assert.equal(a.headers.get('cache-control'), 'private, no-store');
    assert.equal(a.body.year, y);
    assert.deepEqual(a.body.accounts.map((x: any) => [x.accountNo, x.name, x.group, x.year, x.totalCents, x.entryCount, x.propertyId]), [
      ['510100', 'Wasser/Abwasser', 'operating_costs', y, 23456 + 10000 - 2500, 3, f.w.id('A')],
      ['710100', 'Zuführung Rücklage', 'reserve', y, 50000, 1, f.w.id('A')],
    ]);
    assert.deepEqual(a.body.properties.map((p: any) => [p.id, p.contacts.map((c: any) => c.name)]), [[f.w.id('A'), ['Betreuung A', 'WEG-Buchhaltung A']]]);
    const last = (await get(`/expense-accounts?year=${y - 1}&property=${f.w.id('A')}`)).body;
    assert.deepEqual(last.accounts.map((x: any) => [x.accountNo, x.totalCents, x.entryCount]), [['510100', 11111, 1], ['710100', 0, 0]]);
  });

  test('tenants get no accounts; a property I own nothing in answers 404', async () => {
    const tenant = await get('/expense-accounts', f.tenant.token);
    assert.deepEqual(tenant.body, { year: y, accounts: [], properties: [] });
    const unknown = await get(`/expense-accounts?property=${randomUUID()}`);
    expectProblem(unknown, 404, 'not_found');
    assert.deepEqual(strip(await get(`/expense-accounts?property=${f.w.id('B')}`)), strip(unknown));
    assert.deepEqual(strip(await get(`/expense-accounts?property=${f.w.id('A')}`, f.tenant.token)), strip(unknown));
  });

  test('bad years answer 400', async () => {
    expectProblem(await get('/expense-accounts?year=1900'), 400);
    const future = await get(`/expense-accounts?year=${y + 1}`);
    expectProblem(future, 400);
    assert.deepEqual(future.body.errors.map((e: any) => [e.field, e.code]), [['year', 'range']]);
    expectProblem(await get(`/expense-accounts/${water()}/entries?year=${y + 1}`), 400);
  });

  test('entries: oldest first with receipts, paged without gaps', async () => {
    const all = await get(`/expense-accounts/${water()}/entries`);
    assert.equal(all.status, 200);
    assert.equal(all.body.account.totalCents, 30956);
    const rows = all.body.items.map((e: any) => [e.bookedOn, e.amountCents, e.receipt?.name ?? null]);
    const keys = all.body.items.map((e: any) => `${e.bookedOn} ${e.id}`);
    assert.deepEqual(keys, [...keys].sort(), 'booking day, then id');
    assert.deepEqual([...rows].sort(), [
      [`${y}-01-10`, 10000, null],
      [`${y}-01-10`, 23456, 'Rechnung Jänner €.pdf'],
      [`${y}-01-20`, -2500, 'Gutschrift.pdf'],
    ]);
    assert.equal(all.body.nextCursor, null);
    const receipt = all.body.items.find((e: any) => e.receipt).receipt;
    assert.equal(receipt.mime, 'application/pdf');
    assert.ok(receipt.size > 0);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await get(`/expense-accounts/${water()}/entries?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.status, 200);
      seen.push(...page.body.items.map((e: any) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor && seen.length < 10);
    assert.deepEqual(seen, all.body.items.map((e: any) => e.id));
  });

  test('entries of a foreign or unknown account answer 404; bad paging 400', async () => {
    const unknown = await get(`/expense-accounts/${randomUUID()}/entries`);
    expectProblem(unknown, 404);
    assert.deepEqual(strip(await get(`/expense-accounts/${f.w.id('account:B:510100')}/entries`)), strip(unknown));
    assert.deepEqual(strip(await get(`/expense-accounts/${water()}/entries`, f.tenant.token)), strip(unknown));
    for (const q of ['limit=0', 'limit=201', 'cursor=***', `cursor=${Buffer.from('[1]').toString('base64url')}`])
      expectProblem(await get(`/expense-accounts/${water()}/entries?${q}`), 400);
  });

  test('a receipt downloads as an attachment with its stored type and name', async () => {
    const id = f.w.id('file:Rechnung Jänner €.pdf');
    const res = await fetch(`${s.url}/api/receipts/${id}`, { headers: { authorization: `Bearer ${f.owner.token}` } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    assert.equal(res.headers.get('content-disposition'), `attachment; filename="Rechnung J_nner _.pdf"; filename*=UTF-8''Rechnung%20J%C3%A4nner%20%E2%82%AC.pdf`);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.ok(bytes.toString('utf8').startsWith('%PDF-1.4'));
    assert.equal(Number(res.headers.get('content-length')), bytes.length);
  });

  test('receipts of other properties, of tenants and unknown ids answer the same 404', async () => {
    const unknown = await get(`/receipts/${randomUUID()}`);
    expectProblem(unknown, 404);
    assert.deepEqual(strip(await get(`/receipts/${f.w.id('file:Fremd.pdf')}`)), strip(unknown));
    assert.deepEqual(strip(await get(`/receipts/${f.w.id('file:Gutschrift.pdf')}`, f.tenant.token)), strip(unknown));
    assert.deepEqual(strip(await get(`/receipts/${f.w.id('file:Gutschrift.pdf')}`, f.neighbour.token)), strip(unknown));
    expectProblem(await call(s.url, `/receipts/${f.w.id('file:Gutschrift.pdf')}`), 401);
  });

  // The demo seed's accounts; skipped while the seed has no money data.
  const as = (path: string, who: DemoName) => call(s.url, path, { token: demoUsers![who].token });

  test('Elisabeth Wagner sees both properties\' accounts and downloads a receipt; tenants see none', async (t) => {
    if (!demoUsers) return t.skip('the demo seed has no expense accounts');
    const list = (await as('/expense-accounts', 'wagner')).body;
    assert.equal(list.properties.length, 2);
    assert.ok(list.accounts.some((a: any) => a.accountNo.startsWith('5')) && list.accounts.some((a: any) => a.accountNo.startsWith('7')));
    assert.deepEqual((await as('/expense-accounts', 'huber')).body.accounts, []);
    assert.deepEqual((await as('/expense-accounts', 'lehner')).body.accounts, [], 'a tenant in Vienna');
    let receipt: string | undefined;
    for (const year of [y, y - 1, y - 2]) {
      for (const account of (await as(`/expense-accounts?year=${year}`, 'wagner')).body.accounts) {
        const entries = (await as(`/expense-accounts/${account.id}/entries?year=${year}`, 'wagner')).body.items;
        receipt ??= entries.find((e: any) => e.receipt)?.receipt.id;
        if (receipt) break;
      }
      if (receipt) break;
    }
    assert.ok(receipt, 'some posting has a receipt');
    const file = await as(`/receipts/${receipt}`, 'wagner');
    assert.equal(file.status, 200);
    assert.match(file.headers.get('content-disposition') ?? '', /^attachment; /);
    expectProblem(await as(`/receipts/${receipt}`, 'huber'), 404);
    expectProblem(await as(`/receipts/${receipt}`, 'lehner'), 404);
    const account = list.accounts[0].id;
    expectProblem(await as(`/expense-accounts/${account}/entries`, 'huber'), 404);
    expectProblem(await as(`/expense-accounts?property=${list.properties[0].id}`, 'lehner'), 404);
  });
});
