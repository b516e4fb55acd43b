// Fails when src/schema.d.ts is not what openapi-typescript makes of openapi.yaml.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'hp-types-'));
const fresh = join(dir, 'schema.d.ts');
try {
  execFileSync('npx', ['--no-install', 'openapi-typescript', 'openapi.yaml', '-o', fresh], { cwd: here, stdio: 'pipe' });
  const same = readFileSync(join(here, 'src/schema.d.ts'), 'utf8') === readFileSync(fresh, 'utf8');
  if (!same) {
    console.error('packages/api/src/schema.d.ts is stale: run `npm run generate -w @hausportal/api` and commit it.');
    process.exitCode = 1;
  } else {
    console.log('api types: up to date with openapi.yaml');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
