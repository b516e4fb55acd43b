import { isIP } from 'node:net';
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the repository lives, resolved from this package so the server can be started from any directory. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type NodeEnv = 'development' | 'production' | 'test';

export interface Config {
  port: number;
  databaseUrl: string;
  /** Public address of the server, e.g. `https://portal.hv.at`; null means "derive from the request". */
  publicUrl: string | null;
  env: NodeEnv;
  smtpUrl: string | null;
  /**
   * The address every mail comes from (HP_MAIL_FROM, e.g. `portal@hv-example.at`); an organization sets only the
   * display name and Reply-To (PATCH /admin/settings). Null: `no-reply@hausportal.dev`.
   */
  mailFrom?: string | null;
  /** HS256 secret; null means "read or create it in the settings table". */
  jwtSecret: string | null;
  /** Extra CORS origins allowed outside production. */
  devOrigins: string[];
  /**
   * Load the demo organizations and users (with their published passwords) into an empty database: on by default in
   * development and tests (HP_DEMO_SEED=false turns it off), off in production unless HP_DEMO_SEED=true.
   */
  demoSeed: boolean;
  /** Express "trust proxy" (HP_TRUST_PROXY), so rate limits see the client address behind a load balancer. */
  trustProxy: boolean | number | string;
  /**
   * Development and tests only (HP_CLOCK_START, refused in production): the server's clock starts at this instant and
   * runs on from there, e.g. to see the organizations' New Year's Eve. Null: the system clock.
   */
  clockStart: string | null;
  /**
   * Server processes on this machine (HP_WORKERS): 1 (the default) serves in this process; N > 1 forks N workers with
   * node:cluster that share the port; `auto` is the number of cores. Nothing that matters lives in one process
   * (DESIGN §10), so any worker can answer any request.
   */
  workers: number;
  /** Largest file one upload may carry, in bytes (HP_UPLOAD_MAX_BYTES, default 20 MB); more answers 413. */
  uploadMaxBytes: number;
  /**
   * How often each server process looks for due jobs (HP_JOB_POLL_MS, milliseconds; default 5000, 0 = never):
   * immediate notification mails and the daily digests (notifications/poller.ts).
   */
  jobPollMs: number;
  /**
   * Days a chat conversation is kept after its last message (HP_CHAT_RETENTION_DAYS, 1–3650, default 30); the
   * unanswered questions (without the person) are kept 90 days.
   */
  chatRetentionDays: number;
  /** Folders served as static files. */
  examplesDir: string;
  portalDistDir: string;
}

/**
 * NODE_ENV: unset means development. Spelling and surrounding blanks do not matter ("Production", "prod"); any other
 * value is refused, so a misspelt production setting never runs with the development helpers (outbox, clock).
 */
export function parseEnv(value: string | undefined): NodeEnv {
  const name = (value ?? '').trim().toLowerCase();
  if (name === '' || name === 'development' || name === 'dev') return 'development';
  if (name === 'production' || name === 'prod') return 'production';
  if (name === 'test') return 'test';
  throw new Error(`NODE_ENV must be development, test or production, not "${value}".`);
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0…65535, not "${value}"`);
  return port;
}

function parseOrigins(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => new URL(s).origin);
}

/**
 * HP_TRUST_PROXY as Express's "trust proxy": unset, `false` or `0` (no proxy), `true` (every hop: only when nothing
 * can reach the server but the proxy), a number of hops, or a comma-separated list of the proxies' addresses or subnets
 * (`10.0.0.1`, `10.0.0.0/8`, `::1`) and the names `loopback`, `linklocal`, `uniquelocal`. Throws a plain message for
 * anything else, instead of Express's TypeError at the first request (docs/deploy.md).
 */
export function parseTrustProxy(value: string | undefined): boolean | number | string {
  const text = (value ?? '').trim();
  if (!text || /^(false|0)$/i.test(text)) return false;
  if (/^true$/i.test(text)) return true;
  if (/^\d+$/.test(text)) return Number(text);
  const items = text.split(',').map((item) => item.trim());
  const bad = items.find((item) => !isProxyAddress(item));
  if (bad !== undefined)
    throw new Error(`HP_TRUST_PROXY must be true, false, a number of proxies, or addresses/subnets of the proxies (10.0.0.1, 10.0.0.0/8, loopback), not "${bad}"`);
  return items.join(',');
}

function isProxyAddress(item: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(item)) return true;
  const [address = '', prefix, ...rest] = item.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  if (/^\d+$/.test(prefix)) return Number(prefix) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(prefix) === 4; // a netmask such as 255.0.0.0
}

function parseClockStart(value: string | undefined, env: NodeEnv): string | null {
  if (!value) return null;
  if (env === 'production') throw new Error('HP_CLOCK_START is for development and tests; it is refused in production.');
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) throw new Error(`HP_CLOCK_START must be an ISO 8601 instant, not "${value}"`);
  return new Date(ms).toISOString();
}

export function parseWorkers(value: string | undefined, cores = availableParallelism()): number {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '') return 1;
  if (text === 'auto') return cores;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new Error(`HP_WORKERS must be auto or a number of processes from 1 to 256, not "${value}"`);
  return n;
}

export const defaultUploadMaxBytes = 20 * 1024 * 1024;

function parseUploadMaxBytes(value: string | undefined): number {
  const text = (value ?? '').trim();
  if (text === '') return defaultUploadMaxBytes;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1) throw new Error(`HP_UPLOAD_MAX_BYTES must be a number of bytes (at least 1), not "${value}"`);
  return n;
}

export function parseChatRetentionDays(value: string | undefined): number {
  const text = (value ?? '').trim();
  if (text === '') return 30;
  const days = Number(text);
  if (!/^\d+$/.test(text) || days < 1 || days > 3650) throw new Error(`HP_CHAT_RETENTION_DAYS must be a number of days from 1 to 3650, not "${value}"`);
  return days;
}

export function parseJobPollMs(value: string | undefined): number {
  const text = (value ?? '').trim();
  if (text === '') return 5000;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms < 0 || ms > 3_600_000) throw new Error(`HP_JOB_POLL_MS must be milliseconds from 0 (off) to 3600000, not "${value}"`);
  return ms;
}

/** The default database: a SQLite file in data/ at the repository root (the folder is created). */
export function defaultDatabaseUrl(): string {
  const file = resolve(repoRoot, 'data', 'hausportal.sqlite');
  mkdirSync(dirname(file), { recursive: true });
  return file;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = parseEnv(env.NODE_ENV);
  const publicUrl = env.HP_PUBLIC_URL ? new URL(env.HP_PUBLIC_URL).toString().replace(/\/$/, '') : null;
  return {
    port: parsePort(env.PORT),
    databaseUrl: env.HP_DATABASE_URL || defaultDatabaseUrl(),
    publicUrl,
    env: nodeEnv,
    smtpUrl: env.SMTP_URL || null,
    mailFrom: parseMailFrom(env.HP_MAIL_FROM),
    jwtSecret: env.HP_JWT_SECRET || null,
    devOrigins: nodeEnv === 'production' ? [] : parseOrigins(env.HP_DEV_ORIGINS),
    demoSeed: nodeEnv === 'production' ? /^(true|1|yes|on)$/i.test(env.HP_DEMO_SEED ?? '') : !/^(false|0|no|off)$/i.test(env.HP_DEMO_SEED ?? ''),
    trustProxy: parseTrustProxy(env.HP_TRUST_PROXY),
    clockStart: parseClockStart(env.HP_CLOCK_START, nodeEnv),
    workers: parseWorkers(env.HP_WORKERS),
    jobPollMs: parseJobPollMs(env.HP_JOB_POLL_MS),
    uploadMaxBytes: parseUploadMaxBytes(env.HP_UPLOAD_MAX_BYTES),
    chatRetentionDays: parseChatRetentionDays(env.HP_CHAT_RETENTION_DAYS),
    examplesDir: resolve(repoRoot, 'examples'),
    portalDistDir: resolve(repoRoot, 'packages', 'portal', 'dist'),
  };
}

/** HP_MAIL_FROM: one plain address (no name, no line breaks), or null when unset. Throws on anything else. */
function parseMailFrom(value: string | undefined): string | null {
  if (!value) return null;
  if (!/^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/.test(value)) throw new Error(`HP_MAIL_FROM must be one plain email address, e.g. portal@example.at; got ${JSON.stringify(value)}.`);
  return value;
}
