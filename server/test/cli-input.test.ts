import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase, type TestDatabase } from './helpers.ts';
import { isPostgresUrl } from '../src/db.ts';
import { admin, childDatabaseUrl, type Run } from './cli-fixture.ts';

// The operator command refuses bad input with exit code 2 and one line per problem that names the option, before it
// writes anything; other failures exit with 1. The rules are the API's (the contract's schemas and the services').

const create = (overrides: Record<string, string> = {}): string[] => {
  const options = { slug: 'muster', name: 'Hausverwaltung Muster GmbH', 'time-zone': 'Europe/Vienna', primary: '#1d4e89', accent: '#f2a900', origin: 'https://www.hv-muster.at', ...overrides };
  return ['org', 'create', ...Object.entries(options).flatMap(([k, v]) => (v === '' ? [] : [`--${k}`, v]))];
};

/** Each case: the command line and what stderr must say. */
const badInput: { name: string; args: string[]; says: RegExp | RegExp[] }[] = [
  {
    name: 'a bad slug, time zone, origins and colour at once',
    args: [...create({ slug: 'Muster_GmbH', 'time-zone': 'Europe/Wien', origin: 'http://www.hv-muster.at', primary: 'blue' }), '--origin', 'https://WWW.hv-muster.at'],
    says: [
      /^error: --slug: must match pattern/m,
      /^error: --primary: must match pattern/m,
      /^error: --time-zone: .*Europe\/Wien/m,
      /^error: --origin "http:\/\/www\.hv-muster\.at": Only https origins/m,
      /^error: --origin "https:\/\/WWW\.hv-muster\.at": .*host in lower case.*https:\/\/www\.hv-muster\.at$/m,
    ],
  },
  { name: 'a slug taken already', args: create(), says: /^error: --slug: "muster" is taken\.$/m },
  { name: 'a missing required option', args: create({ slug: '' }), says: /^error: --slug: is required\.$/m },
  { name: 'an unknown option', args: ['org', 'list', '--verbose'], says: /^error: Unknown option '--verbose'/m },
  { name: 'an unknown organization', args: ['manager', 'create', '--org', 'nope', '--email', 'a@b.at', '--name', 'A'], says: /^error: --org: there is no organization "nope"/m },
  { name: 'a bad email', args: ['manager', 'create', '--org', 'muster', '--email', 'not-an-address', '--name', 'A'], says: /^error: --email: must match format "email"$/m },
  { name: 'a role that cannot be invited', args: ['invite', '--org', 'muster', '--person', 'x@y.at', '--role', 'manager'], says: /^error: --role: must be tenant or owner/m },
  { name: 'an unknown person', args: ['invite', '--org', 'muster', '--person', '01a22f61-1acf-7763-9ad4-da2bc2a27d32', '--role', 'tenant'], says: /^error: --person: muster has no person/m },
  { name: 'a digest hour of 24', args: ['settings', 'set', '--org', 'muster', '--digest-hour', '24'], says: /^error: --digest-hour: must be <= 23$/m },
  { name: 'cross-site neither true nor false', args: ['settings', 'set', '--org', 'muster', '--cross-site', 'maybe'], says: /^error: --cross-site: must be true or false/m },
  { name: 'an unknown feature', args: ['settings', 'set', '--org', 'muster', '--feature', 'sauna=false'], says: /^error: --feature: "sauna=false"/m },
  { name: 'a theme file that is not there', args: ['theme', 'import', '--org', 'muster', '--file', 'no-such-theme.json'], says: /^error: --file: cannot read no-such-theme\.json as JSON/m },
  { name: 'an unknown command', args: ['org', 'delete'], says: /^error: unknown command "org delete"/m },
];

/** Runs `jobs` at most `width` at a time (each is a child process). */
async function pooled<T>(jobs: (() => Promise<T>)[], width = 4): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < jobs.length; i = next++) results[i] = await jobs[i]!();
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

describe('npm run admin: bad input', () => {
  let database: TestDatabase;
  let url: string;
  let dir: string;
  let results: Run[];
  let writes: number;

  before(async () => {
    database = await freshDatabase();
    url = childDatabaseUrl(database);
    dir = mkdtempSync(join(tmpdir(), 'hp-cli-input-'));
    const created = await admin(url, create());
    assert.equal(created.code, 0, created.stderr);
    writes = Number((await database.db('audit_log').count({ n: '*' }))[0]!.n);
    results = await pooled(badInput.map((c) => () => admin(url, c.args, dir)));
  });
  after(async () => {
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  badInput.forEach((c, i) =>
    test(`${c.name}: exit code 2, the option named`, () => {
      const run = results[i]!;
      assert.equal(run.code, 2, `${c.args.join(' ')}\n${run.stdout}${run.stderr}`);
      for (const says of [c.says].flat()) assert.match(run.stderr, says);
      assert.equal(run.stdout, '');
    }),
  );

  test('nothing was written or audited by the refused commands', async () => {
    assert.equal(Number((await database.db('organizations').count({ n: '*' }))[0]!.n), 1);
    assert.equal(Number((await database.db('audit_log').count({ n: '*' }))[0]!.n), writes);
  });

  test('a second account for the same email: 409 already_member, exit code 2', async () => {
    const args = ['manager', 'create', '--org', 'muster', '--email', 'anna.berger@hv-muster.at', '--name', 'Anna Berger', '--show-code', '--json'];
    const first = await admin(url, args);
    assert.equal(first.code, 0, first.stderr);
    assert.match(JSON.parse(first.stdout).code, /^[A-Z2-7]{32}$/, '--show-code gives the code');
    const again = await admin(url, args);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /^error: This person \(or the user with this email\) has a portal account in this organization already\.$/m);
  });

  test('--help: each command lists its options, exit code 0', async () => {
    const help = await admin(url, ['org', 'create', '--help']);
    assert.equal(help.code, 0);
    for (const option of ['--slug', '--name', '--time-zone', '--primary', '--accent', '--neutral', '--origin', '--cross-site', '--country', '--starter-faq', '--json'])
      assert.ok(help.stdout.includes(option), option);
    const overview = await admin(url, ['--help']);
    assert.equal(overview.code, 0);
    for (const command of ['org create', 'org list', 'manager create', 'person add', 'invite', 'settings show', 'settings set', 'theme export', 'theme import'])
      assert.ok(overview.stdout.includes(command), command);
  });

  test('a database that cannot be opened: exit code 1', async () => {
    const broken = await admin(isPostgresUrl(url) ? 'postgres://nobody:wrong@127.0.0.1:1/none' : join(dir, 'no-such-folder', 'db.sqlite'), ['org', 'list']);
    assert.equal(broken.code, 1, broken.stderr);
    assert.match(broken.stderr, /^error: /);
  });

  test('a new SQLite file is migrated first: org list on it lists none', { skip: isPostgresUrl(process.env.HP_DATABASE_URL ?? '') }, async () => {
    const fresh = await admin(join(dir, 'new.sqlite'), ['org', 'list']);
    assert.equal(fresh.code, 0, fresh.stderr);
    assert.match(fresh.stdout, /^No organizations yet/);
  });
});
