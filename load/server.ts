// The real server for the load and fault tests: the production build (server/dist/main.js) on a prepared SQLite
// file, started through the end-to-end helper, on a fixed port so a restart comes back at the same address, and
// killed with SIGKILL (every process of it: the primary and its workers) to simulate a crash.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../e2e/server.ts';

const pidReporter = fileURLToPath(new URL('./pid-reporter.mjs', import.meta.url));

export interface LoadServer {
  url: string;
  /** Everything the server printed so far. */
  output(): string;
  /** How many processes the server started so far (the primary and its workers). */
  processes(): number;
  /** SIGKILL to every process of the server; resolves once they are gone. */
  kill9(): Promise<void>;
  /** Stops the server politely (SIGTERM). */
  stop(): Promise<void>;
}

/** A TCP port nobody listens on at the moment. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The pids the server's processes reported, in the order they started (the primary first). */
const pidsIn = (output: string): number[] => [...output.matchAll(/^hausportal-load pid (\d+)$/gm)].map((m) => Number(m[1]));

/** Whether the process is gone (or a zombie that no longer runs and holds no socket). */
function gone(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (existsSync('/proc/self/stat')) {
    try {
      // The state is the field after the parenthesized command name.
      return /\)\s+[ZX]\s/.test(readFileSync(stat, 'utf8'));
    } catch {
      return true;
    }
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/** Resolves when `condition()` holds, checking at every turn of a short timer; rejects after `limitMs`. */
export async function until(what: string, condition: () => boolean, limitMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > limitMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Starts the compiled server on `file` and `port` with `workers` processes (HP_WORKERS). */
export async function startLoadServer(file: string, port: number, workers: number): Promise<LoadServer> {
  const server: RunningServer = await startServer({
    compiled: true,
    databaseUrl: file,
    env: { PORT: String(port), HP_WORKERS: String(workers) },
    nodeArgs: ['--enable-source-maps', '--import', pidReporter],
  });
  const kill9 = async () => {
    const pids = pidsIn(server.output());
    if (pids.length === 0) throw new Error(`the server reported no pid:\n${server.output()}`);
    // The primary first, so it cannot fork a replacement for a worker killed before it.
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await until('the killed server processes to end', () => pids.every(gone));
    await server.stop();
  };
  return { url: server.url, output: server.output, processes: () => pidsIn(server.output()).length, kill9, stop: server.stop };
}
