import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase, type TestDatabase } from './helpers.ts';
import { admin, childDatabaseUrl, repoRoot, type Run } from './cli-fixture.ts';

// Hostile input to the operator command (`npm run admin`): words a shell would expand, very long values, lists of
// origins in one option, a slug that is taken, bytes that are not UTF-8. Bad input exits with 2 and a line naming the
// option, and nothing is written; input that only looks dangerous to a shell is stored as the text it is.

/** The command with `args` as a POSIX shell passes them after expanding `shellArgs` (for bytes no JS string can hold). */
function adminViaShell(url: string, shellArgs: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', `exec "$NODE" --conditions=source --import tsx server/src/cli/admin.ts ${shellArgs}`], {
      cwd: repoRoot,
      env: { ...process.env, NODE: process.execPath, HP_DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const create = (overrides: Record<string, string | string[]> = {}): string[] => {
  const options: Record<string, string | string[]> = { slug: 'angriff', name: 'Hausverwaltung Angriff', 'time-zone': 'Europe/Vienna', primary: '#1d4e89', accent: '#f2a900', ...overrides };
  return ['org', 'create', ...Object.entries(options).flatMap(([k, v]) => [v].flat().flatMap((one) => [`--${k}`, one]))];
};

describe('npm run admin: hostile input', () => {
  let database: TestDatabase;
  let url: string;
  let dir: string;
  let state: () => Promise<string>;

  before(async () => {
    database = await freshDatabase();
    url = childDatabaseUrl(database);
    dir = mkdtempSync(join(tmpdir(), 'hp-cli-attack-'));
    const made = await admin(url, create({ slug: 'muster', origin: 'https://www.hv-muster.at' }));
    assert.equal(made.code, 0, made.stderr);
    state = async () => JSON.stringify(await Promise.all(['organizations', 'persons', 'users', 'memberships', 'audit_log', 'outbox'].map((t) => database.db(t).count({ n: '*' }).first())));
  });
  after(async () => {
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs each command line; every one must exit 2 with its option named on stderr, print nothing on stdout and write nothing. */
  async function refusedAll(cases: { name: string; run: () => Promise<Run>; says: RegExp }[]): Promise<void> {
    const before = await state();
    for (const c of cases) {
      const run = await c.run();
      assert.equal(run.code, 2, `${c.name}: exit ${run.code}\n${run.stdout}${run.stderr}`);
      assert.match(run.stderr, c.says, c.name);
      assert.equal(run.stdout, '', c.name);
    }
    assert.equal(await state(), before);
  }

  test('a slug that is taken, a very long name or slug, a time zone that is a path: exit 2, nothing written', async () => {
    await refusedAll([
      { name: 'slug taken', run: () => admin(url, create({ slug: 'muster' })), says: /^error: --slug: "muster" is taken\.$/m },
      { name: 'slug taken in capitals', run: () => admin(url, create({ slug: 'MUSTER' })), says: /^error: --slug: must match pattern/m },
      { name: 'name of 100 000 characters', run: () => admin(url, create({ name: 'N'.repeat(100_000) })), says: /^error: --name: The name is longer than 200 characters\.$/m },
      { name: 'slug of 300 characters', run: () => admin(url, create({ slug: 'a'.repeat(300) })), says: /^error: --slug: /m },
      { name: 'time zone ../../etc', run: () => admin(url, create({ 'time-zone': '../../etc' })), says: /^error: --time-zone: .*not an IANA time zone/m },
      { name: 'font that closes the CSS rule', run: () => admin(url, create({ font: 'x;} body{background:red}' })), says: /^error: --font: /m },
    ]);
  });

  test('origins: several in one option, null, port 0, an empty label, 21 of them: exit 2 naming --origin', async () => {
    await refusedAll([
      { name: 'space-separated list', run: () => admin(url, create({ origin: 'https://a.example https://b.example' })), says: /^error: --origin "https:\/\/a\.example https:\/\/b\.example": /m },
      { name: 'comma-separated list', run: () => admin(url, create({ origin: 'https://a.example,https://b.example' })), says: /^error: --origin "https:\/\/a\.example,https:\/\/b\.example": /m },
      { name: 'null', run: () => admin(url, create({ origin: 'null' })), says: /^error: --origin "null": /m },
      { name: 'port 0', run: () => admin(url, create({ origin: 'https://a.example:0' })), says: /^error: --origin "https:\/\/a\.example:0": Port 0/m },
      { name: 'empty label', run: () => admin(url, create({ origin: 'https://a..example' })), says: /^error: --origin "https:\/\/a\.\.example": .*empty part/m },
      { name: '21 origins', run: () => admin(url, create({ origin: Array.from({ length: 21 }, (_, i) => `https://o${i}.example`) })), says: /^error: --origin: must NOT have more than 20 items/m },
      { name: 'settings set: the same origin twice', run: () => admin(url, ['settings', 'set', '--org', 'muster', '--origin', 'https://a.example', '--origin', 'https://a.example']), says: /^error: --origin/m },
      { name: 'settings set: sender name with CRLF', run: () => admin(url, ['settings', 'set', '--org', 'muster', '--sender-name', 'Muster\r\nBcc: x@evil.example']), says: /^error: --sender-name: /m },
      { name: 'settings set: reply-to with two addresses', run: () => admin(url, ['settings', 'set', '--org', 'muster', '--reply-to', 'a@example.com,b@example.com']), says: /^error: --reply-to: /m },
      { name: 'settings set: javascript: imprint', run: () => admin(url, ['settings', 'set', '--org', 'muster', '--imprint', 'javascript:alert(1)']), says: /^error: --imprint: /m },
    ]);
  });

  test('bytes that are not UTF-8 and Unicode line separators in a name: exit 2, nothing stored garbled', async () => {
    await refusedAll([
      { name: 'invalid UTF-8 in --name', run: () => adminViaShell(url, `org create --slug kaputt --name "$(printf 'Muster\\377GmbH')" --time-zone Europe/Vienna --primary '#1d4e89' --accent '#f2a900'`), says: /^error: --name: is not valid UTF-8 text\.$/m },
      { name: 'a lone continuation byte in --slug', run: () => adminViaShell(url, `org create --slug "$(printf 'a\\200b')" --name X --time-zone Europe/Vienna --primary '#1d4e89' --accent '#f2a900'`), says: /^error: --slug: is not valid UTF-8 text\.$/m },
      { name: 'U+2028 in --name', run: () => admin(url, create({ slug: 'zeile', name: 'Muster\u2028GmbH' })), says: /^error: --name: The name contains line breaks or other control characters\.$/m },
      { name: 'C1 control in person add --name', run: () => admin(url, ['person', 'add', '--org', 'muster', '--name', 'Anna\u0085Berger']), says: /^error: --name: /m },
      { name: 'invalid UTF-8 in person add --name', run: () => adminViaShell(url, `person add --org muster --name "$(printf 'Anna\\351')"`), says: /^error: --name: is not valid UTF-8 text\.$/m },
    ]);
  });

  test('words a shell would expand are stored as the text they are and run nothing', async () => {
    const marker = join(dir, 'expanded');
    const name = `$(touch ${marker}) \`touch ${marker}\` ; touch ${marker} && echo`;
    const run = await admin(url, [...create({ slug: 'shell', name }), '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(existsSync(marker), false, 'a command in the name ran');
    assert.equal((await database.db('organizations').where({ slug: 'shell' }).first('name')).name, name);
    const person = await admin(url, ['person', 'add', '--org', 'shell', '--name', `$(id) <img src=x onerror=alert(1)>`, '--json']);
    assert.equal(person.code, 0, person.stderr);
    assert.equal(JSON.parse(person.stdout).name, '$(id) <img src=x onerror=alert(1)>');
  });

  test('theme import: a file with a scripted SVG logo is stored sanitized; a file of another schema is refused', async () => {
    const exported = await admin(url, ['theme', 'export', '--org', 'muster', '--json']);
    assert.equal(exported.code, 0, exported.stderr);
    const file = JSON.parse(exported.stdout);
    const evil = `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><image href="https://evil.example/x.png"/><rect width="1" height="1"/></svg>`;
    const scripted = join(dir, 'scripted.json');
    writeFileSync(scripted, JSON.stringify({ ...file, logo: `data:image/svg+xml;base64,${Buffer.from(evil).toString('base64')}` }));
    const imported = await admin(url, ['theme', 'import', '--org', 'muster', '--file', scripted]);
    assert.equal(imported.code, 0, imported.stderr);
    const stored = await database.db('organizations as o').join('files as f', 'f.id', 'o.logo_file_id').where('o.slug', 'muster').first('f.bytes');
    assert.doesNotMatch(Buffer.from(stored.bytes).toString('utf8'), /script|onload|evil\.example/);

    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ ...file, schema: 'fremd/1' }));
    const notUtf8 = join(dir, 'latin1.json');
    const latin1 = JSON.stringify({ ...file, input: { ...file.input, name: 'M\u00fcller' } });
    writeFileSync(notUtf8, Buffer.from(latin1, 'latin1'));
    await refusedAll([
      { name: 'another schema', run: () => admin(url, ['theme', 'import', '--org', 'muster', '--file', other]), says: /^error: --file \/schema: /m },
      { name: 'a directory', run: () => admin(url, ['theme', 'import', '--org', 'muster', '--file', dir]), says: /^error: --file: cannot read/m },
      { name: 'a file that is not UTF-8', run: () => admin(url, ['theme', 'import', '--org', 'muster', '--file', notUtf8]), says: /^error: --file: cannot read .* as JSON: .*utf-8/im },
    ]);
  });
});
