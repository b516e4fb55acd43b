import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import nodemailer from 'nodemailer';
import { call, demo, expectProblem, login, setCookieLine, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { auditRows, loginAs, managers, organizationId, propertyId } from './admin-fixture.ts';
import { createMailer } from '../src/notifications/mail.ts';
import { settingsProblems, updateSettings } from '../src/org-settings/service.ts';
import { operator } from '../src/admin/audit.ts';

// The organization settings of the manager API (GET/PATCH /admin/settings): each field, the rules beyond the schema,
// the audit log, and that a change takes effect at once: cookie mode, CORS, the organization's day, the mail sender.

const on = { tenant: true, owner: true };
const allOn = { units: on, statement: on, expenseAccounts: on, documents: on, bulletinBoard: on, tickets: on, chatBot: on };

describe('organization settings', () => {
  let s: TestServer;
  let pichler: Session;
  let krueger: Session;
  let huber: Session;
  let immopro: string;

  before(async () => {
    // Noon in Vienna is already the next day on Kiritimati (UTC+14).
    s = await startServer({ at: '2026-06-15T12:00:00Z' });
    [pichler, krueger, huber] = await Promise.all([loginAs(s, managers.pichler), loginAs(s, managers.krueger), login(s.url, demo.huber.username, demo.huber.password, 'immopro')]);
    immopro = await organizationId(s.db, 'immopro');
  });
  after(() => s.close());

  const get = (token = pichler.token) => call(s.url, '/admin/settings', { token });
  const patch = (body: unknown, token = pichler.token) => call(s.url, '/admin/settings', { token, method: 'PATCH', body });
  const ok = (answer: Answer): any => {
    assert.equal(answer.status, 200, answer.text);
    return answer.body;
  };
  const fields = (answer: Answer): string[] => answer.body.errors.map((e: { field: string }) => e.field);
  const settingsAudits = async () => (await auditRows(s.db, 'settings.updated')).filter((r: any) => r.organization_id === immopro);

  test('GET /admin/settings shows every setting of the own organization only', async () => {
    const body = ok(await get());
    assert.deepEqual(body, {
      digestHour: 7,
      timeZone: 'Europe/Vienna',
      emergencyNumbers: body.emergencyNumbers,
      features: allOn,
      legalLinks: { imprint: 'https://www.immopro.example/impressum', privacy: 'https://www.immopro.example/datenschutz', terms: 'https://www.immopro.example/nutzungsbedingungen' },
      senderName: null,
      replyTo: null,
      allowedOrigins: ['https://www.immopro.example', 'https://immopro.example'],
      crossSite: false,
    });
    const theirs = ok(await get(krueger.token));
    assert.equal(theirs.timeZone, 'Europe/Berlin');
    assert.equal(theirs.crossSite, true);
    assert.deepEqual(theirs.features.chatBot, { tenant: false, owner: false });
    assert.deepEqual(theirs.allowedOrigins, ['https://www.hv-krueger.example']);
  });

  test('no token answers 401, a tenant 403; a manager changes only her own organization', async () => {
    expectProblem(await call(s.url, '/admin/settings'), 401);
    expectProblem(await call(s.url, '/admin/settings', { method: 'PATCH', body: { digestHour: 9 } }), 401);
    expectProblem(await get(huber.token), 403, 'manager_only');
    expectProblem(await patch({ digestHour: 9 }, huber.token), 403, 'manager_only');
    const before = ok(await get());
    ok(await patch({ senderName: 'Krüger Kundenservice' }, krueger.token));
    assert.deepEqual(ok(await get()), before);
    ok(await patch({ senderName: null }, krueger.token));
  });

  test('PATCH changes each field; the answer and GET show the new values; the digest hour reaches /me', async () => {
    const changes = {
      digestHour: 18,
      emergencyNumbers: [{ label: { de: 'Gas-Notruf', en: 'Gas emergency' }, phone: '128' }],
      features: { ...allOn, documents: { tenant: false, owner: true } },
      legalLinks: { imprint: 'https://immopro.example/impressum', privacy: 'http://localhost:8080/datenschutz' },
      senderName: '  ImmoPro Kundenservice ',
      replyTo: 'kundenservice@immopro.example',
      allowedOrigins: ['https://immopro.example', 'http://localhost:5173', 'http://127.0.0.1:8080'],
      crossSite: true,
    };
    const before = ok(await get());
    const after = ok(await patch(changes));
    assert.deepEqual(after, { ...before, ...changes, senderName: 'ImmoPro Kundenservice' });
    assert.deepEqual(ok(await get()), after);
    assert.equal((await call(s.url, '/me', { token: pichler.token })).body.digestHour, 18);
    ok(await patch({ ...before, timeZone: undefined }));
    assert.deepEqual(ok(await get()), before);
  });

  test('every change is audited with from and to for each changed field; an unchanged PATCH writes nothing', async () => {
    const seen = (await settingsAudits()).length;
    ok(await patch({ digestHour: 7, replyTo: 'post@immopro.example', crossSite: false }));
    const rows = (await settingsAudits()).slice(seen);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].entity_type, 'organization');
    assert.equal(rows[0].entity_id, immopro);
    assert.equal(rows[0].actor_user_id, pichler.user.id);
    assert.deepEqual(JSON.parse(rows[0].detail), { replyTo: { from: null, to: 'post@immopro.example' } });
    ok(await patch({ digestHour: 7, replyTo: 'post@immopro.example', features: allOn }));
    assert.equal((await settingsAudits()).length, seen + 1);
    ok(await patch({ replyTo: null }));
    assert.deepEqual(JSON.parse((await settingsAudits()).at(-1).detail), { replyTo: { from: 'post@immopro.example', to: null } });
  });

  test('bad values answer 400 with a pointer to the field, and nothing is stored', async () => {
    const before = ok(await get());
    const cases: [unknown, string][] = [
      [{ timeZone: 'Mars/Olympus_Mons' }, '/timeZone'],
      [{ timeZone: '+02:00' }, '/timeZone'],
      [{ allowedOrigins: ['https://a.example/'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['https://ok.example', 'https://*.a.example'] }, '/allowedOrigins/1'],
      [{ allowedOrigins: ['http://evil.example'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['https://a.example/path'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['javascript:alert(1)'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['https://A.Example'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['https://a.example:443'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['https://a.example', 'https://a.example'] }, '/allowedOrigins'],
      [{ legalLinks: { imprint: 'javascript:alert(1)' } }, '/legalLinks/imprint'],
      [{ legalLinks: { privacy: 'http://evil.example/datenschutz' } }, '/legalLinks/privacy'],
      [{ senderName: 'ImmoPro\r\nBcc: all@example.com' }, '/senderName'],
      [{ senderName: 'ImmoPro <boss@example.com>' }, '/senderName'],
      [{ senderName: '   ' }, '/senderName'],
      [{ replyTo: 'a@immopro.example, b@evil.example' }, '/replyTo'],
      [{ replyTo: 'a@immopro.example\r\nBcc: b@evil.example' }, '/replyTo'],
      [{ emergencyNumbers: [{ label: { de: 'Gas\nNotruf', en: 'Gas' }, phone: '128' }] }, '/emergencyNumbers/0/label/de'],
      [{ features: { documents: { tenant: false, owner: true } } }, '/features/units'],
      [{ crossSite: 'yes' }, '/crossSite'],
    ];
    for (const [body, field] of cases) {
      const answer = await patch(body);
      expectProblem(answer, 400, 'validation_failed');
      assert.ok(fields(answer).includes(field), `${JSON.stringify(body)}: ${answer.text}`);
    }
    assert.deepEqual(ok(await get()), before);
  });

  test('the same rules hold for the operator command (settingsProblems), which also checks the schema', () => {
    assert.deepEqual(settingsProblems({ allowedOrigins: ['https://ok.example', 'https://A.example', 'http://localhost:3000'] }).map((p) => p.field), ['/allowedOrigins/1']);
    assert.deepEqual(settingsProblems({ timeZone: 'Europe/Atlantis', digestHour: 3 }).map((p) => p.field), ['/timeZone']);
    assert.deepEqual(settingsProblems({ digestHour: 24 }).map((p) => p.field), ['/digestHour']);
    assert.deepEqual(settingsProblems({ colour: 'red' }).map((p) => p.field), ['/colour']);
    assert.deepEqual(settingsProblems({ allowedOrigins: ['https://portal.example'], timeZone: 'america/new_york' }), []);
  });

  test('the operator\'s change is audited without a user, via "cli"; the time zone is stored in its canonical spelling', async () => {
    const after = await updateSettings(s.db, { clock: s.clock.now }, immopro, { timeZone: 'europe/vienna', digestHour: 6 }, operator);
    assert.equal(after.timeZone, 'Europe/Vienna');
    const row = (await settingsAudits()).at(-1);
    assert.equal(row.actor_user_id, null);
    assert.deepEqual(JSON.parse(row.detail), { digestHour: { from: 7, to: 6 }, via: 'cli' });
    await assert.rejects(updateSettings(s.db, { clock: s.clock.now }, immopro, { timeZone: 'Nowhere/City' }, operator), (err: any) => err.status === 400);
    ok(await patch({ digestHour: 7 }));
  });

  test('the time zone decides the organization\'s "today" at once', async () => {
    const today = async () => (await call(s.url, '/organizations/immopro/public')).body.today;
    assert.equal(await today(), '2026-06-15');
    assert.equal(ok(await patch({ timeZone: 'Pacific/Kiritimati' })).timeZone, 'Pacific/Kiritimati');
    assert.equal(await today(), '2026-06-16');
    assert.equal((await call(s.url, '/organizations/immopro/public')).body.timeZone, 'Pacific/Kiritimati');
    ok(await patch({ timeZone: 'Europe/Vienna' }));
    assert.equal(await today(), '2026-06-15');
  });

  test('crossSite decides the refresh cookie of the next login', async () => {
    const cookieAfterLogin = async () => setCookieLine(await call(s.url, '/auth/login', { body: { organization: 'immopro', username: demo.huber.username, password: demo.huber.password } }));
    assert.match(await cookieAfterLogin(), /SameSite=Strict/);
    ok(await patch({ crossSite: true }));
    const cross = await cookieAfterLogin();
    assert.match(cross, /SameSite=None/);
    assert.match(cross, /Partitioned/);
    assert.match(cross, /Secure/);
    ok(await patch({ crossSite: false }));
    assert.match(await cookieAfterLogin(), /SameSite=Strict/);
  });

  test('allowed origins change CORS at once: a newly listed origin passes the preflight, a removed one no longer does', async () => {
    const origin = 'https://portal.new-client.example';
    const preflight = () => fetch(`${s.url}/api/units`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } });
    assert.equal((await preflight()).status, 403);
    const before = ok(await get()).allowedOrigins;
    ok(await patch({ allowedOrigins: [...before, origin] }));
    const allowed = await preflight();
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('access-control-allow-origin'), origin);
    const simple = await call(s.url, '/units', { token: huber.token, headers: { origin } });
    assert.equal(simple.status, 200);
    assert.equal(simple.headers.get('access-control-allow-origin'), origin);
    ok(await patch({ allowedOrigins: before }));
    assert.equal((await preflight()).status, 403);
  });

  test('a mail of the organization carries its sender name and Reply-To; the address stays the server\'s', async () => {
    ok(await patch({ senderName: 'ImmoPro Kundenservice', replyTo: 'kundenservice@immopro.example' }));
    assert.equal((await call(s.url, '/auth/password-reset', { body: { organization: 'immopro', email: demo.huber.username } })).status, 202);
    const [mail] = (await call(s.url, `/dev/outbox?to=${demo.huber.username}`)).body.items;
    assert.match(mail.subject, /Passwort/);
    assert.equal((await s.db('outbox').where({ id: mail.id }).first('organization_id')).organization_id, immopro);

    // The outbox row is sent as the production poller sends it, through a transport that keeps the raw message.
    const raw: string[] = [];
    const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const transport = { sendMail: async (m: nodemailer.SendMailOptions) => {
      const info = await stream.sendMail(m);
      raw.push(String(info.message));
      return info;
    } };
    const mailer = createMailer({ db: s.db, clock: s.clock.now, smtpUrl: null, production: false, transport: transport as never, log: () => {} });
    await mailer.deliver([mail.id]);
    const headers = raw[0]!.split('\n\n')[0]!;
    assert.match(headers, /^From: ImmoPro Kundenservice <no-reply@hausportal\.dev>$/m);
    assert.match(headers, /^Reply-To: kundenservice@immopro\.example$/m);
    assert.ok((await s.db('outbox').where({ id: mail.id }).first('sent_at')).sent_at);

    // Without a sender name the organization's name is shown, and without reply-to there is no Reply-To.
    ok(await patch({ senderName: null, replyTo: null }));
    await mailer.send({ to: 'someone@example.com', subject: 'Test', text: 'Test', organizationId: immopro });
    assert.match(raw[1]!, /^From: ImmoPro Hausverwaltung GmbH <no-reply@hausportal\.dev>$/m);
    assert.doesNotMatch(raw[1]!.split('\n\n')[0]!, /^Reply-To:/m);
    await mailer.send({ to: 'someone@example.com', subject: 'Test', text: 'Test' });
    assert.match(raw[2]!, /^From: Hausportal <no-reply@hausportal\.dev>$/m);
  });
});

describe('property contacts (manager API)', () => {
  let s: TestServer;
  let pichler: Session;
  let krueger: Session;
  let huber: Session;
  let wagner: Session;
  let naschmarkt: string;

  before(async () => {
    s = await startServer();
    [pichler, krueger, huber, wagner] = await Promise.all([
      loginAs(s, managers.pichler), loginAs(s, managers.krueger),
      login(s.url, demo.huber.username, demo.huber.password, 'immopro'), login(s.url, demo.wagner.username, demo.wagner.password, 'immopro'),
    ]);
    naschmarkt = await propertyId(s.db, 'Wohnhausanlage Naschmarkt');
  });
  after(() => s.close());

  const contactsPath = (id = naschmarkt) => `/admin/properties/${id}/contacts`;
  const put = (items: unknown[], token = pichler.token, id = naschmarkt) => call(s.url, contactsPath(id), { token, method: 'PUT', body: { items } });
  const residentContacts = async (who: Session) => (await call(s.url, '/units', { token: who.token })).body.properties.find((p: any) => p.id === naschmarkt).contacts;

  test('GET /admin/properties lists the own organization\'s properties by name with their addresses', async () => {
    const list = await call(s.url, '/admin/properties', { token: pichler.token });
    assert.equal(list.status, 200, list.text);
    assert.deepEqual(list.body.items.map((p: any) => p.name), ['Kahlenberger Straße 12', 'Wohnhausanlage Naschmarkt']);
    assert.deepEqual(list.body.items[1], { id: naschmarkt, name: 'Wohnhausanlage Naschmarkt', address: { street: 'Linke Wienzeile 48', postalCode: '1060', city: 'Wien', country: 'AT' } });
    assert.deepEqual((await call(s.url, '/admin/properties', { token: krueger.token })).body.items.map((p: any) => p.name), ['Fischmarkt-Höfe']);
  });

  test('GET contacts: in their order, with office hours and who sees them', async () => {
    const answer = await call(s.url, contactsPath(), { token: pichler.token });
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(answer.body.items.map((c: any) => [c.category, c.name, c.visibleTo, c.officeHours]), [
      ['case_manager', 'Mag. Petra Hofbauer', ['tenant', 'owner'], 'Mo–Do 8–12 Uhr, Di 14–17 Uhr'],
      ['accounting', 'Sandra Leitner', ['tenant'], 'Mo–Fr 9–12 Uhr'],
      ['accounting', 'Ing. Stefan Gruber', ['owner'], 'Di und Do 9–12 Uhr'],
      ['caretaker', 'Josef Novak', ['tenant', 'owner'], null],
    ]);
  });

  test('authorization: 401 without a token, 403 for residents, 404 for another organization\'s or an unknown property', async () => {
    const unknown = '00000000-0000-7000-8000-000000000000';
    expectProblem(await call(s.url, '/admin/properties'), 401);
    expectProblem(await call(s.url, contactsPath()), 401);
    expectProblem(await call(s.url, contactsPath(), { method: 'PUT', body: { items: [] } }), 401);
    for (const who of [huber, wagner]) {
      expectProblem(await call(s.url, '/admin/properties', { token: who.token }), 403, 'manager_only');
      expectProblem(await call(s.url, contactsPath(), { token: who.token }), 403, 'manager_only');
      expectProblem(await put([], who.token), 403, 'manager_only');
    }
    for (const id of [naschmarkt, unknown]) {
      expectProblem(await call(s.url, contactsPath(id), { token: krueger.token }), 404, 'not_found');
      expectProblem(await put([], krueger.token, id), 404, 'not_found');
    }
    assert.equal((await call(s.url, contactsPath(), { token: pichler.token })).body.items.length, 4);
  });

  test('PUT replaces all contacts in order, audited with before and after; residents see those for their role', async () => {
    const before = (await call(s.url, contactsPath(), { token: pichler.token })).body.items;
    const items = [
      { category: 'caretaker', name: ' Josef Novak ', phone: '+43 664 412 77 03', email: null, officeHours: 'Mo–Fr 7–9 Uhr', visibleTo: ['owner', 'tenant'] },
      { category: 'case_manager', name: 'Mag. Petra Hofbauer', phone: null, email: 'p.hofbauer@immopro.example', officeHours: 'Mo–Do 8–12 Uhr', visibleTo: ['tenant'] },
      { category: 'accounting', name: 'Ing. Stefan Gruber', phone: '+43 1 587 33 10-25', email: null, officeHours: null, visibleTo: ['owner'] },
    ];
    const answer = await put(items);
    assert.equal(answer.status, 200, answer.text);
    const stored = [{ ...items[0], name: 'Josef Novak', visibleTo: ['tenant', 'owner'] }, items[1], items[2]];
    assert.deepEqual(answer.body.items, stored);
    assert.deepEqual((await call(s.url, contactsPath(), { token: pichler.token })).body.items, stored);

    const [row] = await auditRows(s.db, 'property.contacts_updated');
    assert.equal(row.entity_type, 'property');
    assert.equal(row.entity_id, naschmarkt);
    assert.equal(row.actor_user_id, pichler.user.id);
    assert.deepEqual(JSON.parse(row.detail), { before, after: stored });

    assert.deepEqual((await residentContacts(huber)).map((c: any) => c.name), ['Josef Novak', 'Mag. Petra Hofbauer']);
    assert.deepEqual((await residentContacts(wagner)).map((c: any) => c.name), ['Josef Novak', 'Ing. Stefan Gruber']);

    // The same list again writes and audits nothing; an empty list removes them all.
    assert.equal((await put(stored)).status, 200);
    assert.equal((await auditRows(s.db, 'property.contacts_updated')).length, 1);
    assert.deepEqual((await put([])).body.items, []);
    assert.deepEqual(await residentContacts(huber), []);
    assert.equal((await auditRows(s.db, 'property.contacts_updated')).length, 2);
  });

  test('bad contacts answer 400 naming the field; nothing is changed', async () => {
    const good = { category: 'caretaker', name: 'Josef Novak', phone: null, email: null, officeHours: null, visibleTo: ['tenant'] };
    assert.equal((await put([good])).status, 200);
    const cases: [unknown[], string][] = [
      [[{ ...good, name: 'Josef\nNovak' }], '/items/0/name'],
      [[good, { ...good, officeHours: 'Mo\u2028Di' }], '/items/1/officeHours'],
      [[{ ...good, phone: 'javascript:alert(1)' }], '/items/0/phone'],
      [[{ ...good, email: 'not an address' }], '/items/0/email'],
      [[{ ...good, visibleTo: [] }], '/items/0/visibleTo'],
      [[{ ...good, visibleTo: ['manager'] }], '/items/0/visibleTo/0'],
      [[{ ...good, category: 'janitor' }], '/items/0/category'],
      [Array(21).fill(good), '/items'],
    ];
    for (const [items, field] of cases) {
      const answer = await put(items);
      expectProblem(answer, 400, 'validation_failed');
      assert.ok(answer.body.errors.some((e: { field: string }) => e.field === field), `${field}: ${answer.text}`);
    }
    assert.deepEqual((await call(s.url, contactsPath(), { token: pichler.token })).body.items, [good]);
  });
});
