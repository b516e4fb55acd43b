import { expect } from '@open-wc/testing';
import { OriginNotAllowedError, createApiClient, isOriginNotAllowed, originAdvice } from '../src/index.js';

let page = 0;

/**
 * A transport of a browser whose page the API does not admit: every request fails as CORS failures do (TypeError),
 * while the no-cors probe of /health resolves when `serverUp`. Records what was asked.
 */
function refusing(serverUp: boolean) {
  const asked: { url: string; mode?: RequestMode }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    asked.push({ url, mode: init?.mode ?? (input instanceof Request ? input.mode : undefined) });
    if (serverUp && init?.mode === 'no-cors' && url.endsWith('/health')) return new Response(null, { status: 200 });
    throw new TypeError('Failed to fetch');
  };
  return { fetch, asked, probes: () => asked.filter((a) => a.mode === 'no-cors').length };
}

async function withConsoleErrors(run: (errors: string[]) => Promise<void>): Promise<void> {
  const original = console.error;
  const errors: string[] = [];
  console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));
  try {
    await run(errors);
  } finally {
    console.error = original;
  }
}

describe('an API that does not admit this page\'s origin', () => {
  it('rejects with OriginNotAllowedError when the server answers a no-cors probe, and tells the console once', async () => {
    const baseUrl = `https://portal-${++page}.example.test/api`;
    const transport = refusing(true);
    const client = createApiClient({ baseUrl, organization: 'immopro', fetch: transport.fetch, shareAcrossTabs: false });
    await withConsoleErrors(async (errors) => {
      const error = await client.GET('/health').catch((e: unknown) => e);
      expect(error).to.be.instanceOf(OriginNotAllowedError);
      expect(isOriginNotAllowed(error)).to.equal(true);
      expect((error as OriginNotAllowedError).origin).to.equal(location.origin);
      expect((error as OriginNotAllowedError).api).to.equal(baseUrl);
      expect((error as OriginNotAllowedError).cause).to.be.instanceOf(TypeError);
      const login = await client.login('mara', 'secret').catch((e: unknown) => e);
      expect(isOriginNotAllowed(login)).to.equal(true);
      expect(errors, 'explained once per page, API and origin').to.have.length(1);
      expect(errors[0]).to.contain(`this page's origin ${location.origin}`);
      expect(errors[0]).to.contain(`HP_DEV_ORIGINS=${location.origin}`);
      expect(errors[0]).to.contain("organization's allowed origins");
    });
    expect(transport.asked.filter((a) => a.mode === 'no-cors').map((a) => a.url)).to.deep.equal([`${baseUrl}/health`, `${baseUrl}/health`]);
  });

  it('restore still resolves to null (no session) instead of throwing', async () => {
    const transport = refusing(true);
    const client = createApiClient({ baseUrl: `https://portal-${++page}.example.test/api`, organization: 'immopro', fetch: transport.fetch, shareAcrossTabs: false });
    await withConsoleErrors(async () => {
      expect(await client.restore()).to.equal(null);
    });
  });

  it('keeps the TypeError when the server does not answer the probe either (offline, server down)', async () => {
    const transport = refusing(false);
    const client = createApiClient({ baseUrl: `https://portal-${++page}.example.test/api`, organization: 'immopro', fetch: transport.fetch, shareAcrossTabs: false });
    const error = await client.GET('/health').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(TypeError);
    expect(transport.probes()).to.equal(1);
  });

  it('never probes for an API on the page\'s own origin (no CORS there)', async () => {
    const transport = refusing(true);
    const client = createApiClient({ baseUrl: '/api', organization: 'immopro', fetch: transport.fetch, shareAcrossTabs: false });
    const error = await client.GET('/health').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(TypeError);
    expect(transport.probes()).to.equal(0);
  });

  it('lets requests that fail together share one probe', async () => {
    const transport = refusing(true);
    const client = createApiClient({ baseUrl: `https://portal-${++page}.example.test/api`, organization: 'immopro', fetch: transport.fetch, shareAcrossTabs: false });
    await withConsoleErrors(async () => {
      const errors = await Promise.all([client.GET('/health'), client.GET('/me'), client.GET('/units')].map((p) => p.catch((e: unknown) => e)));
      expect(errors.every(isOriginNotAllowed)).to.equal(true);
    });
    expect(transport.probes()).to.equal(1);
  });

  it('points out that localhost and 127.0.0.1 are different origins', () => {
    expect(originAdvice('http://127.0.0.1:8080', 'http://localhost:8080/api')).to.contain('localhost and 127.0.0.1 are not the same');
    expect(originAdvice('https://www.hv.example', 'https://portal.hv.example/api')).not.to.contain('127.0.0.1');
  });
});
