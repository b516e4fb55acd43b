import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, startServer, type TestServer } from './helpers.ts';
import { loginAs, managers } from './admin-fixture.ts';
import { embedViews } from '../src/embed/params.ts';
import { views } from '../../packages/shell/src/routes.ts';

// The iframe page /embed/portal (DESIGN §6 "Iframe mode"): its frame-ancestors follow the organization's allowed
// origins, it is never cached, bad input gives an HTML error page (never JSON, never a 500, nothing echoed), and every
// other page and the API keep frame-ancestors 'none'.

interface Page {
  status: number;
  headers: Headers;
  html: string;
}

/** The directives of a Content-Security-Policy header, by name. */
function csp(headers: Headers): Map<string, string> {
  const header = headers.get('content-security-policy') ?? '';
  return new Map(header.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d.slice(d.indexOf(' ') + 1)] as [string, string]));
}

const frameAncestors = (page: Pick<Page, 'headers'>): string | undefined => csp(page.headers).get('frame-ancestors');

describe('iframe page /embed/portal', () => {
  let s: TestServer;
  let pichlerToken: string;
  const immoproOrigins = ['https://www.immopro.example', 'https://immopro.example'];

  before(async () => {
    s = await startServer();
    pichlerToken = (await loginAs(s, managers.pichler)).token;
  });
  after(() => s.close());

  const page = async (query: string, init: RequestInit = {}): Promise<Page> => {
    const res = await fetch(`${s.url}/embed/portal${query}`, init);
    return { status: res.status, headers: res.headers, html: await res.text() };
  };
  const setOrigins = async (allowedOrigins: string[]) => {
    const answer = await call(s.url, '/admin/settings', { token: pichlerToken, method: 'PATCH', body: { allowedOrigins } });
    assert.equal(answer.status, 200, answer.text);
  };

  /** An HTML answer that nothing may store (the policy depends on the organization and may change at any time). */
  const assertHtmlNoStore = (p: Page, status: number) => {
    assert.equal(p.status, status, p.html);
    assert.match(p.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
    assert.equal(p.headers.get('cache-control'), 'no-store');
    assert.equal(p.headers.get('x-frame-options'), null, 'no X-Frame-Options on the iframe page');
  };

  test('an organization with allowed origins: the portal page, framable by exactly those origins', async () => {
    const p = await page('?org=immopro&lang=en&view=documents');
    assertHtmlNoStore(p, 200);
    assert.equal(frameAncestors(p), ["'self'", ...immoproOrigins].join(' '));
    const policy = csp(p.headers);
    assert.equal(policy.get('script-src'), "'self'", 'scripts from files only');
    assert.equal(policy.get('default-src'), "'self'");
    assert.match(p.html, /<html lang="en" data-hp-origins="http:\/\/(?:localhost|127\.0\.0\.1):\d+ https:\/\/www\.immopro\.example https:\/\/immopro\.example" data-hp-route="\/dokumente">/);
    assert.match(p.html, /<hp-portal api="\/api" org="immopro" lang="en"><\/hp-portal>/);
    // The frame script first, so it sets the first view's hash before the portal reads it.
    const scripts = [...p.html.matchAll(/<script type="module" src="([^"]+)"><\/script>/g)].map((m) => m[1]);
    assert.deepEqual(scripts, ['/dist/embed-frame.js', '/dist/hausportal.js']);
    assert.doesNotMatch(p.html, /<script(?![^>]*\ssrc=)[^>]*>/, 'no inline script');
  });

  test('lang and view have defaults: German and the overview', async () => {
    const p = await page('?org=krueger&utm_source=newsletter');
    assertHtmlNoStore(p, 200);
    assert.equal(frameAncestors(p), "'self' https://www.hv-krueger.example");
    assert.match(p.html, /<html lang="de" data-hp-origins="http:\/\/(?:localhost|127\.0\.0\.1):\d+ https:\/\/www\.hv-krueger\.example">/, 'the overview needs no hash');
    assert.doesNotMatch(p.html, /newsletter/);
  });

  test('every view of the portal can be asked for, under the hash slug the portal writes', async () => {
    assert.deepEqual(Object.entries(embedViews), views.map((v) => [v.name, v.slug]), 'server/src/embed/params.ts follows packages/shell/src/routes.ts');
    for (const [view, slug] of Object.entries(embedViews)) {
      const p = await page(`?org=immopro&view=${view}`);
      assert.equal(p.status, 200, view);
      assert.equal(/data-hp-route="([^"]*)"/.exec(p.html)?.[1], view === 'overview' ? undefined : `/${slug}`, view);
    }
  });

  test('an unknown organization: a 404 page in HTML that no site may frame', async () => {
    const p = await page('?org=nobody&lang=en');
    assertHtmlNoStore(p, 404);
    assert.equal(frameAncestors(p), "'none'");
    assert.match(p.html, /<h1>Portal not found<\/h1>/);
    assert.match(p.html, /<h1>Portal nicht gefunden<\/h1>/);
    assert.doesNotMatch(p.html, /nobody/, 'the unknown name is not echoed');
  });

  test('a missing or malformed parameter: a 400 page in HTML naming the parameter', async (t) => {
    const cases: Array<[string, string, RegExp]> = [
      ['no org', '', /parameter org \(the organization\) is missing/],
      ['empty org', '?org=', /parameter org \(the organization\) is missing/],
      ['org in capitals', '?org=ImmoPro', /parameter org is not an organization’s name/],
      ['org twice', '?org=immopro&org=krueger', /parameter org is not/],
      ['org as an object', '?org[a]=immopro', /parameter org \(the organization\) is missing/],
      ['lang fr', '?org=immopro&lang=fr', /parameter lang must be de or en/],
      ['lang twice', '?org=immopro&lang=de&lang=en', /parameter lang must be de or en/],
      ['view by its slug', '?org=immopro&view=dokumente', /parameter view must be one of overview, units, statement/],
      ['view of Object.prototype', '?org=immopro&view=constructor', /parameter view must be one of/],
      ['view twice', '?org=immopro&view=units&view=documents', /parameter view must be one of/],
    ];
    for (const [name, query, message] of cases) {
      await t.test(name, async () => {
        const p = await page(query);
        assertHtmlNoStore(p, 400);
        assert.match(p.html, message);
        assert.match(p.html, /<h1>Ungültige Adresse des Portals<\/h1>/);
      });
    }
  });

  test('an error page of a known organization may be framed by its origins, so the host page shows it', async () => {
    const p = await page('?org=immopro&view=nothing');
    assertHtmlNoStore(p, 400);
    assert.equal(frameAncestors(p), ["'self'", ...immoproOrigins].join(' '));
    assert.doesNotMatch(p.html, /<hp-portal/);
  });

  test('HTML injection in every parameter is refused or escaped, never echoed', async (t) => {
    const attack = '"><script>alert(1)</script><x y=\'';
    const encoded = encodeURIComponent(attack);
    for (const query of [`?org=${encoded}`, `?org=immopro&lang=${encoded}`, `?org=immopro&view=${encoded}`, `?org=immopro&${encoded}=${encoded}`, `?org=immopro%00`, `?org=immopro&view=units%0d%0aSet-Cookie:%20x=1`]) {
      await t.test(query, async () => {
        const p = await page(query);
        assert.ok(p.status === 200 || p.status === 400, `${p.status} ${p.html}`);
        assert.match(p.headers.get('content-type') ?? '', /^text\/html/);
        assert.ok(!p.html.includes('<script>alert'), 'the script is not in the page');
        assert.ok(!p.html.includes(attack), 'the value is not echoed');
        assert.equal(p.headers.get('set-cookie'), null);
      });
    }
  });

  test('stored origins are checked again: nothing written by hand reaches the header or the page unescaped', async () => {
    const forged = ["https://ok.example'; script-src *", 'https://a.example <script>', '*', 'https://good.example', 42];
    await s.db('organizations').where({ slug: 'krueger' }).update({ allowed_origins: JSON.stringify(forged) });
    const p = await page('?org=krueger');
    assertHtmlNoStore(p, 200);
    assert.equal(frameAncestors(p), "'self' https://good.example");
    assert.equal(csp(p.headers).get('script-src'), "'self'");
    assert.match(p.html, /data-hp-origins="http:\/\/(?:localhost|127\.0\.0\.1):\d+ https:\/\/good\.example"/);
  });

  test('a change of the allowed origins holds from the next request on', async () => {
    await setOrigins(['http://localhost:4173', 'https://www.immopro.example']);
    assert.equal(frameAncestors(await page('?org=immopro')), "'self' http://localhost:4173 https://www.immopro.example");
    await setOrigins([]);
    const none = await page('?org=immopro');
    assert.equal(none.status, 200);
    assert.equal(frameAncestors(none), "'self'", 'only the portal server\'s own pages');
    assert.match(none.html, new RegExp(`data-hp-origins="${s.url.replace(/\/$/, '').replace(/[.]/g, '\\.')}"`));
    await setOrigins(immoproOrigins);
    assert.equal(frameAncestors(await page('?org=immopro')), ["'self'", ...immoproOrigins].join(' '));
  });

  test("every other page, the bundle, the API and the iframe page's neighbours keep frame-ancestors 'none' and DENY", async () => {
    const answers: Array<[string, Response]> = [];
    for (const path of ['/', '/portal.html', '/cms/wordpress.html', '/embed', '/embed/portal.html', '/embed/other?org=immopro', '/api/health', '/api/organizations/immopro/public', '/api/nothing'])
      answers.push([path, await fetch(`${s.url}${path}`)]);
    answers.push(['POST /embed/portal', await fetch(`${s.url}/embed/portal?org=immopro`, { method: 'POST' })]);
    for (const [what, res] of answers) {
      assert.equal(frameAncestors(res), "'none'", what);
      assert.equal(res.headers.get('x-frame-options'), 'DENY', what);
      await res.body?.cancel();
    }
  });

  test('HEAD answers like GET, without a body', async () => {
    const res = await fetch(`${s.url}/embed/portal?org=immopro`, { method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.equal(frameAncestors(res), ["'self'", ...immoproOrigins].join(' '));
  });
});
