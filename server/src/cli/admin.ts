import { pathToFileURL } from 'node:url';
import { HttpProblem } from '../http/problems.ts';
import { closeCliContext, openCliContext } from './context.ts';
import { commandHelp, parseOptions, UsageError, type Command, type Values } from './command.ts';
import { orgCreate, orgList } from './org.ts';
import { invite, managerCreate, personAdd } from './people.ts';
import { settingsSet, settingsShow } from './settings.ts';
import { themeExport, themeImport } from './theme.ts';

// The operator command: `npm run admin -- <command> [options]` from the repository root (or, in server/,
// `node --import tsx src/cli/admin.ts …`). It works on the database the server uses (HP_DATABASE_URL, SQLite or
// PostgreSQL) through the same services and rules as the manager API, and every write is in the audit log with the
// operator as actor (`detail.via = "cli"`). Exit codes: 0 done, 2 bad input (the message names the option), 1 any
// other failure (the database cannot be reached …).

/** Every command, in the order `--help` lists them. */
export const commands: Command[] = [orgCreate, orgList, managerCreate, personAdd, invite, settingsShow, settingsSet, themeExport, themeImport];

const overview = (): string =>
  [
    'npm run admin -- <command> [options]      (--help after a command shows its options)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(16)} ${c.summary}`),
    '',
    'The database is the server\'s: HP_DATABASE_URL (a SQLite file or postgres://…), default data/hausportal.sqlite.',
  ].join('\n');

/** The command named by the first one or two words of `args`, and the rest; null when there is none. */
function find(args: string[]): { command: Command; rest: string[] } | null {
  for (const words of [2, 1]) {
    const command = commands.find((c) => c.name === args.slice(0, words).join(' '));
    if (command) return { command, rest: args.slice(words) };
  }
  return null;
}

/** The option an API field (JSON pointer) came from, with the value when it is one of a repeated option's. */
function optionOf(command: Command, field: string, values: Values): string {
  const match = Object.entries(command.fields ?? {}).find(([pointer]) => field === pointer || field.startsWith(`${pointer}/`) || pointer === '');
  if (!match) return field;
  const [pointer, option] = match;
  if (pointer === '') return `${option} ${field}`;
  const index = field.slice(pointer.length + 1).split('/')[0]!;
  const given = values[option.slice(2)];
  return Array.isArray(given) && /^\d+$/.test(index) && given[Number(index)] !== undefined ? `${option} "${given[Number(index)]}"` : option;
}

/** The lines of a failure: each names the option it is about where there is one. */
function errorLines(err: unknown, command: Command, values: Values): string[] {
  if (err instanceof UsageError) return [`error: ${err.option ? `${err.option}: ` : ''}${err.message}`];
  if (err instanceof HttpProblem && err.errors.length > 0)
    return err.errors.map((e) => `error: ${optionOf(command, e.field, values)}: ${e.message}`);
  return [`error: ${(err as Error).message ?? String(err)}`];
}

/** Runs one command line; returns the exit code. Output goes to `out`, errors to `err`. */
export async function main(args: string[], out = (text: string) => console.log(text), err = (text: string) => console.error(text)): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    out(overview());
    return args.length === 0 ? 2 : 0;
  }
  const found = find(args);
  if (!found) {
    const group = commands.filter((c) => c.name.startsWith(`${args[0]} `));
    if (group.length > 0 && args.slice(1).every((a) => a === '--help' || a === '-h')) {
      out(group.map((c) => `npm run admin -- ${c.name.padEnd(16)} ${c.summary}`).join('\n'));
      return args.length > 1 ? 0 : 2;
    }
    err(`error: unknown command "${args.join(' ')}".\n\n${overview()}`);
    return 2;
  }
  const { command, rest } = found;
  let values: Values = {};
  try {
    values = parseOptions(command, rest);
    if (values.help) {
      out(commandHelp(command));
      return 0;
    }
    const cli = await openCliContext();
    try {
      const result = await command.run(values, cli);
      out(values.json ? JSON.stringify(result.json, null, 2) : result.text);
      return 0;
    } finally {
      await closeCliContext(cli);
    }
  } catch (failure) {
    for (const line of errorLines(failure, command, values)) err(line);
    const badInput = failure instanceof UsageError || (failure instanceof HttpProblem && failure.status < 500);
    return badInput ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main(process.argv.slice(2));
