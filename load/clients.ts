// Signed-in HTTP clients for the load and fault tests: each holds its access token and its refresh cookie and rotates
// the cookie on every refresh, as a browser does, and every request it makes is recorded (kind, status, latency).
import type { Tenant } from './database.ts';

const cookieName = '__Host-hp_rt';

/** One request: its kind (e.g. `GET /units`), status (0: no answer at all) and latency in ms. */
export interface Sample {
  kind: string;
  status: number;
  ms: number;
}

/** What went wrong with a request, for the report. */
export interface Failure {
  client: string;
  kind: string;
  status: number;
  detail: string;
}

/** Every request of a run, and the first failures in detail. */
export class Recorder {
  readonly samples: Sample[] = [];
  readonly failures: Failure[] = [];
  failed = 0;
  /** Set while the server is down on purpose: a request without any answer is then expected, not a failure. */
  serverDown = false;

  add(sample: Sample, failure?: Omit<Failure, 'kind' | 'status'>): void {
    this.samples.push(sample);
    if (!failure || (sample.status === 0 && this.serverDown)) return;
    this.failed++;
    if (this.failures.length < 20) this.failures.push({ ...failure, kind: sample.kind, status: sample.status });
  }
}

/** The p-th percentile (0…100) of the numbers, nearest rank; 0 for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** One line per kind and a total: requests, failures, answers ≥ 500, p50 and p99 in ms. */
export function summary(samples: Sample[], kinds: string[]): string[] {
  const rows = kinds.map((kind) => [kind, samples.filter((s) => s.kind === kind)] as const);
  rows.push(['all', samples]);
  return rows.map(([kind, samples]) => {
    const ms = samples.map((s) => s.ms);
    const bad = samples.filter((s) => s.status < 200 || s.status >= 300).length;
    const server = samples.filter((s) => s.status >= 500).length;
    return `${kind.padEnd(22)} ${String(samples.length).padStart(7)} requests  ${String(bad).padStart(4)} failed  ${String(server).padStart(4)} ≥500  p50 ${fmt(percentile(ms, 50))}  p99 ${fmt(percentile(ms, 99))}`;
  });
}

const fmt = (ms: number): string => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`.padStart(8);

/** The refresh cookie a response leaves (`null` when it sets none, `''` when it clears it); the last line counts. */
function cookieOf(response: Response): string | null {
  let value: string | null = null;
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const eq = pair!.indexOf('=');
    if (pair!.slice(0, eq).trim() === cookieName) value = pair!.slice(eq + 1).trim();
  }
  return value;
}

/** The outcome of one request: its status (0 for no answer, e.g. the server was killed) and the parsed JSON body. */
export interface Answer {
  status: number;
  body: unknown;
  /** The refresh cookie the answer set, if any. */
  cookie: string | null;
  /** The Retry-After header, if any. */
  retryAfter: string | null;
  error?: string;
}

export class Client {
  accessToken = '';
  cookie = '';
  readonly name: string;

  constructor(
    readonly base: string,
    readonly tenant: Tenant,
    readonly recorder: Recorder,
  ) {
    this.name = tenant.username;
  }

  /** Sends one request and records it; never throws (no answer is status 0). */
  async send(kind: string, method: string, path: string, options: { body?: unknown; auth?: boolean; cookie?: string } = {}): Promise<Answer> {
    const headers: Record<string, string> = { origin: this.base };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.auth) headers.authorization = `Bearer ${this.accessToken}`;
    if (options.cookie) headers.cookie = `${cookieName}=${options.cookie}`;
    const started = performance.now();
    let answer: Answer;
    try {
      const response = await fetch(`${this.base}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: kept as text for the report
      }
      answer = { status: response.status, body, cookie: cookieOf(response), retryAfter: response.headers.get('retry-after') };
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      answer = { status: 0, body: null, cookie: null, retryAfter: null, error: cause?.code ?? cause?.message ?? String(error) };
    }
    const ok = answer.status >= 200 && answer.status < 300;
    const detail = answer.error ?? JSON.stringify(answer.body)?.slice(0, 300) ?? '';
    this.recorder.add({ kind, status: answer.status, ms: performance.now() - started }, ok ? undefined : { client: this.name, detail: `${method} ${path}: ${detail}` });
    return answer;
  }

  /** POST /api/auth/login with the tenant's name and password; keeps token and cookie. */
  async login(): Promise<Answer> {
    const { organization, username, password } = this.tenant;
    const answer = await this.send('POST /auth/login', 'POST', '/api/auth/login', { body: { organization, username, password } });
    this.accept(answer);
    return answer;
  }

  /**
   * POST /api/auth/refresh with `cookie` (by default the one held); on 200 the new token and cookie replace the held
   * ones, as the browser's cookie jar does.
   */
  async refresh(cookie = this.cookie): Promise<Answer> {
    const answer = await this.send('POST /auth/refresh', 'POST', '/api/auth/refresh', { body: {}, cookie });
    this.accept(answer);
    return answer;
  }

  private accept(answer: Answer): void {
    if (answer.status !== 200) return;
    this.accessToken = (answer.body as { accessToken: string }).accessToken;
    if (answer.cookie) this.cookie = answer.cookie;
  }

  get(kind: string, path: string): Promise<Answer> {
    return this.send(kind, 'GET', path, { auth: true });
  }

  /** PATCH /api/me with a new phone number (a profile edit). */
  setPhone(phone: string): Promise<Answer> {
    return this.send('PATCH /me', 'PATCH', '/api/me', { body: { phone }, auth: true });
  }
}

/** Runs `task` for every item, at most `parallel` at a time; rejects with the first error. */
async function eachLimited<T>(items: T[], parallel: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, lane));
}

/**
 * Signs the first `logins` clients in with their password and brings the others back with the refresh cookie of
 * their prepared session (a browser that signed in earlier, reloading). Logins run at most 8 at a time: the
 * failed-login limit counts every attempt per client address until its right password releases it
 * (server/src/auth/rate-limit.ts: 20 per address), so fewer than 20 in flight never meet it. Throws when one fails.
 */
export async function signInAll(clients: Client[], logins: number): Promise<void> {
  const check = (client: Client, what: string, answer: Answer) => {
    if (answer.status !== 200 || !client.cookie) throw new Error(`${what} of ${client.name} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  };
  await Promise.all([
    eachLimited(clients.slice(0, logins), 8, async (client) => check(client, 'login', await client.login())),
    eachLimited(clients.slice(logins), 16, async (client) => check(client, 'session restore', await client.refresh(client.tenant.refreshCookie))),
  ]);
}
