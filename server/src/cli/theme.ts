import { readFileSync, writeFileSync } from 'node:fs';
import type { AdminTheme, ThemeExport } from '@hausportal/api';
import { operator } from '../admin/audit.ts';
import { exportTheme, importTheme } from '../theme/service.ts';
import { optional, orgOption, required, userPath, UsageError, type Command } from './command.ts';

// `npm run admin -- theme export | theme import`: the organization's corporate identity as a file (openapi.yaml
// ThemeExport, the same as GET /admin/theme/export and POST /admin/theme/import), through theme/service.ts.

/** What an import derived, for people: the colours, the contrast checks and what was adjusted. */
function describe(slug: string, theme: AdminTheme, dryRun: boolean): string {
  const failed = theme.contrast.filter((c) => !c.pass);
  return [
    dryRun ? `Dry run for ${slug}: nothing was saved.` : `Imported the theme into ${slug}.`,
    `  input        primary ${theme.input.primary}, accent ${theme.input.accent}${theme.input.neutral ? `, neutral ${theme.input.neutral}` : ''}`,
    `  contrast     ${theme.contrast.length} pairs checked, ${failed.length === 0 ? 'all meet WCAG 2.2 AA' : `${failed.length} below AA`}`,
    `  adjustments  ${theme.adjustments.length}`,
  ].join('\n');
}

/** `theme export`: theme/service.ts `exportTheme` (GET /admin/theme/export) to a file or stdout. */
export const themeExport: Command = {
  name: 'theme export',
  summary: 'Writes an organization\'s theme (colours, font, radius, logo) as a hausportal.theme/1 JSON file.',
  help: ['--org SLUG    the organization (required)', '--out FILE    the file to write (default: print it)'],
  options: { org: { type: 'string' }, out: { type: 'string' } },
  async run(values, cli) {
    const org = await orgOption(cli.db, values);
    const file = await exportTheme(cli.db, org.id, cli.clock());
    const out = optional(values, 'out');
    const text = `${JSON.stringify(file, null, 2)}\n`;
    if (out === undefined) return { text: text.trimEnd(), json: file };
    writeFileSync(userPath(out), text);
    return { text: `Wrote the theme of ${org.slug} to ${out}.`, json: file };
  },
};

/** `theme import`: theme/service.ts `importTheme` (POST /admin/theme/import), `--dry-run` saves nothing. */
export const themeImport: Command = {
  name: 'theme import',
  summary: 'Applies a hausportal.theme/1 file to an organization after checking its schema and contrast; audited.',
  help: ['--org SLUG    the organization (required)', '--file FILE   the theme file (required)', '--dry-run     check and show the result without saving it'],
  options: { org: { type: 'string' }, file: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  fields: { '': '--file' },
  async run(values, cli) {
    const org = await orgOption(cli.db, values);
    const path = required(values, 'file');
    // Checked by importTheme against the contract's ThemeExport (400 with pointers into the file).
    let file: ThemeExport;
    try {
      // Decoded strictly: bytes that are not UTF-8 are refused, never stored as U+FFFD in the theme's name.
      file = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(userPath(path))));
    } catch (err) {
      throw new UsageError('--file', `cannot read ${path} as JSON: ${(err as Error).message}`);
    }
    const dryRun = values['dry-run'] === true;
    const theme = await importTheme(cli.db, cli, org.id, file, operator, { dryRun });
    return { text: describe(org.slug, theme, dryRun), json: theme };
  },
};
