import type { Request } from 'express';
import type { Auth } from '../auth/middleware.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { newId } from '../ids.ts';
import { personsReached, type ReleaseSpec } from '../access/releases.ts';
import { queueDocumentNotices } from '../notifications/notify.ts';
import { audit } from './audit.ts';
import type { NotifyChoice, StoredRelease } from './document-view.ts';

export interface NewRelease {
  req: Request;
  auth: Auth;
  documentId: string;
  spec: ReleaseSpec;
  notify: NotifyChoice;
  /** The organization's day (YYYY-MM-DD): the persons reached then are notified. */
  today: string;
  /** Kept in the audit row, e.g. the line of a bulk import. */
  detail?: Record<string, unknown>;
  /** The ticket the release fulfils (a Dokumentenanforderung), kept in `document_releases.ticket_id`. */
  ticketId?: string | null;
}

/**
 * Releases a document inside the caller's transaction `trx`: the release with its targets, the notices of the persons
 * it reaches today (notifications/notify.ts) and the audit row, all or nothing. Returns the release and how many
 * persons it reaches.
 */
export async function releaseDocument(trx: Db, ctx: Pick<Ctx, 'clock'>, input: NewRelease): Promise<{ release: StoredRelease; reached: number }> {
  const { auth, spec, notify } = input;
  const release: StoredRelease = {
    id: newId(),
    document_id: input.documentId,
    rule: spec.rule,
    role: spec.role,
    period_from: spec.periodFrom,
    period_to: spec.periodTo,
    notify,
    released_at: ctx.clock().toISOString(),
    revoked_at: null,
    personIds: spec.personIds,
    unitIds: spec.unitIds,
    propertyIds: spec.propertyIds,
  };
  await trx('document_releases').insert({
    id: release.id,
    organization_id: auth.org.id,
    document_id: release.document_id,
    rule: release.rule,
    role: release.role,
    period_from: release.period_from,
    period_to: release.period_to,
    notify,
    released_at: release.released_at,
    released_by: auth.user.id,
    ticket_id: input.ticketId ?? null,
  });
  await trx('document_release_targets').insert([
    ...spec.personIds.map((person_id) => ({ release_id: release.id, person_id, unit_id: null, property_id: null })),
    ...spec.unitIds.map((unit_id) => ({ release_id: release.id, person_id: null, unit_id, property_id: null })),
    ...spec.propertyIds.map((property_id) => ({ release_id: release.id, person_id: null, unit_id: null, property_id })),
  ]);
  const reached = await personsReached(trx, auth.org.id, spec, input.today);
  const notified = await queueDocumentNotices(trx, ctx, { organizationId: auth.org.id, documentId: release.document_id, personIds: reached.map((p) => p.id), notify });
  await audit(trx, ctx, {
    req: input.req,
    auth,
    action: 'document.released',
    entityType: 'document_release',
    entityId: release.id,
    detail: {
      documentId: release.document_id, rule: spec.rule, role: spec.role, from: spec.periodFrom, to: spec.periodTo, notify,
      personIds: spec.personIds, unitIds: spec.unitIds, propertyIds: spec.propertyIds, reached: reached.length, notified, ...input.detail,
    },
  });
  return { release, reached: reached.length };
}
