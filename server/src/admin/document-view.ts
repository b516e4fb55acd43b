import type { AdminDocument, DocumentRelease } from '@hausportal/api';
import type { Db } from '../db.ts';
import { personsReached, type ReleaseRule, type ReleaseSpec } from '../access/releases.ts';
import type { DocumentRow } from './scope.ts';

// Documents and their releases as the manager API shows them (AdminDocument, DocumentRelease).

export type NotifyChoice = DocumentRelease['notify'];

/** A row of document_releases with its targets. */
export interface StoredRelease {
  id: string;
  document_id: string;
  rule: ReleaseRule;
  role: 'tenant' | 'owner' | null;
  period_from: string | null;
  period_to: string | null;
  notify: NotifyChoice;
  released_at: string;
  revoked_at: string | null;
  personIds: string[];
  unitIds: string[];
  propertyIds: string[];
}

/** The releases of `documentIds` (revoked ones too), oldest first, by document. */
export async function releasesOf(db: Db, documentIds: string[]): Promise<Map<string, StoredRelease[]>> {
  const byDocument = new Map<string, StoredRelease[]>(documentIds.map((id) => [id, []]));
  if (documentIds.length === 0) return byDocument;
  const rows = (await db('document_releases')
    .whereIn('document_id', documentIds)
    .orderBy('released_at')
    .orderBy('id')
    .select('id', 'document_id', 'rule', 'role', 'period_from', 'period_to', 'notify', 'released_at', 'revoked_at')) as Omit<StoredRelease, 'personIds' | 'unitIds' | 'propertyIds'>[];
  const targets = (rows.length === 0
    ? []
    : await db('document_release_targets').whereIn('release_id', rows.map((r) => r.id)).select('release_id', 'person_id', 'unit_id', 'property_id')) as {
    release_id: string;
    person_id: string | null;
    unit_id: string | null;
    property_id: string | null;
  }[];
  const byId = new Map<string, StoredRelease>();
  for (const row of rows) {
    const release: StoredRelease = { ...row, personIds: [], unitIds: [], propertyIds: [] };
    byId.set(row.id, release);
    byDocument.get(row.document_id)!.push(release);
  }
  for (const t of targets) {
    const release = byId.get(t.release_id)!;
    if (t.person_id) release.personIds.push(t.person_id);
    if (t.unit_id) release.unitIds.push(t.unit_id);
    if (t.property_id) release.propertyIds.push(t.property_id);
  }
  return byDocument;
}

export const specOf = (r: StoredRelease): ReleaseSpec => ({
  rule: r.rule,
  role: r.role,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  personIds: r.personIds,
  unitIds: r.unitIds,
  propertyIds: r.propertyIds,
});

export const releaseJson = (r: StoredRelease, reached: number): DocumentRelease => ({
  id: r.id,
  rule: r.rule,
  roles: r.role ?? 'both',
  personIds: r.personIds,
  unitIds: r.unitIds,
  propertyIds: r.propertyIds,
  from: r.period_from,
  to: r.period_to,
  notify: r.notify,
  releasedAt: r.released_at,
  revokedAt: r.revoked_at,
  reached,
});

/** Persons a release reaches today: none once it is revoked or its document withdrawn. */
export async function reachedCount(db: Db, organizationId: string, document: Pick<DocumentRow, 'withdrawn_at'>, release: StoredRelease, today: string): Promise<number> {
  if (release.revoked_at !== null || document.withdrawn_at !== null) return 0;
  return (await personsReached(db, organizationId, specOf(release), today)).length;
}

/** The documents as AdminDocument, each with its releases and the persons each reaches today. */
export async function adminDocuments(db: Db, organizationId: string, rows: DocumentRow[], today: string): Promise<AdminDocument[]> {
  const releases = await releasesOf(db, rows.map((r) => r.id));
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      title: row.title,
      categoryId: row.category_id,
      documentDate: row.document_date,
      periodLabel: row.period_label,
      fileName: row.file_name,
      mimeType: row.mime,
      size: Number(row.size),
      sha256: row.sha256,
      createdAt: row.created_at,
      withdrawnAt: row.withdrawn_at,
      releases: await Promise.all(
        releases.get(row.id)!.map(async (r) => releaseJson(r, await reachedCount(db, organizationId, row, r, today))),
      ),
    })),
  );
}
