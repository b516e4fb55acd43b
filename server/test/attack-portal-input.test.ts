import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import nodemailer from 'nodemailer';
import { call, demo, expectProblem, startServer, type Answer, type Session, type TestServer } from './helpers.ts';
import { loginAs, managers, organizationId, personId } from './admin-fixture.ts';
import { createMailer } from '../src/notifications/mail.ts';
import { svgLogoPolicy } from '../src/theme/logo-routes.ts';

// Hostile input to the portal's new manager API (issue 14): organization settings, contact persons, persons and
// invitations, the theme, its import and the logo. Every answer is a problem with a field pointer, never a 500, and
// nothing of a refused request is stored; what is stored (an SVG logo) is sanitized.

const at = '2026-06-15T10:00:00Z';
const kB10 = 'x'.repeat(10_000);

/** Each refused value with the field pointer its problem must name. */
type Case = [body: unknown, field: string];

/** Asserts a 400 (or `status`) problem naming `field`; never a 500. */
function refused(answer: Answer, field: string, what: string, status = 400): void {
  assert.notEqual(answer.status, 500, `${what}: 500 ${answer.text}`);
  expectProblem(answer, status);
  assert.ok((answer.body.errors as { field: string }[]).some((e) => e.field === field), `${what}: no error for ${field}: ${answer.text.slice(0, 300)}`);
}

const svg = (inner: string, attrs = ''): string => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${attrs}>${inner}<rect id="ok" width="10" height="10" fill="#8a1538"/></svg>`;

/** SVG logos that try to run script or load something; each must be refused (415) or stored without it. */
const svgPayloads: Record<string, string> = {
  'script': svg('<script>alert(1)</script>'),
  'uppercase SCRIPT': svg('<SCRIPT>alert(1)</SCRIPT>'),
  'svg:script (namespace prefix)': svg('<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>'),
  'xhtml script island': svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'),
  'onload on the root': svg('', ' onload="alert(1)"'),
  'ONLOAD in capitals': svg('<rect ONLOAD="alert(1)" onclick="alert(2)" width="1" height="1"/>'),
  'external image href': svg('<image href="https://evil.example/x.png" width="1" height="1"/>'),
  'xlink:href javascript: link': svg('<a xlink:href="javascript:alert(1)"><circle r="2"/></a>'),
  'a href around shapes': svg('<a href="javascript:alert(1)"><rect width="5" height="5"/></a>'),
  'foreignObject': svg('<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div></foreignObject>'),
  'XXE': `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>${svg('<text>&x;</text>')}`,
  'billion laughs': `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>${svg('<text>&d;</text>')}`,
  'flat entity blow-up': `<!DOCTYPE svg [<!ENTITY a "${'a'.repeat(5000)}">]>${svg(`<text>${'&a;'.repeat(1000)}</text>`)}`,
  'style url() and @import': svg('<style>@import url(https://evil.example/a.css); rect{fill:url(https://evil.example/b)}</style><rect style="fill:url(//evil.example/c)" width="1" height="1"/>'),
  'style escapes spelling url': svg('<style>rect{fill:u\\72l(https://evil.example/x)}</style>'),
  'style in CDATA': svg('<style><![CDATA[rect{fill:url(https://evil.example/cdata)}]]></style>'),
  'use href to another file': svg('<use href="https://evil.example/sprite.svg#a"/><use xlink:href="//evil.example/s.svg#b"/>'),
  'animate href to javascript:': svg('<a><animate attributeName="href" to="javascript:alert(1)"/><set attributeName="href" to="javascript:alert(2)"/><rect width="1" height="1"/></a>'),
  'CDATA with a script tag': svg('<text><![CDATA[</text><script>alert(1)</script>]]></text>'),
  'xml-stylesheet instruction': `<?xml-stylesheet href="https://evil.example/x.css"?>${svg('<?xml-stylesheet href="https://evil.example/y.css"?>')}`,
  'xml:base': svg('<use href="#ok"/>', ' xml:base="https://evil.example/"'),
  'feImage and filter url': svg('<filter id="f"><feImage href="https://evil.example/x.png"/></filter><rect filter="url(https://evil.example/f#x)" width="1" height="1"/>'),
  'iframe, embed, object': svg('<iframe src="javascript:alert(1)"/><embed src="https://evil.example/e"/><object data="https://evil.example/o"/>'),
  'parameter entity': `<!DOCTYPE svg [<!ENTITY % p SYSTEM "https://evil.example/p.dtd"> %p;]>${svg('')}`,
};

/** What a stored logo may never contain: script, handlers, external references, HTML islands, entity declarations. */
const forbiddenInLogo = /<script|<svg:script|:script|\son[a-z]+\s*=|javascript:|evil\.example|foreignObject|<iframe|<embed|<object|<animate|<set\b|xml-stylesheet|<!ENTITY|<!DOCTYPE|file:\/\/|@import|xml:base|passwd/i;

describe('attack: organization settings', () => {
  let s: TestServer;
  let pichler: Session;

  before(async () => {
    s = await startServer({ at });
    pichler = await loginAs(s, managers.pichler);
  });
  after(() => s.close());

  const patch = (body: unknown) => call(s.url, '/admin/settings', { method: 'PATCH', token: pichler.token, body });
  const settings = async () => (await call(s.url, '/admin/settings', { token: pichler.token })).text;
  const audits = async () => Number((await s.db('audit_log').count({ n: '*' }).first())!.n);

  test('every text field refuses header injection, several addresses, unsafe links, huge strings, NUL and line separators', async () => {
    const cases: Case[] = [
      [{ senderName: 'ImmoPro\r\nBcc: opfer@example.com' }, '/senderName'],
      [{ senderName: 'ImmoPro\nX-Evil: 1' }, '/senderName'],
      [{ senderName: 'ImmoPro\u0085Bcc: x' }, '/senderName'],
      [{ senderName: 'ImmoPro\u2028Bcc: x' }, '/senderName'],
      [{ senderName: 'Name <evil@example.com>' }, '/senderName'],
      [{ senderName: '"quoted"' }, '/senderName'],
      [{ senderName: kB10 }, '/senderName'],
      [{ senderName: 'a\u0000b' }, '/senderName'],
      [{ senderName: '   ' }, '/senderName'],
      [{ replyTo: 'a@example.com, b@example.com' }, '/replyTo'],
      [{ replyTo: 'a@example.com;b@example.com' }, '/replyTo'],
      [{ replyTo: 'a@example.com\r\nBcc: b@example.com' }, '/replyTo'],
      [{ replyTo: 'Kundenservice <a@example.com>' }, '/replyTo'],
      [{ replyTo: `${kB10}@example.com` }, '/replyTo'],
      [{ replyTo: 'a@example.com\u2028' }, '/replyTo'],
      [{ legalLinks: { imprint: 'javascript:alert(1)' } }, '/legalLinks/imprint'],
      [{ legalLinks: { imprint: 'JaVaScRiPt:alert(1)' } }, '/legalLinks/imprint'],
      [{ legalLinks: { privacy: ' javascript:alert(1)' } }, '/legalLinks/privacy'],
      [{ legalLinks: { privacy: '\u0001javascript:alert(1)' } }, '/legalLinks/privacy'],
      [{ legalLinks: { terms: 'data:text/html,<script>alert(1)</script>' } }, '/legalLinks/terms'],
      [{ legalLinks: { terms: 'http://evil.example/agb' } }, '/legalLinks/terms'],
      [{ legalLinks: { imprint: 'vbscript:msgbox(1)' } }, '/legalLinks/imprint'],
      [{ legalLinks: { imprint: '//evil.example/impressum' } }, '/legalLinks/imprint'],
      [{ legalLinks: { imprint: 'https://user:pw@evil.example/' } }, '/legalLinks/imprint'],
      [{ legalLinks: { imprint: `https://immopro.example/${kB10}` } }, '/legalLinks/imprint'],
      [{ legalLinks: { imprint: 'https://immopro.example/\u0000' } }, '/legalLinks/imprint'],
      [{ legalLinks: { imprint: 'https://immopro.example/\u202eftp' } }, '/legalLinks/imprint'],
      [{ legalLinks: { imprint: 'https://immopro.example/"><script>alert(1)</script>' } }, '/legalLinks/imprint'],
      [{ legalLinks: { sitemap: 'https://immopro.example/' } }, '/legalLinks/sitemap'],
      [{ timeZone: '../../etc/passwd' }, '/timeZone'],
      [{ timeZone: '../../etc' }, '/timeZone'],
      [{ timeZone: 'Etc/../Europe/Vienna' }, '/timeZone'],
      [{ timeZone: 'Europe/Vienna\u0000' }, '/timeZone'],
      [{ timeZone: 'Europe/Vienna ' }, '/timeZone'],
      [{ timeZone: kB10 }, '/timeZone'],
      [{ emergencyNumbers: [{ label: { de: 'Notruf\u2028X', en: 'Emergency' }, phone: '112' }] }, '/emergencyNumbers/0/label/de'],
      [{ emergencyNumbers: [{ label: { de: 'Notruf', en: 'Emergency' }, phone: 'javascript:alert(1)' }] }, '/emergencyNumbers/0/phone'],
    ];
    const before = await settings();
    const audited = await audits();
    for (const [body, field] of cases) refused(await patch(body), field, JSON.stringify(body).slice(0, 80));
    assert.equal(await settings(), before);
    assert.equal(await audits(), audited);
  });

  test('allowed origins: only exact https origins a browser can send', async () => {
    const cases: Case[] = [
      [{ allowedOrigins: ['null'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['https://*.example.com'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['https://a.example:443'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['https://a.example:65536'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['https://a.example:0'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['http://localhost:0'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['https://a..example'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['https://.a.example'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['https://a.example:00443'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['https://münchen.example'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['https://A.example'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['http://a.example'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['http://127.1'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['https://1.2.3'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['https://a.example/'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['https://a.example https://b.example'] }, '/allowedOrigins/0'],
      [{ allowedOrigins: ['https://ok.example', 'https://ok.example'] }, '/allowedOrigins'],
      [{ allowedOrigins: Array.from({ length: 21 }, (_, i) => `https://a${i}.example`) }, '/allowedOrigins'],
      [{ allowedOrigins: 'https://a.example' }, '/allowedOrigins'],
    ];
    const before = await settings();
    for (const [body, field] of cases) refused(await patch(body), field, JSON.stringify(body).slice(0, 80));
    assert.equal(await settings(), before);
    // What a browser really sends is kept exactly: punycode, a port, a trailing-dot host.
    const good = ['https://xn--mnchen-3ya.example', 'https://portal.example:8443', 'http://localhost:5173'];
    const kept = await patch({ allowedOrigins: good });
    assert.equal(kept.status, 200, kept.text);
    assert.deepEqual(kept.body.allowedOrigins, good);
  });

  test('feature toggles: unknown features, unknown roles, missing roles and non-booleans are refused', async () => {
    const features = JSON.parse(await settings()).features;
    const cases: Case[] = [
      [{ features: { ...features, sauna: { tenant: true, owner: true } } }, '/features/sauna'],
      [{ features: { ...features, documents: { tenant: 'false', owner: true } } }, '/features/documents/tenant'],
      [{ features: { ...features, documents: { tenant: 0, owner: true } } }, '/features/documents/tenant'],
      [{ features: { ...features, documents: { tenant: null, owner: true } } }, '/features/documents/tenant'],
      [{ features: { ...features, documents: { tenant: true, owner: true, manager: false } } }, '/features/documents/manager'],
      [{ features: { ...features, documents: { tenant: false } } }, '/features/documents/owner'],
      [{ features: { ...features, documents: false } }, '/features/documents'],
      [{ features: { units: { tenant: false, owner: false } } }, '/features/statement'],
    ];
    const before = await settings();
    for (const [body, field] of cases) {
      const answer = await patch(body);
      assert.notEqual(answer.status, 500, answer.text);
      expectProblem(answer, 400);
      assert.ok(answer.body.errors.some((e: { field: string }) => e.field === field || e.field.startsWith(field)), `${JSON.stringify(body).slice(0, 120)}: ${answer.text.slice(0, 300)}`);
    }
    assert.equal(await settings(), before);
    // A raw "__proto__" key (JSON.parse keeps it as an own key) is an unknown feature as well.
    const raw = `{"features":${JSON.stringify(features).replace(/^\{/, '{"__proto__":{"tenant":false,"owner":false},')}}`;
    const proto = await call(s.url, '/admin/settings', { method: 'PATCH', token: pichler.token, raw, headers: { 'content-type': 'application/json' } });
    expectProblem(proto, 400);
    assert.equal(await settings(), before);
  });

  test('a sender name that looks like a list or an address still gives one From mailbox: the server\'s own address', async () => {
    const immopro = await organizationId(s.db, 'immopro');
    const raw: string[] = [];
    const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const transport = { sendMail: async (m: nodemailer.SendMailOptions) => {
      const info = await stream.sendMail(m);
      raw.push(String(info.message));
      return info;
    } };
    const mailer = createMailer({ db: s.db, clock: s.clock.now, smtpUrl: null, production: false, transport: transport as never, log: () => {} });
    for (const name of ['Hausverwaltung, boss@evil.example', 'boss@evil.example', 'A; B: C', '=?utf-8?q?=0D=0ABcc:_x@evil.example?=', '\u202eelpmaxe.live@ssob']) {
      const answer = await patch({ senderName: name, replyTo: 'kundenservice@immopro.example' });
      assert.equal(answer.status, 200, answer.text);
      await mailer.send({ to: 'someone@example.com', subject: 'Test', text: 'Test', organizationId: immopro });
      const headers = raw.at(-1)!.split(/\r?\n\r?\n/)[0]!;
      const lines = headers.split(/\r?\n/);
      const from = lines.filter((l) => /^From:/i.test(l));
      assert.equal(from.length, 1, headers);
      assert.match(from[0]!, /<no-reply@hausportal\.dev>$/, `${name}: ${from[0]}`);
      // The name is quoted or encoded: no bare comma or address outside the quotes that a client could read as a second sender.
      const display = from[0]!.replace(/^From:\s*/, '').replace(/\s*<no-reply@hausportal\.dev>$/, '');
      assert.ok(/^".*"$/.test(display) || /^=\?UTF-8\?/i.test(display) || /^[\w .-]+$/.test(display), `${name}: ${display}`);
      assert.ok(!/^(Bcc|Cc):/im.test(headers), headers);
      assert.equal(lines.filter((l) => /^Reply-To:/i.test(l)).join(), 'Reply-To: kundenservice@immopro.example');
    }
    await patch({ senderName: null, replyTo: null });
  });
});

describe('attack: contact persons, persons and invitations', () => {
  let s: TestServer;
  let pichler: Session;
  let krueger: Session;
  let property: string;

  before(async () => {
    s = await startServer({ at });
    [pichler, krueger] = await Promise.all([loginAs(s, managers.pichler), loginAs(s, managers.krueger)]);
    property = (await call(s.url, '/admin/properties', { token: pichler.token })).body.items[0].id;
  });
  after(() => s.close());

  const contact = (o: Record<string, unknown> = {}) => ({ category: 'case_manager', name: 'Frau Muster', phone: '+43 1 234 56', email: 'muster@immopro.example', officeHours: 'Mo 8–12 Uhr', visibleTo: ['tenant'], ...o });
  const putContacts = (items: unknown[]) => call(s.url, `/admin/properties/${property}/contacts`, { method: 'PUT', token: pichler.token, body: { items } });

  test('contacts: HTML is kept as text (the widgets escape it); 21 contacts, markup in phone or email, line separators are refused', async () => {
    const html = contact({ name: '<img src=x onerror=alert(1)>', officeHours: '<script>alert(1)</script> Mo–Fr' });
    const stored = await putContacts([html]);
    assert.equal(stored.status, 200, stored.text);
    assert.deepEqual(stored.body.items[0], html);
    const before = (await call(s.url, `/admin/properties/${property}/contacts`, { token: pichler.token })).text;
    const cases: [unknown[], string][] = [
      [Array.from({ length: 21 }, () => contact()), '/items'],
      [[contact({ phone: '<b>1</b>' })], '/items/0/phone'],
      [[contact({ phone: 'javascript:alert(1)' })], '/items/0/phone'],
      [[contact({ email: 'a@b.example<script>' })], '/items/0/email'],
      [[contact({ email: 'a@b.example, c@d.example' })], '/items/0/email'],
      [[contact({ name: 'Frau\u2028Muster' })], '/items/0/name'],
      [[contact({ name: 'Frau\nMuster' })], '/items/0/name'],
      [[contact({ name: 'x'.repeat(121) })], '/items/0/name'],
      [[contact({ name: '  ' })], '/items/0/name'],
      [[contact({ officeHours: 'Mo\u0085Di' })], '/items/0/officeHours'],
      [[contact({ officeHours: kB10 })], '/items/0/officeHours'],
      [[contact({ visibleTo: ['manager'] })], '/items/0/visibleTo/0'],
      [[contact({ visibleTo: [] })], '/items/0/visibleTo'],
      [[contact({ category: 'boss' })], '/items/0/category'],
      [[contact({ extra: 1 })], '/items/0/extra'],
    ];
    for (const [items, field] of cases) refused(await putContacts(items), field, JSON.stringify(items).slice(0, 80));
    assert.equal((await call(s.url, `/admin/properties/${property}/contacts`, { token: pichler.token })).text, before);
  });

  test('persons: a name with line separators or C1 controls is refused like one with a line break; markup is kept as text', async () => {
    const count = async () => Number((await s.db('persons').count({ n: '*' }).first())!.n);
    const before = await count();
    const cases: Case[] = [
      [{ name: 'Anna\u2028Berger' }, '/name'],
      [{ name: 'Anna\u2029Berger' }, '/name'],
      [{ name: 'Anna\u0085Berger' }, '/name'],
      [{ name: '\u0085' }, '/name'],
      [{ name: 'Anna\r\nBerger' }, '/name'],
      [{ name: 'x'.repeat(201) }, '/name'],
      [{ name: 'Anna', email: 'anna@example.com\r\nBcc: x@example.com' }, '/email'],
      [{ name: 'Anna', email: 'anna@example.com, b@example.com' }, '/email'],
      [{ name: 'Anna', role: 'manager' }, '/role'],
    ];
    for (const [body, field] of cases) refused(await call(s.url, '/admin/persons', { token: pichler.token, body }), field, JSON.stringify(body));
    assert.equal(await count(), before);
    const markup = await call(s.url, '/admin/persons', { token: pichler.token, body: { name: '<img src=x onerror=alert(1)>' } });
    assert.equal(markup.status, 201);
    assert.equal(markup.body.name, '<img src=x onerror=alert(1)>');
  });

  test('invitations: no manager role, no second account, another organization\'s person is 404 like an unknown one', async () => {
    const person = (await call(s.url, '/admin/persons', { token: pichler.token, body: { name: 'Eva Einladung' } })).body.id;
    refused(await call(s.url, '/admin/invitations', { token: pichler.token, body: { personId: person, role: 'manager', email: 'eva@example.com' } }), '/role', 'role manager');
    refused(await call(s.url, '/admin/invitations', { token: pichler.token, body: { personId: person, role: 'admin', email: 'eva@example.com' } }), '/role', 'role admin');
    refused(await call(s.url, '/admin/invitations', { token: pichler.token, body: { personId: person, role: 'tenant', email: 'eva@example.com\r\nBcc: x@example.com' } }), '/email', 'CRLF email');
    refused(await call(s.url, '/admin/invitations', { token: pichler.token, body: { personId: person, role: 'tenant' } }), '/email', 'no email at all');
    const first = await call(s.url, '/admin/invitations', { token: pichler.token, body: { personId: person, role: 'tenant', email: 'Eva.Einladung@Example.com' } });
    assert.equal(first.status, 201, first.text);
    expectProblem(await call(s.url, '/admin/invitations', { token: pichler.token, body: { personId: person, role: 'owner', email: 'eva.zwei@example.com' } }), 409, 'already_member');
    // The same account for another person of the organization: also 409.
    const other = (await call(s.url, '/admin/persons', { token: pichler.token, body: { name: 'Eva Zwei' } })).body.id;
    expectProblem(await call(s.url, '/admin/invitations', { token: pichler.token, body: { personId: other, role: 'tenant', email: 'eva.einladung@example.com' } }), 409, 'already_member');
    // A tenant who is a member already cannot be invited a second time as an owner under another person.
    expectProblem(await call(s.url, '/admin/invitations', { token: pichler.token, body: { personId: other, role: 'owner', email: demo.huber.username } }), 409, 'already_member');
    const huber = await personId(s.db, 'immopro', 'Katharina Huber');
    const foreign = await call(s.url, '/admin/invitations', { token: krueger.token, body: { personId: huber, role: 'tenant', email: 'x@example.com' } });
    const unknown = await call(s.url, '/admin/invitations', { token: krueger.token, body: { personId: '00000000-0000-7000-8000-000000000000', role: 'tenant', email: 'x@example.com' } });
    expectProblem(foreign, 404);
    assert.equal(foreign.text, unknown.text);
    assert.equal(await s.db('users').where({ email: 'x@example.com' }).first(), undefined);
  });
});

describe('attack: theme, theme import and logo', () => {
  let s: TestServer;
  let pichler: Session;
  let exported: Record<string, unknown>;

  before(async () => {
    s = await startServer({ at });
    pichler = await loginAs(s, managers.pichler);
    exported = (await call(s.url, '/admin/theme/export', { token: pichler.token })).body;
  });
  after(() => s.close());

  const theme = async () => (await call(s.url, '/admin/theme', { token: pichler.token })).text;
  const stored = async () => JSON.stringify(await s.db('organizations').where({ slug: 'immopro' }).first('theme', 'theme_input', 'logo_file_id', 'logo_url'));
  const base = { primary: '#8a1538', accent: '#c8a45d' };
  const withLogo = (logo: string) => ({ ...exported, logo });
  const dataUrl = (mime: string, text: string | Buffer) => `data:${mime};base64,${Buffer.from(text).toString('base64')}`;

  test('theme input: colour names, short hex, url(), CSS that closes the rule, huge radius, names with markup or line separators', async () => {
    const cases: Case[] = [
      [{ ...base, primary: 'red' }, '/primary'],
      [{ ...base, primary: '#fff' }, '/primary'],
      [{ ...base, accent: 'url(https://evil.example/x)' }, '/accent'],
      [{ ...base, accent: '#c8a45d;}' }, '/accent'],
      [{ ...base, neutral: 'transparent' }, '/neutral'],
      [{ ...base, fontFamily: 'x;} body{background:url(//evil.example)}' }, '/fontFamily'],
      [{ ...base, fontFamily: '</style><script>alert(1)</script>' }, '/fontFamily'],
      [{ ...base, fontFamily: "'Open Sans', x\"" }, '/fontFamily'],
      [{ ...base, fontFamily: "'a\" b'" }, '/fontFamily'],
      [{ ...base, fontFamily: "''" }, '/fontFamily'],
      [{ ...base, fontFamily: 'Arial,,serif' }, '/fontFamily'],
      [{ ...base, fontFamily: 'x'.repeat(201) }, '/fontFamily'],
      [{ ...base, fontFamily: 'Arial\\' }, '/fontFamily'],
      [{ ...base, radius: '99999px' }, '/radius'],
      [{ ...base, radius: '-1px' }, '/radius'],
      [{ ...base, radius: 'calc(100% + 1px)' }, '/radius'],
      [{ ...base, radius: '4px;}' }, '/radius'],
      [{ ...base, name: 'Farben\u2028Bcc' }, '/name'],
      [{ ...base, name: 'Farben\u0085' }, '/name'],
      [{ ...base, name: 'Farben\nzwei' }, '/name'],
      [{ ...base, name: 'x'.repeat(81) }, '/name'],
      [{ ...base, name: '  ' }, '/name'],
      [{ ...base, extra: '1' }, '/extra'],
      [{ primary: '#8a1538' }, '/accent'],
    ];
    const before = [await theme(), await stored()];
    for (const [body, field] of cases) {
      refused(await call(s.url, '/admin/theme', { method: 'PUT', token: pichler.token, body }), field, JSON.stringify(body).slice(0, 80));
      refused(await call(s.url, '/admin/theme?dryRun=true', { method: 'PUT', token: pichler.token, body }), field, `dry run ${JSON.stringify(body).slice(0, 60)}`);
    }
    assert.deepEqual([await theme(), await stored()], before);
    // Markup in the name is only text: kept as it came, never in CSS.
    const named = await call(s.url, '/admin/theme?dryRun=true', { method: 'PUT', token: pichler.token, body: { ...base, name: '<img src=x onerror=alert(1)>' } });
    assert.equal(named.status, 200, named.text);
    assert.ok(!JSON.stringify(named.body.tokens).includes('<img'));
  });

  test('theme import: another schema, not an object, deep nesting, a broken input, tokens with CSS: refused or ignored, nothing stored', async () => {
    const before = [await theme(), await stored()];
    const cases: [string | unknown, number, string][] = [
      [{ ...exported, schema: 'hausportal.theme/2' }, 400, '/schema'],
      [{ ...exported, schema: undefined }, 400, '/schema'],
      [{ ...exported, input: { primary: 'red', accent: '#c8a45d' } }, 400, '/input/primary'],
      [{ ...exported, input: { ...base, fontFamily: 'x;}' } }, 400, '/input/fontFamily'],
      [{ ...exported, input: { ...base, name: 'a\u2028b' } }, 400, '/input/name'],
      [{ ...exported, createdAt: 'gestern' }, 400, '/createdAt'],
      [{ ...exported, evil: true }, 400, '/evil'],
      [[exported], 400, '/'],
    ];
    for (const [body, status, field] of cases) refused(await call(s.url, '/admin/theme/import', { token: pichler.token, body }), field, `${field}`, status);
    const deep = `{"schema":"hausportal.theme/1","input":${'['.repeat(3000)}${']'.repeat(3000)}}`;
    const nested = await call(s.url, '/admin/theme/import', { token: pichler.token, raw: deep, headers: { 'content-type': 'application/json' } });
    assert.ok(nested.status >= 400 && nested.status < 500, `deep nesting: ${nested.status}`);
    // The file's own tokens are never used: a token with CSS in it is ignored, the set is derived from the input.
    const junk = await call(s.url, '/admin/theme/import?dryRun=true', { token: pichler.token, body: { ...exported, tokens: { primary: 'url(https://evil.example/x)', fontFamily: '</style>' } } });
    assert.equal(junk.status, 200, junk.text);
    assert.ok(!JSON.stringify(junk.body).includes('evil.example') && !JSON.stringify(junk.body).includes('</style>'));
    assert.deepEqual([await theme(), await stored()], before);
  });

  test('theme import logo: too large, wrong type behind the declared one, not base64, HTML called SVG: refused; SVG bytes called PNG are sanitized', async () => {
    const before = [await theme(), await stored()];
    const cases: [string, number][] = [
      [`data:image/png;base64,${'A'.repeat(300_000)}`, 413],
      [dataUrl('image/svg+xml', '<html><body><script>alert(1)</script></body></html>'), 415],
      [dataUrl('image/png', 'GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;'), 415],
      [dataUrl('text/html', '<svg xmlns="http://www.w3.org/2000/svg"/>'), 415],
      [dataUrl('image/svg+xml', Buffer.from([0xff, 0xfe, 0x3c, 0x00, 0x73, 0x00])), 415],
      ['data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>', 400],
      ['data:image/png;base64,@@@@', 400],
      ['https://evil.example/logo.png', 400],
      ['javascript:alert(1)', 400],
    ];
    for (const [logo, status] of cases) {
      const answer = await call(s.url, '/admin/theme/import', { token: pichler.token, body: withLogo(logo) });
      refused(answer, '/logo', logo.slice(0, 60), status);
    }
    assert.deepEqual([await theme(), await stored()], before);

    const disguised = await call(s.url, '/admin/theme/import', { token: pichler.token, body: withLogo(dataUrl('image/png', svgPayloads.script!)) });
    assert.equal(disguised.status, 200, disguised.text);
    const served = await fetch(disguised.body.logoUrl);
    assert.equal(served.headers.get('content-type'), 'image/svg+xml');
    const text = await served.text();
    assert.doesNotMatch(text, forbiddenInLogo);
    assert.match(text, /<svg/);
  });

  for (const [name, payload] of Object.entries(svgPayloads)) {
    test(`SVG logo "${name}": refused or stored and served without it, with the logo's CSP, nosniff and type`, async () => {
      for (const via of ['upload', 'import'] as const) {
        const answer =
          via === 'upload'
            ? await uploadLogo(s, pichler.token, Buffer.from(payload))
            : await call(s.url, '/admin/theme/import', { token: pichler.token, body: withLogo(dataUrl('image/svg+xml', payload)) });
        assert.notEqual(answer.status, 500, `${via}: ${answer.text}`);
        if (answer.status !== 200) {
          expectProblem(answer, 415, 'unsupported_file_type');
          continue;
        }
        const file = await s.db('organizations as o').join('files as f', 'f.id', 'o.logo_file_id').where('o.slug', 'immopro').first('f.mime', 'f.bytes');
        assert.equal(file.mime, 'image/svg+xml');
        assert.doesNotMatch(Buffer.from(file.bytes).toString('utf8'), forbiddenInLogo, `${via}: stored`);
        const served = await fetch(answer.body.logoUrl);
        assert.equal(served.status, 200);
        assert.equal(served.headers.get('content-type'), 'image/svg+xml');
        assert.equal(served.headers.get('content-security-policy'), svgLogoPolicy);
        assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
        const body = await served.text();
        assert.doesNotMatch(body, forbiddenInLogo, `${via}: served`);
        assert.match(body, /^<svg[\s>]/);
        // The export carries the sanitized file, never the original.
        const logo = (await call(s.url, '/admin/theme/export', { token: pichler.token })).body.logo as string;
        assert.doesNotMatch(Buffer.from(logo.split(',')[1]!, 'base64').toString('utf8'), forbiddenInLogo);
      }
    });
  }

  test('a PNG logo is served as image/png with nosniff, whatever name or type the upload declared', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const answer = await uploadLogo(s, pichler.token, png, 'image/svg+xml', 'logo.svg');
    assert.equal(answer.status, 200, answer.text);
    const served = await fetch(answer.body.logoUrl);
    assert.equal(served.headers.get('content-type'), 'image/png');
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), png);
  });
});

/** PUT /admin/theme/logo with one file part `file`. */
async function uploadLogo(s: TestServer, token: string, bytes: Buffer, type = 'image/svg+xml', fileName = 'logo.svg'): Promise<Answer> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), fileName);
  const res = await fetch(`${s.url}/api/admin/theme/logo`, { method: 'PUT', body: form, headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : null };
}

