import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { addDefaultPostCategories } from '../src/posts/categories.ts';
import { postBodyText, sanitizePostBody } from '../src/posts/sanitize.ts';
import { login, type Session, type TestServer } from './helpers.ts';
import { DocumentWorld } from './documents-fixture.ts';

// Notices of the bulletin board written straight into the database, for tests of the resident API (the manager API
// is tested on its own). A PostWorld wraps a DocumentWorld (`world`: an organization of its own with persons, logins,
// properties, units and contracts, see documents-fixture.ts) and adds the default post categories, notices with their
// audiences, attachments and read rows. Everything is named by a key of the test's choosing; `id(key)` gives the row
// id ("post:…", "post-file:…", and the world's "person:…", "unit:…", property keys).
//
//   const b = await PostWorld.create(s, 'board');
//   await b.world.person('Tina', { email: 'tina@example.test', password: 'Tina-Test-2026', role: 'tenant' });
//   await b.world.property('P', 'Testgasse 1', null);
//   …
//   await b.post('water', { type: 'danger', properties: ['P'], role: 'tenant', until: '2026-06-30', appointment: { start: '2026-06-20T06:00:00.000Z' } });
//   await b.file('water', 'plan', { name: 'Plan.pdf' });

export type PostRole = 'tenant' | 'owner' | 'both' | 'none';

export interface PostOptions {
  title?: string;
  type?: 'neutral' | 'info' | 'warning' | 'danger';
  /** Key of a default category (posts/categories.ts); default `allgemein`. */
  category?: string;
  status?: 'draft' | 'published' | 'unpublished';
  /** Default `both` with properties, `none` without. */
  role?: PostRole;
  /** Property keys of the world. */
  properties?: string[];
  /** Person names of the world (chosen persons). */
  persons?: string[];
  /** First day shown (YYYY-MM-DD); default: the world's today. */
  from?: string;
  /** Last day shown; default none. */
  until?: string | null;
  /** HTML, sanitized as the manager API does; default a paragraph naming the notice. */
  body?: string;
  appointment?: { start: string; end?: string | null; allDay?: boolean; place?: string | null };
  link?: { url: string; text: string };
  pinned?: boolean;
  requiresAck?: boolean;
  revision?: number;
  revisedAt?: string | null;
  /** ISO 8601; default now (for published and unpublished notices). */
  publishedAt?: string;
}

export interface FileOptions {
  name: string;
  /** Default application/pdf; image/jpeg makes a real JPEG (with `thumb`, a preview too). */
  mime?: string;
  bytes?: Buffer;
  thumb?: boolean;
  /** ISO 8601; default now. */
  createdAt?: string;
}

/** A contract of a resident: unit Top, role, first and last day (null: open). */
export type ContractPlan = [top: string, role: 'tenant' | 'owner', from: string, to: string | null];

/** A person with a login (the membership's role) and contracts. */
export interface ResidentPlan {
  login: 'tenant' | 'owner' | 'manager';
  contracts?: ContractPlan[];
}

/** A small real image. */
export const jpeg = (width = 64, height = 48): Promise<Buffer> => sharp({ create: { width, height, channels: 3, background: '#c33' } }).jpeg().toBuffer();

export class PostWorld {
  /** The bytes of each file, by file key (and `<key>:thumb` for a preview). */
  bytes = new Map<string, Buffer>();
  private constructor(readonly world: DocumentWorld) {}

  /** A new organization `slug` (see DocumentWorld.create) with the default post categories. */
  static async create(s: TestServer, slug: string): Promise<PostWorld> {
    const world = await DocumentWorld.create(s, slug);
    await addDefaultPostCategories(s.db, world.orgId, new Date());
    return new PostWorld(world);
  }

  /** The login e-mail and password of the person `name` of this world. */
  email = (name: string): string => `${name.toLowerCase()}.${this.world.slug}@example.test`;
  password = (name: string): string => `${name}-Brett-${this.world.slug}-2026`;

  /** Properties (key → unit Tops) with their units. */
  async houses(plan: Record<string, string[]>): Promise<void> {
    for (const [key, tops] of Object.entries(plan)) {
      await this.world.property(key, `${key}-Gasse 1`, null);
      for (const top of tops) await this.world.unit(key, top);
    }
  }

  /** Persons with logins ({@link email}, {@link password}) and their contracts on units of {@link houses}. */
  async residents(plan: Record<string, ResidentPlan>): Promise<void> {
    for (const [name, r] of Object.entries(plan)) {
      await this.world.person(name, { email: this.email(name), password: this.password(name), role: r.login });
      for (const [i, [top, role, from, to]] of (r.contracts ?? []).entries()) await this.world.contract(`c:${name}:${i}`, top, name, role, from, to, `${name}-${i}`);
    }
  }

  /** A login of the person `name` (at the server clock's instant). */
  session(s: TestServer, name: string): Promise<Session> {
    return login(s.url, this.email(name), this.password(name), this.world.slug);
  }

  /** Logins of all `names`, by name. */
  async sessions<N extends string>(s: TestServer, names: readonly N[]): Promise<Record<N, Session>> {
    const all = await Promise.all(names.map((name) => this.session(s, name)));
    return Object.fromEntries(names.map((name, i) => [name, all[i]!])) as Record<N, Session>;
  }

  get db() {
    return this.world.db;
  }

  id(key: string): string {
    return this.world.id(key);
  }

  /** The id of the notice `key`. */
  post$(key: string): string {
    return this.id(`post:${key}`);
  }

  async categoryId(key: string): Promise<string> {
    return (await this.db('post_categories').where({ organization_id: this.world.orgId, key }).first('id')).id as string;
  }

  /** A notice `key` (published, shown from today, to `both` roles of the properties unless told otherwise). */
  async post(key: string, o: PostOptions = {}): Promise<string> {
    const id = this.post$(key);
    const now = new Date().toISOString();
    const status = o.status ?? 'published';
    const html = sanitizePostBody(o.body ?? `<p>Text von ${key}.</p>`);
    await this.db('posts').insert({
      id, organization_id: this.world.orgId, category_id: await this.categoryId(o.category ?? 'allgemein'), status, type: o.type ?? 'neutral', title: o.title ?? key,
      body_html: html, body_text: postBodyText(html), audience_role: o.role ?? (o.properties?.length ? 'both' : 'none'),
      visible_from: o.from ?? this.world.today, visible_until: o.until ?? null,
      appointment_start: o.appointment?.start ?? null, appointment_end: o.appointment?.end ?? null, appointment_all_day: o.appointment?.allDay ?? false,
      appointment_place: o.appointment?.place ?? null, link_url: o.link?.url ?? null, link_text: o.link?.text ?? null,
      pinned: o.pinned ?? false, requires_ack: o.requiresAck ?? false, revision: o.revision ?? 1, revised_at: o.revisedAt ?? null, author_kind: 'staff', author_user_id: null,
      published_at: status === 'draft' ? null : (o.publishedAt ?? now), unpublished_at: status === 'unpublished' ? now : null, reminded_at: null, created_at: now, updated_at: now,
    });
    if (o.properties?.length) await this.db('post_properties').insert(o.properties.map((p) => ({ post_id: id, property_id: this.id(p) })));
    if (o.persons?.length) await this.db('post_persons').insert(o.persons.map((name) => ({ post_id: id, person_id: this.id(`person:${name}`) })));
    return id;
  }

  private async storeFile(key: string, name: string, mime: string, bytes: Buffer): Promise<string> {
    const id = this.id(`file:${key}`);
    this.bytes.set(key, bytes);
    await this.db('files').insert({
      id, organization_id: this.world.orgId, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mime, original_name: name, bytes, created_at: new Date().toISOString(),
    });
    return id;
  }

  /** An attachment `key` of the notice `post`; its id is `id('post-file:<key>')`. */
  async file(post: string, key: string, o: FileOptions): Promise<string> {
    const mime = o.mime ?? 'application/pdf';
    const bytes = o.bytes ?? (mime === 'image/jpeg' ? await jpeg() : Buffer.from(`%PDF-1.4\n% ${o.name}\n%%EOF\n`, 'utf8'));
    const fileId = await this.storeFile(key, o.name, mime, bytes);
    const thumbId = o.thumb ? await this.storeFile(`${key}:thumb`, o.name, 'image/jpeg', await jpeg(32, 24)) : null;
    const id = this.id(`post-file:${key}`);
    await this.db('post_files').insert({ id, post_id: this.post$(post), file_id: fileId, thumb_file_id: thumbId, name: o.name, mime, size: bytes.length, created_at: o.createdAt ?? new Date().toISOString() });
    return id;
  }

  /** A substantial change: the next revision, "aktualisiert" at `at`. */
  async revise(post: string, at: string): Promise<void> {
    await this.db('posts').where({ id: this.post$(post) }).update({ revision: this.db.raw('revision + 1'), revised_at: at, updated_at: at });
  }

  /** The person's post_reads rows of a notice, by revision. */
  async readsOf(person: string, post: string): Promise<{ revision: number; first_seen_at: string | null; opened_at: string | null; acknowledged_at: string | null }[]> {
    const rows = await this.db('post_reads').where({ person_id: this.id(`person:${person}`), post_id: this.post$(post) }).orderBy('revision').select('revision', 'first_seen_at', 'opened_at', 'acknowledged_at');
    return rows.map((r) => ({ ...r, revision: Number(r.revision) }));
  }
}
