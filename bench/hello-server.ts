// A bare Express 5 app answering "hello": the baseline the API's throughput is compared with (same machine, same run).
//   node --import tsx bench/hello-server.ts        one process
//   node --import tsx bench/hello-server.ts 2      two node:cluster workers sharing one port, as HP_WORKERS=2 runs
// Prints "Hausportal listening on <url>" once every process listens; SIGTERM ends them all.
import cluster from 'node:cluster';
import express from 'express';

const workers = Math.max(1, Number(process.argv[2] ?? 1) || 1);

function serve(port: number, listening: (port: number) => void): void {
  const app = express();
  app.get('/hello', (_req, res) => {
    res.json({ hello: 'world' });
  });
  const server = app.listen(port, '127.0.0.1', () => {
    const address = server.address();
    if (address && typeof address === 'object') listening(address.port);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

const announce = (port: number) => console.log(`Hausportal listening on http://127.0.0.1:${port}/`);

if (workers === 1) serve(0, announce);
else if (cluster.isPrimary) {
  // Port 0 in cluster workers: the primary picks one free port and every worker shares it.
  let listening = 0;
  cluster.on('listening', (_worker, address) => {
    if (++listening === workers) announce(address.port);
  });
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    cluster.on('exit', () => {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
    });
  });
} else {
  serve(0, () => {});
  // The primary went away without a word (killed): do not stay behind.
  process.on('disconnect', () => process.exit(0));
}
