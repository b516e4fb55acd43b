// Mock API for documents: GET /document-categories (the demo seed's tree and names), GET /documents (filters and
// pages), POST /documents/read, POST /documents/{id}/read, GET /documents/{id}/file (a PDF) and GET
// /documents/archive (a ZIP), scoped like the reference server (someone else's document answers 404 like an unknown
// id). Each demo user's documents follow from their units: the unit's BK-Abrechnung, Vorschreibung, contract and
// Energieausweis, the property's Hausordnung, the owners' minutes, circular resolution and insurance, and a payment
// reminder for an amount due. Plus story variants.
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { DocumentItem, FieldError, Me } from '@hausportal/api';
import { demoCategories, documentItem, documentPage, generateDocuments, newestFirst, place, yearOf } from '@hausportal/documents/testing.js';
import { API } from './handlers.js';
import { invalid, problem } from './problems.js';
import { fixedStore, perPerson, signedIn, type PersonStore } from './resident.js';
import { textPdf, Y } from './statement-data.js';
import { unitsOf } from './unit-data.js';

const idPattern = /^[0-9A-Za-z-]{8,64}$/;
const cursorPattern = /^[A-Za-z0-9_-]{1,512}$/;
const day = (offset: number, month: number, d: number) => `${Y - offset}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The demo documents of `me` in the organization of the session, unread ones as the seed leaves them. */
function documentsOf(me: Me): DocumentItem[] {
  const { items: units, properties } = unitsOf(me);
  const docs: DocumentItem[] = [];
  const seen = (date: string) => ({ seenAt: `${date}T09:00:00Z`, openedAt: `${date}T09:00:00Z` });
  for (const p of properties) {
    const where = place({ id: p.id, name: p.name, address: `${p.address.street}, ${p.address.postalCode} ${p.address.city}` });
    const owner = units.some((u) => u.propertyId === p.id && u.contract.role === 'owner');
    docs.push(documentItem(`d-${p.id}-hausordnung`, 'Hausordnung', 'cat-hausordnung', day(3, 5, 10), where, seen(day(3, 5, 12))));
    if (owner) {
      docs.push(documentItem(`d-${p.id}-protokoll`, `Protokoll der Eigentümerversammlung ${Y - 1}`, 'cat-versammlung', day(1, 11, 20), where, { periodLabel: String(Y - 1) }));
      docs.push(documentItem(`d-${p.id}-umlauf`, 'Umlaufbeschluss Fassadensanierung', 'cat-umlauf', day(0, 2, 10), where, seen(day(0, 2, 11))));
      docs.push(documentItem(`d-${p.id}-polizze`, `Gebäudeversicherung Polizze ${Y}`, 'cat-versicherung', day(0, 1, 15), where, seen(day(0, 1, 20))));
    }
    for (const u of units.filter((unit) => unit.propertyId === p.id)) {
      const at = place({ id: p.id, name: p.name, address: where.address! }, { id: u.id, top: u.top });
      const contract = u.contract.role === 'owner' ? ['cat-we-vertrag', `Wohnungseigentumsvertrag Top ${u.top}`] : ['cat-mietvertrag', `Mietvertrag Top ${u.top}`];
      docs.push(
        documentItem(`d-${u.id}-bk`, `Betriebskostenabrechnung ${Y - 1}`, 'cat-bk-abrechnung', day(0, 3, 15), at, { periodLabel: String(Y - 1), size: 184_320 }),
        documentItem(`d-${u.id}-vs`, `Vorschreibung ${Y}`, 'cat-vorschreibung', day(0, 1, 2), at, { ...seen(day(0, 1, 5)), periodLabel: String(Y) }),
        documentItem(`d-${u.id}-vertrag`, contract[1]!, contract[0]!, u.contract.validFrom, at, { ...seen(u.contract.validFrom), size: 1_240_000 }),
        documentItem(`d-${u.id}-energie`, `Energieausweis Top ${u.top}`, 'cat-energieausweis', day(4, 8, 1), at, { ...seen(day(4, 8, 3)), fileName: `Energieausweis Top ${u.top} – ${p.name}.pdf` }),
      );
      if (u.balanceCents > 0) docs.push(documentItem(`d-${u.id}-mahnung`, `Zahlungserinnerung Top ${u.top}`, 'cat-mahnungen', day(0, 3, 20), place()));
    }
  }
  return newestFirst(docs);
}

/** Where a person's documents and their read state live while the page is open (reads and downloads change it). */
type Library = PersonStore<DocumentItem>;

const demoLibrary: Library = perPerson(documentsOf);

/** Marks the documents `which` picks read (and opened); returns how many were unread. */
function markRead(library: Library, me: Me, which: (d: DocumentItem) => boolean, opened: boolean): number {
  const now = new Date().toISOString();
  let marked = 0;
  library.set(me, library.get(me).map((d) => {
    if (!which(d)) return d;
    if (!d.seenAt) marked++;
    return { ...d, seenAt: d.seenAt ?? now, openedAt: opened ? (d.openedAt ?? now) : d.openedAt };
  }));
  return marked;
}

/** `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266). */
const attachment = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\%;]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

const file = (bytes: Uint8Array, type: string, name: string) =>
  new HttpResponse(new Blob([bytes as BlobPart], { type }), {
    headers: { 'Content-Type': type, 'Content-Disposition': attachment(name), 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' },
  });

const pdfOf = (d: DocumentItem) => textPdf([d.title, d.place.propertyName ?? 'Persönlich', d.place.top ? `Top ${d.place.top}` : '', `Datum: ${d.documentDate}`], d.title);

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array) => (bytes.reduce((c, b) => crcTable[(c ^ b) & 0xff]! ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;

/** A ZIP that stores the files uncompressed (UTF-8 names), enough for a mock download. */
function storedZip(files: { name: string; bytes: Uint8Array }[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const header = (size: number, write: (view: DataView) => void) => {
    const buffer = new Uint8Array(size);
    write(new DataView(buffer.buffer));
    return buffer;
  };
  for (const f of files) {
    const name = new TextEncoder().encode(f.name);
    const crc = crc32(f.bytes);
    const common = (v: DataView, at: number) => {
      v.setUint16(at, 20, true);
      v.setUint16(at + 2, 0x0800, true); // UTF-8 names
      v.setUint32(at + 10, crc, true);
      v.setUint32(at + 14, f.bytes.length, true);
      v.setUint32(at + 18, f.bytes.length, true);
      v.setUint16(at + 22, name.length, true);
    };
    const local = header(30, (v) => (v.setUint32(0, 0x04034b50, true), common(v, 4)));
    central.push(header(46, (v) => (v.setUint32(0, 0x02014b50, true), v.setUint16(4, 20, true), common(v, 6), v.setUint32(42, offset, true))), name);
    parts.push(local, name, f.bytes);
    offset += 30 + name.length + f.bytes.length;
  }
  const size = central.reduce((n, p) => n + p.length, 0);
  const end = header(22, (v) => {
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, files.length, true);
    v.setUint16(10, files.length, true);
    v.setUint32(12, size, true);
    v.setUint32(16, offset, true);
  });
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  all.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

/** True when the category `id` is `category` or one of its subcategories. */
const inCategory = (id: string, category: string): boolean =>
  id === category || demoCategories.some((c) => c.id === id && c.parentId !== null && inCategory(c.parentId, category));

/** The contract's checks of GET /documents' parameters: name, test, error code and message. */
const listChecks: [name: string, ok: (value: string) => boolean, code: string, message: string][] = [
  ['limit', (v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 200, 'maximum', 'must be between 1 and 200'],
  ['cursor', (v) => cursorPattern.test(v), 'pattern', 'is not a valid cursor'],
  ['category', (v) => idPattern.test(v), 'pattern', 'is not a valid id'],
  ['year', (v) => /^\d{4}$/.test(v) && Number(v) >= 1900 && Number(v) <= 2099, 'range', 'must be a year from 1900 to 2099'],
  ['unread', (v) => v === 'true' || v === 'false', 'type', 'must be true or false'],
];

/**
 * The document endpoints over `library`: GET /documents with the contract's checks and filters (category with its
 * subcategories, year, unread), marking read, and the downloads (which count as opened).
 */
function documentRoutes(library: Library): HttpHandler[] {
  const find = (me: Me, id: string) => library.get(me).find((d) => d.id === id);
  const unread = (me: Me) => library.get(me).filter((d) => !d.seenAt).length;
  return [
    signedIn('get', '/documents', (me, request) => {
      const query = new URL(request.url).searchParams;
      const errors: FieldError[] = listChecks
        .filter(([name, ok]) => query.has(name) && !ok(query.get(name)!))
        .map(([field, , code, message]) => ({ field, code, message }));
      if (errors.length) return invalid(errors);
      const category = query.get('category');
      const cursor = query.get('cursor');
      const limit = Number(query.get('limit') ?? 100);
      const year = query.get('year');
      const all = library.get(me);
      // The year of the period when the period label is a year, else of the document date (as the server counts it).
      const items = all.filter((d) => (!category || inCategory(d.categoryId, category)) && (!year || yearOf(d) === year) && (query.get('unread') !== 'true' || !d.seenAt));
      return HttpResponse.json({ ...documentPage(items, limit, cursor), unreadCount: unread(me) });
    }),
    signedIn('post', '/documents/read', async (me, request) => {
      const body = (await request.json().catch(() => null)) as { category?: string } | null;
      if (!body || typeof body !== 'object') return invalid([{ field: '/', code: 'type', message: 'must be a JSON object' }]);
      const marked = markRead(library, me, (d) => !body.category || inCategory(d.categoryId, body.category), false);
      return HttpResponse.json({ marked, unreadCount: unread(me) });
    }),
    signedIn('post', '/documents/:id/read', (me, _request, { id }) => {
      if (!find(me, id!)) return problem('not_found');
      markRead(library, me, (d) => d.id === id, false);
      const doc = find(me, id!)!;
      return HttpResponse.json({ id: doc.id, seenAt: doc.seenAt, openedAt: doc.openedAt, unreadCount: unread(me) });
    }),
    signedIn('get', '/documents/archive', (me, request) => {
      const ids = (new URL(request.url).searchParams.get('ids') ?? '').split(',').filter(Boolean);
      if (!ids.length || ids.length > 200 || !ids.every((id) => idPattern.test(id))) return invalid([{ field: 'ids', code: 'items', message: '1 to 200 document ids' }]);
      const docs = ids.map((id) => find(me, id));
      if (docs.some((d) => !d)) return problem('not_found');
      markRead(library, me, (d) => ids.includes(d.id), true);
      // Like the server: equal names get " (2)", " (3)" before the extension.
      const taken = new Map<string, number>();
      const named = docs.map((d) => {
        const n = (taken.get(d!.fileName) ?? 0) + 1;
        taken.set(d!.fileName, n);
        return { name: n === 1 ? d!.fileName : d!.fileName.replace(/(\.\w+)?$/, ` (${n})$1`), bytes: pdfOf(d!) };
      });
      return file(storedZip(named), 'application/zip', 'Dokumente.zip');
    }),
    signedIn('get', '/documents/:id/file', (me, _request, { id }) => {
      const doc = find(me, id!);
      if (!doc) return problem('not_found');
      markRead(library, me, (d) => d.id === id, true);
      return file(pdfOf(doc), 'application/pdf', doc.fileName);
    }),
  ];
}

export const documentHandlers: HttpHandler[] = [
  signedIn('get', '/document-categories', () => HttpResponse.json({ items: demoCategories })),
  ...documentRoutes(demoLibrary),
];

/** A library of fixed documents for every person (a story's own, changed by its reads and downloads). */
const fixed: (items: DocumentItem[]) => Library = fixedStore;

/** The signed-in person has units but no document released to them. */
export function noDocuments(): HttpHandler[] {
  return documentRoutes(fixed([]));
}

/** The signed-in person has neither units nor documents. */
export function noUnitsNoDocuments(): HttpHandler[] {
  return [...documentRoutes(fixed([])), http.get(`${API}/units`, () => HttpResponse.json({ items: [], properties: [], nextCursor: null }))];
}

/** GET /documents fails with 500. */
export function documentsFail(): HttpHandler[] {
  return [http.get(`${API}/documents`, () => problem('internal_error'))];
}

/** GET /documents never answers (the loading state). */
export function documentsPending(): HttpHandler[] {
  return [http.get(`${API}/documents`, () => delay('infinite'))];
}

/** Downloads (one document or a ZIP) fail with 500; the list loads. */
export function downloadsFail(): HttpHandler[] {
  return [http.get(`${API}/documents/archive`, () => problem('internal_error')), http.get(`${API}/documents/:id/file`, () => problem('internal_error'))];
}

/** The signed-in person has `n` generated documents (pages of at most 200). */
export function manyDocuments(n: number): HttpHandler[] {
  return documentRoutes(fixed(generateDocuments(n)));
}
