import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FeatureName, FeatureToggles } from '@hausportal/api';
import { call, demo, expectProblem, login, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { loginAs, managers, organizationId } from './admin-fixture.ts';
import { MoneyWorld } from './money-fixture.ts';
import { featureEnabled, featureNames, featureOfPath, featureToggles, flatFeatures } from '../src/access/features.ts';
import { dayIn } from '../src/calendar.ts';

// The organization's feature toggles per role (openapi.yaml FeatureToggles), enforced by the server: an endpoint of a
// feature that is off for the session's role answers 403 feature_disabled, whatever the person's contracts.

const on = { tenant: true, owner: true };
const allOn = Object.fromEntries(featureNames.map((f) => [f, on])) as FeatureToggles;
const off = (feature: FeatureName, role: 'tenant' | 'owner'): FeatureToggles => ({ ...allOn, [feature]: { ...on, [role]: false } });

describe('feature toggles: the rule', () => {
  test('on unless the feature or the feature for the role is false; a missing flag is on; managers always', () => {
    const org = { features: { documents: true, 'documents.tenant': false, units: false, 'tickets.owner': false } };
    assert.equal(featureEnabled(org, 'documents', 'tenant'), false);
    assert.equal(featureEnabled(org, 'documents', 'owner'), true);
    assert.equal(featureEnabled(org, 'units', 'owner'), false);
    assert.equal(featureEnabled(org, 'tickets', 'tenant'), true);
    assert.equal(featureEnabled(org, 'tickets', 'owner'), false);
    assert.equal(featureEnabled(org, 'statement', 'tenant'), true);
    for (const f of featureNames) assert.equal(featureEnabled(org, f, 'manager'), true);
  });

  test('the flat stored form and the manager API\'s toggles map into each other; other flags are kept', () => {
    const toggles = { ...allOn, documents: { tenant: false, owner: true }, chatBot: { tenant: false, owner: false } };
    const flat = flatFeatures(toggles, { legacy: false });
    assert.equal(flat.legacy, false);
    assert.deepEqual([flat.documents, flat['documents.tenant'], flat['documents.owner']], [true, false, true]);
    assert.deepEqual([flat.chatBot, flat['chatBot.tenant'], flat['chatBot.owner']], [false, false, false]);
    assert.deepEqual(featureToggles(flat), toggles);
    assert.deepEqual(featureToggles({}), allOn);
  });

  test('paths map to their features; the chat and everything else is left alone', () => {
    const cases: [string, FeatureName | null][] = [
      ['/units', 'units'], ['/units/abc', 'units'], ['/charges', 'statement'], ['/ledger', 'statement'], ['/open-items', 'statement'],
      ['/expense-accounts/x/entries', 'expenseAccounts'], ['/receipts/x', 'expenseAccounts'], ['/documents/read', 'documents'],
      ['/document-categories', 'documents'], ['/posts/seen', 'bulletinBoard'], ['/tickets/duplicates', 'tickets'], ['/forms', 'tickets'],
      ['/chat/messages', null], ['/me', null], ['/admin/documents', null], ['/unitsx', null], ['/overview', null],
    ];
    for (const [path, feature] of cases) assert.equal(featureOfPath(path), feature, path);
  });
});

describe('feature toggles: the server refuses what is switched off', () => {
  let s: TestServer;
  let pichler: Session;
  /** A unit of each person's contract, for the endpoints that name one. */
  const unitOf: Record<string, string> = {};
  const who: Record<string, Session> = {};
  const people = {
    exTenant: { email: 'erika.ex@example.test', password: 'Erika-Exmieter-2026', role: 'tenant' },
    futureTenant: { email: 'felix.future@example.test', password: 'Felix-Future-2026', role: 'tenant' },
  };

  before(async () => {
    s = await startServer();
    const w = new MoneyWorld(s.db);
    w.orgId = await organizationId(s.db, 'immopro');
    const today = dayIn(s.clock.now().getTime(), 'Europe/Vienna');
    const [y, m] = today.split('-').map(Number) as [number, number];
    // The first day of the month after next: in the future whatever the time zone.
    const soon = new Date(Date.UTC(y, m + 1, 1)).toISOString().slice(0, 10);
    await w.person('Erika Ex', people.exTenant);
    await w.person('Felix Future', people.futureTenant);
    await w.property('F', 'Featuregasse 1', null);
    for (const top of ['F1', 'F2']) await w.unit('F', top);
    await w.contract('c:erika', 'F1', 'Erika Ex', 'tenant', `${y - 3}-01-01`, `${y - 1}-06-30`, 'E-0001');
    await w.contract('c:felix', 'F2', 'Felix Future', 'tenant', soon, null, 'F-0002');
    Object.assign(unitOf, { exTenant: w.id('unit:F1'), futureTenant: w.id('unit:F2') });
    pichler = await loginAs(s, managers.pichler);
    who.huber = await login(s.url, demo.huber.username, demo.huber.password, 'immopro');
    who.lehner = await login(s.url, demo.lehner.username, demo.lehner.password, 'immopro');
    who.wagner = await login(s.url, demo.wagner.username, demo.wagner.password, 'immopro');
    for (const [name, p] of Object.entries(people)) who[name] = await login(s.url, p.email, p.password, 'immopro');
    for (const name of ['huber', 'wagner']) unitOf[name] = (await call(s.url, '/units', { token: who[name]!.token })).body.items[0].id;
  });
  after(() => s.close());

  /** GET `path` as `name`; `{unit}` in it stands for a unit of the person's contract. */
  const get = (path: string, name: string): Promise<Answer> => call(s.url, path.replace('{unit}', unitOf[name] ?? ''), { token: who[name]!.token });
  const setFeatures = async (features: FeatureToggles) => {
    const answer = await call(s.url, '/admin/settings', { token: pichler.token, method: 'PATCH', body: { features } });
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(answer.body.features, features);
  };
  const publicFeatures = async () => (await call(s.url, '/organizations/immopro/public')).body.features;
  /** Status and body, without what differs between two equal answers. */
  const usual = (a: Answer) => ({ status: a.status, body: a.body?.instance === undefined ? a.body : { ...a.body, instance: undefined } });

  test('documents off for tenants: tenants get 403 feature_disabled, the owner keeps them; switched back, all is as before', async () => {
    const tenants = ['huber', 'lehner', 'exTenant', 'futureTenant'];
    const before = new Map<string, ReturnType<typeof usual>>();
    for (const name of [...tenants, 'wagner']) before.set(name, usual(await get('/documents', name)));
    assert.equal(before.get('huber')!.status, 200);

    await setFeatures(off('documents', 'tenant'));
    const flags = await publicFeatures();
    assert.deepEqual([flags.documents, flags['documents.tenant'], flags['documents.owner']], [true, false, true]);
    for (const name of tenants) {
      for (const path of ['/documents', '/document-categories']) expectProblem(await get(path, name), 403, 'feature_disabled');
      expectProblem(await call(s.url, '/documents/read', { token: who[name]!.token, body: {} }), 403, 'feature_disabled');
      // A part that is off answers the same whatever the parameters: the gate comes before the contract's check.
      expectProblem(await get('/documents?limit=not-a-number', name), 403, 'feature_disabled');
    }
    expectProblem(await get('/documents?limit=not-a-number', 'wagner'), 400);
    assert.deepEqual(usual(await get('/documents', 'wagner')), before.get('wagner'));
    // Without a valid session the route still answers 401, as it would with the feature on.
    expectProblem(await call(s.url, '/documents'), 401);
    expectProblem(await call(s.url, '/documents', { token: 'not.a.valid-token' }), 401);

    await setFeatures(allOn);
    assert.equal((await publicFeatures())['documents.tenant'], true);
    for (const name of [...tenants, 'wagner']) assert.deepEqual(usual(await get('/documents', name)), before.get(name), name);
  });

  test('units off for owners: Wagner gets 403 on /units and /units/{id}, tenants keep theirs', async () => {
    const units = await get('/units', 'wagner');
    assert.equal(units.status, 200, units.text);
    const unitId = units.body.items[0].id;
    assert.equal((await get(`/units/${unitId}`, 'wagner')).status, 200);

    await setFeatures(off('units', 'owner'));
    assert.equal((await publicFeatures())['units.owner'], false);
    expectProblem(await get('/units', 'wagner'), 403, 'feature_disabled');
    expectProblem(await get(`/units/${unitId}`, 'wagner'), 403, 'feature_disabled');
    for (const name of ['huber', 'exTenant']) assert.equal((await get('/units', name)).status, 200, name);

    await setFeatures(allOn);
    assert.deepEqual(usual(await get('/units', 'wagner')), usual(units));
  });

  test('every feature guards its endpoints; an ended and a future contract get the same 403 as a current one', async () => {
    const paths: [FeatureName, string[]][] = [
      ['statement', ['/charges', '/ledger?unit={unit}', '/open-items']],
      ['expenseAccounts', ['/expense-accounts']],
      ['bulletinBoard', ['/posts']],
      ['tickets', ['/tickets', '/forms']],
    ];
    for (const [feature, list] of paths) {
      const before = new Map<string, ReturnType<typeof usual>>();
      for (const path of list) for (const name of ['huber', 'exTenant', 'futureTenant']) before.set(`${name} ${path}`, usual(await get(path, name)));
      await setFeatures(off(feature, 'tenant'));
      for (const path of list) {
        for (const name of ['huber', 'exTenant', 'futureTenant']) expectProblem(await get(path, name), 403, 'feature_disabled');
        assert.notEqual((await get(path, 'wagner')).status, 403, `${path} for the owner`);
      }
      await setFeatures(allOn);
      for (const path of list) for (const name of ['huber', 'exTenant', 'futureTenant']) assert.deepEqual(usual(await get(path, name)), before.get(`${name} ${path}`), `${name} ${path}`);
    }
  });

  test('the chat bot follows its toggles through the same settings (chatBot, chatBot.<role>)', async () => {
    const ask = (name: string) => call(s.url, '/chat/messages', { token: who[name]!.token, body: { text: 'Hallo', lang: 'de' } });
    assert.equal((await ask('huber')).status, 200);
    await setFeatures(off('chatBot', 'tenant'));
    expectProblem(await ask('huber'), 403, 'feature_disabled');
    assert.equal((await ask('wagner')).status, 200);
    await setFeatures({ ...allOn, chatBot: { tenant: false, owner: false } });
    expectProblem(await ask('wagner'), 403, 'feature_disabled');
    assert.equal((await publicFeatures()).chatBot, false);
    await setFeatures(allOn);
    assert.equal((await ask('huber')).status, 200);
  });
});
