// Starts the real Hausportal server on a free port with a fresh SQLite file, for end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface RunningServer {
  /** Base URL from the startup line, without a trailing slash. */
  url: string;
  /** The server's process id (with HP_WORKERS > 1, the cluster primary). */
  pid: number;
  /** Everything the server wrote so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  databaseUrl?: string;
  env?: NodeJS.ProcessEnv;
  /** Run the production build `server/dist/main.js` (made by `npm run build`) instead of the TypeScript source. */
  compiled?: boolean;
  /** Extra node arguments, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
}

/** The real server on a free port: on a fresh SQLite file, or on `databaseUrl` when given (kept after stop). */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'hp-e2e-'));
  // Passwords hashed with scrypt N=2^12 instead of 2^17 (server/src/auth/password.ts): the same code, a fraction of the time.
  const env: NodeJS.ProcessEnv = { HP_SCRYPT_LOG_N: '12', ...process.env, ...options.env, PORT: options.env?.PORT ?? '0', HP_DATABASE_URL: options.databaseUrl ?? join(dir, 'hausportal.sqlite') };
  delete env.NODE_ENV;
  delete env.HP_PUBLIC_URL;
  // The source runs with the `source` export condition: workspace packages resolve to their TypeScript (package.json exports).
  const entry = options.compiled ? ['server/dist/main.js'] : ['--conditions=source', '--import', 'tsx', 'server/src/main.ts'];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entry], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killNow = () => child.kill('SIGKILL');
  process.once('exit', killNow);
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));

  const stop = async () => {
    process.removeListener('exit', killNow);
    await terminate(child);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const onData = () => {
        const match = /Hausportal listening on (\S+)/.exec(log);
        if (match) {
          child.stdout!.off('data', onData);
          resolve(match[1]!.replace(/\/$/, ''));
        }
      };
      child.stdout!.on('data', onData);
      child.once('exit', (code, signal) =>
        reject(new Error(`server exited (${code ?? signal}) before listening:\n${log}`)),
      );
      child.once('error', reject);
    });
    return { url, pid: child.pid!, output: () => log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** SIGTERM, and SIGKILL if the process is still there once the polite request went unanswered. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export interface DemoLogin {
  organization: string;
  role: string;
  username: string;
  password: string;
}

/** The demo logins the server seeds, as published in examples/demo-logins.json. */
export function demoLogins(): DemoLogin[] {
  const raw: unknown = JSON.parse(readFileSync(join(repoRoot, 'examples', 'demo-logins.json'), 'utf8'));
  const list = Array.isArray(raw) ? raw : ((raw as { logins?: unknown[] }).logins ?? []);
  return list.map((entry) => {
    const e = entry as Record<string, string>;
    return {
      organization: e.organization ?? e.org ?? '',
      role: e.role ?? '',
      username: e.username ?? e.email ?? '',
      password: e.password ?? '',
    };
  });
}

/** The demo login with a password for `username` (the first when it has several roles); fails the test when there is none. */
export function demoLogin(username: string): DemoLogin {
  const found = demoLogins().find((l) => l.username === username && l.password);
  if (!found) throw new Error(`examples/demo-logins.json has no login ${username}`);
  return found;
}
