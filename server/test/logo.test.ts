import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { call, demo, expectProblem, login, startServer, type Session, type TestServer } from './helpers.ts';
import { auditRows, html, loginAs, managers, pdf } from './admin-fixture.ts';
import { fetchLogo, gif, image, pixelAt, putLogo, svgLogo } from './theme-fixture.ts';

// The organization's logo (issue 14): PUT/DELETE /admin/theme/logo and the public GET /organizations/{slug}/logo.
// PNG and JPEG are kept as they came; SVG is sanitized (no scripts, event handlers or references outside the file)
// and must still render; anything else is refused by its content.

/** Payloads a logo must not keep, each with the strings that must be gone from the stored and the served file. */
const payloads: { name: string; svg: Buffer; gone: string[] }[] = [
  { name: '<script>', svg: svgLogo('<script>alert(document.cookie)</script><script href="https://evil.example/x.js"/>'), gone: ['script', 'alert', 'evil'] },
  { name: 'onload= and other handlers', svg: svgLogo('<circle cx="5" cy="5" r="2" onclick="alert(1)" onmouseover="alert(2)"/>', '', ' onload="alert(1)"'), gone: ['onload', 'onclick', 'onmouseover', 'alert'] },
  { name: '<image href> to another site', svg: svgLogo('<image href="https://evil.example/x.png" width="10" height="10"/><image xlink:href="data:image/png;base64,AAAA"/>'), gone: ['evil', 'data:'] },
  { name: 'xlink:href="javascript:…" on a link', svg: svgLogo('<a xlink:href="javascript:alert(1)"><circle cx="5" cy="5" r="2"/></a><a href="https://evil.example/">x</a>'), gone: ['javascript', 'evil', '<a'] },
  { name: '<use href> to another file', svg: svgLogo('<use href="http://evil.example/sprite.svg#a"/><use xlink:href="https://evil.example/s.svg#b"/>'), gone: ['evil', 'sprite'] },
  { name: 'url() in a style attribute, a presentation attribute and a <style>', svg: svgLogo('<circle cx="5" cy="5" r="2" style="background:url(https://evil.example/t.png);fill:#2e6a43" filter="url(https://evil.example/f.svg#x)"/><style>@import url(https://evil.example/x.css); circle { background: url("https://evil.example/u.png") }</style>'), gone: ['evil', '@import'] },
  { name: '<foreignObject> with HTML', svg: svgLogo('<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example/"></iframe><img src="x" onerror="alert(1)"/></div></foreignObject>'), gone: ['foreignObject', 'iframe', 'evil', 'onerror', 'div'] },
  { name: '<!ENTITY> pointing at a file (XXE)', svg: svgLogo('<text x="1" y="10">&xxe;</text>', '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'), gone: ['ENTITY', 'DOCTYPE', 'passwd', 'xxe', 'root:'] },
  { name: 'animation that sets a link, xml:base, a stylesheet instruction', svg: svgLogo('<set attributeName="href" to="javascript:alert(1)"/><animate attributeName="href" values="javascript:alert(1)"/><g xml:base="https://evil.example/"><use href="#r"/></g>', '<?xml-stylesheet href="https://evil.example/x.css"?>'), gone: ['javascript', 'evil', 'xml-stylesheet', '<set', '<animate'] },
];

describe('logo', () => {
  let s: TestServer;
  let pichler: Session;
  let krueger: Session;
  const logoRow = async (slug = 'immopro') => s.db('organizations as o').leftJoin('files as f', 'f.id', 'o.logo_file_id').where('o.slug', slug).first('o.logo_url', 'o.logo_file_id', 'f.mime', 'f.bytes', 'f.sha256', 'f.original_name');

  before(async () => {
    s = await startServer({ at: '2026-06-15T10:00:00Z' });
    [pichler, krueger] = await Promise.all([loginAs(s, managers.pichler), loginAs(s, managers.krueger)]);
  });
  after(() => s.close());

  test('none yet: the public address answers 404, for an unknown organization too', async () => {
    expectProblem(await call(s.url, '/organizations/immopro/logo'), 404, 'logo_not_found');
    expectProblem(await call(s.url, '/organizations/nirgendwo/logo'), 404, 'logo_not_found');
  });

  test('a PNG is stored as it came and served publicly, loadable by other sites, cached for 5 minutes', async () => {
    const png = await image('png');
    const a = await putLogo(s.url, pichler.token, png, 'Logo.PNG', 'image/png');
    assert.equal(a.status, 200, a.text);
    const sha256 = createHash('sha256').update(png).digest('hex');
    const row = await logoRow();
    assert.equal(row.logo_url, `/api/organizations/immopro/logo?v=${sha256.slice(0, 12)}`);
    assert.equal(row.mime, 'image/png');
    assert.equal(row.sha256, sha256);
    assert.deepEqual(Buffer.from(row.bytes), png);
    // Answered absolute, like the properties' photos, in the admin answer and in the public organization at once.
    assert.equal(a.body.logoUrl, `${s.url}${row.logo_url}`);
    assert.equal((await call(s.url, '/organizations/immopro/public')).body.logoUrl, a.body.logoUrl);
    const served = await fetchLogo(a.body.logoUrl);
    assert.equal(served.status, 200);
    assert.deepEqual(served.bytes, png);
    assert.equal(served.headers.get('content-type'), 'image/png');
    assert.equal(served.headers.get('cache-control'), 'public, max-age=300');
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(served.headers.get('cross-origin-resource-policy'), 'cross-origin');
    const [audit] = (await auditRows(s.db, 'theme.logo_updated')).slice(-1);
    assert.deepEqual(JSON.parse(audit.detail), { mime: 'image/png', size: png.length, sha256 });
  });

  test('a JPEG replaces it: a new address, the old file deleted', async () => {
    const before = await logoRow();
    const jpeg = await image('jpeg', 64, 32, '#0b5d7a');
    const a = await putLogo(s.url, pichler.token, jpeg, 'logo.jpg');
    assert.equal(a.status, 200, a.text);
    const row = await logoRow();
    assert.equal(row.mime, 'image/jpeg');
    assert.notEqual(row.logo_url, before.logo_url);
    assert.equal(await s.db('files').where({ id: before.logo_file_id }).first('id'), undefined);
    const served = await fetchLogo(a.body.logoUrl);
    assert.equal(served.headers.get('content-type'), 'image/jpeg');
    assert.deepEqual(served.bytes, jpeg);
  });

  test('GIF, PDF, an HTML page called .svg and broken images are refused (415), too large is 413; nothing changes', async () => {
    const before = await logoRow();
    const pngHeaderOnly = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64)]);
    const refused: [Buffer, string, string][] = [
      [gif(), 'logo.gif', 'image/gif'],
      [pdf('Logo'), 'logo.pdf', 'application/pdf'],
      [html(), 'logo.svg', 'image/svg+xml'],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>'), 'broken.svg', 'image/svg+xml'],
      [Buffer.from('<svg viewBox="0 0 1 1"><rect width="1" height="1"/></svg>'), 'no-namespace.svg', 'image/svg+xml'],
      [pngHeaderOnly, 'logo.png', 'image/png'],
    ];
    for (const [bytes, name, type] of refused) {
      const a = await putLogo(s.url, pichler.token, bytes, name, type);
      expectProblem(a, 415, 'unsupported_file_type');
      assert.equal(a.body.errors[0].field, 'file', name);
    }
    const large = await putLogo(s.url, pichler.token, Buffer.concat([await image('png'), Buffer.alloc(200 * 1024)]));
    expectProblem(large, 413, 'file_too_large');
    assert.equal(large.body.errors[0].field, 'file');
    assert.deepEqual(await logoRow(), before);
  });

  test('the upload wants one file part `file` and no other fields', async () => {
    const form = new FormData();
    form.append('file', 'not a file');
    const res = await fetch(`${s.url}/api/admin/theme/logo`, { method: 'PUT', body: form, headers: { authorization: `Bearer ${pichler.token}` } });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).errors[0].field, 'file');
    const extra = await putLogo(s.url, pichler.token, await image('png'), 'logo.png', 'image/png', { title: 'x' });
    expectProblem(extra, 400);
    assert.equal(extra.body.errors[0].field, 'title');
  });

  for (const payload of payloads) {
    test(`SVG: ${payload.name} is removed; the logo still renders`, async () => {
      const a = await putLogo(s.url, pichler.token, payload.svg, 'logo.svg', 'image/svg+xml');
      assert.equal(a.status, 200, a.text);
      const stored = Buffer.from((await logoRow()).bytes);
      const served = await fetchLogo(a.body.logoUrl);
      assert.deepEqual(served.bytes, stored);
      assert.equal(served.headers.get('content-type'), 'image/svg+xml');
      assert.equal(served.headers.get('content-security-policy'), "default-src 'none'; style-src 'unsafe-inline'");
      const text = stored.toString('utf8');
      for (const gone of payload.gone) assert.ok(!text.toLowerCase().includes(gone.toLowerCase()), `"${gone}" left in ${text}`);
      assert.match(text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* viewBox="0 0 40 20"/);
      assert.match(text, /<rect [^>]*fill="#2e6a43"/);
      // It renders: the rectangle's green in the middle of the picture.
      assert.equal(await pixelAt(stored, 20, 10), '#2e6a43');
    });
  }

  test('SVG: internal references, gradients and case-sensitive names are kept', async () => {
    const svg = svgLogo('<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><clipPath id="c"><rect width="4" height="4"/></clipPath><path id="p" d="M0 0h4v4z"/></defs><use href="#p" clip-path="url(#c)" style="fill:url(#g)"/><use xlink:href="#p"/><text x="1" y="10">&amp; Söhne</text>');
    const a = await putLogo(s.url, pichler.token, svg, 'logo.svg');
    assert.equal(a.status, 200, a.text);
    const text = Buffer.from((await logoRow()).bytes).toString('utf8');
    for (const kept of ['<linearGradient id="g">', '<clipPath id="c">', '<use href="#p" clip-path="url(#c)" style="fill:url(#g)"/>', '<use xlink:href="#p"/>', '&amp; Söhne', 'viewBox="0 0 40 20"'])
      assert.ok(text.includes(kept), `"${kept}" missing in ${text}`);
  });

  test('SVG: entities of a drawing program are expanded; entities that would blow the file up are refused', async () => {
    const drawing = Buffer.from(
      '<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [<!ENTITY ns_svg "http://www.w3.org/2000/svg"><!ENTITY green "#2e6a43">]>' +
        '<svg xmlns="&ns_svg;" viewBox="0 0 40 20" width="40" height="20"><rect width="40" height="20" fill="&green;"/></svg>',
    );
    const a = await putLogo(s.url, pichler.token, drawing, 'logo.svg');
    assert.equal(a.status, 200, a.text);
    assert.equal(await pixelAt(Buffer.from((await logoRow()).bytes), 20, 10), '#2e6a43');
    const laughs = svgLogo(`<text>${'&lol;'.repeat(20_000)}</text>`, `<!DOCTYPE svg [<!ENTITY lol "${'lol'.repeat(1000)}">]>`);
    expectProblem(await putLogo(s.url, pichler.token, laughs, 'logo.svg'), 415, 'unsupported_file_type');
  });

  test('DELETE removes the logo and its file, audited; the public address answers 404', async () => {
    const before = await logoRow();
    assert.ok(before.logo_file_id);
    const a = await call(s.url, '/admin/theme/logo', { token: pichler.token, method: 'DELETE' });
    assert.equal(a.status, 204, a.text);
    const row = await logoRow();
    assert.equal(row.logo_url, null);
    assert.equal(row.logo_file_id, null);
    assert.equal(await s.db('files').where({ id: before.logo_file_id }).first('id'), undefined);
    assert.equal((await call(s.url, '/organizations/immopro/public')).body.logoUrl, null);
    expectProblem(await call(s.url, '/organizations/immopro/logo'), 404, 'logo_not_found');
    assert.equal((await auditRows(s.db, 'theme.logo_removed')).length, 1);
    // Again: nothing to remove, nothing audited.
    assert.equal((await call(s.url, '/admin/theme/logo', { token: pichler.token, method: 'DELETE' })).status, 204);
    assert.equal((await auditRows(s.db, 'theme.logo_removed')).length, 1);
  });

  test('each organization has its own logo; a tenant may not set one', async () => {
    const a = await putLogo(s.url, krueger.token, await image('png', 20, 20, '#0b5d7a'));
    assert.equal(a.status, 200, a.text);
    assert.match(a.body.logoUrl, /\/api\/organizations\/krueger\/logo\?v=/);
    assert.equal((await logoRow('immopro')).logo_file_id, null);
    expectProblem(await call(s.url, '/organizations/immopro/logo'), 404);
    const becker = await login(s.url, demo.becker.username, demo.becker.password, 'krueger');
    expectProblem(await putLogo(s.url, becker.token, await image('png')), 403, 'manager_only');
    expectProblem(await call(s.url, '/admin/theme/logo', { token: becker.token, method: 'DELETE' }), 403, 'manager_only');
  });
});
