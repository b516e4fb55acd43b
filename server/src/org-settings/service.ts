import { resolve } from 'node:path';
import type { Request } from 'express';
import type { AdminSettings, AdminSettingsPatch, EmergencyNumber } from '@hausportal/api';
import type { Auth } from '../auth/middleware.ts';
import type { Ctx } from '../context.ts';
import { repoRoot } from '../config.ts';
import { bool, json, type Db } from '../db.ts';
import { timeZoneName } from '../calendar.ts';
import { storedTimeZone } from '../organizations.ts';
import { featureToggles, flatFeatures } from '../access/features.ts';
import { recordAudit, type Actor } from '../admin/audit.ts';
import { componentValidator } from '../http/openapi-validate.ts';
import { notFoundProblem, validationProblem, type ContractViolation } from '../http/problems.ts';
import { settingsRuleProblems } from './rules.ts';

// The organization's settings a manager may change (openapi.yaml AdminSettings), read and written by the manager API
// (admin/settings-routes.ts) and the operator command (cli/) through the same functions, with the same rules.

/** The columns of `organizations` behind {@link AdminSettings}. */
const columns = ['slug', 'digest_hour', 'time_zone', 'emergency_numbers', 'features', 'legal_links', 'sender_name', 'reply_to', 'allowed_origins', 'cross_site'] as const;
type OrgRow = Record<(typeof columns)[number], unknown>;

type LegalLinks = AdminSettings['legalLinks'];
const legalKeys = ['imprint', 'privacy', 'terms'] as const;

/** The legal links with their keys in a fixed order and without empty ones (so that equal sets compare equal). */
const orderedLinks = (links: LegalLinks): LegalLinks => Object.fromEntries(legalKeys.flatMap((k) => (links[k] ? [[k, links[k]]] : [])));

/** The emergency numbers with their keys in a fixed order. */
const orderedNumbers = (numbers: EmergencyNumber[]): EmergencyNumber[] => numbers.map((n) => ({ label: { de: n.label.de, en: n.label.en }, phone: n.phone }));

function toSettings(row: OrgRow): AdminSettings {
  return {
    digestHour: Number(row.digest_hour),
    timeZone: storedTimeZone(String(row.slug), row.time_zone),
    emergencyNumbers: orderedNumbers(json<EmergencyNumber[]>(row.emergency_numbers, [])),
    features: featureToggles(json(row.features, {})),
    legalLinks: orderedLinks(json<LegalLinks>(row.legal_links, {})),
    senderName: (row.sender_name as string | null) ?? null,
    replyTo: (row.reply_to as string | null) ?? null,
    allowedOrigins: json<string[]>(row.allowed_origins, []),
    crossSite: bool(row.cross_site),
  };
}

/** The organization's row; `lock` (inside a write's transaction) holds it until the transaction ends. 404 if none. */
async function rowOf(db: Db, organizationId: string, lock = false): Promise<OrgRow> {
  const q = db('organizations').where({ id: organizationId });
  if (lock) q.forUpdate();
  const row = (await q.first(columns)) as OrgRow | undefined;
  if (!row) throw notFoundProblem();
  return row;
}

/**
 * The settings of organization `organizationId` (openapi.yaml AdminSettings): digest hour (0–23, in the organization's
 * time zone), IANA time zone, emergency numbers, feature toggles per role (missing flags = on), legal links, mail
 * sender name and reply-to (null: the organization's name, no Reply-To), allowed origins and the cookie mode
 * (`crossSite`). Throws 404 `not_found` when there is no such organization.
 */
export async function readSettings(db: Db, organizationId: string): Promise<AdminSettings> {
  return toSettings(await rowOf(db, organizationId));
}

let patchSchema: ReturnType<typeof componentValidator> | null = null;

/**
 * Everything wrong with `patch` as a settings change, as violations with JSON pointers (`/allowedOrigins/1`): first
 * the contract's schema AdminSettingsPatch (types, ranges, known fields; the request validator checks it for the API,
 * this for the operator command too), then the rules beyond it (rules.ts): IANA time zone, exact https origins without
 * duplicates, https legal links, header-safe sender name and reply-to, one-line emergency labels. Empty when fine.
 */
export function settingsProblems(patch: unknown): ContractViolation[] {
  patchSchema ??= componentValidator(resolve(repoRoot, 'packages', 'api', 'openapi.yaml'), 'AdminSettingsPatch');
  const schema = patchSchema.check(patch).map((v) => ({ ...v, field: v.field === '/' ? '/' : `/${v.field}` }));
  return schema.length > 0 ? schema : settingsRuleProblems(patch as AdminSettingsPatch);
}

/** Throws 400 `validation_failed` naming every field of {@link settingsProblems}, or returns the checked patch. */
export function checkSettings(patch: unknown): AdminSettingsPatch {
  const problems = settingsProblems(patch);
  if (problems.length > 0) throw validationProblem(`The settings cannot be saved: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
  return patch as AdminSettingsPatch;
}

/** The patch's values in their stored spelling: the canonical time zone name, trimmed texts, ordered keys. */
function normalized(patch: AdminSettingsPatch): Partial<AdminSettings> {
  const out: Partial<AdminSettings> = { ...patch } as Partial<AdminSettings>;
  if (patch.timeZone !== undefined) out.timeZone = timeZoneName(patch.timeZone);
  if (patch.emergencyNumbers !== undefined) out.emergencyNumbers = orderedNumbers(patch.emergencyNumbers);
  if (patch.legalLinks !== undefined) out.legalLinks = orderedLinks(patch.legalLinks);
  if (typeof patch.senderName === 'string') out.senderName = patch.senderName.trim();
  if (typeof patch.replyTo === 'string') out.replyTo = patch.replyTo.trim();
  return out;
}

/** Each setting's column and stored value; `stored` are the flags as stored (keys of other features are kept). */
const writers: { [K in keyof AdminSettings]: (s: AdminSettings, stored: Record<string, boolean>) => [string, unknown] } = {
  digestHour: (s) => ['digest_hour', s.digestHour],
  timeZone: (s) => ['time_zone', s.timeZone],
  emergencyNumbers: (s) => ['emergency_numbers', JSON.stringify(s.emergencyNumbers)],
  features: (s, stored) => ['features', JSON.stringify(flatFeatures(s.features, stored))],
  legalLinks: (s) => ['legal_links', JSON.stringify(s.legalLinks)],
  senderName: (s) => ['sender_name', s.senderName],
  replyTo: (s) => ['reply_to', s.replyTo],
  allowedOrigins: (s) => ['allowed_origins', JSON.stringify(s.allowedOrigins)],
  crossSite: (s) => ['cross_site', s.crossSite],
};

/**
 * Changes the settings of organization `organizationId` by `patch` (openapi.yaml AdminSettingsPatch; `legalLinks`
 * and `features` replace the whole set) and returns them afterwards. Checked first ({@link checkSettings}: 400
 * `validation_failed` with field pointers); 404 `not_found` for an unknown organization. One transaction that locks
 * the organization's row, so the audit's "from" is what the change replaced: one `settings.updated` row by `actor`
 * with `{field: {from, to}}` for each field that changed, none when nothing did. The write clears the organization
 * cache (cache.ts watchWrites), so CORS, the cookie mode and the organization's "today" follow at once.
 */
export async function updateSettings(db: Db, ctx: Pick<Ctx, 'clock'>, organizationId: string, patch: AdminSettingsPatch, actor: Actor): Promise<AdminSettings> {
  const change = normalized(checkSettings(patch));
  return db.transaction(async (trx) => {
    const row = await rowOf(trx, organizationId, true);
    const before = toSettings(row);
    const after: AdminSettings = { ...before, ...change };
    const changed = (Object.keys(change) as (keyof AdminSettings)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    if (changed.length === 0) return before;
    const stored = json<Record<string, boolean>>(row.features, {});
    await trx('organizations')
      .where({ id: organizationId })
      .update(Object.fromEntries(changed.map((k) => writers[k](after, stored))));
    const detail = Object.fromEntries(changed.map((k) => [k, { from: before[k], to: after[k] }]));
    await recordAudit(trx, ctx, { organizationId, actor, action: 'settings.updated', entityType: 'organization', entityId: organizationId, detail });
    return after;
  });
}

/** The signed-in manager behind an API request as the audit's {@link Actor} (user id and client address). */
export const requestActor = (req: Request, auth: Auth): Actor => ({ userId: auth.user.id, clientIp: req.ip ?? null });
