// The manager and tenant API as the end-to-end tests call it next to the browser: sign in, JSON and raw calls with the
// page's origin, and waiting for a condition (never a fixed time).
import assert from 'node:assert/strict';
import type { DemoLogin } from './server.ts';

/** Signs in through the API as a browser on the server's own page would; returns the access token. */
export async function apiLogin(baseUrl: string, user: DemoLogin): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ organization: user.organization, username: user.username, password: user.password }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** `path` under /api with the token and the page's origin; a string body is sent as JSON. Fails the test on an error answer. */
export async function apiCall(baseUrl: string, token: string, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  headers.set('origin', baseUrl);
  if (typeof init.body === 'string') headers.set('content-type', 'application/json');
  const res = await fetch(`${baseUrl}/api${path}`, { ...init, headers });
  assert.ok(res.ok, `${init.method ?? 'GET'} ${path} → ${res.status} ${await res.clone().text()}`);
  return res;
}

/** {@link apiCall}, answered JSON (null for an empty body). */
export async function apiJson<T>(baseUrl: string, token: string, path: string, init: RequestInit = {}): Promise<T> {
  const text = await (await apiCall(baseUrl, token, path, init)).text();
  return (text ? JSON.parse(text) : null) as T;
}

/** Polls `probe` until it gives a value (a condition, never a fixed wait); fails after `seconds`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, seconds = 60): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    assert.ok(Date.now() < deadline, `still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The mails the outbox holds for `to` (outside production: GET /api/dev/outbox). */
export async function outbox(baseUrl: string, to: string): Promise<{ subject: string; text: string }[]> {
  return ((await (await fetch(`${baseUrl}/api/dev/outbox?to=${encodeURIComponent(to)}`)).json()) as { items: { subject: string; text: string }[] }).items;
}
