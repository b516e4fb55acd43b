import type { AdminTheme, Theme, ThemeExport, ThemeInput } from '@hausportal/api';
import { deriveTheme, type DerivedTheme } from '@hausportal/api/theme.js';
import type { Ctx } from '../context.ts';
import { json, type Db } from '../db.ts';
import { recordAudit, type Actor } from '../admin/audit.ts';
import { HttpProblem, validationProblem, type ContractViolation } from '../http/problems.ts';
import { storeFile } from '../http/upload.ts';
import { contractViolations } from '../http/openapi-validate.ts';
import { checkContrast, checkThemeInput, contractFile, normalizedInput, storedInput, themeInputProblems } from './input.ts';
import { decodeLogoDataUrl, logoDataUrl, logoFileName, logoPath, prepareLogo, type PreparedLogo } from './logo.ts';

// The corporate identity of an organization (issue 14): the manager API (theme/routes.ts) and the operator command
// (`npm run admin`) both go through these functions, so they share every rule. The input (two or three colours, font,
// radius) is kept in `organizations.theme_input`, the tokens derived from it (packages/api theme.ts `deriveTheme`) in
// `organizations.theme`, which OrganizationPublic serves; the logo's bytes in `files` (`logo_file_id`), its public
// path in `logo_url`. Writes go to `organizations`, which clears the organization cache (cache.ts `watchWrites`).
// Every write is one transaction with its audit row (admin/audit.ts `recordAudit`).

/** The `schema` of a theme file (openapi.yaml ThemeExport). */
export const themeSchema = 'hausportal.theme/1';

/** Whether to store (false) or only answer what would be stored (true). */
export interface WriteOptions {
  dryRun?: boolean;
}

interface ThemeRow {
  id: string;
  slug: string;
  name: string;
  theme: string;
  theme_input: string;
  logo_file_id: string | null;
  logo_url: string | null;
}

/** The organization's theme columns; `lock` (inside a write's transaction) holds the row until it commits. */
async function themeRow(db: Db, orgId: string, lock = false): Promise<ThemeRow> {
  const q = db('organizations').where({ id: orgId });
  if (lock) q.forUpdate();
  const row = (await q.first('id', 'slug', 'name', 'theme', 'theme_input', 'logo_file_id', 'logo_url')) as ThemeRow | undefined;
  if (!row) throw new HttpProblem(404, 'organization_not_found', 'There is no such organization.');
  return row;
}

const inputOf = (row: ThemeRow): ThemeInput => storedInput(json<Partial<ThemeInput>>(row.theme_input, {}), json<Theme>(row.theme, {}));

const adminTheme = (input: ThemeInput, derived: DerivedTheme, logoUrl: string | null): AdminTheme => ({
  input,
  tokens: derived.tokens,
  contrast: derived.contrast,
  adjustments: derived.adjustments,
  logoUrl,
});

/** The input checked (400 naming each field below `at`) and normalized, with its derived set checked for AA (400 `contrast_failed`). */
function derivedFrom(input: unknown, at = ''): { input: ThemeInput; derived: DerivedTheme } {
  checkThemeInput(input, at);
  const next = normalizedInput(input);
  const derived = deriveTheme(next);
  checkContrast(derived, next, at);
  return { input: next, derived };
}

/**
 * The theme of organization `orgId` as AdminTheme: its input (for an organization stored before the derivation, whose
 * `theme_input` is `'{}'`, the input its old theme implies: input.ts `storedInput`), the tokens and contrast report
 * derived from it now, and the logo's path as stored (relative, `/api/organizations/<slug>/logo?v=…`, or null; the
 * routes answer it absolute). 404 `organization_not_found`.
 */
export async function readTheme(db: Db, orgId: string): Promise<AdminTheme> {
  const row = await themeRow(db, orgId);
  const input = inputOf(row);
  return adminTheme(input, deriveTheme(input), row.logo_url);
}

/**
 * Sets the theme from `input` (openapi.yaml ThemeInput): 400 `validation_failed` per field (input.ts
 * `themeInputProblems`), 400 `contrast_failed` when the derived set misses WCAG 2.2 AA. Stores the normalized input
 * in `organizations.theme_input` and the derived tokens in `organizations.theme` in one transaction, audited
 * `theme.updated` with the input before and after (`detail.from`, `detail.to`). With `dryRun` nothing is stored or
 * audited; the answer is the theme as it would be.
 */
export async function writeTheme(db: Db, ctx: Pick<Ctx, 'clock'>, orgId: string, input: ThemeInput, actor: Actor, { dryRun = false }: WriteOptions = {}): Promise<AdminTheme> {
  const next = derivedFrom(input);
  if (dryRun) return adminTheme(next.input, next.derived, (await themeRow(db, orgId)).logo_url);
  return db.transaction(async (trx) => {
    const row = await themeRow(trx, orgId, true);
    await storeTheme(trx, orgId, next.input, next.derived);
    await recordAudit(trx, ctx, { organizationId: orgId, actor, action: 'theme.updated', entityType: 'organization', entityId: orgId, detail: { from: inputOf(row), to: next.input } });
    return adminTheme(next.input, next.derived, row.logo_url);
  });
}

const storeTheme = (trx: Db, orgId: string, input: ThemeInput, derived: DerivedTheme) =>
  trx('organizations').where({ id: orgId }).update({ theme_input: JSON.stringify(input), theme: JSON.stringify(derived.tokens) });

/**
 * The theme as a file (openapi.yaml ThemeExport, schema `hausportal.theme/1`): its name (the input's `name`, else the
 * organization's, at most 80 characters), `createdAt` = `now`, the input, the tokens derived from it (informative
 * only) and the logo as a `data:` URL (base64, at most 200 KB of bytes) or null. 404 `organization_not_found`.
 */
export async function exportTheme(db: Db, orgId: string, now: Date): Promise<ThemeExport> {
  const row = await themeRow(db, orgId);
  const input = inputOf(row);
  const file = row.logo_file_id ? ((await db('files').where({ id: row.logo_file_id }).first('mime', 'bytes')) as { mime: string; bytes: Uint8Array } | undefined) : undefined;
  return {
    schema: themeSchema,
    name: [...(input.name ?? row.name)].slice(0, 80).join(''),
    createdAt: now.toISOString(),
    input,
    // openapi.yaml types `tokens` as an object without properties; it holds the Theme.
    tokens: deriveTheme(input).tokens as unknown as ThemeExport['tokens'],
    logo: file ? logoDataUrl(file.mime, file.bytes) : null,
  };
}

/** The violations of a theme file: a clear one for another `schema`, else the contract's ThemeExport, else the input's own rules. */
export function themeFileProblems(file: unknown): ContractViolation[] {
  const schema = (file as { schema?: unknown } | null)?.schema;
  if (schema !== themeSchema) return [{ field: '/schema', keyword: 'const', message: `Not a Hausportal theme file: "schema" must be "${themeSchema}".` }];
  const contract = contractViolations(contractFile, 'ThemeExport', file);
  return contract.length > 0 ? contract : themeInputProblems((file as ThemeExport).input, '/input');
}

/**
 * Imports a theme file (an {@link exportTheme} answer, maybe from another server): 400 for another `schema` or a broken
 * rule (pointers into the file: `/input/primary`, `/logo`), 400 `contrast_failed`; the tokens are derived anew from
 * `input`, the file's `tokens` are ignored. The logo: a data URL is decoded and checked as an upload (logo.ts
 * `prepareLogo`: 415 for another type, 413 over 200 KB, SVG sanitized) and replaces the current one; `null` removes
 * the logo; a file without `logo` keeps it. One transaction, audited `theme.imported` (input before and after, what
 * became of the logo). With `dryRun` nothing is stored: the answer shows the theme as it would be, its `logoUrl` the
 * new logo as a `data:` URL.
 */
export async function importTheme(db: Db, ctx: Pick<Ctx, 'clock'>, orgId: string, file: ThemeExport, actor: Actor, { dryRun = false }: WriteOptions = {}): Promise<AdminTheme> {
  const violations = themeFileProblems(file);
  if (violations.length > 0) throw validationProblem(violations.map((v) => `${v.field}: ${v.message}`).join('; '), violations);
  const next = derivedFrom(file.input, '/input');
  const logo = typeof file.logo === 'string' ? await prepareLogo(decodeLogoDataUrl(file.logo, '/logo'), '/logo') : file.logo;
  if (dryRun) {
    const current = (await themeRow(db, orgId)).logo_url;
    return adminTheme(next.input, next.derived, logo === undefined ? current : logo && logoDataUrl(logo.mime, logo.bytes));
  }
  return db.transaction(async (trx) => {
    const row = await themeRow(trx, orgId, true);
    await storeTheme(trx, orgId, next.input, next.derived);
    const logoUrl = logo === undefined ? row.logo_url : await replaceLogo(trx, ctx, row, logo);
    const logoDetail = logo === undefined ? 'kept' : logo === null ? 'removed' : { mime: logo.mime, size: logo.bytes.length, sha256: logo.sha256 };
    await recordAudit(trx, ctx, { organizationId: orgId, actor, action: 'theme.imported', entityType: 'organization', entityId: orgId, detail: { from: inputOf(row), to: next.input, logo: logoDetail } });
    return adminTheme(next.input, next.derived, logoUrl);
  });
}

/** Stores `logo` (or none) as the organization's, deletes the file it replaces, and returns the new `logo_url`. */
async function replaceLogo(trx: Db, ctx: Pick<Ctx, 'clock'>, row: ThemeRow, logo: PreparedLogo | null): Promise<string | null> {
  const fileId = logo ? await storeFile(trx, ctx, { organizationId: row.id, name: logoFileName(logo.mime), mime: logo.mime, bytes: logo.bytes }) : null;
  const logoUrl = logo ? logoPath(row.slug, logo.sha256) : null;
  await trx('organizations').where({ id: row.id }).update({ logo_file_id: fileId, logo_url: logoUrl });
  if (row.logo_file_id) await trx('files').where({ id: row.logo_file_id }).delete();
  return logoUrl;
}

/**
 * Sets the logo from uploaded `bytes` (logo.ts `prepareLogo`: PNG or JPEG as they are, SVG sanitized; 413
 * `file_too_large` over 200 KB, 415 `unsupported_file_type` otherwise, both naming the field `file`). The bytes go to
 * `files`, `logo_url` becomes `/api/organizations/<slug>/logo?v=<12 hex of the SHA-256>`, the previous logo's file is
 * deleted. One transaction, audited `theme.logo_updated` (type, size, SHA-256).
 */
export async function setLogo(db: Db, ctx: Pick<Ctx, 'clock'>, orgId: string, bytes: Buffer, actor: Actor): Promise<AdminTheme> {
  const logo = await prepareLogo(bytes, 'file');
  return db.transaction(async (trx) => {
    const row = await themeRow(trx, orgId, true);
    const logoUrl = await replaceLogo(trx, ctx, row, logo);
    await recordAudit(trx, ctx, { organizationId: orgId, actor, action: 'theme.logo_updated', entityType: 'organization', entityId: orgId, detail: { mime: logo.mime, size: logo.bytes.length, sha256: logo.sha256 } });
    const input = inputOf(row);
    return adminTheme(input, deriveTheme(input), logoUrl);
  });
}

/**
 * Removes the logo (its file too); audited `theme.logo_removed` when there was one, nothing happens otherwise. One
 * transaction. Answers the theme without logo.
 */
export async function removeLogo(db: Db, ctx: Pick<Ctx, 'clock'>, orgId: string, actor: Actor): Promise<AdminTheme> {
  return db.transaction(async (trx) => {
    const row = await themeRow(trx, orgId, true);
    if (row.logo_file_id || row.logo_url) {
      await replaceLogo(trx, ctx, row, null);
      await recordAudit(trx, ctx, { organizationId: orgId, actor, action: 'theme.logo_removed', entityType: 'organization', entityId: orgId, detail: { logoUrl: row.logo_url } });
    }
    const input = inputOf(row);
    return adminTheme(input, deriveTheme(input), null);
  });
}
