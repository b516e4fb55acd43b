import type { Db } from '../db.ts';
import type { Ctx } from '../context.ts';

/** What a document release asks to be told: the persons it reached when it was made (frozen), and how. */
export interface DocumentNoticeRequest {
  organizationId: string;
  documentId: string;
  personIds: string[];
  /** The release's choice; `default` takes the category's `default_notify`. */
  notify: 'default' | 'immediate' | 'digest' | 'none';
}

/**
 * Queues the notices of a document release inside the caller's transaction `trx`: one `notifications` row per
 * person with a login whose preference and the category allow a mail, and a job for the immediate ones.
 * Returns how many persons will be mailed.
 */
export async function queueDocumentNotices(_trx: Db, _ctx: Pick<Ctx, 'clock'>, _request: DocumentNoticeRequest): Promise<number> {
  return 0;
}
