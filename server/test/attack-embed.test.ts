// Attacks on the embedding surface of the server (issue 15): the iframe page /embed/portal (every query parameter,
// stored allowed origins, the Host header, its CSP and caching) and the cross-site session endpoints
// GET /auth/session-cookie, POST /auth/session-token, POST /auth/refresh with a body token and POST /auth/logout.
// Each finding of the attack is a test of the safe behaviour.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { refreshGraceSeconds } from '../src/auth/sessions.ts';
import { call, demo, expectProblem, jwtPayload, login, refreshCookieOf, startServer, type Answer, type CallOptions, type TestServer } from './helpers.ts';
import { loginAs, managers } from './admin-fixture.ts';

const immoproOrigins = ['https://www.immopro.example', 'https://immopro.example'];
const krueger = 'https://www.hv-krueger.example';
const foreign = 'https://evil.example';
const fromKrueger = { origin: krueger, 'sec-fetch-site': 'cross-site' };

interface Page {
  status: number;
  headers: Headers;
  html: string;
}

/** The directives of a Content-Security-Policy header, by name (a directive given twice keeps both values). */
function directives(header: string): Array<[string, string]> {
  return header
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => [d.split(/\s+/)[0]!.toLowerCase(), d.slice(d.split(/\s+/)[0]!.length).trim()]);
}

/** A source of frame-ancestors that is an exact origin or 'self'/'none': never a wildcard, a scheme or a keyword more. */
const exactSource = (source: string): boolean => source === "'self'" || source === "'none'" || (/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/.test(source) && new URL(source).origin === source);

/**
 * What every answer of /embed/portal must be, whatever the request: HTML (never a 500, never JSON), not stored, one
 * CSP header whose directives are exactly the page's (none added, none twice), whose frame-ancestors lists exact
 * origins only, and no cookie.
 */
function assertSafePage(p: Page, what: string): void {
  assert.ok([200, 400, 404].includes(p.status), `${what}: ${p.status} ${p.html.slice(0, 300)}`);
  assert.match(p.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/, what);
  assert.equal(p.headers.get('cache-control'), 'no-store', what);
  assert.equal(p.headers.get('set-cookie'), null, what);
  const header = p.headers.get('content-security-policy') ?? '';
  assert.ok(!header.includes(','), `${what}: one CSP header, no list: ${header}`);
  const names = directives(header).map(([n]) => n);
  assert.deepEqual(names, ['default-src', 'script-src', 'style-src', 'img-src', 'font-src', 'connect-src', 'object-src', 'base-uri', 'form-action', 'frame-ancestors'], `${what}: ${header}`);
  const ancestors = directives(header).find(([n]) => n === 'frame-ancestors')![1].split(/\s+/);
  for (const source of ancestors) assert.ok(exactSource(source), `${what}: frame-ancestors source ${source}`);
  assert.equal(directives(header).find(([n]) => n === 'script-src')![1], "'self'", what);
  // The page itself: the only scripts are the two files; no inline script, no event handler attribute.
  assert.doesNotMatch(p.html, /<script(?![^>]*\ssrc="\/dist\/(?:embed-frame|hausportal)\.js")[^>]*>/i, `${what}: a script that is not the page's`);
  assert.doesNotMatch(p.html, /\son[a-z]+\s*=/i, `${what}: an event handler attribute`);
}

/** The `data-hp-origins` list of the iframe page (the origins its frame script may talk to). */
const pageOrigins = (html: string): string[] => (/data-hp-origins="([^"]*)"/.exec(html)?.[1] ?? '').split(' ').filter(Boolean);

describe('/embed/portal under attack', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.close());

  const page = async (query: string, init: RequestInit = {}, base = s.url): Promise<Page> => {
    const res = await fetch(`${base}/embed/portal${query}`, init);
    return { status: res.status, headers: res.headers, html: await res.text() };
  };
  const storeOrigins = (slug: string, value: string) => s.db('organizations').where({ slug }).update({ allowed_origins: value });

  test('every parameter with injection, unicode, arrays, duplicates and huge values: an HTML page, nothing echoed', async (t) => {
    const marker = 'x7q';
    const attacks = [
      `"${marker}><script>alert(1)</script>`,
      `'${marker} onerror=alert(1) '`,
      `${marker}%22%3E%3Cimg%20src%3Dx%3E`,
      `${marker}&#34;&gt;&lt;b&gt;`,
      `${marker}\u202e\u0000\u2028`,
      `immopro${marker}\u{1F3E0}`,
      `${marker}; frame-ancestors *`,
      `${marker}${'a'.repeat(3000)}`,
    ];
    const queries: string[] = [];
    for (const attack of attacks) {
      const v = encodeURIComponent(attack);
      queries.push(`?org=${v}`, `?org=immopro&lang=${v}`, `?org=immopro&view=${v}`, `?org=immopro&${v}=${v}`, `?org=${v}&view=${v}&lang=${v}`);
    }
    queries.push(
      `?org[]=immopro&x=${marker}`,
      `?org[0]=immopro&x=${marker}`,
      `?org[a][b]=immopro&x=${marker}`,
      `?org=immopro&lang[]=en&x=${marker}`,
      `?org=immopro&view[]=units&x=${marker}`,
      `?org=immopro&org=immopro&x=${marker}`,
      `?org=immopro&org=&x=${marker}`,
      `?org=immopro&view=__proto__&x=${marker}`,
      `?org=immopro&view=hasOwnProperty&x=${marker}`,
      `?org=immopro&view=toString&x=${marker}`,
      `?org=__proto__&x=${marker}`,
      `?__proto__[org]=immopro&x=${marker}`,
      `?org=%ff%fe${marker}`,
      `?org=immopro%0d%0aX-Injected:%20${marker}`,
      `?org=immopro&lang=en%00${marker}`,
      `?org=imm%C3%B6pro${marker}`,
      `?org=IMMOPRO&x=${marker}`,
      `?org=immopro%20&x=${marker}`,
      `?org=${'a'.repeat(63)}&x=${marker}`,
      `?org=${'a'.repeat(64)}&x=${marker}`,
      `?org=immopro&${'p'.repeat(2000)}=${marker}`,
      `?org=immopro&` + Array.from({ length: 1500 }, (_, i) => `k${i}=${marker}`).join('&'),
    );
    for (const query of queries) {
      await t.test(query.slice(0, 80), async () => {
        const p = await page(query);
        assertSafePage(p, query.slice(0, 80));
        assert.ok(!p.html.includes(marker), `${query.slice(0, 80)}: the value is echoed`);
        assert.equal(p.headers.get('x-injected'), null);
      });
    }
  });

  test('a query too long for the server is refused by Node before the route (431), never a 500', async () => {
    const res = await fetch(`${s.url}/embed/portal?org=immopro&x=${'a'.repeat(70_000)}`);
    await res.body?.cancel();
    assert.equal(res.status, 431);
  });

  test('the path in other spellings (case, trailing slash, encoded) gives the same page and policy, never a wider one', async () => {
    const reference = await page('?org=immopro');
    assertSafePage(reference, 'reference');
    for (const path of ['/Embed/Portal', '/embed/portal/', '/embed/%70ortal', '/embed//portal', '/embed/portal;x=1', '/embed/portal%2f']) {
      const res = await fetch(`${s.url}${path}?org=immopro`);
      const p = { status: res.status, headers: res.headers, html: await res.text() };
      const ancestors = directives(p.headers.get('content-security-policy') ?? '').find(([n]) => n === 'frame-ancestors')?.[1];
      if (p.status === 200 && /<hp-portal/.test(p.html)) {
        assertSafePage(p, path);
        assert.equal(ancestors, directives(reference.headers.get('content-security-policy')!).find(([n]) => n === 'frame-ancestors')![1], path);
      } else {
        assert.equal(ancestors, "'none'", `${path}: ${p.status}`);
        assert.equal(p.headers.get('x-frame-options'), 'DENY', path);
      }
    }
  });

  test('a forged Host header never reaches the CSP; a non-local http host is left out of the page', async () => {
    // fetch() does not let a caller set Host; node:http does.
    const { request } = await import('node:http');
    const get = (host: string, extra: Record<string, string> = {}, base = s.url) =>
      new Promise<Page>((resolve, reject) => {
        const u = new URL(`${base}/embed/portal?org=immopro`);
        const req = request({ host: u.hostname, port: u.port, path: u.pathname + u.search, headers: { host, ...extra } }, (res) => {
          let html = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (html += c));
          res.on('end', () => {
            const headers = new Headers();
            for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
            resolve({ status: res.statusCode!, headers, html });
          });
        });
        req.on('error', reject);
        req.end();
      });
    for (const host of ['evil.example', 'evil.example:443', 'www.immopro.example', 'localhost:1"><script>alert(1)</script>', "localhost:1' *", 'a.example;sandbox', '[::1]:80']) {
      const p = await get(host);
      assertSafePage(p, host);
      const ancestors = directives(p.headers.get('content-security-policy')!).find(([n]) => n === 'frame-ancestors')![1];
      assert.equal(ancestors, ["'self'", ...immoproOrigins].join(' '), `${host}: the CSP does not follow the Host header`);
      for (const origin of pageOrigins(p.html)) assert.ok(origin.startsWith('http://localhost') || origin.startsWith('http://127.0.0.1') || immoproOrigins.includes(origin), `${host}: ${origin}`);
      assert.ok(!p.html.includes('evil.example'), host);
    }
    // Behind a proxy (trust proxy) the request's own scheme may be https: the forged host then is an https origin the
    // frame would answer. It never reaches frame-ancestors, and the page is never stored, so only the forger sees it.
    const proxied = await s.startSibling({ trustProxy: true });
    try {
      const p = await get('evil.example', { 'x-forwarded-proto': 'https' }, proxied.url);
      assertSafePage(p, 'behind a proxy');
      assert.ok(pageOrigins(p.html).includes('https://evil.example'), 'the forged Host is the frame\'s own origin in data-hp-origins');
      assert.equal(directives(p.headers.get('content-security-policy')!).find(([n]) => n === 'frame-ancestors')![1], ["'self'", ...immoproOrigins].join(' '));
    } finally {
      await proxied.close();
    }
    // With HP_PUBLIC_URL the page's own origin is that, whatever the Host.
    const pinned = await s.startSibling({ publicUrl: 'https://portal.immopro.example' });
    try {
      const p = await get('evil.example', {}, pinned.url);
      assert.deepEqual(pageOrigins(p.html), ['https://portal.immopro.example', ...immoproOrigins]);
    } finally {
      await pinned.close();
    }
  });

  test('stored origins written by hand with quotes or brackets in the host: no 500, no directive added, left out of the page', async () => {
    const odd = ["https://a'b.example", 'https://a(b).example', 'https://a"b.example', 'https://a`b.example', 'https://a{b}.example'];
    await storeOrigins('krueger', JSON.stringify([...odd, 'https://good.example']));
    try {
      const p = await page('?org=krueger');
      assert.equal(p.status, 200, p.html);
      const header = p.headers.get('content-security-policy')!;
      assert.equal(directives(header).length, 10, header);
      assert.equal(directives(header).find(([n]) => n === 'script-src')![1], "'self'");
      assert.doesNotMatch(p.html, /data-hp-origins="[^"]*'/, 'quotes are escaped in the attribute');
      assert.doesNotMatch(p.html, /a&#39;b|a\(b\)|a&quot;b|a`b|a\{b\}/, 'an origin that is no host name is left out');
      assert.match(p.html, /data-hp-origins="[^"]*https:\/\/good\.example"/);
    } finally {
      await storeOrigins('krueger', JSON.stringify([krueger]));
    }
  });

  test("stored origins with ';', ',', quotes or '_' in the host are left out of frame-ancestors: no 500", async () => {
    for (const bad of ['https://a.example;sandbox', 'https://a.example,b', "https://a'b.example", 'https://a"b.example', 'https://a_b.example']) {
      await storeOrigins('krueger', JSON.stringify([bad, 'https://good.example']));
      try {
        const p = await page('?org=krueger');
        assert.equal(p.status, 200, `${bad}: ${p.status} ${p.html.slice(0, 200)}`);
        assertSafePage(p, bad);
        assert.equal(directives(p.headers.get('content-security-policy')!).find(([n]) => n === 'frame-ancestors')![1], "'self' https://good.example", bad);
      } finally {
        await storeOrigins('krueger', JSON.stringify([krueger]));
      }
    }
  });

  test('stored allowed_origins that is JSON but not a list counts as none: no 500', async () => {
    for (const value of [JSON.stringify('https://good.example'), JSON.stringify({ a: 'https://good.example' }), '42']) {
      await storeOrigins('krueger', value);
      try {
        const p = await page('?org=krueger');
        assert.equal(p.status, 200, `${value}: ${p.status} ${p.html.slice(0, 200)}`);
        assertSafePage(p, value);
      } finally {
        await storeOrigins('krueger', JSON.stringify([krueger]));
      }
    }
  });

  test('the API refuses what only a hand-written row could hold: a patch with such origins is 400 with the field', async () => {
    const manager = await loginAs(s, managers.pichler);
    for (const origin of ['https://a.example;sandbox', 'https://a.example,b', "https://a'b.example", 'https://*.example', 'https://a.example/', 'http://evil.example', 'null', 'https://a.example:0']) {
      const answer = await call(s.url, '/admin/settings', { token: manager.token, method: 'PATCH', body: { allowedOrigins: [origin] } });
      expectProblem(answer, 400);
      assert.match(answer.text, /allowedOrigins\/0/, origin);
    }
    const p = await page('?org=immopro');
    assert.equal(directives(p.headers.get('content-security-policy')!).find(([n]) => n === 'frame-ancestors')![1], ["'self'", ...immoproOrigins].join(' '));
  });

  test('only GET and HEAD serve the page; other methods get the pages\' policy (frame-ancestors \'none\')', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const res = await fetch(`${s.url}/embed/portal?org=immopro`, { method, headers: { origin: foreign } });
      const html = await res.text();
      assert.notEqual(res.status, 500, method);
      assert.ok(!/<hp-portal/.test(html), method);
      assert.equal(res.headers.get('access-control-allow-origin'), null, method);
    }
  });
});

describe('cross-site session endpoints under attack', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.close());

  /** `path` as Krüger's homepage sends it (its Origin, cross-site), with `options` on top. */
  const fromPage = (path: string, options: CallOptions) => call(s.url, path, { ...options, headers: { ...fromKrueger, ...options.headers } });
  const handOut = (token: string | undefined, options: CallOptions = {}) => fromPage('/auth/session-token', { body: {}, token, ...options });
  const refreshWith = (body: Record<string, unknown>, options: CallOptions = {}) => fromPage('/auth/refresh', { body, ...options });
  const me = (token: string) => call(s.url, '/me', { token });
  const becker = () => login(s.url, demo.becker.username, demo.becker.password, 'krueger');
  const noSecretIn = (answer: Answer, ...secrets: string[]) => {
    for (const secret of secrets) {
      assert.ok(!answer.text.includes(secret), 'not in the body');
      for (const [, value] of answer.headers) assert.ok(!value.includes(secret), 'not in a header');
    }
  };

  test('GET /auth/session-cookie: foreign, "null" and another organization-less origin get 403 and no CORS; nothing else is told', async () => {
    const session = await becker();
    for (const origin of [foreign, 'null', `${krueger}.evil.example`, krueger.toUpperCase(), `${krueger}:443`, 'https://hv-krueger.example']) {
      const answer = await call(s.url, '/auth/session-cookie', { cookie: session.cookie, headers: { origin, 'sec-fetch-site': 'cross-site' } });
      expectProblem(answer, 403, 'origin_not_allowed');
      assert.equal(answer.headers.get('access-control-allow-origin'), null, origin);
      noSecretIn(answer, session.cookie);
    }
    const allowed = await call(s.url, '/auth/session-cookie', { cookie: session.cookie, token: session.token, headers: fromKrueger });
    assert.deepEqual(allowed.body, { present: true });
    noSecretIn(allowed, session.cookie, session.token);
  });

  test('POST /auth/session-token: concurrent requests for one session hand out exactly one token', async () => {
    const session = await becker();
    const answers = await Promise.all(Array.from({ length: 6 }, () => handOut(session.token)));
    const ok = answers.filter((a) => a.status === 200);
    assert.equal(ok.length, 1, answers.map((a) => `${a.status} ${a.body?.code ?? ''}`).join(', '));
    for (const a of answers.filter((x) => x.status !== 200)) {
      expectProblem(a, 409);
      assert.ok(['session_token_issued', 'refresh_in_progress'].includes(a.body.code), a.body.code);
    }
  });

  test('POST /auth/session-token: after logout, with an expired access token, with someone else\'s cookie', async () => {
    const session = await becker();
    assert.equal((await call(s.url, '/auth/logout', { body: {}, cookie: session.cookie, headers: fromKrueger })).status, 204);
    expectProblem(await handOut(session.token), 401);

    const other = await becker();
    const huber = await login(s.url, demo.huber.username, demo.huber.password, 'immopro');
    expectProblem(await handOut(other.token, { cookie: huber.cookie }), 409, 'cookie_present');
    expectProblem(await handOut(other.token, { headers: { cookie: '__Host-hp_rt=' } }), 409, 'cookie_present');

    const late = await becker();
    s.clock.advance(3600);
    try {
      expectProblem(await handOut(late.token), 401);
    } finally {
      s.clock.advance(-3600);
    }
    // A token in the JSON body is no access token.
    const inBody = await call(s.url, '/auth/session-token', { body: { accessToken: late.token }, headers: fromKrueger });
    assert.ok(inBody.status === 400 || inBody.status === 401, inBody.text);
    // The access token in the query is none either.
    const res = await fetch(`${s.url}/api/auth/session-token?access_token=${late.token}`, { method: 'POST', headers: { 'content-type': 'application/json', ...fromKrueger }, body: '{}' });
    assert.ok(res.status === 400 || res.status === 401, await res.text());
  });

  test('POST /auth/session-token gives no token to a session whose cookie demonstrably works, nor long after its sign-in', async () => {
    const session = await becker();
    // The browser kept the cookie: the session was refreshed with it.
    const refreshed = await call(s.url, '/auth/refresh', { body: {}, cookie: session.cookie, headers: fromKrueger });
    assert.equal(refreshed.status, 200, refreshed.text);
    const cookie = refreshCookieOf(refreshed)!;
    // A script of the page (cross-site scripting on the host page) has the access token, and asks without credentials.
    const stolen = await handOut(refreshed.body.accessToken);
    assert.notEqual(stolen.status, 200, 'a family whose cookie came back must not be handed out to the page');
    // (What happens today: the token works from a server without Origin, and the cookie the browser holds is used up.)
    const fromServer = await call(s.url, '/auth/refresh', { body: { organization: 'krueger', refreshToken: stolen.body.refreshToken } });
    assert.notEqual(fromServer.status, 200);
    assert.equal((await call(s.url, '/auth/refresh', { body: {}, cookie, headers: fromKrueger })).status, 200, 'the browser\'s cookie still works');
  });

  test('POST /auth/refresh with a body token: malformed, huge, wrong types, other organizations', async () => {
    const session = await becker();
    const { refreshToken } = (await handOut(session.token)).body;
    for (const bad of [123, true, null, ['x'.repeat(43)], { token: refreshToken }, '', 'x'.repeat(201), 'ä'.repeat(43), `${refreshToken}\n`]) {
      const answer = await refreshWith({ organization: 'krueger', refreshToken: bad });
      assert.notEqual(answer.status, 500, JSON.stringify(bad));
      assert.notEqual(answer.status, 200, JSON.stringify(bad));
    }
    const huge = await call(s.url, '/auth/refresh', { raw: JSON.stringify({ organization: 'krueger', refreshToken: 'A'.repeat(200_000) }), headers: { 'content-type': 'application/json', ...fromKrueger } });
    expectProblem(huge, 413);
    // Prototype keys in the body change nothing.
    const proto = await call(s.url, '/auth/refresh', { raw: `{"organization":"krueger","__proto__":{"refreshToken":"${refreshToken}"}}`, headers: { 'content-type': 'application/json', ...fromKrueger } });
    assert.ok([204, 400].includes(proto.status), `${proto.status} ${proto.text}`);
    // Becker is no member of ImmoPro: his page token cannot move there.
    expectProblem(await refreshWith({ organization: 'immopro', refreshToken }, { headers: { origin: 'https://www.immopro.example', 'sec-fetch-site': 'cross-site' } }), 403, 'origin_not_allowed');
    expectProblem(await call(s.url, '/auth/refresh', { body: { organization: 'immopro', refreshToken } }), 401, 'not_a_member');
    expectProblem(await refreshWith({ organization: 'nobody', refreshToken }), 401);
    // The token still works for its own organization after these attempts.
    const ok = await refreshWith({ organization: 'krueger', refreshToken });
    assert.equal(ok.status, 200, ok.text);
  });

  test('a page token of a member of two organizations moves only as the origin rules allow, and keeps its absolute end', async () => {
    const lehner = await login(s.url, demo.lehner.username, demo.lehner.password, 'krueger');
    const handed = await handOut(lehner.token);
    assert.equal(handed.status, 200, handed.text);
    // From Krüger's page, ImmoPro (whose origins do not list Krüger's) refuses.
    expectProblem(await refreshWith({ organization: 'immopro', refreshToken: handed.body.refreshToken }), 403, 'origin_not_allowed');
    // From ImmoPro's page, Krüger (where the session comes from) refuses.
    expectProblem(
      await refreshWith({ organization: 'immopro', refreshToken: handed.body.refreshToken }, { headers: { origin: 'https://www.immopro.example' } }),
      403,
      'origin_not_allowed',
    );
    const moved = await call(s.url, '/auth/refresh', { body: { organization: 'immopro', refreshToken: handed.body.refreshToken } });
    assert.equal(moved.status, 200, moved.text);
    assert.equal(moved.body.refreshExpiresAt, handed.body.expiresAt, 'the 12 hours do not restart');
    assert.deepEqual(moved.headers.getSetCookie(), [], 'a body family never becomes a cookie');
  });

  test('the cookie wins over a body token, also a malformed cookie (the body token is then not used up)', async () => {
    const session = await becker();
    const { refreshToken } = (await handOut(session.token)).body;
    const answer = await refreshWith({ organization: 'krueger', refreshToken }, { headers: { cookie: '__Host-hp_rt=%3Cscript%3E' } });
    expectProblem(answer, 401, 'invalid_refresh_token');
    assert.deepEqual(answer.headers.getSetCookie(), []);
    const still = await refreshWith({ organization: 'krueger', refreshToken });
    assert.equal(still.status, 200, still.text);
  });

  test('logout: another person\'s body token from a foreign origin is refused; a form post is refused; a cookie family is not ended through the body', async () => {
    const victim = await becker();
    const { refreshToken } = (await handOut(victim.token)).body;
    expectProblem(await call(s.url, '/auth/logout', { body: { refreshToken }, headers: { origin: foreign, 'sec-fetch-site': 'cross-site' } }), 403, 'origin_not_allowed');
    expectProblem(await call(s.url, '/auth/logout', { raw: `refreshToken=${refreshToken}`, headers: { 'content-type': 'application/x-www-form-urlencoded', ...fromKrueger } }), 415);
    expectProblem(await call(s.url, '/auth/logout', { raw: JSON.stringify({ refreshToken }), headers: { 'content-type': 'text/plain', ...fromKrueger } }), 415);
    const ok = await refreshWith({ organization: 'krueger', refreshToken });
    assert.equal(ok.status, 200, 'the victim\'s page session lives on');
    // An attacker's own cookie next to the victim's body token: the cookie wins, the victim's family stays.
    const attacker = await login(s.url, demo.huber.username, demo.huber.password, 'immopro');
    assert.equal((await call(s.url, '/auth/logout', { body: { refreshToken: ok.body.refreshToken }, cookie: attacker.cookie })).status, 204);
    assert.equal((await refreshWith({ organization: 'krueger', refreshToken: ok.body.refreshToken })).status, 200);
    expectProblem(await call(s.url, '/auth/refresh', { body: {}, cookie: attacker.cookie }), 401);
  });

  test('a handed-out token replayed after its successor was used revokes the family; the sid in new access tokens stays', async () => {
    const session = await becker();
    const { refreshToken } = (await handOut(session.token)).body;
    const first = await refreshWith({ organization: 'krueger', refreshToken });
    const second = await refreshWith({ organization: 'krueger', refreshToken: first.body.refreshToken });
    assert.equal(jwtPayload(second.body.accessToken).sid, jwtPayload(session.token).sid);
    s.clock.advance(refreshGraceSeconds + 1);
    try {
      expectProblem(await refreshWith({ organization: 'krueger', refreshToken }), 401, 'refresh_token_reused');
      expectProblem(await refreshWith({ organization: 'krueger', refreshToken: second.body.refreshToken }), 401);
      expectProblem(await me(second.body.accessToken), 401);
    } finally {
      s.clock.advance(-(refreshGraceSeconds + 1));
    }
  });
});
