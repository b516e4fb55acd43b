// Load on the real server for the server and profile benches: the demo tenant's sign-in and autocannon runs.
import autocannon from 'autocannon';
import { demoLogins } from '../../e2e/server.ts';

/** The demo tenant with a unit at ImmoPro (Markus Lehner, Top W2), as published in examples/demo-logins.json. */
export function tenantLogin() {
  const login = demoLogins().find((l) => l.username.startsWith('markus.lehner') && l.role === 'tenant');
  if (!login) throw new Error('examples/demo-logins.json has no tenant login for Markus Lehner');
  return { organization: login.organization, username: login.username, password: login.password };
}

export interface Session {
  /** Bearer access token (valid for 5 minutes: sign in again before each endpoint). */
  token: string;
  /** The tenant's active unit, for /ledger and /open-items. */
  unit: string;
}

/** Signs the demo tenant in on the server at `baseUrl` and picks their active unit. */
export async function signIn(baseUrl: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: baseUrl }, body: JSON.stringify(tenantLogin()) });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const { accessToken } = (await res.json()) as { accessToken: string };
  const units = (await (await fetch(`${baseUrl}/api/units`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as { items: { id: string; active: boolean }[] };
  const unit = units.items.find((u) => u.active)?.id;
  if (!unit) throw new Error('the demo tenant has no unit');
  return { token: accessToken, unit };
}

export interface Load {
  /** Mean requests per second over the run. */
  rps: number;
  /** Latency percentiles in whole milliseconds (autocannon's resolution). */
  p50: number;
  p99: number;
  /** Non-2xx answers, connection errors and timeouts. */
  failed: number;
}

export interface LoadOptions {
  token?: string;
  connections?: number;
  /** Duration in seconds; or `amount` requests in total instead (a warm-up). */
  seconds?: number;
  amount?: number;
}

/** autocannon against `url` (32 connections unless told otherwise). */
export async function load(url: string, options: LoadOptions): Promise<Load> {
  const result = await autocannon({
    url,
    connections: options.connections ?? 32,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failed: result.non2xx + result.errors + result.timeouts };
}
