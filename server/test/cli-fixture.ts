import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPostgresUrl } from '../src/db.ts';
import type { TestDatabase } from './helpers.ts';

// What the tests of the operator command share: running it as a child process, the database address to give it (and
// the server), and the README section whose commands the end-to-end test runs.

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The address of `database` for another process: the SQLite file, or on PostgreSQL the URL with the test's schema as
 * the connection's search path (libpq `options`), so that the command and the server work in that schema.
 */
export function childDatabaseUrl(database: TestDatabase): string {
  if (!isPostgresUrl(database.url) || !database.schema) return database.url;
  return `${database.url}${database.url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${database.schema}`)}`;
}

/** Runs a program in the repository root with `env` added; resolves with its exit code and output. */
function run(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * `npm run admin -- <args>` as the script runs it (`node --conditions=source --import tsx server/src/cli/admin.ts`), on database `url`;
 * relative file options resolve against `cwd` (npm passes the starting directory as INIT_CWD).
 */
export const admin = (url: string, args: string[], cwd = repoRoot): Promise<Run> =>
  run(process.execPath, ['--conditions=source', '--import', 'tsx', 'server/src/cli/admin.ts', ...args], { HP_DATABASE_URL: url, INIT_CWD: cwd });

/** The real `npm run -s admin -- <args>` from the repository root (the root script and the server package's). */
export const npmAdmin = (url: string, args: string[]): Promise<Run> => run('npm', ['run', '-s', 'admin', '--', ...args], { HP_DATABASE_URL: url });

/** A command line split into words as a POSIX shell does for plain words, '…', "…" and \ (no variables, no globs). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      word ??= '';
      for (i++; i < line.length && line[i] !== '"'; i++) word += line[i] === '\\' ? line[++i] : line[i];
    } else word = (word ?? '') + (c === '\\' ? line[++i] : c);
  }
  if (word !== null) words.push(word);
  return words;
}

/** The README section "Setting up your organization". */
export function readmeSection(): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const start = readme.indexOf('## Setting up your organization');
  if (start < 0) throw new Error('README.md has no section "Setting up your organization"');
  const end = readme.indexOf('\n## ', start + 3);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The `npm run admin -- …` lines of the section's shell blocks (continuations joined, comments cut), as arguments. */
export function readmeAdminCommands(): string[][] {
  const blocks = [...readmeSection().matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/\\\n\s*/g, ''));
  return blocks
    .flatMap((block) => block.split('\n'))
    .map((line) => line.replace(/\s+#\s.*$/, '').trim())
    .filter((line) => line.startsWith('npm run admin -- '))
    .map((line) => shellWords(line.slice('npm run admin -- '.length)));
}
