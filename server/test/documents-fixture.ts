import { createHash } from 'node:crypto';
import { dayIn } from '../src/calendar.ts';
import { newId } from '../src/ids.ts';
import type { ReleaseRule } from '../src/access/releases.ts';
import type { TestServer } from './helpers.ts';
import { MoneyWorld } from './money-fixture.ts';

// Documents written straight into the database, for tests of the documents API (tenant and manager side) and of
// anything else that reads documents. A DocumentWorld is a MoneyWorld (persons with logins, properties, units,
// contracts: see money-fixture.ts) in an organization of its own, so its categories and documents are the only ones
// there, plus categories, files, documents and releases. Everything is named by a key of the test's choosing; `id(key)`
// gives the row id ("category:…", "document:…", "release:…", "file:…", and MoneyWorld's "person:…", "unit:…").
//
//   const w = await DocumentWorld.create(s, 'docs');
//   await w.person('Tina', { email: 'tina@example.test', password: 'Tina-Test-2026', role: 'tenant' });
//   await w.property('P', 'Testgasse 1', null);
//   await w.unit('P', 'U1');
//   await w.contract('c:tina', 'U1', 'Tina', 'tenant', '2024-03-01', null, 'T-1');
//   await w.category('bk', 'BK-Abrechnung');
//   await w.document('bk-2025', { category: 'bk', date: '2026-05-31', fileName: 'BK 2025.pdf' });
//   await w.release('bk-2025', 'bk-2025', { rule: 'occupancy', role: 'tenant', period: ['2025-01-01', '2025-12-31'], units: ['U1'] });
//   login(s.url, 'tina@example.test', 'Tina-Test-2026', 'docs')

export interface CategoryOptions {
  /** Key of the parent category. */
  parent?: string;
  en?: string;
  sort?: number;
  sensitive?: boolean;
  mandatory?: boolean;
}

export interface DocumentOptions {
  /** Key of its category. */
  category: string;
  /** Defaults to the key. */
  title?: string;
  /** YYYY-MM-DD. */
  date: string;
  period?: string | null;
  /** Defaults to `${title}.pdf`. */
  fileName?: string;
  /** Defaults to a small PDF naming the document. */
  bytes?: Buffer;
  /** Defaults to application/pdf. */
  mime?: string;
}

export interface ReleaseOptions {
  rule: ReleaseRule;
  /** tenant | owner; null or left out: both. */
  role?: 'tenant' | 'owner' | null;
  /** occupancy only: first and last day. */
  period?: [string, string];
  /** Person names (rule persons). */
  persons?: string[];
  /** Unit Tops (occupancy, unit_current). */
  units?: string[];
  /** Property keys (property_role). */
  properties?: string[];
  /** ISO 8601; defaults to now. */
  releasedAt?: string;
}

export class DocumentWorld extends MoneyWorld {
  slug = '';
  /** The bytes of each document's file, by document key. */
  bytes = new Map<string, Buffer>();

  /** A new organization `slug` (a copy of the demo's immopro: time zone, terms, policy) holding the world. */
  static async create(s: TestServer, slug: string): Promise<DocumentWorld> {
    const w = new DocumentWorld(s.db);
    const base = await s.db('organizations').where({ slug: 'immopro' }).first();
    w.orgId = newId();
    w.slug = slug;
    await s.db('organizations').insert({ ...base, id: w.orgId, slug, name: `Verwaltung ${slug}` });
    w.today = dayIn(s.clock.now().getTime(), 'Europe/Vienna');
    w.y = Number(w.today.slice(0, 4));
    return w;
  }

  async category(key: string, name: string, options: CategoryOptions = {}): Promise<string> {
    const id = this.id(`category:${key}`);
    await this.db('document_categories').insert({
      id, organization_id: this.orgId, parent_id: options.parent ? this.id(`category:${options.parent}`) : null, name_de: name, name_en: options.en ?? name,
      sort: options.sort ?? 0, default_roles: 'both', default_notify: 'digest', mandatory: options.mandatory ?? false, sensitive: options.sensitive ?? false,
      created_at: new Date().toISOString(),
    });
    return id;
  }

  async document(key: string, options: DocumentOptions): Promise<string> {
    const id = this.id(`document:${key}`);
    const fileId = this.id(`file:${key}`);
    const title = options.title ?? key;
    const name = options.fileName ?? `${title}.pdf`;
    const bytes = options.bytes ?? Buffer.from(`%PDF-1.4\n% ${title}\n%%EOF\n`, 'utf8');
    const now = new Date().toISOString();
    this.bytes.set(key, bytes);
    await this.db('files').insert({
      id: fileId, organization_id: this.orgId, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length,
      mime: options.mime ?? 'application/pdf', original_name: name, bytes, created_at: now,
    });
    await this.db('documents').insert({
      id, organization_id: this.orgId, category_id: this.id(`category:${options.category}`), file_id: fileId, title, document_date: options.date,
      period_label: options.period ?? null, source: 'upload', created_by: null, created_at: now, withdrawn_at: null,
    });
    return id;
  }

  /** A release `key` of the document `document` with its targets. */
  async release(key: string, document: string, options: ReleaseOptions): Promise<string> {
    const id = this.id(`release:${key}`);
    await this.db('document_releases').insert({
      id, organization_id: this.orgId, document_id: this.id(`document:${document}`), rule: options.rule, role: options.role ?? null,
      period_from: options.period?.[0] ?? null, period_to: options.period?.[1] ?? null, notify: 'none',
      released_at: options.releasedAt ?? new Date().toISOString(), released_by: null, revoked_at: null, revoked_by: null,
    });
    const targets = [
      ...(options.persons ?? []).map((name) => ({ person_id: this.id(`person:${name}`), unit_id: null, property_id: null })),
      ...(options.units ?? []).map((top) => ({ person_id: null, unit_id: this.id(`unit:${top}`), property_id: null })),
      ...(options.properties ?? []).map((property) => ({ person_id: null, unit_id: null, property_id: this.id(property) })),
    ];
    if (targets.length) await this.db('document_release_targets').insert(targets.map((t) => ({ release_id: id, ...t })));
    return id;
  }

  /** A document and one release of it, both under `key`. */
  async released(key: string, document: DocumentOptions, release: ReleaseOptions): Promise<string> {
    const id = await this.document(key, document);
    await this.release(key, key, release);
    return id;
  }

  async revoke(release: string, at = new Date().toISOString()): Promise<void> {
    await this.db('document_releases').where({ id: this.id(`release:${release}`) }).update({ revoked_at: at });
  }

  async withdraw(document: string, at = new Date().toISOString()): Promise<void> {
    await this.db('documents').where({ id: this.id(`document:${document}`) }).update({ withdrawn_at: at });
  }

  /** The person's read row of a document, if any. */
  async readOf(person: string, document: string): Promise<{ first_seen_at: string | null; first_opened_at: string | null } | undefined> {
    return this.db('document_reads').where({ person_id: this.id(`person:${person}`), document_id: this.id(`document:${document}`) }).first('first_seen_at', 'first_opened_at');
  }
}
