// Where a request's time goes: a V8 CPU profile of the server (node --cpu-prof) while GET /api/units is loaded at 32
// connections on the demo database, with the main thread's samples attributed to layers (express, OpenAPI
// validation, authentication, knex, drivers, route code …). Environment:
//   HP_BENCH_PROFILE_SECONDS  length of the load (default 10)
//   HP_BENCH_ROOT             profile the server of another checkout (e.g. a `git worktree` of an older commit); a tree
//                             without server/dist/main.js runs its TypeScript source with tsx
//   HP_BENCH_PROFILE_SOURCE=1 run the TypeScript source with tsx even when server/dist/main.js exists
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, signIn } from './lib/load.ts';
import type { BenchContext, BenchModule, Measurement, Section } from './lib/types.js';

const seconds = Number(process.env.HP_BENCH_PROFILE_SECONDS ?? 10);

/** The layers of the request path, in the order they are printed. */
const layers = [
  'idle (event loop waiting: I/O, database threads)',
  'garbage collector',
  '(program): V8 and native code outside JS',
  'node:http, net & event loop internals',
  'express + router',
  'helmet / CORS',
  'body parsing',
  'OpenAPI validation',
  'authentication',
  'knex + tarn (query building, pool)',
  'sqlite3 / pg drivers',
  'route & query code',
  'other server code',
  'JSON serialization',
  'tsx loader',
  'other',
] as const;
type Layer = (typeof layers)[number];
/** Code that belongs to whoever calls it: builtins, shared helpers (lodash, debug, qs …), node:crypto, node:util … */
type Attribution = Layer | 'caller';

const [IDLE, GC, PROGRAM, NODE, EXPRESS, SECURITY, BODY, OPENAPI, AUTH, KNEX, DRIVER, ROUTES, SERVER, JSON_, TSX, OTHER] = layers;

/** npm packages by layer. Packages not listed (lodash, debug, qs, content-type …) count for their caller. */
const packageLayers: Record<string, Layer> = Object.fromEntries(
  (
    [
      [EXPRESS, 'express router finalhandler send serve-static path-to-regexp accepts negotiator mime-types mime-db content-disposition cookie cookie-signature vary etag fresh parseurl encodeurl escape-html statuses proxy-addr forwarded ipaddr.js range-parser on-finished ee-first http-errors merge-descriptors is-promise'],
      [BODY, 'body-parser raw-body iconv-lite bytes unpipe'],
      [SECURITY, 'helmet cors'],
      [OPENAPI, 'express-openapi-validator ajv ajv-formats ajv-draft-04 @apidevtools/json-schema-ref-parser @jsdevtools/ono json-schema-traverse fast-deep-equal fast-uri multer lodash.clonedeep lodash.get js-yaml yaml'],
      [KNEX, 'knex tarn getopts colorette pg-connection-string rechoir interpret escalade'],
      [DRIVER, 'sqlite3 bindings file-uri-to-path pg pg-pool pg-protocol pg-types pg-int8 postgres-array postgres-bytea postgres-date postgres-interval pgpass split2'],
      [TSX, 'tsx esbuild get-tsconfig resolve-pkg-maps source-map-support'],
    ] as const
  ).flatMap(([layer, names]) => names.split(' ').map((name) => [name, layer])),
);

/** node: internals of the HTTP server, sockets, streams and the event loop; other node: code counts for its caller. */
const nodeHttp = /^node:(_http_|http|https|net|stream|events|timers|buffer|dns|internal\/(http|net|streams|stream_base_commons|timers|async_hooks|process\/task_queues|dns|buffer|event_target|fixed_queue|linkedlist))/;

/** The layer of the server's own code and the workspace packages, from a path inside the repository. */
function sourceLayer(path: string): Attribution | null {
  const server = /\/server\/src\/(.+)$/.exec(path)?.[1];
  if (server) {
    if (server.startsWith('auth/')) return AUTH;
    if (server === 'http/security.ts') return SECURITY;
    if (/^http\/openapi/.test(server)) return OPENAPI;
    if (/^(units|statement|access)\//.test(server) || /^http\/(params|cursor)\.ts$/.test(server)) return ROUTES;
    return SERVER;
  }
  if (/\/packages\/[^/]+\/src\//.test(path)) return 'caller';
  return null;
}

/** The npm package a path belongs to: the outermost one (a package's private copy of a dependency is its own). */
function packageOf(path: string): string | null {
  const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  return match ? match[1]! : null;
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Maps positions in bundled files (server/dist/*.js) back to their sources through the .map beside them. */
class SourceMaps {
  private maps = new Map<string, { map: SourceMap; dir: string } | null>();

  /** Reads the map of `file` now (when the server starts: a later build replaces it), unless already read. */
  load(file: string): void {
    if (this.maps.has(file)) return;
    const mapFile = `${file}.map`;
    this.maps.set(file, existsSync(mapFile) ? { map: new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))), dir: dirname(mapFile) } : null);
  }

  /**
   * The original file and line (0-based) of a function that starts at (line, column) in `file` (0-based); the same
   * position when `file` has no map.
   */
  original(file: string, line: number, column: number): { path: string; line: number } {
    this.load(file);
    const entry = this.maps.get(file);
    if (!entry || line < 0) return { path: file, line };
    const found = entry.map.findEntry(line, Math.max(column, 0)) as { originalSource?: string; originalLine?: number };
    return found.originalSource ? { path: resolve(entry.dir, found.originalSource), line: found.originalLine ?? 0 } : { path: file, line };
  }
}

/** Where a frame's function is: its file (a bundled one mapped back to its source) and line (0-based). */
function sourceOf(frame: CallFrame, maps: SourceMaps): { path: string; line: number } {
  const path = frame.url.startsWith('file:') ? fileURLToPath(frame.url) : frame.url;
  return /\/server\/dist\/[^/]+\.js$/.test(path) ? maps.original(path, frame.lineNumber, frame.columnNumber) : { path, line: frame.lineNumber };
}

/** The layer of one profile node's own code, or 'caller' when it counts for the code that called it. */
function ownLayer(frame: CallFrame, maps: SourceMaps): Attribution {
  switch (frame.functionName) {
    case '(idle)':
      return IDLE;
    case '(garbage collector)':
      return GC;
    case '(program)':
      return PROGRAM;
    case '(root)':
      return OTHER;
  }
  if (!frame.url) return frame.functionName === 'stringify' ? JSON_ : 'caller';
  if (frame.url.startsWith('node:')) return nodeHttp.test(frame.url) ? NODE : 'caller';
  const { path } = sourceOf(frame, maps);
  const pkg = packageOf(path);
  // res.json's helper around JSON.stringify: the builtin's time shows as its self time.
  if (pkg === 'express' && frame.functionName === 'stringify') return JSON_;
  if (pkg) return packageLayers[pkg] ?? 'caller';
  return sourceLayer(path) ?? (/\/server\/dist\//.test(path) ? SERVER : OTHER);
}

interface Attributed {
  /** Samples per layer within the load window. */
  samples: Map<Layer, number>;
  total: number;
  /** Self samples per function (name, file, layer), for the hottest ones. */
  functions: Map<string, number>;
  /** Whether the load window's timestamps matched the profile (otherwise all samples were counted). */
  windowed: boolean;
}

/**
 * Self samples of the profile per layer. Samples of code that counts for its caller go to the nearest ancestor with a
 * layer of its own. Only samples between `from` and `to` (microseconds of the monotonic clock, the one V8's
 * profile timestamps use) are counted, so start-up, sign-in and shutdown stay out.
 */
function attribute(profile: CpuProfile, maps: SourceMaps, from: number, to: number): Attributed {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parentOf.set(c, node.id);
  const layerOf = new Map<number, Layer>();
  const resolveLayer = (id: number): Layer => {
    const known = layerOf.get(id);
    if (known) return known;
    const own = ownLayer(byId.get(id)!.callFrame, maps);
    const parent = parentOf.get(id);
    const layer = own !== 'caller' ? own : parent === undefined ? OTHER : resolveLayer(parent);
    layerOf.set(id, layer);
    return layer;
  };

  let time = profile.startTime;
  const inWindow = profile.samples.map((_, i) => {
    time += profile.timeDeltas[i] ?? 0;
    return time >= from && time <= to;
  });
  const windowed = inWindow.filter(Boolean).length > profile.samples.length / 10;
  const samples = new Map<Layer, number>();
  const functions = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    if (windowed && !inWindow[i]) return;
    const layer = resolveLayer(id);
    samples.set(layer, (samples.get(layer) ?? 0) + 1);
    total++;
    const frame = byId.get(id)!.callFrame;
    if (layer !== IDLE) {
      const source = sourceOf(frame, maps);
      const where = frame.url ? `${source.path.replace(/^.*\/node_modules\//, '').replace(/^.*\/(server|packages)\//, '$1/')}:${source.line + 1}` : 'native';
      const key = `${frame.functionName || '(anonymous)'} ${where} → ${layer}`;
      functions.set(key, (functions.get(key) ?? 0) + 1);
    }
  });
  return { samples, total, functions, windowed };
}

/** The commit a tree is at, for the notes ("" when it is no git checkout). */
function describe(root: string): string {
  try {
    const line = execFileSync('git', ['-C', root, 'log', '-1', '--format=%h (%cs) %s'], { encoding: 'utf8' }).trim();
    return line.length > 90 ? `${line.slice(0, 89)}…` : line;
  } catch {
    return '';
  }
}

/** Starts the server of `root` under the profiler; resolves with its URL once it listens. */
function startProfiled(root: string, args: string[], databaseUrl: string): Promise<{ proc: ChildProcess; url: string; output: () => string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HP_DATABASE_URL: databaseUrl, HP_WORKERS: '1' };
  delete env.NODE_ENV;
  delete env.HP_PUBLIC_URL;
  const proc = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const kill = () => proc.kill('SIGKILL');
  process.once('exit', kill);
  proc.once('exit', () => process.removeListener('exit', kill));
  let log = '';
  proc.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  proc.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  return new Promise((resolveStart, reject) => {
    const onData = () => {
      const match = /Hausportal listening on (\S+)/.exec(log);
      if (!match) return;
      proc.stdout!.off('data', onData);
      resolveStart({ proc, url: match[1]!.replace(/\/$/, ''), output: () => log });
    };
    proc.stdout!.on('data', onData);
    proc.once('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}) before listening:\n${log}`)));
  });
}

/** SIGTERM, then waits for the exit in which the profiler writes its file (SIGKILL after 20 s: no profile then). */
async function stopProfiled(proc: ChildProcess): Promise<boolean> {
  if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode === 0;
  const exited = new Promise<boolean>((done) => proc.once('exit', (code) => done(code === 0)));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 20_000);
  const clean = await exited;
  clearTimeout(timer);
  return clean;
}

const percent = (part: number, whole: number) => (whole ? Number(((part / whole) * 100).toFixed(1)) : 0);

export const profile: BenchModule = {
  id: 'profile',
  title: `CPU profile of GET /units (32 connections, ${seconds} s, demo DB): self time per layer`,
  async run(context: BenchContext): Promise<Section> {
    const root = resolve(process.env.HP_BENCH_ROOT ?? context.root);
    const dist = join(root, 'server', 'dist', 'main.js');
    const compiled = existsSync(dist) && !process.env.HP_BENCH_PROFILE_SOURCE;
    const profileDir = join(context.tmp, 'cpu-prof');
    mkdirSync(profileDir, { recursive: true });
    const notes = [`tree: ${root}${describe(root) ? ` at ${describe(root)}` : ''}`];
    if (compiled) {
      notes.push('server: compiled bundle server/dist/main.js; positions in it are mapped to server/src files through server/dist/main.js.map (npm packages stay outside the bundle, so their own paths name them).');
      const newest = Math.max(...readdirSync(join(root, 'server', 'src'), { recursive: true }).map((f) => statSync(join(root, 'server', 'src', String(f))).mtimeMs));
      if (newest > statSync(dist).mtimeMs) notes.push('server/dist is older than server/src: `npm run build` to profile the current source.');
    } else {
      notes.push(`server: TypeScript source through tsx (${existsSync(dist) ? 'HP_BENCH_PROFILE_SOURCE' : 'no server/dist in this tree'}); tsx's own work shows as "tsx loader".`);
    }
    const entry = compiled ? [dist] : ['--conditions=source', '--import', 'tsx', 'server/src/main.ts'];
    const maps = new SourceMaps();
    const built = compiled ? statSync(dist).mtimeMs : 0;
    if (compiled) maps.load(dist);
    const running = await startProfiled(root, ['--cpu-prof', '--cpu-prof-dir', profileDir, ...entry], join(context.tmp, 'demo.sqlite'));
    let from = 0;
    let to = 0;
    let rps = 0;
    let failed = 0;
    try {
      const session = await signIn(running.url);
      await load(`${running.url}/api/units`, { token: session.token, amount: 500 });
      from = Number(process.hrtime.bigint() / 1000n);
      const result = await load(`${running.url}/api/units`, { token: session.token, seconds });
      to = Number(process.hrtime.bigint() / 1000n);
      rps = result.rps;
      failed = result.failed;
    } finally {
      const clean = await stopProfiled(running.proc);
      if (!clean) notes.push(`the server did not exit cleanly after SIGTERM:\n${running.output().slice(-2000)}`);
    }
    const files = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'));
    if (!files.length) throw new Error(`no CPU profile in ${profileDir}: the server did not write one at exit\n${running.output().slice(-2000)}`);

    // One file per process: with cluster workers the busiest one (the worker that served) is the one to read.
    if (compiled && statSync(dist).mtimeMs !== built) notes.push('server/dist was built again during the run: the profile may not match the source map read at the start.');
    const results = files.map((f) => attribute(JSON.parse(readFileSync(join(profileDir, f), 'utf8')) as CpuProfile, maps, from, to));
    const busy = (r: Attributed) => r.total - (r.samples.get(IDLE) ?? 0);
    const chosen = results.reduce((a, b) => (busy(b) > busy(a) ? b : a));
    if (files.length > 1) notes.push(`${files.length} profiles written (one per thread or process: tsx's module loader thread, cluster workers); the busiest is shown.`);
    notes.push(
      `${chosen.total} samples of the main thread ${chosen.windowed ? 'during the load' : '(the whole run: the load window did not match the profile clock)'}; ${Math.round(rps)} req/s with the profiler on${failed ? `, ${failed} failed requests` : ''}.`,
      'Self time: a builtin or a shared helper (lodash, qs, debug, node:crypto, node:util, packages/*/src …) counts for the layer of the code that called it; JSON.stringify, and the stringify helper of express around it in res.json, count as serialization.',
      'Idle is time the main thread waited with requests in flight (database threads, sockets). A JavaScript function\'s self time includes the native (C++) functions it calls, e.g. the sqlite3 statement constructor; native work in I/O callbacks (rows turned into objects) shows as (program).',
    );
    const hottest = [...chosen.functions].sort((a, b) => b[1] - a[1]).slice(0, 10);
    notes.push('Hottest functions (self, % of busy samples):', ...hottest.map(([key, n]) => `  ${percent(n, busy(chosen)).toFixed(1).padStart(5)} %  ${key}`));

    const measurements: Measurement[] = layers.map((layer) => {
      const n = chosen.samples.get(layer) ?? 0;
      const ofBusy = layer === IDLE ? '' : `${percent(n, busy(chosen)).toFixed(1)} %`;
      return { what: layer, value: percent(n, chosen.total), unit: '%', extra: { 'of busy': ofBusy, samples: String(n) } };
    });
    return { id: this.id, title: this.title, valueLabel: '% of samples', measurements, notes, errors: failed ? [`GET /units: ${failed} requests failed while profiling`] : [] };
  },
};
