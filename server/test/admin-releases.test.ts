import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, expectProblem, startServer, type Session, type TestServer } from './helpers.ts';
import { addContract, auditRows, categoryId, json, loginAs, managers, personId, propertyId, unitId, upload } from './admin-fixture.ts';

// Releases by rule, resolved against contract periods (access/releases.ts): previews of every rule with an ENDED
// contract (Gerhard Maier, tenant of Top 7 until 2024-02-29) and a FUTURE one (a tenant of Top 3 from 2026-09-01),
// releasing (audited, with the persons reached), revoking and the receipts.

describe('admin: releases', () => {
  let s: TestServer;
  let pichler: Session;
  let doc: string;
  let bkDoc: string;
  let plan: string;
  const ids = {} as Record<'maier' | 'huber' | 'lehner' | 'wagner' | 'future' | 'top7' | 'top3' | 'topW2' | 'naschmarkt', string>;

  before(async () => {
    s = await startServer({ at: '2026-06-15T10:00:00Z' });
    pichler = await loginAs(s, managers.pichler);
    Object.assign(ids, {
      maier: await personId(s.db, 'immopro', 'Gerhard Maier'),
      huber: await personId(s.db, 'immopro', 'Katharina Huber'),
      lehner: await personId(s.db, 'immopro', 'Markus Lehner'),
      wagner: await personId(s.db, 'immopro', 'Dr. Elisabeth Wagner'),
      top7: await unitId(s.db, '0048-0007'),
      top3: await unitId(s.db, '0048-0003'),
      topW2: await unitId(s.db, '0048-0002'),
      naschmarkt: await propertyId(s.db, 'Wohnhausanlage Naschmarkt'),
    });
    ids.future = await addContract(s.db, 'immopro', 'Felix Zukunft', ids.top3, 'tenant', '2026-09-01', null);
    doc = (await upload(s, pichler.token, await categoryId(s.db, 'immopro', 'Sonstiges'), 'Rundschreiben')).id;
    bkDoc = (await upload(s, pichler.token, await categoryId(s.db, 'immopro', 'BK-Abrechnung'), 'BK-Abrechnung 2025')).id;
  });
  after(() => s.close());

  const preview = async (rule: unknown, document = doc, token = pichler.token) => {
    const a = await json(s.url, `/admin/documents/${document}/releases/preview`, token, 'POST', rule);
    assert.equal(a.status, 200, a.text);
    return a.body as { count: number; units: number; persons: { id: string; name: string; hasLogin: boolean; units: string[] }[] };
  };
  const names = (p: { persons: { name: string }[] }) => p.persons.map((x) => x.name);

  test('persons: the chosen persons, whatever their contracts (the former tenant too)', async () => {
    const p = await preview({ rule: 'persons', personIds: [ids.huber, ids.maier] });
    assert.deepEqual(p, {
      count: 2,
      units: 0,
      persons: [
        { id: ids.maier, name: 'Gerhard Maier', hasLogin: false, units: [] },
        { id: ids.huber, name: 'Katharina Huber', hasLogin: true, units: [] },
      ],
    });
  });

  test('occupancy: whoever lived in the unit during the period — the ENDED tenant for his years, not the FUTURE one', async () => {
    const maierYears = await preview({ rule: 'occupancy', unitIds: [ids.top7], from: '2023-01-01', to: '2023-12-31' });
    assert.deepEqual(maierYears.persons.map((x) => [x.name, x.units]), [['Gerhard Maier', ['7']]]);
    assert.equal(maierYears.units, 1);
    const handover = await preview({ rule: 'occupancy', unitIds: [ids.top7], from: '2024-01-01', to: '2024-12-31' });
    assert.deepEqual(names(handover), ['Gerhard Maier', 'Katharina Huber']);
    assert.equal(handover.units, 1);
    const now = await preview({ rule: 'occupancy', unitIds: [ids.top7], from: '2025-01-01', to: '2025-12-31' });
    assert.deepEqual(names(now), ['Katharina Huber']);
    // The future tenant's contract overlaps 2026 but has not begun.
    assert.deepEqual(names(await preview({ rule: 'occupancy', unitIds: [ids.top3], from: '2026-01-01', to: '2026-12-31', roles: 'tenant' })), []);
    assert.deepEqual(names(await preview({ rule: 'occupancy', unitIds: [ids.top3], from: '2026-01-01', to: '2026-12-31' })), ['Dr. Elisabeth Wagner']);
    // Roles default to the category's: BK-Abrechnung reaches tenants.
    assert.deepEqual(names(await preview({ rule: 'occupancy', unitIds: [ids.top7, ids.top3], from: '2024-01-01', to: '2024-12-31' }, bkDoc)), ['Gerhard Maier', 'Katharina Huber']);
  });

  test('unit_current: today\'s occupants only — not the ENDED tenant, not yet the FUTURE one', async () => {
    assert.deepEqual(names(await preview({ rule: 'unit_current', unitIds: [ids.top7] })), ['Katharina Huber']);
    assert.deepEqual(names(await preview({ rule: 'unit_current', unitIds: [ids.top3] })), ['Dr. Elisabeth Wagner']);
    assert.deepEqual(names(await preview({ rule: 'unit_current', unitIds: [ids.top3], roles: 'tenant' })), []);
    const both = await preview({ rule: 'unit_current', unitIds: [ids.top7, ids.top3, ids.topW2] });
    assert.deepEqual([both.count, both.units], [3, 3]);
    // Released now to the tenants of Top 3: nobody yet.
    plan = (await upload(s, pichler.token, await categoryId(s.db, 'immopro', 'Pläne'), 'Wohnungsplan Top 3')).id;
    const release = await json(s.url, `/admin/documents/${plan}/releases`, pichler.token, 'POST', { rule: 'unit_current', unitIds: [ids.top3], roles: 'tenant' });
    assert.equal(release.status, 201, release.text);
    assert.equal(release.body.reached, 0);
  });

  test('property_role: current tenants and/or owners of the property — not the ENDED or FUTURE tenant', async () => {
    const tenants = await preview({ rule: 'property_role', propertyIds: [ids.naschmarkt], roles: 'tenant' });
    assert.deepEqual(names(tenants), ['Katharina Huber', 'Markus Lehner']);
    const owners = await preview({ rule: 'property_role', propertyIds: [ids.naschmarkt], roles: 'owner' });
    assert.deepEqual(owners.persons.map((x) => [x.name, [...x.units].sort()]), [['Dr. Elisabeth Wagner', ['3', '9', 'G1']]]);
    assert.equal(owners.units, 3);
    const everyone = await preview({ rule: 'property_role', propertyIds: [ids.naschmarkt] });
    assert.deepEqual(names(everyone), ['Dr. Elisabeth Wagner', 'Katharina Huber', 'Markus Lehner']);
    assert.deepEqual([everyone.count, everyone.units], [3, 5]);
    // The category's default (BK-Abrechnung: tenants).
    assert.deepEqual(names(await preview({ rule: 'property_role', propertyIds: [ids.naschmarkt] }, bkDoc)), ['Katharina Huber', 'Markus Lehner']);
  });

  test('a preview stores nothing and writes no audit row', async () => {
    const counts = async () => Promise.all(['document_releases', 'document_release_targets', 'audit_log', 'notifications'].map(async (t) => Number((await s.db(t).count({ n: '*' }).first())!.n)));
    const before = await counts();
    await preview({ rule: 'property_role', propertyIds: [ids.naschmarkt] });
    assert.deepEqual(await counts(), before);
  });

  test('a rule with a missing or a foreign field, or from after to, is 400 naming the fields', async () => {
    const fields = async (rule: unknown) => {
      for (const path of ['releases', 'releases/preview']) {
        const a = await json(s.url, `/admin/documents/${doc}/${path}`, pichler.token, 'POST', rule);
        expectProblem(a, 400, 'validation_failed');
        if (path === 'releases') return a.body.errors.map((e: any) => [e.field, e.code]).sort();
      }
    };
    assert.deepEqual(await fields({ rule: 'persons' }), [['/personIds', 'required']]);
    assert.deepEqual(await fields({ rule: 'persons', personIds: [ids.huber], roles: 'tenant' }), [['/roles', 'not_allowed']]);
    assert.deepEqual(await fields({ rule: 'occupancy', unitIds: [ids.top7] }), [['/from', 'required'], ['/to', 'required']]);
    assert.deepEqual(await fields({ rule: 'occupancy', unitIds: [ids.top7], from: '2025-02-01', to: '2025-01-31' }), [['/from', 'range']]);
    assert.deepEqual(await fields({ rule: 'unit_current', unitIds: [ids.top7], from: '2025-01-01' }), [['/from', 'not_allowed']]);
    assert.deepEqual(await fields({ rule: 'property_role', unitIds: [ids.top7] }), [['/propertyIds', 'required'], ['/unitIds', 'not_allowed']]);
    assert.deepEqual(await fields({ rule: 'unit_current', unitIds: [ids.top7], personIds: [ids.huber], propertyIds: [ids.naschmarkt] }), [['/personIds', 'not_allowed'], ['/propertyIds', 'not_allowed']]);
    // The contract's own checks.
    assert.deepEqual(await fields({ rule: 'everyone' }), [['/rule', 'enum']]);
    assert.deepEqual(await fields({ rule: 'persons', personIds: [] }), [['/personIds', 'too_few']]);
    assert.deepEqual(await fields({ rule: 'occupancy', unitIds: [ids.top7], from: '2025-13-01', to: '2025-12-31' }), [['/from', 'format']]);
    assert.deepEqual(await fields({ rule: 'persons', personIds: [ids.huber, ids.huber] }), [['/personIds', 'uniqueItems']]);
    // Unknown ids: 404 naming the field.
    const unknown = await json(s.url, `/admin/documents/${doc}/releases/preview`, pichler.token, 'POST', { rule: 'unit_current', unitIds: [ids.top7, '00000000-0000-7000-8000-000000000000'] });
    expectProblem(unknown, 404, 'not_found');
    assert.deepEqual(unknown.body.errors.map((e: any) => e.field), ['/unitIds']);
  });

  test('releasing stores the rule with its targets, reports the persons reached and is audited in the same transaction', async () => {
    const a = await json(s.url, `/admin/documents/${doc}/releases`, pichler.token, 'POST', { rule: 'occupancy', unitIds: [ids.top7], from: '2024-01-01', to: '2024-12-31', notify: 'none' });
    assert.equal(a.status, 201, a.text);
    assert.deepEqual({ ...a.body, id: undefined, releasedAt: undefined }, {
      id: undefined, rule: 'occupancy', roles: 'both', personIds: [], unitIds: [ids.top7], propertyIds: [], from: '2024-01-01', to: '2024-12-31',
      notify: 'none', releasedAt: undefined, revokedAt: null, reached: 2,
    });
    const row = await s.db('document_releases').where({ id: a.body.id }).first();
    assert.equal(row.released_by, (await s.db('users').where({ username: 'apichler' }).first()).id);
    assert.equal(row.role, null);
    assert.deepEqual((await s.db('document_release_targets').where({ release_id: a.body.id })).map((t: any) => [t.person_id, t.unit_id, t.property_id]), [[null, ids.top7, null]]);
    const [audit] = (await auditRows(s.db, 'document.released')).filter((r: any) => r.entity_id === a.body.id);
    assert.equal(audit.actor_user_id, row.released_by);
    assert.equal(audit.entity_type, 'document_release');
    assert.match(audit.client_ip, /127\.0\.0\.1$/);
    assert.equal(JSON.parse(audit.detail).reached, 2);
    assert.equal(JSON.parse(audit.detail).documentId, doc);

    const document = (await call(s.url, `/admin/documents/${doc}`, { token: pichler.token })).body;
    assert.deepEqual(document.releases.map((r: any) => [r.id, r.reached]), [[a.body.id, 2]]);
  });

  test('revoking: 204, recorded once; 404 for a release of another document', async () => {
    const release = (await json(s.url, `/admin/documents/${bkDoc}/releases`, pichler.token, 'POST', { rule: 'unit_current', unitIds: [ids.top7] })).body;
    assert.equal(release.reached, 1);
    expectProblem(await call(s.url, `/admin/documents/${doc}/releases/${release.id}`, { token: pichler.token, method: 'DELETE' }), 404, 'not_found');
    expectProblem(await call(s.url, `/admin/documents/${bkDoc}/releases/00000000-0000-7000-8000-000000000000`, { token: pichler.token, method: 'DELETE' }), 404, 'not_found');
    assert.equal((await call(s.url, `/admin/documents/${bkDoc}/releases/${release.id}`, { token: pichler.token, method: 'DELETE' })).status, 204);
    assert.equal((await call(s.url, `/admin/documents/${bkDoc}/releases/${release.id}`, { token: pichler.token, method: 'DELETE' })).status, 204);
    const row = await s.db('document_releases').where({ id: release.id }).first();
    assert.ok(row.revoked_at);
    assert.equal(row.revoked_by, (await s.db('users').where({ username: 'apichler' }).first()).id);
    assert.equal((await auditRows(s.db, 'document.release_revoked')).filter((r: any) => r.entity_id === release.id).length, 1);
    const shown = (await call(s.url, `/admin/documents/${bkDoc}`, { token: pichler.token })).body.releases.find((r: any) => r.id === release.id);
    assert.equal(shown.revokedAt, row.revoked_at);
    assert.equal(shown.reached, 0);
  });

  test('receipts: who may read it today, and who saw or opened it (also someone it no longer reaches)', async () => {
    const receiptsDoc = (await upload(s, pichler.token, await categoryId(s.db, 'immopro', 'Sonstiges'), 'Lesebestätigung')).id;
    const release = (await json(s.url, `/admin/documents/${receiptsDoc}/releases`, pichler.token, 'POST', { rule: 'unit_current', unitIds: [ids.top7, ids.topW2] })).body;
    await s.db('document_reads').insert([
      { document_id: receiptsDoc, person_id: ids.huber, first_seen_at: '2026-06-15T10:05:00.000Z', first_opened_at: null },
      { document_id: receiptsDoc, person_id: ids.maier, first_seen_at: '2026-06-01T08:00:00.000Z', first_opened_at: '2026-06-01T08:01:00.000Z' },
    ]);
    const a = await call(s.url, `/admin/documents/${receiptsDoc}/receipts`, { token: pichler.token });
    assert.equal(a.status, 200, a.text);
    assert.deepEqual(a.body, {
      recipients: 2,
      seen: 2,
      opened: 1,
      items: [
        { personId: ids.maier, name: 'Gerhard Maier', mayRead: false, seenAt: '2026-06-01T08:00:00.000Z', openedAt: '2026-06-01T08:01:00.000Z' },
        { personId: ids.huber, name: 'Katharina Huber', mayRead: true, seenAt: '2026-06-15T10:05:00.000Z', openedAt: null },
        { personId: ids.lehner, name: 'Markus Lehner', mayRead: true, seenAt: null, openedAt: null },
      ],
    });
    await call(s.url, `/admin/documents/${receiptsDoc}/releases/${release.id}`, { token: pichler.token, method: 'DELETE' });
    const revoked = (await call(s.url, `/admin/documents/${receiptsDoc}/receipts`, { token: pichler.token })).body;
    assert.equal(revoked.recipients, 0);
    assert.deepEqual(revoked.items.map((i: any) => [i.name, i.mayRead]), [['Gerhard Maier', false], ['Katharina Huber', false]]);
  });

  test('once the FUTURE contract has begun, unit_current, property_role and occupancy reach its tenant', async () => {
    s.clock.set('2026-09-02T08:00:00Z');
    pichler = await loginAs(s, managers.pichler);
    assert.deepEqual(names(await preview({ rule: 'unit_current', unitIds: [ids.top3], roles: 'tenant' })), ['Felix Zukunft']);
    assert.deepEqual(names(await preview({ rule: 'property_role', propertyIds: [ids.naschmarkt], roles: 'tenant' })), ['Felix Zukunft', 'Katharina Huber', 'Markus Lehner']);
    assert.deepEqual(names(await preview({ rule: 'occupancy', unitIds: [ids.top3], from: '2026-01-01', to: '2026-12-31', roles: 'tenant' })), ['Felix Zukunft']);
    // The release made before the move-in reaches him now (it is resolved whenever it is read).
    const [release] = (await json(s.url, `/admin/documents/${plan}`, pichler.token, 'GET')).body.releases;
    assert.equal(release.reached, 1);
    const receipts = (await call(s.url, `/admin/documents/${plan}/receipts`, { token: pichler.token })).body;
    assert.deepEqual(receipts.items.map((i: any) => [i.name, i.mayRead]), [['Felix Zukunft', true]]);
  });
});
