import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, demo, expectProblem, login, startServer, type Session, type TestServer } from './helpers.ts';
import { addContract, loginAs, managers, personId, unitId } from './admin-fixture.ts';

// POST /admin/persons and POST /admin/invitations (openapi.yaml PersonCreate, InvitationCreate, Invitation): managers
// of the session's organization only; a person of another organization is 404 like an unknown id; the activation
// mail is in the outbox and its code activates the account; every write audited.

const now = '2026-06-15T10:00:00Z';
const fourteenDays = 14 * 24 * 3600 * 1000;

describe('admin: persons and invitations', () => {
  let s: TestServer;
  let pichler: Session;
  let krueger: Session;

  const mailsTo = async (email: string) => (await call(s.url, `/dev/outbox?to=${encodeURIComponent(email)}`)).body.items as { subject: string; text: string }[];
  const codeIn = (text: string) => /Ihr Aktivierungscode: (\S+)/.exec(text)?.[1];
  const addPerson = (token: string, body: unknown) => call(s.url, '/admin/persons', { token, body });
  const invite = (token: string, body: unknown) => call(s.url, '/admin/invitations', { token, body });
  const auditOf = (action: string, entityId: string) => s.db('audit_log').where({ action, entity_id: entityId }).first();

  before(async () => {
    s = await startServer({ at: now });
    pichler = await loginAs(s, managers.pichler);
    krueger = await loginAs(s, managers.krueger);
  });
  after(() => s.close());

  test('POST /admin/persons adds a person with no contracts and no login; audited with the manager', async () => {
    const added = await addPerson(pichler.token, { name: 'Valentina Reiter', email: 'Valentina.Reiter@Example.com', address: { street: 'Praterstraße 1/3', postalCode: '1020', city: 'Wien', country: 'AT' } });
    assert.equal(added.status, 201, added.text);
    assert.deepEqual({ ...added.body, id: undefined }, { id: undefined, name: 'Valentina Reiter', email: 'valentina.reiter@example.com', hasLogin: false, contracts: [] });
    const listed = await call(s.url, '/admin/persons?q=Reiter', { token: pichler.token });
    assert.deepEqual(listed.body.items.map((p: { id: string }) => p.id), [added.body.id]);
    const row = await auditOf('person.created', added.body.id);
    assert.equal(row.actor_user_id, pichler.user.id);
    assert.equal(row.client_ip, '127.0.0.1');
  });

  test('POST /admin/persons refuses a missing, blank or multi-line name and unknown fields (400 with the field)', async () => {
    for (const [body, field] of [[{}, '/name'], [{ name: '  ' }, '/name'], [{ name: 'A\nB' }, '/name'], [{ name: 'A', role: 'x' }, '/role'], [{ name: 'A', email: 'nope' }, '/email']] as const) {
      const answer = await addPerson(pichler.token, body);
      expectProblem(answer, 400, 'validation_failed');
      assert.ok(answer.body.errors.some((e: { field: string }) => e.field === field), `${JSON.stringify(body)}: ${answer.text}`);
    }
  });

  test('an invitation creates an invited user; the mailed code activates it and the tenant signs in as that person', async () => {
    const person = (await addPerson(pichler.token, { name: 'Jakob Brunner', email: 'jakob.brunner@example.com' })).body;
    const invited = await invite(pichler.token, { personId: person.id, role: 'tenant', locale: 'en' });
    assert.equal(invited.status, 201, invited.text);
    assert.equal(invited.body.personId, person.id);
    assert.equal(invited.body.email, 'jakob.brunner@example.com');
    assert.equal(invited.body.role, 'tenant');
    assert.equal(Date.parse(invited.body.expiresAt) - Date.parse(s.clock.now().toISOString()) > fourteenDays - 60_000, true, '14 days');
    const [mail] = await mailsTo('jakob.brunner@example.com');
    assert.match(mail!.subject, /ImmoPro Hausverwaltung GmbH: Einladung zum Kundenportal/);
    const activated = await call(s.url, '/auth/activate', { body: { email: 'jakob.brunner@example.com', code: codeIn(mail!.text), newPassword: 'Brunner-Top12-2026' } });
    assert.equal(activated.status, 204, activated.text);
    const session = await login(s.url, 'jakob.brunner@example.com', 'Brunner-Top12-2026', 'immopro');
    assert.equal(session.user.role, 'tenant');
    assert.equal(session.user.name, 'Jakob Brunner');
    assert.equal(session.user.locale, 'en');
    assert.deepEqual(session.user.pendingActions, ['accept-terms']);
    assert.equal((await call(s.url, '/admin/persons?q=Brunner', { token: pichler.token })).body.items[0].hasLogin, true);
    const row = await auditOf('invitation.created', person.id);
    assert.equal(row.actor_user_id, pichler.user.id);
    assert.deepEqual({ ...JSON.parse(row.detail), userId: undefined }, { userId: undefined, role: 'tenant', email: 'jakob.brunner@example.com', newUser: true, activation: true });
  });

  test('the email of the request is used (and kept on a person without one); without any email 400 /email', async () => {
    const person = (await addPerson(pichler.token, { name: 'Maria Gruber' })).body;
    expectProblem(await invite(pichler.token, { personId: person.id, role: 'owner' }), 400, 'validation_failed');
    const invited = await invite(pichler.token, { personId: person.id, role: 'owner', email: 'maria.gruber@example.org' });
    assert.equal(invited.status, 201, invited.text);
    assert.equal((await s.db('persons').where({ id: person.id }).first('email')).email, 'maria.gruber@example.org');
    assert.equal((await mailsTo('maria.gruber@example.org')).length, 1);
  });

  test('a user who exists already (active elsewhere) gets the membership and a notice, no code', async () => {
    const person = (await addPerson(pichler.token, { name: 'Thomas Becker', email: demo.becker.username })).body;
    const before = await mailsTo(demo.becker.username);
    const invited = await invite(pichler.token, { personId: person.id, role: 'tenant' });
    assert.equal(invited.status, 201, invited.text);
    assert.equal(invited.body.userId, (await s.db('users').where({ email: demo.becker.username }).first('id')).id);
    const mails = await mailsTo(demo.becker.username);
    assert.equal(mails.length, before.length + 1);
    assert.match(mails[0]!.subject, /Zugang zum Kundenportal/);
    assert.equal(codeIn(mails[0]!.text), undefined);
    const session = await login(s.url, demo.becker.username, demo.becker.password, 'immopro');
    assert.equal(session.user.role, 'tenant');
  });

  test('an invited user of another organization gets a code for this one too', async () => {
    const person = (await addPerson(krueger.token, { name: 'Florian Steiner', email: demo.steiner.email })).body;
    const invited = await invite(krueger.token, { personId: person.id, role: 'owner' });
    assert.equal(invited.status, 201, invited.text);
    const [mail] = await mailsTo(demo.steiner.email);
    assert.match(mail!.subject, /^Hausverwaltung Krüger GmbH: Einladung/);
    assert.match(codeIn(mail!.text) ?? '', /^[A-Z2-7]{32}$/);
  });

  test('a person with an account in the organization already: 409 already_member', async () => {
    const huber = await personId(s.db, 'immopro', 'Katharina Huber');
    expectProblem(await invite(pichler.token, { personId: huber, role: 'tenant' }), 409, 'already_member');
    const other = (await addPerson(pichler.token, { name: 'K. Huber (zweite Karteikarte)', email: demo.huber.username })).body;
    expectProblem(await invite(pichler.token, { personId: other.id, role: 'owner' }), 409, 'already_member');
  });

  test('persons with an ended or a future contract can be invited', async () => {
    const unit = await unitId(s.db, '0048-0009');
    const ended = await addContract(s.db, 'immopro', 'Ernst Vormieter', unit, 'tenant', '2023-01-01', '2025-12-31', 'ernst.vormieter@example.com');
    const future = await addContract(s.db, 'immopro', 'Fiona Nachmieterin', unit, 'tenant', '2026-09-01', null, 'fiona.nachmieterin@example.com');
    for (const id of [ended, future]) assert.equal((await invite(pichler.token, { personId: id, role: 'tenant' })).status, 201);
  });

  test('authorization: 401 without a session, 403 for a tenant, 404 for another organization\'s or an unknown person', async () => {
    const tenant = await login(s.url, demo.huber.username, demo.huber.password, demo.huber.org);
    const kruegerPerson = await personId(s.db, 'krueger', 'Thomas Becker');
    expectProblem(await addPerson('', { name: 'X' }), 401);
    expectProblem(await invite('', { personId: kruegerPerson, role: 'tenant' }), 401);
    expectProblem(await addPerson(tenant.token, { name: 'X' }), 403, 'manager_only');
    expectProblem(await invite(tenant.token, { personId: kruegerPerson, role: 'tenant' }), 403, 'manager_only');
    expectProblem(await invite(pichler.token, { personId: kruegerPerson, role: 'tenant' }), 404, 'not_found');
    expectProblem(await invite(pichler.token, { personId: '01900000-0000-7000-8000-000000000000', role: 'tenant' }), 404, 'not_found');
    assert.equal(await s.db('audit_log').where({ action: 'invitation.created', entity_id: kruegerPerson }).first(), undefined);
  });

  test('a role other than tenant or owner: 400 /role', async () => {
    const answer = await invite(pichler.token, { personId: await personId(s.db, 'immopro', 'Valentina Reiter'), role: 'manager' });
    expectProblem(answer, 400, 'validation_failed');
    assert.equal(answer.body.errors[0].field, '/role');
  });
});
