import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { themePresets } from '@hausportal/api/theme.js';
import { call, demo, expectProblem, login, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { auditRows, loginAs, managers, organizationId } from './admin-fixture.ts';
import { fetchLogo, gif, image, putLogo } from './theme-fixture.ts';
import { demoOrganizations } from '../src/seed/data.ts';

// The manager API of the corporate identity (issue 14): GET/PUT /admin/theme, presets, export and import. The tokens
// come from packages/api theme.ts; these tests hold for any derivation that meets WCAG 2.2 AA.

const seedInput = (slug: string) => demoOrganizations.find((o) => o.slug === slug)!.themeInput;
const allPass = (a: Answer) => {
  assert.ok(a.body.contrast.length > 0, 'the report lists pairs');
  assert.deepEqual(a.body.contrast.filter((c: { pass: boolean }) => !c.pass), []);
};
const dataUrl = (mime: string, bytes: Uint8Array) => `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;

describe('admin: theme', () => {
  let s: TestServer;
  let pichler: Session;
  let krueger: Session;
  let huber: Session;
  const put = (token: string, body: unknown, query = '') => call(s.url, `/admin/theme${query}`, { token, method: 'PUT', body });
  const importFile = (token: string, body: unknown, query = '') => call(s.url, `/admin/theme/import${query}`, { token, method: 'POST', body });
  const stored = async (slug: string) => s.db('organizations').where({ slug }).first('theme', 'theme_input', 'logo_file_id', 'logo_url');

  before(async () => {
    s = await startServer({ at: '2026-06-15T10:00:00Z' });
    [pichler, krueger, huber] = await Promise.all([loginAs(s, managers.pichler), loginAs(s, managers.krueger), login(s.url, demo.huber.username, demo.huber.password, 'immopro')]);
  });
  after(() => s.close());

  test('every endpoint: 401 without a session, 403 manager_only for a tenant', async () => {
    const file = { schema: 'hausportal.theme/1', name: 'x', input: seedInput('immopro') };
    const endpoints: [string, string, unknown?][] = [
      ['GET', '/admin/theme'], ['PUT', '/admin/theme', seedInput('immopro')], ['GET', '/admin/theme/presets'], ['GET', '/admin/theme/export'],
      ['POST', '/admin/theme/import', file], ['DELETE', '/admin/theme/logo'],
    ];
    const before = await stored('immopro');
    for (const [method, path, body] of endpoints) {
      expectProblem(await call(s.url, path, { method, body }), 401);
      expectProblem(await call(s.url, path, { method, body, token: huber.token }), 403, 'manager_only');
    }
    expectProblem(await putLogo(s.url, undefined, await image('png')), 401);
    expectProblem(await putLogo(s.url, huber.token, await image('png')), 403, 'manager_only');
    assert.deepEqual(await stored('immopro'), before, 'nothing was stored');
  });

  test('GET shows the seeded input, the tokens derived from it and a report where every pair passes', async () => {
    const a = await call(s.url, '/admin/theme', { token: pichler.token });
    assert.equal(a.status, 200, a.text);
    assert.equal(a.headers.get('cache-control'), 'private, no-store');
    assert.deepEqual(a.body.input, seedInput('immopro'));
    allPass(a);
    assert.equal(a.body.logoUrl, null);
    // What the seed stored is what the API derives, and the public theme is it.
    assert.deepEqual(JSON.parse((await stored('immopro')).theme), a.body.tokens);
    assert.deepEqual((await call(s.url, '/organizations/immopro/public')).body.theme, a.body.tokens);
    // Status colours stay semantic: the gold accent is not the info colour.
    assert.notEqual(a.body.tokens.info, a.body.tokens.accent);
  });

  test('each manager sees and changes only the own organization', async () => {
    const a = await call(s.url, '/admin/theme', { token: krueger.token });
    assert.deepEqual(a.body.input, seedInput('krueger'));
    const before = await stored('immopro');
    const changed = await put(krueger.token, { ...seedInput('krueger'), primary: '#0a4a61' });
    assert.equal(changed.status, 200, changed.text);
    assert.equal(JSON.parse((await stored('krueger')).theme_input).primary, '#0a4a61');
    assert.deepEqual(await stored('immopro'), before);
    const exported = await call(s.url, '/admin/theme/export', { token: krueger.token });
    assert.match(exported.headers.get('content-disposition') ?? '', /filename="theme-krueger\.json"/);
    assert.equal(exported.body.input.primary, '#0a4a61');
  });

  test('PUT stores the input and the derived tokens, audited; the public theme shows the new primary at once', async () => {
    // The organization is in the server's cache now.
    const old = await call(s.url, '/organizations/immopro/public');
    const input = { primary: '#1F5FA8', accent: '#c8641e', neutral: '#cdbf9f', fontFamily: "'Source Sans 3', system-ui, sans-serif", radius: '0.5rem', name: 'Blau' };
    const a = await put(pichler.token, input);
    assert.equal(a.status, 200, a.text);
    assert.deepEqual(a.body.input, { ...input, primary: '#1f5fa8' }, 'colours are stored in lower case');
    allPass(a);
    const pub = await call(s.url, '/organizations/immopro/public');
    assert.deepEqual(pub.body.theme, a.body.tokens);
    assert.notEqual(pub.body.theme.primary, old.body.theme.primary);
    const row = await stored('immopro');
    assert.deepEqual(JSON.parse(row.theme_input), a.body.input);
    assert.deepEqual(JSON.parse(row.theme), a.body.tokens);
    const immopro = await organizationId(s.db, 'immopro');
    const [audit] = (await auditRows(s.db, 'theme.updated')).filter((r: any) => r.organization_id === immopro).slice(-1);
    assert.equal(audit.entity_id, immopro);
    assert.equal(audit.actor_user_id, (await s.db('users').where({ username: 'apichler' }).first('id')).id);
    assert.deepEqual(JSON.parse(audit.detail), { from: seedInput('immopro'), to: a.body.input });
    assert.deepEqual((await call(s.url, '/admin/theme', { token: pichler.token })).body, a.body);
  });

  test('a light gold primary is adjusted until it meets AA, and the report says so', async () => {
    const a = await put(pichler.token, { primary: '#e8c872', accent: '#f3e3b0' }, '?dryRun=true');
    assert.equal(a.status, 200, a.text);
    allPass(a);
    assert.notEqual(a.body.tokens.primary, '#e8c872');
    assert.ok(a.body.adjustments.some((j: { token: string; scheme: string }) => j.token === 'primary' && j.scheme === 'light'), a.text);
  });

  test('dryRun answers the theme as it would be and stores and audits nothing', async () => {
    const before = await stored('immopro');
    const audits = (await auditRows(s.db)).length;
    const a = await put(pichler.token, { primary: '#2e6a43', accent: '#9c7a4f' }, '?dryRun=true');
    assert.equal(a.status, 200, a.text);
    assert.equal(a.body.input.primary, '#2e6a43');
    assert.deepEqual(await stored('immopro'), before);
    assert.equal((await auditRows(s.db)).length, audits);
  });

  test('bad input: 400 naming the field, nothing stored', async () => {
    const before = await stored('immopro');
    const cases: [unknown, string][] = [
      [{ primary: 'red', accent: '#c8a45d' }, '/primary'],
      [{ primary: '#8a1538' }, '/accent'],
      [{ primary: '#8a1538', accent: '#c8a45d', radius: '100px' }, '/radius'],
      [{ primary: '#8a1538', accent: '#c8a45d', fontFamily: "'Source Sans 3, sans-serif" }, '/fontFamily'],
      [{ primary: '#8a1538', accent: '#c8a45d', fontFamily: 'Inter,, sans-serif' }, '/fontFamily'],
      [{ primary: '#8a1538', accent: '#c8a45d', name: '   ' }, '/name'],
      [{ primary: '#8a1538', accent: '#c8a45d', surface: '#ffffff' }, '/surface'],
    ];
    for (const [body, field] of cases) {
      const a = await put(pichler.token, body);
      expectProblem(a, 400);
      assert.ok(a.body.errors.some((e: { field: string }) => e.field === field), `${field}: ${a.text}`);
    }
    assert.deepEqual(await stored('immopro'), before);
  });

  test('presets: the ready colour sets, each with its derived tokens and a passing report', async () => {
    const a = await call(s.url, '/admin/theme/presets', { token: pichler.token });
    assert.equal(a.status, 200, a.text);
    assert.equal(a.body.items.length, themePresets.length);
    assert.ok(a.body.items.length >= 4);
    for (const preset of a.body.items) {
      assert.ok(preset.name.de && preset.name.en && preset.key);
      assert.ok(preset.contrast.length > 0);
      assert.deepEqual(preset.contrast.filter((c: { pass: boolean }) => !c.pass), [], preset.key);
      const applied = await put(pichler.token, preset.input, '?dryRun=true');
      assert.deepEqual(applied.body.tokens, preset.tokens, 'a preset applied gives the tokens shown');
    }
  });

  test('export → import round trip: the same input, tokens and logo bytes, here and in another organization', async () => {
    const logo = await image('png');
    assert.equal((await putLogo(s.url, pichler.token, logo)).status, 200);
    const exported = await call(s.url, '/admin/theme/export', { token: pichler.token });
    assert.equal(exported.status, 200, exported.text);
    assert.match(exported.headers.get('content-disposition') ?? '', /^attachment; filename="theme-immopro\.json"/);
    assert.equal(exported.headers.get('cache-control'), 'private, no-store');
    const file = exported.body;
    assert.equal(file.schema, 'hausportal.theme/1');
    assert.ok(file.createdAt.startsWith('2026-06-15T'), file.createdAt);
    assert.equal(file.logo, dataUrl('image/png', logo));
    // Change everything, then import the file.
    await put(pichler.token, { primary: '#2e6a43', accent: '#9c7a4f' });
    await call(s.url, '/admin/theme/logo', { token: pichler.token, method: 'DELETE' });
    const imported = await importFile(pichler.token, file);
    assert.equal(imported.status, 200, imported.text);
    assert.deepEqual(imported.body.input, file.input);
    assert.deepEqual(imported.body.tokens, file.tokens);
    assert.deepEqual((await fetchLogo(imported.body.logoUrl)).bytes, logo);
    const again = (await call(s.url, '/admin/theme/export', { token: pichler.token })).body;
    assert.deepEqual({ ...again, createdAt: file.createdAt }, file);
    // Another organization takes the same file.
    const there = await importFile(krueger.token, file);
    assert.equal(there.status, 200, there.text);
    assert.deepEqual(there.body.tokens, file.tokens);
    assert.match(there.body.logoUrl, /\/api\/organizations\/krueger\/logo\?v=[0-9a-f]{12}$/);
    assert.deepEqual((await fetchLogo(there.body.logoUrl)).bytes, logo);
    const [audit] = (await auditRows(s.db, 'theme.imported')).slice(-1);
    assert.equal(audit.entity_id, await organizationId(s.db, 'krueger'));
    assert.equal(JSON.parse(audit.detail).logo.mime, 'image/png');
  });

  test('an import derives the tokens anew and never stores the file\'s tokens', async () => {
    const exported = (await call(s.url, '/admin/theme/export', { token: pichler.token })).body;
    const forged = { ...exported, tokens: { ...exported.tokens, primary: '#ffff00', onPrimary: '#ffffff' } };
    const a = await importFile(pichler.token, forged);
    assert.equal(a.status, 200, a.text);
    assert.notEqual(a.body.tokens.primary, '#ffff00');
    assert.notEqual(JSON.parse((await stored('immopro')).theme).primary, '#ffff00');
  });

  test('an import with a bad schema, colour, logo type, logo size or data URL: a clear problem, nothing stored', async () => {
    const base = (await call(s.url, '/admin/theme/export', { token: pichler.token })).body;
    const before = await stored('immopro');
    const audits = (await auditRows(s.db)).length;
    const cases: [unknown, number, string][] = [
      [{ ...base, schema: 'hausportal.theme/2' }, 400, '/schema'],
      [{ ...base, input: { ...base.input, primary: '#12345' } }, 400, '/input/primary'],
      [{ ...base, input: { ...base.input, fontFamily: '"Inter' } }, 400, '/input/fontFamily'],
      [{ ...base, logo: 'https://evil.example/logo.png' }, 400, '/logo'],
      [{ ...base, logo: dataUrl('image/gif', gif()) }, 415, '/logo'],
      [{ ...base, logo: dataUrl('image/png', gif()) }, 415, '/logo'],
      [{ ...base, logo: dataUrl('image/svg+xml', Buffer.from('<!DOCTYPE html><html><body>hi</body></html>')) }, 415, '/logo'],
      [{ ...base, logo: dataUrl('image/png', Buffer.concat([await image('png'), Buffer.alloc(205_000)])) }, 413, '/logo'],
    ];
    for (const [body, status, field] of cases) {
      const a = await importFile(pichler.token, body);
      expectProblem(a, status);
      assert.ok(a.body.errors.some((e: { field: string }) => e.field === field), `${field}: ${a.text}`);
      expectProblem(await importFile(pichler.token, body, '?dryRun=true'), status);
    }
    assert.deepEqual(await stored('immopro'), before);
    assert.equal((await auditRows(s.db)).length, audits);
  });

  test('import dryRun: the theme as it would be, the new logo as a data URL; nothing stored', async () => {
    const before = await stored('immopro');
    const jpeg = await image('jpeg');
    const file = { schema: 'hausportal.theme/1', name: 'Grün', input: { primary: '#2e6a43', accent: '#9c7a4f' }, logo: dataUrl('image/jpeg', jpeg) };
    const a = await importFile(pichler.token, file, '?dryRun=true');
    assert.equal(a.status, 200, a.text);
    assert.equal(a.body.input.primary, '#2e6a43');
    assert.equal(a.body.logoUrl, dataUrl('image/jpeg', jpeg));
    assert.deepEqual(await stored('immopro'), before);
  });

  test('an import without `logo` keeps the logo; `logo: null` removes it', async () => {
    assert.equal((await putLogo(s.url, pichler.token, await image('png', 30, 30))).status, 200);
    const kept = await importFile(pichler.token, { schema: 'hausportal.theme/1', name: 'a', input: { primary: '#7b1e3a', accent: '#a8843f' } });
    assert.equal(kept.status, 200, kept.text);
    assert.equal(kept.body.logoUrl, (await call(s.url, '/admin/theme', { token: pichler.token })).body.logoUrl);
    assert.notEqual(kept.body.logoUrl, null);
    const removed = await importFile(pichler.token, { schema: 'hausportal.theme/1', name: 'a', input: { primary: '#7b1e3a', accent: '#a8843f' }, logo: null });
    assert.equal(removed.body.logoUrl, null);
    assert.equal((await stored('immopro')).logo_file_id, null);
    assert.equal(JSON.parse((await auditRows(s.db, 'theme.imported')).slice(-1)[0].detail).logo, 'removed');
  });

  test('a theme stored before the derivation (theme_input \'{}\') reads as its old colours, derived anew', async () => {
    const old = { primary: '#0b5d7a', onPrimary: '#ffffff', surface: '#fbfcfd', text: '#14232b', accent: '#e3a21a', fontFamily: "Inter, 'Helvetica Neue', Arial, sans-serif", radius: '10px' };
    await s.db('organizations').where({ slug: 'krueger' }).update({ theme_input: '{}', theme: JSON.stringify(old) });
    const a = await call(s.url, '/admin/theme', { token: krueger.token });
    assert.equal(a.status, 200, a.text);
    assert.deepEqual(a.body.input, { primary: '#0b5d7a', accent: '#e3a21a', fontFamily: old.fontFamily, radius: '10px' });
    allPass(a);
    assert.ok(a.body.tokens.dark, 'derived anew: the dark scheme is there');
    // Without an accent, the primary stands in for it.
    await s.db('organizations').where({ slug: 'krueger' }).update({ theme: JSON.stringify({ primary: '#0b5d7a' }) });
    assert.deepEqual((await call(s.url, '/admin/theme', { token: krueger.token })).body.input, { primary: '#0b5d7a', accent: '#0b5d7a' });
  });
});
