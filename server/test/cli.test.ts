import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../e2e/server.ts';
import { call, freshDatabase, login, type Session, type TestDatabase } from './helpers.ts';
import { admin, childDatabaseUrl, npmAdmin, readmeAdminCommands, type Run } from './cli-fixture.ts';

// The README section "Setting up your organization", end to end: the real operator command (a child process) and the
// real server (server/src/main.ts with HP_DEMO_SEED=false) on one fresh database. Every `npm run admin` line of the
// section runs here as written; the curl steps are the same requests made with fetch.

const manager = { email: 'anna.berger@hv-muster.at', password: 'Muster-Verwaltung-2026' };
const tenant = { email: 'katrin.lang@example.com', password: 'Naschmarkt-Lang-2026' };
const owner = { name: 'Paul Wimmer', email: 'paul.wimmer@example.com' };

describe('npm run admin: from an empty database to a signed-in manager and an invited tenant (README)', () => {
  let database: TestDatabase;
  let url: string;
  let server: RunningServer;
  let dir: string;
  let managerSession: Session;
  const readme = readmeAdminCommands();
  const ran = new Set<number>();

  /** Runs the README's next command that starts with `words` (as its `npm run admin` script would) and expects success. */
  async function step(...words: string[]): Promise<Run> {
    const i = readme.findIndex((args, n) => !ran.has(n) && words.every((w, k) => args[k] === w));
    assert.ok(i >= 0, `the README has no further command "${words.join(' ')}"`);
    ran.add(i);
    const result = await admin(url, readme[i]!, dir);
    assert.equal(result.code, 0, `${readme[i]!.join(' ')}\n${result.stderr}`);
    assert.equal(result.stderr, '');
    return result;
  }

  /** The activation code of the newest mail to `email` in the outbox (GET /api/dev/outbox). */
  async function activationCode(email: string): Promise<string> {
    const outbox = await call(server.url, `/dev/outbox?to=${encodeURIComponent(email)}`);
    const code = /Ihr Aktivierungscode: (\S+)/.exec(outbox.body.items[0]?.text ?? '')?.[1];
    assert.ok(code, `no activation mail to ${email}: ${outbox.text}`);
    return code;
  }

  /** Activation, sign-in and the terms of use, as `<hp-login>` or the README's curl lines do them. */
  async function activateAndSignIn(email: string, password: string): Promise<Session> {
    const activated = await call(server.url, '/auth/activate', { body: { email, code: await activationCode(email), newPassword: password } });
    assert.equal(activated.status, 204, activated.text);
    const session = await login(server.url, email, password, 'muster');
    assert.deepEqual(session.user.pendingActions, ['accept-terms']);
    const version = (await call(server.url, '/organizations/muster/public')).body.terms.version;
    const accepted = await call(server.url, '/me/terms', { token: session.token, body: { version } });
    assert.equal(accepted.status, 200, accepted.text);
    assert.deepEqual(accepted.body.pendingActions, []);
    return session;
  }

  const orgRow = () => database.db('organizations').where({ slug: 'muster' }).first();

  before(async () => {
    database = await freshDatabase();
    url = childDatabaseUrl(database);
    dir = mkdtempSync(join(tmpdir(), 'hp-cli-'));
    server = await startServer({ databaseUrl: url, env: { HP_DEMO_SEED: 'false' } });
  });
  after(async () => {
    await server?.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the server starts without the demo: no organization at all', async () => {
    assert.equal((await call(server.url, '/organizations/immopro/public')).status, 404);
    assert.equal(Number((await database.db('organizations').count({ n: '*' }))[0]!.n), 0);
  });

  test('org create: slug, name, time zone, the derived theme, origins and the starter FAQ; org list shows it', async () => {
    assert.match((await step('org', 'create')).stdout, /^Created organization muster \(Hausverwaltung Muster GmbH\), time zone Europe\/Vienna/);
    const row = await orgRow();
    assert.equal(row.time_zone, 'Europe/Vienna');
    assert.deepEqual(JSON.parse(row.allowed_origins), ['https://www.hv-muster.at']);
    assert.deepEqual(JSON.parse(row.theme_input), { primary: '#1d4e89', accent: '#f2a900' });
    assert.equal(Number(row.digest_hour), 7);
    assert.ok(Object.values(JSON.parse(row.features)).every((on) => on === true));
    assert.ok(Number((await database.db('faq_entries').where({ organization_id: row.id }).count({ n: '*' }))[0]!.n) > 40, 'the starter FAQ');
    const pub = await call(server.url, '/organizations/muster/public');
    assert.equal(pub.status, 200, pub.text);
    assert.equal(pub.body.name, 'Hausverwaltung Muster GmbH');
    assert.match(pub.body.theme.onPrimary, /^#[0-9a-f]{6}$/i, 'the whole token set is derived');
    const preflight = await fetch(`${server.url}/api/organizations/muster/public`, { method: 'OPTIONS', headers: { origin: 'https://www.hv-muster.at' } });
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://www.hv-muster.at');

    assert.match((await step('org', 'list')).stdout, /^muster {2}Hausverwaltung Muster GmbH {2}\(Europe\/Vienna; managers: 0/);
    const listed = await npmAdmin(url, ['org', 'list', '--json']);
    assert.equal(listed.code, 0, listed.stderr);
    assert.deepEqual(JSON.parse(listed.stdout).map((o: { slug: string }) => o.slug), ['muster'], 'the npm script of the repository root');
  });

  test('manager create: the activation mail is in the outbox; she activates, signs in, accepts the terms and uses the manager API', async () => {
    const created = await step('manager', 'create');
    assert.match(created.stdout, /The activation mail to anna\.berger@hv-muster\.at is in the outbox/);
    const code = await activationCode(manager.email);
    assert.ok(!created.stdout.includes(code), 'the code only with --show-code');
    managerSession = await activateAndSignIn(manager.email, manager.password);
    assert.equal(managerSession.user.role, 'manager');
    const settings = await call(server.url, '/admin/settings', { token: managerSession.token });
    assert.equal(settings.status, 200, settings.text);
    assert.deepEqual(settings.body.allowedOrigins, ['https://www.hv-muster.at']);
  });

  test('person add and invite: the tenant activates from the mail and signs in', async () => {
    assert.match((await step('person', 'add')).stdout, /^Added person Katrin Lang <katrin\.lang@example\.com> to muster: id /);
    assert.match((await step('invite')).stdout, /^Invited katrin\.lang@example\.com \(person \S+\) to muster as tenant\./);
    const session = await activateAndSignIn(tenant.email, tenant.password);
    assert.equal(session.user.role, 'tenant');
    assert.equal(session.user.name, 'Katrin Lang');
    const persons = await call(server.url, '/admin/persons?q=Lang', { token: managerSession.token });
    assert.equal(persons.body.items[0].hasLogin, true);
  });

  test('the manager adds and invites a person through the API (POST /admin/persons, /admin/invitations)', async () => {
    const person = await call(server.url, '/admin/persons', { token: managerSession.token, body: { name: owner.name, email: owner.email } });
    assert.equal(person.status, 201, person.text);
    const invited = await call(server.url, '/admin/invitations', { token: managerSession.token, body: { personId: person.body.id, role: 'owner' } });
    assert.equal(invited.status, 201, invited.text);
    assert.equal(invited.body.email, owner.email);
    assert.ok(await activationCode(owner.email));
  });

  test('settings set and show: origins and legal links, with the rules of PATCH /admin/settings', async () => {
    await step('settings', 'set');
    const shown = await step('settings', 'show');
    assert.match(shown.stdout, /allowed origins {3}https:\/\/www\.hv-muster\.at https:\/\/hv-muster\.at/);
    assert.match(shown.stdout, /legal links {7}imprint https:\/\/www\.hv-muster\.at\/impressum, privacy https:\/\/www\.hv-muster\.at\/datenschutz/);
    assert.deepEqual(JSON.parse((await orgRow()).allowed_origins), ['https://www.hv-muster.at', 'https://hv-muster.at']);
  });

  test('theme export, a dry run of an edited file, and its import', async () => {
    await step('theme', 'export');
    const file = join(dir, 'muster-theme.json');
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(exported.schema, 'hausportal.theme/1');
    assert.deepEqual(exported.input, { primary: '#1d4e89', accent: '#f2a900' });
    writeFileSync(file, JSON.stringify({ ...exported, input: { ...exported.input, primary: '#8a1538' } }));
    assert.match((await step('theme', 'import')).stdout, /^Dry run for muster: nothing was saved\./);
    assert.equal(JSON.parse((await orgRow()).theme_input).primary, '#1d4e89');
    assert.match((await step('theme', 'import')).stdout, /^Imported the theme into muster\./);
    assert.equal(JSON.parse((await orgRow()).theme_input).primary, '#8a1538');
  });

  test('every write is in the audit log: the command as operator (via cli), the API with the manager', async () => {
    const rows = (await database.db('audit_log').where({ organization_id: (await orgRow()).id }).orderBy('at').orderBy('id')) as { action: string; actor_user_id: string | null; detail: string }[];
    const byCli = rows.filter((r) => r.actor_user_id === null);
    assert.deepEqual(
      byCli.map((r) => r.action),
      ['organization.created', 'manager.created', 'person.created', 'invitation.created', 'settings.updated', 'theme.imported'],
    );
    assert.ok(byCli.every((r) => JSON.parse(r.detail).via === 'cli'));
    const byManager = rows.filter((r) => r.actor_user_id === managerSession.user.id);
    assert.deepEqual(byManager.map((r) => r.action), ['person.created', 'invitation.created']);
    assert.ok(byManager.every((r) => JSON.parse(r.detail).via === undefined));
  });

  test('every npm run admin line of the README section ran', () => {
    assert.ok(readme.length >= 10);
    assert.deepEqual([...ran].sort((a, b) => a - b), readme.map((_, i) => i));
  });
});
