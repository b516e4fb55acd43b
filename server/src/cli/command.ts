import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isAbsolute, resolve } from 'node:path';
import type { Db } from '../db.ts';
import type { CliCtx } from './context.ts';
import { orgBySlug, type Organization } from '../organizations.ts';

// What every command of the operator command (`npm run admin -- <group> <command> [options]`, cli/admin.ts) shares:
// its description, option parsing with node's util.parseArgs, the errors that exit with code 2 (bad input) and the
// printed result (text, or JSON with --json).

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | string[] | undefined>;

/** What a command printed: `text` for people, `json` for `--json`. */
export interface Output {
  text: string;
  json: unknown;
}

/** One command, e.g. `org create`. */
export interface Command {
  /** `<group> <verb>`, e.g. "org create". */
  name: string;
  summary: string;
  /** The option lines of `--help` (without the common --json and --help). */
  help: string[];
  options: Options;
  /** Which option each field of the API's errors (a JSON pointer such as `/theme/primary`) came from. */
  fields?: Record<string, string>;
  run(values: Values, cli: CliCtx): Promise<Output>;
}

/** Bad input from the command line: printed as `error: <option>: <message>`, exit code 2. */
export class UsageError extends Error {
  constructor(
    readonly option: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** The options every command takes. */
export const commonOptions: Options = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } };

/**
 * Parses `args` for `command` (strict: an unknown option or a missing value is a {@link UsageError}). Node decodes the
 * command line as UTF-8 and turns bytes that are not into U+FFFD, so a value holding U+FFFD is refused as not UTF-8
 * rather than stored garbled.
 */
export function parseOptions(command: Command, args: string[]): Values {
  let values: Values;
  try {
    values = parseArgs({ args, options: { ...commonOptions, ...command.options }, strict: true, allowPositionals: false }).values as Values;
  } catch (err) {
    throw new UsageError(null, `${(err as Error).message.split('\n')[0]!} (see: npm run admin -- ${command.name} --help)`);
  }
  const garbled = Object.entries(values).find(([, v]) => [v].flat().some((x) => typeof x === 'string' && x.includes('\uFFFD')));
  if (garbled) throw new UsageError(`--${garbled[0]}`, 'is not valid UTF-8 text.');
  return values;
}

/** The value of a required string option, or a {@link UsageError} naming it. */
export function required(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string') throw new UsageError(`--${name}`, 'is required.');
  return value;
}

/** The value of an optional string option (undefined when not given). */
export const optional = (values: Values, name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);

/** The values of a repeatable string option (`--origin a --origin b`). */
export const list = (values: Values, name: string): string[] => (Array.isArray(values[name]) ? (values[name] as string[]) : []);

/** One of `choices`, or a {@link UsageError} naming the option and the choices. */
export function oneOf<T extends string>(value: string, option: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(option, `must be ${choices.join(' or ')}, not "${value}".`);
  return value as T;
}

/** The organization named by `--org <slug>`, or a {@link UsageError} pointing at `org list`. */
export async function orgOption(db: Db, values: Values): Promise<Organization> {
  const slug = required(values, 'org');
  const org = await orgBySlug(db, slug);
  if (!org) throw new UsageError('--org', `there is no organization "${slug}" (see: npm run admin -- org list).`);
  return org;
}

/**
 * A file path given on the command line, resolved against the directory the command was started in: npm runs the
 * workspace script in server/, and tells the original directory in INIT_CWD.
 */
export const userPath = (path: string): string => (isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path));

/** `--help` of one command. */
export function commandHelp(command: Command): string {
  return [`npm run admin -- ${command.name} [options]`, '', command.summary, '', ...command.help.map((l) => `  ${l}`), '  --json          print the result as JSON', '  --help          this text'].join('\n');
}
