import type { Db } from '../db.ts';
import { releasesReaching } from '../access/releases.ts';

// A bulk import sent twice must not store the documents again nor mail the persons again. A line is a duplicate when
// it would give its person what they have already: the same file (SHA-256 of the bytes), the same title and a live
// (not withdrawn) document that a live release reaches the person with today (access/releases.ts, the one rule), or
// when an earlier line of the same index has the same file, person and title.

/** What a line would store, for the comparison. */
export interface BulkItem {
  /** The file's SHA-256, hex. */
  sha256: string;
  person: { id: string; name: string };
  title: string;
  /** Its line in the CSV. */
  line: number;
}

/**
 * Why each item is a duplicate (a message for the report), or null when it is none, in the order of `items`.
 * Run it inside the import's transaction, under a lock that keeps a second import of the organization out until
 * the first has committed, so that two imports at once cannot both store a line.
 */
export async function duplicatesOf(db: Db, organizationId: string, today: string, items: BulkItem[]): Promise<(string | null)[]> {
  const stored = await storedDuplicates(db, organizationId, today, items);
  const firstLine = new Map<string, number>();
  return items.map((item, i) => {
    const existing = stored[i];
    if (existing) return `${item.person.name} already has this file with this title (document ${existing}); not stored again.`;
    const key = JSON.stringify([item.sha256, item.person.id, item.title]);
    const earlier = firstLine.get(key);
    if (earlier !== undefined) return `Line ${earlier} has the same file, person and title; not stored twice.`;
    firstLine.set(key, item.line);
    return null;
  });
}

/** For each item, the id of a live document with its file and title that reaches its person today, or null. */
async function storedDuplicates(db: Db, organizationId: string, today: string, items: BulkItem[]): Promise<(string | null)[]> {
  if (items.length === 0) return [];
  // The documents with a file and title of the import: none on a first import, so usually one query and no more.
  const candidates = (await db('documents as d')
    .join('files as f', 'f.id', 'd.file_id')
    .where('d.organization_id', organizationId)
    .whereNull('d.withdrawn_at')
    .whereIn('f.sha256', [...new Set(items.map((i) => i.sha256))])
    .whereIn('d.title', [...new Set(items.map((i) => i.title))])
    .select('d.id', 'd.title', 'f.sha256')) as { id: string; title: string; sha256: string }[];
  const sameAs = (item: BulkItem) => candidates.filter((c) => c.sha256 === item.sha256 && c.title === item.title).map((c) => c.id);
  // Which of them reach each person concerned, one query per person.
  const reached = new Map<string, Set<string>>();
  for (const item of items) {
    const ids = sameAs(item);
    if (ids.length === 0 || reached.has(item.person.id)) continue;
    const personsCandidates = [...new Set(items.filter((i) => i.person.id === item.person.id).flatMap(sameAs))];
    const rows = (await db
      .from(releasesReaching(db, organizationId, item.person.id, today).as('rr'))
      .whereIn('rr.document_id', personsCandidates)
      .distinct('rr.document_id')) as { document_id: string }[];
    reached.set(item.person.id, new Set(rows.map((r) => r.document_id)));
  }
  return items.map((item) => sameAs(item).sort().find((id) => reached.get(item.person.id)?.has(id)) ?? null);
}
