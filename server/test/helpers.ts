import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { createApp } from '../src/app.ts';
import { loadConfig, type Config, type NodeEnv } from '../src/config.ts';
import { isPostgresUrl, migrate, openDb, type Db } from '../src/db.ts';
import { seedDemo } from '../src/seed/demo.ts';

/** A clock the test can move forward instead of sleeping. */
export class TestClock {
  offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
  /** Moves the clock to an instant (ISO 8601), from where it runs on. */
  set(instant: string): void {
    this.offsetMs = Date.parse(instant) - Date.now();
  }
}

export interface TestDatabase {
  db: Db;
  url: string;
  schema?: string;
  drop(): Promise<void>;
}

/**
 * A fresh database: a new SQLite file in a temp folder, or — when HP_DATABASE_URL is a postgres:// URL —
 * a new schema in that database, dropped again at the end.
 */
export async function freshDatabase(): Promise<TestDatabase> {
  const url = process.env.HP_DATABASE_URL ?? '';
  if (isPostgresUrl(url)) {
    const schema = `hp_test_${randomBytes(6).toString('hex')}`;
    const admin = openDb(url);
    await admin.raw('create schema ??', [schema]);
    await admin.destroy();
    const db = openDb(url, { schema });
    await migrate(db, schema);
    return {
      db,
      url,
      schema,
      async drop() {
        await db.raw('drop schema ?? cascade', [schema]);
        await db.destroy();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'hausportal-test-'));
  const file = join(dir, 'test.sqlite');
  const db = openDb(file);
  await migrate(db);
  return {
    db,
    url: file,
    async drop() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestServer {
  url: string;
  db: Db;
  clock: TestClock;
  config: Config;
  /** Starts another server (e.g. with NODE_ENV=production) on the same database. */
  startSibling(env: Partial<Config>): Promise<{ url: string; close(): Promise<void> }>;
  /**
   * Another server on the same database with its own connections and caches, like a second machine behind the load
   * balancer: it learns of writes through the first one only from the database.
   */
  startOtherMachine(): Promise<{ url: string; db: Db; close(): Promise<void> }>;
  close(): Promise<void>;
}

async function listen(config: Config, db: Db, clock: TestClock): Promise<{ url: string; server: Server }> {
  const app = createApp({ config, db, clock: clock.now, log: () => {} });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** A real server on an ephemeral port, over a fresh database with the demo seed; `at` starts its clock at that instant. */
export async function startServer(options: { env?: NodeEnv; devOrigins?: string[]; seed?: boolean; at?: string } = {}): Promise<TestServer> {
  const database = await freshDatabase();
  const clock = new TestClock();
  if (options.at) clock.set(options.at);
  if (options.seed !== false) await seedDemo(database.db, clock.now);
  const config: Config = {
    ...loadConfig({ NODE_ENV: options.env ?? 'test', HP_DATABASE_URL: database.url }),
    devOrigins: options.devOrigins ?? ['http://localhost:5173'],
  };
  const { url, server } = await listen(config, database.db, clock);
  const siblings: Server[] = [];
  return {
    url,
    db: database.db,
    clock,
    config,
    async startSibling(env) {
      const s = await listen({ ...config, ...env }, database.db, clock);
      siblings.push(s.server);
      return { url: s.url, close: () => closeServer(s.server) };
    },
    async startOtherMachine() {
      const db = openDb(database.url, { schema: database.schema });
      const s = await listen(config, db, clock);
      return { url: s.url, db, close: () => closeServer(s.server).then(() => db.destroy()) };
    },
    async close() {
      await Promise.all([closeServer(server), ...siblings.map(closeServer)]);
      await database.drop();
    },
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  /** Sent verbatim (for malformed bodies). */
  raw?: string;
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

export async function call(base: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = `__Host-hp_rt=${options.cookie}`;
  const res = await fetch(`${base}/api${path}`, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

/**
 * The refresh token a Set-Cookie answer leaves, or undefined: the last `__Host-hp_rt` line counts, as in the browser
 * (RFC 6265 §5.3; a new token follows the removal of the other cookie mode's cookie, auth/cookies.ts).
 */
export function refreshCookieOf(answer: Answer): string | undefined {
  return /^__Host-hp_rt=([^;]*)/.exec(setCookieLine(answer))?.[1];
}

/** The last Set-Cookie line for the refresh cookie ('' when there is none). */
export function setCookieLine(answer: Answer): string {
  return answer.headers.getSetCookie().findLast((l) => l.startsWith('__Host-hp_rt=')) ?? '';
}

export interface Session {
  token: string;
  cookie: string;
  user: any;
}

export async function login(base: string, username: string, password: string, organization: string): Promise<Session> {
  const answer = await call(base, '/auth/login', { body: { organization, username, password } });
  if (answer.status !== 200) throw new Error(`login ${username}@${organization}: ${answer.status} ${answer.text}`);
  return { token: answer.body.accessToken, cookie: refreshCookieOf(answer)!, user: answer.body.user };
}

export function jwtPayload(token: string): any {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

export function expectProblem(answer: Answer, status: number, code?: string): void {
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.text}`);
  const type = answer.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json')) throw new Error(`expected problem+json, got ${type}`);
  if (answer.body?.status !== status || typeof answer.body?.title !== 'string' || typeof answer.body?.type !== 'string')
    throw new Error(`not a problem: ${answer.text}`);
  if (code !== undefined && answer.body.code !== code) throw new Error(`expected code ${code}, got ${answer.body.code}: ${answer.text}`);
}

export const demo = {
  huber: { username: 'katharina.huber@example.com', password: 'Naschmarkt-Top7', org: 'immopro' },
  lehner: { username: 'markus.lehner@example.net', password: 'Elbe+Donau2026', org: 'immopro' },
  wagner: { username: 'elisabeth.wagner@example.org', password: 'Kahlenberg-1190', org: 'immopro' },
  steiner: { email: 'florian.steiner@example.com', code: 'DEMOINVITEFSTEINER2026WIENTOP4', org: 'immopro' },
  schulz: { username: 'jana.schulz@example.org', password: 'Erstanmeldung-2026', org: 'krueger' },
  becker: { username: 'thomas.becker@example.net', password: 'Fischmarkt-Sonntag5', org: 'krueger' },
};
